"""Open the logs named on the command line: files, or stdin for an explicit `-`.

Every way a path can be wrong gets one clear line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from camg.errors import CamgError, Problem
from camg.parser import ParsedLog, decode, parse

STDIN = "-"


def read_logs(paths: list[str], stdin: BinaryIO, date_order: str | None = None) -> ParsedLog:
    """Parse every log into one; days with the same date merge across files."""
    log = ParsedLog(days=[], problems=[])
    if paths.count(STDIN) > 1:
        raise CamgError("stdin (-) can be read only once")
    for path in paths:
        source = "<stdin>" if path == STDIN else path
        data = stdin.read() if path == STDIN else _read_file(path)
        parse(decode(data, source), source, into=log, date_order=date_order)
    return log


def _read_file(path: str) -> bytes:
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise CamgError(Problem("no such file", path)) from None
    except IsADirectoryError:
        raise CamgError(Problem("is a directory, not a meal log file", path)) from None
    except PermissionError:
        raise CamgError(Problem("permission denied: cannot read this file", path)) from None
    except OSError as error:
        raise CamgError(Problem(f"cannot read: {error.strerror}", path)) from None
