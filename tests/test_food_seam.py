"""The food table is a set of sources: a third source is one class and one `use` call, and
matching, weighing, the engine and `camg foods` all see its foods."""

from __future__ import annotations

import math

import pytest

from camg import foods, foodtable, sr28, tables
from camg.errors import ItemError
from camg.foodtable import Food
from camg.resolve import resolve_text
from camg.tables import Portion

MILK = "01079"  # SR28's "Milk, reduced fat, fluid, 2% milkfat", the alias table's milk


class LabSource:
    """A source of one food: SR28's milk under another id and name, as a lab table would
    give its own analysis (the values are SR28's, so no number is typed here)."""

    prefix = "lab"

    def food(self, food_id: str) -> Food | None:
        if food_id != "lab:bench-milk":
            return None
        milk = sr28.food(MILK)
        assert milk is not None
        return milk._replace(id=food_id, name="bench milk", group="lab", source="a lab's table")

    def portions(self, food_id: str) -> tuple[Portion, ...]:
        return sr28.portions_of(MILK) if food_id == "lab:bench-milk" else ()

    def named(self, phrase: str) -> str | None:
        return "lab:bench-milk" if phrase.strip().lower() == "bench milk" else None

    def search(self, phrase: str, limit: int) -> list[str]:
        return ["lab:bench-milk"] if "bench" in phrase.lower() else []

    def breakdown(self, food_id: str, grams: float) -> list[dict]:
        return []


@pytest.fixture
def lab():
    foodtable.use([LabSource()])
    yield
    foodtable.use([])


def test_a_third_source_is_matched_weighed_and_valued_like_sr28(lab):
    mine, theirs = resolve_text("1 cup bench milk"), resolve_text("1 cup milk")
    assert (mine.food_id, mine.food, mine.grams) == ("lab:bench-milk", "bench milk", theirs.grams)
    assert tables.food_values("lab:bench-milk")[1:] == tables.food_values(MILK)[1:]


def test_a_third_source_can_be_pinned_searched_and_shown(lab):
    assert resolve_text("200 g #lab:bench-milk").food_id == "lab:bench-milk"
    first = foods.search("bench milk", 3)[0]
    assert (first["id"], first["source"]) == ("lab:bench-milk", "a lab's table")
    shown = foods.show("#lab:bench-milk")
    assert [p["grams"] for p in shown["portions"]] == [p.grams for p in sr28.portions_of(MILK)]


def test_without_it_the_words_are_sr28_again(lab):
    foodtable.use([])
    with pytest.raises(ItemError, match='no food with id "lab:bench-milk"'):
        resolve_text("200 g #lab:bench-milk")
    assert resolve_text("1 cup milk").food_id == MILK


def test_sr28_keeps_unknown_values_unknown():
    food = foodtable.food("01188")  # SR28 lacks its magnesium
    assert food is not None and food.source == "USDA SR28" and math.isnan(food.magnesium_mg)
    assert foodtable.food("lab:bench-milk") is None
