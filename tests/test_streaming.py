"""Streaming: a log is read, resolved and totalled a day at a time, and the result is what
the same logs read whole give: the same days, totals, problems and notes, in the same order.
A regular file is never held whole; a stream that cannot be read twice still is, up to its
size limit."""

from __future__ import annotations

import io
import math
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from camg import engine, headings, logfile, parser, resolve
from camg.analysis import _day_warnings, analyse
from camg.errors import CamgError
from camg.headings import Heading, numeric_evidence, read_heading, settle
from camg.parser import ParsedLog, Piece, decode, parse
from camg.reference import Profile

RANGE = engine.Options(low=2.0, high=2.8)
# With a profile, days are compared with its intakes (and warn above the calcium limit).
PROFILED = engine.Options(low=2.0, high=2.8, profile=Profile("female", 35))
TODAY = date(2026, 11, 29)
HEADINGS = [
    "2026-03-09",
    "2026-03-09 Monday",
    "2026-03-10",
    "1971-01-01 Friday",
    "2026-02-30",
    "3/9",
    "14/10",
    "10/14",
    "3/9/26",
    "26/11/20",
    "Monday",
    "Tuesday 3/9",
    "Nov 20",
    "20 November",
    "Dec 31",
    "Jan 1",
    "Day 2",
    "## Friday",
]
ITEMS = [
    "1 cup milk",
    "2 kg yogurt",
    "2 eggs",
    "30 g almonds; a banana",
    "150 g salmon  # dinner out",
    "breakfast: 1 cup milk",
    "lunch:",
    "- 2 slices whole wheat bread",
    "zorblax",
    "spinch, 100 g",
    "50 kg cheddar",
    "magnesium glycinate 400 mg",
    "vitamin D 2000 IU",
    "tofu, 100 g",
    "3 kg almonds",
    "",
    "# a comment",
]
LOG = st.lists(st.sampled_from(HEADINGS + ITEMS + ITEMS), max_size=40).map("\n".join)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _written(texts: list[str], folder: str) -> list[str]:
    paths = []
    for number, text in enumerate(texts):
        path = Path(folder) / f"log{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _whole(
    paths: list[str], date_order: str | None, entries: bool, options: engine.Options
) -> tuple:
    """The reference: every log read whole, its days merged, sorted, then resolved."""
    parsed = logfile.read_logs(paths, None, date_order)
    resolved = resolve.ResolvedLog([], [], [])
    report = engine.build_report(resolve.resolve_days(parsed, resolved), options, entries)
    resolved.notices.extend(_day_warnings(report))
    return report, resolved


def _seen(report: engine.Report, resolved: resolve.ResolvedLog) -> tuple:
    days = [
        (
            day.index,
            day.date,
            list(day.labels),
            day.calcium_mg,
            day.magnesium_mg,
            day.ratio,
            day.status,
            day.entry_count,
            list(day.unknown_foods),
            list(day.unresolved),
            day.supplement_magnesium_mg,
            day.calcium_rda_pct,
            day.estimated,
            day.approximate,
            list(day.warnings),
        )
        for day in report.days
    ]
    return days, report.summary, report.warned_at, resolved.problems, resolved.notices


@SETTINGS
@given(
    st.lists(LOG, min_size=1, max_size=3),
    st.sampled_from([None, "dmy"]),
    st.booleans(),
    st.sampled_from([RANGE, PROFILED]),
)
def test_streaming_gives_what_reading_whole_gives(texts, date_order, entries, options):
    with tempfile.TemporaryDirectory() as folder:
        paths = _written(texts, folder)
        report, resolved = _whole(paths, date_order, entries, options)
        streamed = analyse(
            paths, None, options, lenient=True, date_order=date_order, entries=entries
        )
    assert _seen(streamed.report, streamed.resolved) == _seen(report, resolved)
    assert streamed.resolved.lines == resolved.lines
    assert streamed.report.day_entries == report.day_entries


