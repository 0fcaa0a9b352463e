"""Day headings as people write them: dates, weekdays, "Day 2 - rest day".

A heading is read in two steps. `read_heading` says what a line states (year,
month, day, weekday, or a numeric date whose order is not yet known); the
parser then settles each file's numeric date order and the years that were not
written (`settle_dates`), because both depend on the other headings of the file.
The rules are documented in docs/log-format.md.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from camg import tables
from camg.text import singular

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            "monday mon",
            "tuesday tue tues",
            "wednesday wed weds",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        ]
    )
    for name in names.split()
}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}

_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_FORMS = (
    rf"(?P<iso>(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}}))"
    rf"|(?P<num>(?P<n1>\d{{1,2}})(?P<sep>[/.-])(?P<n2>\d{{1,2}})"
    rf"(?:(?P=sep)(?P<ny>\d{{4}}|\d{{2}}))?)"
    rf"|(?P<dm>(?P<dmd>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<dmm>{_MONTH})\.?,?"
    rf"(?:\s+(?P<dmy>\d{{4}}))?)"
    rf"|(?P<md>(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}}){_ORDINAL},?(?:\s+(?P<mdy>\d{{4}}))?)"
)
# Optional weekday, optional date (at least one of them), then nothing or a label
# after a separator: "Monday 3/9", "Tue, 15th October", "Oct 14, 2026 (holiday)".
_DATED = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY})\.?,?(?:\s+|$|(?=[-–—:(|])))?(?P<date>{_DATE_FORMS})?"
    rf"(?P<rest>(?:\s*[-–—:(,|].*|\s+[a-z].*)?)",
    re.IGNORECASE,
)
_DAY_NUMBER = re.compile(r"day\s+(?P<number>\d{1,4})\b(?P<rest>.*)", re.IGNORECASE)
_MARKUP = re.compile(r"^(?:#{1,6}\s+|\*\*|__)|(?:\*\*|__)$")


DATE_START = re.compile(
    rf"\d{{4}}[-/.]\d|\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.]\d|\s*(?:$|[-–—:(,|]))|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b",
    re.IGNORECASE,
).match
_STARTS = frozenset([*WEEKDAYS, *MONTHS, "day"])


def dated_start(line: str) -> bool:
    """Whether a line that starts with a digit starts with a date: cheap tests first, for
    "1 cup milk" is the commonest line of all."""
    if "/" in line[:5] or "-" in line[:5] or "." in line[:5]:
        if line[4:5] == "-" and plain_iso(line[:10]):
            return True  # "2026-11-20 Friday"
        if line[1] == "/" and line[2:3].isdigit() and line[3:4] == " " and line[4:5].isalpha():
            return False  # "1/2 cup": a fraction, then a word (a date is followed by none)
        return DATE_START(line) is not None
    words = line.split(None, 3)
    if len(words) < 2:
        return False
    word = words[1].lower().rstrip(".,")
    if word == "of" and len(words) > 2:
        word = words[2].lower().rstrip(".,")
    return word in MONTHS and DATE_START(line) is not None


def may_be_heading(line: str) -> bool:
    """A cheap first test that spares most item lines the full reading: "#", a date, a
    weekday, a month or "Day" at the start ("1/2 cup milk", "25 g cheese" fail it)."""
    first = line[0]
    if first.isdigit():
        return dated_start(line)
    if first in "#*_":
        return True
    return line[:10].split(None, 1)[0].lower().rstrip(",.:") in _STARTS


class Heading(NamedTuple):
    """What a day heading states; the date is settled later, with the file's other headings."""

    label: str  # as written, without Markdown
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    numeric: tuple[int, int] | None = None  # "3/9": the order is decided per file
    third: int | None = None  # "26/11/20": the third number, a day when the order is ymd
    items: str = ""  # "Monday: porridge": what follows the heading on its line
    words: str = ""  # the label without its date: "Monday" of "Monday 3/9"


