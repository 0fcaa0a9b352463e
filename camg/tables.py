"""The bundled data tables, loaded once per process.

The tables are built by scripts/build_foods.py (foods, portions) or curated by
hand with SR28 ids (aliases, reference values). In a wheel they live in
camg/data; in a source checkout, in data/ at the top of the repository.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

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


@dataclass(frozen=True)
class Portion:
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
def portions() -> dict[str, tuple[Portion, ...]]:
    """Household measures by food id, in SR28's own order."""
    table: dict[str, list[Portion]] = {}
    for row in read_rows("portions.csv"):
        portion = Portion(
            int(row["seq"]), float(row["amount"]), row["measure"], float(row["grams"])
        )
        table.setdefault(row["food_id"], []).append(portion)
    return {food_id: tuple(items) for food_id, items in table.items()}


def portions_of(food_id: str) -> tuple[Portion, ...]:
    return portions().get(food_id, ())
