"""The USDA SR28 source of the food table, and its own rules: 5-digit ids (written with
or without their leading zeros), food groups, a food's row as the build script wrote it.

data/foods.csv and data/portions.csv are sorted by id, so a command that needs a few
foods finds their rows by bisection and parses only those; the whole table is loaded
into pandas only for ranking every description (camg.matching).
"""

from __future__ import annotations

import csv
import math
import re
from functools import cache
from typing import Any, NamedTuple

from camg import tables
from camg.foodtable import Food
from camg.tables import Portion
from camg.text import word_set

NUTRIENT_COLUMNS = ["energy_kcal", "calcium_mg", "magnesium_mg", "phosphorus_mg"]
LABEL = "USDA SR28"
_ID = re.compile(r"#?(\d{4,5})")


# -- SR28's naming habits and food groups: what matching and weighing need to know --------


# SR28 heads that name a category, not the food: "Nuts, almonds", "Fish, salmon, ...".
CATEGORY_HEADS = word_set(
    "nut seed fish crustacean mollusk spice beverage cheese game alcoholic fast food snack salad "
    "dressing"
)
# Words in many SR28 names that add little: they cost less than a real extra word.
BOILERPLATE = word_set(
    "raw fluid with vitamin a d and all commercial variety regular ns as to or ready added "
    "prepared from water tap include includes including mature seeds kernels solid "
    "drained unprepared plain type grade separable lean only trimmed fat 0 1 2 3 4 8 "
    "in skin meat part broiler fryer"
)
# Groups whose foods people mean raw, or cooked, unless they say otherwise.
RAW_BY_DEFAULT = frozenset(
    [
        "Fruits and Fruit Juices",
        "Vegetables and Vegetable Products",
        "Nut and Seed Products",
        "Spices and Herbs",
    ]
)
COOKED_BY_DEFAULT = frozenset(
    [
        "Poultry Products",
        "Beef Products",
        "Pork Products",
        "Lamb, Veal, and Game Products",
        "Finfish and Shellfish Products",
        "Legumes and Legume Products",
        "Cereal Grains and Pasta",
    ]
)
# Groups people rarely mean unless they say so, with the words that do say so.
NICHE_GROUPS = {
    "Baby Foods": word_set("baby babyfood infant toddler"),
    "Fast Foods": word_set(
        "fast mcdonald burger king wendy subway taco bell cheeseburger hamburger hotdog nugget "
        "burrito nacho quesadilla"
    ),
    "Restaurant Foods": word_set("restaurant chinese italian mexican applebee denny"),
    "American Indian/Alaska Native Foods": word_set(
        "alaska native navajo hopi apache shoshone inupiat yupik"
    ),
}
# A last word that says which group the words before it name: "bran flakes cereal".
KIND_WORDS = {"cereal": "Breakfast Cereals", "cookie": "Baked Products"}


def is_drink(name: str, group: str) -> bool:
    """A food SR28 lists as a drink: its "oz" on a menu are fluid ounces."""
    folded = name.lower()
    if group == "Beverages":
        return "powder" not in folded and "dry" not in folded
    if group == "Fruits and Fruit Juices":
        # "Tangerines, canned, juice pack" is fruit, packed in juice
        return "juice" in folded.replace("juice pack", "") and "undiluted" not in folded
    if group == "Legumes and Legume Products":
        return "soymilk" in folded  # "a 16 oz. glass of soy milk"
    return (
        group == "Dairy and Egg Products"
        and folded.startswith(("milk,", "kefir"))
        and ("fluid" in folded or "kefir" in folded)
    )


def pinned_id(text: str) -> str | None:
    """ "#11457", "11457", "#9040": an SR28 id (4 or 5 digits) as the table writes it."""
    found = _ID.fullmatch(text.strip())
    return found.group(1).zfill(5) if found else None