def read_heading(line: str) -> Heading | None:
    """The day heading a line is, or None when it is something else (an item, a meal)."""
    if plain_iso(line):  # the commonest heading of all, read without the patterns
        return iso_heading(line)
    if len(line) <= 80 and line[10:11] == " " and plain_iso(line[:10]) and _one_word(line[11:]):
        # "2026-11-20 Friday", the next commonest: as the patterns read it, a label after
        # the date (a weekday there is not checked)
        return Heading(line, int(line[:4]), int(line[5:7]), int(line[8:10]), words=line[11:])
    text = _MARKUP.sub("", line).strip()
    if len(text) > 80:  # "Tuesday: For lunch I went for sushi ...": a heading, then items
        head, colon, items = text.partition(":")
        heading = read_heading(head) if colon and len(head) <= 40 else None
        return heading._replace(items=items.strip()) if heading else None
    if not text:
        return None
    numbered = _DAY_NUMBER.fullmatch(text)
    if numbered:
        rest = numbered.group("rest")
        if rest and not re.match(r"\s*[-–—:(,|]|\s*$", rest):
            return None
        label, items = _label_and_items(text, numbered.start("rest"))
        return Heading(label=label, items=items)
    found = _DATED.fullmatch(text)
    if not found or not (found.group("weekday") or _has_date(found)):
        return None
    if not _date_ends_well(found):
        return None
    label, items = _label_and_items(text, found.start("rest"))
    weekday = WEEKDAYS[found.group("weekday").lower()] if found.group("weekday") else None
    return _dated(found, weekday)._replace(label=label, items=items, words=_words(found, label))


def iso_heading(line: str) -> Heading:
    """The heading of a line that is a plain ISO date (`plain_iso`)."""
    return Heading(line, int(line[:4]), int(line[5:7]), int(line[8:]))


def _one_word(text: str) -> bool:
    """Letters a to z alone (the patterns' `[a-z]`, whatever their case)."""
    return text.isascii() and text.isalpha()


def plain_iso(line: str) -> bool:
    """ "2026-11-20" alone on its line."""
    return (
        len(line) == 10
        and line[4] == line[7] == "-"
        and line[:4].isdecimal()
        and line[5:7].isdecimal()
        and line[8:].isdecimal()
    )


def _words(found: re.Match[str], label: str) -> str:
    """The label less its date: what a dated day keeps as its label."""
    start, end = found.span("date") if found.group("date") else (0, 0)
    kept = f"{label[:start]} {label[end:]}" if end <= len(label) else label[:start]
    return " ".join(kept.replace("(", " ").replace(")", " ").split()).strip(" ,:;.-–—|")


def _has_date(found: re.Match[str]) -> bool:
    return any(found.group(name) for name in ("iso", "num", "dm", "md"))


def _date_ends_well(found: re.Match[str]) -> bool:
    """ "1/2 cup milk" is an item: after a bare numeric date only a separator may follow,
    and after a weekday-free date with words only an ISO date may carry a label."""
    rest = found.group("rest")
    if not rest.strip():
        return True
    if re.match(r"\s*[-–—:(,|]", rest):
        return not (found.group("num") and not found.group("weekday") and rest.strip()[0] in "-")
    # Words straight after the date: "2026-11-20 Friday" (as before), "Monday Oct 14 gym".
    return bool(found.group("iso") or found.group("weekday") or found.group("dm"))


def _label_and_items(text: str, rest_at: int) -> tuple[str, str]:
    """ "Monday: porridge" -> ("Monday", "porridge"); "Day 2 - rest day" keeps its label,
    but "Monday - Baked salmon, Broccoli" lists the day's foods after its dash."""
    head, rest = text[:rest_at].strip(), text[rest_at:].strip()
    if rest.startswith(":"):
        return head.rstrip(",. "), rest[1:].strip()
    dashed = _DASHED.match(rest)
    if dashed and _lists_foods(rest[dashed.end() :]):
        return head.rstrip(",. "), rest[dashed.end() :].strip()
    return text.strip().rstrip(":").strip(), ""


_DASHED = re.compile(r"[-–—]+\s+")


def _lists_foods(rest: str) -> bool:
    """Whether the words after a heading's dash list foods rather than label the day: a
    part of them ends in the last word of an everyday food's name ("Baked salmon, Stir-fried
    Bok Choy", "Tuscan Kale & White Bean Soup & Salad"; not "rest day", "ran 6 miles")."""
    for part in re.split(r"[,;]|\(.*?\)", rest):
        last = re.findall(r"[a-z]+", part.lower())[-1:]
        if last and singular(last[0]) in _food_heads():
            return True
    return False


