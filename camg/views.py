"""Rich renderables for people at a terminal.

Food names and log text are passed as rich Text so that brackets in them are never read
as markup. A report's parts are made by camg.layout, free of rich (piped output is written
from them without it); here they become rich tables and texts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from camg import layout
from camg.render import mg, ratio_text


def search_table(records: list[dict[str, Any]]) -> Group:
    table = Table()
    table.add_column("id", no_wrap=True)
    # The one column that gives way on a narrow terminal: a name ends in "…" rather than
    # taking three lines; the full name is in `camg foods show ID`, JSON and piped output.
    table.add_column("food")
    table.add_column("Ca mg", justify="right", no_wrap=True)
    table.add_column("Mg mg", justify="right", no_wrap=True)
    table.add_column("Ca:Mg", justify="right", no_wrap=True)
    own = any(":" in record["id"] for record in records)  # the user's foods say their source
    if own:
        table.add_column("source")
    for record in records:
        table.add_row(
            record["id"],
            Text(record["name"], no_wrap=True, overflow="ellipsis"),
            mg(record["calcium_mg"]),
            mg(record["magnesium_mg"]),
            ratio_text(record["ratio"]),
            *([Text(record["source"])] if own else []),
        )
    return Group(Text("Foods (per 100 g)"), table)


NO_PORTIONS = "SR28 lists no household portions for this food; log it in grams"


def food_panel(record: dict[str, Any]) -> Group:
    heading = Text.assemble(
        (f"#{record['id']} ", "bold"),
        (record["name"], "bold"),
        f"\n{record['group']} ({record['source']})\n",
        "per 100 g: ",
        f"Ca {mg(record['calcium_mg'])} mg, Mg {mg(record['magnesium_mg'])} mg, ",
        f"Ca:Mg {ratio_text(record['ratio'])}",
    )
    table = Table()
    table.add_column("portion")
    table.add_column("grams", justify="right")
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    for portion in record["portions"]:
        table.add_row(
            Text(portion["portion"]),
            f"{portion['grams']:g}",
            mg(portion["calcium_mg"]),
            mg(portion["magnesium_mg"]),
        )
    if not record["portions"]:
        return Group(heading, Text(NO_PORTIONS))
    return Group(heading, Text("Household portions"), table)


def suggestion_view(goal: Any, options: list[Any]) -> Group | Text:
    """`camg suggest`: the totals given, then the foods."""
    state = "no ratio" if goal.ratio is None else f"Ca:Mg {goal.ratio:.2f}"
    heading = (
        f"Ca {mg(goal.calcium_mg)} mg, Mg {mg(goal.magnesium_mg)} mg ({state}; "
        f"range {goal.low:g} to {goal.high:g})"
    )
    if not options:
        return Text(heading + ": nothing to suggest.")
    grid = layout.suggestion_grid(options, goal.high)
    return Group(Text(heading + ": add one of"), rich_part(grid))


def report_view(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None = None,
    rows: list[dict[str, Any]] | None = None,
    by: str = "day",
) -> Group:
    """The report of layout.report_parts, as rich renders it on a terminal."""
    return Group(*map(rich_part, layout.report_parts(report, detail, period, rows, by)))


def rich_part(part: Any) -> RenderableType:
    """A part of camg.layout as rich's own renderable."""
    if isinstance(part, layout.Styled):
        return Text(part.text, style=part.style)
    if isinstance(part, layout.SuggestionBlock):
        return Group(Text(part.heading), _rich_grid(part.grid))
    if isinstance(part, layout.Grid):
        return _rich_grid(part)
    return _rich_table(part)


@lru_cache(maxsize=1024)  # a grid is shared by the days with the same suggestions
def _rich_grid(grid: layout.Grid) -> Table:
    table = Table.grid(padding=(0, 1))
    rows = [tuple(map(layout.Styled, row)) for row in grid.rows]  # text as written
    return _filled(table, grid.columns, rows)


def _rich_table(table: layout.Table) -> Table:
    if table.compact:
        made = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False)
    else:
        made = Table()
    return _filled(made, table.columns, table.rows)


def _filled(table: Table, columns: Any, rows: Any) -> Table:
    for column in columns:
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            width=column.width,
            min_width=column.min_width,
            max_width=column.max_width,
        )
    for row in rows:
        table.add_row(*(_rich_cell(cell) for cell in row))
    return table


def _rich_cell(cell: layout.Cell) -> RenderableType:
    return Text(cell.text, style=cell.style) if isinstance(cell, layout.Styled) else cell
