"""Input meant to break camg: a clear error, never a traceback, nothing echoed raw."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from camg.errors import ItemError


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
def test_a_long_run_of_repeats_is_read_in_one_pass(run):
    """50,000 repeats once took minutes (a trailing-amount pattern backtracked over the
    whole run at every start); now the words are answered like any other."""
    from camg.resolve import read_line

    try:
        read_line(f"apple {run * 50_000}")
    except ItemError as error:
        assert str(error)


def test_a_line_longer_than_camg_reads_is_an_error_at_its_line(camg):
    done = camg("log", "-", stdin=f"2026-05-01\n1 cup milk\napple {'- ' * 6000}\n")
    assert done.status == 2
    assert "<stdin>:3: this line is 12,007 characters long" in done.stderr


def test_a_log_larger_than_camg_reads_is_refused_before_it_fills_memory(camg):
    done = camg("log", "/dev/zero")
    assert done.status == 2
    assert done.stderr.startswith("/dev/zero: larger than 100 MB")


def test_a_closed_stdin_is_an_error_not_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "camg", "log", "-"],
        stdin=None,
        close_fds=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert done.stderr == "<stdin>: standard input is closed; name a log file instead of -\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_status_2(tmp_path):
    log = tmp_path / "day.txt"
    log.write_text("2026-05-01\n1 cup milk\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "camg", "log", str(log), "-f", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "camg: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    "amount",
    ["1" * 5000, "1/" + "1" * 5000, "1" * 5000 + "/2", "1 1/" + "9" * 4400],
)
def test_numbers_of_any_length_are_an_error_at_their_line(camg, amount):
    done = camg("log", "-", stdin=f"2026-05-01\n1 cup milk\n{amount} cup milk\n")
    assert done.status == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("<stdin>:3: ")
    assert len(done.stderr) < 400  # the digits are not echoed back