@cache
def _food_heads() -> frozenset[str]:
    """The last words of the alias table's everyday foods ("salmon", "soup", "salad")."""
    return frozenset(row[0].split()[-1] for row in tables.read_tuples("aliases.csv"))


def _dated(found: re.Match[str], weekday: int | None) -> Heading:
    if found.group("iso"):
        return Heading(
            "", int(found.group("iy")), int(found.group("im")), int(found.group("id")), weekday
        )
    if found.group("num"):
        year = found.group("ny")
        return Heading(
            "",
            _full_year(year) if year else None,
            weekday=weekday,
            numeric=(int(found.group("n1")), int(found.group("n2"))),
            third=int(year) if year else None,
        )
    if found.group("dm"):
        month, day_, year = found.group("dmm"), found.group("dmd"), found.group("dmy")
    elif found.group("md"):
        month, day_, year = found.group("mdm"), found.group("mdd"), found.group("mdy")
    else:
        return Heading("", weekday=weekday)
    return Heading(
        "", int(year) if year else None, MONTHS[month.lower()], int(day_), weekday=weekday
    )


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def numeric_evidence(heading: Heading) -> str | None:
    """Which order a numeric date can only be read in: "dmy" for 14/10, "mdy" for 10/14."""
    if heading.numeric is None:
        return None
    first, second = heading.numeric
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None


def month_and_day(heading: Heading, order: str) -> tuple[int | None, int | None]:
    """The month and day a heading states, reading a numeric date in `order`."""
    if heading.numeric is None:
        return heading.month, heading.day
    first, second = heading.numeric
    return (second, first) if order == "dmy" else (first, second)


class Settled(NamedTuple):
    when: date | None
    error: str | None = None


def settle(
    heading: Heading, order: str, previous: date | None, following_year: int | None, today: date
) -> Settled:
    """The calendar date of a heading, given the file's date order and its neighbours.

    A year not written is taken from the previous dated day of the file (the first
    date on or after it, so December runs into January); before any, from the next
    heading that has a year; in a file with no year at all, the latest date that is not
    after today and falls on the weekday written, if any. A weekday alone after a dated
    day is the next such weekday.
    """
    if order == "ymd" and heading.numeric is not None and heading.third is not None:
        first, second = heading.numeric  # "26/11/20": year, month, day
        heading = heading._replace(year=_full_year(f"{first:02d}"), numeric=(second, heading.third))
    month, day_ = month_and_day(heading, order)
    if month is None:
        if heading.weekday is not None and previous is not None:
            ahead = (heading.weekday - previous.weekday() - 1) % 7 + 1
            return Settled(previous + timedelta(days=ahead))
        return Settled(None)
    if heading.year is not None:
        return _checked(heading, heading.year, month, day_)
    if previous is not None:
        for year in (previous.year, previous.year + 1):
            settled = _checked(heading, year, month, day_, weekday_check=False)
            if settled.when is not None and settled.when >= previous:
                return _checked(heading, year, month, day_)
        return _checked(heading, previous.year + 1, month, day_)
    if following_year is not None:
        return _checked(heading, following_year, month, day_)
    return _latest(heading, month, day_, today)


def needs_following_year(heading: Heading, order: str, previous: date | None) -> bool:
    """Whether `settle` takes the year from the next heading that has one: a date without
    a year before the file's first dated day."""
    if previous is not None or heading.year is not None:
        return False
    if order == "ymd" and heading.numeric is not None and heading.third is not None:
        return False  # "26/11/20": its first number is the year
    return month_and_day(heading, order)[0] is not None


def _latest(heading: Heading, month: int, day_: int, today: date) -> Settled:
    """No year anywhere in the file: the latest such date not after today (on its weekday)."""
    for year in range(today.year, today.year - 29, -1):
        settled = _checked(heading, year, month, day_)
        if settled.when is not None and settled.when <= today and settled.error is None:
            return settled
    return _checked(heading, today.year, month, day_)


def _checked(
    heading: Heading, year: int, month: int, day_: int, weekday_check: bool = True
) -> Settled:
    try:
        when = date(year, month, day_)
    except ValueError:
        return Settled(None, f'"{heading.label}" names no such date ({month}/{day_} of {year})')
    if weekday_check and heading.weekday is not None and when.weekday() != heading.weekday:
        actual = when.strftime("%A")
        return Settled(when, f'"{heading.label}": {when.isoformat()} is a {actual}')
    return Settled(when)
