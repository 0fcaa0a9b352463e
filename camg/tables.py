"""The bundled data tables, loaded once per process.

The tables are built by scripts/build_foods.py (foods, portions) or curated by
hand with SR28 ids (aliases, reference values). In a wheel they live in
camg/data; in a source checkout, in data/ at the top of the repository.
"""

from __future__ import annotations

import csv
import math
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

NUTRIENT_COLUMNS = ["energy_kcal", "calcium_mg", "magnesium_mg", "phosphorus_mg"]


def data_dir() -> Path:
    """Where the tables are: inside the installed package, else the checkout's data/."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "foods.csv").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_tuples(name: str) -> list[list[str]]:
    """A table's rows as lists, header dropped: for the tables read on every run."""
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        return list(rows)


@cache
def foods() -> pd.DataFrame:
    """The food table indexed by id; unknown nutrient values are NaN, never 0."""
    import pandas as pd

    text_columns = ["id", "name", "group", "common_names", "manufacturer", "survey"]
    frame = pd.read_csv(
        data_dir() / "foods.csv",
        dtype={column: str for column in text_columns},
        keep_default_na=False,
        na_values={column: [""] for column in NUTRIENT_COLUMNS},
    )
    return frame.set_index("id", drop=False)


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
    columns, lines, _ = _sorted_rows("foods.csv")
    if tuple(columns) != FoodRow._fields:
        raise ValueError(f"foods.csv has columns {columns}, expected {FoodRow._fields}")
    return tuple(
        FoodRow(*row[:7], *(_number(value) for value in row[7:])) for row in csv.reader(lines)
    )


@cache
def _sorted_rows(name: str) -> tuple[list[str], list[str], list[str]]:
    """A table sorted by its first column (a food id): its columns, its lines and the
    ids that start them, so that a command needing a few foods finds their rows by
    bisection and parses only those."""
    header, *lines = (data_dir() / name).read_text(encoding="utf-8").splitlines()
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
def food_values(food_id: str) -> tuple[str, float, float, float] | None:
    """A food's name and its energy, calcium and magnesium per 100 g (NaN: unknown)."""
    values = food_row(food_id)
    if values is None:
        return None
    return (
        values["name"],
        *(_number(values[column]) for column in ("energy_kcal", "calcium_mg", "magnesium_mg")),
    )


def _number(text: str) -> float:
    return float(text) if text else math.nan


class Portion(NamedTuple):
    """One SR28 household measure of a food: `amount` x `measure` weighs `grams`."""

    seq: int
    amount: float
    measure: str
    grams: float

    @property
    def unit_grams(self) -> float:
        return self.grams / self.amount

    @property
    def label(self) -> str:
        amount = f"{self.amount:g}"
        return f"{amount} {self.measure}"


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
