"""Long reports written fast, as plain text: the bytes rich writes without colour.

rich lays out a table cell by cell (about 0.4 ms a row): 3,650 days of a decade cost a
second, a million days minutes. Without colour (piped, or NO_COLOR) a simple table needs
no layout: each column is as wide as its widest cell, and every row is one line. This
writer takes the same rich objects views.py builds and writes them line by line; what
it cannot write exactly as rich would (a table wider than the console, markup, a
title or caption wider than its table) it leaves to rich, and a line of text longer
than the console is wrapped by rich itself.
"""

from __future__ import annotations

from typing import IO, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

# Fewer rows than this go to rich: its own layout is fast enough, and below this the
# two cost the same (docs/performance.md).
LEAST_ROWS = 200


def write(renderable: Any, console: Console, stream: IO[str]) -> bool:
    """Write a report (a Group of tables and texts) to `stream` as `console.print` would;
    False, having written nothing, when it is short, coloured or not simple."""
    if console.color_system is not None or not isinstance(renderable, Group):
        return False
    parts = list(renderable.renderables)
    tables = [part for part in parts if isinstance(part, Table)]
    if sum(table.row_count for table in tables) < LEAST_ROWS:
        return False
    width = console.width  # rich asks the terminal each time: once is enough
    texts: dict[str, str] = {}
    chunks: list[str] = []
    for part in parts:
        if isinstance(part, Table):
            lines = _table_lines(part, console, width)
            if lines is None:
                return False
            chunks.append(lines)
        elif isinstance(part, Text):
            chunks.append(_text_lines(part, console, width, texts))
        else:
            return False
    stream.writelines(chunks)
    return True


def _text_lines(text: Text, console: Console, width: int, seen: dict[str, str]) -> str:
    """A text as rich prints it: lines that fit as they are, longer ones wrapped by rich
    (a long report repeats its texts, so each is wrapped once)."""
    plain = text.plain
    found = seen.get(plain)
    if found is None:
        if all(cell_len(line) <= width for line in plain.split("\n")):
            found = plain + "\n"
        else:
            with console.capture() as captured:
                console.print(text)
            found = captured.get()
        seen[plain] = found
    return found


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
        and table.title_justify == "left"
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
    """The table's lines, or None when rich would have to shrink or wrap something."""
    if not _simple(table):
        return None
    columns = []
    for column in table.columns:
        cells = [_plain(cell) for cell in column._cells]
        if any(cell is None or "\n" in cell for cell in cells):
            return None
        widths = [cell_len(column.header), *(cell_len(cell) for cell in set(cells))]
        columns.append((cells, max(widths), column.justify == "right", column.header))
    inner = [size + 2 for _, size, _, _ in columns]
    total = sum(inner) + len(inner) + 1
    if total > width:
        return None
    lines: list[str] = []
    if table.title is not None:
        lines.append(_annotation(table.title, total, console))
    lines.append("┏" + "┳".join("━" * size for size in inner) + "┓")
    lines.append(_row([header for *_, header in columns], columns, "┃"))
    lines.append("┡" + "╇".join("━" * size for size in inner) + "┩")
    for row in zip(*(cells for cells, *_ in columns), strict=True):
        lines.append(_row(row, columns, "│"))
    lines.append("└" + "┴".join("─" * size for size in inner) + "┘")
    if table.caption is not None:
        lines.append(_annotation(table.caption, total, console))
    return "\n".join(lines) + "\n"


def _plain(cell: Any) -> str | None:
    if isinstance(cell, str):
        return None if "[" in cell else cell  # markup: rich's to read
    return cell.plain if isinstance(cell, Text) else None


def _row(cells: Any, columns: list[Any], bar: str) -> str:
    out = [bar]
    for cell, (_, size, right, _) in zip(cells, columns, strict=True):
        pad = " " * (size - cell_len(cell))
        out.append(f" {pad}{cell} {bar}" if right else f" {cell}{pad} {bar}")
    return "".join(out)


def _annotation(note: str, width: int, console: Console) -> str:
    """A title or caption, left-justified across the table's width and wrapped to it, by
    rich (one call for the whole table)."""
    with console.capture() as captured:
        console.print(note, justify="left", width=width, highlight=False)
    return captured.get().removesuffix("\n")
