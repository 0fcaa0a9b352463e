"""Periods of a log: date filters, period summaries, weeks and months, rolling ratios.

The date filter works on the parsed log, before any line is resolved, so lines
outside the period cost nothing and cannot stop the report. Weeks and months are
pandas' home ground, imported inside the function that groups them; the whole period
and the rolling ratio, which JSON, --detail and every log of several days print, are
plain Python, so that a plain `camg log` never loads pandas.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from camg.errors import CamgError

LAST = re.compile(r"(\d{1,5})([dwm])")
ROLLING_DAYS = 7


class Window(NamedTuple):
    """The days to report, both edges included; None is open."""

    start: date | None
    end: date | None

    def holds(self, when: date) -> bool:
        return (self.start is None or when >= self.start) and (self.end is None or when <= self.end)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else "the first day"
        end = self.end.isoformat() if self.end else "the last day"
        return f"from {start} to {end}"


def parse_date(option: str, text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CamgError(f'{option} "{text}": give a date as YYYY-MM-DD, e.g. 2026-11-16') from None


def parse_last(text: str) -> tuple[int, str]:
    found = LAST.fullmatch(text.strip().lower())
    if not found or int(found[1]) < 1:
        raise CamgError(
            f'--last "{text}": give a number of days, weeks or months, e.g. 7d, 4w or 3m'
        )
    return int(found[1]), found[2]


def months_before(when: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(when.day, calendar.monthrange(year, month)[1]))


def window(
    dates: list[date],
    start_text: str | None,
    end_text: str | None,
    last_text: str | None,
    today: date | None = None,
) -> Window | None:
    """The period the options ask for, or None for the whole log.

    `--last N` counts back from `--to`, else from `today` (`--today`), else from the
    log's last dated day: `--last 7d` is that day and the six before it, `--last 1m`
    the days after the same date a month earlier.
    """
    if today is not None and last_text is None:
        raise CamgError("--today goes with --last, e.g. --last 4w --today")
    if last_text is not None and start_text is not None:
        raise CamgError("give --last or --from, not both (--last counts back from the end)")
    if today is not None and end_text is not None:
        raise CamgError("give --today or --to, not both (each sets where --last ends)")
    start = parse_date("--from", start_text) if start_text is not None else None
    end = parse_date("--to", end_text) if end_text is not None else None
    if last_text is not None:
        count, unit = parse_last(last_text)
        anchor = end or today or (max(dates) if dates else None)
        if anchor is None:
            return Window(date.max, date.min)  # nothing dated: nothing to select
        end = anchor
        if unit == "m":
            start = months_before(anchor, count) + timedelta(days=1)
        else:
            start = anchor - timedelta(days=count * (7 if unit == "w" else 1) - 1)
    if start is not None and end is not None and start > end:
        raise CamgError(f"--from {start} is after --to {end}: give the earlier date first")
    if start is None and end is None:
        return None
    return Window(start, end)


def select(log: Any, chosen: Window) -> int:
    """Keep the parsed log's days inside the window; return how many undated days
    were left out (a day without a date cannot be placed in a period)."""
    undated = sum(1 for day in log.days if day.date is None)
    log.days = [day for day in log.days if day.date is not None and chosen.holds(day.date)]
    return undated


# Period records: the day table's columns for a week, a month or the whole period.
PERIOD_COLUMNS = [
    "period",
    "from",
    "to",
    "calcium_mg",
    "magnesium_mg",
    "ratio",
    "status",
    "days",
    "complete_days",
    "incomplete_days",
    "days_within",
    "days_above",
    "days_below",
    "days_without_ratio",
    "total_calcium_mg",
    "total_magnesium_mg",
]


def _day_frame(days: list[Any]) -> Any:
    import pandas as pd

    counted = [day for day in days if day.entry_count]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(pd.Series([day.date for day in counted], dtype=object)),
            "calcium": [day.calcium_mg for day in counted],
            "magnesium": [day.magnesium_mg for day in counted],
            "complete": [not day.incomplete for day in counted],
            "status": pd.Series([day.status or "none" for day in counted], dtype=object),
        }
    )


def periods(report: Any, by: str) -> list[dict[str, Any]]:
    """One record per ISO week, calendar month, or for the whole period (`all`).

    Calcium and magnesium are the mean per complete day (a day with a food of unknown
    value, or a line left out, is counted but not averaged); the ratio is the
    period's total calcium over its total magnesium, over every day counted.
    """
    if by == "all":
        return [_whole_period(report)]
    import pandas as pd

    frame = _day_frame(report.days)
    frame = frame[frame["date"].notna()]
    if by == "week":
        iso = frame["date"].dt.isocalendar()
        keys = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    else:
        keys = frame["date"].dt.strftime("%Y-%m")
    statuses = pd.get_dummies(frame["status"]).reindex(
        columns=["within", "above", "below", "none"], fill_value=False
    )
    work = pd.DataFrame(
        {
            "key": keys,
            "first": frame["date"],
            "last": frame["date"],
            "days": 1,
            "complete": frame["complete"].astype(int),
            "calcium": frame["calcium"],
            "magnesium": frame["magnesium"],
            "complete_calcium": frame["calcium"].where(frame["complete"], 0.0),
            "complete_magnesium": frame["magnesium"].where(frame["complete"], 0.0),
            **{name: statuses[name].astype(int) for name in statuses.columns},
        }
    )
    sums = work.groupby("key", sort=True).agg(
        first=("first", "min"),
        last=("last", "max"),
        **{name: (name, "sum") for name in work.columns if name not in ("key", "first", "last")},
    )
    low, high = report.options.low, report.options.high
    return [
        _record(key, row, low, high)
        for key, row in zip(sums.index, sums.itertuples(), strict=False)
    ]


class _Sums(NamedTuple):
    """A period's sums, as the pandas group-by gives them for weeks and months."""

    first: date | None
    last: date | None
    days: int
    complete: int
    calcium: float
    magnesium: float
    complete_calcium: float
    complete_magnesium: float
    within: int
    above: int
    below: int
    none: int


