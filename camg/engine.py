"""The ratio engine: entries -> calcium and magnesium per entry, meal, day and log.

Plain Python over the resolved entries: a log repeats itself, so calcium and
magnesium are worked out once per resolution (a log shares one Resolution among
the repeats of the same text) and each day is totalled as it comes. Unknown
source values stay unknown (NaN): totals are sums of what is known, and the day
says which foods were unknown. Sums are math.fsum's, correctly rounded and independent
of order (pandas' group sums, used before, change their rounding with the pandas
version and with the data: a tie in the fourth decimal may print one digit apart).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from camg import reference, tables
from camg.errors import Problem
from camg.reference import Intakes, Profile

if TYPE_CHECKING:  # camg foods needs `ratio` without loading the resolver
    import pandas as pd

    from camg.resolve import Entry, Resolution, ResolvedDay, ResolvedLog

BELOW, WITHIN, ABOVE = "below", "within", "above"
NAN = math.nan
# A million days share these instead of holding four empty lists each.
NONE: tuple[Any, ...] = ()


class Options(NamedTuple):
    low: float
    high: float
    basis: str = "mass"  # "mass", or "molar" to report the molar ratio as well
    profile: Profile | None = None


@dataclass(slots=True)
class DayResult:
    """One day's totals and verdict. The lists are an empty tuple when empty, so that a
    log of a million days holds no empty lists."""

    index: int
    date: date | None
    labels: Sequence[str]
    calcium_mg: float
    magnesium_mg: float
    ratio: float | None  # None: no magnesium, so no ratio
    status: str | None  # below / within / above; None without a ratio
    entry_count: int
    unknown_foods: Sequence[str] = NONE
    unresolved: Sequence[dict[str, Any]] = NONE
    supplement_magnesium_mg: float = 0.0
    estimated: int = 0  # entries whose amount camg assumed
    approximate: int = 0  # entries with a word unused, corrected or substituted
    calcium_rda_pct: float | None = None
    magnesium_rda_pct: float | None = None
    warnings: Sequence[str] = NONE
    suggestions: Sequence[Any] = NONE
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


class Values(NamedTuple):
    """What one resolution contributes to a day (NaN: the source does not give it)."""

    calcium_mg: float
    magnesium_mg: float
    supplement_magnesium_mg: float
    estimated: bool
    approximate: bool
    unknown: bool  # calcium or magnesium unknown


class Contributions:
    """Each distinct resolution's values, worked out once. Keyed by identity (repeats of
    a text share one Resolution); the resolution is held so that its id stays its own."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[Resolution, Values]] = {}

    def of_all(self, entries: list[Entry]) -> list[Values]:
        """The values of each entry, in order."""
        get = self._by_id.get
        return [(get(id(entry[3])) or self._add(entry[3]))[1] for entry in entries]

    def of(self, resolution: Resolution) -> Values:
        return (self._by_id.get(id(resolution)) or self._add(resolution))[1]

    def _add(self, resolution: Resolution) -> tuple[Resolution, Values]:
        found = self._by_id[id(resolution)] = (resolution, values_of(resolution))
        return found

    def resolutions(self) -> Iterator[Resolution]:
        """Every distinct resolution of the log: what foods it holds, without its entries."""
        return (resolution for resolution, _ in self._by_id.values())


def values_of(resolution: Resolution) -> Values:
    """Calcium and magnesium of one resolution: a supplement's elemental dose, or grams
    times the food table's value per 100 g."""
    supplement = resolution.supplement
    if supplement is not None:
        dose = NAN if resolution.dose_mg is None else resolution.dose_mg
        calcium = dose if supplement == "calcium" else 0.0
        magnesium = dose if supplement == "magnesium" else 0.0
    else:
        food = tables.food_values(resolution.food_id) if resolution.food_id is not None else None
        grams = NAN if resolution.grams is None else resolution.grams
        calcium = grams * (food[2] if food else NAN) / 100.0
        magnesium = grams * (food[3] if food else NAN) / 100.0
    return Values(
        calcium,
        magnesium,
        magnesium if supplement == "magnesium" else 0.0,
        resolution.estimate is not None,
        bool(resolution.approximate),
        calcium != calcium or magnesium != magnesium,
    )


