"""`camg foods` through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.conftest import ROOT


def test_show_json_has_table_values_and_portions(camg):
    result = camg("foods", "show", "11457", "--format", "json")
    assert result.status == 0, result.stderr
    food = json.loads(result.stdout)
    assert food["id"] == "11457"
    assert food["name"] == "Spinach, raw"
    assert food["group"] == "Vegetables and Vegetable Products"
    assert (food["calcium_mg"], food["magnesium_mg"]) == (99, 79)
    cup = food["portions"][0]
    assert cup["portion"] == "1 cup" and cup["grams"] == 30
    assert cup["calcium_mg"] == 99 * 30 / 100
    assert cup["magnesium_mg"] == 79 * 30 / 100


def test_show_keeps_unknown_values_unknown(camg):
    food = json.loads(camg("foods", "show", "01188", "-f", "json").stdout)
    assert food["magnesium_mg"] is None
    assert food["ratio"] is None
    assert all(portion["magnesium_mg"] is None for portion in food["portions"])
    table = camg("foods", "show", "01188").stdout
    assert "unknown" in table


def test_show_accepts_ids_without_leading_zeros(camg):
    assert json.loads(camg("foods", "show", "1001", "-f", "json").stdout)["id"] == "01001"


def test_show_table_lists_every_portion(camg):
    result = camg("foods", "show", "11457")
    assert result.status == 0
    for measure in ("1 cup", "1 bunch", "1 leaf", "1 package (10 oz)"):
        assert measure in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_unknown_id_exits_2_with_one_line(camg):
    result = camg("foods", "show", "99999")
    assert result.status == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "99999" in result.stderr and "Traceback" not in result.stderr


def test_search_ranks_spinach_raw_first(camg):
    result = camg("foods", "search", "spinach", "raw", "--format", "json")
    found = json.loads(result.stdout)
    assert found[0]["id"] == "11457"
    assert {"id", "name", "group", "calcium_mg", "magnesium_mg", "portions"} <= set(found[0])
    assert found[0]["portions"][0] == {
        "portion": "1 cup",
        "grams": 30.0,
        "calcium_mg": 99 * 30 / 100,
        "magnesium_mg": 79 * 30 / 100,
    }


def test_search_limit_and_csv(camg):
    result = camg("foods", "search", "milk", "--limit", "3", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert list(rows[0]) == ["id", "name", "group", "calcium_mg", "magnesium_mg", "ratio"]


def test_search_prefers_generic_everyday_foods(camg):
    cases = {"banana": "Bananas, raw", "milk": "Milk", "almonds": "Nuts, almonds"}
    for words, expected_start in cases.items():
        first = json.loads(camg("foods", "search", words, "-f", "json").stdout)[0]
        assert first["name"].startswith(expected_start), (words, first["name"])


def test_bad_format_is_a_usage_error(camg):
    assert camg("foods", "search", "milk", "--format", "xml").status == 2


def test_python_dash_m_and_version():
    done = subprocess.run(
        [sys.executable, "-m", "camg", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("camg ")


def test_search_agrees_with_what_a_log_line_resolves_to(camg):
    from camg.resolve import resolve_text

    for words in ("whole milk", "porridge", "courgette"):
        first = json.loads(camg("foods", "search", words, "-f", "json").stdout)[0]
        assert first["id"] == resolve_text(f"100 g {words}").food_id
