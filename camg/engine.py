"""The ratio engine: entries -> calcium and magnesium per entry, meal, day and log.

Vectorised with pandas: one frame of entries, joined to the food table and
grouped; no Python loop per entry. Unknown source values stay unknown (NaN):
totals are sums of what is known, and the day says which foods were unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from camg import reference, tables
from camg.errors import Problem
from camg.reference import Intakes, Profile
from camg.resolve import Entry, ResolvedLog

if TYPE_CHECKING:
    import pandas as pd

BELOW, WITHIN, ABOVE = "below", "within", "above"
ENTRY_FIELDS = (
    "source",
    "line",
    "text",
    "meal",
    "food_id",
    "food",
    "amount",
    "unit",
    "grams",
    "portion",
    "default_portion",
    "supplement",
    "dose_mg",
)


@dataclass(frozen=True)
class Options:
    low: float
    high: float
    basis: str = "mass"  # "mass", or "molar" to report the molar ratio as well
    profile: Profile | None = None


@dataclass
class DayResult:
    """One day's totals and verdict."""

    index: int
    date: date | None
    labels: list[str]
    calcium_mg: float
    magnesium_mg: float
    ratio: float | None  # None: no magnesium, so no ratio
    status: str | None  # below / within / above; None without a ratio
    entry_count: int
    unknown_foods: list[str] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    supplement_magnesium_mg: float = 0.0
    calcium_rda_pct: float | None = None
    magnesium_rda_pct: float | None = None
    warnings: list[str] = field(default_factory=list)
    suggestions: list[Any] = field(default_factory=list)

    @property
    def incomplete(self) -> bool:
        return bool(self.unknown_foods or self.unresolved)


@dataclass
class Summary:
    """Whole-log figures; the two ratios differ and are labelled apart."""

    days: int
    days_within: int
    mean_calcium_mg: float
    mean_magnesium_mg: float
    ratio_of_totals: float | None
    mean_of_daily_ratios: float | None


@dataclass
class Report:
    options: Options
    intakes: Intakes | None
    days: list[DayResult]
    summary: Summary
    entries: pd.DataFrame  # one row per entry, with its day index and its Ca and Mg
    _day_rows: dict[int, Any] | None = field(default=None, repr=False)

    def molar(self, ratio: float | None) -> float | None:
        return None if ratio is None else ratio * reference.molar_factor()

    def may_need_suggestions(self) -> bool:
        """A day out of range, or intakes a day may fall short of (then camg loads the
        suggestion module; a log whose days are all in range never pays for it)."""
        off = any(day.status != WITHIN for day in self.days if day.entry_count)
        return off or self.intakes is not None

    def entries_of(self, day: DayResult) -> pd.DataFrame:
        rows = self._rows_by_day().get(day.index)
        return self.entries.iloc[rows] if rows is not None else self.entries.iloc[0:0]

    def _rows_by_day(self) -> dict[int, Any]:
        if self._day_rows is None:
            self._day_rows = self.entries.groupby("day").indices
        return self._day_rows


def build_report(log: ResolvedLog, options: Options) -> Report:
    """Totals, ratios and statuses for every day of a resolved log."""
    frame = entry_frame(log)
    per_day = _day_totals(frame, len(log.days))
    unknown = _unknown_foods(frame)
    intakes = reference.intakes_for(options.profile) if options.profile else None
    days = []
    for index, day in enumerate(log.days):
        totals = per_day[index]
        result = DayResult(
            index=index,
            date=day.date,
            labels=day.labels,
            calcium_mg=totals["calcium_mg"],
            magnesium_mg=totals["magnesium_mg"],
            ratio=ratio(totals["calcium_mg"], totals["magnesium_mg"]),
            status=None,
            entry_count=int(totals["entries"]),
            unknown_foods=unknown.get(index, []),
            unresolved=[problem_record(problem) for problem in day.unresolved],
            supplement_magnesium_mg=totals["supplement_magnesium_mg"],
        )
        result.status = status(result.ratio, options.low, options.high)
        if intakes is not None:
            _compare_with_intakes(result, intakes)
        days.append(result)
    return Report(options, intakes, days, summarise(days, options), frame)


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "source": problem.source,
        "line": problem.line,
        "text": problem.text,
        "message": problem.message,
    }


