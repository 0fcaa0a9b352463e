"""The ratio engine: entries -> calcium and magnesium per entry, meal, day and log.

Vectorised with pandas: one frame of entries, joined to the food table and
grouped; no Python loop per entry. Unknown source values stay unknown (NaN):
totals are sums of what is known, and the day says which foods were unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, NamedTuple

from camg import reference, tables
from camg.errors import Problem
from camg.reference import Intakes, Profile
from camg.resolve import Entry, Resolution, ResolvedLog

if TYPE_CHECKING:
    import pandas as pd

BELOW, WITHIN, ABOVE = "below", "within", "above"
# What each entry carries from its resolution, so that days can be summed.
ENTRY_VALUES = ["calcium_mg", "magnesium_mg", "supplement_magnesium_mg"]
# Counted per day through the entries' resolutions, without a column per entry.
FLAGS = ["estimated", "approximated"]


class Options(NamedTuple):
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
    estimated: int = 0  # entries whose amount camg assumed
    approximate: int = 0  # entries with a word unused, corrected or substituted
    calcium_rda_pct: float | None = None
    magnesium_rda_pct: float | None = None
    warnings: list[str] = field(default_factory=list)
    suggestions: list[Any] = field(default_factory=list)
    rolling_ratio: float | None = None  # over the 7 days ending here (camg.periods)

    @property
    def incomplete(self) -> bool:
        return bool(self.unknown_foods or self.unresolved)


class Summary(NamedTuple):
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
    entries: pd.DataFrame  # one row per entry: day, source, line, meal, resolution, Ca, Mg
    resolutions: pd.DataFrame  # one row per distinct resolution: food, grams, portion...

    def molar(self, ratio: float | None) -> float | None:
        return None if ratio is None else ratio * reference.molar_factor()

    @property
    def off_range(self) -> bool:
        """Some day with entries is outside the range or has no ratio (`--check` fails)."""
        return any(day.status != WITHIN for day in self.days if day.entry_count)

    def may_need_suggestions(self) -> bool:
        """A day out of range, or intakes a day may fall short of (then camg loads the
        suggestion module; a log whose days are all in range never pays for it)."""
        return self.off_range or self.intakes is not None

    @cached_property
    def joined(self) -> pd.DataFrame:
        """Every entry with what it resolved to (food, grams, portion, ...)."""
        described = self.resolutions.drop(columns=[*ENTRY_VALUES, *FLAGS])
        return self.entries.join(described, on="resolution")

    @cached_property
    def _starts(self) -> list[int]:
        return list(accumulate((day.entry_count for day in self.days), initial=0))

    def day_span(self, day: DayResult) -> tuple[int, int]:
        """Where a day's entries are in the frames: entries are stored day by day."""
        start = self._starts[day.index]
        return start, start + day.entry_count

    def entries_of(self, day: DayResult) -> pd.DataFrame:
        start, end = self.day_span(day)
        return self.joined.iloc[start:end]


def build_report(log: ResolvedLog, options: Options) -> Report:
    """Totals, ratios and statuses for every day of a resolved log."""
    frame, resolutions = entry_frame(log)
    per_day = _day_totals(frame, resolutions, len(log.days))
    unknown = _unknown_foods(frame, resolutions)
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
            estimated=int(totals["estimated"]),
            approximate=int(totals["approximated"]),
        )
        result.status = status(result.ratio, options.low, options.high)
        if intakes is not None:
            _compare_with_intakes(result, intakes)
        else:
            limit = reference.adult_magnesium_supplement_ul()
            _check_supplements(result, limit, FROM_NINE, YOUNGER)
        days.append(result)
    return Report(options, intakes, days, summarise(days), frame, resolutions)


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "source": problem.source,
        "line": problem.line,
        "text": problem.text,
        "kind": problem.kind.value,
        "severity": problem.severity.value,
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


