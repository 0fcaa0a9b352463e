"""The engine's numbers, checked against sums worked out by hand from data/foods.csv."""

from __future__ import annotations

import csv
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from camg.engine import Options, build_report, ratio, status
from camg.parser import parse
from camg.reference import Profile
from camg.resolve import resolve_log
from tests.conftest import ROOT

with (ROOT / "data" / "foods.csv").open(encoding="utf-8", newline="") as handle:
    TABLE = {row["id"]: row for row in csv.DictReader(handle)}

RANGE = Options(low=2.0, high=2.8)


def per_100g(food_id: str, column: str) -> float:
    return float(TABLE[food_id][column])


def report_for(text: str, options: Options = RANGE):
    return build_report(resolve_log(parse(text, "t.txt")), options)


def test_day_totals_are_the_sums_of_grams_times_table_values():
    report = report_for("100 g #11457\n244 g #01079\n30 g #12061\n")
    day = report.days[0]
    expected_ca = sum(
        g * per_100g(i, "calcium_mg") / 100
        for i, g in [("11457", 100), ("01079", 244), ("12061", 30)]
    )
    expected_mg = sum(
        g * per_100g(i, "magnesium_mg") / 100
        for i, g in [("11457", 100), ("01079", 244), ("12061", 30)]
    )
    assert day.calcium_mg == pytest.approx(expected_ca)
    assert day.magnesium_mg == pytest.approx(expected_mg)
    assert day.ratio == pytest.approx(expected_ca / expected_mg)


def test_household_portions_are_weighed_before_summing():
    day = report_for("1 cup milk\n").days[0]  # 01079, 1 cup = 244 g
    assert day.calcium_mg == pytest.approx(244 * per_100g("01079", "calcium_mg") / 100)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.99, "below"),
        (2.0, "within"),
        (2.4, "within"),
        (2.8, "within"),
        (2.8001, "above"),
        (None, None),
    ],
)
def test_status_at_and_around_the_bounds(value, expected):
    assert status(value, 2.0, 2.8) == expected


def test_a_day_with_no_magnesium_has_no_ratio():
    # 19335 Sugars, granulated: 1 mg calcium, 0 mg magnesium per 100 g.
    day = report_for("100 g #19335\n").days[0]
    assert day.magnesium_mg == 0
    assert day.ratio is None and day.status is None
    assert ratio(10.0, 0.0) is None


def test_unknown_values_mark_the_day_incomplete_and_are_not_zeros():
    # 01188 KRAFT CHEEZ WHIZ: calcium 359, magnesium unknown in SR28.
    report = report_for("100 g #01188\n100 g #11457\n")
    day = report.days[0]
    assert day.incomplete
    assert day.unknown_foods == [TABLE["01188"]["name"]]
    assert day.calcium_mg == pytest.approx(359 + 99)  # totalled from what is known
    assert day.magnesium_mg == pytest.approx(79)
    entries = report.entries_of(day)
    assert math.isnan(entries[entries["food_id"] == "01188"].iloc[0]["magnesium_mg"])


def test_repeated_dates_merge_into_one_day():
    report = report_for(
        "2026-11-20\n100 g #11457\n2026-11-21\n1 cup milk\n2026-11-20\n100 g #11457\n"
    )
    dates = [str(day.date) for day in report.days]
    assert dates == ["2026-11-20", "2026-11-21"]
    assert report.days[0].calcium_mg == pytest.approx(2 * 99)


def test_summary_gives_both_ratios_labelled_apart():
    report = report_for("2026-11-20\n100 g #11457\n2026-11-21\n1 cup milk\n")
    first, second = report.days
    summary = report.summary
    assert summary.days == 2
    assert summary.ratio_of_totals == pytest.approx(
        (first.calcium_mg + second.calcium_mg) / (first.magnesium_mg + second.magnesium_mg)
    )
    assert summary.mean_of_daily_ratios == pytest.approx((first.ratio + second.ratio) / 2)
    assert summary.ratio_of_totals != pytest.approx(summary.mean_of_daily_ratios)
    assert summary.mean_calcium_mg == pytest.approx((first.calcium_mg + second.calcium_mg) / 2)
    assert summary.days_within == sum(day.status == "within" for day in report.days)


