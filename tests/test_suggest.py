"""Suggestions: computed from the food table, checked against it, never canned."""

from __future__ import annotations

import csv
import json
import math
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camg.suggest import (
    Goal,
    _menu,
    _options,
    _ordinary,
    _plain,
    _reaching_fast,
    avoid_kinds,
    candidates,
    parse_avoid,
    suggest,
    suggest_many,
)
from tests.conftest import ROOT

with (ROOT / "data" / "foods.csv").open(encoding="utf-8", newline="") as handle:
    TABLE = {row["id"]: row for row in csv.DictReader(handle)}
with (ROOT / "data" / "suggestions.csv").open(encoding="utf-8", newline="") as handle:
    CURATED = {row["food_id"]: row for row in csv.DictReader(handle)}

GOALS = st.builds(
    Goal,
    calcium_mg=st.floats(min_value=0, max_value=4000),
    magnesium_mg=st.floats(min_value=0, max_value=1500),
    low=st.just(2.0),
    high=st.just(2.8),
    magnesium_rda_mg=st.one_of(st.none(), st.sampled_from([310.0, 420.0])),
)


def check(goal: Goal, options) -> None:
    for option in options:
        row = TABLE[option.food_id]
        assert option.calcium_mg == pytest.approx(float(row["calcium_mg"]) * option.grams / 100)
        assert option.magnesium_mg == pytest.approx(float(row["magnesium_mg"]) * option.grams / 100)
        expected = (goal.calcium_mg + option.calcium_mg) / (goal.magnesium_mg + option.magnesium_mg)
        assert option.ratio_after == pytest.approx(expected)
        if option.reaches_range:
            assert goal.low <= option.ratio_after <= goal.high
        assert option.food_id in CURATED  # a curated whole food, never a supplement


@settings(max_examples=200, deadline=None)
@given(GOALS)
def test_every_suggestion_is_the_table_times_its_grams(goal):
    check(goal, suggest(goal, 3))


@settings(max_examples=50, deadline=None)
@given(st.lists(GOALS, min_size=1, max_size=20))
def test_many_days_at_once_give_what_each_day_gives_alone(goals):
    assert suggest_many(goals, 3) == [suggest(goal, 3) for goal in goals]


@settings(max_examples=50, deadline=None)
@given(st.lists(GOALS, min_size=1, max_size=20))
def test_days_taken_a_few_at_a_time_give_what_all_at_once_give(goals):
    """A big log's days are chosen for in chunks, to bound memory; chunks change nothing."""
    whole = suggest_many(goals, 3)
    with patch("camg.suggest._DAYS_AT_ONCE", 3):
        assert suggest_many(goals, 3) == whole


@st.composite
def ordinary_days(draw: st.DrawFn) -> tuple[Goal, int, frozenset[str]]:
    """A day for the fast path, often one that a suggested portion brings exactly to an
    end of the range (the ratio's last bit decides), or at a food's own balance (its
    portions' ratios tie), with words to avoid and a count (up to every dish)."""
    low, high = draw(
        st.one_of(
            st.sampled_from([(2.0, 2.8), (1.7, 2.6), (0.5, 3.5), (2.0, 2.0)]),
            st.floats(0.0, 30.0).flatmap(lambda low: st.tuples(st.just(low), st.floats(low, 40.0))),
        )
    )
    magnesium = float(draw(st.one_of(st.floats(1e-3, 2000), st.integers(1, 900))))
    candidate = draw(st.sampled_from(candidates()))
    grams = draw(st.sampled_from([grams for _, grams in _options(candidate)]))
    calcium_per_g, magnesium_per_g = (
        candidate.calcium_per_100g / 100.0,
        candidate.magnesium_per_100g / 100.0,
    )
    if draw(st.booleans()):  # the portion brings the day exactly to an end of the range
        end = draw(st.sampled_from([low, high]))
        calcium = end * (magnesium + grams * magnesium_per_g) - grams * calcium_per_g
    else:
        calcium = draw(
            st.one_of(st.floats(0, 4000), st.just(calcium_per_g / magnesium_per_g * magnesium))
        )
    calcium = draw(st.sampled_from([calcium, math.nextafter(calcium, 0)]))
    rda = draw(st.sampled_from([None, 320.0, 420.0]))
    avoid = frozenset(draw(st.lists(st.sampled_from(avoid_kinds()), max_size=3)))
    count = draw(st.sampled_from([1, 2, 3, 50]))  # 50: every dish, in order
    return Goal(calcium, magnesium, low, high, rda), count, avoid