def entry_frame(log: ResolvedLog) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All entries as one frame joined, through their resolutions, to the food table.

    A log repeats itself: a million entries share a few thousand resolutions, so
    calcium and magnesium are worked out once per resolution and taken per entry.
    """
    import numpy as np
    import pandas as pd

    entries: list[Entry] = [entry for day in log.days for entry in day.entries]
    sources, lines, meals, chosen, parts = zip(*entries, strict=True) if entries else ((),) * 5
    position: dict[int, int] = {}
    distinct: list[Resolution] = []
    codes = np.fromiter(
        (_code(resolution, position, distinct) for resolution in chosen),
        dtype=np.int64,
        count=len(chosen),
    )
    resolutions = resolution_frame(distinct)
    frame = pd.DataFrame(
        {
            "day": np.repeat(np.arange(len(log.days)), [len(day.entries) for day in log.days]),
            "source": pd.Series(sources, dtype=object),
            "line": np.asarray(lines, dtype=np.int64),
            "meal": pd.Series(meals, dtype=object),
            "part": np.asarray(parts, dtype=np.int64),
            "resolution": codes,
        }
    )
    for column in ENTRY_VALUES:
        frame[column] = resolutions[column].to_numpy()[codes]
    return frame, resolutions


def _code(resolution: Resolution, position: dict[int, int], distinct: list[Resolution]) -> int:
    code = position.get(id(resolution))
    if code is None:
        code = position[id(resolution)] = len(distinct)
        distinct.append(resolution)
    return code


def resolution_frame(resolutions: list[Resolution]) -> pd.DataFrame:
    """One row per resolution, joined to the food table: its Ca and Mg (NaN: unknown)."""
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(resolutions or None, columns=list(Resolution._fields))
    grams = frame["grams"].to_numpy(dtype="float64", na_value=np.nan)
    doses = frame["dose_mg"].to_numpy(dtype="float64", na_value=np.nan)
    supplement = frame["supplement"]
    is_supplement = supplement.notna().to_numpy()
    values = [
        tables.food_values(food_id) if isinstance(food_id, str) else None
        for food_id in frame["food_id"]
    ]
    for position, element in ((2, "calcium"), (3, "magnesium")):
        per_100g = np.array([v[position] if v else np.nan for v in values], dtype="float64")
        dose = np.where((supplement == element).to_numpy(), doses, 0.0)
        frame[f"{element}_mg"] = np.where(is_supplement, dose, grams * per_100g / 100.0)
    frame["estimated"] = frame["estimate"].notna().astype("float64")
    frame["approximated"] = frame["approximate"].astype("float64")
    frame["supplement_magnesium_mg"] = np.where(
        (supplement == "magnesium").to_numpy(), frame["magnesium_mg"], 0.0
    )
    return frame


def _day_totals(
    frame: pd.DataFrame, resolutions: pd.DataFrame, day_count: int
) -> list[dict[str, float]]:
    """Sums per day of what is known, and of entries estimated or approximate; days
    without entries total zero."""
    import numpy as np
    import pandas as pd

    columns = ["day", *ENTRY_VALUES]
    sums = frame[columns].assign(entries=1).groupby("day").sum()
    sums = sums.reindex(pd.RangeIndex(day_count), fill_value=0.0)
    days, codes = frame["day"].to_numpy(), frame["resolution"].to_numpy()
    for flag in FLAGS:
        weights = resolutions[flag].to_numpy()[codes]
        sums[flag] = np.bincount(days, weights=weights, minlength=day_count)[:day_count]
    return sums.to_dict("records")


def _unknown_foods(frame: pd.DataFrame, resolutions: pd.DataFrame) -> dict[int, list[str]]:
    """Per day, the foods whose calcium or magnesium the source does not give."""
    unknown = frame[frame["calcium_mg"].isna() | frame["magnesium_mg"].isna()]
    if unknown.empty:
        return {}
    pairs = unknown[["day", "resolution"]].drop_duplicates()
    foods = resolutions["food"].to_numpy()[pairs["resolution"].to_numpy()]
    found: dict[int, list[str]] = {}
    for day, food in zip(pairs["day"].tolist(), foods, strict=True):
        if food not in found.setdefault(day, []):
            found[day].append(food)
    return found


def _compare_with_intakes(day: DayResult, intakes: Intakes) -> None:
    day.calcium_rda_pct = 100.0 * day.calcium_mg / intakes.calcium_rda_mg
    day.magnesium_rda_pct = 100.0 * day.magnesium_mg / intakes.magnesium_rda_mg
    if day.calcium_mg > intakes.calcium_ul_mg:
        day.warnings.append(
            f"calcium {day.calcium_mg:,.0f} mg is above the upper limit of "
            f"{intakes.calcium_ul_mg:,.0f} mg/day"
        )
    if intakes.magnesium_supplement_ul_mg is not None:
        _check_supplements(day, intakes.magnesium_supplement_ul_mg, "", "")


# Without a profile, the limit said is the one for everyone from 9 years on.
FROM_NINE = " from 9 years of age"
YOUNGER = "; give --sex and --age for a younger child's limit"


def _check_supplements(day: DayResult, limit: float, whom: str, hint: str) -> None:
    if day.supplement_magnesium_mg > limit:
        day.warnings.append(
            f"supplemental magnesium {day.supplement_magnesium_mg:,.0f} mg is above the upper "
            f"limit for supplements, {limit:,.0f} mg/day{whom} (food magnesium does not "
            f"count{hint})"
        )


def summarise(days: list[DayResult]) -> Summary:
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