@dataclass
class Report:
    options: Options
    intakes: Intakes | None
    days: list[DayResult]
    summary: Summary
    # Each day's entries, by day index; None when the report was built without them
    # (a day table or CSV needs only the totals).
    day_entries: list[list[Entry]] | None
    contributions: Contributions
    # Where each day with a warning has its first magnesium supplement, by day index: a
    # field of the report, not of every day (a million days would pay for it).
    warned_at: dict[int, tuple[str, int] | None]

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

    def entries(self, day: DayResult) -> list[Entry]:
        """A day's entries, in the order written."""
        if self.day_entries is None:
            raise ValueError("this report was built without its entries")
        return self.day_entries[day.index]

    def entries_of(self, day: DayResult) -> pd.DataFrame:
        """A day's entries as a frame, each with what it resolved to and its Ca and Mg
        (NaN: unknown): for analysis in a notebook, with pandas."""
        import pandas as pd

        rows = []
        for entry in self.entries(day):
            values = self.contributions.of(entry.resolution)
            rows.append(
                {
                    **entry._asdict(),
                    **entry.resolution._asdict(),
                    "calcium_mg": values.calcium_mg,
                    "magnesium_mg": values.magnesium_mg,
                }
            )
        return pd.DataFrame(rows)


def build_report(
    log: ResolvedLog | Iterable[ResolvedDay], options: Options, keep_entries: bool = True
) -> Report:
    """Totals, ratios and statuses for every day of a resolved log. Days may come one at a
    time (from resolve.resolve_days): without `keep_entries`, each day's entries are let
    go once it is totalled."""
    builder = ReportBuilder(options, keep_entries)
    for day in getattr(log, "days", log):
        builder.add(day)
    return builder.report()