@settings(max_examples=1000, deadline=None)
@given(ordinary_days())
def test_the_fast_loop_picks_what_the_plain_one_picks(day):
    """`_reaching_fast` stands for the plain choice, ranking and order on an ordinary day
    out of range: the same foods, portions, ratios and order."""
    goal, count, avoid = day
    need = goal.need()
    menu = _menu(need, avoid) if need is not None else None
    if menu is None or not _ordinary(goal, menu):
        return
    assert _reaching_fast(goal, menu, count) == _plain(goal, menu, count)


def test_a_high_day_gets_magnesium_foods_and_the_smallest_portion_that_reaches():
    goal = Goal(1538, 392, 2.0, 2.8)
    options = suggest(goal, 3)
    assert options[0].portion == "1 oz" and options[0].food_id == "12014"  # pumpkin seeds
    assert options[0].magnesium_mg == pytest.approx(168, abs=1)
    assert options[0].calcium_mg == pytest.approx(13, abs=1)
    for option in options:
        assert CURATED[option.food_id]["purpose"] == "magnesium"
        if option.reaches_range:
            candidate = next(c for c in candidates() if c.food_id == option.food_id)
            smaller = [g for _, g in _options(candidate) if g < option.grams - 1e-9]
            for grams in smaller:
                ca = goal.calcium_mg + candidate.calcium_per_100g * grams / 100
                mg = goal.magnesium_mg + candidate.magnesium_per_100g * grams / 100
                assert not 2.0 <= ca / mg <= 2.8, "a smaller portion already reaches"


def test_kinds_are_varied():
    kinds = [option.kind for option in suggest(Goal(1538, 392, 2.0, 2.8), 3)]
    assert len(set(kinds)) == 3


def test_a_low_day_gets_calcium_foods():
    for option in suggest(Goal(500, 600, 2.0, 2.8), 3):
        assert CURATED[option.food_id]["purpose"] == "calcium"
        assert option.ratio_after > 500 / 600


def test_out_of_reach_shows_the_closest_and_says_so():
    options = suggest(Goal(3000, 100, 2.0, 2.8), 3)
    assert options and not options[0].reaches_range
    assert options[0].ratio_after < 30


def test_within_range_and_short_of_magnesium_keeps_the_ratio_in_range():
    goal = Goal(826, 334, 2.0, 2.8, magnesium_rda_mg=420)
    options = suggest(goal, 3)
    assert options
    for option in options:
        assert 2.0 <= option.ratio_after <= 2.8
        assert CURATED[option.food_id]["purpose"] == "magnesium"
    assert suggest(Goal(826, 334, 2.0, 2.8), 3) == []  # no profile: nothing to fix
    assert suggest(Goal(1200, 500, 2.0, 2.8, magnesium_rda_mg=420), 3) == []


def test_avoid_excludes_by_kind_tag_and_word():
    avoid = parse_avoid("nuts, seeds")
    assert avoid == {"nut", "seed"}
    for option in suggest(Goal(1538, 392, 2.0, 2.8), 10, avoid):
        assert option.kind not in ("nuts", "seeds")
    for option in suggest(Goal(500, 600, 2.0, 2.8), 10, parse_avoid("dairy")):
        assert CURATED[option.food_id]["kind"] not in ("dairy", "cheese")
        assert "Milk" not in TABLE[option.food_id]["name"].split(",")[0]


def test_count_and_zero():
    assert len(suggest(Goal(1538, 392, 2.0, 2.8), 5)) == 5
    assert suggest(Goal(1538, 392, 2.0, 2.8), 0) == []