def _dates_read_whole(text: str, order: str | None) -> list[date | None]:
    """The dates of a file's headings as camg read them before it streamed: every heading
    of the file first, then the order its first unambiguous date says, each year not
    written from the previous date or else from the next heading that has one."""
    log = ParsedLog([], [])
    sections = list(parser._sections(parser.text_lines(text), "f", log))
    found: dict[str, int] = {}
    for section in sections:
        if isinstance(section.heading, Heading) and (evidence := numeric_evidence(section.heading)):
            found.setdefault(evidence, section.line)
    order = order or next(iter(found), parser.DEFAULT_ORDER)
    dates: list[date | None] = []
    previous = None
    for at, section in enumerate(sections):
        heading = section.heading
        if heading is None:
            if section.written:
                dates.append(None)
            continue
        if isinstance(heading, str):
            heading = read_heading(heading)
        years = (parser._year(later.heading) for later in sections[at + 1 :])
        ahead = next((year for year in years if year is not None), None)
        settled = settle(heading, order, previous, ahead, TODAY)
        if settled.error is not None or settled.when is None:
            dates.append(None)
            continue
        previous = settled.when
        dates.append(settled.when)
    return dates


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*HEADINGS, "1 cup milk"]), max_size=30).map("\n".join),
    st.sampled_from([None, "dmy", "ymd"]),
)
def test_dates_settled_as_they_come_are_those_of_the_whole_file(text, order):
    pieces = parser.read_days(parser.text_lines(text), "f", ParsedLog([], []), order, TODAY)
    assert [piece.date for piece in pieces] == _dates_read_whole(text, order)


TEXT = (
    st.lists(
        st.sampled_from(["a", "1 cup milk", ";", " ", "\n", "\r", "\r\n", "\x01", "é", "\u2028"]),
        max_size=40,
    )
    .map("".join)
    .map(lambda text: f"2026-03-09\n{text}")
)


