"""A report as plain records: what JSON, CSV and TSV print.

The same records feed every machine format, so the formats cannot disagree.
"""

from __future__ import annotations

import json
import math
from typing import IO, Any

from camg import foodtable
from camg.engine import DayResult, Report


def _num(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else round(value, 4)


def _text(value: Any) -> str | None:
    """Text cells of the frame: missing is None, whatever pandas stored."""
    return value if isinstance(value, str) else None


def range_record(report: Report) -> dict[str, Any]:
    options = report.options
    record: dict[str, Any] = {"low": options.low, "high": options.high, "basis": options.basis}
    if options.basis == "molar":
        record["molar_low"] = _num(report.molar(options.low))
        record["molar_high"] = _num(report.molar(options.high))
    return record


def day_record(report: Report, day: DayResult) -> dict[str, Any]:
    """A day's figures without its entries (one CSV row)."""
    record: dict[str, Any] = {
        "date": day.date.isoformat() if day.date else None,
        "calcium_mg": _num(day.calcium_mg),
        "magnesium_mg": _num(day.magnesium_mg),
        "ratio": _num(day.ratio),
    }
    if report.options.basis == "molar":
        record["molar_ratio"] = _num(report.molar(day.ratio))
    record.update(
        status=day.status,
        incomplete=day.incomplete,
        unknown_values=day.unknown_foods,
        entries_count=day.entry_count,
        estimated_entries=day.estimated,
        approximate_entries=day.approximate,
    )
    if report.intakes is not None:
        record["calcium_rda_pct"] = _num(day.calcium_rda_pct)
        record["magnesium_rda_pct"] = _num(day.magnesium_rda_pct)
        record["warnings"] = day.warnings
    return record


ENTRY_FIELDS = [
    "source",
    "line",
    "part",
    "text",
    "meal",
    "food_id",
    "food",
    "food_source",
    "amount",
    "unit",
    "grams",
    "portion",
    "default_portion",
    "supplement",
    "calcium_mg",
    "magnesium_mg",
    "estimate",
    "assumed",
    "approximate",
    "notes",
]
_NUMBERS = {"amount", "grams", "calcium_mg", "magnesium_mg"}
_TEXTS = {"source", "meal", "food_id", "unit", "supplement"}


class Details:
    """What a report shows below each day: its entries as records, its meal totals
    and top sources. Worked out in one pass over the whole log's entries, not once
    per day (a log can hold 20,000 days)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        joined = report.joined
        self.columns = _entry_columns(joined)
        self.meals = _meal_totals(joined)
        self.top = {element: _top_sources(joined, element) for element in ("calcium", "magnesium")}

    def entries_of(self, day: DayResult) -> list[dict[str, Any]]:
        """A day's entries as records (JSON objects, CSV rows)."""
        start, end = self.report.day_span(day)
        values = (self.columns[name][start:end] for name in ENTRY_FIELDS)
        records = [dict(zip(ENTRY_FIELDS, row, strict=True)) for row in zip(*values, strict=True)]
        for record in records:  # a recipe's entry: what its ingredients bring
            if foodtable.is_user_food(record["food_id"]) and record["grams"] is not None:
                parts = foodtable.breakdown(record["food_id"], record["grams"])
                if parts:
                    record["ingredients"] = parts
        return records

    def meals_of(self, day: DayResult) -> list[dict[str, Any]]:
        return self.meals.get(day.index, [])

    def top_sources(self, day: DayResult, element: str) -> list[dict[str, Any]]:
        return self.top[element].get(day.index, [])


def _entry_columns(joined: Any) -> dict[str, list[Any]]:
    """Every entry's fields as plain Python values, converted once for the whole log."""
    columns = {"food_source": _food_sources(joined["food_id"].tolist())}
    for name in ENTRY_FIELDS:
        if name == "food_source":
            continue
        # "estimate" says whether camg assumed the amount; "assumed" says what it assumed.
        column = joined["estimate" if name == "assumed" else name].tolist()
        if name == "estimate":
            column = [isinstance(value, str) for value in column]
        elif name == "assumed":
            column = [_text(value) for value in column]
        elif name in _NUMBERS:
            column = [_num(value) for value in column]
        elif name in _TEXTS:
            column = [_text(value) for value in column]
        elif name in ("line", "part"):
            column = [int(value) for value in column]
        elif name in ("default_portion", "approximate"):
            column = [bool(value) for value in column]
        elif name == "notes":
            column = [list(value) for value in column]
        columns[name] = column
    return columns


# A supplement's dose is the figure its label gives, written in the log.
SUPPLEMENT_SOURCE = "supplement label, as logged"


def _food_sources(food_ids: list[Any]) -> list[str]:
    """Where each entry's values come from: its food's source (looked up once per food)."""
    known: dict[Any, str] = {}
    for food_id in dict.fromkeys(food_ids):
        food = foodtable.food(food_id) if isinstance(food_id, str) else None
        known[food_id] = food.source if food is not None else SUPPLEMENT_SOURCE
    return [known[food_id] for food_id in food_ids]


def _meal_totals(joined: Any) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    if joined.empty:
        return found
    frame = joined.assign(meal=joined["meal"].fillna(""))
    sums = frame.groupby(["day", "meal"], sort=False)[["calcium_mg", "magnesium_mg"]].sum()
    for (day, meal), calcium, magnesium in zip(
        sums.index, sums["calcium_mg"], sums["magnesium_mg"], strict=True
    ):
        record = {
            "meal": meal or None,
            "calcium_mg": _num(calcium),
            "magnesium_mg": _num(magnesium),
        }
        found.setdefault(int(day), []).append(record)
    return found


def _top_sources(joined: Any, element: str, limit: int = 3) -> dict[int, list[dict[str, Any]]]:
    """Per day, the foods that gave it most of an element, most first."""
    column = f"{element}_mg"
    found: dict[int, list[dict[str, Any]]] = {}
    if joined.empty:
        return found
    sums = joined.groupby(["day", "food"], sort=False)[column].sum()
    sums = sums[sums > 0].sort_values(ascending=False, kind="stable")
    for (day, food), value in sums.groupby(level="day", sort=False).head(limit).items():
        found.setdefault(int(day), []).append({"food": food, column: _num(value)})
    return found


def summary_record(report: Report) -> dict[str, Any]:
    summary = report.summary
    record = {
        "days": summary.days,
        "days_within": summary.days_within,
        "mean_calcium_mg": _num(summary.mean_calcium_mg),
        "mean_magnesium_mg": _num(summary.mean_magnesium_mg),
        "ratio_of_totals": _num(summary.ratio_of_totals),
        "mean_of_daily_ratios": _num(summary.mean_of_daily_ratios),
    }
    if report.options.basis == "molar":
        record["molar_ratio_of_totals"] = _num(report.molar(summary.ratio_of_totals))
        record["molar_mean_of_daily_ratios"] = _num(report.molar(summary.mean_of_daily_ratios))
    return record


def write_json(
    report: Report,
    unresolved: list[dict[str, Any]],
    stream: IO[str],
    notes: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    """The whole report as one JSON object: range, profile, days (one per line, written
    as they are made, so a long log never holds all its records at once), summary, then
    the records of `extra` (the period summary; with --by, "by" and "periods")."""
    profile = report.options.profile
    head = {
        "range": range_record(report),
        "profile": None if profile is None else profile._asdict(),
    }
    stream.write("{\n")
    for name, value in head.items():
        stream.write(f"  {_dumps(name)}: {_dumps(value)},\n")
    stream.write('  "days": [')
    details = Details(report)
    for number, day in enumerate(report.days):
        stream.write(",\n    " if number else "\n    ")
        stream.write(_dumps(full_day_record(report, day, details)))
    stream.write("\n  ],\n" if report.days else "],\n")
    stream.write(f'  "summary": {_dumps(summary_record(report))},\n')
    for name, value in (extra or {}).items():
        if name == "periods":
            stream.write('  "periods": [')
            stream.write(",".join(f"\n    {_dumps(record)}" for record in value))
            stream.write("\n  ],\n" if value else "],\n")
        else:
            stream.write(f"  {_dumps(name)}: {_dumps(value)},\n")
    stream.write(f'  "unresolved": {_dumps(unresolved)},\n')
    # How lines were read, and lines left out on purpose (a vitamin D tablet), each with its
    # kind: what stderr says as "note:", for a script to read too.
    stream.write(f'  "notes": {_dumps(notes or [])}\n}}\n')


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def full_day_record(report: Report, day: DayResult, details: Details) -> dict[str, Any]:
    record = day_record(report, day)
    record.setdefault("warnings", day.warnings)  # with a profile, day_record has them
    record["rolling_ratio_7d"] = _num(day.rolling_ratio)
    record["labels"] = day.labels
    record["unresolved"] = day.unresolved
    record["entries"] = details.entries_of(day)
    record["meals"] = details.meals_of(day)
    record["top_calcium_sources"] = details.top_sources(day, "calcium")
    record["top_magnesium_sources"] = details.top_sources(day, "magnesium")
    record["suggestions"] = [option.record() for option in day.suggestions]
    return record


DAY_COLUMNS = [
    "date",
    "calcium_mg",
    "magnesium_mg",
    "ratio",
    "status",
    "incomplete",
    "unknown_values",
    "entries_count",
    "estimated_entries",
    "approximate_entries",
]
ENTRY_COLUMNS = [
    "date",
    "source",
    "line",
    "part",
    "meal",
    "text",
    "food_id",
    "food",
    "food_source",
    "amount",
    "unit",
    "grams",
    "calcium_mg",
    "magnesium_mg",
    "estimate",
    "assumed",
    "approximate",
    "notes",
]


def day_rows(report: Report) -> tuple[list[str], list[dict[str, Any]]]:
    """One CSV row per day."""
    rows = []
    for day in report.days:
        record = day_record(report, day)
        record["unknown_values"] = "; ".join(record["unknown_values"])
        if "warnings" in record:
            record["warnings"] = "; ".join(record["warnings"])
        rows.append(record)
    columns = list(rows[0]) if rows else DAY_COLUMNS
    return columns, rows


def entry_rows(report: Report) -> tuple[list[str], list[dict[str, Any]]]:
    """One CSV row per entry (--detail)."""
    details = Details(report)
    rows = []
    for day in report.days:
        when = day.date.isoformat() if day.date else None
        for record in details.entries_of(day):
            rows.append({"date": when, **record, "notes": "; ".join(record["notes"])})
    return ENTRY_COLUMNS, rows
