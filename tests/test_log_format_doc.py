"""Every example in docs/log-format.md is read as the page says."""

from __future__ import annotations

import re

import pytest

from camg import sources
from camg.amounts import split_item
from camg.parser import parse
from camg.resolve import resolve_log
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "log-format.md").read_text(encoding="utf-8")
LOG_BLOCKS = re.findall(r"```log\n(.*?)```", DOC, flags=re.DOTALL)
ITEM_ROWS = re.findall(
    r"^\| `([^`]+)` \|\s*([\d.]*)\s*\|\s*([a-z ]*?)\s*\|\s*(.*?)\s*\|$", DOC, re.MULTILINE
)


def test_the_page_has_examples():
    assert len(LOG_BLOCKS) >= 6
    assert len(ITEM_ROWS) >= 35


@pytest.mark.parametrize("block", LOG_BLOCKS)
def test_every_log_example_reads_without_problems(block):
    parsed = parse(block, "doc.txt")
    sources.install(blocks=parsed.recipes)  # a recipe block is used by the days after it
    resolved = resolve_log(parsed)
    sources.install()
    assert resolved.problems == []
    assert sum(len(day.entries) for day in resolved.days) >= 1


@pytest.mark.parametrize(("text", "amount", "unit", "food"), ITEM_ROWS)
def test_every_item_example_splits_as_shown(text, amount, unit, food):
    parts = split_item(text)
    assert parts.amount == (float(amount) if amount else None)
    assert (parts.unit.name if parts.unit else "") == unit.strip()
    assert parts.food == food


def test_days_example_merges_repeated_dates():
    block = next(b for b in LOG_BLOCKS if "2026-11-21" in b and "an apple" in b)
    days = parse(block, "doc.txt").days
    assert [str(day.date) for day in days] == ["None", "2026-11-20", "2026-11-21"]
    assert [item.text for item in days[1].items] == ["1 cup milk", "an apple"]
    assert days[1].labels == ["Friday"]


def test_meals_example_assigns_items_to_headings():
    block = next(b for b in LOG_BLOCKS if "afternoon snack" in b)
    items = parse(block, "doc.txt").days[0].items
    assert [(item.meal, item.text) for item in items] == [
        ("breakfast", "1 cup milk"),
        ("breakfast", "a banana"),
        ("lunch", "2 slices whole wheat bread"),
        ("lunch", "3 oz canned tuna"),
        ("afternoon snack", "30g almonds"),
        ("afternoon snack", "1 cup milk"),
        ("elevenses", "a digestive biscuit"),
        ("post-workout smoothie", "1 cup milk, a banana"),
        ("m3", "1/2 cup plain greek yogurt + 1 tsp honey"),
        ("dinner", "150 g salmon"),
        ("supper", "1 cup cooked brown rice"),
        ("breakfast", "2 eggs"),
        ("breakfast", "I also ate an apple"),
    ]


def test_comment_example_keeps_lines_and_drops_comments():
    block = LOG_BLOCKS[0]
    items = parse(block, "doc.txt").days[0].items
    assert [(item.line, item.text) for item in items] == [(2, "1 cup milk"), (4, "a banana")]


def test_day_headings_example_reads_the_days_as_written():
    block = next(b for b in LOG_BLOCKS if "Day 3 - rest day" in b)
    days = parse(block, "doc.txt").days
    assert [(str(day.date), day.labels) for day in days] == [
        ("2026-03-09", ["Monday"]),
        ("2026-03-10", ["Tuesday"]),
        ("None", ["Day 3 - rest day"]),
        ("2026-03-12", ["Thursday"]),
        ("2026-03-13", ["Friday"]),
    ]
    assert [item.text for item in days[-2].items] == ["2 rice cakes with ham, an apple"]
    assert [item.text for item in days[-1].items] == ["baked salmon, broccoli"]
