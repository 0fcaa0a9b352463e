"""One meal-log fixture per kind of problem (camg.errors.Kind), read through the real CLI:
its stderr against a golden file, its exit status, and the problem as JSON reports it.

tests/errors/<kind>.txt is the log and tests/errors/<kind>.stderr what `camg log` prints
about it. After an intended change of wording, regenerate the goldens with:
    CAMG_UPDATE_GOLDEN=1 python -m pytest tests/test_error_kinds.py
and review the diff of tests/errors/ line by line.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable

import pytest

from camg.errors import CamgError, ExitStatus, Kind, Severity
from camg.logfile import read_logs
from tests.conftest import ROOT, Result

FIXTURES = ROOT / "tests" / "errors"
NOTES = {Kind.READ_AS, Kind.LEFT_OUT}  # how a line was read: camg goes on, exit status 0
# Something that may be a slip but may be true: camg says so and goes on, exit status 0.
WARNINGS = {Kind.IMPLAUSIBLE, Kind.UPPER_LIMIT, Kind.DUPLICATE}
# A warning about a whole file (the same file named twice): no line to point at.
FILE_WIDE = {Kind.DUPLICATE}
# Trouble with the file itself (here bytes that are not UTF-8), found before any line
# is read: the command stops even with --lenient and prints no JSON, so the core's
# CamgError is checked instead.
WHOLE_FILE = {Kind.UNREADABLE}
# Trouble in one of the user's own files, given with this option or environment variable:
# tests/errors/<kind>.toml beside the (sound) log. Nothing of the file is used and the log is
# never blamed.
OWN_FILES = {Kind.FOODS_FILE: "--foods", Kind.RECIPE: "--recipes", Kind.CONFIG: "CAMG_CONFIG"}

Camg = Callable[..., Result]


def _severity(kind: Kind) -> Severity:
    if kind in WARNINGS:
        return Severity.WARNING
    return Severity.NOTE if kind in NOTES else Severity.ERROR


def _argument(kind: Kind, monkeypatch: pytest.MonkeyPatch) -> str:
    """The file name to give camg for this kind's fixture, relative to the working
    directory so that no machine's path reaches a golden."""
    fixture = FIXTURES / f"{kind.value}.txt"
    assert fixture.is_file(), f"{kind!r} has no fixture: add {fixture.relative_to(ROOT)}"
    monkeypatch.chdir(ROOT)
    return fixture.relative_to(ROOT).as_posix()


def _files(kind: Kind, name: str) -> list[str]:
    """The duplicate's fixture is named twice, the mistake it is about."""
    return [name, name] if kind is Kind.DUPLICATE else [name]


@pytest.mark.parametrize("kind", list(Kind), ids=lambda kind: kind.value)
def test_stderr_matches_the_golden_and_the_exit_status_the_severity(
    camg: Camg, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Errors stop the command with status 2; notes are printed and camg goes on."""
    name = _argument(kind, monkeypatch)
    done = camg("log", *_files(kind, name), *_own_file(kind), env=_own_env(kind))
    expected = ExitStatus.TROUBLE if _severity(kind) is Severity.ERROR else ExitStatus.OK
    assert done.status == expected, done.stderr
    golden = FIXTURES / f"{kind.value}.stderr"
    if os.environ.get("CAMG_UPDATE_GOLDEN"):
        golden.write_text(done.stderr, encoding="utf-8")
    assert golden.is_file(), f"no golden for {kind!r}: run with CAMG_UPDATE_GOLDEN=1"
    assert done.stderr == golden.read_text(encoding="utf-8")
    assert "Traceback" not in done.stderr and str(ROOT) not in done.stderr


def _own_path(kind: Kind) -> str:
    return (FIXTURES / f"{kind.value}.toml").relative_to(ROOT).as_posix()


def _own_file(kind: Kind) -> list[str]:
    """The option that gives camg the kind's own file, if an option does."""
    option = OWN_FILES.get(kind, "")
    return [option, _own_path(kind)] if option.startswith("--") else []


def _own_env(kind: Kind) -> dict[str, str]:
    """The environment variable that gives camg the kind's own file, if one does."""
    name = OWN_FILES.get(kind, "--")
    return {} if name.startswith("--") else {name: _own_path(kind)}


@pytest.mark.parametrize(
    "kind",
    [kind for kind in Kind if kind not in WHOLE_FILE | set(OWN_FILES)],
    ids=lambda kind: kind.value,
)
def test_json_reports_only_this_kind_with_its_severity_file_and_line(
    camg: Camg, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --lenient the report's "unresolved" and "notes" carry the located problem."""
    name = _argument(kind, monkeypatch)
    done = camg("log", *_files(kind, name), "--format", "json", "--lenient")
    assert done.status == ExitStatus.OK, done.stderr
    report = json.loads(done.stdout)
    problems = report["unresolved"] + report["notes"]
    assert {problem["kind"] for problem in problems} == {kind.value}
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    for problem in problems:
        assert (problem["severity"], problem["source"]) == (_severity(kind).value, name)
        if kind in FILE_WIDE:
            assert problem["line"] is None and f"{name}: {problem['message']}" in done.stderr
            continue
        assert 1 <= problem["line"] <= len(lines)
        assert problem["text"] is None or problem["text"] in lines[problem["line"] - 1]
        assert f"{name}:{problem['line']}: {problem['message']}" in done.stderr


@pytest.mark.parametrize(
    "kind", [kind for kind in Kind if kind in WHOLE_FILE], ids=lambda kind: kind.value
)
def test_a_file_camg_cannot_read_stops_it_even_when_lenient(
    camg: Camg, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No JSON at all, one located line on stderr; the core's problem has the kind."""
    name = _argument(kind, monkeypatch)
    done = camg("log", name, "--format", "json", "--lenient")
    assert (done.status, done.stdout) == (ExitStatus.TROUBLE, "")
    with pytest.raises(CamgError) as raised:
        read_logs([name], io.BytesIO())
    [problem] = raised.value.problems
    assert (problem.kind, problem.severity, problem.source) == (kind, Severity.ERROR, name)
    assert done.stderr == f"{problem}\n"
    assert problem.line == 2  # the line that holds the first byte that is not UTF-8


@pytest.mark.parametrize("kind", list(OWN_FILES), ids=lambda kind: kind.value)
def test_a_bad_file_of_ones_own_stops_camg_and_names_only_that_file(
    camg: Camg, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even --lenient stops: no report, every problem at a line of the bad file, none in
    the log."""
    name = _argument(kind, monkeypatch)
    done = camg("log", name, *_own_file(kind), "--format", "json", "--lenient", env=_own_env(kind))
    assert (done.status, done.stdout) == (ExitStatus.TROUBLE, "")
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith(f"{_own_path(kind)}:") for line in lines)
    assert all(line.split(":")[1].isdigit() for line in lines)
    assert name not in done.stderr


def test_every_fixture_is_named_after_a_kind() -> None:
    """A fixture left behind by a renamed or removed kind fails too."""
    kinds = {kind.value for kind in Kind}
    assert {path.stem for path in FIXTURES.iterdir()} == kinds
