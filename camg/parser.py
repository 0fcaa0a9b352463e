"""The meal log's structure: days, meals and items, each with its line number.

This layer reads only the shape of the log (docs/log-format.md); what an item
means (amount, unit, food) is read later. Problems are collected, never raised
one by one, so that a user sees every bad line at once.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from camg.errors import CamgError, Kind, Problem
from camg.headings import (
    Heading,
    dated_start,
    iso_heading,
    may_be_heading,
    needs_following_year,
    numeric_evidence,
    plain_iso,
    read_heading,
    settle,
)

# A meal log's longest lines are pasted menus of a few hundred characters; a longer
# one is not a line of food, and reading it would cost time for nothing.
MOST_LINE_CHARS = 10_000
MEAL_WORDS = frozenset(
    (
        "breakfast brunch lunch dinner supper snack snacks dessert elevenses tea meal drinks "
        "fluid fluids drink supplements supplement pre-workout post-workout workout bfast brekkie "
        "brekky"
    ).split()
)
# Meal words that stand alone on a line as a heading ("Breakfast"); "tea" alone is a drink.
_BARE_MEALS = frozenset(
    "breakfast brunch lunch dinner supper snack snacks dessert elevenses bfast brekkie "
    "brekky".split()
)
_ISO_START = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\b")
# A short heading before ":" ("afternoon:", "post-workout smoothie:", "Lunch (12:30):").
_HEADING = re.compile(
    r"\s*(?P<words>[A-Za-z][A-Za-z'/\-]*\d{0,2}(?:\s+(?:[-–—]\s+)?[A-Za-z][A-Za-z'/\-]*){0,5}"
    r"(?:\s+\d{1,2})?)"
    r"\s*(?:\([^()]{0,20}\))?\s*(?::(?!\d)|\.\.\.|…)\s*(?P<rest>.*)$"
)
# "Breakfast - porridge with milk", "Lunch – soup": a meal word before a dash.
_DASHED = re.compile(
    r"\s*(?P<words>[A-Za-z][A-Za-z'\-]*?(?:\s+[A-Za-z]+){0,2})(?:\s+[-–—]\s+|\s*[–—]\s*|-\s+)"
    r"(?P<rest>.+)$"
)
_MARKDOWN = re.compile(r"^(?:#{1,6}\s+|\*\*)|\*\*:?$")
# "#" starts a comment, unless it pins a food: "#11457", "#my:oat-milk".
_COMMENT = re.compile(r"#(?!\d{4,5}\b|[a-z]+:\w)")
# "Snack #3:", "(Fail #5)": a number after a word, not a comment.
_NUMBERED = re.compile(r"(?<=\w)\s+#\d{1,2}\b")
# "#1 2 eggs": a list's number, not a comment nor a pinned id ("#11457").
_LIST_NUMBER = re.compile(r"#\d{1,2}[.):]?\s+(?=\S)")
# "- 2 eggs", "1. toast"; "-1/2 banana" is a bullet without its space: no amount is negative.
_BULLET = re.compile(r"\s*(?:[-*•·]\s+|-(?=[\d½⅓⅔¼¾⅛])|\d+[.)]\s+(?=\D))")
# The characters a bullet or a time of day can start with.
_MAY_LEAD = frozenset("-*•·0123456789 \t")
_AMOUNT_FIRST = re.compile(r"[\d.½⅓⅔¼¾⅛]|(?:a|an|one|two|half)\b", re.IGNORECASE)
# "08:30", "8.30am", "7 pm -": a time of day, never "28.35 g".
_TIME = re.compile(
    r"\s*(?:[01]?\d|2[0-3])(?::[0-5]\d\s*(?:[ap]\.?m\.?)?|(?:\.[0-5]\d)?\s*[ap]\.?m\.?)"
    r"(?![a-z])\s*(?:[-–:]\s*)?",
    re.IGNORECASE,
)
# Words of a time or an occasion: "Upon wake up: 1 litre of water" opens a meal, whereas
# "Greek yogurt: 150 g" is an item.
_OCCASION = frozenset(
    (
        "upon wake waking woke morning afternoon evening night bedtime before after during pre "
        "post time break meal meeting work gym training run later mid-morning mid-afternoon "
        "1 2 3 4 5 6 7 8 9"
    ).split()
)
_MEALS = "breakfast|brunch|lunch|dinner|supper|snack|elevenses|dessert"
_TIMES_OF_DAY = ["morning", "afternoon", "evening", "late", "mid-morning", "mid-afternoon"]
_PROSE_STARTS = frozenset(
    f"{word} "[:4]
    for word in ["for", "at", "today's", "today’s", "my", *_MEALS.split("|"), *_TIMES_OF_DAY]
)
# "For breakfast, I ate ...", "Breakfast... donuts", "Lunch. 3 oz chicken", "Breakfast! I drink".
_PROSE_MEAL = re.compile(
    rf"(?:(?:for|at|today'?s|today’s|my)\s+)?(?P<meal>(?:(?:{'|'.join(_TIMES_OF_DAY)})\s+)?"
    rf"(?:{_MEALS})|(?:morning|afternoon)\s+tea)"
    r"(?:\s*(?:\.\.\.|…|[.!,])|\s+(?:was|were|is|consisted of|of)\b|(?=\s+I\s))\s*"
    r"(?:(?:just|only|mostly)\s+)?"
    r"(?:I\s+(?:also\s+)?(?:ate|had|drank|drink|eat|sip|sipped|am having)\s+)?",
    re.IGNORECASE,
)
_I_ATE = re.compile(r"^(?:then|also|and)\b,?\s+", re.IGNORECASE)
# Items end at ";" and, in a diary's sentences, at ". " before a capital or a number, and
# at an ellipsis ("toast with vegemite... every day").
_ABBREVIATIONS = "oz lb lbs tsp tbsp pkg approx c g no vs st".split()
_SENTENCE = re.compile(
    r";|\.\.\.\s+|…\s*|(?<![A-Z])"
    + "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS)
    + r"\.\s+(?=[A-Z0-9])"
)
# A diary's calories between two foods, each after a dash: where one item ends.
_ENERGY_BETWEEN = re.compile(
    r"\s+[-–—]\s*\d+(?:\.\d+)?\s*(?:k?cals?|calories)\s*[-–—,]\s+(?=\S)", re.IGNORECASE
)
# A cheap first test for a day heading (camg.headings).
_MAY_BE_HEADING = may_be_heading
DEFAULT_ORDER = "mdy"
# Control characters (but tab and line ends) and bidi overrides: stripped from log text.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class Item(NamedTuple):
    """One item as written, and where: the unit of resolution and of error reports."""

    source: str
    line: int
    text: str
    meal: str | None


@dataclass(slots=True)  # a log may hold a million days
class Day:
    """A day's items. Labels and problems are a shared empty tuple until the day has
    some: a log of a million days then holds no two million empty lists."""

    date: date | None
    labels: Sequence[str] = ()
    items: list[Item] = field(default_factory=list)
    problems: Sequence[Problem] = ()  # a heading that names no date


class LogRecipe(NamedTuple):
    """A recipe block of a log (docs/log-format.md), as written: camg.recipes reads it."""

    source: str
    line: int
    heading: str  # "chili, serves 4"
    items: list[tuple[int, str]]  # each item's line and text
    ended: bool


@dataclass
class ParsedLog:
    days: list[Day]
    problems: list[Problem]
    recipes: list[LogRecipe] = field(default_factory=list)
    # Each date's (last) heading line, kept only when asked for (`camg add` places items
    # under it): a field of every day would cost a million-day log 16 MB.
    heading_lines: dict[date, int] | None = None


# One line's items as written: its number, its meal and its item texts. A line is kept
# this way, a plain tuple, not as an Item per item, until a day's items are asked for
# (`Piece.items`).
Written = tuple[int, str | None, tuple[str, ...]]


class Piece(NamedTuple):
    """A day heading's date (None: none, or none that can be read) and the lines under
    it, as `read_days` gives them: a date written twice in a file comes as two pieces."""

    source: str
    date: date | None
    labels: Sequence[str]
    written: list[Written]
    problems: Sequence[Problem] = ()

    def items(self) -> list[Item]:
        """Its items, one Item each, for a reader that resolves them one by one."""
        source = self.source
        return [
            _new_tuple(Item, (source, line, text, meal))
            for line, meal, texts in self.written
            for text in texts
        ]

    def day(self) -> Day:
        """As a Day of the parsed log."""
        return Day(self.date, self.labels, self.items(), self.problems)


class _Section(NamedTuple):
    """A day heading of one file and the items under it, before its date is settled. A
    heading that is a plain ISO date is kept as its text and read when filed: a log of
    a million days then holds no million Heading objects at once."""

    heading: Heading | str | None
    line: int
    written: list[Written]


def decode(data: bytes, source: str) -> str:
    """Log bytes as text: UTF-8 (with or without BOM), or UTF-16 with its BOM (what
    Notepad saves as "Unicode"); anything else is refused clearly."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data[:8192]:
        raise binary_file(source)
    encoding = "utf-16" if utf16 else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, "replace").count("\n") + 1
        raise not_text(utf16, source, line) from None


