"""Suggestions: which foods, in which household portions, bring a day into range.

Candidates are curated whole foods (data/suggestions.csv, SR28 ids only); every
number comes from the food table and the food's own household measures. A
suggestion is always a food, never a supplement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

import numpy as np

from camg import diet, tables
from camg.engine import ABOVE, BELOW, WITHIN, Report, ratio, status
from camg.errors import CamgError
from camg.tables import Portion
from camg.text import singular, words
from camg.units import head_words

# Multiples of a listed measure that make sensible portions ("1/2 cup", "2 oz").
AMOUNTS = (0.5, 1.0, 1.5, 2.0)
# "Up to about two servings": the first listed measure is one serving.
MAX_SERVINGS = 2.0


@dataclass(frozen=True)
class Candidate:
    food_id: str
    name: str
    purpose: str  # "magnesium" or "calcium": what the food adds most of
    kind: str
    label: str
    tags: frozenset[str]
    measures: tuple[Portion, ...]
    calcium_per_100g: float
    magnesium_per_100g: float
    kcal_per_100g: float


@dataclass(frozen=True)
class Suggestion:
    """One food in one portion, and what it does to the day."""

    food_id: str
    food: str
    label: str
    kind: str
    portion: str  # "1 oz", "0.5 cup"
    grams: float
    calcium_mg: float  # what the portion adds
    magnesium_mg: float
    energy_kcal: float
    ratio_after: float | None
    reaches_range: bool

    def record(self) -> dict[str, object]:
        return {
            "food_id": self.food_id,
            "food": self.food,
            "label": self.label,
            "kind": self.kind,
            "portion": self.portion,
            "grams": round(self.grams, 1),
            "calcium_mg": round(self.calcium_mg, 1),
            "magnesium_mg": round(self.magnesium_mg, 1),
            "energy_kcal": round(self.energy_kcal),
            "ratio_after": None if self.ratio_after is None else round(self.ratio_after, 4),
            "reaches_range": self.reaches_range,
        }


@dataclass(frozen=True)
class Goal:
    """What a day needs: its totals, the range, and the magnesium RDA if known."""

    calcium_mg: float
    magnesium_mg: float
    low: float
    high: float
    magnesium_rda_mg: float | None = None

    @property
    def ratio(self) -> float | None:
        return ratio(self.calcium_mg, self.magnesium_mg)

    def need(self) -> str | None:
        """ "magnesium", "calcium", or None when the day needs nothing."""
        state = status(self.ratio, self.low, self.high)
        if state == ABOVE or (state is None and self.calcium_mg > 0):
            return "magnesium"  # no magnesium at all is the far end of too little
        if state == BELOW:
            return "calcium"
        short = self.magnesium_rda_mg is not None and self.magnesium_mg < self.magnesium_rda_mg
        return "magnesium" if state == WITHIN and short else None

    def within(self, value: float | None) -> bool:
        return value is not None and self.low <= value <= self.high


# The arrays are [day, candidate, portion]: a few thousand days at a time keeps them to
# a few MB each, where a million days at once would take gigabytes.
_DAYS_AT_ONCE = 4096


def suggest(goal: Goal, count: int = 3, avoid: frozenset[str] = frozenset()) -> list[Suggestion]:
    """Up to `count` foods for the day, best first, of varied kinds."""
    return suggest_many([goal], count, avoid)[0]


def suggest_many(
    goals: list[Goal], count: int = 3, avoid: frozenset[str] = frozenset()
) -> list[list[Suggestion]]:
    """Suggestions for many days at once: one array computation per kind of need, so
    that a log of 20,000 days costs about what one day does."""
    result: list[list[Suggestion]] = [[] for _ in goals]
    if count <= 0:
        return result
    by_need: dict[str, list[int]] = {}
    for index, goal in enumerate(goals):
        need = goal.need()
        if need is not None:
            by_need.setdefault(need, []).append(index)
    for need, indexes in by_need.items():
        menu = _menu(need, avoid)
        if menu is None:
            continue
        for start in range(0, len(indexes), _DAYS_AT_ONCE):
            chunk = indexes[start : start + _DAYS_AT_ONCE]
            chosen = _choose(menu, [goals[i] for i in chunk])
            for row, index in enumerate(chunk):
                result[index] = _varied(menu, chosen, row, count)
    return result


def parse_avoid(text: str | None) -> frozenset[str]:
    """ "nuts, dairy" -> {"nut", "dairy"}: the words to avoid, in matching form. A word
    that describes no suggested food is a usage error: `--avoid nutz` must not pass as if
    it had kept nuts away."""
    if not text:
        return frozenset()
    chosen = frozenset(word for part in text.split(",") for word in words(part))
    known = set().union(*(_described(candidate) for candidate in candidates()))
    unknown = sorted(chosen - known)
    if unknown:
        close = get_close_matches(unknown[0], avoid_kinds(), n=1) or get_close_matches(
            unknown[0], sorted(known), n=1
        )
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise CamgError(
            f'--avoid: no suggested food is described by "{", ".join(unknown)}"{hint}; '
            f"kinds: {', '.join(avoid_kinds())}; a food's own name works too, e.g. almonds"
        )
    return chosen


def avoid_kinds() -> list[str]:
    """The kinds of the suggested foods, and the tags not already a kind's word ("soy",
    "gluten"): what --avoid lists and completes."""
    kinds = {candidate.kind for candidate in candidates()}
    kind_words = set(words(" ".join(kinds)))
    tags = {tag for candidate in candidates() for tag in candidate.tags} - kind_words
    return sorted(kinds) + sorted(tags)


def _described(candidate: Candidate) -> set[str]:
    return set(words(f"{candidate.kind} {candidate.label} {candidate.name}")) | candidate.tags


def _avoided(candidate: Candidate, avoid: frozenset[str]) -> bool:
    return bool(avoid & _described(candidate))


@dataclass(frozen=True)
class _Menu:
    """Every sensible portion of every candidate, as arrays [candidate, portion]."""

    candidates: tuple[Candidate, ...]
    portions: tuple[tuple[str, ...], ...]  # portion text per candidate and option
    grams: np.ndarray
    calcium: np.ndarray
    magnesium: np.ndarray
    kcal: np.ndarray
    valid: np.ndarray
    balance: np.ndarray  # the food's own Ca:Mg (lower is better when adding magnesium)


@cache
def _menu(need: str, avoid: frozenset[str]) -> _Menu | None:
    chosen = tuple(c for c in candidates() if c.purpose == need and not _avoided(c, avoid))
    if not chosen:
        return None
    options = [_options(candidate) for candidate in chosen]
    width = max(len(option) for option in options)
    grams = np.full((len(chosen), width), np.nan)
    for row, option in enumerate(options):
        grams[row, : len(option)] = [g for _, g in option]
    per_100g = (
        np.array([[c.calcium_per_100g, c.magnesium_per_100g, c.kcal_per_100g] for c in chosen])
        / 100.0
    )
    balance = per_100g[:, 0] / np.maximum(per_100g[:, 1], 1e-9)
    return _Menu(
        candidates=chosen,
        portions=tuple(tuple(text for text, _ in option) for option in options),
        grams=grams,
        calcium=grams * per_100g[:, [0]],
        magnesium=grams * per_100g[:, [1]],
        kcal=grams * per_100g[:, [2]],
        valid=~np.isnan(grams),
        balance=balance if need != "calcium" else -balance,
    )


def _options(candidate: Candidate) -> list[tuple[str, float]]:
    """Halves to doubles of the food's own measures, up to about two servings."""
    serving = candidate.measures[0].unit_grams
    options: dict[float, tuple[str, float]] = {}
    for measure in candidate.measures:
        for amount in AMOUNTS:
            grams = amount * measure.unit_grams
            if grams <= MAX_SERVINGS * serving * 1.05:
                options.setdefault(round(grams, 1), (f"{amount:g} {measure.measure}", grams))
    return sorted(options.values(), key=lambda option: option[1])


