"""The user's TOML files (foods, recipes, config): read whole, and every value located.

tomllib gives values without their lines; camg's errors name file:line, so the text is
scanned once for the line of every table header and every key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from camg.errors import CamgError, Kind, Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# A file of a thousand foods is well under 1 MB: a larger one is a wrong file (/dev/zero).
MOST_BYTES = 10_000_000
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)
_PART = re.compile(r""""((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+)""")
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")


class TomlFile:
    """A TOML file's data, and where each of its tables and keys was written."""

    def __init__(
        self, name: str, data: dict[str, Any], lines: dict[tuple[str, ...], int], text: str
    ):
        self.name = name
        self.data = data
        self._lines = lines
        self._text = text.splitlines()

    def line_holding(self, needle: str, *path: str) -> int | None:
        """The first line from `path`'s own that holds a string value: an array's item."""
        start = self.line(*path) or 1
        quoted = (f'"{needle}"', f"'{needle}'")
        for number, line in enumerate(self._text[start - 1 :], start):
            if any(found in line for found in quoted):
                return number
        return start

    def line(self, *path: str) -> int | None:
        """The line of the value at `path`, else of the nearest table that holds it."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def problem(self, kind: Kind, message: str, *path: str) -> Problem:
        return Problem(message, self.name, self.line(*path), kind=kind)


def read_each(paths: list[str], kind: Kind, problems: list[Problem]) -> Iterator[TomlFile]:
    """Every file that can be read, in turn; each one that cannot is a problem in
    `problems`, and the others are still read (all of a user's mistakes at once)."""
    for path in paths:
        try:
            yield read(path, kind)
        except CamgError as error:
            problems.extend(error.problems)


def read(path: str, kind: Kind) -> TomlFile:
    """A TOML file read and located; a file that cannot be read or parsed is one error."""
    try:
        with Path(path).open("rb") as stream:
            data = stream.read(MOST_BYTES + 1)
        text = data.decode("utf-8-sig")
    except OSError as error:
        reason = error.strerror or str(error)
        raise CamgError(Problem(f"cannot read this file: {reason}", path, kind=kind)) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "not UTF-8 text; save it as UTF-8"
        raise CamgError(Problem(message, path, line, kind=kind)) from None
    if len(data) > MOST_BYTES:
        message = f"larger than {MOST_BYTES // 1_000_000} MB, more than such a file holds"
        raise CamgError(Problem(message, path, kind=kind))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _AT_LINE.search(message)
        line = int(found.group(1)) if found else None
        message = _AT_LINE.sub("", message)
        raise CamgError(Problem(f"not valid TOML: {message}", path, line, kind=kind)) from None
    return TomlFile(path, data, _locate(text), text)


def _locate(text: str) -> dict[tuple[str, ...], int]:
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header is not None:
            table = _path(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key is not None:
            lines.setdefault((*table, *_path(key.group(1))), number)
    return lines


def _path(dotted: str) -> tuple[str, ...]:
    return tuple(
        next(part for part in found.groups() if part is not None)
        for found in _PART.finditer(dotted)
    )
