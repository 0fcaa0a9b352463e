"""Recipes: a named list of ordinary log items with a yield (`serves 4`, or what the whole
weighs cooked), from recipes files in TOML or recipe blocks of the log (docs/recipes.md).

A recipe is a source of the food table: its calcium and magnesium per 100 g are its
ingredients' totals over its weight, unknown when one ingredient's value is unknown; its
measures are a serving and the whole batch. Recipes may use other recipes; a cycle, an
item camg cannot read and a bad yield are errors at their file and line.
"""

from __future__ import annotations

import math
import re
from contextlib import suppress
from typing import Any, NamedTuple

from camg import foodtable, tables
from camg.errors import ItemError, Kind, Problem
from camg.foodtable import Food
from camg.parser import LogRecipe
from camg.tables import Portion
from camg.text import key
from camg.tomlfile import TomlFile, read_each

PREFIX = "recipe"
GROUP = "recipe"
KIND = Kind.RECIPE
MOST_SERVINGS = 1000
MOST_GRAMS = 100_000.0  # a batch of 100 kg is a slip of the unit
_KEYS = {"aliases", "items", "serves", "total_grams"}
# "chili, serves 4", "granola (makes 900 g)": a log block's name and its yield.
_HEADING = re.compile(
    r"^(?P<name>.+?)\s*[,(]\s*(?:serves\s+(?P<serves>\d+(?:\.\d+)?)|"
    r"makes\s+(?P<grams>\d+(?:\.\d+)?)\s*g(?:rams?)?)\s*\)?\s*$",
    re.IGNORECASE,
)


class Recipe(NamedTuple):
    """A recipe as written, with where each of its parts was written."""

    name: str
    aliases: tuple[str, ...]
    items: tuple[tuple[str, int | None], ...]  # each item's text and line
    serves: float | None
    total_grams: float | None
    source: str  # the file
    line: int | None


class Ingredient(NamedTuple):
    """One ingredient of the whole recipe: what it weighs and holds."""

    text: str
    food_id: str
    food: str
    grams: float
    calcium_mg: float
    magnesium_mg: float
    energy_kcal: float


class Cooked(NamedTuple):
    food: Food
    weight: float
    measures: tuple[Portion, ...]
    ingredients: tuple[Ingredient, ...]


def recipe_id(name: str) -> str:
    return foodtable.user_id(PREFIX, name)


class Recipes:
    """Every recipe given, as one source; a recipe is worked out when first asked for."""

    prefix = PREFIX

    def __init__(self, recipes: list[Recipe]) -> None:
        self.recipes = {recipe_id(recipe.name): recipe for recipe in recipes}
        self.names = {
            foodtable.name_key(name): recipe_id(recipe.name)
            for recipe in recipes
            for name in (recipe.name, *recipe.aliases)
        }
        self._cooked: dict[str, Cooked] = {}
        self._broken: dict[str, list[Problem]] = {}
        self._cooking: list[str] = []

    def food(self, food_id: str) -> Food | None:
        cooked = self.cooked(food_id)
        return cooked.food if cooked is not None else None

    def portions(self, food_id: str) -> tuple[Portion, ...]:
        cooked = self.cooked(food_id)
        return cooked.measures if cooked is not None else ()

    def named(self, phrase: str) -> str | None:
        return self.names.get(foodtable.name_key(phrase))

    def search(self, phrase: str, limit: int) -> list[str]:
        wanted = set(key(phrase).split())
        found = [
            food_id
            for food_id, recipe in self.recipes.items()
            if any(wanted <= set(key(name).split()) for name in (recipe.name, *recipe.aliases))
        ]
        return found[:limit]

    def breakdown(self, food_id: str, grams: float) -> list[dict[str, Any]]:
        """What `grams` of a recipe hold, ingredient by ingredient: its share of each."""
        cooked = self.cooked(food_id)
        if cooked is None:
            return []
        share = grams / cooked.weight
        return [
            {
                "text": ingredient.text,
                "food_id": ingredient.food_id,
                "food": ingredient.food,
                "grams": ingredient.grams * share,
                "calcium_mg": _known(ingredient.calcium_mg * share),
                "magnesium_mg": _known(ingredient.magnesium_mg * share),
            }
            for ingredient in cooked.ingredients
        ]

    def cooked(self, food_id: str) -> Cooked | None:
        """The recipe worked out from its ingredients; raises ItemError when it cannot be."""
        recipe = self.recipes.get(food_id)
        if recipe is None:
            return None
        if food_id in self._cooked:
            return self._cooked[food_id]
        if food_id in self._broken:
            raise ItemError(f'recipe "{recipe.name}" cannot be used (see its problems)', KIND)
        if food_id in self._cooking:
            chain = [self.recipes[i].name for i in self._cooking[self._cooking.index(food_id) :]]
            path = " -> ".join(f'"{name}"' for name in [*chain, recipe.name])
            raise ItemError(f"recipes may not use themselves: {path}", KIND)
        self._cooking.append(food_id)
        try:
            ingredients, problems = _ingredients(recipe)
        finally:
            self._cooking.pop()
        if problems:
            self._broken[food_id] = problems
            raise ItemError(f'recipe "{recipe.name}" cannot be used (see its problems)', KIND)
        cooked = _cook(food_id, recipe, ingredients)
        self._cooked[food_id] = cooked
        return cooked

    def check(self) -> list[Problem]:
        """Every recipe worked out now, so that each problem is said at its line."""
        for food_id in self.recipes:
            with suppress(ItemError):
                self.cooked(food_id)
        return [problem for problems in self._broken.values() for problem in problems]


