"""Food resolution on the evaluation set of everyday phrases: the bar is 95% top-1."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT

BAR = 0.95


def _evaluator():
    path = ROOT / "scripts" / "eval_phrases.py"
    spec = importlib.util.spec_from_file_location("eval_phrases", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_evaluation_set_is_large_and_varied():
    text = (ROOT / "tests" / "data" / "phrases.csv").read_text(encoding="utf-8")
    rows = text.strip().splitlines()[1:]
    assert len(rows) >= 200


def test_top1_food_and_weight_accuracy_meets_the_bar():
    result = _evaluator().evaluate()
    shown = "\n".join(result.failures)
    assert result.accuracy >= BAR, f"{result.accuracy:.1%} < {BAR:.0%}:\n{shown}"


# A second set, written later and independently from published menus and recipe
# ingredient lists (harder wording): a guard against regressions, just below the level
# reached so far, not the 95% bar of the main set.
MENUS_FLOOR = 0.93


def test_menu_phrases_do_not_regress():
    result = _evaluator().evaluate(ROOT / "tests" / "data" / "phrases-menus.csv")
    assert result.total >= 200
    assert result.accuracy >= MENUS_FLOOR, "\n".join(result.failures)


# Lines copied from published menus, serving guides and diaries (source per line). The
# issue's bars are 92% right and at most 1% silently wrong; these floors guard the level
# reached so far (README) against regressions while the reading work goes on.
PUBLISHED_FLOOR = 0.92
PUBLISHED_SILENT_CEILING = 0.03


def test_published_lines_do_not_regress():
    result = _evaluator().evaluate(ROOT / "tests" / "data" / "phrases-published.csv")
    assert result.total >= 300
    assert result.accuracy >= PUBLISHED_FLOOR, "\n".join(result.failures)
    assert result.silent_rate <= PUBLISHED_SILENT_CEILING, "\n".join(result.failures)


def test_published_lines_name_their_source():
    import csv

    with (ROOT / "tests" / "data" / "phrases-published.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(row["source"].strip() for row in rows)
    assert {row["region"] for row in rows} >= {"US", "UK", "AU"}


def test_validation_lines_do_not_regress():
    result = _evaluator().evaluate(ROOT / "tests" / "data" / "phrases-validation.csv")
    assert result.total >= 250
    assert result.accuracy >= 0.84, "\n".join(result.failures)
    assert result.silent_rate <= 0.02, "\n".join(result.failures)


@pytest.mark.parametrize(
    ("name", "floor", "most_silent"),
    [
        ("phrases-dev.csv", 0.66, 0.04),
        ("phrases-dev2.csv", 0.70, 0.04),
        ("phrases-dev3.csv", 0.70, 0.04),
        ("phrases-dev4.csv", 0.65, 0.04),
        ("phrases-dev5.csv", 0.57, 0.04),
        ("phrases-dev6.csv", 0.51, 0.04),
        ("phrases-dev7.csv", 0.84, 0.04),
        ("phrases-dev8.csv", 0.48, 0.04),
        ("phrases-dev9.csv", 0.45, 0.04),
        # menus that write carbohydrate grams in brackets, read as weights (docs/log-format.md)
        ("phrases-dev10.csv", 0.40, 0.09),
        ("phrases-dev11.csv", 0.44, 0.04),
        ("phrases-check.csv", 0.66, 0.04),
        ("phrases-check2.csv", 0.53, 0.04),
        ("phrases-check3.csv", 0.38, 0.04),
    ],
)
def test_later_published_sets_do_not_regress_and_name_their_sources(name, floor, most_silent):
    import csv

    path = ROOT / "tests" / "data" / name
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 140 and all(row["source"].strip() for row in rows)
    result = _evaluator().evaluate(path)
    assert result.accuracy >= floor, "\n".join(result.failures)
    assert result.silent_rate <= most_silent, "\n".join(result.failures)
