"""The bundled data tables, and the engine's way into the food table.

The tables are built by scripts/build_foods.py (foods, portions) or curated by
hand with SR28 ids (aliases, reference values). In a wheel they live in
camg/data; in a source checkout, in data/ at the top of the repository. A food's
values and measures are read through camg.foodtable, whichever source holds it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple


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


class Portion(NamedTuple):
    """One household measure of a food: `amount` x `measure` weighs `grams`."""

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


def food_values(food_id: str) -> tuple[str, float, float, float] | None:
    """A food's name and its energy, calcium and magnesium per 100 g (NaN: unknown), from
    whichever source of the food table holds it: the engine's way to read a food."""
    from camg import foodtable

    found = foodtable.food(food_id)
    if found is None:
        return None
    return found.name, found.energy_kcal, found.calcium_mg, found.magnesium_mg


def portions_of(food_id: str) -> tuple[Portion, ...]:
    """A food's household measures, from whichever source holds it."""
    from camg import foodtable

    return foodtable.portions_of(food_id)
