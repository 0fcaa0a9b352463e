"""Long reports written fast, as plain text: the bytes rich writes without colour.

rich lays out a table cell by cell (about 0.2 ms a row) and holds every part of a report
at once: a million days took minutes and gigabytes. Without colour (piped, or NO_COLOR) a
simple table needs no layout: each column is as wide as its widest cell, and every row
is one line. This writer takes the cells and parts views.py makes, a day at a time, and
writes them line by line; what it cannot write exactly as rich would (a table wider than
the console, markup) it leaves to rich, and rich itself wraps titles, captions and lines
of text longer than the console.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from camg.views import SuggestionBlock

# Reports of a month or less go to rich. The plain writer is faster at every size (10
# days: 1.3 ms against rich's 3.9; 50 days: 5 against 17; 3,650 days: 0.11 s against
# 1.45, docs/performance.md), but below a month the difference is within the noise of
# a run, and rich's own layout stays what a person usually sees.
LEAST_ROWS = 32


def write_report(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None,
    rows: list[dict[str, Any]] | None,
    by: str,
    console: Console,
    stream: IO[str],
) -> bool:
    """Write views.report_view's report to `stream` as `console.print` would, a day at a
    time; False, having written nothing, when it is short, coloured or not simple."""
    from camg import views

    if console.color_system is not None or rows is not None or len(report.days) < LEAST_ROWS:
        return False
    width = console.width  # rich asks the terminal each time: once is enough
    frame = views.day_table_frame(report, detail)
    stream = _Batched(stream)
    wrapped: dict[str, str] = {}
    drawn: dict[Table, str | None] = {}  # each grid's lines, by the grid itself
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as kept:
        # The rows wait on disk while the columns are sized: made once, held nowhere.
        rows_made = (_kept(views.day_cells(report, day, detail), kept) for day in report.days)
        sizes = _column_sizes(frame, rows_made)
        if sizes is None or not _simple(frame) or sum(sizes) + 3 * len(sizes) + 1 > width:
            return False
        rights = [column.justify == "right" for column in frame.columns]
        _write_part(views.day_table_title(report), console, width, wrapped, stream, drawn)
        for line in _table_head(frame, sizes, rights, console):
            stream.write(line)
        kept.seek(0)
        for line in kept:
            stream.write(_row(line[:-1].split(_SEPARATOR), sizes, rights, "│"))
    for line in _table_foot(frame, sizes, console):
        stream.write(line)
    _write_part(views.day_table_legend(report), console, width, wrapped, stream, drawn)
    for part in views.report_parts(report, detail, period, rows, by, table=False):
        _write_part(part, console, width, wrapped, stream, drawn)
    stream.flush()
    return True


class _Batched:
    """Many short writes gathered into few: a million days' rows and parts are several
    million strings, and a write to the console's file costs more than the string."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= 4096:
            self.flush()

    def flush(self) -> None:
        """Hand on what is gathered (before rich writes to the same file, and at the end)."""
        if self.parts:
            self.stream.write("".join(self.parts))
            self.parts.clear()


def _write_part(
    part: Any,
    console: Console,
    width: int,
    wrapped: dict[str, str],
    stream: IO[str],
    drawn: dict[Table, str | None],
) -> None:
    """One part of a report: plain text, a simple table or a grid written here (a group
    part by part), anything else by rich."""
    if isinstance(part, Group):
        for renderable in part.renderables:
            _write_part(renderable, console, width, wrapped, stream, drawn)
        return
    if isinstance(part, SuggestionBlock):  # a day's suggestions: the most common part
        heading, grid = part
        lines = drawn.get(grid)
        if (
            lines is not None
            and heading.isascii()
            and len(heading) <= width
            and "\t" not in heading
        ):
            stream.write(f"{heading}\n{lines}")  # the heading as it is, the grid drawn before
            return
        _write_part(Text(heading), console, width, wrapped, stream, drawn)
        _write_part(grid, console, width, wrapped, stream, drawn)
        return
    text = _text_lines(part, console, width, wrapped) if isinstance(part, Text) else None
    if text is None and isinstance(part, Table):
        if part.box is not None:
            text = _table_lines(part, console, width)
        elif (text := drawn.get(part)) is None:  # a grid views.py made once, shown again
            text = drawn[part] = _grid_lines(part, width)
            if len(drawn) > 4096:
                drawn.clear()
    if text is None:
        stream.flush()
        console.print(part)
    else:
        stream.write(text)


def _grid_lines(grid: Table, width: int) -> str | None:
    """A grid (views' suggestions and top sources) as rich prints it when every row fits
    on one line: cells padded to their column's width, one space between columns."""
    if grid.padding != (0, 1, 0, 1) or not grid.collapse_padding or grid.pad_edge:
        return None
    columns = [column._cells for column in grid.columns]
    rows = [[_plain(cell) for cell in row] for row in zip(*columns, strict=True)]
    if any(cell is None or "\n" in cell for row in rows for cell in row):
        return None
    sizes = [
        max([column.width or 0, column.min_width or 0, *(_width(row[index]) for row in rows)])
        for index, column in enumerate(grid.columns)
    ]
    if sum(sizes) + len(sizes) - 1 > width:
        return None  # rich wraps a cell: its layout, not this one
    rights = [column.justify == "right" for column in grid.columns]
    lines = []
    for row in rows:
        cells = [
            (" " * (size - _width(cell)) + cell) if right else cell + " " * (size - _width(cell))
            for cell, size, right in zip(row, sizes, rights, strict=True)
        ]
        lines.append(" ".join(cells) + "\n")
    return "".join(lines)