class ReportBuilder:
    """A report made a day at a time, the days in any order and a date perhaps in several
    parts (a date written twice, or in two files), as a log is read: each part is totalled
    as it comes and added to its date's totals; the days are put in order at the end.

    Sums stay math.fsum's over all of a date's entries: what fsum rounded off a part's
    sum is kept (`_rest`, a float a day, most often) so that parts add up exactly."""

    def __init__(self, options: Options, keep_entries: bool = True) -> None:
        self.options = options
        self.intakes = reference.intakes_for(options.profile) if options.profile else None
        self.contributions = Contributions()
        self.results: list[DayResult] = []
        self.kept: list[list[Entry]] | None = [] if keep_entries else None
        self.by_date: dict[date, DayResult] = {}
        self.rests = array("d")  # what fsum rounded off calcium and magnesium, by day
        self.more: dict[tuple[int, int], tuple[float, ...]] = {}  # rests of more terms
        self.supplement_at: dict[int, tuple[str, int]] = {}  # first magnesium supplement
        self.first_at: dict[int, tuple[str, int]] = {}  # first entry, with intakes only
        self.order: Sequence[int] = ()  # the days' indices as added, in chronological order

    def add(self, day: ResolvedDay, plain: list[Values] | None = None) -> int:
        """Total a day (or part of one); the index of its date among the days added.
        `plain` are the values of more entries of the day, not kept as entries: known
        calcium and magnesium, no magnesium supplement."""
        found = self.contributions.of_all(day.entries)
        earlier = self.by_date.get(day.date) if day.date is not None else None
        result, calcium, magnesium = _total(len(self.results), day, found, plain, self.options)
        if earlier is None:
            index = self._new(day, result, calcium, magnesium)
        else:
            index = earlier.index
            self._merge(index, day, result, calcium, magnesium)
        if (self.intakes is not None or result.supplement_magnesium_mg) and (
            where := _first_magnesium(day.entries)
        ):
            self.supplement_at.setdefault(index, where)
        if self.intakes is not None and day.entries:
            self.first_at.setdefault(index, (day.entries[0].source, day.entries[0].line))
        return index

    def _new(
        self,
        day: ResolvedDay,
        result: DayResult,
        calcium: Sequence[float],
        magnesium: Sequence[float],
    ) -> int:
        index = result.index
        self.results.append(result)
        if self.kept is not None:
            self.kept.append(day.entries)
        if day.date is None:
            self.rests.extend((0.0, 0.0))
            return index
        self.by_date[day.date] = result
        if len(calcium) < 2 and len(magnesium) < 2:  # a sum of one value is exact
            self.rests.extend((0.0, 0.0))
        else:
            self._keep_rests(index, calcium, magnesium, result)
        if result.supplement_magnesium_mg:
            self.more[index, 2] = _rest(_supplements(day, self.contributions), 0.0)
        return index

    def _keep_rests(
        self, index: int, calcium: Sequence[float], magnesium: Sequence[float], result: DayResult
    ) -> None:
        for slot, (values, total) in enumerate(
            ((calcium, result.calcium_mg), (magnesium, result.magnesium_mg))
        ):
            rest = _rest(values, total) if len(values) > 1 else ()
            self.rests.append(rest[0] if len(rest) == 1 else 0.0)
            if len(rest) > 1:
                self.more[index, slot] = rest

    def _merge(
        self,
        index: int,
        day: ResolvedDay,
        part: DayResult,
        calcium: Sequence[float],
        magnesium: Sequence[float],
    ) -> None:
        """Add a later part of a date to the totals of its earlier parts."""
        result = self.results[index]
        for slot, (values, name) in enumerate(
            ((calcium, "calcium_mg"), (magnesium, "magnesium_mg"))
        ):
            earlier = [getattr(result, name), self.rests[2 * index + slot]]
            terms = [*earlier, *self.more.pop((index, slot), ()), *values]
            total = math.fsum(terms)
            setattr(result, name, total)
            rest = _rest(terms, total)
            self.rests[2 * index + slot] = rest[0] if len(rest) == 1 else 0.0
            if len(rest) > 1:
                self.more[index, slot] = rest
        if part.supplement_magnesium_mg:
            terms = [*self.more.get((index, 2), ()), *_supplements(day, self.contributions)]
            result.supplement_magnesium_mg = math.fsum(terms)
            self.more[index, 2] = _rest(terms, 0.0)
        for label in day.labels:
            if label not in result.labels:
                result.labels = [*result.labels, label]
        result.entry_count += part.entry_count
        result.estimated += part.estimated
        result.approximate += part.approximate
        if part.unknown_foods:
            result.unknown_foods = list(dict.fromkeys([*result.unknown_foods, *part.unknown_foods]))
        if part.unresolved:
            result.unresolved = [*result.unresolved, *part.unresolved]
        result.ratio = ratio(result.calcium_mg, result.magnesium_mg)
        result.status = status(result.ratio, self.options.low, self.options.high)
        if self.kept is not None:
            self.kept[index].extend(day.entries)

    def report(self) -> Report:
        """The days in chronological order (those without a date first, as written), each
        compared with the intakes and the supplement limit, and the whole log's summary."""
        results, self.by_date = self.results, {}
        if _in_order(results):  # as most logs are written: nothing to sort
            self.order, days, kept = range(len(results)), results, self.kept
        else:
            self.order = sorted(
                range(len(results)), key=lambda index: _chronological(results[index])
            )
            days = [results[index] for index in self.order]
            kept = None if self.kept is None else [self.kept[index] for index in self.order]
        warned_at: dict[int, tuple[str, int] | None] = {}
        limit = reference.adult_magnesium_supplement_ul()
        for position, (index, result) in enumerate(zip(self.order, days, strict=True)):
            result.index = position
            if self.intakes is not None:
                _compare_with_intakes(result, self.intakes)
            else:
                _check_supplements(result, limit, FROM_NINE, YOUNGER)
            if result.warnings:
                warned_at[position] = self.supplement_at.get(index) or self.first_at.get(index)
        summary = summarise(days)
        return Report(
            self.options, self.intakes, days, summary, kept, self.contributions, warned_at
        )


def _in_order(results: list[DayResult]) -> bool:
    """Whether days are in chronological order: undated ones first, then dated ones, each
    date after the one before."""
    dates = iter(result.date for result in results)
    before = next((when for when in dates if when is not None), None)
    for when in dates:
        if when is None or when < before:  # type: ignore[operator]
            return False
        before = when
    return True


def _chronological(result: DayResult) -> tuple[bool, date]:
    """Days without a date first, in the order written, then the dated ones in order."""
    return result.date is not None, result.date or date.min


def _rest(values: Sequence[float], total: float) -> tuple[float, ...]:
    """What math.fsum rounded off: terms whose exact sum with `total` is the exact sum of
    `values` (few: each holds the next 53 bits)."""
    left = [*values, -total]
    terms = []
    while rest := math.fsum(left):
        terms.append(rest)
        left.append(-rest)
    return tuple(terms)


def _supplements(day: ResolvedDay, contributions: Contributions) -> list[float]:
    """The known magnesium of a day's supplements, entry by entry."""
    return [
        value for _, _, value, *_ in contributions.of_all(day.entries) if value and value == value
    ]


