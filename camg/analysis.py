"""camg's core in one call: log files in, a report and everything to tell the user out.

The command line is a face over `analyse`; tests call it directly. It never prints: what
the user must know comes back as problems, notices and remarks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import BinaryIO, NamedTuple

from camg import engine, logfile, resolve, sources
from camg.errors import CamgError, Kind, Problem, Severity
from camg.parser import Day, Item, ParsedLog, Piece
from camg.plausible import implausible


class Dates(NamedTuple):
    """The days asked for: --from, --to, --last, --today (all empty: every day)."""

    start: str | None = None
    end: str | None = None
    last: str | None = None
    today: bool = False


class Analysis(NamedTuple):
    report: engine.Report
    resolved: resolve.ResolvedLog  # its problems, notices and lines; the days are in report
    remarks: list[str]  # about the whole run: undated days left out, an empty window


def analyse(
    paths: list[str],
    stdin: BinaryIO | None,
    options: engine.Options,
    *,
    lenient: bool = False,
    date_order: str | None = None,
    dates: Dates | None = None,
    foods: Sequence[str] = (),
    recipes: Sequence[str] = (),
    entries: bool = True,
) -> Analysis:
    """Read and filter by date the logs, install the user's foods and recipes (files and
    the logs' recipe blocks), then resolve and total the logs. Raises CamgError for
    unreadable files, bad options, a bad foods or recipes file (nothing of it used, the
    log not blamed) and (unless lenient) every line not understood.

    Days are resolved and totalled one at a time; without `entries` (a day table or CSV
    needs only the totals) each day's entries are let go once it is totalled."""
    if dates is not None and any(dates):
        remarks: list[str] = []
        parsed = _dated(paths, stdin, date_order, dates, remarks)
        sources.install(foods, recipes, parsed.recipes)
        resolved = resolve.ResolvedLog([], [], [])
        report = engine.build_report(resolve.resolve_days(parsed, resolved), options, entries)
        return _checked(report, resolved, lenient, remarks)
    report, resolved = _streamed(paths, stdin, date_order, options, foods, recipes, entries)
    return _checked(report, resolved, lenient, [])


def _checked(
    report: engine.Report, resolved: resolve.ResolvedLog, lenient: bool, remarks: list[str]
) -> Analysis:
    if resolved.problems and not lenient:
        raise CamgError([*resolved.problems, resolve.summary(resolved)])
    resolved.notices.extend(_day_warnings(report))
    return Analysis(report, resolved, remarks)


def _streamed(
    paths: list[str],
    stdin: BinaryIO | None,
    date_order: str | None,
    options: engine.Options,
    foods: Sequence[str],
    recipes: Sequence[str],
    entries: bool,
) -> tuple[engine.Report, resolve.ResolvedLog]:
    """Read, resolve and total the logs a day at a time: what is held is each day's
    totals (and entries, when asked for), never the lines of a log. Problems and notes
    come out in the order of a log read whole: the files' own first, then each day's, the
    days in chronological order."""
    logs = logfile.open_logs(paths, stdin)
    parsed = ParsedLog([], [])
    items = resolve.ResolvedLog([], [], [])  # the days' problems and lines
    builder = engine.ReportBuilder(options, entries)
    # Without entries to keep or intakes to compare with, items that mean one food
    # plainly are totalled without an entry each.
    plain = None if entries or options.profile else _Plain(builder.contributions)
    notices: dict[int, list[Problem]] = {}  # by day, as added
    files = _Files() if len(paths) > 1 else None
    try:
        sources.install(foods, recipes, logfile.recipe_blocks(logs))
        for piece in logfile.stream_days(logs, parsed, date_order):
            said: list[Problem] = []
            if plain is None:
                index = builder.add(resolve.resolve_day(piece.day(), items, said))
            else:
                index = plain.add(piece, builder, items, said)
            if said:
                notices.setdefault(index, []).extend(said)
            if files is not None and piece.written and piece.date is not None:
                files.saw(index, piece.date, piece.source, piece.written[0][0])
    finally:
        logs.close()
    report = builder.report()
    if files is not None:
        parsed.problems.extend(files.warnings())
    resolved = resolve.ResolvedLog([], [], [], items.lines)
    resolve.take_problems(parsed.problems, resolved)
    resolved.problems.extend(items.problems)
    for index in builder.order:
        resolved.notices.extend(notices.get(index, ()))
    resolve.close(resolved)
    return report, resolved