_SEPARATOR = "\x1f"  # a control character: log text never holds one (the parser drops them)


def _kept(row: list[Any], kept: IO[str]) -> list[Any]:
    """A row as it goes by to be sized, written to `kept` as plain text (a row that is
    not plain text makes the sizing fail, and the table goes to rich)."""
    cells = [cell if type(cell) is str else _plain(cell) for cell in row]
    if None not in cells:
        kept.write(_SEPARATOR.join(cells) + "\n")
    return row


def _column_sizes(frame: Table, rows: Iterator[list[Any]]) -> list[int] | None:
    """Each column's width: its widest cell or header; None for a cell rich must lay out."""
    sizes = [cell_len(column.header) for column in frame.columns]
    for row in rows:
        for index, cell in enumerate(row):
            text = cell if type(cell) is str and "[" not in cell else _plain(cell)
            if text is None or "\n" in text or "\t" in text or _SEPARATOR in text:
                return None
            width = len(text) if text.isascii() else cell_len(text)
            if width > sizes[index]:
                sizes[index] = width
    return sizes


def _text_lines(text: Text, console: Console, width: int, wrapped: dict[str, str]) -> str | None:
    """A text as rich prints it: lines that fit as they are, longer ones wrapped by rich
    (each distinct long line once: a long report repeats its suggestions)."""
    if text.end != "\n" or text.justify is not None or text.overflow is not None:
        return None
    out = []
    for line in text.plain.split("\n"):
        if "\t" not in line and _width(line) <= width:
            out.append(line + "\n")
            continue
        found = wrapped.get(line)
        if found is None:
            with console.capture() as captured:
                console.print(Text(line))
            found = wrapped[line] = captured.get()
        out.append(found)
    return "".join(out)


def _simple(table: Table) -> bool:
    """A table as views.py builds them: default box, padding and sizes, no markup."""
    return (
        table.box is box.HEAVY_HEAD
        and table.padding == (0, 1, 0, 1)
        and table.show_header
        and table.show_edge
        and not table.show_lines
        and not table.show_footer
        and not table.expand
        and table.width is None
        and table.pad_edge
        and not table.collapse_padding
        and (table.title is None or table.title_justify == "left")
        and (table.caption is None or table.caption_justify == "left")
        and all(
            column.width is None
            and column.min_width is None
            and column.max_width is None
            and column.ratio is None
            and column.justify in ("left", "right")
            and isinstance(column.header, str)
            for column in table.columns
        )
        and all(note is None or isinstance(note, str) for note in (table.title, table.caption))
    )


def _table_lines(table: Table, console: Console, width: int) -> str | None:
    """A whole table's lines, or None when rich would have to shrink or wrap something."""
    if not _simple(table):
        return None
    columns = [column._cells for column in table.columns]
    sizes = _column_sizes(table, iter(list(row) for row in zip(*columns, strict=True)))
    if sizes is None or sum(sizes) + 3 * len(sizes) + 1 > width:
        return None
    rights = [column.justify == "right" for column in table.columns]
    lines = _table_head(table, sizes, rights, console)
    for row in zip(*columns, strict=True):
        lines.append(_row([_plain(cell) for cell in row], sizes, rights, "│"))
    return "".join(lines + _table_foot(table, sizes, console))


def _table_head(table: Table, sizes: list[int], rights: list[bool], console: Console) -> list[str]:
    width = sum(sizes) + 3 * len(sizes) + 1
    lines = [] if table.title is None else [_annotation(table.title, width, console)]
    lines.append("┏" + "┳".join("━" * (size + 2) for size in sizes) + "┓\n")
    lines.append(_row([column.header for column in table.columns], sizes, rights, "┃"))
    lines.append("┡" + "╇".join("━" * (size + 2) for size in sizes) + "┩\n")
    return lines


def _table_foot(table: Table, sizes: list[int], console: Console) -> list[str]:
    width = sum(sizes) + 3 * len(sizes) + 1
    lines = ["└" + "┴".join("─" * (size + 2) for size in sizes) + "┘\n"]
    if table.caption is not None:
        lines.append(_annotation(table.caption, width, console))
    return lines


def _plain(cell: Any) -> str | None:
    if isinstance(cell, str):
        return None if "[" in cell else cell  # markup: rich's to read
    return cell.plain if isinstance(cell, Text) else None


def _row(cells: list[Any], sizes: list[int], rights: list[bool], bar: str) -> str:
    out = [bar]
    for cell, size, right in zip(cells, sizes, rights, strict=True):
        if cell.isascii():
            out.append(f" {cell.rjust(size) if right else cell.ljust(size)} {bar}")
        else:  # wide characters take two cells
            pad = " " * (size - cell_len(cell))
            out.append(f" {pad}{cell} {bar}" if right else f" {cell}{pad} {bar}")
    out.append("\n")
    return "".join(out)


def _width(text: str) -> int:
    """Cells a text takes in a terminal: its length when it is ASCII."""
    return len(text) if text.isascii() else cell_len(text)


def _annotation(note: str, width: int, console: Console) -> str:
    """A title or caption, left-justified across the table's width and wrapped to it, by
    rich (one call for the whole table)."""
    with console.capture() as captured:
        console.print(note, justify="left", width=width, highlight=False)
    return captured.get()
