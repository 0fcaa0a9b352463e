"""`camg log` in shell pipelines: stdin, several files, --check, colour and closed pipes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, modules_loaded

WITHIN = "100 g #11457\n10 g #01009\n"  # spinach and cheddar: ratio about 2.1
ABOVE = "1 cup milk\n"  # ratio about 10.9
BELOW = "100 g #12014\n"  # pumpkin seeds: ratio 0.08


@pytest.fixture
def log_file(tmp_path):
    def make(text: str, name: str = "meals.txt") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return make


def test_dash_reads_stdin(camg):
    result = camg("log", "-", "--format", "json", stdin="2026-11-20\n1 cup milk\n")
    assert result.status == 0
    entry = json.loads(result.stdout)["days"][0]["entries"][0]
    assert entry["source"] == "<stdin>" and entry["line"] == 2


def test_stdin_errors_are_located_too(camg):
    result = camg("log", "-", stdin="1 cup milk\n20 g flibbertigibbet\n")
    assert result.status == 2
    assert result.stderr.startswith("<stdin>:2: unknown food")


def test_no_file_is_a_usage_error_and_stdin_is_never_implicit(camg):
    result = camg("log", stdin="1 cup milk\n")
    assert result.status == 2 and result.stdout == ""


def test_several_files_merge_by_date(camg, log_file):
    first = log_file("2026-11-21\n1 cup milk\n2026-11-20\n100 g #11457\n", "a.txt")
    second = log_file("2026-11-20\n100 g #11457\n", "b.txt")
    report = json.loads(camg("log", first, second, "-f", "json").stdout)
    assert [day["date"] for day in report["days"]] == ["2026-11-20", "2026-11-21"]
    merged = report["days"][0]
    assert merged["calcium_mg"] == pytest.approx(2 * 99)
    assert [entry["source"] for entry in merged["entries"]] == [first, second]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WITHIN, 0),
        (ABOVE, 1),
        (BELOW, 1),
        ("2026-11-20\n" + WITHIN + "2026-11-21\n" + ABOVE, 1),
        ("100 g #19335\n", 1),
    ],  # sugar: no magnesium, no ratio, not within
)
def test_check_exit_status_is_grep_like(camg, log_file, text, expected):
    result = camg("log", log_file(text), "--check", "--format", "csv")
    assert result.status == expected
    assert result.stdout.startswith("date,")  # the report is still printed


def test_check_with_bad_input_is_trouble(camg, log_file):
    assert camg("log", log_file("20 g flibbertigibbet\n"), "--check").status == 2


def test_range_option_moves_the_bounds(camg, log_file):
    path = log_file(ABOVE)
    assert camg("log", path, "--check", "--range", "10:12", "-f", "csv").status == 0
    report = json.loads(camg("log", path, "--range", "10:12", "-f", "json").stdout)
    assert report["range"] == {"low": 10.0, "high": 12.0, "basis": "mass"}
    for bad in ("3:2", "x:y", "2", "0:2"):
        result = camg("log", path, "--range", bad)
        assert result.status == 2 and "--range" in result.stderr


def test_molar_basis_converts_ratio_and_range(camg, log_file):
    report = json.loads(camg("log", log_file(WITHIN), "--basis", "molar", "-f", "json").stdout)
    assert report["range"]["molar_low"] == pytest.approx(1.2129, abs=1e-4)
    day = report["days"][0]
    assert day["molar_ratio"] == pytest.approx(day["ratio"] * 24.305 / 40.078, abs=1e-3)


def test_profile_needs_sex_and_age(camg, log_file):
    path = log_file(WITHIN)
    assert camg("log", path, "--sex", "female").status == 2
    report = json.loads(camg("log", path, "--sex", "female", "--age", "40", "-f", "json").stdout)
    assert report["days"][0]["magnesium_rda_pct"] == pytest.approx(
        100 * report["days"][0]["magnesium_mg"] / 320, abs=0.01
    )


def test_csv_detail_has_one_row_per_entry(camg, log_file):
    result = camg(
        "log", log_file("2026-11-20\nlunch: 1 cup milk; 100 g #11457\n"), "-f", "csv", "--detail"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["food_id"] for row in rows] == ["01079", "11457"]
    assert rows[0]["meal"] == "lunch" and rows[0]["date"] == "2026-11-20"


def test_spreadsheet_formulas_in_user_text_are_neutralised(camg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=HYPERLINK.txt").write_text("1 cup milk\n", encoding="utf-8")
    result = camg("log", "=HYPERLINK.txt", "-f", "csv", "--detail")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["source"] == "'=HYPERLINK.txt"
    assert row["grams"] == "244.0"


def test_tsv_uses_tabs(camg, log_file):
    header = camg("log", log_file(WITHIN), "-f", "tsv").stdout.splitlines()[0]
    assert header.split("\t")[:4] == ["date", "calcium_mg", "magnesium_mg", "ratio"]


def test_no_colour_when_piped_or_no_color(camg, log_file):
    path = log_file(WITHIN)
    assert "\x1b[" not in camg("log", path).stdout
    forced = camg("log", path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in forced


def _day_on_a_terminal(**env: str) -> str:
    """`camg log examples/day.txt` as a terminal would see it (colour forced)."""
    environment = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", **env}
    environment["PYTHONPATH"] = str(ROOT)
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "camg", "log", "examples/day.txt"]
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_colour_on_a_terminal_unless_no_color():
    assert "\x1b[" in _day_on_a_terminal()
    assert "\x1b[" not in _day_on_a_terminal(NO_COLOR="1")


def _piped(tmp_path, pipeline: str) -> subprocess.CompletedProcess:
    """Run `camg log BIG <pipeline>` in bash, BIG a 300-day log."""
    big = tmp_path / "big.txt"
    days = [
        f"2026-{1 + d // 28:02d}-{1 + d % 28:02d}\n1 cup milk; 100 g #11457\n" for d in range(300)
    ]
    big.write_text("".join(days), encoding="utf-8")
    script = f"{sys.executable} -m camg log {big} {pipeline}"
    return subprocess.run(
        ["bash", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


def test_a_closed_pipe_ends_quietly(tmp_path):
    done = _piped(tmp_path, "--format csv | head -1")
    header = (
        "date,calcium_mg,magnesium_mg,ratio,status,incomplete,unknown_values,entries_count,"
        "estimated_entries,approximate_entries"
    )
    assert done.stdout == header + "\n"
    assert done.stderr == ""


def test_safe_cell_neutralises_formulas_and_leaves_numbers():
    from camg.render import safe_cell

    for hostile in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(hostile) == "'" + hostile
    assert safe_cell(-1.5) == -1.5 and safe_cell(0) == 0
    assert safe_cell("milk") == "milk" and safe_cell(None) == ""


@pytest.mark.parametrize(
    ("options", "status"), [("-f json", "0"), ("", "0"), ("--check -f csv", "1")]
)
def test_a_closed_pipe_keeps_the_status_the_output_would_have_had(tmp_path, options, status):
    done = _piped(tmp_path, f'{options} | head -c 20 > /dev/null; echo "${{PIPESTATUS[0]}}" >&2')
    assert done.stderr == f"{status}\n"


def test_csv_never_works_out_the_suggestions_it_does_not_print():
    """A day table in CSV has no suggestions column: the suggestion module stays unloaded."""
    runs = [["log", "examples/week.txt", "-f", fmt, "-q"] for fmt in ("csv", "tsv")]
    assert modules_loaded(runs, ("camg.suggest",)) == []
    assert modules_loaded([["log", "examples/week.txt", "-q"]], ("camg.suggest",)) != []


def test_a_one_day_log_never_imports_pandas_or_numpy(log_file, camg):
    """The daily run is plain Python: neither library loads, whether or not the day
    prints suggestions (an out-of-range day does, and loads the suggestion module)."""
    above = log_file("2026-05-01\n" + ABOVE)
    assert "add one of" in camg("log", above).stdout
    for runs in ([["log", "examples/day.txt"]], [["log", above]], [["log", above, "-f", "json"]]):
        assert modules_loaded(runs, ("pandas", "numpy")) == []
    assert modules_loaded([["log", above]], ("camg.suggest",)) == ["camg.suggest"]


@pytest.mark.parametrize("days", [3, 52])
@pytest.mark.parametrize(
    "options",
    [[], ["--basis", "molar"], ["--sex", "female", "--age", "35"], ["--detail"], ["--by", "week"]],
)
def test_a_piped_table_is_written_fast_with_the_bytes_rich_writes(camg, monkeypatch, options, days):
    """The plain writer takes a piped report, short or long (incomplete days, estimates,
    approximate words, suggestions, a legend wider than the table); rich alone prints the
    same."""
    from camg import plaintext

    logged = [
        f"2026-{1 + d // 28:02d}-{1 + d % 28:02d}\nbreakfast: 1 cup milk; banana\n"
        f"lunch: {d % 7 + 1} oz cheddar cheese; 1 slice of wholegrain toast\n"
        + ("dinner: 1 cup brocoli\n" if d % 5 else "dinner: 100 g #12014\n")
        for d in range(days)
    ]
    text = "".join(logged) + "2026-12-30\n20 g flibbertigibbet\n"
    used = []
    write = plaintext.write_report
    monkeypatch.setattr(
        plaintext, "write_report", lambda *args: used.append(write(*args)) or used[-1]
    )
    fast = camg("log", "-", "--lenient", "-q", *options, stdin=text)
    monkeypatch.setattr(plaintext, "write_report", lambda *args: False)  # rich writes it all
    slow = camg("log", "-", "--lenient", "-q", *options, stdin=text)
    assert fast.status == slow.status == 0
    if "--by" in options:  # a period table: rich writes it
        assert used == [False] and "ISO week" in fast.stdout
    else:
        assert used == [True]
        assert "~ holds estimates" in fast.stdout and "add one of" in fast.stdout
    assert fast.stdout == slow.stdout


def test_a_piped_report_does_not_import_rich(log_file):
    """Piped, a report is the plain writer's alone: rich's import would cost more than
    reading the day. On a terminal, rich writes it."""
    above = log_file("2026-05-01\n" + ABOVE)
    runs = [["log", "examples/day.txt"], ["log", above], ["log", "examples/week.txt", "-d"]]
    assert modules_loaded(runs[:2], ("rich",)) == []
    assert modules_loaded(runs[2:], ("rich",)) == ["rich"]  # --detail: its entry tables


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["log", "examples/week.txt"], 0),
        (["log", "examples/week.txt", "--check", "-f", "csv"], 1),
        (["log", "no-such-log.txt"], 2),
        (["log", "examples/week.txt", "-f", "jsn"], 2),
    ],
)
def test_the_console_script_leaves_with_every_byte_and_its_status(camg, monkeypatch, args, status):
    """The process ends without interpreter teardown: what it wrote must all be there, and
    the status must be the one an in-process call gives."""
    monkeypatch.chdir(ROOT)
    expected = camg(*args)
    done = subprocess.run(
        # As the console script calls it: main() with no arguments of its own.
        [sys.executable, "-c", "from camg.cli import main; main()", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"},
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (status, expected.stdout, expected.stderr)


@pytest.mark.parametrize(
    ("heading", "columns"),
    [
        ("Day {n} - a [bold]long[/bold] run", "120"),  # markup in a cell: rich reads it
        ("Day {n} - rest :fire: day", "120"),  # an emoji code in a cell: rich reads it too
        ("Day {n}", "30"),  # a table wider than the console: rich shrinks it
        ("Day {n} - 早餐", "120"),  # wide characters: two cells each
    ],
)
def test_what_the_plain_writer_cannot_write_rich_writes(camg, monkeypatch, heading, columns):
    from camg import plaintext

    days = [f"{heading.format(n=n)}\n1 cup milk\n" for n in range(1, plaintext.LEAST_ROWS + 5)]
    text = "".join(days)
    outputs = []
    for rich_alone in (False, True):
        if rich_alone:
            monkeypatch.setattr(plaintext, "write_report", lambda *args: False)
        done = camg("log", "-", "-q", stdin=text, env={"COLUMNS": columns})
        assert done.status == 0
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert "add one of" in outputs[0]


CELLS = st.sampled_from(
    ["", "a", "1 oz almonds", "+336 mg Mg,", "-> ratio 12.34", "é", "早", "x\ny"]
)


@st.composite
def grids_sharing_their_heads(draw: st.DrawFn) -> list[Any]:
    """Grids of the same number of columns, some of the same rows but for their last
    cells."""
    from camg.layout import Column, Grid

    count = draw(st.integers(1, 6))
    column = st.builds(
        Column,
        justify=st.sampled_from(["left", "right"]),
        width=st.sampled_from([None, 1, 4]),
        min_width=st.sampled_from([None, 16]),
    )
    columns = draw(st.tuples(*[column] * count))
    flipped = tuple(  # another kind of grid: each column justified the other way, and wider
        c._replace(justify="left" if c.justify == "right" else "right", min_width=20)
        for c in columns
    )
    kinds = [columns, flipped]
    rows = draw(st.lists(st.lists(CELLS, min_size=1, max_size=count), max_size=4))
    grids = []
    for _ in range(draw(st.integers(1, 4))):
        lasts = draw(st.lists(CELLS, min_size=len(rows), max_size=len(rows)))
        grids.append(
            Grid(
                draw(st.sampled_from(kinds)),
                [
                    (*row[:-1], last) if len(row) == count else tuple(row)
                    for row, last in zip(rows, lasts, strict=True)
                ],
            )
        )
    return grids


@settings(max_examples=300, deadline=None)
@given(grids_sharing_their_heads(), st.sampled_from([20, 40, 100_000]))
def test_grids_of_the_same_heads_are_drawn_as_each_alone(grids, width):
    """The plain writer pads each grid's rows but their last cells once for every grid of
    the same such rows (a long log's suggestions): each grid is drawn as on its own."""
    from camg import plaintext

    out = plaintext._Output(plaintext._Batched(io.StringIO()), width, lambda: None)
    for grid in grids:
        assert out._grid_lines(grid) == plaintext._grid_lines(grid, width)
