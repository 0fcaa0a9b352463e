"""The user's own foods, from foods files in TOML (docs/custom-foods.md): a source of the
food table whose foods are found by their names before SR28 and pinned as `#my:NAME`.

A file is checked whole before any of it is used: a value missing, negative or beyond
what any food holds, a name two foods share, a measure that cannot be weighed. Each
problem names the file and line, and nothing of a bad file is used.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from camg.errors import CamgError, Kind, Problem
from camg.foodtable import Food, name_key, user_id
from camg.tables import Portion
from camg.text import key
from camg.tomlfile import TomlFile, read_each
from camg.units import GRAMS_PER, ML_PER, canonical

PREFIX = "my"
GROUP = "my foods"
KIND = Kind.FOODS_FILE
# Beyond these per 100 g a value is a slip (mg for g, a serving for 100 g): calcium or
# magnesium above 100 g per 100 g is more than the food weighs; pure fat is 900 kcal.
MOST_PER_100G = {"calcium_mg": 100_000.0, "magnesium_mg": 100_000.0, "energy_kcal": 900.0}
MOST_GRAMS = 10_000.0  # no serving weighs more than the heaviest entry camg accepts
DENSITY = (0.1, 3.0)  # g per ml: from a whipped topping to the densest syrup, and beyond
UNKNOWN = "unknown"  # a label that does not list a value: kept unknown, never 0
_KEYS = {
    "aliases",
    "per",
    "grams",
    "density",
    "calcium_mg",
    "magnesium_mg",
    "energy_kcal",
    "measures",
    "source",
}
_PER = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*([^\d].*?)\s*$")


class MyFood(NamedTuple):
    food: Food
    names: tuple[str, ...]  # the name and aliases, as written
    measures: tuple[Portion, ...]


def food_id(name: str) -> str:
    return user_id(PREFIX, name)


class MyFoods:
    """The foods of every foods file given, as one source."""

    prefix = PREFIX

    def __init__(self, foods: list[MyFood]) -> None:
        self.foods = {mine.food.id: mine for mine in foods}
        self.names = {name_key(name): mine.food.id for mine in foods for name in mine.names}

    def food(self, food_id: str) -> Food | None:
        mine = self.foods.get(food_id)
        return mine.food if mine is not None else None

    def portions(self, food_id: str) -> tuple[Portion, ...]:
        mine = self.foods.get(food_id)
        return mine.measures if mine is not None else ()

    def named(self, phrase: str) -> str | None:
        return self.names.get(name_key(phrase))

    def search(self, phrase: str, limit: int) -> list[str]:
        wanted = set(key(phrase).split())
        found = [
            mine.food.id
            for mine in self.foods.values()
            if any(wanted <= set(key(name).split()) for name in mine.names)
        ]
        return found[:limit]

    def breakdown(self, food_id: str, grams: float) -> list[dict[str, Any]]:
        return []


def load(paths: list[str]) -> MyFoods:
    """Every foods file read and checked; raises CamgError with all their problems."""
    foods: list[MyFood] = []
    problems: list[Problem] = []
    taken: dict[str, tuple[str, str]] = {}  # a name's key -> the food and file that have it
    for toml in read_each(paths, KIND, problems):
        found, bad = _foods_of(toml)
        bad += _clashes(toml, taken)
        problems.extend(bad)
        if not bad:
            foods.extend(found)
    if problems:
        raise CamgError(problems)
    return MyFoods(foods)


def _foods_of(toml: TomlFile) -> tuple[list[MyFood], list[Problem]]:
    table = toml.data.get("foods")
    others = [name for name in toml.data if name != "foods"]
    problems = [
        toml.problem(
            KIND, f'"{name}" is not part of a foods file; foods go in [foods."NAME"]', name
        )
        for name in others
    ]
    if not isinstance(table, dict) or not table:
        problems.append(
            toml.problem(KIND, 'no foods here; a food is a table such as [foods."oat milk"]')
        )
        return [], problems
    foods = []
    for name, entry in table.items():
        mine = _food(toml, name, entry, problems)
        if mine is not None:
            foods.append(mine)
    return foods, problems


def _food(toml: TomlFile, name: str, entry: Any, problems: list[Problem]) -> MyFood | None:
    at = ("foods", name)
    before = len(problems)

    def bad(message: str, *field: str) -> None:
        problems.append(toml.problem(KIND, f'food "{name}": {message}', *at, *field))

    if not isinstance(entry, dict):
        bad('give its values in a table, [foods."NAME"], as docs/custom-foods.md shows')
        return None
    if not key(name):
        bad("a food needs a name made of letters or digits")
    for extra in sorted(set(entry) - _KEYS):
        bad(f'"{extra}" is not a value camg knows; it knows {", ".join(sorted(_KEYS))}', extra)
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        bad('say where the values come from, e.g. source = "carton label, 2026"', "source")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and key(a) for a in aliases):
        bad('aliases are a list of names, e.g. aliases = ["oat milk"]', "aliases")
        aliases = []
    grams, measure = _serving(entry, bad)
    values = {
        field: _value(entry, field, grams, bad)
        for field in ("calcium_mg", "magnesium_mg", "energy_kcal")
    }
    measures = _measures(entry.get("measures", {}), bad)
    if len(problems) > before:
        return None
    shown = f"{toml.name}: {source.strip()}"
    food = Food(food_id(name), name, GROUP, shown, *(values[f] for f in _ORDER))
    first = (Portion(0, *measure, grams),) if measure is not None and grams else ()
    return MyFood(food, (name, *aliases), first + measures)


_ORDER = ("energy_kcal", "calcium_mg", "magnesium_mg")


def _serving(entry: dict[str, Any], bad: Any) -> tuple[float | None, tuple[float, str] | None]:
    """What `per` weighs, and the household measure it is (None for a mass)."""
    per = entry.get("per", "100 g")
    found = _PER.match(per) if isinstance(per, str) else None
    unit = canonical(found.group(2)) if found else None
    if found is None:
        bad('"per" is an amount and a measure, e.g. per = "1 cup" or per = "100 g"', "per")
        return None, None
    amount = float(found.group(1) or 1)
    name = unit or found.group(2).lower()
    grams = _positive(entry, "grams", bad)
    density = entry.get("density")
    if unit in GRAMS_PER:
        weighs = amount * GRAMS_PER[unit]
        if grams is not None and not math.isclose(grams, weighs, rel_tol=0.01):
            bad(f'per = "{per}" weighs {weighs:g} g, not grams = {grams:g}', "grams")
        return weighs, None
    if grams is None and unit in ML_PER and density is not None:
        if not isinstance(density, int | float) or not DENSITY[0] <= density <= DENSITY[1]:
            bad(f"density is grams per millilitre, from {DENSITY[0]} to {DENSITY[1]}", "density")
            return None, None
        grams = amount * ML_PER[unit] * density
    if grams is None:
        also = " (or its density, grams per millilitre)" if unit in ML_PER else ""
        bad(f'give what per = "{per}" weighs: grams = ...{also}', "per")
        return None, None
    if amount <= 0:
        bad(f'per = "{per}": the amount must be more than 0', "per")
        return None, None
    return grams, (amount, name)


def _positive(entry: dict[str, Any], field: str, bad: Any) -> float | None:
    value = entry.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        bad(f"{field} must be a number", field)
        return None
    if not 0 < value <= MOST_GRAMS:
        bad(f"{field} = {value:g}: give a weight from more than 0 to {MOST_GRAMS:g} g", field)
        return None
    return float(value)


def _value(entry: dict[str, Any], field: str, grams: float | None, bad: Any) -> float:
    """A value per 100 g from the value per `per`; unknown (NaN) when the label lacks it."""
    value = entry.get(field)
    if value is None and field == "energy_kcal":
        return math.nan
    if value is None:
        bad(f'give {field} per "per" from the label, or {field} = "{UNKNOWN}"', field)
        return math.nan
    if value == UNKNOWN:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        bad(f'{field} must be a number, or "{UNKNOWN}"', field)
        return math.nan
    if value < 0:
        bad(f"{field} = {value:g} is negative", field)
        return math.nan
    if grams is None:
        return math.nan
    per_100g = value / grams * 100.0
    if per_100g > MOST_PER_100G[field]:
        bad(
            f"{field} = {value:g} in {grams:g} g is {per_100g:,.0f} per 100 g, more than any "
            f"food holds (at most {MOST_PER_100G[field]:,.0f}); check the unit and the serving",
            field,
        )
    return per_100g


def _measures(measures: Any, bad: Any) -> tuple[Portion, ...]:
    """`measures = { glass = 250 }`: more household measures, each with its grams."""
    if not isinstance(measures, dict):
        bad("measures are names with their grams, e.g. measures = { glass = 250 }", "measures")
        return ()
    found = []
    for seq, (name, grams) in enumerate(measures.items(), 1):
        if (
            isinstance(grams, bool)
            or not isinstance(grams, int | float)
            or not 0 < grams <= MOST_GRAMS
        ):
            bad(
                f'measure "{name}": give its grams, from more than 0 to {MOST_GRAMS:g}',
                "measures",
                name,
            )
            continue
        found.append(Portion(seq, 1.0, name, float(grams)))
    return tuple(found)


def _names(toml: TomlFile) -> list[tuple[str, list[str]]]:
    """Each food's name and its aliases, as written, whatever else is wrong with it."""
    table = toml.data.get("foods")
    found = []
    for name, entry in table.items() if isinstance(table, dict) else ():
        aliases = entry.get("aliases", []) if isinstance(entry, dict) else []
        aliases = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
        found.append((name, [name, *aliases, food_id(name)]))
    return found


def _clashes(toml: TomlFile, taken: dict[str, tuple[str, str]]) -> list[Problem]:
    """A name (or alias, or id) that two foods share: which one a log means is unknowable."""
    problems = []
    mine: dict[str, tuple[str, str]] = {}
    for food, names in _names(toml):
        for name in names:
            owner = taken.get(key(name)) or mine.get(key(name))
            if owner is not None and owner[0] != food:
                where = "" if owner[1] == toml.name else f" in {owner[1]}"
                problems.append(
                    toml.problem(
                        KIND,
                        f'food "{food}": the name "{name}" is already food '
                        f'"{owner[0]}"{where}; give each food names of its own',
                        "foods",
                        food,
                        *(("aliases",) if name != food else ()),
                    )
                )
            mine.setdefault(key(name), (food, toml.name))
    if not problems:
        taken.update(mine)
    return problems
