"""A report as plain records: what JSON, CSV and TSV print.

The same records feed every machine format, so the formats cannot disagree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from itertools import chain
from typing import IO, Any

from camg import foodtable
from camg.engine import DayResult, Report, Values
from camg.resolve import Entry


def _num(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else round(value, 4)


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


class Details:
    """What a report shows below each day: its entries as records, its meal totals and
    top sources, worked out for a day when it is written (the report keeps its entries
    only when built for JSON or --detail)."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def entries_of(self, day: DayResult) -> list[dict[str, Any]]:
        """A day's entries as records (JSON objects, CSV rows)."""
        of = self.report.contributions.of
        records = [_entry_record(entry, of(entry.resolution)) for entry in self.report.entries(day)]
        for record in records:  # a recipe's entry: what its ingredients bring
            if foodtable.is_user_food(record["food_id"]) and record["grams"] is not None:
                parts = foodtable.breakdown(record["food_id"], record["grams"])
                if parts:
                    record["ingredients"] = parts
        return records

    def meals_of(self, day: DayResult) -> list[dict[str, Any]]:
        """Calcium and magnesium per meal, meals in the order first written."""
        sums: dict[str, tuple[list[float], list[float]]] = {}
        for entry, values in self._values(day):
            calcium, magnesium = sums.setdefault(entry.meal or "", ([], []))
            _add_known(calcium, values.calcium_mg)
            _add_known(magnesium, values.magnesium_mg)
        return [
            {
                "meal": meal or None,
                "calcium_mg": _num(math.fsum(calcium)),
                "magnesium_mg": _num(math.fsum(magnesium)),
            }
            for meal, (calcium, magnesium) in sums.items()
        ]

    def top_sources(self, day: DayResult, element: str, limit: int = 3) -> list[dict[str, Any]]:
        """The foods that gave the day most of an element, most first (ties: as written)."""
        column = f"{element}_mg"
        sums: dict[str, list[float]] = {}
        for entry, values in self._values(day):
            _add_known(sums.setdefault(entry.resolution.food, []), getattr(values, column))
        totals = [(food, math.fsum(found)) for food, found in sums.items()]
        ranked = sorted((pair for pair in totals if pair[1] > 0), key=_second, reverse=True)
        return [{"food": food, column: _num(value)} for food, value in ranked[:limit]]

    def _values(self, day: DayResult) -> list[tuple[Entry, Values]]:
        of = self.report.contributions.of
        return [(entry, of(entry.resolution)) for entry in self.report.entries(day)]


def _add_known(found: list[float], value: float) -> None:
    if value == value:  # NaN: unknown, left out of the sum
        found.append(value)


def _second(pair: tuple[str, float]) -> float:
    return pair[1]


def _entry_record(entry: Entry, values: Values) -> dict[str, Any]:
    resolution = entry.resolution
    return {
        "source": entry.source,
        "line": entry.line,
        "part": entry.part,
        "text": resolution.text,
        "meal": entry.meal,
        "food_id": resolution.food_id,
        "food": resolution.food,
        "food_source": food_source(resolution.food_id),
        "amount": _num(resolution.amount),
        "unit": resolution.unit,
        "grams": _num(resolution.grams),
        "portion": resolution.portion,
        "default_portion": bool(resolution.default_portion),
        "supplement": resolution.supplement,
        "calcium_mg": _num(values.calcium_mg),
        "magnesium_mg": _num(values.magnesium_mg),
        # "estimate" says whether camg assumed the amount; "assumed" says what it assumed.
        "estimate": resolution.estimate is not None,
        "assumed": resolution.estimate,
        "approximate": bool(resolution.approximate),
        "notes": list(resolution.notes),
    }


# A supplement's dose is the figure its label gives, written in the log.
SUPPLEMENT_SOURCE = "supplement label, as logged"


def food_source(food_id: str | None) -> str:
    """Where an entry's values come from: its food's source."""
    food = foodtable.food(food_id) if food_id is not None else None
    return food.source if food is not None else SUPPLEMENT_SOURCE


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


def day_rows(report: Report) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """One CSV row per day, made as it is written (a log may hold a million days)."""
    rows = (_day_row(report, day) for day in report.days)
    first = next(rows, None)
    if first is None:
        return DAY_COLUMNS, iter(())
    return list(first), chain([first], rows)


def _day_row(report: Report, day: DayResult) -> dict[str, Any]:
    record = day_record(report, day)
    record["unknown_values"] = "; ".join(record["unknown_values"])
    if "warnings" in record:
        record["warnings"] = "; ".join(record["warnings"])
    return record


def entry_rows(report: Report) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """One CSV row per entry (--detail), made as it is written."""
    return ENTRY_COLUMNS, _entry_rows(report)


def _entry_rows(report: Report) -> Iterator[dict[str, Any]]:
    details = Details(report)
    for day in report.days:
        when = day.date.isoformat() if day.date else None
        for record in details.entries_of(day):
            yield {"date": when, **record, "notes": "; ".join(record["notes"])}
