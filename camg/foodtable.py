"""The food table: a set of sources, each a module of its own (SR28 in camg.sr28, the
user's foods in camg.myfoods, recipes in camg.recipes).

Everything above this seam (matching, weighing, the engine, `camg foods`) asks for a
food by an opaque id and gets its name, its values per 100 g (NaN: unknown, never 0)
and its household measures. An id is `prefix:name` for every source but SR28, whose
5-digit ids stay as they are. The user's sources are looked up by their names before
SR28 is ranked, and a run installs them with `use`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

from camg.tables import Portion
from camg.text import key


class Food(NamedTuple):
    """One food of one source, values per 100 g (NaN: unknown)."""

    id: str
    name: str
    group: str  # SR28's food group, or the kind of user food ("my foods", "recipe")
    source: str  # where the values come from: "USDA SR28", "foods.toml: carton label, 2026"
    energy_kcal: float
    calcium_mg: float
    magnesium_mg: float
    phosphorus_mg: float = math.nan


class Source(Protocol):
    """What a source of foods offers the table."""

    prefix: str  # "" for SR28; the part of an id before ":" for every other source

    def food(self, food_id: str) -> Food | None: ...

    def portions(self, food_id: str) -> tuple[Portion, ...]: ...

    def named(self, phrase: str) -> str | None:
        """The id of the food these words name exactly (SR28, found by ranking: None)."""
        ...

    def search(self, phrase: str, limit: int) -> list[str]:
        """Ids of the source's foods whose names hold the phrase's words."""
        ...

    def breakdown(self, food_id: str, grams: float) -> list[dict[str, Any]]:
        """What `grams` of a food made of others hold, part by part (else nothing)."""
        ...


def _built_in() -> list[Source]:
    from camg import sr28

    return [sr28.SOURCE]


_user: list[Source] = []
_built: list[Source] = []
_on_change: list[Callable[[], None]] = []


def sources() -> list[Source]:
    """The user's sources first (their names win), then the built-in ones."""
    if not _built:
        _built.extend(_built_in())
    return [*_user, *_built]


def use(user_sources: list[Source]) -> None:
    """Install the user's sources for this run; every cache of what words mean is
    cleared, since the same words may now name another food."""
    if not _user and not user_sources:
        return  # nothing changes: the caches still hold
    _user[:] = user_sources
    for clear in _on_change:
        clear()


def when_changed(clear: Callable[[], None]) -> None:
    """Register a cache that holds what words or ids meant under the previous sources."""
    _on_change.append(clear)


def source_of(food_id: str) -> Source | None:
    prefix = food_id.partition(":")[0] if ":" in food_id else ""
    return next((source for source in sources() if source.prefix == prefix), None)


def food(food_id: str) -> Food | None:
    """A food by its id, from whichever source holds it."""
    source = source_of(food_id)
    return source.food(food_id) if source is not None else None


def portions_of(food_id: str) -> tuple[Portion, ...]:
    source = source_of(food_id)
    return source.portions(food_id) if source is not None else ()


def breakdown(food_id: str, grams: float) -> list[dict[str, Any]]:
    """A recipe's ingredients in `grams` of it, for --detail; [] for a plain food."""
    source = source_of(food_id)
    return source.breakdown(food_id, grams) if source is not None else []


def group_of(food_id: str) -> str:
    found = food(food_id)
    return found.group if found is not None else ""


def named(phrase: str) -> str | None:
    """The id of the user's food these words name (`#my:oat-milk` pins one), or None."""
    text = phrase.strip()
    if text.startswith("#") and ":" in text:
        found = food(text[1:].lower())
        return found.id if found is not None else None
    for source in _user:
        found_id = source.named(text)
        if found_id is not None:
            return found_id
    return None


def search_user(phrase: str, limit: int) -> list[str]:
    """The user's foods whose names hold the words, before SR28's ranking."""
    return [food_id for source in _user for food_id in source.search(phrase, limit)][:limit]


_ARTICLES = frozenset(("a", "an", "the", "my", "some", "our"))


def user_id(prefix: str, name: str) -> str:
    """ "Fortified Oat Milk" -> "my:fortified-oat-milk": the id by which a log pins a food
    of the user's own sources."""
    return f"{prefix}:{key(name).replace(' ', '-')}"


def name_key(phrase: str) -> str:
    """A name as the user's sources look it up: "the Granola Bowl" is "granola bowl"."""
    found = key(phrase).split()
    while len(found) > 1 and found[0] in _ARTICLES:
        found = found[1:]
    return " ".join(found)


def is_user_food(food_id: str | None) -> bool:
    return food_id is not None and ":" in food_id
