"""Property tests: no text can make the reader crash, and every problem names its line."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camg.amounts import AmountError, split_item
from camg.parser import parse
from camg.resolve import resolve_log

PIECES = st.sampled_from(
    [
        "1",
        "2",
        "½",
        "1/2",
        "0",
        "-1",
        "1/0",
        "a",
        "an",
        "half",
        "cup",
        "cups",
        "g",
        "30g",
        "oz",
        "fl oz",
        "tbsp",
        "slice",
        "medium",
        "milk",
        "banana",
        "spinach",
        "almonds",
        "#11457",
        "#99999",
        "magnesium",
        "mg",
        "2026-11-20",
        "2026-13-40",
        "lunch:",
        "snack:",
        "x2",
        ";",
        ",",
        "(",
        ")",
        "#",
        "  ",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "handful",
        "of",
        "Greek yogurt",
    ]
)
LOG_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map(" ".join),
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(LOG_TEXT)
def test_any_text_reads_without_an_unhandled_exception(text):
    resolved = resolve_log(parse(text, "meals.txt"))
    lines = {item.line for day in parse(text, "meals.txt").days for item in day.items}
    # Every line with items gives entries, problems or notes: nothing is silently dropped.
    used = {entry.line for day in resolved.days for entry in day.entries}
    reported = {problem.line for day in resolved.days for problem in day.unresolved}
    noted = {notice.line for notice in resolved.notices}
    assert lines <= used | reported | noted


@FAST
@given(LOG_TEXT)
def test_every_problem_names_its_file_and_a_real_line(text):
    lines = len(re.split(r"\r\n|\r|\n", text))
    for problem in resolve_log(parse(text, "meals.txt")).problems:
        assert problem.source == "meals.txt"
        assert problem.line is not None and 1 <= problem.line <= lines
        assert str(problem).startswith(f"meals.txt:{problem.line}: ")


@FAST
@given(st.text(max_size=80))
def test_split_item_either_splits_or_explains(text):
    try:
        parts = split_item(text)
    except AmountError as error:
        assert str(error)
    else:
        assert parts.food
        assert parts.amount is None or parts.amount > 0


@FAST
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["g", "grams", "oz", "ounces", "kg", "mg", "lb"]),
    st.sampled_from(["almonds", "milk", "Greek yogurt", "spinach"]),
)
def test_amount_before_or_after_the_food_means_the_same(amount, unit, food):
    before = split_item(f"{amount} {unit} {food}")
    after = split_item(f"{food}, {amount} {unit}")
    assert before == after
    assert before.amount == amount and before.food == food
