"""The hand-curated tables point at real foods and real measures, and load as stored."""

from __future__ import annotations

import csv

import pytest

from camg import foodtable, sr28, tables
from camg.estimates import REFERENCE_AMOUNT
from camg.text import key
from tests.conftest import ROOT


def rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


FOOD_IDS = {row["id"] for row in rows("foods.csv")}


def test_aliases_are_normalised_unique_and_point_at_real_foods():
    aliases = rows("aliases.csv")
    assert len(aliases) >= 1000
    assert all(row["alias"] == key(row["alias"]) for row in aliases)
    assert len({row["alias"] for row in aliases}) == len(aliases)
    assert {row["food_id"] for row in aliases} <= FOOD_IDS


def test_alias_default_measures_exist_for_their_foods():
    for row in rows("aliases.csv"):
        if row["default_measure"] and row["default_measure"] != REFERENCE_AMOUNT:
            measures = [p.measure for p in tables.portions_of(row["food_id"])]
            assert row["default_measure"] in measures, row


def test_stand_ins_are_aliases():
    aliases = {row["alias"] for row in rows("aliases.csv")}
    stand_ins = rows("stand_ins.csv")
    assert stand_ins and all(row["alias"] in aliases and row["why"] for row in stand_ins)


def test_synonyms_are_single_normalised_words():
    for row in rows("synonyms.csv"):
        assert row["word"] == key(row["word"]) and " " not in row["word"]


@pytest.mark.parametrize("row", rows("suggestions.csv"), ids=lambda row: row["label"])
def test_suggestion_candidates_are_whole_foods_with_known_values(row):
    [food] = [food for food in sr28.food_rows() if food.id == row["food_id"]]
    assert food.calcium_mg == food.calcium_mg and food.magnesium_mg > 0
    assert row["purpose"] in ("magnesium", "calcium")
    ratio = food.calcium_mg / food.magnesium_mg
    assert ratio < 2 if row["purpose"] == "magnesium" else ratio > 3
    measures = [p.measure for p in tables.portions_of(row["food_id"])]
    assert all(measure in measures for measure in row["measures"].split("|"))


@pytest.mark.parametrize("row", rows("sandwiches.csv"), ids=lambda row: row["word"])
def test_every_sandwich_word_names_a_bread_camg_reads_and_cites_a_source(row):
    from camg.resolve import resolve_text

    assert row["word"] == key(row["word"]) and row["source"]
    bread = resolve_text(f"1 {row['bread']}")
    assert bread.food_id is not None and not bread.approximate
    assert int(row["slices"]) in (0, 2, 3)  # 3: a triple-decker


@pytest.mark.parametrize("row", rows("fillings.csv"), ids=lambda row: row["filling"])
def test_every_filling_weighs_a_food_it_names_by_its_cited_measure(row):
    from camg import estimates
    from camg.resolve import resolve_text

    assert row["source"].startswith("Victorian Government") and float(row["amount"]) > 0
    term = row["words"].split("|")[0]
    food = resolve_text(term)
    assert estimates.filling_for(term, foodtable.group_of(food.food_id)) is not None
    measured = resolve_text(f"{row['amount']} {row['unit']} {row['measure_words']} {term}")
    assert measured.grams > 0


@pytest.mark.parametrize(
    "row", rows("dish_hints.csv") + rows("not_foods.csv"), ids=lambda row: row["word"]
)
def test_every_dish_hint_s_example_reads_as_it_says(row):
    import re

    from camg.parser import parse
    from camg.resolve import resolve_log

    [example] = re.findall(r'"([^"]+)"', row["hint"])
    resolved = resolve_log(parse(example + "\n", "hint.txt"))
    assert resolved.problems == [] and len(resolved.days[0].entries) == example.count(";") + 1
    assert row["word"] == key(row["word"])


@pytest.mark.parametrize("row", rows("not_foods.csv"), ids=lambda row: row["word"])
def test_a_word_that_names_no_food_alone_is_a_problem_that_says_so(row):
    from camg.errors import ItemError
    from camg.resolve import resolve_text

    with pytest.raises(ItemError, match="unknown food"):
        resolve_text(row["word"])


@pytest.mark.parametrize("row", rows("calcium_added.csv"), ids=lambda row: row["food_id"])
def test_a_food_said_to_have_calcium_added_has_the_calcium_of_a_fortified_food(row):
    food = sr28.food_row(row["food_id"])
    assert food is not None and row["evidence"]
    assert float(food["calcium_mg"]) >= 100  # the evidence: far above the plant's own