def test_molar_ratio_uses_the_atomic_weights():
    report = report_for("100 g #11457\n", Options(2.0, 2.8, basis="molar"))
    assert report.molar(report.days[0].ratio) == pytest.approx(99 / 79 * 24.305 / 40.078)
    assert report.molar(2.0) == pytest.approx(1.2129, abs=1e-4)
    assert report.molar(2.8) == pytest.approx(1.6980, abs=1e-4)


def test_rda_shares_and_upper_limit_warnings():
    options = Options(2.0, 2.8, profile=Profile("female", 35))
    day = report_for("300 g #01009\n400 mg magnesium\n", options).days[0]  # cheddar
    assert day.calcium_rda_pct == pytest.approx(100 * day.calcium_mg / 1000)
    assert day.magnesium_rda_pct == pytest.approx(100 * day.magnesium_mg / 320)
    assert any("supplemental magnesium 400 mg" in warning for warning in day.warnings)
    assert not any("calcium" in warning for warning in day.warnings)
    heavy = report_for("500 g #01009\n", options).days[0]  # 3,550 mg calcium > 2,500
    assert any("above the upper limit of 2,500" in warning for warning in heavy.warnings)


def test_food_magnesium_never_counts_against_the_supplement_limit():
    options = Options(2.0, 2.8, profile=Profile("male", 40))
    day = report_for("300 g #12014\n", options).days[0]  # pumpkin seeds, ~1,770 mg Mg
    assert day.magnesium_mg > 350 and day.warnings == []


ITEMS = st.lists(
    st.tuples(
        st.sampled_from(["11457", "01079", "12061", "09040", "01009"]),
        st.integers(min_value=1, max_value=500),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(ITEMS, st.randoms())
def test_line_order_never_changes_the_totals(items, rng):
    lines = [f"{grams} g #{food_id}" for food_id, grams in items]
    shuffled = lines[:]
    rng.shuffle(shuffled)
    a = report_for("\n".join(lines)).days[0]
    b = report_for("\n".join(shuffled)).days[0]
    assert a.calcium_mg == pytest.approx(b.calcium_mg)
    assert a.magnesium_mg == pytest.approx(b.magnesium_mg)


@settings(max_examples=60, deadline=None)
@given(ITEMS, st.integers(min_value=2, max_value=5))
def test_scaling_every_portion_scales_the_totals(items, factor):
    one = report_for("\n".join(f"{g} g #{i}" for i, g in items)).days[0]
    many = report_for("\n".join(f"{g * factor} g #{i}" for i, g in items)).days[0]
    assert many.calcium_mg == pytest.approx(factor * one.calcium_mg)
    assert many.magnesium_mg == pytest.approx(factor * one.magnesium_mg)
    if one.ratio is not None:
        assert many.ratio == pytest.approx(one.ratio)


def test_a_day_of_one_entry_counts_like_a_day_of_several(camg):
    """A one-entry day is totalled from that entry alone: the same figures, counts as
    numbers (never true/false) and unknown values left out, as for a longer day."""
    one = json.loads(
        camg("log", "-", "-f", "json", stdin="2026-11-20\na handful of almonds\n").stdout
    )
    two = json.loads(
        camg(
            "log", "-", "-f", "json", stdin="2026-11-20\na handful of almonds\n100 g #01188\n"
        ).stdout
    )
    day, longer = one["days"][0], two["days"][0]
    assert (day["estimated_entries"], day["approximate_entries"]) == (1, 0)
    assert type(day["estimated_entries"]) is int
    assert longer["estimated_entries"] == 1 and longer["incomplete"]  # 01188: Mg unknown
    assert longer["magnesium_mg"] == day["magnesium_mg"]  # the unknown adds nothing
