"""Cited defaults for amounts a log does not state: "a handful", "a bowl", "with milk".

Every figure is data (data/vague_amounts.csv, data/racc.csv) with its source;
docs/references.md cites them. An entry weighed from them is an estimate, and
says what was assumed.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from camg import tables
from camg.text import fold, singular, words

# An alias's default measure (data/aliases.csv) that means one reference amount of the
# food: "an omelette", which SR28 measures only by its eggs.
REFERENCE_AMOUNT = "racc"


class Default(NamedTuple):
    amount: float
    unit: str  # "g", "ml", or "racc" (a multiple of the food's reference amount)
    applies_to: str
    source: str


class Filling(NamedTuple):
    """How much of a food fills one sandwich or roll (data/fillings.csv)."""

    name: str
    amount: float
    unit: str
    measure_words: tuple[str, ...]  # which of the food's measures: "thin" slices
    source: str


class Reference(NamedTuple):
    """A reference amount customarily consumed for a kind of food (21 CFR 101.12)."""

    category: str
    groups: frozenset[str]
    keywords: tuple[str, ...]
    amount: float
    unit: str  # "g" or "ml"
    source: str


@cache
def vague_words() -> dict[str, list[Default]]:
    """Vague words ("handful", "mug") and their cited defaults, most specific first."""
    found: dict[str, list[Default]] = {}
    for row in tables.read_rows("vague_amounts.csv"):
        default = Default(
            float(row["amount"]), row["unit"].strip().lower(), row["applies_to"], row["source"]
        )
        found.setdefault(singular(row["word"].strip().lower()), []).append(default)
    return found


@cache
def references() -> tuple[Reference, ...]:
    rows = tables.read_rows("racc.csv")
    return tuple(
        Reference(
            row["category"],
            frozenset(group for group in row["sr28_groups"].split("|") if group),
            tuple(fold(word) for word in row["keywords"].split("|") if word),
            float(row["amount"] or "nan"),
            row["unit"].strip().lower(),
            row["source"],
        )
        for row in rows
    )


def vague_default(word: str, food_name: str, group: str) -> Default | None:
    """The cited default for a vague word and this food, or None where none is cited."""
    word = singular(word.lower())
    defaults = vague_words().get(word) or vague_words().get(word.removesuffix("ful"), [])
    return next((default for default in defaults if _fits(default, food_name, group)), None)


def _fits(default: Default, food_name: str, group: str) -> bool:
    scope = fold(default.applies_to)
    return scope in ("any", "any food", "") or _applies(scope, fold(food_name), group)


_DRINK_WORDS = ("milk", "juice", "drink", "beverage", "tea", "coffee", "water", "soda")


def _applies(scope: str, name: str, group: str) -> bool:
    """ "nuts, seeds, dried fruit" applies to a food whose name or group says one of them."""
    if scope in ("any drink", "any other drink"):  # not "... yogurt drinks"
        return group == "Beverages" or any(word in name for word in _DRINK_WORDS)
    terms = [term.strip() for term in scope.replace(" or ", ",").replace(";", ",").split(",")]
    haystack = f"{name} {fold(group)}"
    return any(term and _mentions(haystack, term) for term in terms)


def _mentions(haystack: str, term: str) -> bool:
    """Every word of the term is a word of the food's name or group ("seeds" is not in
    "seedless")."""
    wanted = words(term.removeprefix("any ").strip())
    return bool(wanted) and set(wanted) <= set(words(haystack))


@cache
def _fillings() -> tuple[tuple[tuple[str, ...], tuple[str, ...], frozenset[str], Filling], ...]:
    return tuple(
        (
            tuple(row["words"].split("|")),
            tuple(word for word in row["unless"].split("|") if word),
            frozenset(row["sr28_groups"].split("|")),
            Filling(
                row["filling"],
                float(row["amount"]),
                row["unit"],
                tuple(row["measure_words"].split()),
                row["source"],
            ),
        )
        for row in tables.read_rows("fillings.csv")
    )


def filling_for(written: str, group: str) -> Filling | None:
    """The cited amount of a sandwich filling written without one ("ham", "lettuce"), the
    first row whose words the item says, in the food's group; None when none fits."""
    said = " ".join(words(written))
    for terms, unless, groups, filling in _fillings():
        if group not in groups or any(_mentions(said, term) for term in unless):
            continue
        if any(_mentions(said, term) for term in terms):
            return filling
    return None


def names_a_filling(written: str) -> bool:
    """Whether the words name a filling of the guide ("lettuce", "ham"), whatever the food
    they turn out to be: its group is checked when it is weighed."""
    said = " ".join(words(written))
    return any(
        any(_mentions(said, term) for term in terms)
        and not any(_mentions(said, term) for term in unless)
        for terms, unless, _, _ in _fillings()
    )


def reference_for(food_name: str, group: str) -> Reference | None:
    """The reference amount of the first category that fits the food."""
    name = fold(food_name)
    for reference in references():
        if reference.groups and group not in reference.groups:
            continue
        if reference.keywords and not any(word in name for word in reference.keywords):
            continue
        if "unprepared" in reference.category and "prepared with" in name:
            continue  # "Cocoa mix, powder, prepared with water" is a drink, not a powder
        return reference if reference.amount == reference.amount else None  # NaN: none
    return None


@cache
def _variants() -> dict[str, tuple[frozenset[str], str]]:
    return {
        row["food_id"]: (frozenset(row["said"].split("|")), row["assumed"])
        for row in tables.read_rows("variants.csv")
    }


def assumed_variant(food_id: str, said: list[str]) -> str | None:
    """What was assumed when a food sold with and without added calcium (tofu, soy milk,
    orange juice) is named without saying which (data/variants.csv)."""
    found = _variants().get(food_id)
    if found is None or found[0] & set(said):
        return None
    return found[1]


def cite(source: str) -> str:
    """A source's short citation ("21 CFR 101.12(b) table 2"); the full text is in the data."""
    cut = min((at for at in (source.find(": '"), source.find(", '")) if at > 0), default=-1)
    return source[:cut] if cut > 0 else source
