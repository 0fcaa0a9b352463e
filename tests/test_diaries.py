"""Three diaries transcribed from published food diaries (sources at the top of each file),
read as golden tests: the days they name, every entry with its food and weight, and every
line camg could not use, with its reason.

After an intended change of reading, regenerate with:
    CAMG_UPDATE_GOLDEN=1 python -m pytest tests/test_diaries.py
and review the diff of tests/golden/diaries/ line by line.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest

from tests.conftest import ROOT

DIARIES = "tests/diaries"  # relative: file names in messages and goldens do not vary
GOLDEN = ROOT / "tests" / "golden" / "diaries"
NAMES = ["us-office-week", "uk-week", "vegan-athlete"]
# The days each diary names, in the order camg reports them: days without a calendar date
# (and headings whose weekday does not fall on the date) first, as written, then by date.
DAYS = {
    "us-office-week": [
        (None, ["Food Journal Challenge: Day 1"]),
        ("2008-05-09", ["Friday"]),
        ("2008-05-24", ["Saturday"]),
        ("2012-05-09", ["Wednesday"]),
    ],
    "uk-week": [
        (None, ["Monday (example food diary)"]),
        (None, ["Saturday 9th April"]),
        (None, ["Sunday 10th April"]),
        (None, ["Monday 11th April"]),
        (None, ["Tuesday 12th April"]),
        ("2009-01-13", ["Tuesday"]),
        ("2009-01-14", ["Wednesday"]),
        ("2009-01-20", ["Tuesday"]),
    ],
    "vegan-athlete": [
        ("2017-09-14", ["on prep, 8 weeks out from show day"]),
        ("2019-03-21", ["ran 6 miles in the morning"]),
    ],
}


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", NAMES)
def test_diary_reads_the_days_it_names(camg, name):
    done = camg("log", f"{DIARIES}/{name}.txt", "--lenient", "--format", "json")
    assert done.status == 0, done.stderr
    days = json.loads(done.stdout)["days"]
    assert [(day["date"], day["labels"]) for day in days] == DAYS[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_diary_line_is_an_entry_or_a_reported_problem(camg, name):
    path = ROOT / DIARIES / f"{name}.txt"
    done = camg("log", f"{DIARIES}/{name}.txt", "--lenient", "--format", "csv", "--detail")
    entries = {int(row["line"]) for row in csv.DictReader(io.StringIO(done.stdout))}
    reported = {int(line) for line in re.findall(rf"{name}\.txt:(\d+):", done.stderr)}
    text = path.read_text(encoding="utf-8").splitlines()
    food_lines = {
        number
        for number, line in enumerate(text, start=1)
        if line.strip() and not line.startswith("#") and number not in _headings(camg, path)
    }
    assert food_lines <= entries | reported


def _headings(camg, path) -> set[int]:
    """Lines that are only a day or meal heading: no item to account for."""
    from camg.parser import parse

    parsed = parse(path.read_text(encoding="utf-8"), str(path))
    item_lines = {item.line for day in parsed.days for item in day.items}
    problem_lines = {problem.line for day in parsed.days for problem in day.problems}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        number
        for number, line in enumerate(lines, start=1)
        if line.strip() and number not in item_lines and number not in problem_lines
    }


@pytest.mark.parametrize("name", NAMES)
def test_diary_entries_and_problems_match_the_golden_files(camg, name):
    done = camg("log", f"{DIARIES}/{name}.txt", "--lenient", "--format", "csv", "--detail")
    shown = done.stdout + "\n--- stderr ---\n" + done.stderr
    golden = GOLDEN / f"{name}.csv.txt"
    if os.environ.get("CAMG_UPDATE_GOLDEN"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")
