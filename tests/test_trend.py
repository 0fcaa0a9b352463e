"""`camg trend`: the chart in the terminal (golden text at 80 and 120 columns) and as
an image file."""

from __future__ import annotations

import os
import sys

import pytest

from tests.conftest import ROOT, modules_loaded

LOG = str(ROOT / "tests" / "logs" / "new-year.txt")
GOLDEN = ROOT / "tests" / "golden" / "trend"


@pytest.mark.parametrize("columns", [80, 120])
def test_the_chart_matches_its_golden_text_when_piped(camg, columns):
    result = camg("trend", LOG, "-q", env={"COLUMNS": str(columns)})
    assert result.status == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    golden = GOLDEN / f"new-year.{columns}.txt"
    if os.environ.get("CAMG_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_the_chart_shows_the_band_the_marks_and_the_summary(camg):
    out = camg("trend", LOG, "-q", "--range", "2:3", env={"COLUMNS": "80"}).stdout
    axis = [line.split("┤")[0].split("├")[0].strip() for line in out.splitlines()]
    assert "2" in axis and "3" in axis  # the band's edges are labelled on the axis
    assert "range 2 to 3" in out
    assert "x day out of range" in out and "7-day ratio" in out
    assert "10 days from 2027-12-27 to 2028-03-01" in out


def test_no_color_keeps_the_chart_plain(camg):
    result = camg("trend", LOG, "-q", env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.status == 0
    assert "\x1b" not in result.stdout


def test_the_chart_is_coloured_only_on_a_terminal(camg, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    coloured = camg("trend", LOG, "-q").stdout
    assert "\x1b[" in coloured
    plain = camg("trend", LOG, "-q", env={"NO_COLOR": "1"}).stdout
    assert "\x1b" not in plain


def test_a_log_without_dates_has_no_chart(camg):
    result = camg("trend", "-", stdin="Day 1\n1 cup milk\n")
    assert result.status == 0
    assert "no dated day with food entries" in result.stdout


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_output_writes_an_image_that_needs_no_network(camg, tmp_path, suffix):
    target = tmp_path / f"trend{suffix}"
    result = camg("trend", LOG, "-q", "--output", str(target))
    assert result.status == 0, result.stderr
    data = target.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        text = data.decode("utf-8")
        assert "<svg" in text and "Ca:Mg by day" in text
        # Only XML namespace names: nothing to fetch.
        assert 'href="http' not in text and "@import" not in text
    assert f"wrote {target}" in result.stderr


def test_output_of_another_kind_is_a_usage_error(camg, tmp_path):
    result = camg("trend", LOG, "--output", str(tmp_path / "trend.pdf"))
    assert result.status == 2
    assert "give a file ending in .svg or .png" in result.stderr
    assert not (tmp_path / "trend.pdf").exists()


def test_the_day_table_does_not_load_the_plotting_libraries():
    runs = [["log", "examples/day.txt", "-q"]]
    assert modules_loaded(runs, ("plotext", "matplotlib")) == []


def test_the_readme_shows_the_golden_chart():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chart = (GOLDEN / "new-year.80.txt").read_text(encoding="utf-8")
    assert f"$ camg trend tests/logs/new-year.txt\n{chart}```" in readme


def test_the_chart_data_for_scripts(camg):
    import csv
    import io
    import json

    data = json.loads(camg("trend", LOG, "-q", "--format", "json", "--last", "7d").stdout)
    assert [day["date"] for day in data["days"]] == ["2028-02-28", "2028-02-29", "2028-03-01"]
    assert data["period"]["days"] == 3 and data["range"]["low"] == 2.0
    logged = json.loads(camg("log", LOG, "-f", "json", "--last", "7d").stdout)["days"]
    assert [d["rolling_ratio_7d"] for d in data["days"]] == [d["rolling_ratio_7d"] for d in logged]
    rows = list(csv.DictReader(io.StringIO(camg("trend", LOG, "-f", "csv").stdout)))
    assert len(rows) == 10 and list(rows[0]) == [
        "date",
        "calcium_mg",
        "magnesium_mg",
        "ratio",
        "status",
        "rolling_ratio_7d",
    ]
