"""The committed food and portion tables hold SR28's values, unknowns kept unknown."""

from __future__ import annotations

import csv
import math

import pytest

from camg import sr28, tables
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, str]]:
    with (ROOT / "data" / "foods.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_every_sr28_food_is_present(rows):
    assert len(rows) == 8789
    assert all(len(food_id) == 5 and food_id.isdigit() for food_id in rows)


def test_spinach_raw_values(rows):
    spinach = rows["11457"]
    assert spinach["name"] == "Spinach, raw"
    assert float(spinach["calcium_mg"]) == 99
    assert float(spinach["magnesium_mg"]) == 79


def test_unknown_magnesium_stays_empty(rows):
    # KRAFT CHEEZ WHIZ: SR28 has calcium but no magnesium row.
    assert rows["01188"]["calcium_mg"] == "359"
    assert rows["01188"]["magnesium_mg"] == ""
    [cheez_whiz] = [row for row in sr28.food_rows() if row.id == "01188"]
    assert math.isnan(cheez_whiz.magnesium_mg)


def test_coverage_matches_the_release_notes(rows):
    calcium = sum(1 for row in rows.values() if row["calcium_mg"])
    magnesium = sum(1 for row in rows.values() if row["magnesium_mg"])
    both = sum(1 for row in rows.values() if row["calcium_mg"] and row["magnesium_mg"])
    assert (calcium, magnesium, both) == (8441, 8050, 7852)


def test_the_plain_reader_gives_what_pandas_reads():
    """camg foods and the word index read the table without pandas: the same values,
    unknown as NaN, for every food."""
    import pandas as pd

    frame = pd.read_csv(
        tables.data_dir() / "foods.csv",
        dtype={column: str for column in ("id", "name", "group", "common_names", "survey")},
        keep_default_na=False,
        na_values={column: [""] for column in sr28.NUTRIENT_COLUMNS},
    ).set_index("id", drop=False)
    plain = sr28.food_rows()
    assert [row.id for row in plain] == frame.index.tolist()
    for row in plain:
        for column in sr28.NUTRIENT_COLUMNS:
            value, expected = getattr(row, column), frame.at[row.id, column]
            assert value == expected or (math.isnan(value) and math.isnan(expected))
        texts = frame.loc[row.id, ["name", "group", "survey"]]
        assert (row.name, row.group, row.survey) == tuple(texts)


def test_leading_zeros_survive_loading():
    foods = {row.id: row for row in sr28.food_rows()}
    assert foods["01001"].name == "Butter, salted"


def test_portion_grams_are_for_one_unit():
    # SR28: 0.5 "breast, bone and skin removed" weighs 86 g, so one weighs 172 g.
    half_breasts = [p for p in tables.portions_of("05064") if p.amount == 0.5]
    assert half_breasts, "expected SR28's half-breast measure for 05064"
    assert half_breasts[0].unit_grams == pytest.approx(2 * half_breasts[0].grams)


def test_every_portion_belongs_to_a_food(rows):
    food_ids = sr28.portion_food_ids()
    assert set(food_ids) <= set(rows)
    assert sum(len(tables.portions_of(food_id)) for food_id in food_ids) == 15438


def test_every_food_and_its_portions_are_found_by_bisection(rows):
    """sr28 finds a food's rows by bisection in the sorted tables' text: every food, the
    first and the last included, gets the rows a full read gives it, and an id that is
    not in the table gets none."""
    with (ROOT / "data" / "portions.csv").open(encoding="utf-8", newline="") as handle:
        portions: dict[str, list[tuple[int, float, str, float]]] = {}
        for row in csv.DictReader(handle):
            listed = (int(row["seq"]), float(row["amount"]), row["measure"], float(row["grams"]))
            portions.setdefault(row["food_id"], []).append(listed)
    for food_id, row in rows.items():
        assert sr28.food_row(food_id) == row
        assert [tuple(portion) for portion in sr28.portions_of(food_id)] == portions.get(
            food_id, []
        )
    for missing in ("00000", "99999", "1001", ""):
        assert sr28.food_row(missing) is None
        assert sr28.portions_of(missing) == ()
