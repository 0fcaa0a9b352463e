"""Open the logs named on the command line: files, or stdin for an explicit `-`.

Every way a path can be wrong gets one clear line, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from camg.errors import CamgError, Kind, Problem, Severity
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
    seen: dict[tuple[int, int] | str, str] = {}
    for path in paths:
        source = "<stdin>" if path == STDIN else shown(path)
        if (twice := _given_before(path, source, seen)) is not None:
            log.problems.append(twice)
            continue
        try:
            data = _read_stdin(stdin) if path == STDIN else _read_file(path)
            text, data = decode(data, source), b""  # the bytes go before the lines are read
            parse(text, source, into=log, date_order=date_order)
        except CamgError as error:  # every file is tried, and every unreadable one reported
            unreadable.extend(error.problems)
    if unreadable:
        raise CamgError(unreadable)
    log.problems.extend(_dates_in_two_files(log))
    return log


def _given_before(path: str, source: str, seen: dict[tuple[int, int] | str, str]) -> Problem | None:
    """The same file named twice (or through a link) is read once, with a warning: reading
    it again would double every day in it."""
    try:
        status = os.stat(path)
        identity: tuple[int, int] | str = (status.st_dev, status.st_ino)
    except (OSError, ValueError):
        identity = path  # unreadable or stdin: reported (or read) as it is
    if identity not in seen:
        seen[identity] = source
        return None
    before = seen[identity]
    said = "named twice" if before == source else f"the same file as {before}"
    message = f"{said}; read once, so that no day counts double"
    return Problem(message, source, kind=Kind.DUPLICATE, severity=Severity.WARNING)


def _dates_in_two_files(log: ParsedLog) -> list[Problem]:
    """A date written in two files: its entries add up to one day, which is right for a
    day logged in two places and wrong for a file copied by mistake, so camg says so."""
    found = []
    for day in log.days:
        first: dict[str, int] = {}
        for item in day.items:
            first.setdefault(item.source, item.line)
        if day.date is None or len(first) < 2:
            continue
        (before, _), *later = first.items()
        for source, line in later:
            message = (
                f"{day.date.isoformat()} is in {before} too; the entries of both files are "
                "added up as one day (check that this file is not a copy)"
            )
            found.append(Problem(message, source, line, None, Kind.DUPLICATE, Severity.WARNING))
    return found


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
