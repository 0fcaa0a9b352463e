"""camg's core in one call: log files in, a report and everything to tell the user out.

The command line is a face over `analyse`; tests call it directly. It never prints: what
the user must know comes back as problems, notices and remarks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO, NamedTuple

from camg import engine, logfile, resolve, sources
from camg.errors import CamgError, Kind, Problem, Severity
from camg.parser import ParsedLog


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
    remarks: list[str] = []
    if dates is None or not any(dates):
        parsed = logfile.read_logs(paths, stdin, date_order)
    else:
        parsed = _dated(paths, stdin, date_order, dates, remarks)
    sources.install(foods, recipes, parsed.recipes)
    resolved = resolve.ResolvedLog([], [], [])
    report = engine.build_report(resolve.resolve_days(parsed, resolved), options, entries)
    if resolved.problems and not lenient:
        raise CamgError([*resolved.problems, resolve.summary(resolved)])
    resolved.notices.extend(_day_warnings(report))
    return Analysis(report, resolved, remarks)


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
    from datetime import date  # looked up at each call, so that tests can set today

    from camg import periods

    today = date.today() if dates.today else None
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
