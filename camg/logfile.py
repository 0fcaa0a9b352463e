"""Open the logs named on the command line: files, or stdin for an explicit `-`.

Every way a path can be wrong gets one clear line, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from camg.errors import CamgError, Kind, Problem
from camg.parser import ParsedLog, decode, parse

STDIN = "-"
# A year of a detailed diary is well under 1 MB; a larger "log" is a wrong file
# (/dev/zero, a disk image), refused before it fills memory.
MOST_BYTES = 100_000_000


def read_logs(paths: list[str], stdin: BinaryIO | None, date_order: str | None = None) -> ParsedLog:
    """Parse every log into one; days with the same date merge across files."""
    log = ParsedLog(days=[], problems=[])
    if paths.count(STDIN) > 1:
        raise CamgError("stdin (-) can be read only once")
    unreadable: list[Problem] = []
    for path in paths:
        source = "<stdin>" if path == STDIN else shown(path)
        try:
            data = _read_stdin(stdin) if path == STDIN else _read_file(path)
            text, data = decode(data, source), b""  # the bytes go before the lines are read
            parse(text, source, into=log, date_order=date_order)
        except CamgError as error:  # every file is tried, and every unreadable one reported
            unreadable.extend(error.problems)
    if unreadable:
        raise CamgError(unreadable)
    return log


def shown(path: str) -> str:
    """A file name as it may be printed: no control character, no invalid byte."""
    safe = os.fsencode(path).decode("utf-8", "backslashreplace")  # undecodable bytes: \xff
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in safe)


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    if stdin is None:
        message = "standard input is closed; name a log file instead of -"
        raise CamgError(Problem(message, "<stdin>", kind=Kind.UNREADABLE))
    return _bounded(stdin, "<stdin>")


def _bounded(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        message = (
            f"larger than {MOST_BYTES // 1_000_000} MB, more than a meal log holds; "
            "check the file name, or split the log by year"
        )
        raise CamgError(Problem(message, name, kind=Kind.UNREADABLE))
    return data


def _read_file(path: str) -> bytes:
    name = shown(path)
    try:
        with Path(path).open("rb") as stream:
            return _bounded(stream, name)
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
