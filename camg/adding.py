"""`camg add`: items appended to a meal log under their day and meal, as one atomic change.

Every item is resolved first; one that means no food is an error and nothing is written.
The new bytes go to a temporary file in the log's folder, are flushed to the disk, and
replace the log by a rename: the log is never truncated nor half written, even if camg is
killed midway, and its other bytes (line ends, encoding, trailing newline) stay as they were.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from camg import resolve, sources, tables
from camg.errors import CamgError, Kind, Problem
from camg.logfile import MOST_BYTES, shown
from camg.parser import Day, ParsedLog, decode, parse
from camg.resolve import Resolution


@dataclass
class Change:
    """What `camg add` did, for the command line to tell."""

    path: str
    day: date
    meal: str | None
    added: list[Resolution]
    created: bool  # the log did not exist


def add(
    path: str,
    items: list[str],
    when: date,
    meal: str | None,
    foods: list[str] | None = None,
    recipes: list[str] | None = None,
) -> Change:
    """Resolve the items, then write them into the log at `path`; raises CamgError (and
    writes nothing) when an item means no food or the log cannot be read or written."""
    texts = _texts(items)
    if meal is not None and not _plain(meal):
        raise CamgError(f'--meal "{meal}": give a meal name such as breakfast or snack')
    created = not Path(path).exists()
    seen = _state(path)
    data = b"" if created else _read(path)
    text = decode(data, shown(path)) if data else ""
    parsed = parse(text, shown(path), into=ParsedLog([], [], heading_lines={}))
    sources.install(foods or (), recipes or (), parsed.recipes)
    added = _resolved(texts)
    new = _with_items(data, text, parsed, when, meal, texts)
    _check_placed(new, path, when, meal, texts, parsed)
    write_atomically(path, new, seen)
    return Change(path, when, meal, added, created)


def _state(path: str) -> tuple[int, int, int] | None:
    """What tells that a file changed: its inode, size and modification time."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def _texts(items: list[str]) -> list[str]:
    """Each argument's items, as the log will read them ("2 eggs; toast" is two)."""
    texts = [part.strip() for item in items for part in item.split(";") if part.strip()]
    if not texts:
        raise CamgError('give items to add, e.g. camg add "2 eggs" "1 cup milk"')
    for text in texts:
        if not _plain(text):
            raise CamgError(f'"{text}": an item is one line without a comment (#) of its own')
    return texts


def _plain(text: str) -> bool:
    """One item the log will read as written: no line end, no comment, no heading's colon
    (a pin such as #11457 or #my:oat-milk is no comment)."""
    unpinned = _PIN.sub("", text)
    return bool(text.strip()) and not any(char in unpinned for char in "\r\n#:")


_PIN = re.compile(r"#(?:\d{4,5}\b|[a-z]+:[\w-]+)")


def _read(path: str) -> bytes:
    """The log's bytes; only a regular file of a meal log's size is ever replaced."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise CamgError(_unreadable(path, "not a regular file; camg add writes only to one"))
        with Path(path).open("rb") as stream:
            data = stream.read(MOST_BYTES + 1)
    except OSError as error:
        raise CamgError(_unreadable(path, f"cannot read: {error.strerror}")) from None
    if len(data) > MOST_BYTES:
        raise CamgError(_unreadable(path, "larger than a meal log; nothing was added"))
    return data


def _unreadable(path: str, message: str) -> Problem:
    return Problem(message, shown(path), kind=Kind.UNREADABLE)


def _resolved(texts: list[str]) -> list[Resolution]:
    """Every item's meaning; every item that has none is an error, all said at once."""
    found: list[Resolution] = []
    problems: list[Problem] = []
    for text in texts:
        for part in resolve.read_line(text):
            if part.problem is not None:
                kind, message = part.problem
                problems.append(Problem(f'"{part.text}": {message}', kind=kind))
            elif part.resolution is not None:
                found.append(part.resolution)
    if problems:
        problems.append(Problem("nothing was added; fix the items and run camg add again"))
        raise CamgError(problems)
    return found


def values_of(resolution: Resolution) -> tuple[float | None, float | None]:
    """An added item's calcium and magnesium (None: unknown), as the report counts them."""
    if resolution.supplement is not None:
        dose = resolution.dose_mg
        return (dose, 0.0) if resolution.supplement == "calcium" else (0.0, dose)
    values = tables.food_values(resolution.food_id or "")
    grams = resolution.grams or 0.0
    if values is None:
        return None, None
    return tuple(  # type: ignore[return-value]
        None if math.isnan(value) else value * grams / 100.0 for value in values[2:4]
    )


