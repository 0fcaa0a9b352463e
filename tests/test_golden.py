"""Golden outputs of the example logs in every format.

After an intended change of output, regenerate with:
    CAMG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "week.table.txt": ["examples/week.txt"],
    "week.json": ["examples/week.txt", "--format", "json"],
    "week.csv": ["examples/week.txt", "--format", "csv"],
    "week.tsv": ["examples/week.txt", "--format", "tsv"],
    "week.molar.table.txt": [
        "examples/week.txt",
        "--basis",
        "molar",
        "--sex",
        "female",
        "--age",
        "35",
    ],
    "day.table.txt": ["examples/day.txt"],
    "day.detail.table.txt": ["examples/day.txt", "--detail"],
    "day.json": ["examples/day.txt", "--format", "json"],
    "day.detail.csv": ["examples/day.txt", "--format", "csv", "--detail"],
    "day.tsv": ["examples/day.txt", "--format", "tsv"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden_file(camg, monkeypatch, name):
    monkeypatch.chdir(ROOT)
    result = camg("log", *CASES[name])
    assert result.status == 0, result.stderr
    golden = GOLDEN / name
    if os.environ.get("CAMG_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