@dataclass(frozen=True)
class _Chosen:
    """Per day and candidate: the chosen portion, its effect, and the ranking order."""

    option: np.ndarray  # [day, candidate] index into the candidate's portions
    after: np.ndarray
    reaches: np.ndarray
    possible: np.ndarray
    order: np.ndarray  # [day, rank] candidate indexes, best first


def _choose(menu: _Menu, goals: list[Goal]) -> _Chosen:
    calcium = np.array([goal.calcium_mg for goal in goals])[:, None, None]
    magnesium = np.array([goal.magnesium_mg for goal in goals])[:, None, None]
    low = np.array([goal.low for goal in goals])[:, None, None]
    high = np.array([goal.high for goal in goals])[:, None, None]
    rda = np.array([goal.magnesium_rda_mg or 0.0 for goal in goals])[:, None, None]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        after = (calcium + menu.calcium) / (magnesium + menu.magnesium)
        before = np.where(magnesium > 0, calcium / magnesium, np.inf)
    valid = menu.valid[None, :, :]
    within = valid & (after >= low) & (after <= high)
    distance = np.where(after < low, low - after, np.maximum(after - high, 0.0))
    in_range_now = (before >= low) & (before <= high)
    enough = within & (magnesium + menu.magnesium >= rda)
    # Smallest portion that does the job; else the closest (or, for a day already in
    # range, the largest that keeps it there).
    fixing = np.where(within, menu.grams, 1e9 + distance)
    keeping = np.where(enough, menu.grams, np.where(within, 1e6 - menu.grams, np.inf))
    key = np.where(in_range_now, keeping, fixing)
    key = np.where(valid, key, np.inf)
    option = np.argmin(key, axis=2)
    pick = option[:, :, None]
    chosen_after = np.take_along_axis(after, pick, axis=2)[:, :, 0]
    chosen_mg = np.take_along_axis(np.broadcast_to(menu.magnesium, after.shape), pick, 2)[:, :, 0]
    chosen_kcal = np.take_along_axis(np.broadcast_to(menu.kcal, after.shape), pick, 2)[:, :, 0]
    possible = np.isfinite(np.take_along_axis(key, pick, axis=2)[:, :, 0])
    reaches = np.take_along_axis(within, pick, axis=2)[:, :, 0]
    before2 = before[:, :, 0]
    gain = np.abs(before2 - chosen_after)
    effect = np.where(np.isfinite(gain) & ~in_range_now[:, :, 0], gain, chosen_mg)
    per_kcal = effect / np.maximum(chosen_kcal, 1.0)
    ranks = _rank(-effect) + _rank(-per_kcal) + _rank(np.broadcast_to(menu.balance, effect.shape))
    chosen_distance = np.take_along_axis(distance, pick, axis=2)[:, :, 0]
    short_by = np.where(reaches | in_range_now[:, :, 0], 0.0, chosen_distance)
    order = np.lexsort((ranks, short_by, ~reaches, ~possible), axis=1)
    return _Chosen(option, chosen_after, reaches, possible, order)