class _Plain:
    """The values of item texts that mean one food plainly (read whole, without a note,
    a plausible amount, calcium and magnesium known, not a magnesium supplement), worked
    out once: such an item needs no entry of its own when only totals are printed."""

    MOST = 32_768  # texts kept: a log repeats its items

    def __init__(self, contributions: engine.Contributions) -> None:
        self.contributions = contributions
        self.values: dict[str, engine.Values | tuple[()]] = {}

    def add(
        self,
        piece: Piece,
        builder: engine.ReportBuilder,
        items: resolve.ResolvedLog,
        said: list[Problem],
    ) -> int:
        """Total a piece of a day: its plain items by their values, the others resolved
        as entries; its index among the builder's days."""
        known = self.values.get
        found = [known(text) for _, _, texts in piece.written for text in texts]
        lines = items.lines + len(piece.written)
        if all(found) and not piece.problems:  # nothing to resolve, nothing to report
            items.lines = lines
            return builder.add(resolve.ResolvedDay(piece.date, piece.labels), found)
        plain, others = self._split(piece)
        day = Day(piece.date, piece.labels, others, piece.problems)
        resolved = resolve.resolve_day(day, items, said)
        items.lines = lines  # every line of the piece, plain or not
        return builder.add(resolved, plain)

    def _split(self, piece: Piece) -> tuple[list[engine.Values], list[Item]]:
        """A piece's plain items' values, and its other items."""
        plain: list[engine.Values] = []
        others: list[Item] = []
        for line, meal, texts in piece.written:
            for text in texts:
                values = self.values.get(text)
                if values is None:
                    values = self._learn(text)
                if values:
                    plain.append(values)
                else:
                    others.append(Item(piece.source, line, text, meal))
        return plain, others

    def _learn(self, text: str) -> engine.Values | tuple[()]:
        parts = resolve.read_line(text)
        single = parts[0].resolution if len(parts) == 1 else None
        values: engine.Values | tuple[()] = ()
        if (
            single is not None
            and not single.notes
            and implausible(single.food_id, single.grams) is None
        ):
            found = self.contributions.of(single)
            if not found.unknown and not found.supplement_magnesium_mg:
                values = found
        if len(self.values) < self.MOST:
            self.values[text] = values
        return values


class _Files:
    """Which file each date was first written in, to warn of a date in two files."""

    def __init__(self) -> None:
        self.first: dict[date, str] = {}
        self.later: dict[int, tuple[date, str, dict[str, int]]] = {}  # by day

    def saw(self, index: int, when: date, source: str, line: int) -> None:
        before = self.first.setdefault(when, source)
        if source != before:
            self.later.setdefault(index, (when, before, {}))[2].setdefault(source, line)

    def warnings(self) -> list[Problem]:
        found = []
        for index in sorted(self.later):
            when, before, later = self.later[index]
            found.extend(
                logfile.in_two_files(when, before, source, line) for source, line in later.items()
            )
        return found


def _day_warnings(report: engine.Report) -> list[Problem]:
    """The warnings of the days that have one (supplements or calcium above the upper
    limit) as problems, located where the engine found them, so that stderr and JSON say
    them like the others."""
    found = []
    for index, where in report.warned_at.items():
        day = report.days[index]
        source, line = where or (None, None)
        label = day.date.isoformat() if day.date else "undated day"
        found.extend(
            Problem(f"{label}: {warning}", source, line, None, Kind.UPPER_LIMIT, Severity.WARNING)
            for warning in day.warnings
        )
    return found


def _dated(
    paths: list[str],
    stdin: BinaryIO | None,
    date_order: str | None,
    dates: Dates,
    remarks: list[str],
) -> ParsedLog:
    import datetime  # looked up at each call, so that tests can set today

    from camg import periods

    today = datetime.date.today() if dates.today else None
    # Options are checked before any file is read: a usage error comes first.
    periods.window([], dates.start, dates.end, dates.last and "1d", today)
    if dates.last is not None:
        periods.parse_last(dates.last)
    parsed = logfile.read_logs(paths, stdin, date_order)
    dated = [day.date for day in parsed.days if day.date is not None]
    chosen = periods.window(dated, dates.start, dates.end, dates.last, today)
    undated = periods.select(parsed, chosen)
    if undated:
        remarks.append(f"{undated} day(s) without a date left out: a date filter needs dated days")
    if not parsed.days:
        remarks.append(f"no day in the log {chosen.describe()}")
    return parsed
