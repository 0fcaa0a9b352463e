"""Rich tables for people at a terminal.

Food names and log text are user or source text: they are passed as rich Text
so that brackets in them are never read as markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from camg.render import mg, ratio_text


def search_table(records: list[dict[str, Any]]) -> Table:
    table = Table(title="Foods (per 100 g)", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("food")
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    table.add_column("Ca:Mg", justify="right")
    for record in records:
        table.add_row(
            record["id"],
            Text(record["name"]),
            mg(record["calcium_mg"]),
            mg(record["magnesium_mg"]),
            ratio_text(record["ratio"]),
        )
    if not records:
        table.caption = "no food matches those words"
    return table


def food_panel(record: dict[str, Any]) -> Group:
    heading = Text.assemble(
        (f"#{record['id']} ", "bold"),
        (record["name"], "bold"),
        f"\n{record['group']}\n",
        "per 100 g: ",
        f"Ca {mg(record['calcium_mg'])} mg, Mg {mg(record['magnesium_mg'])} mg, ",
        f"Ca:Mg {ratio_text(record['ratio'])}",
    )
    table = Table(title="Household portions", title_justify="left")
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
        table.caption = "SR28 lists no household portions for this food; log it in grams"
    return Group(heading, table)
