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
from functools import partial
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple

from camg.errors import CamgError, Kind, Problem, Severity
from camg.parser import (
    MOST_LINE_CHARS,
    Day,
    LogRecipe,
    ParsedLog,
    Piece,
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
# What `parser.clean` drops, as UTF-8 bytes: control characters, and C1 controls and bidi
# overrides (two and three bytes).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_OR_BIDI = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


class Log(NamedTuple):
    """One log to read: a regular file, read again at each pass (`path` is given when it
    is plain UTF-8 text, which Python's own reader reads fastest), or the text of a
    stream, read whole."""

    source: str
    stream: BinaryIO | None
    start: int
    text: str | None
    recipes: bool  # it may hold a recipe block
    path: str | None = None

    def lines(self, logs: Logs) -> Iterator[str]:
        """Its lines, each with its newline; a line too long for camg may come in pieces
        (`parser.MOST_LINE_CHARS`)."""
        if self.text is not None:
            return text_lines(self.text)
        if self.path is not None:
            text = Path(self.path).open(encoding="utf-8-sig", newline=None)  # noqa: SIM115
            logs.opened.append(text)
            return iter(partial(text.readline, MOST_LINE_CHARS + 1), "")
        assert self.stream is not None
        self.stream.seek(self.start)
        return _lines(_decoded(self.stream, self.source))


class Logs(NamedTuple):
    """The logs named, in order, each a Log or a warning that a file was named twice;
    the files camg opened, to be closed once read."""

    logs: list[Log | Problem]
    opened: list[IO[Any]]

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
            file_day(piece.day(), by_date, log)
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


def stream_days(logs: Logs, log: ParsedLog, date_order: str | None = None) -> Iterator[Piece]:
    """The days of every log, file after file, each as soon as it is read (a date may
    come more than once); problems and recipe blocks go into `log`."""
    for each in logs.logs:
        if isinstance(each, Problem):
            log.problems.append(each)
        else:
            yield from read_days(each.lines(logs), each.source, log, date_order)


def recipe_blocks(logs: Logs) -> list[LogRecipe]:
    """The recipe blocks of the logs, read before their days: a pass over each log that
    may hold one."""
    scratch = ParsedLog(days=[], problems=[])
    for each in logs.logs:
        if isinstance(each, Log) and each.recipes:
            for _ in read_days(each.lines(logs), each.source, scratch):
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
        return _log(stream, name, path)
    except OSError as error:
        raise _cannot_read(error, name) from None


def _cannot_read(error: OSError, name: str) -> CamgError:
    return CamgError(Problem(f"cannot read: {error.strerror}", name, kind=Kind.UNREADABLE))


def _log(stream: BinaryIO, name: str, path: str | None = None) -> Log:
    """A regular file is checked now and read later; any other stream is read now."""
    if not _regular(stream):
        text = clean(decode(_bounded(stream, name), name))
        return Log(name, None, 0, text, "recipe" in text.lower())
    start = stream.tell()
    recipes, plain, tail = False, True, ""
    for chunk_plain, text in _chunks(stream, name):
        plain = plain and chunk_plain
        recipes = recipes or "recipe" in f"{tail}{text}".lower()
        tail = text[-8:]
    return Log(name, stream, start, None, recipes, path if plain else None)


def _plain(data: bytes) -> bool:
    """Whether UTF-8 bytes hold no character that `parser.clean` drops, tested without
    decoding them (a test that may say no when the answer is yes, never the reverse)."""
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return False
    return data.isascii() or _C1_OR_BIDI.search(data) is None


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


def _chunks(stream: BinaryIO, source: str) -> Iterator[tuple[bool, str]]:
    """A file a chunk at a time, as `parser.decode` and `parser.parse` read it whole:
    UTF-8 (with or without BOM) or UTF-16 with its BOM, without the characters `clean`
    drops, then universal newlines (a CR that ends a chunk waits for the next). Each
    chunk's text, and whether it was plain UTF-8 (nothing to drop). Raises CamgError
    where the file is not text."""
    data = stream.read(CHUNK)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data[:BINARY_TEST]:
        raise binary_file(source)
    encoding = "utf-16" if utf16 else "utf-8-sig"
    # where the bytes are not text: their line ends read as well as they can be
    counted = (
        "utf-8" if not utf16 else "utf-16-be" if data[:2] == codecs.BOM_UTF16_BE else "utf-16-le"
    )
    decoder = codecs.getincrementaldecoder(encoding)()
    newlines, carried = 0, ""
    while True:
        waiting = decoder.getstate()[0]
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            before = (waiting + data)[: error.start]
            line = newlines + before.decode(counted, "replace").count("\n")
            raise not_text(utf16, source, line + 1) from None
        newlines += text.count("\n") if utf16 else data.count(b"\n")
        plain = not utf16 and _plain(waiting + data)
        text = carried + (text if plain else clean(text))
        carried = text[-1:] if data and text.endswith("\r") else ""
        text = text[: len(text) - len(carried)]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        yield plain, text
        if not data:
            return
        data = stream.read(CHUNK)


def _decoded(stream: BinaryIO, source: str) -> Iterator[str]:
    """A file's text a chunk at a time."""
    for _, text in _chunks(stream, source):
        if text:
            yield text


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """The lines of chunks of text, each with its newline; a line too long for camg is
    given in pieces as it comes, never held whole (`parser.MOST_LINE_CHARS`)."""
    rest = ""
    for chunk in chunks:
        text = rest + chunk
        # splitlines also ends lines at characters `clean` left in only these two
        special = "\u2028" in text or "\u2029" in text
        lines = list(text_lines(text)) if special else text.splitlines(True)
        rest = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
        if len(rest) > MOST_LINE_CHARS:
            yield rest
            rest = ""
    if rest:
        yield rest