def _ingredients(recipe: Recipe) -> tuple[list[Ingredient], list[Problem]]:
    from camg.resolve import read_line

    found: list[Ingredient] = []
    problems: list[Problem] = []
    for text, line in recipe.items:

        def bad(message: str, text: str = text, line: int | None = line) -> None:
            said = f'recipe "{recipe.name}": "{text}": {message}'
            problems.append(Problem(said, recipe.source, line, text, kind=KIND))

        for part in read_line(text):
            resolution = part.resolution
            if part.problem is not None:
                bad(part.problem[1])
            elif resolution is None or resolution.food_id is None or resolution.grams is None:
                bad("a recipe's items are foods; log a supplement as its own item")
            else:
                values = tables.food_values(resolution.food_id)
                assert values is not None
                grams = resolution.grams
                kcal, calcium, magnesium = (value * grams / 100.0 for value in values[1:])
                found.append(
                    Ingredient(
                        part.text,
                        resolution.food_id,
                        resolution.food,
                        grams,
                        calcium,
                        magnesium,
                        kcal,
                    )
                )
    if not recipe.items:
        problems.append(
            Problem(f'recipe "{recipe.name}" has no items', recipe.source, recipe.line, kind=KIND)
        )
    return found, problems


def _cook(food_id: str, recipe: Recipe, ingredients: list[Ingredient]) -> Cooked:
    """The recipe as a food: its totals per 100 g of what it weighs, and its measures."""
    weight = recipe.total_grams or sum(ingredient.grams for ingredient in ingredients)

    def per_100g(field: str) -> float:
        total = sum(getattr(ingredient, field) for ingredient in ingredients)
        return total / weight * 100.0  # NaN when an ingredient's value is unknown

    servings = f"serves {recipe.serves:g}" if recipe.serves else f"makes {weight:g} g"
    food = Food(
        food_id,
        recipe.name,
        GROUP,
        f"{recipe.source}: recipe, {servings}",
        per_100g("energy_kcal"),
        per_100g("calcium_mg"),
        per_100g("magnesium_mg"),
    )
    measures = (Portion(2, 1.0, "batch", weight),)
    if recipe.serves:
        measures = (Portion(1, 1.0, "serving", weight / recipe.serves), *measures)
    return Cooked(food, weight, measures, tuple(ingredients))


def _known(value: float) -> float | None:
    return None if math.isnan(value) else value


# -- reading ------------------------------------------------------------------------------


def load(paths: list[str], blocks: list[LogRecipe]) -> tuple[list[Recipe], list[Problem]]:
    """The recipes of every file and log block, and every problem with them."""
    recipes: list[Recipe] = []
    problems: list[Problem] = []
    for toml in read_each(paths, KIND, problems):
        found, bad = _from_file(toml)
        recipes.extend(found)
        problems.extend(bad)
    for block in blocks:
        recipe = _from_block(block, problems)
        if recipe is not None:
            recipes.append(recipe)
    problems.extend(_clashes(recipes))
    return recipes, problems


