"""What a person sees: tables that fit an 80- or 120-column terminal, output that is never
wrapped when piped, help with examples, did-you-mean, completion and warnings.

A terminal is emulated with TTY_COMPATIBLE=1 (rich then lays out for COLUMNS as on a real
terminal) and NO_COLOR=1. tests/golden/terminal/tmux-*.txt were captured from a real
terminal (tmux) and must equal the emulation, so the goldens show what a person sees.
Regenerate the goldens with CAMG_UPDATE_GOLDEN=1 after checking the new output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "terminal"
VIEWS = {
    "week": ["log", "examples/week.txt"],
    "day.detail": ["log", "examples/day.txt", "--detail"],
    "week.detail": ["log", "examples/week.txt", "--detail"],
    "search": ["foods", "search", "milk", "-n", "4"],
}


def _terminal(width: int) -> dict[str, str]:
    # TERM as a terminal emulator sets it: rich takes a "dumb" or unset TERM for 80 columns.
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": str(width)}
    return {**env, "TERM": "xterm-256color"}


def _piped() -> dict[str, str]:
    return {"TTY_COMPATIBLE": "0", "NO_COLOR": "1", "COLUMNS": "40"}  # COLUMNS is ignored


def _check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("CAMG_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("view", VIEWS)
def test_a_terminal_view_fits_its_width(camg, monkeypatch, view, width):
    monkeypatch.chdir(ROOT)
    done = camg(*VIEWS[view], env=_terminal(width))
    assert done.status == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= width
    assert "\x1b[" not in done.stdout
    _check_golden(f"{view}.{width}.txt", done.stdout)


@pytest.mark.parametrize("view", VIEWS)
def test_piped_output_is_never_wrapped_nor_padded(camg, monkeypatch, view):
    monkeypatch.chdir(ROOT)
    done = camg(*VIEWS[view], env=_piped())
    lines = done.stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    for line in lines:  # a table row holds all its cells; a suggestion its arrow and ratio
        if line.startswith("│"):
            header = next(row for row in lines if row.startswith("┃"))
            assert line.count("│") == header.count("┃"), line
        if "mg Mg," in line:
            assert re.search(r"\(\S+ g\): +\+\S+ mg Mg, +\+\S+ mg Ca -> ratio \d+\.\d\d$", line)
    _check_golden(f"{view}.piped.txt", done.stdout)


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_each_record_of_a_machine_format_is_one_line(camg, monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    done = camg("log", "examples/week.txt", "-f", fmt, env=_piped())
    if fmt == "json":
        days = [line for line in done.stdout.splitlines() if line.lstrip().startswith('{"date"')]
        assert [json.loads(line.strip().rstrip(","))["date"] for line in days] == [
            f"2026-11-{day}" for day in range(16, 23)
        ]
    else:
        rows = list(csv.reader(io.StringIO(done.stdout), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) == 8 == len(done.stdout.splitlines())


@pytest.mark.parametrize("name", ["week.80", "day.detail.80", "week.120", "day.detail.120"])
def test_the_emulated_terminal_is_what_a_real_one_shows(camg, monkeypatch, name):
    """tmux-<view>.<width>.txt: `tmux capture-pane` of the command in a real terminal."""
    monkeypatch.chdir(ROOT)
    view, width = name.rsplit(".", 1)
    done = camg(*VIEWS[view], env=_terminal(int(width)))
    captured = (GOLDEN / f"tmux-{name}.txt").read_text(encoding="utf-8").splitlines()
    shown = [line.rstrip() for line in done.stdout.splitlines()]
    assert shown == captured[: len(shown)]


def test_detail_shows_entries_then_sources_then_suggestions_with_a_legend(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = camg("log", "examples/week.txt", "--detail", env=_piped()).stdout
    day = out[out.index("\n2026-11-17\n") : out.index("\n2026-11-18\n")]
    entries = day.index("2 scrambled eggs")
    sources = day.index("top Ca sources")
    suggestions = day.index("add one of")
    assert entries < sources < suggestions
    assert "Egg, whole, cooked, scrambled" in day  # what was written beside the food chosen
    assert "~ holds estimates" in out and "status: within the range (green)" in out


def test_help_of_every_command_has_examples_and_fits_80_columns(camg):
    commands = [
        ["log"],
        ["trend"],
        ["suggest"],
        ["explain"],
        ["foods"],
        ["foods", "search"],
        ["foods", "show"],
        ["help"],
        ["add"],
        ["config"],
    ]
    for command in commands:
        out = camg(*command, "--help", env={"COLUMNS": "80"}).stdout
        assert "Examples:" in out, command
        assert max(len(line) for line in out.splitlines()) <= 80, command
    for command in (["log"], ["explain"]):
        assert "camg help log-format" in camg(*command, "--help").stdout
    top = camg("--help", env={"COLUMNS": "80"}).stdout
    summaries = top[top.index("Commands:") :].splitlines()[1:]
    assert len(summaries) == 8 and not [line for line in summaries if line.endswith("...")]
    assert "camg help log-format" in top
    assert "Usage: camg log [OPTIONS] FILE..." in camg("log", "--help").stdout


def test_help_log_format_prints_the_format_document(camg):
    done = camg("help", "log-format")
    assert done.stdout == (ROOT / "docs" / "log-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["search", "spinach"], "Did you mean 'camg foods search'?"),
        (["lgo", "x.txt"], "Did you mean 'log'?"),
        (["foods", "serch", "x"], "Did you mean 'search'?"),
        (["log", "examples/day.txt", "-f", "jsn"], "Did you mean 'json'?"),
        (["log", "examples/day.txt", "--basis=mollar"], "Did you mean 'molar'?"),
    ],
)
def test_a_mistyped_command_or_value_gets_did_you_mean(camg, monkeypatch, args, hint):
    monkeypatch.chdir(ROOT)
    done = camg(*args)
    assert done.status == 2 and hint in done.stderr and "Traceback" not in done.stderr


def _complete(camg, monkeypatch, words: str) -> list[str]:
    monkeypatch.setenv("_CAMG_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - 1))
    done = camg()
    assert done.status == 0, done.stderr
    return done.stdout.split()


def test_completion_of_commands_options_and_avoid_kinds(camg, monkeypatch):
    assert _complete(camg, monkeypatch, "camg lo") == ["log"]
    assert _complete(camg, monkeypatch, "camg foods s") == ["search", "show"]
    assert "--detail" in _complete(camg, monkeypatch, "camg log x --de")
    kinds = _complete(camg, monkeypatch, "camg log x --avoid nuts,le")
    assert kinds == ["nuts,leafy", "greens", "nuts,legumes"] or "nuts,legumes" in kinds


def test_completion_scripts_are_offered(camg, monkeypatch):
    # typer picks the script for the shell it runs under; the test is the same under any
    monkeypatch.setattr("typer.completion._get_shell_name", lambda: "bash")
    done = camg("--show-completion")
    assert done.status == 0, done.stderr
    assert "_CAMG_COMPLETE" in done.stdout


def test_foods_search_without_a_match_exits_1_with_a_hint(camg):
    done = camg("foods", "search", "xyzzy")
    assert (done.status, done.stdout) == (1, "")
    assert 'no food matches "xyzzy"' in done.stderr
    as_json = camg("foods", "search", "xyzzy", "-f", "json")
    assert (as_json.status, json.loads(as_json.stdout)) == (1, [])


def test_avoid_with_an_unknown_word_is_a_usage_error_before_any_log_is_read(camg):
    done = camg("log", "no-such-log.txt", "--avoid", "nutz")
    assert done.status == 2
    assert '"nutz" (did you mean "nuts"?)' in done.stderr and "leafy greens" in done.stderr
    assert "no-such-log.txt" not in done.stderr


def test_a_supplement_above_the_upper_limit_warns_with_or_without_a_profile(camg):
    log = "2026-11-20\n1 cup milk\nmagnesium glycinate 200 mg\n"
    adult = camg("log", "-", stdin=log)
    assert adult.status == 0 and "warning:" not in adult.stderr  # 200 mg: under 350
    child = camg("log", "-", "--sex", "female", "--age", "6", stdin=log)
    assert "warning: <stdin>:3: 2026-11-20: supplemental magnesium 200 mg" in child.stderr
    assert "110 mg/day" in child.stderr
    report = json.loads(camg("log", "-", "-f", "json", stdin=log.replace("200", "500")).stdout)
    [warning] = [note for note in report["notes"] if note["kind"] == "upper-limit"]
    assert warning["severity"] == "warning" and "350 mg/day" in warning["message"]
    assert report["days"][0]["warnings"] == [warning["message"].split(": ", 1)[1]]


def test_the_same_file_twice_is_read_once(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    once = json.loads(camg("log", "examples/day.txt", "-f", "json").stdout)
    twice = camg("log", "examples/day.txt", "./examples/day.txt", "-f", "json")
    assert "the same file as examples/day.txt; read once" in twice.stderr
    days = json.loads(twice.stdout)["days"]
    assert days[0]["calcium_mg"] == once["days"][0]["calcium_mg"]


def test_an_implausible_amount_warns_but_is_counted(camg):
    done = camg("log", "-", "-f", "json", stdin="2026-11-20\n5 kg cheese\n1 cup milk\n")
    assert done.status == 0
    assert 'warning: <stdin>:2: "5 kg cheese": 5,000 g in one entry' in done.stderr
    assert json.loads(done.stdout)["days"][0]["entries_count"] == 2


def test_an_unknown_avoid_word_from_the_configuration_names_its_line(camg, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('avoid = "nutz"\n', encoding="utf-8")
    done = camg("log", "no-such-log.txt", env={"CAMG_CONFIG": str(config)})
    assert done.status == 2
    assert f'{config}:1: no suggested food is described by "nutz"' in done.stderr


def test_a_date_in_two_files_is_added_up_with_a_warning(camg, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("2026-11-20\n1 cup milk\n", encoding="utf-8")
    second.write_text("2026-11-19\n1 banana\n2026-11-20\n30 g almonds\n", encoding="utf-8")
    done = camg("log", str(first), str(second), "-f", "json")
    assert done.status == 0
    assert f"warning: {second}:4: 2026-11-20 is in {first} too" in done.stderr
    report = json.loads(done.stdout)
    [warning] = [note for note in report["notes"] if note["kind"] == "duplicate"]
    assert (warning["severity"], warning["line"]) == ("warning", 4)
    assert [day["entries_count"] for day in report["days"]] == [1, 2]


def test_on_a_narrow_terminal_a_suggestion_keeps_its_figures_on_one_line(camg, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = camg("log", "examples/week.txt", env=_terminal(80)).stdout
    rows = [line for line in out.splitlines() if "mg Mg," in line]
    assert rows
    for row in rows:
        assert re.search(r"\+\S+ mg Mg, +\+\S+ mg Ca -> ratio \d+\.\d\d$", row.rstrip()), row
