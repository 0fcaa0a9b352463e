"""`camg add` (docs/add.md): the docs' log becomes the docs' result byte for byte, in any
line end and encoding; an unknown food writes nothing; a kill between the write and the
rename leaves the log as it was."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camg.errors import ExitStatus
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "add.md").read_text(encoding="utf-8")
BEFORE, AFTER = re.findall(r"```log\n(.*?)```", DOC, flags=re.DOTALL)[:2]
COMMANDS = [
    ["1 cup milk", "30 g almonds", "--date", "2026-11-20", "--meal", "breakfast"],
    ["1 apple", "--date", "2026-11-20", "--meal", "snack"],
    ["2 cups spinach", "--date", "2026-11-22", "--meal", "dinner"],
]


def _run_all(camg, log: Path) -> None:
    for command in COMMANDS:
        done = camg("add", *command, "--file", str(log))
        assert done.status == ExitStatus.OK, done.stderr


def test_the_docs_commands_commands_say_what_they_added(camg, tmp_path):
    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")
    done = camg("add", *COMMANDS[0], "--file", str(log))
    lines = done.stdout.splitlines()
    assert lines[0] == f"camg: added to {log} (2026-11-20, breakfast):"
    assert lines[1].split()[:4] == ["1", "cup", "milk", "Ca"]
    assert re.match(
        r"  day 2026-11-20: Ca [\d,.]+ mg, Mg [\d,.]+ mg, Ca:Mg [\d.]+ \(\w+\)", lines[3]
    )


SHAPES = {
    "LF, UTF-8": (lambda text: text.encode("utf-8")),
    "CRLF": (lambda text: text.replace("\n", "\r\n").encode("utf-8")),
    "CR": (lambda text: text.replace("\n", "\r").encode("utf-8")),
    "no newline at the end": (lambda text: text.rstrip("\n").encode("utf-8")),
    "UTF-8 with BOM": (lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    "UTF-16 LE": (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    "UTF-16 BE, CRLF": (
        lambda text: codecs.BOM_UTF16_BE + text.replace("\n", "\r\n").encode("utf-16-be")
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_docs_log_becomes_the_docs_result_byte_for_byte(camg, tmp_path, shape):
    encode = SHAPES[shape]
    log = tmp_path / "meals.txt"
    log.write_bytes(encode(BEFORE))
    _run_all(camg, log)
    assert log.read_bytes() == encode(AFTER)
    assert [p.name for p in tmp_path.iterdir()] == ["meals.txt"]  # no temporary file left


def test_an_unknown_food_writes_nothing(camg, tmp_path):
    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")
    stamp = log.stat().st_mtime_ns
    done = camg("add", "1 flibbertigibbet", "2 eggs", "--file", str(log))
    assert done.status == ExitStatus.TROUBLE and done.stdout == ""
    assert done.stderr.startswith('camg: "1 flibbertigibbet": unknown food "flibbertigibbet"')
    assert done.stderr.endswith("camg: nothing was added; fix the items and run camg add again\n")
    assert (log.read_text(encoding="utf-8"), log.stat().st_mtime_ns) == (BEFORE, stamp)
    assert [p.name for p in tmp_path.iterdir()] == ["meals.txt"]


def test_a_day_with_a_heading_and_no_items_gets_them_under_its_heading(camg, tmp_path):
    log = tmp_path / "meals.txt"
    log.write_text("2026-11-20\n\n2026-11-21\n1 cup milk\n", encoding="utf-8")
    done = camg("add", "2 eggs", "--date", "2026-11-20", "--file", str(log))
    assert done.status == 0, done.stderr
    expected = "2026-11-20\n2 eggs\n\n2026-11-21\n1 cup milk\n"
    assert log.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("item", ["1 cup milk # for later", "lunch: 2 eggs", "2 eggs\n3 eggs"])
def test_an_item_the_log_would_read_otherwise_is_refused(camg, tmp_path, item):
    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")
    done = camg("add", item, "--file", str(log))
    assert done.status == ExitStatus.TROUBLE and log.read_text(encoding="utf-8") == BEFORE


KILLED = """
import os, signal, sys
from camg.cli import main
def killed(*args):  # the process dies after the write and its fsync, before the rename
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
main(["add", "1 cup milk", "--date", "2026-11-20", "--meal", "lunch", "--file", sys.argv[1]])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_between_write_and_rename_leaves_the_log_intact(tmp_path):
    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(log)], cwd=ROOT, capture_output=True, check=False
    )
    assert done.returncode == -9, done.stderr
    assert log.read_text(encoding="utf-8") == BEFORE
    [left] = [p for p in tmp_path.iterdir() if p.name != "meals.txt"]  # the unrenamed copy
    assert left.name.startswith(".meals.txt.") and "1 cup milk" in left.read_text("utf-8")


def test_an_interrupt_before_the_rename_leaves_the_log_and_no_temporary_file(
    camg, tmp_path, monkeypatch
):
    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    done = camg("add", "1 cup milk", "--file", str(log))
    assert done.status != ExitStatus.OK and done.stdout == ""
    assert log.read_text(encoding="utf-8") == BEFORE
    assert [p.name for p in tmp_path.iterdir()] == ["meals.txt"]