def binary_file(source: str) -> CamgError:
    message = "this is a binary file, not a text meal log"
    return CamgError(Problem(message, source, kind=Kind.UNREADABLE))


def not_text(utf16: bool, source: str, line: int) -> CamgError:
    """Bytes that are not text in the log's encoding, from `line` on."""
    name = "UTF-16" if utf16 else "UTF-8"
    message = f"not {name} text; save the log as UTF-8 and try again"
    return CamgError(Problem(message, source, line, kind=Kind.UNREADABLE))


def parse(
    text: str,
    source: str,
    into: ParsedLog | None = None,
    date_order: str | None = None,
    today: date | None = None,
) -> ParsedLog:
    """Read a log's days, meals and items. Days with the same date merge (across files
    too); days without a calendar date stay apart, in the order written.

    `date_order` reads numeric dates such as 3/9 (mdy, dmy or ymd); None lets the
    file's unambiguous dates decide, else mdy."""
    log = into or ParsedLog(days=[], problems=[])
    if _UNPRINTABLE.search(text):  # terminal escapes and bidi overrides never reach output
        text = clean(text)
    by_date = {day.date: day for day in log.days if day.date is not None}
    for piece in read_days(text_lines(text), source, log, date_order, today):
        file_day(piece.day(), by_date, log)
    return log


