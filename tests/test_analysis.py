"""The core's one entry point, called as a library would: nothing printed, all problems back."""

from __future__ import annotations

import io

import pytest

from camg.analysis import Dates, analyse
from camg.engine import Options
from camg.errors import CamgError, Kind
from tests.conftest import ROOT

RANGE = Options(low=2.0, high=2.8)
WEEK = str(ROOT / "examples" / "week.txt")
LOG = b"2026-05-01\n1 cup milk\n1 cup kombucha\n50 kg cheddar\n30 g almonds\n"


def test_a_log_is_analysed_without_printing_anything(capsys):
    analysis = analyse([WEEK], None, RANGE)
    assert len(analysis.report.days) == 7
    assert all(day.ratio is not None for day in analysis.report.days)
    assert capsys.readouterr() == ("", "")


def test_every_line_not_understood_comes_back_at_once_with_the_summary(capsys):
    with pytest.raises(CamgError) as raised:
        analyse(["-"], io.BytesIO(LOG), RANGE)
    *lines, summary = raised.value.problems
    assert [(problem.line, problem.kind) for problem in lines] == [
        (3, Kind.UNKNOWN_FOOD),
        (4, Kind.BAD_AMOUNT),
    ]
    assert summary.message.startswith("2 of 4 lines not understood")
    assert capsys.readouterr() == ("", "")


def test_lenient_analysis_keeps_the_problems_and_totals_the_rest():
    analysis = analyse(["-"], io.BytesIO(LOG), RANGE, lenient=True)
    assert [problem.line for problem in analysis.resolved.problems] == [3, 4]
    [day] = analysis.report.days
    assert day.entry_count == 2


def test_a_date_window_says_what_it_left_out():
    text = b"Monday\n1 cup milk\n2026-05-01\n1 cup milk\n"
    analysis = analyse(["-"], io.BytesIO(text), RANGE, dates=Dates(start="2026-05-01"))
    assert [str(day.date) for day in analysis.report.days] == ["2026-05-01"]
    assert analysis.remarks == ["1 day(s) without a date left out: a date filter needs dated days"]
