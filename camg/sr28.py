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
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING, Any

from camg import tables
from camg.foodtable import Food
from camg.tables import Portion

if TYPE_CHECKING:
    import pandas as pd

NUTRIENT_COLUMNS = ["energy_kcal", "calcium_mg", "magnesium_mg", "phosphorus_mg"]
LABEL = "USDA SR28"
_ID = re.compile(r"#?(\d{4,5})")


def pinned_id(text: str) -> str | None:
    """ "#11457", "11457", "#9040": an SR28 id (4 or 5 digits) as the table writes it."""
    found = _ID.fullmatch(text.strip())
    return found.group(1).zfill(5) if found else None


@cache
def foods() -> pd.DataFrame:
    """The food table indexed by id; unknown nutrient values are NaN, never 0."""
    import pandas as pd

    text_columns = ["id", "name", "group", "common_names", "manufacturer", "survey"]
    frame = pd.read_csv(
        tables.data_dir() / "foods.csv",
        dtype={column: str for column in text_columns},
        keep_default_na=False,
        na_values={column: [""] for column in NUTRIENT_COLUMNS},
    )
    return frame.set_index("id", drop=False)


@cache
def _sorted_rows(name: str) -> tuple[list[str], list[str], list[str]]:
    """A table sorted by its first column (a food id): its columns, its lines and the
    ids that start them."""
    header, *lines = (tables.data_dir() / name).read_text(encoding="utf-8").splitlines()
    return header.split(","), lines, [line[:5] for line in lines]


@cache
def food_row(food_id: str) -> dict[str, str] | None:
    """A food's row of the food table as text, found without loading the whole table."""
    columns, lines, ids = _sorted_rows("foods.csv")
    at = bisect_left(ids, food_id)
    if at == len(ids) or ids[at] != food_id:
        return None
    return dict(zip(columns, next(csv.reader([lines[at]])), strict=True))


@cache
def portions_of(food_id: str) -> tuple[Portion, ...]:
    """A food's household measures in SR28's own order (parsed on first use)."""
    _, lines, ids = _sorted_rows("portions.csv")
    rows = csv.reader(lines[bisect_left(ids, food_id) : bisect_right(ids, food_id)])
    return tuple(
        Portion(int(seq), float(amount), measure, float(grams))
        for _, seq, amount, measure, grams, _ in rows
    )


def portion_food_ids() -> list[str]:
    """Every food that has household measures."""
    return list(dict.fromkeys(_sorted_rows("portions.csv")[2]))


@cache
def food_names() -> list[tuple[str, str, str]]:
    """Every food's id, name and group, without loading the whole table into pandas."""
    columns, lines, _ = _sorted_rows("foods.csv")
    name, group = columns.index("name"), columns.index("group")
    return [(row[0], row[name], row[group]) for row in csv.reader(lines)]


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
    label = LABEL

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
