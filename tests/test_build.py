"""Rebuilding the tables from the SR28 release gives the committed files, byte for byte."""

from __future__ import annotations

import csv
import importlib.util

import pytest

from tests.conftest import ROOT, SR28

pytestmark = pytest.mark.skipif(
    not (SR28 / "NUT_DATA.txt").is_file(),
    reason=f"SR28 release files not found in {SR28} (set CAMG_SR28 to their folder)",
)


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_foods", ROOT / "scripts" / "build_foods.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    assert _build_module().main([str(SR28), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("name", ["foods.csv", "portions.csv"])
def test_rebuild_is_byte_identical(rebuilt, name):
    assert (rebuilt / name).read_bytes() == (ROOT / "data" / name).read_bytes()


def test_calcium_and_magnesium_match_nut_data_for_every_food():
    """An independent reading of NUT_DATA.txt, not the build script's."""
    source: dict[tuple[str, str], float] = {}
    with (SR28 / "NUT_DATA.txt").open(encoding="latin-1") as handle:
        for line in handle:
            fields = line.rstrip("\r\n").split("^")
            food_id, nutrient = fields[0].strip("~"), fields[1].strip("~")
            if nutrient in ("301", "304"):
                source[(food_id, nutrient)] = float(fields[2])
    with (ROOT / "data" / "foods.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8789
    for row in rows:
        for nutrient, column in (("301", "calcium_mg"), ("304", "magnesium_mg")):
            expected = source.get((row["id"], nutrient))
            if expected is None:
                assert row[column] == "", (row["id"], column)
            else:
                assert float(row[column]) == expected, (row["id"], column)
