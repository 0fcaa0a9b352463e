#!/usr/bin/env python3
"""Build camg's food and portion tables from the USDA SR28 release files.

Every nutrient number camg uses passes through this script, so the committed
tables can always be traced back to (and rebuilt byte for byte from) the
source. Only the standard library is used: the build must not depend on the
versions of camg's runtime libraries.

Usage: python scripts/build_foods.py [SR28_DIR] [--out DATA_DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "usda-sr28"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"

# SR28 nutrient numbers (NUTR_DEF.Nutr_No) -> column names in foods.csv.
NUTRIENTS = {
    "208": "energy_kcal",
    "301": "calcium_mg",
    "304": "magnesium_mg",
    "305": "phosphorus_mg",
}

FOOD_COLUMNS = [
    "id",
    "name",
    "group",
    "common_names",
    "manufacturer",
    "survey",
    "refuse_pct",
    *NUTRIENTS.values(),
]
PORTION_COLUMNS = ["food_id", "seq", "amount", "measure", "grams", "unit_grams"]

_LINE_END = re.compile(r"\r\n|\r|\n")


def read_records(path: Path) -> Iterator[list[str]]:
    """Yield the fields of each record of an SR28 ASCII file.

    Fields are `^`-separated and text fields are wrapped in `~`; lines end in
    CRLF, with stray bare CRs and a missing final line end in some files.
    """
    text = path.read_bytes().decode("latin-1")
    for line in _LINE_END.split(text):
        if line:
            yield [field.strip("~") for field in line.split("^")]


def build_foods(source: Path) -> list[dict[str, str]]:
    groups = dict(read_records(source / "FD_GROUP.txt"))
    values: dict[str, dict[str, str]] = {}
    for record in read_records(source / "NUT_DATA.txt"):
        food_id, nutr_no, value = record[0], record[1], record[2]
        if nutr_no in NUTRIENTS and value != "":
            values.setdefault(food_id, {})[NUTRIENTS[nutr_no]] = value
    foods = []
    for record in read_records(source / "FOOD_DES.txt"):
        food_id = record[0]
        row = {
            "id": food_id,
            "name": record[2],
            "group": groups[record[1]],
            "common_names": record[4],
            "manufacturer": record[5],
            "survey": record[6],
            "refuse_pct": record[8],
        }
        # A nutrient without a row in NUT_DATA is unknown: leave the cell empty.
        known = values.get(food_id, {})
        row.update({column: known.get(column, "") for column in NUTRIENTS.values()})
        foods.append(row)
    foods.sort(key=lambda row: row["id"])
    return foods


def build_portions(source: Path) -> list[dict[str, str]]:
    portions = []
    for record in read_records(source / "WEIGHT.txt"):
        food_id, seq, amount, measure, grams = record[:5]
        unit_grams = float(grams) / float(amount)
        portions.append(
            {
                "food_id": food_id,
                "seq": seq,
                "amount": amount,
                "measure": measure,
                "grams": grams,
                "unit_grams": f"{unit_grams:.6g}",
            }
        )
    portions.sort(key=lambda row: (row["food_id"], int(row["seq"])))
    return portions


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help="folder holding the SR28 ASCII files",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder to write foods.csv and portions.csv into",
    )
    args = parser.parse_args(argv)
    if not (args.source / "FOOD_DES.txt").is_file():
        parser.error(f"no SR28 release in {args.source} (FOOD_DES.txt not found)")
    args.out.mkdir(parents=True, exist_ok=True)
    foods = build_foods(args.source)
    portions = build_portions(args.source)
    write_csv(args.out / "foods.csv", FOOD_COLUMNS, foods)
    write_csv(args.out / "portions.csv", PORTION_COLUMNS, portions)
    print(f"wrote {len(foods)} foods and {len(portions)} portions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
