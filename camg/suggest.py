"""Suggestions: which foods, in which household portions, bring a day into range.

Candidates are curated whole foods (data/suggestions.csv, SR28 ids only); every
number comes from the food table and the food's own household measures. A
suggestion is always a food, never a supplement.
"""

from __future__ import annotations

import math
from difflib import get_close_matches
from functools import cache
from itertools import islice
from typing import Any, NamedTuple

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


class Candidate(NamedTuple):
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


class Suggestion(NamedTuple):
    """One food in one portion, and what it does to the day. A named tuple: a long log
    makes three a day."""

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
    if _ordinary(goal, menu):
        return _reaching_fast(goal, menu, count)
    return _plain(goal, menu, count)


def _plain(goal: Goal, menu: _Menu, count: int) -> list[Suggestion]:
    """Any day: each dish's choice, ranked and ordered, then varied in kind."""
    choices = _choices(goal, menu.dishes)
    order = _order(choices, _ranks(choices, menu.balance_places))
    picked = [choices[index] for index in _varied(menu.kinds, order, count)]
    return [_suggestion(choice[_PORTION], choice[_AFTER], choice[_REACHES]) for choice in picked]


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
    suggested: tuple[Any, ...]  # a suggestion of it but its ratio: made once, not daily


class _Dish(NamedTuple):
    """One candidate and every sensible portion of it, smallest first."""

    candidate: Candidate
    portions: tuple[_Portion, ...]
    balance: float  # the food's own Ca:Mg (lower is better when adding magnesium)


# A portion as the fast loop of a day out of range reads it: what it adds, the portion,
# and its kcal (at least 1, as the effect per kcal divides).
_Added = tuple[float, float, _Portion, float]


class _Menu(NamedTuple):
    """The dishes for one need, and what of their ranking does not depend on the day."""

    dishes: tuple[_Dish, ...]
    balance_places: tuple[int, ...]  # each dish's place by its own balance
    added: tuple[tuple[_Added, ...], ...]  # each dish's portions, for _reaching_fast
    most_calcium: float  # the most calcium a portion adds
    kinds: tuple[str, ...]  # each dish's kind