def ratio(calcium_mg: float, magnesium_mg: float) -> float | None:
    """Ca:Mg by mass, as the literature uses it; none without magnesium."""
    return calcium_mg / magnesium_mg if magnesium_mg > 0 else None


def status(value: float | None, low: float, high: float) -> str | None:
    if value is None:
        return None
    if value < low:
        return BELOW
    return ABOVE if value > high else WITHIN


def entry_frame(log: ResolvedLog) -> pd.DataFrame:
    """All entries as one frame, joined to the food table: Ca and Mg per entry."""
    import pandas as pd

    entries: list[Entry] = [entry for day in log.days for entry in day.entries]
    columns: dict[str, Any] = {
        name: [getattr(entry, name) for entry in entries] for name in ENTRY_FIELDS
    }
    columns["day"] = [index for index, day in enumerate(log.days) for _ in day.entries]
    frame = pd.DataFrame(columns)
    frame["grams"] = frame["grams"].astype("float64")
    frame["dose_mg"] = frame["dose_mg"].astype("float64")
    values = tables.nutrients()[["calcium_mg", "magnesium_mg"]].reindex(frame["food_id"])
    for element in ("calcium", "magnesium"):
        per_100g = values[f"{element}_mg"].to_numpy()
        from_food = frame["grams"].to_numpy() * per_100g / 100.0
        dose = frame["dose_mg"].where(frame["supplement"] == element, 0.0).to_numpy()
        is_supplement = frame["supplement"].notna().to_numpy()
        frame[f"{element}_mg"] = pd.Series(from_food).where(~is_supplement, dose).to_numpy()
    return frame


def _day_totals(frame: pd.DataFrame, day_count: int) -> list[dict[str, float]]:
    """Sums per day of what is known; days without entries total zero."""
    import pandas as pd

    columns = pd.DataFrame(
        {
            "day": frame["day"],
            "calcium_mg": frame["calcium_mg"],
            "magnesium_mg": frame["magnesium_mg"],
            "supplement_magnesium_mg": frame["magnesium_mg"].where(
                frame["supplement"] == "magnesium", 0.0
            ),
            "entries": 1,
        }
    )
    sums = columns.groupby("day").sum().reindex(pd.RangeIndex(day_count), fill_value=0.0)
    return sums.to_dict("records")


def _unknown_foods(frame: pd.DataFrame) -> dict[int, list[str]]:
    """Per day, the foods whose calcium or magnesium the source does not give."""
    unknown = frame[frame["calcium_mg"].isna() | frame["magnesium_mg"].isna()]
    return {
        int(day): list(dict.fromkeys(group["food"]))
        for day, group in unknown.groupby("day", sort=False)
    }


def _compare_with_intakes(day: DayResult, intakes: Intakes) -> None:
    day.calcium_rda_pct = 100.0 * day.calcium_mg / intakes.calcium_rda_mg
    day.magnesium_rda_pct = 100.0 * day.magnesium_mg / intakes.magnesium_rda_mg
    if day.calcium_mg > intakes.calcium_ul_mg:
        day.warnings.append(
            f"calcium {day.calcium_mg:,.0f} mg is above the upper limit of "
            f"{intakes.calcium_ul_mg:,.0f} mg/day"
        )
    limit = intakes.magnesium_supplement_ul_mg
    if limit is not None and day.supplement_magnesium_mg > limit:
        day.warnings.append(
            f"supplemental magnesium {day.supplement_magnesium_mg:,.0f} mg is above the upper "
            f"limit of {limit:,.0f} mg/day for supplements (food magnesium does not count)"
        )


def summarise(days: list[DayResult], options: Options) -> Summary:
    counted = [day for day in days if day.entry_count]
    count = len(counted)
    calcium = sum(day.calcium_mg for day in counted)
    magnesium = sum(day.magnesium_mg for day in counted)
    ratios = [day.ratio for day in counted if day.ratio is not None]
    return Summary(
        days=count,
        days_within=sum(day.status == WITHIN for day in counted),
        mean_calcium_mg=calcium / count if count else 0.0,
        mean_magnesium_mg=magnesium / count if count else 0.0,
        ratio_of_totals=ratio(calcium, magnesium),
        mean_of_daily_ratios=sum(ratios) / len(ratios) if ratios else None,
    )
