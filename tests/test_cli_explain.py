"""`camg explain` through the real entry point."""

from __future__ import annotations

import json

import pytest


def explain_json(camg, *lines: str) -> tuple[int, dict | list, str]:
    result = camg("explain", *lines, "--format", "json")
    assert "Traceback" not in result.stderr
    return result.status, json.loads(result.stdout), result.stderr


def test_milk_is_explained_with_food_grams_and_minerals(camg):
    status, record, stderr = explain_json(camg, "1 cup milk")
    assert status == 0, stderr
    assert stderr == ""
    assert record["text"] == "1 cup milk"
    (part,) = record["parts"]
    assert part["status"] == "resolved"
    assert (part["amount"], part["unit"], part["food_words"]) == (1.0, "cup", "milk")
    assert part["food_id"] == "01079"
    assert part["grams"] == 244
    assert part["portion"] == "1 x cup (244 g)"
    assert part["calcium_mg"] == pytest.approx(292.8)
    assert part["magnesium_mg"] == pytest.approx(244 * part["magnesium_per_100g"] / 100)
    assert part["chosen_by"] == "alias"
    chosen = [candidate for candidate in part["candidates"] if candidate["chosen"]]
    assert [candidate["food_id"] for candidate in chosen] == ["01079"]
    assert part["candidates"][0]["chosen"]
    assert 1 < len(part["candidates"]) <= 5
    assert part["problem"] is None and part["left_out"] is None


def test_a_line_of_two_foods_has_two_parts(camg):
    status, record, _ = explain_json(camg, "banana, black coffee")
    assert status == 0
    assert [part["text"] for part in record["parts"]] == ["banana", "black coffee"]
    banana, coffee = record["parts"]
    assert banana["food"] == "Bananas, raw"
    assert coffee["food"].startswith("Beverages, coffee, brewed")
    for part in record["parts"]:
        assert (
            part["default_portion"]
            and part["estimate"]
            and part["assumed"].startswith("no amount given")
        )
        assert part["calcium_mg"] is not None and part["magnesium_mg"] is not None


def test_a_vague_amount_says_what_was_assumed_and_where_from(camg):
    status, record, _ = explain_json(camg, "a handful of almonds")
    assert status == 0
    (part,) = record["parts"]
    assert part["unit"] == "handful" and part["unit_kind"] == "vague"
    assert part["food_words"] == "almonds"
    assert part["food"] == "Nuts, almonds"
    assert part["estimate"] and "Brown et al. 2021" in part["assumed"]
    assert part["grams"] == pytest.approx(36.3)


def test_an_unknown_food_exits_2_and_still_explains(camg):
    result = camg("explain", "1 cup flibbertigibbet", "--format", "json")
    assert result.status == 2
    record = json.loads(result.stdout)
    assert record["ok"] is False
    (part,) = record["parts"]
    assert part["status"] == "problem"
    assert part["problem"]["kind"] == "unknown-food"
    assert "flibbertigibbet" in part["problem"]["message"]
    assert part["food_id"] is None and part["calcium_mg"] is None
    assert result.stderr.count("\n") == 1
    assert "flibbertigibbet" in result.stderr and "Traceback" not in result.stderr


def test_a_supplement_without_calcium_or_magnesium_is_left_out(camg):
    status, record, stderr = explain_json(camg, "vitamin D 2000 IU")
    assert status == 0, stderr
    (part,) = record["parts"]
    assert part["status"] == "left-out"
    assert "left out" in part["left_out"]
    assert part["candidates"] == [] and part["problem"] is None


def test_a_magnesium_supplement_counts_its_dose(camg):
    status, record, _ = explain_json(camg, "magnesium glycinate 200mg")
    assert status == 0
    (part,) = record["parts"]
    assert (part["supplement"], part["dose_mg"], part["chosen_by"]) == (
        "magnesium",
        200.0,
        "supplement",
    )
    assert (part["calcium_mg"], part["magnesium_mg"]) == (0.0, 200.0)


def test_a_pinned_id_and_a_corrected_spelling_are_said(camg):
    _, pinned, _ = explain_json(camg, "100 g #11457")
    assert pinned["parts"][0]["chosen_by"] == "pinned"
    assert pinned["parts"][0]["food_id"] == "11457"
    _, typo, _ = explain_json(camg, "brocoli 1 cup")
    assert typo["parts"][0]["read_as"] == "broccoli"
    assert typo["parts"][0]["approximate"] is True


def test_several_lines_are_explained_in_turn(camg):
    status, records, _ = explain_json(camg, "1 cup milk", "banana, black coffee")
    assert status == 0
    assert [record["text"] for record in records] == ["1 cup milk", "banana, black coffee"]
    assert [len(record["parts"]) for record in records] == [1, 2]


def test_a_line_is_read_as_a_log_reads_it(camg):
    _, record, _ = explain_json(camg, "breakfast: 1 cup milk; a banana")
    assert [(part["meal"], part["item"]) for part in record["parts"]] == [
        ("breakfast", "1 cup milk"),
        ("breakfast", "a banana"),
    ]


def test_the_table_shows_each_part_without_a_traceback(camg):
    result = camg(
        "explain",
        "1 cup milk",
        "banana, black coffee",
        "a handful of almonds",
        "vitamin D 2000 IU",
        env={"COLUMNS": "80", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"},  # a terminal
    )
    assert result.status == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    for said in ("#01079", "292.8 mg", "part 2 of 2", "Brown et al. 2021", "left out"):
        assert said in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out


def test_the_table_of_a_problem_line_says_the_problem(camg):
    result = camg("explain", "1 cup flibbertigibbet")
    assert result.status == 2
    assert "unknown food" in result.stdout
    assert result.stderr.startswith("camg: ")


def test_an_empty_line_is_refused(camg):
    result = camg("explain", "  ")
    assert result.status == 2
    assert result.stdout == ""
    assert "give a log line" in result.stderr
