"""The meal log's structure: days, meals and items, each with its line number.

This layer reads only the shape of the log (docs/log-format.md); what an item
means (amount, unit, food) is read later. Problems are collected, never raised
one by one, so that a user sees every bad line at once.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from camg.errors import CamgError, Problem

MEAL_WORDS = frozenset(
    [
        "breakfast",
        "brunch",
        "lunch",
        "dinner",
        "supper",
        "snack",
        "snacks",
        "dessert",
        "elevenses",
        "tea",
        "meal",
        "drinks",
        "drink",
        "supplements",
        "supplement",
        "pre-workout",
        "post-workout",
        "workout",
    ]
)
_DATE = re.compile(r"\s*(\d{4}-\d{1,2}-\d{1,2})(?=$|[\s,:;.)])(.*)$")
_HEADING = re.compile(
    r"\s*([A-Za-z][A-Za-z'\-]*(?:\s+[A-Za-z][A-Za-z'\-]*){0,2})\s*:(?!\d)\s*(.*)$"
)
_COMMENT = re.compile(r"#(?!\d{4,5}\b)")
_BULLET = re.compile(r"\s*(?:[-*•·]\s+|\d+[.)]\s+(?=\D))")
# The characters a bullet or a time of day can start with.
_MAY_LEAD = frozenset("-*•·0123456789 \t")
_AMOUNT_FIRST = re.compile(r"[\d.½⅓⅔¼¾⅛]")
_TIME = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s+", re.IGNORECASE)


class Item(NamedTuple):
    """One item as written, and where: the unit of resolution and of error reports."""

    source: str
    line: int
    text: str
    meal: str | None


@dataclass
class Day:
    date: date | None
    labels: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class ParsedLog:
    days: list[Day]
    problems: list[Problem]


def decode(data: bytes, source: str) -> str:
    """Log bytes as text: UTF-8 (with or without BOM); anything else is refused clearly."""
    if b"\x00" in data[:8192]:
        raise CamgError(Problem("this is a binary file, not a text meal log", source))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CamgError(
            Problem("not UTF-8 text; save the log as UTF-8 and try again", source, line)
        ) from None


def parse(text: str, source: str, into: ParsedLog | None = None) -> ParsedLog:
    """Read a log's days, meals and items; days with the same date merge."""
    log = into or ParsedLog(days=[], problems=[])
    by_date = {day.date: day for day in log.days}
    day: Day | None = None
    meal: str | None = None
    # Universal newlines: CR, LF and CRLF end lines, as in the editors people write
    # logs with; iterating keeps a big log from becoming a list of a million lines.
    for number, raw in enumerate(io.StringIO(text, newline=None), start=1):
        line = (_strip_comment(raw) if "#" in raw else raw).strip()
        if not line:
            continue
        dated = _DATE.match(line) if line[0].isdigit() else None
        if dated:
            day, meal = _start_day(dated, by_date, log, source, number), None
            continue
        if day is None:
            day = _day(None, by_date, log)
        heading = _heading(line) if ":" in line else None
        if heading is not None:
            meal, line = heading
            if not line:
                continue
        for text_ in line.split(";"):
            item = _clean_item(text_)
            if item:
                # tuple.__new__ skips the named tuple's Python-level __new__: a log
                # can hold a million items.
                item = sys.intern(item)  # a log repeats its items: keep one copy of each
                day.items.append(_new_tuple(Item, (source, number, item, meal)))
    return log


_new_tuple = tuple.__new__


def _strip_comment(line: str) -> str:
    """`#` starts a comment, except `#11457`, which pins a food by its SR28 id."""
    found = _COMMENT.search(line)
    return line[: found.start()] if found else line


def _start_day(
    dated: re.Match[str], by_date: dict[date | None, Day], log: ParsedLog, source: str, number: int
) -> Day | None:
    text, rest = dated.group(1), dated.group(2).strip(" ,:;.-")
    try:
        when = date.fromisoformat(_zero_pad(text))
    except ValueError:
        log.problems.append(
            Problem(f'"{text}" is not a valid date; write it as YYYY-MM-DD', source, number)
        )
        return None
    day = _day(when, by_date, log)
    if rest and re.search(r"\d", rest):
        log.problems.append(
            Problem(
                "after a date write only words such as a weekday; put food items on the next lines",
                source,
                number,
            )
        )
    elif rest:
        day.labels.append(rest)
    return day


def _zero_pad(text: str) -> str:
    year, month, day_ = text.split("-")
    return f"{year}-{int(month):02d}-{int(day_):02d}"


def _day(when: date | None, by_date: dict[date | None, Day], log: ParsedLog) -> Day:
    if when not in by_date:
        by_date[when] = Day(when)
        log.days.append(by_date[when])
    return by_date[when]


def _heading(line: str) -> tuple[str, str] | None:
    """ "lunch: soup; bread" -> ("lunch", "soup; bread"); one word, or words ending in a meal."""
    found = _HEADING.match(line)
    if not found:
        return None
    words = found.group(1).lower().split()
    rest = found.group(2).strip()
    if words[-1] not in MEAL_WORDS and (len(words) > 1 or _AMOUNT_FIRST.match(rest)):
        return None  # "Greek yogurt: 150 g" is an item, not a meal
    return " ".join(words), rest


def _clean_item(text: str) -> str:
    """Drop list bullets and times of day people put before items."""
    text = text.strip()
    if not text or text[0] not in _MAY_LEAD:
        return text
    for pattern in (_BULLET, _TIME):
        found = pattern.match(text)
        if found:
            text = text[found.end() :]
    return text.strip()