@SETTINGS
@given(TEXT, st.sampled_from([1, 3, 16]))
def test_a_file_read_in_chunks_is_read_as_its_whole_text(text, chunk):
    """Chunks that cut a CRLF, a character's bytes or a line too long to hold."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(logfile, "CHUNK", chunk)
        patch.setattr(logfile, "MOST_LINE_CHARS", 12)
        patch.setattr(parser, "MOST_LINE_CHARS", 12)
        data = text.encode()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "log.txt"
            path.write_bytes(data)
            streamed = logfile.read_logs([str(path)], None)
        whole = parse(decode(data, str(path)), str(path))
    assert [(day.date, day.items) for day in streamed.days] == [
        (day.date, day.items) for day in whole.days
    ]
    assert streamed.problems == whole.problems


def _days_of(count: int) -> str:
    return "".join(
        f"{date.fromordinal(730000 + n)}\n1 cup milk\n30 g almonds\n" for n in range(count)
    )


@pytest.mark.parametrize("dirty", [False, True], ids=["plain", "with a control character"])
def test_a_regular_file_is_read_as_its_days_are_used(tmp_path, monkeypatch, dirty):
    monkeypatch.setattr(logfile, "CHUNK", 4096)
    path = tmp_path / "log.txt"
    path.write_text(("\x01" if dirty else "") + _days_of(20_000), encoding="utf-8")
    logs = logfile.open_logs([str(path)], None)
    days = logfile.stream_days(logs, ParsedLog([], []))
    first = next(days)
    assert (first.date, len(first.written)) == (date.fromordinal(730000), 2)
    read = logs.opened[-1].buffer.tell() if not dirty else logs.opened[-1].tell()
    assert read < path.stat().st_size // 20
    logs.close()


def test_a_regular_file_has_no_size_limit_and_a_stream_has_one(tmp_path, monkeypatch):
    monkeypatch.setattr(logfile, "MOST_BYTES", 1000)
    path = tmp_path / "log.txt"
    path.write_text(_days_of(100), encoding="utf-8")
    assert len(analyse([str(path)], None, RANGE).report.days) == 100
    with pytest.raises(CamgError) as raised:
        analyse(["-"], io.BytesIO(path.read_bytes()), RANGE)
    assert raised.value.problems[0].message.startswith("larger than")


@pytest.mark.parametrize("dirty", [False, True], ids=["plain", "with a control character"])
def test_a_line_longer_than_a_chunk_is_measured_without_being_held(tmp_path, dirty):
    long = ("\x01" if dirty else "") + "apple " * 500_000
    path = tmp_path / "log.txt"
    path.write_text(f"2026-05-01\n{long}\n1 cup milk\nzorblax\n", encoding="utf-8")
    analysis = analyse([str(path)], None, RANGE, lenient=True)
    first, second = analysis.resolved.problems
    assert (first.line, first.message[:42]) == (2, "this line is 3,000,001 characters long, mo")
    assert second.line == 4
    assert analysis.report.days[0].entry_count == 1


def test_a_date_written_twice_adds_up_to_the_day_written_once(tmp_path):
    twice = "2026-05-01\n1 cup milk\n2026-05-02\n2 eggs\n2026-05-01\n30 g almonds; a banana\n"
    once = "2026-05-01\n1 cup milk\n30 g almonds; a banana\n2026-05-02\n2 eggs\n"
    found = []
    for text in (twice, once):
        path = tmp_path / "log.txt"
        path.write_text(text, encoding="utf-8")
        found.append(_seen(*analyse([str(path)], None, RANGE)[:2])[0])
    assert found[0] == found[1]


def test_a_recipe_after_the_items_that_use_it_is_read_first(tmp_path):
    recipe = "recipe: cheesy toast, serves 1\n1 slice bread; 30 g #01188\nend recipe\n"
    found = []
    for text in (
        f"2026-05-01\n1 serving cheesy toast\n{recipe}",
        f"{recipe}2026-05-01\n1 serving cheesy toast\n",
    ):
        path = tmp_path / "log.txt"
        path.write_text(text, encoding="utf-8")
        [day] = analyse([str(path)], None, RANGE).report.days
        found.append((day.entry_count, day.calcium_mg))
    assert found[0] == found[1] and found[0][1] > 0


def test_pieces_of_a_file_come_in_the_order_written():
    text = "3/9\n1 cup milk\n14/10\n2 eggs\n"
    pieces = list(parser.read_days(parser.text_lines(text), "f", ParsedLog([], [])))
    assert [piece.date for piece in pieces] == [date(TODAY.year, 9, 3), date(TODAY.year, 10, 14)]
    assert all(isinstance(piece, Piece) for piece in pieces)


def test_the_parts_of_a_date_add_up_to_the_sum_of_all_its_entries():
    """What fsum rounded off the first part's sum is kept: 1e16 + 1 is no float."""
    builder = engine.ReportBuilder(RANGE, keep_entries=False)
    for part in ([1e16, 1.0], [1.0]):
        values = [engine.Values(value, value, 0.0, False, False, False) for value in part]
        builder.add(resolve.ResolvedDay(date(2026, 5, 1), ()), values)
    [day] = builder.report().days
    assert day.calcium_mg == day.magnesium_mg == math.fsum([1e16, 1.0, 1.0]) == 1e16 + 2
    assert day.entry_count == 3


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2} [A-Za-zé:]{0,9}\Z"))
def test_a_dated_label_is_read_without_the_patterns_as_with_them(line):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(headings, "_one_word", lambda text: False)
        with_patterns = read_heading(line)
    assert read_heading(line) == with_patterns


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bytes_that_are_not_text_are_found_at_their_line_past_the_first_chunk(
    tmp_path, monkeypatch, encoding
):
    monkeypatch.setattr(logfile, "CHUNK", 64)
    bom = "\ufeff".encode(encoding)
    text = _days_of(10).encode(encoding)
    path = tmp_path / "log.txt"
    lone = "\ud800".encode(encoding, "surrogatepass")  # half a character: no text
    path.write_bytes(bom + text + lone + "a\n1 cup milk\n".encode(encoding))
    with pytest.raises(CamgError) as raised:
        logfile.open_logs([str(path)], None)
    [problem] = raised.value.problems
    assert (problem.line, problem.message[:14]) == (31, "not UTF-16 tex")
