"""A report as plain records: what JSON, CSV and TSV print.

The same records feed every machine format, so the formats cannot disagree.
"""

from __future__ import annotations

import math
from typing import Any

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
    )
    if report.intakes is not None:
        record["calcium_rda_pct"] = _num(day.calcium_rda_pct)
        record["magnesium_rda_pct"] = _num(day.magnesium_rda_pct)
        record["warnings"] = day.warnings
    return record


def entry_records(report: Report, day: DayResult) -> list[dict[str, Any]]:
    rows = report.entries_of(day)
    records = []
    for row in rows.itertuples(index=False):
        records.append(
            {
                "source": _text(row.source),
                "line": int(row.line),
                "text": row.text,
                "meal": _text(row.meal),
                "food_id": _text(row.food_id),
                "food": row.food,
                "amount": _num(row.amount),
                "unit": _text(row.unit),
                "grams": _num(row.grams),
                "portion": row.portion,
                "default_portion": bool(row.default_portion),
                "supplement": _text(row.supplement),
                "calcium_mg": _num(row.calcium_mg),
                "magnesium_mg": _num(row.magnesium_mg),
            }
        )
    return records


def meal_records(report: Report, day: DayResult) -> list[dict[str, Any]]:
    rows = report.entries_of(day)
    if rows.empty:
        return []
    meals = rows.assign(meal=rows["meal"].fillna("")).groupby("meal", sort=False)
    totals = meals[["calcium_mg", "magnesium_mg"]].sum()
    return [
        {
            "meal": meal or None,
            "calcium_mg": _num(values["calcium_mg"]),
            "magnesium_mg": _num(values["magnesium_mg"]),
        }
        for meal, values in totals.iterrows()
    ]


def top_sources(report: Report, day: DayResult, element: str, limit: int = 3) -> list[dict]:
    """The foods that gave the day most of an element."""
    rows = report.entries_of(day)
    column = f"{element}_mg"
    by_food = rows.groupby("food", sort=False)[column].sum().sort_values(ascending=False)
    return [
        {"food": food, column: _num(value)}
        for food, value in by_food.head(limit).items()
        if value > 0
    ]


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


def to_json(report: Report, unresolved: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole report: range, days with entries, summary."""
    days = []
    for day in report.days:
        record = day_record(report, day)
        record["labels"] = day.labels
        record["unresolved"] = day.unresolved
        record["entries"] = entry_records(report, day)
        record["meals"] = meal_records(report, day)
        record["top_calcium_sources"] = top_sources(report, day, "calcium")
        record["top_magnesium_sources"] = top_sources(report, day, "magnesium")
        record["suggestions"] = [option.record() for option in day.suggestions]
        days.append(record)
    profile = report.options.profile
    return {
        "range": range_record(report),
        "profile": None
        if profile is None
        else {
            "sex": profile.sex,
            "age": profile.age,
            "pregnant": profile.pregnant,
            "lactating": profile.lactating,
        },
        "days": days,
        "summary": summary_record(report),
        "unresolved": unresolved,
    }


DAY_COLUMNS = [
    "date",
    "calcium_mg",
    "magnesium_mg",
    "ratio",
    "status",
    "incomplete",
    "unknown_values",
    "entries_count",
]
ENTRY_COLUMNS = [
    "date",
    "source",
    "line",
    "meal",
    "text",
    "food_id",
    "food",
    "amount",
    "unit",
    "grams",
    "calcium_mg",
    "magnesium_mg",
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
    rows = []
    for day in report.days:
        when = day.date.isoformat() if day.date else None
        rows.extend({"date": when, **record} for record in entry_records(report, day))
    return ENTRY_COLUMNS, rows
