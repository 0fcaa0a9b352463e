"""Open the logs named on the command line: files, or stdin for an explicit `-`.

Every way a path can be wrong gets one clear line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from camg.errors import CamgError, Kind, Problem
from camg.parser import ParsedLog, decode, parse

STDIN = "-"


def read_logs(paths: list[str], stdin: BinaryIO, date_order: str | None = None) -> ParsedLog:
    """Parse every log into one; days with the same date merge across files."""
    log = ParsedLog(days=[], problems=[])
    if paths.count(STDIN) > 1:
        raise CamgError("stdin (-) can be read only once")
    unreadable: list[Problem] = []
    for path in paths:
        source = "<stdin>" if path == STDIN else shown(path)
        try:
            data = stdin.read() if path == STDIN else _read_file(path)
            parse(decode(data, source), source, into=log, date_order=date_order)
        except CamgError as error:  # every file is tried, and every unreadable one reported
            unreadable.extend(error.problems)
    if unreadable:
        raise CamgError(unreadable)
    return log


def shown(path: str) -> str:
    """A file name as it may be printed: no control character, no invalid byte."""
    safe = path.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in safe)


def _read_file(path: str) -> bytes:
    target = Path(path)
    name = shown(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise CamgError(Problem("no such file", name, kind=Kind.UNREADABLE)) from None
    except IsADirectoryError:
        problem = Problem("is a directory, not a meal log file", name, kind=Kind.UNREADABLE)
        raise CamgError(problem) from None
    except PermissionError:
        problem = Problem("permission denied: cannot read this file", name, kind=Kind.UNREADABLE)
        raise CamgError(problem) from None
    except OSError as error:
        problem = Problem(f"cannot read: {error.strerror}", name, kind=Kind.UNREADABLE)
        raise CamgError(problem) from None
