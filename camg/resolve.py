"""From parsed items to entries: a real food, a real weight, or a located problem.

Resolution is cached by item text: a log repeats itself ("1 cup milk" every
morning), and the same words always mean the same food and grams.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from camg.amounts import AmountError, ItemParts, split_item
from camg.errors import Problem
from camg.matching import Match, food_index
from camg.parser import Day, ParsedLog
from camg.portions import PortionError, Weighed, weigh
from camg.text import key, words
from camg.units import HOUSEHOLD

ELEMENTS = {"calcium": "calcium", "ca": "calcium", "magnesium": "magnesium", "mg": "magnesium"}
SUPPLEMENT_WORDS = frozenset(
    ["supplement", "tablet", "tab", "pill", "capsule", "cap", "elemental", "dose"]
)


class Resolution(NamedTuple):
    """What one item's words mean: a food and a weight, or an elemental dose. The same
    words always mean the same, so a log shares one Resolution among its repeats."""

    text: str
    food_id: str | None  # None for a supplement
    food: str
    amount: float | None
    unit: str | None
    grams: float | None  # None for a supplement
    portion: str
    default_portion: bool = False
    supplement: str | None = None  # "calcium" or "magnesium"
    dose_mg: float | None = None
    read_as: str | None = None  # corrected spelling, when typos were corrected
    ignored: str | None = None  # words no SR28 food explained (the head noun decided)


class Entry(NamedTuple):
    """One resolved item and where it was written."""

    source: str
    line: int
    meal: str | None
    resolution: Resolution


@dataclass
class ResolvedDay:
    date: date | None
    labels: list[str]
    entries: list[Entry] = field(default_factory=list)
    unresolved: list[Problem] = field(default_factory=list)


@dataclass
class ResolvedLog:
    days: list[ResolvedDay]
    problems: list[Problem]  # every line that could not be used, in file order
    notices: list[Problem]  # things the user should see but that are not errors


class ItemError(ValueError):
    """An item that cannot be resolved; the message says why and what to do."""


def resolve_log(parsed: ParsedLog) -> ResolvedLog:
    """Resolve every item of every day; nothing is dropped without a problem saying so.

    The parsed log is consumed: each day's items are released once resolved.
    """
    problems = list(parsed.problems)
    notices: list[Problem] = []
    days = []
    for day in sorted(parsed.days, key=_chronological):
        resolved = ResolvedDay(day.date, list(day.labels))
        _resolve_day(day, resolved, notices)
        problems.extend(resolved.unresolved)
        days.append(resolved)
    problems.sort(key=lambda problem: (problem.source or "", problem.line or 0))
    return ResolvedLog(days, problems, notices)


def _chronological(day: Day) -> tuple[bool, date]:
    """The undated day first, then the dated ones in calendar order."""
    return day.date is not None, day.date or date.min


def _resolve_day(day: Day, resolved: ResolvedDay, notices: list[Problem]) -> None:
    for item in day.items:
        try:
            resolution = resolve_text(item.text)
        except ItemError as error:
            resolved.unresolved.append(Problem(str(error), item.source, item.line, item.text))
            continue
        # tuple.__new__ skips the named tuple's Python-level __new__ (a million items).
        resolved.entries.append(_new_tuple(Entry, (item.source, item.line, item.meal, resolution)))
        if resolution.read_as or resolution.ignored:
            notices.append(Problem(_notice(resolution), item.source, item.line, item.text))
    day.items.clear()  # consumed: a big log need not hold items and entries at once


_new_tuple = tuple.__new__


def _notice(resolution: Resolution) -> str:
    """What the user should know about how camg read an item it could still use."""
    said = []
    if resolution.read_as:
        said.append(f'read as "{resolution.read_as}"')
    if resolution.ignored:
        said.append(f'no food matches "{resolution.ignored}"; used the rest')
    food = f"{resolution.food} (#{resolution.food_id})"
    return f'"{resolution.text}": {"; ".join(said)}: {food}'


@lru_cache(maxsize=32768)
def resolve_text(text: str) -> Resolution:
    """What one item's text means; raises ItemError saying why when it means nothing."""
    try:
        parts = split_item(text)
    except AmountError as error:
        raise ItemError(str(error)) from None
    supplement = _supplement(parts, text)
    if supplement is not None:
        return supplement
    match, food_text = _find_food(parts.food)
    food_words = tuple(words(food_text))
    try:
        weighed = _weigh(match, parts, food_words)
    except PortionError as error:
        raise ItemError(str(error)) from None
    return Resolution(
        text=text,
        food_id=match.food_id,
        food=match.name,
        amount=parts.amount if parts.amount is not None else 1.0,
        unit=parts.unit.name if parts.unit else None,
        grams=weighed.grams,
        portion=weighed.portion,
        default_portion=weighed.default,
        read_as=match.read_as,
        ignored=match.ignored,
    )


def _weigh(match: Match, parts: ItemParts, food_words: tuple[str, ...]) -> Weighed:
    default = match.measure or food_index().default_measures.get(match.food_id)
    alias_words = tuple(match.alias.split()) if match.alias else ()
    return weigh(
        match.food_id, match.name, parts.amount, parts.unit, food_words, default, alias_words
    )


def _find_food(phrase: str) -> tuple[Match, str]:
    index = food_index()
    match = index.resolve(phrase)
    if match is None:
        # "celery stalk", "cod fillet": a trailing household word names the measure.
        head, _, last = phrase.rpartition(" ")
        if head and key(last) in HOUSEHOLD:
            match = index.resolve(head)
    if match is None:
        raise ItemError(_unknown(phrase))
    return match, phrase


def _unknown(phrase: str) -> str:
    """Say what to do: split two foods, take a candidate, or pin an id."""
    if re.search(r"\b(?:with|and)\b|&", phrase, flags=re.IGNORECASE):
        return (
            f'unknown food "{phrase}"; if these are two foods, write each as its own item '
            'with its own amount, separated by ";"'
        )
    candidates = food_index().candidates(phrase)
    hint = "; did you mean: " + ", ".join(m.label for m in candidates) if candidates else ""
    return f'unknown food "{phrase}"{hint}; or pin one by id, e.g. "100 g #11457"'


def _supplement(parts: ItemParts, text: str) -> Resolution | None:
    """ "200 mg magnesium", "Ca 500 mg": an elemental dose, not a food."""
    food_words = key(parts.food).split()
    elements = [ELEMENTS[word] for word in food_words if word in ELEMENTS]
    if len(elements) != 1 or any(
        w not in ELEMENTS and w not in SUPPLEMENT_WORDS for w in food_words
    ):
        return None
    element = elements[0]
    if parts.amount is None or parts.unit is None or parts.unit.kind != "mass":
        raise ItemError(f'give the {element} dose as a mass, e.g. "200 mg {element}"')
    dose = parts.amount * parts.unit.grams * 1000.0
    return Resolution(
        text=text,
        food_id=None,
        food=f"{element.capitalize()} supplement (elemental)",
        amount=parts.amount,
        unit=parts.unit.name,
        grams=None,
        portion=f"{dose:g} mg {element}",
        supplement=element,
        dose_mg=dose,
    )