def test_the_configured_log_is_the_default_and_may_be_new(camg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text('log = "new.txt"\n', encoding="utf-8")
    done = camg("add", "1 cup milk", "--date", "2026-11-20", env={"CAMG_CONFIG": "config.toml"})
    assert done.status == ExitStatus.OK, done.stderr
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "2026-11-20\n1 cup milk\n"
    assert done.stdout.startswith("camg: created new.txt (2026-11-20):")
    nowhere = camg("add", "1 cup milk", "--no-config")
    assert nowhere.status == ExitStatus.TROUBLE and "name the log" in nowhere.stderr


def test_a_recipe_of_the_log_itself_can_be_added(camg, tmp_path):
    log = tmp_path / "meals.txt"
    log.write_text(
        "recipe: porridge, serves 2\n1 cup rolled oats; 2 cups milk\nend recipe\n", encoding="utf-8"
    )
    done = camg("add", "1 serving porridge", "--date", "2026-11-20", "--file", str(log))
    assert done.status == ExitStatus.OK, done.stderr
    assert log.read_text(encoding="utf-8").endswith("\n\n2026-11-20\n1 serving porridge\n")


# -- any log, any day and meal: one insertion, and the log reads as before plus the items --

DATES = ["2026-11-20", "2026-11-21", "2026-11-23"]
MEALS = ["breakfast", "lunch", "snack"]
FOODS = ["1 cup milk", "2 eggs", "1 banana", "30 g almonds"]


@st.composite
def logs(draw: st.DrawFn) -> str:
    """A log of some of the dates, each with items under some meals, or none."""
    lines: list[str] = []
    for day in draw(st.lists(st.sampled_from(DATES), unique=True, max_size=3)):
        lines.append(day)
        for meal in draw(st.lists(st.sampled_from([None, *MEALS]), unique=True, max_size=3)):
            items = "; ".join(draw(st.lists(st.sampled_from(FOODS), min_size=1, max_size=3)))
            lines.append(f"{meal}: {items}" if meal else items)
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    log=logs(),
    eol=st.sampled_from(["\n", "\r\n"]),
    ending=st.booleans(),
    day=st.sampled_from(DATES),
    meal=st.sampled_from([None, *MEALS]),
    items=st.lists(st.sampled_from(FOODS), min_size=1, max_size=2),
)
def test_adding_inserts_one_run_of_bytes_and_the_items_under_the_day(
    tmp_path_factory, log, eol, ending, day, meal, items
):
    from datetime import date

    from camg import adding
    from camg.parser import parse

    path = tmp_path_factory.mktemp("add") / "meals.txt"
    old = (log.replace("\n", eol) + (eol if ending and log else "")).encode("utf-8")
    path.write_bytes(old)
    adding.add(str(path), items, date.fromisoformat(day), meal)
    new = path.read_bytes()
    grown = len(new) - len(old)
    cuts = [k for k in range(len(old) + 1) if new[:k] == old[:k] and new[k + grown :] == old[k:]]
    assert grown > 0 and cuts  # the old bytes, with one run of new bytes inserted
    inserted = new[cuts[0] : cuts[0] + grown].decode("utf-8")
    if "\n" in old.decode():  # a log with a line end: the new lines have it too
        assert (
            inserted.count("\r\n") == inserted.count("\n")
            if eol == "\r\n"
            else "\r" not in inserted
        )
    when = date.fromisoformat(day)
    was = [
        (i.text, i.meal) for d in parse(old.decode(), "x").days if d.date == when for i in d.items
    ]
    now = [
        (i.text, i.meal) for d in parse(new.decode(), "x").days if d.date == when for i in d.items
    ]
    assert len(now) == len(was) + len(items)
    if meal is not None:
        assert sum(1 for pair in now if pair[1] == meal) == sum(
            1 for pair in was if pair[1] == meal
        ) + len(items)


def test_only_a_regular_file_is_replaced_and_a_link_stays_a_link(camg, tmp_path):
    for target in ("/dev/null", str(tmp_path)):
        done = camg("add", "1 cup milk", "--file", target)
        assert done.status == ExitStatus.TROUBLE
        assert done.stderr == f"{target}: not a regular file; camg add writes only to one\n"
    log, link = tmp_path / "meals.txt", tmp_path / "link.txt"
    log.write_text(BEFORE, encoding="utf-8")
    link.symlink_to("meals.txt")
    done = camg("add", *COMMANDS[1], "--file", str(link))
    assert done.status == ExitStatus.OK, done.stderr
    assert link.is_symlink() and "snack: 1 apple" in log.read_text(encoding="utf-8")
    missing = camg("add", "1 cup milk", "--file", str(tmp_path / "no" / "meals.txt"))
    assert missing.status == ExitStatus.TROUBLE and "cannot write beside the log" in missing.stderr


def test_a_log_changed_by_another_program_meanwhile_is_not_overwritten(camg, tmp_path, monkeypatch):
    from camg import adding

    log = tmp_path / "meals.txt"
    log.write_text(BEFORE, encoding="utf-8")
    check = adding._check_placed

    def meanwhile(*args: object) -> None:  # an editor saves the log while camg add works
        check(*args)
        with log.open("a", encoding="utf-8") as other:
            other.write("1 pear\n")

    monkeypatch.setattr(adding, "_check_placed", meanwhile)
    done = camg("add", "1 cup milk", "--file", str(log))
    assert done.status == ExitStatus.TROUBLE
    assert (
        done.stderr
        == f"{log}: the log changed while camg add ran; nothing was added, run it again\n"
    )
    assert log.read_text(encoding="utf-8") == BEFORE + "1 pear\n"
    assert [p.name for p in tmp_path.iterdir()] == ["meals.txt"]
