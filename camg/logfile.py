"""Open the logs named on the command line: files, or stdin for an explicit `-`.

Every way a path can be wrong gets one clear line, never a traceback.

A regular file is read twice and never held whole: once, before any line is used,
to check that it is text and to see whether it holds a recipe block (a recipe
names a food that items anywhere in the logs may use, so recipes are installed
before any item is resolved); then a line at a time, its days given to the caller
as they are read (`read_days`). A stream that cannot be read twice (a pipe, a
FIFO, a device; stdin unless it is redirected from a file) is read whole, up to
MOST_BYTES.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, NamedTuple

from camg.errors import CamgError, Kind, Problem, Severity
from camg.parser import (
    MOST_LINE_CHARS,
    Day,
    LogRecipe,
    ParsedLog,
    binary_file,
    clean,
    decode,
    file_day,
    not_text,
    read_days,
    text_lines,
)

STDIN = "-"
# A stream is read whole: a year of a detailed diary is well under 1 MB, and a larger
# stream is a wrong one (/dev/zero, a disk), refused before it fills memory.
MOST_BYTES = 100_000_000
# Bytes decoded at a time; the first chunk is also where a binary file shows its NULs.
CHUNK = 1 << 20
BINARY_TEST = 8192  # the bytes looked at for a NUL
_RECIPE = re.compile("recipe", re.IGNORECASE)


class LongLine(str):
    """A line too long to read, as its first characters and its length: a file of one
    endless line is never held."""

    length: int


class Log(NamedTuple):
    """One log to read: a regular file (read again from `start` at each pass), or the
    text of a stream, read whole."""

    source: str
    stream: BinaryIO | None
    start: int
    text: str | None
    recipes: bool  # it may hold a recipe block

    def lines(self) -> Iterator[str]:
        if self.text is not None:
            return text_lines(self.text)
        assert self.stream is not None
        self.stream.seek(self.start)
        return _lines(_decoded(self.stream, self.source))


class Logs(NamedTuple):
    """The logs named, in order, each a Log or a warning that a file was named twice;
    the files camg opened, to be closed once read."""

    logs: list[Log | Problem]
    opened: list[BinaryIO]

    def close(self) -> None:
        for stream in self.opened:
            stream.close()


def read_logs(paths: list[str], stdin: BinaryIO | None, date_order: str | None = None) -> ParsedLog:
    """Parse every log into one; days with the same date merge across files."""
    logs = open_logs(paths, stdin)
    log = ParsedLog(days=[], problems=[])
    by_date: dict[date, Day] = {}
    try:
        for piece in stream_days(logs, log, date_order):
            file_day(piece, by_date, log)
    finally:
        logs.close()
    log.problems.extend(_dates_in_two_files(log))
    return log


def open_logs(paths: list[str], stdin: BinaryIO | None) -> Logs:
    """Open and check every log before any line is used: raises CamgError naming every
    one that cannot be read (missing, binary, not UTF-8, a stream too large)."""
    if paths.count(STDIN) > 1:
        raise CamgError("stdin (-) can be read only once")
    unreadable: list[Problem] = []
    seen: dict[tuple[int, int] | str, str] = {}
    logs = Logs([], [])
    for path in paths:
        source = "<stdin>" if path == STDIN else shown(path)
        if (twice := _given_before(path, source, seen)) is not None:
            logs.logs.append(twice)
            continue
        try:
            logs.logs.append(_stdin_log(stdin) if path == STDIN else _file_log(path, logs))
        except CamgError as error:  # every file is tried, and every unreadable one reported
            unreadable.extend(error.problems)
    if unreadable:
        logs.close()
        raise CamgError(unreadable)
    return logs


def stream_days(logs: Logs, log: ParsedLog, date_order: str | None = None) -> Iterator[Day]:
    """The days of every log, file after file, each as soon as it is read (a date may
    come more than once); problems and recipe blocks go into `log`."""
    for each in logs.logs:
        if isinstance(each, Problem):
            log.problems.append(each)
        else:
            yield from read_days(each.lines(), each.source, log, date_order)


def recipe_blocks(logs: Logs) -> list[LogRecipe]:
    """The recipe blocks of the logs, read before their days: a pass over each log that
    may hold one."""
    scratch = ParsedLog(days=[], problems=[])
    for each in logs.logs:
        if isinstance(each, Log) and each.recipes:
            for _ in read_days(each.lines(), each.source, scratch):
                pass
    return scratch.recipes


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
        found.extend(in_two_files(day.date, before, source, line) for source, line in later)
    return found


def in_two_files(when: date, before: str, source: str, line: int) -> Problem:
    message = (
        f"{when.isoformat()} is in {before} too; the entries of both files are "
        "added up as one day (check that this file is not a copy)"
    )
    return Problem(message, source, line, None, Kind.DUPLICATE, Severity.WARNING)


def shown(path: str) -> str:
    """A file name as it may be printed: no control character, no invalid byte."""
    safe = os.fsencode(path).decode("utf-8", "backslashreplace")  # undecodable bytes: \xff
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in safe)


def _stdin_log(stdin: BinaryIO | None) -> Log:
    if stdin is None:
        message = "standard input is closed; name a log file instead of -"
        raise CamgError(Problem(message, "<stdin>", kind=Kind.UNREADABLE))
    return _log(stdin, "<stdin>")


def _file_log(path: str, logs: Logs) -> Log:
    name = shown(path)
    try:
        stream = Path(path).open("rb")  # noqa: SIM115  # read twice, closed by Logs.close
    except FileNotFoundError:
        raise CamgError(Problem("no such file", name, kind=Kind.UNREADABLE)) from None
    except IsADirectoryError:
        problem = Problem("is a directory, not a meal log file", name, kind=Kind.UNREADABLE)
        raise CamgError(problem) from None
    except PermissionError:
        problem = Problem("permission denied: cannot read this file", name, kind=Kind.UNREADABLE)
        raise CamgError(problem) from None
    except OSError as error:
        raise _cannot_read(error, name) from None
    logs.opened.append(stream)
    try:
        return _log(stream, name)
    except OSError as error:
        raise _cannot_read(error, name) from None


def _cannot_read(error: OSError, name: str) -> CamgError:
    return CamgError(Problem(f"cannot read: {error.strerror}", name, kind=Kind.UNREADABLE))


def _log(stream: BinaryIO, name: str) -> Log:
    """A regular file is checked now and read later; any other stream is read now."""
    if not _regular(stream):
        text = clean(decode(_bounded(stream, name), name))
        return Log(name, None, 0, text, _RECIPE.search(text) is not None)
    start = stream.tell()
    recipes, tail = False, ""
    for chunk in _decoded(stream, name):
        recipes = recipes or _RECIPE.search(tail + chunk[:8]) is not None
        recipes = recipes or _RECIPE.search(chunk) is not None
        tail = chunk[-8:]
    return Log(name, stream, start, None, recipes)


def _regular(stream: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode) and stream.seekable()
    except (OSError, ValueError, AttributeError):  # io.BytesIO has no descriptor
        return False


def _bounded(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        message = (
            f"larger than {MOST_BYTES // 1_000_000} MB, more than a meal log holds; "
            "check the file name, or split the log by year"
        )
        raise CamgError(Problem(message, name, kind=Kind.UNREADABLE))
    return data


def _decoded(stream: BinaryIO, source: str) -> Iterator[str]:
    """A file's text a chunk at a time, as `parser.decode` reads it whole: UTF-8 (with or
    without BOM) or UTF-16 with its BOM; universal newlines (a CR that ends a chunk waits
    for the next); no control characters. Raises CamgError where it is not text."""
    data = stream.read(CHUNK)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data[:BINARY_TEST]:
        raise binary_file(source)
    encoding = "utf-16" if utf16 else "utf-8-sig"
    plain = "utf-16-be" if data.startswith(codecs.BOM_UTF16_BE) else "utf-16-le"
    decoder = codecs.getincrementaldecoder(encoding)()
    newlines, carried = 0, ""
    while True:
        waiting = decoder.getstate()[0]
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            before = (waiting + data)[: error.start]
            line = newlines + before.decode(plain if utf16 else "utf-8", "replace").count("\n")
            raise not_text(utf16, source, line + 1) from None
        newlines += text.count("\n")
        text = carried + text
        carried = text[-1:] if data and text.endswith("\r") else ""
        text = text[: len(text) - len(carried)]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text:
            yield clean(text)
        if not data:
            return
        data = stream.read(CHUNK)


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """The lines of chunks of text, each with its newline; a line longer than camg reads
    is given as a LongLine, never held whole."""
    rest = ""
    skipped = 0  # the characters so far of a line too long to keep
    for chunk in chunks:
        if skipped:
            end = chunk.find("\n") + 1
            if not end:
                skipped += len(chunk)
                continue
            yield _long_line(rest, skipped + end)
            rest, skipped, chunk = "", 0, chunk[end:]
        text = rest + chunk
        # splitlines also ends lines at characters `clean` left in only these two
        special = "\u2028" in text or "\u2029" in text
        lines = list(text_lines(text)) if special else text.splitlines(True)
        rest = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
        if len(rest) > MOST_LINE_CHARS:
            rest, skipped = rest[: MOST_LINE_CHARS + 1], len(rest)
    if skipped:
        yield _long_line(rest, skipped)
    elif rest:
        yield rest


def _long_line(start: str, length: int) -> LongLine:
    line = LongLine(start)
    line.length = length
    return line