def clean(text: str) -> str:
    """Text without control characters and bidi overrides: they never reach output."""
    return _UNPRINTABLE.sub("", text)


def read_days(
    lines: Iterable[str],
    source: str,
    log: ParsedLog,
    date_order: str | None = None,
    today: date | None = None,
) -> Iterator[Piece]:
    """A file's days, one heading's worth at a time and in the order written, each as
    soon as its date is settled: a big log is never held whole. The same date may come
    twice (`file_day` adds them up). Problems and recipe blocks go into `log`."""
    dates = _Dates(source, log, date_order, today or date.today())
    for section in _sections(lines, source, log):
        yield from dates.settle(section)
    yield from dates.close()


def file_day(day: Day, by_date: dict[date, Day], log: ParsedLog) -> None:
    """Add a day read by `read_days` (`Piece.day`) to a log held whole: a date seen
    before takes its labels and items."""
    if day.date is None:
        log.days.append(day)
        return
    earlier = by_date.get(day.date)
    if earlier is None:
        by_date[day.date] = day
        log.days.append(day)
        return
    for label in day.labels:
        if label not in earlier.labels:
            earlier.labels = [*earlier.labels, label]
    if earlier.items:
        earlier.items.extend(day.items)
    else:
        earlier.items = day.items


def _sections(lines: Iterable[str], source: str, log: ParsedLog) -> Iterator[_Section]:
    """The file cut at its day headings, each section given once the next heading (or
    the end) is read; items before the first heading form their own section.

    A log repeats its lines: what a line that is neither a heading nor part of a recipe
    makes (the meal it opens, its items) is kept by its text, and a line seen before is
    not read again."""
    current = _Section(None, 0, [])
    meal: str | None = None
    recipe: LogRecipe | None = None  # the recipe block being read
    written = current.written
    known = _Known()
    lookup = known.lines.get  # (in a recipe block, no line is looked up)
    lines = iter(lines)
    for number, raw in enumerate(lines, start=1):
        found = lookup(raw)
        if found is not None:
            opened, texts = found
            if opened is not None:
                meal = opened
            if texts:
                written.append((number, meal, texts))
            continue
        if len(raw) > MOST_LINE_CHARS:
            log.problems.append(_too_long(_length(raw, lines), source, number))
            continue
        line = raw.strip()
        if line[:1] == "#" and line[1:2].isdigit() and (listed := _LIST_NUMBER.match(line)):
            line = line[listed.end() :]  # "#1 2 eggs and toast": an item numbered in a list
        if line and "#" in line and line[0] != "#":  # a comment after an item
            line = _NUMBERED.sub("", line)  # "Snack #3: bread": a number, no comment
            line = _strip_comment(line).strip()
        if not line:
            known.line(raw, None, ())
            continue
        if recipe is not None:  # a recipe's items, up to "end recipe"
            if _RECIPE_END.match(line):
                log.recipes.append(recipe._replace(ended=True))
                recipe, lookup = None, known.lines.get
            else:
                texts = map(_clean_item, line.split(";"))
                recipe.items.extend((number, item) for item in texts if item)
            continue
        if (
            line[0] in "rR"
            and line[:6].lower() == "recipe"
            and (start := _RECIPE_START.match(line))
        ):
            recipe = LogRecipe(source, number, start.group(1).strip(), [], False)
            lookup = _NO_LINES.get
            continue
        if plain_iso(line):  # "2026-11-20": a day heading, read when filed
            yield current
            current, meal = _Section(line, number, []), None
            written = current.written
            continue
        if line[0].isdigit() and ":" not in line and ". " not in line and not dated_start(line):
            # The common line, "1 cup milk; 2 eggs": items under the current meal.
            texts = known.line(raw, None, known.texts(line.split(";")))
            if texts:
                written.append((number, meal, texts))
            continue
        heading = read_heading(line) if _MAY_BE_HEADING(line) else None
        if heading is not None and line.startswith("#") and not _markdown_heading(line, heading):
            heading = None  # "# Saturday - from a blog" is a comment
        if heading is None and "#" in line:
            line = _strip_comment(line).strip()
            if not line:
                known.line(raw, None, ())
                continue
        if heading is not None:
            yield current
            current, meal = _Section(heading, number, []), None
            written = current.written
            if not heading.items:
                continue
            line = heading.items
        elif _ISO_START.match(line):
            log.problems.append(
                Problem(
                    "after a date write only words such as a weekday; put food items on the "
                    "next lines",
                    source,
                    number,
                    kind=Kind.BAD_DATE,
                )
            )
            continue
        opened, line = _meal(line, None)
        numbered = read_heading(line) if line[:4].lower() == "day " else None
        if numbered is not None:  # "Food Journal Challenge: Day 1"
            yield current
            current, meal = _Section(numbered._replace(label=raw.strip()), number, []), None
            written = current.written
            continue
        if "cal" in line:  # "lemon – 5 calories – Steamed Broccoli – 100g – 32 calories"
            line = _ENERGY_BETWEEN.sub(";", line)
        texts = known.texts(
            _SENTENCE.split(line) if ". " in line or "…" in line else line.split(";")
        )
        if heading is None:  # a heading's line opens a section: read each time
            known.line(raw, opened, texts)
        meal = opened or meal
        if texts:
            written.append((number, meal, texts))
    if recipe is not None:
        log.recipes.append(recipe)
    yield current


