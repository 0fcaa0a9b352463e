"""Which foods come from animals, by their food group (data/food_groups.csv).

Suggestions must not offer cheese and sardines to a person whose log is plainly vegan: a
log with no food from an animal group (meat, poultry, fish, dairy and eggs), no mixed dish
that may hold one (fast food, soups, entrees) and no food of the user's own is taken as
plant-based; a diet said in the configuration or with --diet is never guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from camg import foodtable, tables

ANIMAL = "animal"  # the tag that --avoid takes, and that a plant-based log adds


@cache
def _made_of() -> dict[str, str]:
    return {row["group"]: row["made_of"] for row in tables.read_rows("food_groups.csv")}


def made_of(food_id: str) -> str:
    """ "animal", "mixed" or "plant" (every SR28 group not listed as animal or mixed). A
    food or recipe of the user's own is "mixed": camg cannot tell what it is made of."""
    if foodtable.is_user_food(food_id):
        return "mixed"
    return _made_of().get(foodtable.group_of(food_id), "plant")


def plant_based(food_ids: Iterable[str | None]) -> bool:
    """Every food of the log is of a plant group (supplements do not count); an empty log
    is not plant-based, it is nothing yet."""
    kinds = {made_of(food_id) for food_id in food_ids if food_id is not None}
    return kinds == {"plant"}
