"""Suggestions: which foods, in which household portions, bring a day into range.

Candidates are curated whole foods (data/suggestions.csv, SR28 ids only); every
number comes from the food table and the food's own household measures. A
suggestion is always a food, never a supplement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

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


class Goal(NamedTuple):
    """What a day needs: its totals, the range, and the magnesium RDA if known. A named
    tuple: a long log makes one a day, and days of the same goal share their choice."""

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


# Days are chosen for a few thousand at a time: days with the same totals share their
# choice within a chunk, and the memo never grows with the log.
_DAYS_AT_ONCE = 4096


def suggest(goal: Goal, count: int = 3, avoid: frozenset[str] = frozenset()) -> list[Suggestion]:
    """Up to `count` foods for the day, best first, of varied kinds."""
    return suggest_many([goal], count, avoid)[0]


def suggest_many(
    goals: list[Goal], count: int = 3, avoid: frozenset[str] = frozenset()
) -> list[list[Suggestion]]:
    """Suggestions for many days: a day is worked out once for all the days of a chunk
    that share its totals (a log repeats its days as it repeats its lines), and those
    days share its list: a million days hold no million copies (never change one)."""
    result: list[list[Suggestion]] = []
    for start in range(0, len(goals), _DAYS_AT_ONCE):
        chosen: dict[Goal, list[Suggestion]] = {}
        for goal in goals[start : start + _DAYS_AT_ONCE]:
            found = chosen.get(goal)
            if found is None:
                found = chosen[goal] = _suggest_one(goal, count, avoid)
            result.append(found)
    return result


def _suggest_one(goal: Goal, count: int, avoid: frozenset[str]) -> list[Suggestion]:
    need = goal.need() if count > 0 else None
    menu = _menu(need, avoid) if need is not None else None
    if menu is None:
        return []
    choices = [_choose(goal, dish) for dish in menu]
    _rank_choices(choices, menu)
    order = sorted(range(len(choices)), key=lambda index: choices[index].key)
    return _varied(menu, choices, [index for index in order if choices[index].possible], count)


def parse_avoid(text: str | None, origin: str = "--avoid") -> frozenset[str]:
    """ "nuts, dairy" -> {"nut", "dairy"}: the words to avoid, in matching form. A word
    that describes no suggested food is a usage error, named with where it was given
    (`--avoid`, a configuration file's line): `--avoid nutz` must not pass as if it had
    kept nuts away."""
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
            f'{origin}: no suggested food is described by "{", ".join(unknown)}"{hint}; '
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


class _Portion(NamedTuple):
    text: str
    grams: float
    calcium: float
    magnesium: float
    kcal: float


@dataclass(frozen=True)
class _Dish:
    """One candidate and every sensible portion of it, smallest first."""

    candidate: Candidate
    portions: tuple[_Portion, ...]
    balance: float  # the food's own Ca:Mg (lower is better when adding magnesium)


@cache
def _menu(need: str, avoid: frozenset[str]) -> tuple[_Dish, ...] | None:
    chosen = tuple(c for c in candidates() if c.purpose == need and not _avoided(c, avoid))
    if not chosen:
        return None
    dishes = []
    for candidate in chosen:
        calcium = candidate.calcium_per_100g / 100.0
        magnesium = candidate.magnesium_per_100g / 100.0
        kcal = candidate.kcal_per_100g / 100.0
        portions = tuple(
            _Portion(text, grams, grams * calcium, grams * magnesium, grams * kcal)
            for text, grams in _options(candidate)
        )
        balance = calcium / _maximum(magnesium, 1e-9)
        dishes.append(_Dish(candidate, portions, balance if need != "calcium" else -balance))
    return tuple(dishes)


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


@dataclass
class _Choice:
    """For one day and one candidate: the chosen portion, its effect, and its ranking."""

    portion: _Portion
    after: float  # the day's ratio with the portion (inf: no magnesium; NaN: nothing)
    reaches: bool
    possible: bool
    effect: float
    per_kcal: float
    short_by: float
    rank: int = 0

    @property
    def key(self) -> tuple[bool, bool, bool, float, int]:
        """Possible first, then reaching the range, then closest, then the best rank."""
        short = self.short_by
        known = short == short  # NaN: last, and equal to another NaN
        return (not self.possible, not self.reaches, not known, short if known else 0.0, self.rank)


def _choose(goal: Goal, dish: _Dish) -> _Choice:
    """The smallest portion that does the job; else the closest (or, for a day already in
    range, the largest that keeps it there)."""
    calcium, magnesium, low, high = goal.calcium_mg, goal.magnesium_mg, goal.low, goal.high
    rda = goal.magnesium_rda_mg or 0.0
    before = calcium / magnesium if magnesium > 0 else math.inf
    in_range_now = low <= before <= high
    best: tuple[float, _Portion, float, bool, float] | None = None
    best_key = math.nan
    for portion in dish.portions:  # smallest first
        _, grams, added_calcium, added_magnesium, _ = portion
        total = magnesium + added_magnesium
        after = (
            (calcium + added_calcium) / total
            if total > 0
            else _divide(calcium + added_calcium, total)
        )
        within = low <= after <= high
        if after < low:
            distance = low - after
        else:
            over = after - high
            distance = over if over > 0.0 or over != over else 0.0
        if in_range_now:
            done = within and total >= rda
            key = grams if done else (1e6 - grams if within else math.inf)
        else:
            done = within
            key = grams if within else 1e9 + distance
        if best is None or (best_key == best_key and (key < best_key or key != key)):
            best, best_key = (key, portion, after, within, distance), key
            if done:
                break  # no larger portion can beat the smallest that does the job
    assert best is not None  # every candidate has at least one portion
    key, portion, after, reaches, distance = best
    gain = abs(before - after)
    effect = gain if math.isfinite(gain) and not in_range_now else portion.magnesium
    return _Choice(
        portion=portion,
        after=after,
        reaches=reaches,
        possible=math.isfinite(key),
        effect=effect,
        per_kcal=effect / _maximum(portion.kcal, 1.0),
        short_by=0.0 if reaches or in_range_now else distance,
    )


def _divide(numerator: float, denominator: float) -> float:
    """IEEE division: x/0 is inf (0/0 and NaN are NaN), as the ratio after adding needs."""
    if denominator == 0.0:
        return math.nan if numerator == 0.0 or numerator != numerator else math.inf
    return numerator / denominator


def _maximum(a: float, b: float) -> float:
    """The larger, and NaN if either is NaN."""
    if a != a or b != b:
        return math.nan
    return a if a > b else b


def _rank_choices(choices: list[_Choice], menu: tuple[_Dish, ...]) -> None:
    """Each candidate's rank: its places by effect, by effect per kcal and by its own
    balance, added (ties keep the menu's order; NaN comes last)."""
    for values in (
        [-choice.effect for choice in choices],
        [-choice.per_kcal for choice in choices],
        [dish.balance for dish in menu],
    ):
        if all(value == value for value in values):
            order = sorted(range(len(values)), key=values.__getitem__)
        else:
            order = sorted(range(len(values)), key=lambda index: _ascending(values[index]))
        for place, index in enumerate(order):
            choices[index].rank += place


def _ascending(value: float) -> tuple[bool, float]:
    return (value != value, value if value == value else 0.0)


def _varied(
    menu: tuple[_Dish, ...], choices: list[_Choice], order: list[int], count: int
) -> list[Suggestion]:
    """The best of each kind first (not three seeds), then the rest in order."""
    picked: list[int] = []
    kinds: set[str] = set()
    for index in order:
        if len(picked) < count and menu[index].candidate.kind not in kinds:
            picked.append(index)
            kinds.add(menu[index].candidate.kind)
    picked += [index for index in order if index not in picked][: count - len(picked)]
    return [_suggestion(menu[index].candidate, choices[index]) for index in picked]


def _suggestion(candidate: Candidate, choice: _Choice) -> Suggestion:
    portion = choice.portion
    return Suggestion(
        food_id=candidate.food_id,
        food=candidate.name,
        label=candidate.label,
        kind=candidate.kind,
        portion=portion.text,
        grams=portion.grams,
        calcium_mg=portion.calcium,
        magnesium_mg=portion.magnesium,
        energy_kcal=portion.kcal,
        ratio_after=choice.after if math.isfinite(choice.after) else None,
        reaches_range=choice.reaches,
    )


def for_report(report: Report, count: int, avoid: frozenset[str]) -> None:
    """Attach suggestions to every day of a report that needs some, a chunk of days at a
    time (a million days' goals at once would take a hundred MB)."""
    options = report.options
    rda = report.intakes.magnesium_rda_mg if report.intakes is not None else None
    days = (day for day in report.days if day.entry_count)
    while chunk := list(islice(days, _DAYS_AT_ONCE)):
        goals = [
            Goal(day.calcium_mg, day.magnesium_mg, options.low, options.high, rda) for day in chunk
        ]
        for day, found in zip(chunk, suggest_many(goals, count, avoid), strict=True):
            day.suggestions = found


@lru_cache(maxsize=4096)  # a long log prints the same few suggestions day after day
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
