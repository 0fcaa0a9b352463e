"""Date filters, the period summary, weeks and months, and the 7-day rolling ratio.

The fixture log (tests/logs/new-year.txt) runs from 2027-12-27 to 2028-03-01: ISO week
2027-W52 takes in 1 and 2 January 2028, and 2028 has a 29 February.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

from camg import periods
from camg.errors import CamgError
from tests.conftest import ROOT

LOG = str(ROOT / "tests" / "logs" / "new-year.txt")
DATES = [
    "2027-12-27",
    "2027-12-29",
    "2027-12-31",
    "2028-01-01",
    "2028-01-02",
    "2028-01-03",
    "2028-01-09",
    "2028-02-28",
    "2028-02-29",
    "2028-03-01",
]


def report(camg, *args: str) -> dict:
    result = camg("log", LOG, "--format", "json", "--suggest", "0", *args)
    assert result.status == 0, result.stderr
    return json.loads(result.stdout)


def dates_of(data: dict) -> list[str]:
    return [day["date"] for day in data["days"]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), DATES),
        (("--from", "2027-12-31"), DATES[2:]),
        (("--to", "2028-01-01"), DATES[:4]),
        (("--from", "2027-12-29", "--to", "2028-01-02"), DATES[1:5]),
        (("--from", "2028-02-29", "--to", "2028-02-29"), ["2028-02-29"]),
        (("--from", "2027-12-30", "--to", "2027-12-30"), []),
        (("--last", "1d"), ["2028-03-01"]),
        # 7 days ending on the log's last day: 2028-02-24 to 2028-03-01.
        (("--last", "7d"), DATES[7:]),
        (("--last", "2d"), DATES[8:]),
        # Two weeks back from --to: 2027-12-27 to 2028-01-09.
        (("--last", "2w", "--to", "2028-01-09"), DATES[:7]),
        (("--last", "1w", "--to", "2028-01-09"), ["2028-01-03", "2028-01-09"]),
        # A month back from 2028-03-01: the days after 2028-02-01.
        (("--last", "1m"), DATES[7:]),
        # Two months back: 2028-01-02 to 2028-03-01.
        (("--last", "2m"), DATES[4:]),
        (("--last", "3m"), DATES),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else None,
)
def test_filters_select_the_days_inside_both_edges(camg, args, expected):
    assert dates_of(report(camg, *args)) == expected


def test_last_with_today_counts_back_from_today(camg, monkeypatch):
    class Today(date):
        @classmethod
        def today(cls):
            return date(2028, 1, 3)

    monkeypatch.setattr("datetime.date", Today)
    assert dates_of(report(camg, "--last", "1w", "--today")) == DATES[1:6]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2028-02-30"), '--from "2028-02-30": give a date as YYYY-MM-DD'),
        (("--to", "3/1/2028"), '--to "3/1/2028": give a date as YYYY-MM-DD'),
        (("--last", "7"), '--last "7": give a number of days, weeks or months'),
        (("--last", "0d"), '--last "0d"'),
        (("--last", "2y"), '--last "2y"'),
        (("--from", "2028-01-02", "--to", "2028-01-01"), "--from 2028-01-02 is after --to"),
        (("--last", "7d", "--from", "2028-01-01"), "give --last or --from, not both"),
        (("--today",), "--today goes with --last"),
        (("--last", "7d", "--today", "--to", "2028-01-01"), "give --today or --to"),
    ],
)
def test_a_bad_filter_is_a_usage_error(camg, args, message):
    result = camg("log", LOG, *args)
    assert result.status == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_trend_takes_the_filters_too(camg):
    result = camg("trend", LOG, "--last", "9x")
    assert result.status == 2 and '--last "9x"' in result.stderr
    result = camg("trend", LOG, "--from", "2028-02-28")
    assert result.status == 0
    assert "3 days from 2028-02-28 to 2028-03-01" in result.stdout


def test_an_empty_period_says_so(camg):
    result = camg("log", LOG, "--from", "2030-01-01")
    assert result.status == 0
    assert "no day in the log from 2030-01-01" in result.stderr


def test_undated_days_are_left_out_by_a_filter_with_a_note(camg):
    text = "2028-01-01\n1 cup milk\n\nDay 2\n30 g almonds\n"
    result = camg("log", "-", "--from", "2027-01-01", "--format", "csv", stdin=text)
    assert result.status == 0, result.stderr
    assert "1 day(s) without a date left out" in result.stderr
    assert [row["date"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["2028-01-01"]


def test_the_period_ratio_is_total_calcium_over_total_magnesium(camg):
    data = report(camg)
    period = data["period"]
    calcium = sum(day["calcium_mg"] for day in data["days"])
    magnesium = sum(day["magnesium_mg"] for day in data["days"])
    assert period["ratio"] == pytest.approx(calcium / magnesium, abs=1e-3)
    assert period["total_calcium_mg"] == pytest.approx(calcium, abs=1e-2)
    assert period["days"] == 10 and period["complete_days"] == 10
    assert period["from"] == "2027-12-27" and period["to"] == "2028-03-01"
    statuses = [day["status"] for day in data["days"]]
    for name in ("within", "above", "below"):
        assert period[f"days_{name}"] == statuses.count(name)
    assert period["calcium_mg"] == pytest.approx(calcium / 10, abs=1e-2)
    # The existing summary keys stay as they were.
    assert data["summary"]["ratio_of_totals"] == pytest.approx(period["ratio"], abs=1e-3)


def test_means_are_over_complete_days_and_the_incomplete_ones_are_named(camg):
    text = (
        "2028-01-01\n1 cup milk\n30 g almonds\n\n"
        "2028-01-02\n2 cups milk\nflibbertigibbet 30 g\n\n"
        "2028-01-03\n60 g almonds\n"
    )
    result = camg("log", "-", "--lenient", "-q", "--format", "json", stdin=text)
    data = json.loads(result.stdout)
    period = data["period"]
    complete = [day for day in data["days"] if not day["incomplete"]]
    assert len(complete) == 2
    assert period["incomplete_days"] == 1 and period["complete_days"] == 2
    assert period["calcium_mg"] == pytest.approx(
        sum(day["calcium_mg"] for day in complete) / 2, abs=1e-2
    )
    everything = data["days"]
    assert period["ratio"] == pytest.approx(
        sum(d["calcium_mg"] for d in everything) / sum(d["magnesium_mg"] for d in everything),
        abs=1e-3,
    )
    table = camg("log", "-", "--lenient", "-q", "--suggest", "0", stdin=text).stdout
    assert "Mean per complete day" in table and "(1 incomplete day left out)" in table


def test_the_rolling_ratio_is_the_seven_calendar_days_ending_on_each_day(camg):
    data = report(camg)
    days = [(date.fromisoformat(day["date"]), day) for day in data["days"]]
    for when, day in days:
        window = [d for w, d in days if when - timedelta(days=6) <= w <= when]
        expected = sum(d["calcium_mg"] for d in window) / sum(d["magnesium_mg"] for d in window)
        assert day["rolling_ratio_7d"] == pytest.approx(expected, abs=1e-3), day["date"]
    by_date = {day["date"]: day for day in data["days"]}
    # The first day stands alone; 2028-01-09 has only 2028-01-03 in its window (a gap).
    assert by_date["2027-12-27"]["rolling_ratio_7d"] == by_date["2027-12-27"]["ratio"]
    pair = [by_date["2028-01-03"], by_date["2028-01-09"]]
    assert by_date["2028-01-09"]["rolling_ratio_7d"] == pytest.approx(
        sum(d["calcium_mg"] for d in pair) / sum(d["magnesium_mg"] for d in pair), abs=1e-3
    )


def test_detail_shows_the_rolling_ratio(camg):
    table = camg("log", LOG, "--detail", "--suggest", "0", "-q").stdout
    assert "7-day" in table.splitlines()[2]


def grouped(camg, by: str) -> list[dict]:
    data = report(camg, "--by", by)
    assert data["by"] == by
    return data["periods"]


def test_weeks_are_iso_weeks_across_the_year_boundary(camg):
    weeks = grouped(camg, "week")
    assert [(w["period"], w["from"], w["to"], w["days"]) for w in weeks] == [
        ("2027-W52", "2027-12-27", "2028-01-02", 5),
        ("2028-W01", "2028-01-03", "2028-01-09", 2),
        ("2028-W09", "2028-02-28", "2028-03-01", 3),
    ]


def test_months_are_calendar_months_with_the_leap_day(camg):
    months = grouped(camg, "month")
    assert [(m["period"], m["from"], m["to"], m["days"]) for m in months] == [
        ("2027-12", "2027-12-27", "2027-12-31", 3),
        ("2028-01", "2028-01-01", "2028-01-09", 4),
        ("2028-02", "2028-02-28", "2028-02-29", 2),
        ("2028-03", "2028-03-01", "2028-03-01", 1),
    ]


@pytest.mark.parametrize("by", ["week", "month"])
def test_each_period_ratio_is_its_totals_and_the_periods_add_up(camg, by):
    data = report(camg, "--by", by)
    days = data["days"]
    for period in data["periods"]:
        inside = [d for d in days if period["from"] <= d["date"] <= period["to"]]
        assert len(inside) == period["days"]
        assert period["ratio"] == pytest.approx(
            sum(d["calcium_mg"] for d in inside) / sum(d["magnesium_mg"] for d in inside),
            abs=1e-3,
        )
        assert period["days_within"] + period["days_above"] + period["days_below"] + period[
            "days_without_ratio"
        ] == len(inside)
    assert sum(p["days"] for p in data["periods"]) == data["period"]["days"]


def test_by_week_as_a_table_and_csv(camg):
    table = camg("log", LOG, "--by", "week").stdout
    assert "Ca:Mg by ISO week" in table and "2027-W52" in table and "2028-W09" in table
    rows = list(csv.DictReader(io.StringIO(camg("log", LOG, "--by", "month", "-f", "csv").stdout)))
    assert [row["period"] for row in rows] == ["2027-12", "2028-01", "2028-02", "2028-03"]
    assert list(rows[0]) == periods.PERIOD_COLUMNS


def test_by_all_is_the_period_summary_as_one_csv_record(camg):
    rows = list(csv.DictReader(io.StringIO(camg("log", LOG, "--by", "all", "-f", "csv").stdout)))
    data = report(camg)
    assert len(rows) == 1 and rows[0]["period"] == "all"
    assert float(rows[0]["ratio"]) == pytest.approx(data["period"]["ratio"])
    assert int(rows[0]["days"]) == 10


def test_months_before_keeps_the_day_or_the_month_end():
    assert periods.months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert periods.months_before(date(2028, 1, 15), 1) == date(2027, 12, 15)
    assert periods.months_before(date(2029, 3, 29), 1) == date(2029, 2, 28)


def test_window_edges():
    dates = [date(2028, 1, 1), date(2028, 1, 10)]
    assert periods.window(dates, None, None, None) is None
    assert periods.window(dates, None, None, "10d") == periods.Window(
        date(2028, 1, 1), date(2028, 1, 10)
    )
    with pytest.raises(CamgError):
        periods.window(dates, "2028-01-01", None, "1d")