def _whole_period(report: Any) -> dict[str, Any]:
    counted = [day for day in report.days if day.entry_count]
    dates = [day.date for day in counted if day.date is not None]
    complete = [day for day in counted if not day.incomplete]
    statuses = [day.status or "none" for day in counted]
    sums = _Sums(
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
        days=len(counted),
        complete=len(complete),
        calcium=math.fsum(day.calcium_mg for day in counted),
        magnesium=math.fsum(day.magnesium_mg for day in counted),
        complete_calcium=math.fsum(day.calcium_mg for day in complete),
        complete_magnesium=math.fsum(day.magnesium_mg for day in complete),
        **{name: statuses.count(name) for name in ("within", "above", "below", "none")},
    )
    return _record("all", sums, report.options.low, report.options.high)


def _record(key: str, row: Any, low: float, high: float) -> dict[str, Any]:
    from camg.engine import ratio, status
    from camg.report import _num

    complete = int(row.complete)
    value = ratio(float(row.calcium), float(row.magnesium))
    return {
        "period": key,
        "from": _iso(row.first),
        "to": _iso(row.last),
        "calcium_mg": _num(row.complete_calcium / complete) if complete else None,
        "magnesium_mg": _num(row.complete_magnesium / complete) if complete else None,
        "ratio": _num(value),
        "status": status(value, low, high),
        "days": int(row.days),
        "complete_days": complete,
        "incomplete_days": int(row.days) - complete,
        "days_within": int(row.within),
        "days_above": int(row.above),
        "days_below": int(row.below),
        "days_without_ratio": int(row.none),
        "total_calcium_mg": _num(row.calcium),
        "total_magnesium_mg": _num(row.magnesium),
    }


def _iso(value: Any) -> str | None:
    """A period's first or last day: a date, a pandas Timestamp, or none (None, NaT)."""
    if value is None or value != value:  # NaT is not equal to itself
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def add_rolling(report: Any, days: int = ROLLING_DAYS) -> None:
    """Each dated day's ratio over the `days` calendar days ending on it: the window's
    total calcium over its total magnesium, over the days logged in it."""
    dated = sorted(
        (day for day in report.days if day.date is not None and day.entry_count),
        key=lambda day: day.date,
    )
    width = timedelta(days=days)
    start = 0
    for end, day in enumerate(dated):
        while dated[start].date <= day.date - width:
            start += 1
        window = dated[start : end + 1]
        magnesium = math.fsum(other.magnesium_mg for other in window)
        calcium = math.fsum(other.calcium_mg for other in window)
        day.rolling_ratio = calcium / magnesium if magnesium > 0 else None


# What the trend chart shows, for scripts (`camg trend --format json|csv|tsv`).
TREND_COLUMNS = ["date", "calcium_mg", "magnesium_mg", "ratio", "status", "rolling_ratio_7d"]


def trend_rows(report: Any) -> list[dict[str, Any]]:
    """One record per dated day with entries, in date order: the points of the chart."""
    from camg.report import _num

    days = sorted(
        (day for day in report.days if day.date is not None and day.entry_count),
        key=lambda day: day.date,
    )
    return [
        {
            "date": day.date.isoformat(),
            "calcium_mg": _num(day.calcium_mg),
            "magnesium_mg": _num(day.magnesium_mg),
            "ratio": _num(day.ratio),
            "status": day.status,
            "rolling_ratio_7d": _num(day.rolling_ratio),
        }
        for day in days
    ]