_NO_LINES: dict[str, tuple[str | None, tuple[str, ...]]] = {}
# Lines and item texts kept by `_Known`, each: enough for the lines a log repeats most
# (a 1,000,000-line log has 276,000 different lines, 1,807 different items).
MOST_KNOWN = 32_768


class _Known:
    """What the parser made of lines and item texts it has read (a log repeats itself),
    up to MOST_KNOWN of each: the meal a line opens and its items, an item text cleaned."""

    __slots__ = ("items", "lines")

    def __init__(self) -> None:
        self.lines: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self.items: dict[str, str] = {}

    def line(self, raw: str, opened: str | None, texts: tuple[str, ...]) -> tuple[str, ...]:
        """Keep what a line makes; its items."""
        if len(self.lines) < MOST_KNOWN:
            self.lines[raw] = (opened, texts)
        return texts

    def texts(self, parts: list[str]) -> tuple[str, ...]:
        """The items of a line's parts, cleaned (camg reads each text once: a log repeats
        its items, so one copy of each is kept)."""
        items = self.items
        found = []
        for part in parts:
            text = items.get(part)
            if text is None:
                text = sys.intern(_clean_item(part))
                if len(items) < MOST_KNOWN:
                    items[part] = text
            if text:
                found.append(text)
        return tuple(found)