# -- where the items go ---------------------------------------------------------------------


def _with_items(
    data: bytes, text: str, parsed: ParsedLog, when: date, meal: str | None, texts: list[str]
) -> bytes:
    """The log's bytes with the items inserted; every other byte as it was."""
    lines = text.splitlines(keepends=True)
    eol = _line_end(text)
    day = next((d for d in reversed(parsed.days) if d.date == when), None)
    items = "; ".join(texts)
    heading = (parsed.heading_lines or {}).get(when)
    at, block = _place(lines, day, heading, meal, items, eol, when)
    offset = sum(len(line) for line in lines[:at])
    if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        block = eol + block.removesuffix(eol)  # the log ends without a newline: so it stays
    return _splice(data, text, offset, block)


def _place(
    lines: list[str],
    day: Day | None,
    heading: int | None,
    meal: str | None,
    items: str,
    eol: str,
    when: date,
) -> tuple[int, str]:
    """The line before which the new text goes, and the text."""
    said = f"{meal}: {items}" if meal else items
    if day is None:  # a new day at the end, after a blank line
        blank = eol if lines and lines[-1].strip() else ""
        return len(lines), f"{blank}{when.isoformat()}{eol}{said}{eol}"
    in_meal = [item.line for item in day.items if meal and _same_meal(item.meal, meal)]
    if in_meal:  # under the meal's last line: the meal goes on
        return max(in_meal), f"{items}{eol}"
    last = max((item.line for item in day.items), default=heading or len(lines))
    return last, f"{said}{eol}"


def _same_meal(written: str | None, meal: str) -> bool:
    return written is not None and written.strip().lower() == meal.strip().lower()


def _line_end(text: str) -> str:
    """The log's own line end; a new log gets the system's."""
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text:
        return "\r"
    return "\n" if text or os.linesep == "\n" else os.linesep


def _splice(data: bytes, text: str, offset: int, block: str) -> bytes:
    """Insert `block` at character `offset` of the decoded text, in the file's encoding."""
    encoding, bom = _encoding(data)
    at = len(bom) + len(text[:offset].encode(encoding))
    return data[:at] + block.encode(encoding) + data[at:]


def _encoding(data: bytes) -> tuple[str, bytes]:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return encoding, bom
    return "utf-8", b""


def _check_placed(
    new: bytes, path: str, when: date, meal: str | None, texts: list[str], old: ParsedLog
) -> None:
    """Read the new log as `camg log` will: the day must hold its items with the new ones
    among them, in a row, under the meal asked for, and every other day be as it was."""
    parsed = parse(decode(new, shown(path)), shown(path))
    before = _items_by_day(old)
    after = _items_by_day(parsed)
    was, now = before.pop(when, []), after.pop(when, [])
    size = len(texts)
    placed = any(
        [text for text, _ in now[at : at + size]] == texts
        and now[:at] + now[at + size :] == was
        and (meal is None or all(_same_meal(m, meal) for _, m in now[at : at + size]))
        for at in range(len(now) - size + 1)
    )
    if not placed or after != before:
        raise CamgError(
            f"{shown(path)}: camg add cannot place these items under {when.isoformat()} "
            "without changing how the log reads; nothing was written, add them by hand"
        )


def _items_by_day(log: ParsedLog) -> dict[date | None, list[tuple[str, str | None]]]:
    found: dict[date | None, list[tuple[str, str | None]]] = {}
    for day in log.days:
        found.setdefault(day.date, []).extend((item.text, item.meal) for item in day.items)
    return found


# -- writing ----------------------------------------------------------------------------------


def write_atomically(path: str, data: bytes, seen: tuple[int, int, int] | None) -> None:
    """Replace the file's bytes in one step: a temporary file beside it, flushed to the
    disk, renamed over it. A crash before the rename leaves the log as it was. Through a
    link, the file it points to is replaced and the link stays. `seen` is the file's
    state when it was read: if another program changed it since, nothing is replaced."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise CamgError(
            Problem(f"cannot write beside the log: {error.strerror}", shown(path))
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if _state(path) != seen:
            Path(temporary).unlink(missing_ok=True)
            raise CamgError(
                Problem(
                    "the log changed while camg add ran; nothing was added, run it again",
                    shown(path),
                )
            )
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        message = f"cannot write the log: {error.strerror}; it was left as it was"
        raise CamgError(Problem(message, shown(path))) from None
    except BaseException:  # interrupted: the log is untouched, the temporary file goes
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (where the system lets a folder be synced)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
