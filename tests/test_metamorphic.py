"""Metamorphic properties of whole logs: ways of writing the same days that must not change
their numbers (day order, comments and blank lines, one file or several, one line or many)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camg.engine import Options, build_report
from camg.parser import ParsedLog, parse
from camg.resolve import resolve_log
from tests.conftest import ROOT

RANGE = Options(low=2.0, high=2.8)
WEEK = (ROOT / "examples" / "week.txt").read_text(encoding="utf-8")
# The example week's days, each a dated heading and its meal lines.
DAYS = [block.strip() for block in re.split(r"\n(?=\d{4}-\d\d-\d\d)", WEEK) if block[:1].isdigit()]


def totals(*texts: str) -> dict[object, tuple[float, float]]:
    """Each date's calcium and magnesium, from one or several log files."""
    log = ParsedLog(days=[], problems=[])
    for number, text in enumerate(texts):
        parse(text, f"part{number}.txt", into=log)
    resolved = resolve_log(log)
    assert not resolved.problems
    report = build_report(resolved, RANGE)
    return {day.date: (day.calcium_mg, day.magnesium_mg) for day in report.days}


def same(a: dict[object, tuple[float, float]], b: dict[object, tuple[float, float]]) -> None:
    assert a.keys() == b.keys()
    for when, (calcium, magnesium) in a.items():
        assert b[when] == (pytest.approx(calcium), pytest.approx(magnesium))


WHOLE = totals("\n\n".join(DAYS))
ORDERS = st.permutations(range(len(DAYS)))


def test_the_example_week_has_days_to_permute():
    assert len(DAYS) >= 5 and len(WHOLE) == len(DAYS)
    assert all(calcium > 0 and magnesium > 0 for calcium, magnesium in WHOLE.values())


@settings(max_examples=25, deadline=None)
@given(ORDERS)
def test_the_order_of_days_never_changes_a_day(order):
    same(WHOLE, totals("\n\n".join(DAYS[i] for i in order)))


@settings(max_examples=25, deadline=None)
@given(ORDERS, st.integers(min_value=1, max_value=len(DAYS) - 1))
def test_a_log_cut_into_two_files_gives_the_same_days(order, cut):
    days = [DAYS[i] for i in order]
    same(WHOLE, totals("\n\n".join(days[:cut]), "\n\n".join(days[cut:])))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["", "# a comment", "   ", "#"]), min_size=1, max_size=4))
def test_comments_and_blank_lines_between_lines_change_nothing(fillers):
    padded = "\n".join(
        f"{line}\n{fillers[number % len(fillers)]}"
        for number, line in enumerate("\n\n".join(DAYS).splitlines())
    )
    same(WHOLE, totals(padded))


def test_items_on_one_line_or_one_per_line_give_the_same_days():
    """ "meal: a; b; c" and the same items each on its own line under the heading."""
    one_per_line = []
    for line in "\n\n".join(DAYS).splitlines():
        meal, colon, items = line.partition(": ")
        if colon and ";" in items:
            one_per_line.append(f"{meal}:")
            one_per_line.extend(item.strip() for item in items.split(";"))
        else:
            one_per_line.append(line)
    same(WHOLE, totals("\n".join(one_per_line)))
