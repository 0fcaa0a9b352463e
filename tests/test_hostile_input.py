"""Input meant to break camg: a clear error, never a traceback, nothing echoed raw."""

from __future__ import annotations

import pytest


def test_terminal_escapes_and_bidi_overrides_in_a_log_never_reach_the_terminal(camg):
    done = camg("log", "-", stdin="2026-05-01\nfoo\x1b[2Jbar\u202e\x07\n1 cup milk\n")
    assert done.status == 2
    assert "\x1b" not in done.stderr and "\u202e" not in done.stderr and "\x07" not in done.stderr


def test_every_unreadable_file_is_reported_before_exiting(camg, tmp_path):
    log = tmp_path / "day.txt"
    log.write_text("2026-05-01\n1 cup milk\n", encoding="utf-8")
    done = camg("log", str(tmp_path / "nope1"), str(tmp_path / "nope2"), str(log))
    assert done.status == 2
    lines = done.stderr.splitlines()
    assert [line.rsplit("/", 1)[-1] for line in lines] == [
        "nope1: no such file",
        "nope2: no such file",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["log", "-", "--range", "1:inf"],
        ["log", "-", "--range", "nan:2"],
        ["log", "-", "--sex", "female", "--age", "inf"],
        ["suggest", "--calcium", "nan", "--magnesium", "100"],
        ["suggest", "--calcium", "1e308", "--magnesium", "1e-308"],
    ],
)
def test_non_finite_or_absurd_option_values_are_usage_errors(camg, args):
    done = camg(*args, stdin="2026-05-01\n1 cup milk\n")
    assert done.status == 2
    assert done.stderr.startswith("camg: ") and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "line",
    [
        "1/1111111111111111111111 cup milk",
        "9" * 5000 + " g milk",
        "100000 kg cheese",
        "1,2 eggs",
        "0/0 cup milk",
        "(((",
        "½½½ cup milk",
        ", , ,",
    ],
)
def test_absurd_amounts_are_problems_with_their_line(camg, line):
    done = camg("log", "-", stdin=f"2026-05-01\n{line}\n")
    assert done.status in (0, 2) and "Traceback" not in done.stderr
    if done.status == 2:
        assert done.stderr.startswith("<stdin>:2: ")


@pytest.mark.parametrize("run", ["- ", "1 cup ", "1/", ", "])
def test_a_long_line_of_repeats_is_read_in_one_pass(camg, run):
    """50,000 repeats once took minutes (a trailing-amount pattern backtracked over the
    whole run at every start); now the line is answered like any other."""
    done = camg(
        "log", "-", "--lenient", "--format", "json", stdin=f"2026-05-01\napple {run * 50_000}\n"
    )
    assert "Traceback" not in done.stderr
    assert "<stdin>:2:" in done.stderr or '"line": 2' in done.stdout
