"""How the command line helps a person who typed something slightly wrong.

Did-you-mean for commands (`camg search` -> `camg foods search`) and for option values
(`--format jsn` -> json), usage lines that read as people write them (`FILE...`), and the
examples shown under each command's help.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from difflib import get_close_matches
from typing import Any

from typer import _click
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

# Words people try as commands, and the command that does it.
COMMAND_HINTS = {
    "search": "foods search",
    "show": "foods show",
    "food": "foods",
    "find": "foods search",
    "lookup": "foods search",
    "report": "log",
    "read": "log",
    "chart": "trend",
    "plot": "trend",
    "trends": "trend",
    "suggestions": "suggest",
}

# Under each command's help; `\b` keeps the help formatter from joining the lines.
EXAMPLES = {
    "log": """\b
Examples:
  camg log meals.txt                 each day's Ca, Mg, Ca:Mg and suggestions
  camg log meals.txt --detail        every entry beside the food camg chose
  cat meals.txt | camg log - -f csv  one CSV row per day, for a script

\b
How lines are read: camg help log-format""",
    "trend": """\b
Examples:
  camg trend meals.txt               a chart of the daily ratio and the range
  camg trend meals.txt --last 4w     the last four weeks of the log
  camg trend meals.txt -o trend.svg  also write the chart as an image""",
    "suggest": """\b
Examples:
  camg suggest --calcium 1200 --magnesium 300
  camg suggest --calcium 1200 --magnesium 300 --avoid nuts,dairy
  camg suggest --calcium 600 --magnesium 400 -f json""",
    "explain": """\b
Examples:
  camg explain "1 cup milk"
  camg explain "a handful of almonds" "2 eggs scrambled"
  camg explain "3/4 c bran flakes" -f json

\b
How lines are read: camg help log-format""",
    "foods": """\b
Examples:
  camg foods search spinach raw
  camg foods show 11457""",
    "foods search": """\b
Examples:
  camg foods search spinach
  camg foods search greek yogurt -n 5
  camg foods search tofu -f csv""",
    "foods show": """\b
Examples:
  camg foods show 11457
  camg foods show 01077 -f json""",
    "add": """\b
Examples:
  camg add "2 eggs" "1 cup milk" --meal breakfast --file meals.txt
  camg add "30 g almonds" --date 2026-11-20 --meal snack --file meals.txt
  camg add "1 banana"                  to the config's log, under today""",
    "config": """\b
Examples:
  camg config                          each setting, its value and its origin
  camg config -f json
  camg config --no-config              the defaults alone""",
    "help": """\b
Examples:
  camg help log-format
  camg help log-format | less""",
}


class CamgCommand(TyperCommand):
    """A command whose usage line says `FILE...`, not typer's `{FILE}`."""

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


class CamgGroup(TyperGroup):
    """A command group that says what the person probably meant."""

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except _click.exceptions.UsageError as error:
            hint = _command_hint(ctx, args[0] if args else "", list(self.commands))
            if hint and "Did you mean" not in error.message:
                error.message = f"{error.message.rstrip('.')}. Did you mean '{hint}'?"
            raise

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        """Like typer's, but an option value that is not one of its choices gets a hint."""
        argv = list(sys.argv[1:] if args is None else args)
        try:
            status = super().main(argv, *more, **{**options, "standalone_mode": False})
        except _click.exceptions.ClickException as error:
            _add_choice_hint(error, argv)
            error.show()
            sys.exit(error.exit_code)
        except Abort:
            sys.stderr.write("Aborted!\n")
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


def _command_hint(ctx: _click.Context, typed: str, commands: list[str]) -> str | None:
    root = ctx.find_root().info_name or "camg"
    prefix = "" if ctx.parent is None else f"{ctx.info_name} "
    if ctx.parent is None and typed.lower() in COMMAND_HINTS:
        return f"{root} {COMMAND_HINTS[typed.lower()]}"
    close = get_close_matches(typed.lower(), commands, n=1)
    return f"{root} {prefix}{close[0]}" if close else None


def _add_choice_hint(error: _click.exceptions.ClickException, argv: list[str]) -> None:
    """`--format jsn`: "Did you mean 'json'?" after click's list of the choices."""
    param = getattr(error, "param", None)
    choices = getattr(getattr(param, "type", None), "choices", None)
    if param is None or not choices:
        return
    typed = _value_of(param.opts, argv)
    names = [str(getattr(choice, "value", choice)) for choice in choices]
    close = get_close_matches((typed or "").lower(), names, n=1, cutoff=0.5)
    if close:
        error.message = f"{error.message} Did you mean '{close[0]}'?"


def _value_of(opts: list[str], argv: list[str]) -> str | None:
    """The value given to an option (`--format jsn`, `--format=jsn`, `-fjsn`), last wins."""
    found = None
    for position, word in enumerate(argv):
        for opt in opts:
            if word == opt and position + 1 < len(argv):
                found = argv[position + 1]
            elif word.startswith(f"{opt}="):
                found = word[len(opt) + 1 :]
            elif len(opt) == 2 and word.startswith(opt) and word != opt:
                found = word[len(opt) :]  # -fjsn
    return found