class FoodRow(NamedTuple):
    """One row of the food table; unknown nutrient values are NaN, never 0."""

    id: str
    name: str
    group: str
    common_names: str
    manufacturer: str
    survey: str
    refuse_pct: str
    energy_kcal: float
    calcium_mg: float
    magnesium_mg: float
    phosphorus_mg: float


@cache
def food_rows() -> tuple[FoodRow, ...]:
    """Every food, in id order, read without pandas: what `camg foods` and the word
    index over all foods need (importing pandas would cost more than the reading)."""
    columns, text = _table("foods.csv")
    if tuple(columns) != FoodRow._fields:
        raise ValueError(f"foods.csv has columns {columns}, expected {FoodRow._fields}")
    return tuple(
        FoodRow(*row[:7], *(_number(value) for value in row[7:]))
        for row in csv.reader(text.splitlines())
    )


@cache
def _table(name: str) -> tuple[list[str], str]:
    """A table sorted by its first column (a 5-digit food id): its columns, and the text
    of its rows, kept whole: a log that names a few foods finds their lines in it by
    bisection, without splitting the other thousands."""
    header, _, text = (tables.data_dir() / name).read_text(encoding="utf-8").partition("\n")
    return header.split(","), text


def _lines_of(name: str, food_id: str) -> list[str]:
    """The lines of a sorted table whose id is `food_id`, found by bisection on the text."""
    _, text = _table(name)
    low, high = 0, len(text)  # `low` is always the start of a line
    while low < high:
        start = text.rfind("\n", low, (low + high) // 2) + 1 or low
        if text[start : start + 5] < food_id:
            low = text.find("\n", start) + 1 or len(text)
        else:
            high = start
    lines = []
    while low < len(text) and text[low : low + 5] == food_id:
        end = text.find("\n", low)
        if end < 0:  # the last line, without its newline
            end = len(text)
        lines.append(text[low:end])
        low = end + 1
    return lines


@cache
def food_row(food_id: str) -> dict[str, str] | None:
    """A food's row of the food table as text, found without loading the whole table."""
    lines = _lines_of("foods.csv", food_id)
    if not lines:
        return None
    columns, _ = _table("foods.csv")
    return dict(zip(columns, next(csv.reader(lines[:1])), strict=True))


@cache
def portions_of(food_id: str) -> tuple[Portion, ...]:
    """A food's household measures in SR28's own order (parsed on first use)."""
    return tuple(
        Portion(int(seq), float(amount), measure, float(grams))
        for _, seq, amount, measure, grams, _ in csv.reader(_lines_of("portions.csv", food_id))
    )


def portion_food_ids() -> list[str]:
    """Every food that has household measures."""
    return list(dict.fromkeys(line[:5] for line in _table("portions.csv")[1].splitlines()))


@cache
def food_names() -> list[tuple[str, str, str]]:
    """Every food's id, name and group, without loading the whole table into pandas."""
    columns, text = _table("foods.csv")
    name, group = columns.index("name"), columns.index("group")
    return [(row[0], row[name], row[group]) for row in csv.reader(text.splitlines())]


def _number(text: str) -> float:
    return float(text) if text else math.nan


@cache
def _food(food_id: str) -> Food | None:
    row = food_row(food_id)
    if row is None:
        return None
    values = (_number(row[column]) for column in NUTRIENT_COLUMNS)
    return Food(food_id, row["name"], row["group"], LABEL, *values)


def food(food_id: str) -> Food | None:
    """An SR28 food by its 5-digit id."""
    return _food(food_id)


class SR28:
    """SR28 as a source: found by ranking its descriptions (camg.matching), not by name."""

    prefix = ""

    def food(self, food_id: str) -> Food | None:
        return _food(food_id)

    def portions(self, food_id: str) -> tuple[Portion, ...]:
        return portions_of(food_id)

    def named(self, phrase: str) -> str | None:
        return None

    def search(self, phrase: str, limit: int) -> list[str]:
        return []

    def breakdown(self, food_id: str, grams: float) -> list[dict[str, Any]]:
        return []


SOURCE = SR28()