def _from_file(toml: TomlFile) -> tuple[list[Recipe], list[Problem]]:
    problems = [
        toml.problem(
            KIND, f'"{name}" is not part of a recipes file; recipes go in [recipes."NAME"]', name
        )
        for name in toml.data
        if name != "recipes"
    ]
    table = toml.data.get("recipes")
    if not isinstance(table, dict) or not table:
        problems.append(
            toml.problem(KIND, 'no recipes here; a recipe is a table such as [recipes."chili"]')
        )
        return [], problems
    recipes = []
    for name, entry in table.items():
        before = len(problems)
        at = ("recipes", name)

        def bad(message: str, *field: str, name: str = name, at: tuple[str, ...] = at) -> None:
            problems.append(toml.problem(KIND, f'recipe "{name}": {message}', *at, *field))

        if not isinstance(entry, dict):
            bad('give it as a table, [recipes."NAME"], as docs/recipes.md shows')
            continue
        for extra in sorted(set(entry) - _KEYS):
            bad(f'"{extra}" is not a value camg knows; it knows {", ".join(sorted(_KEYS))}', extra)
        items = entry.get("items")
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(item, str) and item.strip() for item in items)
        ):
            bad(
                'give its items as log lines, e.g. items = ["2 cups oat milk", "1 banana"]', "items"
            )
            items = []
        serves = _yield(entry.get("serves"), MOST_SERVINGS, "serves", bad)
        total = _yield(entry.get("total_grams"), MOST_GRAMS, "total_grams", bad)
        if (
            serves is None
            and total is None
            and "serves" not in entry
            and ("total_grams" not in entry)
        ):
            bad("give its yield: serves = N, or total_grams = what the whole weighs cooked")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            bad('aliases are a list of names, e.g. aliases = ["chilli"]', "aliases")
            aliases = []
        if len(problems) > before:
            continue
        located = tuple((item, toml.line_holding(item, *at, "items")) for item in items)
        recipes.append(
            Recipe(name, tuple(aliases), located, serves, total, toml.name, toml.line(*at))
        )
    return recipes, problems


def _yield(value: Any, most: float, field: str, bad: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= most:
        bad(f"{field} = {value}: give a number more than 0 and at most {most:g}", field)
        return None
    return float(value)


def _from_block(block: LogRecipe, problems: list[Problem]) -> Recipe | None:
    def bad(message: str) -> None:
        problems.append(Problem(message, block.source, block.line, kind=KIND))

    found = _HEADING.match(block.heading)
    if found is None:
        bad(
            f'recipe "{block.heading}": give its yield after the name, e.g. "recipe: chili, '
            'serves 4" or "recipe: granola, makes 900 g"'
        )
        return None
    name = found.group("name").strip()
    if not block.ended:
        bad(f'recipe "{name}": end its items with a line "end recipe"')
        return None
    serves = float(found.group("serves")) if found.group("serves") else None
    grams = float(found.group("grams")) if found.group("grams") else None
    if (serves is not None and not 0 < serves <= MOST_SERVINGS) or (
        grams is not None and not 0 < grams <= MOST_GRAMS
    ):
        bad(f'recipe "{name}": its yield must be more than 0 (and a batch at most 100 kg)')
        return None
    items = tuple((text, line) for line, text in block.items)
    return Recipe(name, (), items, serves, grams, block.source, block.line)


def _clashes(recipes: list[Recipe]) -> list[Problem]:
    """A name two recipes share, or a recipe named like one of the user's foods."""
    problems = []
    seen: dict[str, Recipe] = {}
    for recipe in recipes:
        for name in (recipe.name, *recipe.aliases):
            other = seen.get(foodtable.name_key(name))
            food = foodtable.named(name)
            if other is not None and other is not recipe:
                clash = f'recipe "{other.name}" ({other.source})'
            elif food is not None:
                clash = f"your food {food}"
            else:
                seen[foodtable.name_key(name)] = recipe
                continue
            problems.append(
                Problem(
                    f'recipe "{recipe.name}": the name "{name}" is already {clash}; '
                    "give each recipe a name of its own",
                    recipe.source,
                    recipe.line,
                    kind=KIND,
                )
            )
    return problems