def text_lines(text: str) -> Iterator[str]:
    """The lines of a text, each with its newline. Universal newlines: CR, LF and CRLF
    end lines, as in the editors people write logs with. Found one at a time, so that a
    big log becomes neither a list of a million lines nor a second copy of itself (an
    io.StringIO holds four bytes a character)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    find, start, end = text.find, 0, len(text)
    while start < end:
        stop = find("\n", start) + 1 or end
        yield text[start:stop]
        start = stop


# "recipe: chili, serves 4" opens a block of a recipe's items; "end recipe" closes it.
_RECIPE_START = re.compile(r"recipe\s*:\s*(\S.*)$", re.IGNORECASE)
_RECIPE_END = re.compile(r"end(?:\s+(?:of\s+)?recipe)?\.?$", re.IGNORECASE)


def _markdown_heading(line: str, heading: Heading) -> bool:
    """ "## Monday" is a heading; "# Saturday - notes" is a comment: one `#` and a label."""
    return line.startswith("##") or (
        len(heading.label.split()) <= 4
        and not re.search(r"[-–—:(|\"]", heading.label)
        and not (heading.items and not _AFTER_A_COLON.search(line))  # "# Friday - a title"
    )


# "# Monday: porridge": a one-# heading's items after a colon straight after its words.
_AFTER_A_COLON = re.compile(r"^#\s*[\w ,./]+?:")


def _meal(line: str, meal: str | None) -> tuple[str | None, str]:
    """The meal a line opens, if it is a heading, and the items left on the line."""
    if line[0].isalpha() or line[0] in "#*":
        prose = (
            _PROSE_MEAL.match(line)
            if line[:4].lower() in _PROSE_STARTS and ":" not in line[:12]
            else None
        )
        if prose is not None:  # "For breakfast, I ate ...", "Breakfast... 2 eggs"
            return prose.group("meal").lower(), line[prose.end() :]
        heading = _heading(line) or _table_meal(line)
        if heading is not None:
            return heading
        if line[:5].lower().startswith(("then", "also", "and ")):
            line = _I_ATE.sub("", line)
    return meal, line


class _Dates:
    """A file's day headings settled in the order written, each as soon as what it depends
    on has been read: the file's numeric date order (its first unambiguous numeric date,
    14/10 or 10/14, decides) and, for a date without a year before the file's first dated
    day, the next heading that has a year. Sections wait, in order, until then: a file of
    ISO dates waits for nothing, one without any year waits to its end."""

    def __init__(self, source: str, log: ParsedLog, order: str | None, today: date) -> None:
        self.source, self.log, self.today = source, log, today
        self.given = order
        self.order = order  # given, else the file's first unambiguous date's
        self.evidence: dict[str, int] = {}  # each order's first unambiguous date, by line
        self.waiting: deque[tuple[int, _Section]] = deque()  # numbered as they come
        self.years: deque[tuple[int, int]] = deque()  # waiting sections that have a year
        self.count = 0
        self.previous: date | None = None
        self.labels: dict[str, list[str]] = {}

    def settle(self, section: _Section) -> list[Piece]:
        """Take the next section; the days that can now be settled."""
        self.count += 1
        heading = section.heading
        if isinstance(heading, Heading) and (evidence := numeric_evidence(heading)):
            self.evidence.setdefault(evidence, section.line)
            self.order = self.order or evidence
        if self.waiting and (year := _year(heading)) is not None:
            self.years.append((self.count, year))  # for the sections before it that wait
        self.waiting.append((self.count, section))
        return self._ready(self.order, final=False)

    def close(self) -> list[Piece]:
        """The file is read: settle what waits, and say if its numeric dates disagree."""
        ready = self._ready(self.order or DEFAULT_ORDER, final=True)
        if self.given is None and len(self.evidence) > 1:
            self.log.problems.append(_two_orders(self.evidence, self.source))
        return ready

    def _ready(self, order: str | None, final: bool) -> list[Piece]:
        ready: list[Piece] = []
        while self.waiting:
            number, section = self.waiting[0]
            heading = section.heading
            if isinstance(heading, str):  # a plain ISO date, read only now
                heading = iso_heading(heading)
            if heading is not None and heading.numeric is not None and order is None:
                break  # 3/9, and no date of the file has said how to read it yet
            ahead = None
            if heading is not None and needs_following_year(
                heading, order or DEFAULT_ORDER, self.previous
            ):
                ahead = self._following_year(number)
                if ahead is None and not final:
                    break
            self.waiting.popleft()
            if heading is not None:
                ready.append(self._day(section, heading, order or DEFAULT_ORDER, ahead))
            elif section.written:  # the items before the first heading
                ready.append(Piece(self.source, None, (), section.written))
        if not self.waiting:
            self.years.clear()  # years matter only to sections that wait
        return ready

    def _following_year(self, number: int) -> int | None:
        """The year of the first waiting section after the `number`th that has one."""
        while self.years and self.years[0][0] <= number:
            self.years.popleft()
        return self.years[0][1] if self.years else None

    def _day(self, section: _Section, heading: Heading, order: str, ahead: int | None) -> Piece:
        settled = settle(heading, order, self.previous, ahead, self.today)
        if settled.error is not None or settled.when is None:
            error = settled.error
            problems = () if error is None else (_bad_date(error, self.source, section.line),)
            return Piece(self.source, None, [heading.label], section.written, problems)
        self.previous = settled.when
        if self.log.heading_lines is not None:
            self.log.heading_lines[settled.when] = section.line
        return Piece(self.source, settled.when, self._labels(heading.words), section.written)

    def _labels(self, words: str) -> Sequence[str]:
        """A dated day's labels: one list for all the days of the same words ("Friday"),
        never changed in place (a day given more labels gets a new list)."""
        if not words:
            return ()
        labels = self.labels.get(words)
        if labels is None:
            labels = [words]
            if len(self.labels) < MOST_KNOWN:
                self.labels[words] = labels
        return labels


def _two_orders(evidence: dict[str, int], source: str) -> Problem:
    return Problem(
        f"this file writes numeric dates both day-first (line {evidence['dmy']}) and "
        f"month-first (line {evidence['mdy']}); write them one way, or give "
        "--date-order dmy or mdy",
        source,
        max(evidence.values()),
        kind=Kind.BAD_DATE,
    )


def _year(heading: Heading | str | None) -> int | None:
    """The year a heading writes, if any (a year 0 is none: no calendar has it)."""
    if isinstance(heading, str):
        return int(heading[:4]) or None
    return None if heading is None else heading.year or None


def _length(raw: str, lines: Iterator[str]) -> int:
    """The length of a line too long to read; a reader may give such a line in pieces (it
    does not hold it whole), the last of which ends with the newline."""
    length = len(raw)
    while raw and not raw.endswith("\n"):
        raw = next(lines, "")
        length += len(raw)
    return length


def _too_long(length: int, source: str, line: int) -> Problem:
    message = (
        f"this line is {length:,} characters long, more than the {MOST_LINE_CHARS:,} "
        "camg reads; put its items on lines of their own"
    )
    return Problem(message, source, line, kind=Kind.OTHER)


def _bad_date(error: str, source: str, line: int) -> Problem:
    return Problem(
        f"{error}; write the day as YYYY-MM-DD, or give --date-order if 3/9 means 3 September",
        source,
        line,
        kind=Kind.BAD_DATE,
    )


_new_tuple = tuple.__new__


def _strip_comment(line: str) -> str:
    """`#` starts a comment, except `#11457`, which pins a food by its SR28 id."""
    found = _COMMENT.search(line)
    return line[: found.start()] if found else line


def _heading(line: str) -> tuple[str, str] | None:
    """ "lunch: soup; bread" -> ("lunch", "soup; bread"): a short heading before ":", a
    meal word before a dash, or a meal word alone. "Greek yogurt: 150 g" is an item."""
    if ":" in line or "..." in line or "…" in line:
        found = _HEADING.match(_MARKDOWN.sub("", line) if line[0] in "#*" else line)
    elif " - " in line or "–" in line or "—" in line or "- " in line[:16]:  # "Drinks- tea"
        found = _DASHED.match(line)
        if found is not None and found.group("words").lower().split()[-1] not in MEAL_WORDS:
            return None
    else:
        return _bare_meal(line) if len(line) <= 40 else None
    if found is None:
        return _bare_meal(line) if len(line) <= 40 else _told_meal(line)
    words = found.group("words").lower().replace("/", " ").split()
    rest = found.group("rest").strip()
    if ":" not in line[: found.end("words") + 3] and not _HEADING_WORDS.issuperset(words):
        return None  # "I eat microwave porridge for breakfast…": an item, not "Breakfast…"
    occasion = (
        MEAL_WORDS.intersection(words)
        or _OCCASION.intersection(words)
        or (len(words) == 1 and _MEAL_CODE.fullmatch(words[0]))  # "M3: 1/2 cup yogurt"
    )
    if not occasion and (
        (_AMOUNT_FIRST.match(rest) and not _measured_list(rest))
        or ":" not in line[: found.end("words") + 3]
    ):
        # "Greek yogurt: 150 g" is an item, not a meal; so is "Two slices of toast... daily"
        return None
    return " ".join(words), rest


# A meal's or a snack's number in a plan: "M3", "S2" (never a vitamin: "B12", "D3").
_MEAL_CODE = re.compile(r"[ms]\d{1,2}")


def _measured_list(rest: str) -> bool:
    """ "2 slices bread, 3 ounces tuna, lettuce" after "Sandwich:": foods, two of them
    measured, under a label of what they make; "150 g" and "1 cup, cooked" are amounts."""
    parts = [part.strip() for part in re.split(r"[,;]", rest)]
    measured = [part for part in parts if _AMOUNT_FIRST.match(part) and len(part.split()) > 2]
    return len(measured) >= 2


# A menu copied from a table: "Breakfast 1 cup cereal", "Morning Tea Small handful of nuts",
# "Dinner Roast lamb": a meal's cell, then its food's. After a capital meal word, an amount
# or a capital opens the food; "dinner roll", "lunch meat", "Breakfast sausage" stay foods.
_TABLE_MEAL = re.compile(
    r"(?P<meal>(?:(?:Morning|Afternoon|Evening|Mid-morning|Mid-afternoon)\s+(?:Tea|Snack))"
    r"|Breakfast|Brunch|Lunch|Dinner|Supper|Snack|Dessert|Elevenses)\s+(?=\S)",
    re.IGNORECASE,
)


def _table_meal(line: str) -> tuple[str, str] | None:
    found = _TABLE_MEAL.match(line)
    if found is None or not found.group("meal")[0].isupper():
        return None
    rest = line[found.end() :]
    if not (rest[:2].istitle() or _AMOUNT_FIRST.match(rest)):
        return None  # "Breakfast sandwich", "Dinner roll": a food named after a meal
    return found.group("meal").lower(), rest


def _told_meal(line: str) -> tuple[str, str] | None:
    """ "A 700 calorie breakfast might look like this: two slices of ...": a sentence that
    names a meal before a colon opens that meal."""
    told, colon, rest = line.partition(":")
    words = told.lower().split()
    meals = _BARE_MEALS.intersection(words)
    if not colon or not rest.strip() or len(meals) != 1 or not 6 < len(words) <= 14:
        return None
    return next(iter(meals)), rest.strip()


def _bare_meal(line: str) -> tuple[str, str] | None:
    """ "Breakfast", "## Lunch", "Morning snack:" alone on a line."""
    words = line.rstrip(":* ").rsplit(None, 1)
    if not words or words[-1].lower() not in _BARE_MEALS:
        return None
    text = _MARKDOWN.sub("", line).strip().rstrip(":").strip()
    words = text.lower().split()
    if (
        0 < len(words) <= 3
        and words[-1] in _BARE_MEALS
        and text.replace(" ", "").isalpha()
        and _MEAL_MODIFIERS.issuperset(words[:-1])  # "full English breakfast" is a dish
    ):
        return " ".join(words), ""
    return None


# Words that may stand before a meal word in a heading alone on its line ("Morning snack").
_MEAL_MODIFIERS = frozenset(
    (
        "morning afternoon evening late early mid midday night light big small quick second "
        "first my a the work packed sunday weekend post pre workout school office"
    ).split()
)
# The words of a heading that ends in an ellipsis ("Breakfast...", "For lunch…", "Day 2…").
_HEADING_WORDS = (
    MEAL_WORDS
    | _OCCASION
    | _MEAL_MODIFIERS
    | frozenset("for at today's day an one two three half hour hours minutes".split())
)


def _clean_item(text: str) -> str:
    """Drop list bullets, times of day people put before items, and a closing full stop."""
    text = text.strip()
    if not text:
        return text
    common = text[-1] != "." and text[1:2] == " " and text[0].isdigit() and text[2:4].isalpha()
    if common and text[2:4].lower() not in ("am", "pm"):
        return text  # "1 cup milk": the common item, nothing to drop
    if text[-1] == "." and not text.endswith(_ABBREVIATED):
        text = text.rstrip(". ")
    if not text or text[0] not in _MAY_LEAD:
        return text
    if text[0] in "-*•·" or text[1:2] in _AFTER_NUMBER or text[2:3] in _AFTER_NUMBER:
        found = _BULLET.match(text)
        if found:
            text = text[found.end() :]
    head = text[1:8]
    if ":" in head or (("m" in head or "M" in head) and _MERIDIEM.search(head)):
        found = _TIME.match(text)
        if found:
            text = text[found.end() :]
    return text.strip()


_ABBREVIATED = ("oz.", "tbsp.", "tsp.", "lb.", "c.", "g.")
_MERIDIEM = re.compile(r"[ap]\.?m", re.IGNORECASE)
_AFTER_NUMBER = frozenset(".)")
