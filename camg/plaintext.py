"""Reports written fast, as plain text: the bytes rich writes without colour.

rich lays out a table cell by cell (about 0.2 ms a row) and holds every part of a report
at once: a million days took minutes and gigabytes; and importing it costs more than
reading a one-day log. Without colour (piped, or NO_COLOR) a simple table needs no layout:
each column is as wide as its widest cell, and every row is one line. This writer takes
the parts camg.layout makes, a day at a time, and writes them line by line; what it
cannot write exactly as rich would (a table wider than the console, markup, the entries
of --detail) it leaves to rich, imported only then, and rich itself wraps lines of text
longer than the console.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any

from camg import layout
from camg.layout import Cell, Column, Grid, Styled, SuggestionBlock, Table

if TYPE_CHECKING:
    from rich.console import Console

# On a terminal without colour, reports of a month or less go to rich. The plain writer is
# faster at every size (10 days: 1.3 ms against rich's 3.9; 50 days: 5 against 17; 3,650
# days: 0.11 s against 1.45, docs/performance.md), but below a month the difference is
# within the noise of a run, and rich's own layout stays what a person usually sees. Piped
# output is written here whatever its length: rich's import alone costs more than a day.
LEAST_ROWS = 32
# Rows sized in memory; a longer report's rows wait on disk.
IN_MEMORY_ROWS = 4096


def write_report(
    report: Any,
    view: tuple[bool, dict[str, Any] | None, list[dict[str, Any]] | None, str],
    width: int,
    stream: IO[str],
    console: Callable[[], Console],
    least_rows: int = LEAST_ROWS,
) -> bool:
    """Write views.report_view's report of `view` (detail, period, rows, by) to `stream`
    as rich would print it without colour at `width`, a day at a time; False, having
    written nothing, when it has fewer than `least_rows` days or is not simple. `console`
    makes the rich console for what only rich can write (markup, wrapped lines)."""
    detail, period, rows, by = view
    if rows is not None or len(report.days) < least_rows:
        return False
    frame = layout.day_table_frame(report, detail)
    out = _Output(_Batched(stream), width, console)
    with _row_store(len(report.days)) as kept:
        # The rows are held as text while the columns are sized: made once, kept as lines.
        rows_made = (_kept(layout.day_cells(report, day, detail), kept) for day in report.days)
        sizes = _column_sizes(frame, rows_made)
        if sizes is None or sum(sizes) + 3 * len(sizes) + 1 > width:
            return False
        rights = [column.justify == "right" for column in frame.columns]
        out.part(layout.day_table_title(report))
        for line in _table_head(frame, sizes, rights):
            out.stream.write(line)
        kept.seek(0)
        ascii_row = _line_format(tuple(sizes), tuple(rights), " │ ", "│ ", " │")
        for line in kept:
            cells = line[:-1].split(_SEPARATOR)
            if line.isascii():
                out.stream.write(ascii_row.format(*cells))
            else:
                out.stream.write(_row(cells, sizes, rights, "│"))
    out.stream.write(_table_foot(sizes))
    out.part(layout.day_table_legend(report))
    for part in layout.report_parts(report, detail, period, rows, by, table=False):
        out.part(part)
    out.stream.flush()
    return True


def _row_store(days: int) -> IO[str]:
    """Where a report's rows wait while its columns are sized: memory for a short one, a
    temporary file for a long one (a million days' rows would take hundreds of MB)."""
    if days <= IN_MEMORY_ROWS:
        return io.StringIO()
    import tempfile

    return tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")


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


class _Output:
    """The parts of a report written one after another: plain text, simple tables and
    grids here, anything else by rich, whose console is made only if it is needed."""

    def __init__(self, stream: _Batched, width: int, console: Callable[[], Console]) -> None:
        self.stream = stream
        self.width = width
        self.make_console = console
        self.wrapped: dict[str, str] = {}  # each long line as rich wrapped it
        self.drawn: dict[Grid, str | None] = {}  # each grid's lines, by the grid itself
        # Rows but their last cells, padded for the columns kept with them.
        self.heads: dict[tuple[Any, ...], tuple[tuple[Column, ...], _Heads | None]] = {}

    def part(self, part: Any) -> None:
        if isinstance(part, SuggestionBlock):  # a day's suggestions: the most common part
            self._suggestions(part)
            return
        if isinstance(part, Styled):
            text = self._text_lines(part)
        elif isinstance(part, Grid):
            text = self._grid(part)
        else:  # a day's entries (--detail): rich lays them out
            text = None
        if text is None:
            self._by_rich(part)
        else:
            self.stream.write(text)

    def _grid(self, grid: Grid) -> str | None:
        """A grid's lines, drawn once for all the days that show it (layout.py makes a
        grid once for all the days with the same suggestions); None: rich's to draw."""
        if grid in self.drawn:
            return self.drawn[grid]
        if len(self.drawn) >= 4096:
            self.drawn.clear()
        lines = self.drawn[grid] = self._grid_lines(grid)
        return lines

    def _grid_lines(self, grid: Grid) -> str | None:
        """`_grid_lines`, with each row but its last cell padded once for every grid of
        the same such rows: the days' suggestion grids differ mostly in their ratios
        (3,650 days: 2,647 grids, 65 sets of portions)."""
        columns = grid.columns
        count = len(columns)
        rows = [row if len(row) == count else row + ("",) * (count - len(row)) for row in grid.rows]
        if count < 2 or not rows:
            return _grid_lines(grid, self.width)
        key = tuple([row[:-1] for row in rows])
        found = self.heads.get(key)
        if found is None or found[0] is not columns:  # a grid's columns: a constant of its kind
            if len(self.heads) >= 4096:
                self.heads.clear()
            found = self.heads[key] = (columns, _heads(columns, key))
        heads = found[1]
        lasts = [row[-1] for row in rows]
        text = "".join(lasts)
        if heads is None or "\n" in text or not text.isascii():
            return _grid_lines(grid, self.width)  # wide characters, or several lines
        prefixes, used, least, right = heads
        size = max(least, *map(len, lasts))
        if used + size > self.width:
            return None  # rich wraps a cell: its layout, not this one
        pad = str.rjust if right else str.ljust
        return "".join(
            [f"{prefix}{pad(last, size)}\n" for prefix, last in zip(prefixes, lasts, strict=True)]
        )

    def _suggestions(self, block: SuggestionBlock) -> None:
        heading, grid = block
        lines = self._grid(grid)
        if (
            lines is not None
            and heading.isascii()
            and len(heading) <= self.width
            and "\t" not in heading
        ):
            self.stream.write(f"{heading}\n{lines}")  # the heading as it is, then the grid
            return
        self.part(Styled(heading))
        self.part(grid)

    def _text_lines(self, text: Styled) -> str | None:
        """A text as rich prints it: lines that fit as they are, longer ones wrapped by rich
        (each distinct long line once: a long report repeats its suggestions)."""
        out = []
        for line in text.text.split("\n"):
            if "\t" not in line and _width(line) <= self.width:
                out.append(line + "\n")
                continue
            found = self.wrapped.get(line)
            if found is None:
                from rich.text import Text

                console = self.make_console()
                with console.capture() as captured:
                    console.print(Text(line))
                found = self.wrapped[line] = captured.get()
            out.append(found)
        return "".join(out)

    def _by_rich(self, part: Any) -> None:
        from camg import views

        self.stream.flush()
        self.make_console().print(views.rich_part(part))


def _grid_lines(grid: Grid, width: int) -> str | None:
    """A grid (the suggestions and top sources) as rich prints it when every row fits
    on one line: cells padded to their column's width, one space between columns."""
    count = len(grid.columns)
    rows = [row + ("",) * (count - len(row)) for row in grid.rows]  # rich's blank cells
    if not rows:
        return None
    text = "".join([cell for row in rows for cell in row])
    if "\n" in text:
        return None
    if not text.isascii():
        return _wide_grid_lines(grid, rows, width)
    least, rights = _grid_columns(grid.columns)
    sizes = tuple(map(max, least, *[map(len, row) for row in rows]))  # each column's widest
    if sum(sizes) + count - 1 > width:
        return None  # rich wraps a cell: its layout, not this one
    line = _line_format(sizes, rights)
    return "".join([line.format(*row) for row in rows])


# A grid's rows but their last cells, as `_grid_lines` draws them: each row's cells
# padded and followed by a space; the width they take, spaces between all columns
# included; and the last column's least width and whether it is justified right.
_Heads = tuple[tuple[str, ...], int, int, bool]


def _heads(columns: tuple[Column, ...], heads: tuple[tuple[str, ...], ...]) -> _Heads | None:
    """The rows but their last cells of an ASCII grid, padded (None: not ASCII, or of
    several lines)."""
    text = "".join(["".join(row) for row in heads])
    if "\n" in text or not text.isascii():
        return None
    least, rights = _grid_columns(columns)
    sizes = tuple(map(max, least[:-1], *[map(len, row) for row in heads]))
    line = _line_format(sizes, rights[:-1])[:-1] + " "  # without its newline
    prefixes = tuple([line.format(*row) for row in heads])
    return prefixes, sum(sizes) + len(columns) - 1, least[-1], rights[-1]


@lru_cache(maxsize=64)  # a few kinds of grid
def _grid_columns(columns: tuple[Column, ...]) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """Each column's least width, and whether it is justified right."""
    least = tuple(max(column.width or 0, column.min_width or 0) for column in columns)
    return least, tuple(column.justify == "right" for column in columns)


@lru_cache(maxsize=1024)  # a long report's grids come in a few dozen shapes
def _line_format(
    sizes: tuple[int, ...],
    rights: tuple[bool, ...],
    between: str = " ",
    start: str = "",
    end: str = "",
) -> str:
    """A format for one line of ASCII cells (a grid's, or with its bars a table's row):
    each cell padded to its column's size."""
    cells = [
        f"{{:{'>' if right else '<'}{size}}}" for size, right in zip(sizes, rights, strict=True)
    ]
    return start + between.join(cells) + end + "\n"


def _wide_grid_lines(grid: Grid, rows: list[tuple[str, ...]], width: int) -> str | None:
    """A grid with wide characters (two cells each in a terminal): padded by _width."""
    sizes = [
        max([column.width or 0, column.min_width or 0, *(_width(row[index]) for row in rows)])
        for index, column in enumerate(grid.columns)
    ]
    if sum(sizes) + len(sizes) - 1 > width:
        return None
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


def _kept(row: list[Cell], kept: IO[str]) -> list[str | None]:
    """A row's cells as plain text (None: rich must read it), written to `kept` as they go
    by to be sized (a row that is not plain text makes the sizing fail, and the table goes
    to rich)."""
    cells = [  # the common cell, a figure or a date, without a call
        cell if type(cell) is str and "[" not in cell and ":" not in cell else _plain(cell)
        for cell in row
    ]
    if None not in cells:
        kept.write(_SEPARATOR.join(cells) + "\n")  # type: ignore[arg-type]
    return cells


def _column_sizes(table: Table, rows: Iterator[list[str | None]]) -> list[int] | None:
    """Each column's width: its widest cell or header; None for a table rich must lay out
    (a column of set width, a cell of markup or of several lines)."""
    if not all(map(_natural, table.columns)):
        return None
    sizes = [_width(column.header) for column in table.columns]
    for row in rows:
        if None in row:
            return None
        text = "".join(row)  # type: ignore[arg-type]
        if "\n" in text or "\t" in text or _SEPARATOR in text:
            return None
        sizes = list(map(max, sizes, map(len if text.isascii() else _width, row)))
    return sizes


def _natural(column: Column) -> bool:
    """A column as wide as its widest cell, its header read as rich reads it."""
    return (
        column.width is None
        and column.min_width is None
        and column.max_width is None
        and column.justify in ("left", "right")
        and _plain(column.header) is not None
    )


def _table_head(table: Table, sizes: list[int], rights: list[bool]) -> list[str]:
    return [
        "┏" + "┳".join("━" * (size + 2) for size in sizes) + "┓\n",
        _row([column.header for column in table.columns], sizes, rights, "┃"),
        "┡" + "╇".join("━" * (size + 2) for size in sizes) + "┩\n",
    ]


def _table_foot(sizes: list[int]) -> str:
    return "└" + "┴".join("─" * (size + 2) for size in sizes) + "┘\n"


# What rich would read in a str cell: markup ("[bold]") and emoji codes (":smile:").
_MARKUP = re.compile(r"\[|:\S*?:")


def _plain(cell: Cell) -> str | None:
    """A cell's text as rich prints it, or None when rich must read it."""
    if type(cell) is str:
        plain = ("[" not in cell and ":" not in cell) or not _MARKUP.search(cell)
        return cell if plain else None
    return cell.text  # type: ignore[union-attr]


def _row(cells: list[Any], sizes: list[int], rights: list[bool], bar: str) -> str:
    out = [bar]
    for cell, size, right in zip(cells, sizes, rights, strict=True):
        if cell.isascii():
            out.append(f" {cell.rjust(size) if right else cell.ljust(size)} {bar}")
        else:  # wide characters take two cells
            pad = " " * (size - _width(cell))
            out.append(f" {pad}{cell} {bar}" if right else f" {cell}{pad} {bar}")
    out.append("\n")
    return "".join(out)


def _width(text: str) -> int:
    """Cells a text takes in a terminal: its length when it is ASCII."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)