def _rank(values: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(values, axis=1, kind="stable"), axis=1, kind="stable")


def _varied(menu: _Menu, chosen: _Chosen, row: int, count: int) -> list[Suggestion]:
    """The best of each kind first (not three seeds), then the rest in order."""
    order = [int(c) for c in chosen.order[row] if chosen.possible[row, c]]
    picked: list[int] = []
    kinds: set[str] = set()
    for index in order:
        if len(picked) < count and menu.candidates[index].kind not in kinds:
            picked.append(index)
            kinds.add(menu.candidates[index].kind)
    picked += [index for index in order if index not in picked][: count - len(picked)]
    return [_suggestion(menu, chosen, row, index) for index in picked]


def _suggestion(menu: _Menu, chosen: _Chosen, row: int, index: int) -> Suggestion:
    candidate = menu.candidates[index]
    option = int(chosen.option[row, index])
    after = float(chosen.after[row, index])
    return Suggestion(
        food_id=candidate.food_id,
        food=candidate.name,
        label=candidate.label,
        kind=candidate.kind,
        portion=menu.portions[index][option],
        grams=float(menu.grams[index, option]),
        calcium_mg=float(menu.calcium[index, option]),
        magnesium_mg=float(menu.magnesium[index, option]),
        energy_kcal=float(menu.kcal[index, option]),
        ratio_after=after if math.isfinite(after) else None,
        reaches_range=bool(chosen.reaches[row, index]),
    )


def for_report(report: Report, count: int, avoid: frozenset[str]) -> None:
    """Attach suggestions to every day of a report that needs some."""
    options = report.options
    rda = report.intakes.magnesium_rda_mg if report.intakes is not None else None
    days = [day for day in report.days if day.entry_count]
    goals = [Goal(day.calcium_mg, day.magnesium_mg, options.low, options.high, rda) for day in days]
    for day, found in zip(days, suggest_many(goals, count, avoid), strict=True):
        day.suggestions = found


def portion_text(option: Suggestion) -> str:
    """ "1 oz pumpkin seeds", "2 cups cooked quinoa": the portion as a person says it."""
    amount, _, measure = option.portion.partition(" ")
    unit = head_words(measure)
    if singular(unit.split()[-1]) in words(option.label):
        return f"{amount} {option.label}"  # "1 medium banana" from "medium", "0.5 avocado"
    if float(amount) > 1 and unit.split()[-1] in PLURALS:
        unit = unit[: -len(unit.split()[-1])] + PLURALS[unit.split()[-1]]
    return f"{amount} {unit} {option.label}"


def _animal_tag(food_id: str) -> frozenset[str]:
    return frozenset({diet.ANIMAL}) if diet.made_of(food_id) == diet.ANIMAL else frozenset()


PLURALS = {"cup": "cups", "container": "containers", "inch": "inches", "can": "cans"}


@cache
def candidates() -> tuple[Candidate, ...]:
    """The curated foods with their values from the food table."""
    result = []
    for row in tables.read_rows("suggestions.csv"):
        name, kcal, calcium, magnesium = tables.food_values(row["food_id"])
        listed = tables.portions_of(row["food_id"])
        measures = tuple(
            next(portion for portion in listed if portion.measure == text)
            for text in row["measures"].split("|")
        )
        result.append(
            Candidate(
                food_id=row["food_id"],
                name=name,
                purpose=row["purpose"],
                kind=row["kind"],
                label=row["label"],
                tags=frozenset(words(row["tags"])) | _animal_tag(row["food_id"]),
                measures=measures,
                calcium_per_100g=calcium,
                magnesium_per_100g=magnesium,
                kcal_per_100g=kcal,
            )
        )
    return tuple(result)
