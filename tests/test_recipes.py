"""Recipes (docs/recipes.md): a recipe totals its ingredients exactly, by the serving, by
weight and whole; recipes use recipes; unknown stays unknown; --detail shows the breakdown;
a cycle and every bad recipe is an error at its file and line."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from camg.errors import ExitStatus
from camg.tomlfile import tomllib
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "recipes.md").read_text(encoding="utf-8")
RECIPES = re.findall(r"```toml\n(.*?)```", DOC, flags=re.DOTALL)[0]
BLOCK = re.findall(r"```log\n(.*?)```", DOC, flags=re.DOTALL)[0]
DEFINED = tomllib.loads(RECIPES)["recipes"]
BOWL = DEFINED["breakfast bowl"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "recipes.toml").write_text(RECIPES, encoding="utf-8")
    return tmp_path


def _log(camg, folder: Path, text: str, *args: str) -> list[dict]:
    (folder / "day.txt").write_text(text, encoding="utf-8")
    done = camg("log", "day.txt", "--recipes", "recipes.toml", "-f", "json", "--detail", *args)
    assert done.status == ExitStatus.OK, done.stderr
    return [entry for day in json.loads(done.stdout)["days"] for entry in day["entries"]]


def close(value: float) -> object:
    """Equal as JSON writes numbers, to four decimals."""
    return pytest.approx(value, rel=1e-9, abs=1e-3)


def _sum(entries: list[dict], field: str) -> float:
    return sum(entry[field] for entry in entries)


def test_a_recipe_totals_its_ingredients_exactly(camg, folder):
    ingredients = _log(camg, folder, "\n".join(BOWL["items"]) + "\n")
    whole, serving, by_weight = _log(
        camg, folder, "1 batch breakfast bowl\n1 serving breakfast bowl\n200 g breakfast bowl\n"
    )
    weight = _sum(ingredients, "grams")
    for field in ("calcium_mg", "magnesium_mg"):
        assert whole[field] == close(_sum(ingredients, field))
        assert serving[field] == close(_sum(ingredients, field) / BOWL["serves"])
        assert by_weight[field] == close(_sum(ingredients, field) * 200 / weight)
    assert (whole["grams"], serving["grams"]) == (
        close(weight),
        close(weight / BOWL["serves"]),
    )
    assert whole["food_source"] == "recipes.toml: recipe, serves 2"


def test_the_total_is_the_ingredients_sum_to_the_last_digit(folder):
    """In the core, before any rounding for output."""
    from camg import foodtable, sources, tables
    from camg.resolve import resolve_text

    sources.install(recipes=["recipes.toml"])
    try:
        weight = math.fsum(resolve_text(item).grams for item in BOWL["items"])
        calcium = math.fsum(
            resolve_text(item).grams * tables.food_values(resolve_text(item).food_id)[2] / 100
            for item in BOWL["items"]
        )
        recipe = foodtable.food("recipe:breakfast-bowl")
        assert recipe is not None
        assert recipe.calcium_mg * weight / 100 == pytest.approx(calcium, rel=1e-15)
    finally:
        sources.install()


def test_a_cooked_weight_sets_the_values_per_100_g(camg, folder):
    soup = DEFINED["lentil soup"]
    ingredients = _log(camg, folder, "\n".join(soup["items"]) + "\n")
    [hundred] = _log(camg, folder, "100 g lentil soup\n")
    expected = _sum(ingredients, "calcium_mg") / soup["total_grams"] * 100
    assert hundred["calcium_mg"] == close(expected)
    [pot] = _log(camg, folder, "1 batch of soup\n")  # by its alias
    assert pot["grams"] == soup["total_grams"]


def test_recipes_use_recipes_and_detail_breaks_them_down(camg, folder):
    brunch = DEFINED["sunday brunch"]
    parts = _log(camg, folder, "\n".join(brunch["items"]) + "\n")
    [entry] = _log(camg, folder, "1 serving sunday brunch\n")
    assert entry["calcium_mg"] == close(_sum(parts, "calcium_mg") / brunch["serves"])
    shown = entry["ingredients"]
    assert [part["text"] for part in shown] == brunch["items"]
    assert _sum(shown, "calcium_mg") == close(entry["calcium_mg"])
    assert _sum(shown, "grams") == close(entry["grams"])


def test_half_the_bowl_is_half_a_serving(camg, folder):
    half, serving = _log(camg, folder, "half the breakfast bowl\n1 serving breakfast bowl\n")
    assert half["calcium_mg"] == close(serving["calcium_mg"] / 2)


def test_the_docs_log_block_defines_the_recipe_it_uses(camg, folder):
    entries = _log(camg, folder, BLOCK)
    ingredients = _log(
        camg, folder, "1 lb ground beef; 1 can kidney beans\n2 cups canned tomatoes\n"
    )
    [chili] = entries
    assert chili["food_id"] == "recipe:chili"
    assert chili["calcium_mg"] == close(_sum(ingredients, "calcium_mg") / 4)
    assert chili["food_source"] == "day.txt: recipe, serves 4"


def test_an_unknown_value_stays_unknown(camg, folder):
    (folder / "day.txt").write_text(
        "recipe: cheesy toast, serves 1\n1 slice bread; 30 g #01188\nend recipe\n"
        "2026-11-20\n1 serving cheesy toast\n",
        encoding="utf-8",
    )
    done = camg("log", "day.txt", "-f", "json", "--detail")
    day = json.loads(done.stdout)["days"][0]
    [entry] = day["entries"]
    assert entry["magnesium_mg"] is None and entry["calcium_mg"] > 0  # SR28 lacks its Mg
    assert day["incomplete"]


BAD_BLOCKS = {
    "cycle": (
        "recipe: a, serves 1\n1 serving b\nend recipe\nrecipe: b, serves 1\n1 serving a\n"
        "end recipe\n1 cup milk\n",
        "recipes may not use themselves",
    ),
    "unended": ("recipe: a, serves 1\n1 cup milk\n", 'end its items with a line "end recipe"'),
    "no yield": ("recipe: a\n1 cup milk\nend recipe\n", "give its yield"),
    "unknown": ("recipe: a, serves 2\n1 cup flibbertigibbet\nend recipe\n", "unknown food"),
}


@pytest.mark.parametrize("case", list(BAD_BLOCKS))
def test_a_bad_log_recipe_is_an_error_at_its_line(camg, folder, case):
    text, said = BAD_BLOCKS[case]
    (folder / "day.txt").write_text(text, encoding="utf-8")
    done = camg("log", "day.txt", "--lenient")
    assert (done.status, done.stdout) == (ExitStatus.TROUBLE, "")
    lines = done.stderr.splitlines()
    assert any(re.match(r"day\.txt:\d+: ", line) and said in line for line in lines), lines


def test_a_recipe_named_like_ones_food_is_refused(camg, folder):
    (folder / "foods.toml").write_text(
        '[foods."chili"]\nper = "100 g"\ncalcium_mg = 30\nmagnesium_mg = 25\n'
        'source = "jar label, 2026"\n',
        encoding="utf-8",
    )
    (folder / "day.txt").write_text(BLOCK, encoding="utf-8")
    done = camg("log", "day.txt", "--foods", "foods.toml")
    assert done.status == ExitStatus.TROUBLE
    assert done.stderr.startswith('day.txt:1: recipe "chili": the name "chili" is already')


def test_search_and_show_list_recipes(camg, folder):
    found = camg("foods", "search", "breakfast", "bowl", "--recipes", "recipes.toml", "-f", "json")
    assert json.loads(found.stdout)[0]["id"] == "recipe:breakfast-bowl"
    shown = camg(
        "foods", "show", "recipe:breakfast-bowl", "--recipes", "recipes.toml", "-f", "json"
    )
    portions = [p["portion"] for p in json.loads(shown.stdout)["portions"]]
    assert portions == ["1 serving", "1 batch"]
    assert not math.isnan(json.loads(shown.stdout)["calcium_mg"])


def test_the_issues_form_with_ones_own_oat_milk(camg, folder):
    """The breakfast bowl as first asked for: its oat milk is the docs' own food."""
    own = (ROOT / "docs" / "custom-foods.md").read_text(encoding="utf-8")
    (folder / "my-foods.toml").write_text(
        re.findall(r"```toml\n(.*?)```", own, flags=re.DOTALL)[0], encoding="utf-8"
    )
    (folder / "bowl.toml").write_text(
        '[recipes."breakfast bowl"]\nserves = 2\n'
        'items = ["2 cups oat milk", "1 oz pumpkin seeds", "2 bananas"]\n',
        encoding="utf-8",
    )
    (folder / "day.txt").write_text(
        "2 cups oat milk\n1 oz pumpkin seeds\n2 bananas\n1 serving breakfast bowl\n", "utf-8"
    )
    done = camg(
        "log",
        "day.txt",
        "--foods",
        "my-foods.toml",
        "--recipes",
        "bowl.toml",
        "-f",
        "json",
        "--detail",
    )
    *parts, serving = json.loads(done.stdout)["days"][0]["entries"]
    assert parts[0]["food_id"] == "my:fortified-oat-milk"
    assert serving["calcium_mg"] == close(_sum(parts, "calcium_mg") / 2)
    assert serving["magnesium_mg"] == close(_sum(parts, "magnesium_mg") / 2)


def test_the_docs_cycle_is_said_as_the_docs_say(camg, folder):
    cycle = re.findall(r"```toml\n(.*?)```", DOC, flags=re.DOTALL)[1]
    [said] = re.findall(r"```text\n(.*?)```", DOC, flags=re.DOTALL)
    (folder / "recipes.toml").write_text(cycle, encoding="utf-8")
    (folder / "day.txt").write_text("1 cup milk\n", encoding="utf-8")
    done = camg("log", "day.txt", "--recipes", "recipes.toml")
    assert (done.status, done.stderr) == (ExitStatus.TROUBLE, said)