def _total(
    index: int, day: ResolvedDay, found: list[Values], plain: list[Values] | None, options: Options
) -> tuple[DayResult, Sequence[float], Sequence[float]]:
    """One day's sums of what is known, and its entries estimated, approximate or unknown;
    and the known calcium and magnesium values summed. `found` are the values of the
    day's entries, `plain` of entries not kept (never unknown)."""
    values = (found + plain if found else plain) if plain else found
    if len(values) == 1:  # a day of one entry (a million-day log): its own values
        calcium_mg, magnesium_mg, supplement, estimate, approximation, unknown = values[0]
        calcium_mg = calcium_mg if calcium_mg == calcium_mg else 0.0  # NaN: unknown
        magnesium_mg = magnesium_mg if magnesium_mg == magnesium_mg else 0.0
        supplements, estimated, approximate = bool(supplement), int(estimate), int(approximation)
        calcium, magnesium = (calcium_mg,), (magnesium_mg,)
    else:
        calcium, magnesium, supplements, estimated, approximate, unknown = _known(values)
        calcium_mg, magnesium_mg = math.fsum(calcium), math.fsum(magnesium)
    value = ratio(calcium_mg, magnesium_mg)
    result = DayResult(
        index,
        day.date,
        day.labels,
        calcium_mg,
        magnesium_mg,
        value,
        status(value, options.low, options.high),
        len(values),
        _unknown_foods(day.entries, found) if unknown else NONE,
        [problem_record(problem) for problem in day.unresolved] if day.unresolved else NONE,
        _supplement_sum(values) if supplements else 0.0,
        estimated,
        approximate,
    )
    return result, calcium, magnesium


def _known(
    found: list[Values],
) -> tuple[Sequence[float], Sequence[float], bool, int, int, bool]:
    """The known calcium and magnesium values (NaN: unknown, left out of the sums), whether
    any entry is a magnesium supplement, how many are estimated or approximate, and
    whether any is unknown."""
    if not found:
        return (), (), False, 0, 0, False
    calcium, magnesium, supplement, estimated, approximate, unknown = zip(*found, strict=True)
    missing = any(unknown)
    if missing:
        calcium = tuple(value for value in calcium if value == value)
        magnesium = tuple(value for value in magnesium if value == value)
    return calcium, magnesium, any(supplement), sum(estimated), sum(approximate), missing


def _first_magnesium(entries: list[Entry]) -> tuple[str, int] | None:
    """Where a warning about a day points: its first magnesium supplement (else, when
    calcium is above its limit, its first entry)."""
    for entry in entries:
        if entry.resolution.supplement == "magnesium":
            return entry.source, entry.line
    return None


def _unknown_foods(entries: list[Entry], found: list[Values]) -> list[str]:
    """The foods whose calcium or magnesium the source does not give, as first written."""
    pairs = zip(entries, found, strict=True)
    return list(dict.fromkeys(entry.resolution.food for entry, values in pairs if values.unknown))


def _supplement_sum(found: list[Values]) -> float:
    """Magnesium from supplements (food magnesium counts as 0 here)."""
    return math.fsum(value for _, _, value, *_ in found if value == value)


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


def _compare_with_intakes(day: DayResult, intakes: Intakes) -> None:
    day.calcium_rda_pct = 100.0 * day.calcium_mg / intakes.calcium_rda_mg
    day.magnesium_rda_pct = 100.0 * day.magnesium_mg / intakes.magnesium_rda_mg
    warnings = []
    if day.calcium_mg > intakes.calcium_ul_mg:
        warnings.append(
            f"calcium {day.calcium_mg:,.0f} mg is above the upper limit of "
            f"{intakes.calcium_ul_mg:,.0f} mg/day"
        )
    day.warnings = warnings
    if intakes.magnesium_supplement_ul_mg is not None:
        _check_supplements(day, intakes.magnesium_supplement_ul_mg, "", "")


# Without a profile, the limit said is the one for everyone from 9 years on.
FROM_NINE = " from 9 years of age"
YOUNGER = "; give --sex and --age for a younger child's limit"


def _check_supplements(day: DayResult, limit: float, whom: str, hint: str) -> None:
    if day.supplement_magnesium_mg > limit:
        day.warnings = [
            *day.warnings,
            f"supplemental magnesium {day.supplement_magnesium_mg:,.0f} mg is above the upper "
            f"limit for supplements, {limit:,.0f} mg/day{whom} (food magnesium does not "
            f"count{hint})",
        ]


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