def test_dairy_heavy_example_day_gets_magnesium_foods_that_reach(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    day = json.loads(camg("log", "examples/dairy-day.txt", "-f", "json").stdout)["days"][0]
    assert day["status"] == "above"
    assert len(day["suggestions"]) == 3
    for option in day["suggestions"]:
        assert CURATED[option["food_id"]]["purpose"] == "magnesium"
        assert option["reaches_range"] and 2.0 <= option["ratio_after"] <= 2.8
        assert set(option) >= {
            "food_id",
            "food",
            "portion",
            "grams",
            "calcium_mg",
            "magnesium_mg",
            "ratio_after",
        }


def test_seed_heavy_example_day_gets_calcium_foods(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = camg("log", "examples/seeds-day.txt", "-f", "json", "--avoid", "dairy,soy")
    day = json.loads(result.stdout)["days"][0]
    assert day["status"] == "below" and day["suggestions"]
    for option in day["suggestions"]:
        assert CURATED[option["food_id"]]["purpose"] == "calcium"
        assert CURATED[option["food_id"]]["kind"] not in ("dairy", "cheese", "tofu")


def test_suggest_option_in_log(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    none = json.loads(camg("log", "examples/dairy-day.txt", "-f", "json", "--suggest", "0").stdout)
    assert none["days"][0]["suggestions"] == []
    five = json.loads(camg("log", "examples/dairy-day.txt", "-f", "json", "--suggest", "5").stdout)
    assert len(five["days"][0]["suggestions"]) == 5


def test_suggest_command_formats(camg):
    data = json.loads(
        camg("suggest", "--calcium", "1538", "--magnesium", "392", "-f", "json").stdout
    )
    assert data["ratio"] == pytest.approx(1538 / 392)
    assert data["suggestions"][0]["food_id"] == "12014"
    table = camg("suggest", "--calcium", "1538", "--magnesium", "392").stdout
    lines = [" ".join(line.split()) for line in table.splitlines()]  # columns are aligned
    assert "1 oz pumpkin seeds (28 g): +168 mg Mg, +13 mg Ca -> ratio 2.77" in lines
    rows = camg("suggest", "--calcium", "1538", "--magnesium", "392", "-f", "csv").stdout
    assert rows.splitlines()[0].startswith("food_id,food,portion,grams,calcium_mg")
    avoided = json.loads(
        camg(
            "suggest", "--calcium", "1538", "--magnesium", "392", "--avoid", "seeds", "-f", "json"
        ).stdout
    )
    assert all(option["kind"] != "seeds" for option in avoided["suggestions"])
    assert camg("suggest", "--calcium", "10").status == 2  # --magnesium is required


# The measures a person uses for a portion; SR28 also lists "cubic inch", "NLEA serving".
PEOPLES_MEASURES = {
    "cup",
    "cups",
    "oz",
    "tbsp",
    "tsp",
    "slice",
    "slices",
    "container",
    "containers",
    "can",
    "cans",
    "banana",
    "avocado",
    "sardine",
    "sardines",
    "small",
    "medium",
    "large",
}


def test_every_suggested_portion_uses_a_measure_people_use():
    for candidate in candidates():
        for measure in candidate.measures:
            head = measure.measure.split(",")[0].split(" (")[0].split()
            assert head[-1] in PEOPLES_MEASURES or head[0] in PEOPLES_MEASURES, measure
            assert "cubic" not in measure.measure


PLANT_LOG = "2026-11-20\n1 cup cooked oatmeal\n2 tbsp pumpkin seeds\n1 cup black beans\n"


def test_a_plant_based_log_gets_no_animal_food_suggested(camg):
    done = camg("log", "-", "-f", "json", stdin=PLANT_LOG)
    assert "so neither do the suggestions" in done.stderr
    suggested = json.loads(done.stdout)["days"][0]["suggestions"]
    assert suggested and not [s for s in suggested if s["kind"] in ("cheese", "dairy")]
    with_milk = camg("log", "-", "-f", "json", stdin=PLANT_LOG + "1 cup milk\n")
    assert "neither do the suggestions" not in with_milk.stderr
    kinds = {s["kind"] for s in json.loads(with_milk.stdout)["days"][0]["suggestions"]}
    assert kinds & {"cheese", "dairy", "fish with bones"}


def test_avoid_animal_is_a_kind_of_its_own():
    animal = {candidate.kind for candidate in candidates() if "animal" in candidate.tags}
    assert animal == {"cheese", "dairy", "fish with bones"}
    assert parse_avoid("animal") == frozenset({"animal"})
