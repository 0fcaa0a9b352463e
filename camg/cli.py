"""The command line: a thin face over camg's core.

This is the only module that knows about typer, exit statuses and stderr; the
core returns values and raises CamgError. Heavy libraries (pandas, rich) are
imported inside the commands so that --help and --version stay fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Any

import typer

from camg import __version__
from camg.errors import CamgError, ExitStatus


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


app = typer.Typer(
    name="camg",
    help="Calcium-to-magnesium ratio of your diet, from a plain-text meal log and USDA SR28 data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
foods_app = typer.Typer(
    help="Look up foods and their household portions in the USDA SR28 table.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(foods_app, name="foods")

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="Output format; table is for people, the rest for scripts."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"camg {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Calcium-to-magnesium ratio of your diet, from a plain-text meal log and USDA SR28 data."""


@foods_app.command("search")
def foods_search(
    words: Annotated[
        list[str], typer.Argument(help="Words describing the food, e.g. spinach raw.")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="How many matches to show.")
    ] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """Find foods by name, best match first, with calcium and magnesium per 100 g."""
    from camg import foods

    records = foods.search(" ".join(words), limit)
    _emit(fmt, records, columns=SEARCH_COLUMNS, table=lambda: _views().search_table(records))


@foods_app.command("show")
def foods_show(
    food_id: Annotated[str, typer.Argument(help="The 5-digit SR28 id, e.g. 11457.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Show a food's values per 100 g and every household portion with its grams, Ca and Mg."""
    from camg import foods

    record = foods.show(food_id)
    _emit(
        fmt,
        record,
        columns=PORTION_COLUMNS,
        rows=record["portions"],
        table=lambda: _views().food_panel(record),
    )


SEARCH_COLUMNS = ["id", "name", "group", "calcium_mg", "magnesium_mg", "ratio"]
PORTION_COLUMNS = ["portion", "grams", "calcium_mg", "magnesium_mg"]


def _views() -> Any:
    from camg import views

    return views


def _emit(
    fmt: Format, data: Any, columns: list[str], table: Any, rows: list[dict[str, Any]] | None = None
) -> None:
    """Write `data` to stdout in the chosen format."""
    from camg import render

    if fmt is Format.json:
        render.write_json(data, sys.stdout)
    elif fmt in (Format.csv, Format.tsv):
        delimiter = "," if fmt is Format.csv else "\t"
        render.write_delimited(rows if rows is not None else data, columns, sys.stdout, delimiter)
    else:
        _console().print(table())


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _report_problems(problems: Any) -> None:
    for problem in problems:
        sys.stderr.write(f"camg: {problem}\n" if problem.source is None else f"{problem}\n")


def _silence_stdout() -> None:
    """The reader went away (`camg ... | head`): drop what is left, quietly, as grep does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Entry point: map every outcome to a documented exit status (see ExitStatus)."""
    status: int | str | None = ExitStatus.OK
    try:
        app(args=argv, prog_name="camg")
    except SystemExit as done:
        status = done.code
    except CamgError as error:
        _report_problems(error.problems)
        status = ExitStatus.TROUBLE
    except BrokenPipeError:
        _silence_stdout()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(status)