@cache
def _menu(need: str, avoid: frozenset[str]) -> _Menu | None:
    chosen = tuple(c for c in candidates() if c.purpose == need and not _avoided(c, avoid))
    if not chosen:
        return None
    dishes = []
    for candidate in chosen:
        calcium = candidate.calcium_per_100g / 100.0
        magnesium = candidate.magnesium_per_100g / 100.0
        kcal = candidate.kcal_per_100g / 100.0
        named = candidate.food_id, candidate.name, candidate.label, candidate.kind
        portions = []
        for text, grams in _options(candidate):
            values = (text, grams, grams * calcium, grams * magnesium, grams * kcal)
            portions.append(_Portion(*values, (*named, *values)))
        balance = calcium / _maximum(magnesium, 1e-9)
        dishes.append(_Dish(candidate, tuple(portions), balance if need != "calcium" else -balance))
    added = tuple(
        tuple(
            (portion.calcium, portion.magnesium, portion, _maximum(portion.kcal, 1.0))
            for portion in dish.portions
        )
        for dish in dishes
    )
    return _Menu(
        tuple(dishes),
        _places([dish.balance for dish in dishes]),
        added,
        max(portion.calcium for dish in dishes for portion in dish.portions),
        tuple(dish.candidate.kind for dish in dishes),
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


# For one day and one dish, a choice is a plain tuple (a long log makes one for each of
# a menu's dishes every day): the chosen portion; the day's ratio with it (inf: no
# magnesium; NaN: nothing); whether it reaches the range; whether it is possible at all;
# its effect, its effect per kcal, and how far short of the range it stays.
_Choice = tuple[_Portion, float, bool, bool, float, float, float]
_PORTION, _AFTER, _REACHES, _POSSIBLE, _EFFECT, _PER_KCAL, _SHORT_BY = range(7)


def _choices(goal: Goal, dishes: tuple[_Dish, ...]) -> list[_Choice]:
    """Each dish's choice for the day: the smallest portion that does the job; else the
    closest (or, for a day already in range, the largest that keeps it there)."""
    calcium, magnesium, low, high = goal.calcium_mg, goal.magnesium_mg, goal.low, goal.high
    before = calcium / magnesium if magnesium > 0 else math.inf
    if low <= before <= high:
        rda = goal.magnesium_rda_mg or 0.0
        return [_keeping(calcium, magnesium, low, high, rda, dish.portions) for dish in dishes]
    return [_reaching(calcium, magnesium, low, high, before, dish.portions) for dish in dishes]


def _reaching(
    calcium: float,
    magnesium: float,
    low: float,
    high: float,
    before: float,
    portions: tuple[_Portion, ...],
) -> _Choice:
    """A day out of range: the smallest portion that brings it in (the first, smallest
    first), else the one that leaves it closest (the first of equals; a portion whose
    ratio is NaN, once chosen, stays chosen)."""
    chosen = False
    best, best_key, best_after, best_distance = portions[0], math.nan, math.nan, math.nan
    for portion in portions:
        _, grams, added_calcium, added_magnesium, _, _ = portion
        total = magnesium + added_magnesium
        after = (
            (calcium + added_calcium) / total
            if total > 0
            else _divide(calcium + added_calcium, total)
        )
        if after < low:
            distance = low - after
        elif after <= high:  # within the range
            if not chosen or best_key == best_key:  # unless a NaN was chosen, it wins
                best, best_key, best_after, best_distance = portion, grams, after, 0.0
                break  # no larger portion can beat the smallest that does the job
            continue
        else:  # above the range, or NaN
            distance = after - high
        key = 1e9 + distance
        if not chosen or (best_key == best_key and (key < best_key or key != key)):
            best, best_key, best_after, best_distance = portion, key, after, distance
            chosen = True
    reaches = low <= best_after <= high
    gain = abs(before - best_after)
    effect = gain if math.isfinite(gain) else best.magnesium
    per_kcal = effect / _maximum(best.kcal, 1.0)
    short_by = 0.0 if reaches else best_distance
    return (best, best_after, reaches, math.isfinite(best_key), effect, per_kcal, short_by)


def _ordinary(goal: Goal, menu: _Menu) -> bool:
    """Whether the day is out of range with every ratio of it finite, whatever is added:
    no NaN and no infinity, which the plain loop (`_reaching`) handles and the fast one
    need not. A day without magnesium, or of impossible totals, takes the plain loop."""
    calcium, magnesium, low, high = goal.calcium_mg, goal.magnesium_mg, goal.low, goal.high
    if not (calcium >= 0.0 and magnesium > 0.0 and 0.0 <= low <= high < math.inf):
        return False
    # The largest ratio any portion can make: finite, so every one is (and none is NaN).
    if not (calcium + menu.most_calcium) / magnesium < math.inf:
        return False
    before = calcium / magnesium
    return not low <= before <= high


def _reaching_fast(goal: Goal, menu: _Menu, count: int) -> list[Suggestion]:
    """What `_plain` picks for an ordinary day out of range (`_ordinary`), at about half
    its cost: a long log has a score of dishes for each of thousands of days. With every
    ratio finite, `_reaching`'s loop needs no NaN checks and no choice tuple; every
    choice is possible, and reaches the range exactly when it falls short by nothing."""
    calcium, magnesium, low, high = goal.calcium_mg, goal.magnesium_mg, goal.low, goal.high
    before = calcium / magnesium
    chosen: list[_Added] = []
    effects: list[float] = []
    per_kcal: list[float] = []
    short_by: list[float] = []
    for portions in menu.added:
        best_key = math.inf  # every key is finite: the first portion is taken
        for portion in portions:
            after = (calcium + portion[0]) / (magnesium + portion[1])
            if after < low:
                key = 1e9 + (low - after)  # `_reaching`'s key: distances 1e-7 apart can tie
            elif after <= high:  # the smallest portion that reaches the range wins
                best, best_after = portion, after
                break
            else:
                key = 1e9 + (after - high)
            if key < best_key:
                best, best_key, best_after = portion, key, after
        effect = abs(before - best_after)
        chosen.append(best)
        effects.append(effect)
        per_kcal.append(effect / best[3])
        if best_after < low:
            short_by.append(low - best_after)
        elif best_after > high:
            short_by.append(best_after - high)
        else:
            short_by.append(0.0)
    # Each dish's rank: its places by effect, by effect per kcal and by its own balance.
    by_effect, by_per_kcal = _descending_order(effects), _descending_order(per_kcal)
    ranks = list(menu.balance_places)
    places = range(len(ranks))
    for place in places:
        ranks[by_effect[place]] += place
        ranks[by_per_kcal[place]] += place
    order = sorted(places, key=ranks.__getitem__)
    # Stable: by rank within those that reach (short by nothing), then the others from
    # the closest, as `_order` puts them.
    order.sort(key=short_by.__getitem__)
    result = []
    for index in _varied(menu.kinds, order, count):
        added_calcium, added_magnesium, portion, _ = chosen[index]
        after = (calcium + added_calcium) / (magnesium + added_magnesium)  # as in the loop
        result.append(_suggestion(portion, after, short_by[index] == 0.0))
    return result


def _descending_order(values: list[float]) -> list[int]:
    """The indices of the values in descending order (ties: first come first; NaN last):
    `_ascending_order` of the values negated."""
    total = sum(values)
    if total == total:
        return sorted(range(len(values)), key=values.__getitem__, reverse=True)
    return _ascending_order([-value for value in values])


def _keeping(
    calcium: float,
    magnesium: float,
    low: float,
    high: float,
    rda: float,
    portions: tuple[_Portion, ...],
) -> _Choice:
    """A day in range (short of magnesium): the smallest portion that keeps it in range and
    reaches the RDA, else the largest that keeps it in range."""
    best_key = math.nan
    best: _Portion | None = None
    best_after = math.nan
    for portion in portions:
        _, grams, added_calcium, added_magnesium, _, _ = portion
        total = magnesium + added_magnesium
        after = _divide(calcium + added_calcium, total)
        within = low <= after <= high
        done = within and total >= rda
        key = grams if done else (1e6 - grams if within else math.inf)
        if best is None or (best_key == best_key and (key < best_key or key != key)):
            best, best_key, best_after = portion, key, after
            if done:
                break  # no larger portion can beat the smallest that does the job
    assert best is not None  # every candidate has at least one portion
    reaches = low <= best_after <= high
    per_kcal = best.magnesium / _maximum(best.kcal, 1.0)
    return (best, best_after, reaches, math.isfinite(best_key), best.magnesium, per_kcal, 0.0)


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


def _ranks(choices: list[_Choice], balance_places: tuple[int, ...]) -> list[int]:
    """Each dish's rank: its places by effect, by effect per kcal and by its own balance,
    added (ties keep the menu's order; NaN comes last)."""
    ranks = list(balance_places)
    for values in (
        [-choice[_EFFECT] for choice in choices],
        [-choice[_PER_KCAL] for choice in choices],
    ):
        for place, index in enumerate(_ascending_order(values)):
            ranks[index] += place
    return ranks


def _places(values: list[float]) -> tuple[int, ...]:
    """Each value's place in ascending order (ties: first come first; NaN last)."""
    places = [0] * len(values)
    for place, index in enumerate(_ascending_order(values)):
        places[index] = place
    return tuple(places)


def _ascending_order(values: list[float]) -> list[int]:
    """The indices of the values in ascending order (ties: first come first; NaN last)."""
    total = sum(values)
    if total == total:  # no NaN (nor inf and -inf, which sum to NaN but sort as they are)
        return sorted(range(len(values)), key=values.__getitem__)
    return sorted(range(len(values)), key=lambda index: _ascending(values[index]))


def _ascending(value: float) -> tuple[bool, float]:
    return (value != value, value if value == value else 0.0)


def _order(choices: list[_Choice], ranks: list[int]) -> list[int]:
    """The possible choices, best first: those that reach the range, then the others from
    the closest (NaN last); within each, the best rank first (ties: the menu's order)."""
    reaching: list[int] = []
    others: list[int] = []
    for index in sorted(range(len(choices)), key=ranks.__getitem__):
        choice = choices[index]
        if choice[_REACHES]:  # a choice that reaches is possible, and short by nothing
            reaching.append(index)
        elif choice[_POSSIBLE]:
            others.append(index)
    if others:
        shorts = [choices[index][_SHORT_BY] for index in others]
        reaching += [others[place] for place in _ascending_order(shorts)]
    return reaching


def _varied(kinds: tuple[str, ...], order: list[int], count: int) -> list[int]:
    """The best of each kind first (not three seeds), then the rest in order."""
    picked: list[int] = []
    seen: set[str] = set()
    for index in order:
        kind = kinds[index]
        if kind not in seen:
            picked.append(index)
            seen.add(kind)
            if len(picked) == count:
                break
    if len(picked) < count:
        picked += [index for index in order if index not in picked][: count - len(picked)]
    return picked


def _suggestion(portion: _Portion, after: float, reaches: bool) -> Suggestion:
    return Suggestion._make((*portion.suggested, after if math.isfinite(after) else None, reaches))


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


@cache  # a long log prints the same few portions day after day, in ever new suggestions
def portion_text(portion: str, label: str) -> str:
    """ "1 oz pumpkin seeds", "2 cups cooked quinoa": a suggestion's portion ("1 oz") of
    its food (its label) as a person says it."""
    amount, _, measure = portion.partition(" ")
    unit = head_words(measure)
    if singular(unit.split()[-1]) in words(label):
        return f"{amount} {label}"  # "1 medium banana" from "medium", "0.5 avocado"
    if float(amount) > 1 and unit.split()[-1] in PLURALS:
        unit = unit[: -len(unit.split()[-1])] + PLURALS[unit.split()[-1]]
    return f"{amount} {unit} {label}"


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
