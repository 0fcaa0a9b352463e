"""The command line: a thin face over camg's core.

This is the only module that knows about typer, exit statuses and stderr; the
core returns values and raises CamgError. Heavy libraries (pandas, rich) are
imported inside the commands so that --help and --version stay fast.
"""


# No `from __future__ import annotations` here: typer reads every option's annotation,
# and string annotations cost it an eval each (about 5 ms of every run).
import gc
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


class Basis(str, Enum):
    mass = "mass"
    molar = "molar"


class DateOrder(str, Enum):
    mdy = "mdy"
    dmy = "dmy"
    ymd = "ymd"


class Sex(str, Enum):
    female = "female"
    male = "male"


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

SuggestOption = Annotated[
    int,
    typer.Option("--suggest", min=0, metavar="N", help="Foods to suggest per day; 0 for none."),
]
AvoidOption = Annotated[
    str | None,
    typer.Option("--avoid", metavar="WORDS", help="Foods not to suggest, e.g. nuts,dairy."),
]
RangeOption = Annotated[
    str | None,
    typer.Option("--range", metavar="LOW:HIGH", help="The Ca:Mg range by mass (default 2:2.8)."),
]
SexOption = Annotated[Sex | None, typer.Option("--sex", help="For % of RDA; with --age.")]
AgeOption = Annotated[
    float | None,
    typer.Option("--age", min=0, metavar="YEARS", help="Age in years; with --sex."),
]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Use pregnancy DRIs.")]
LactatingOption = Annotated[bool, typer.Option("--lactating", help="Use lactation DRIs.")]
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
        list[str],
        typer.Argument(help="Words describing the food, e.g. spinach raw.", metavar="WORDS"),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many matches to show.")
    ] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """Find foods by name, best match first, with calcium and magnesium per 100 g."""
    from camg import foods

    records = foods.search(" ".join(words), limit)
    with _reader_may_leave():
        _emit(fmt, records, columns=SEARCH_COLUMNS, table=lambda: _views().search_table(records))


@foods_app.command("show")
def foods_show(
    food_id: Annotated[str, typer.Argument(help="The 5-digit SR28 id, e.g. 11457.", metavar="ID")],
    fmt: FormatOption = Format.table,
) -> None:
    """Show a food's values per 100 g and every household portion with its grams, Ca and Mg."""
    from camg import foods

    record = foods.show(food_id)
    with _reader_may_leave():
        _emit(
            fmt,
            record,
            columns=PORTION_COLUMNS,
            rows=record["portions"],
            table=lambda: _views().food_panel(record),
        )


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    all = "all"


FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", help="First day to report, YYYY-MM-DD (included)."),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", help="Last day to report, YYYY-MM-DD (included)."),
]
LastOption = Annotated[
    str | None,
    typer.Option(
        "--last",
        metavar="N[d|w|m]",
        help="The last N days, weeks or months of the log, e.g. 7d, 4w, 3m.",
    ),
]
TodayOption = Annotated[
    bool, typer.Option("--today", help="Count --last back from today, not the log's last day.")
]
FilesArgument = Annotated[
    list[str],
    typer.Argument(help="Meal log files; - reads standard input.", metavar="FILE"),
]
LenientOption = Annotated[
    bool,
    typer.Option("--lenient", help="Use the lines camg understands; report the others."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Do not print notes on how lines were read.")
]
DateOrderOption = Annotated[
    DateOrder | None,
    typer.Option(
        "--date-order",
        help="How to read numeric dates such as 3/9 (default: as the log's own "
        "unambiguous dates show, else mdy).",
    ),
]


def _read_report(
    files: list[str],
    options: Any,
    lenient: bool,
    quiet: bool,
    date_order: DateOrder | None,
    dates: tuple[str | None, str | None, str | None, bool],
    entries: bool = False,
) -> tuple[Any, Any]:
    """The core's analysis, with what the user must know on stderr: (report, resolved log).
    The report keeps each day's entries only with `entries` (JSON, --detail)."""
    from camg.analysis import Dates, analyse

    analysis = analyse(
        files,
        _stdin(),
        options,
        lenient=lenient,
        date_order=date_order and date_order.value,
        dates=Dates(*dates),
        entries=entries,
    )
    for remark in analysis.remarks:
        sys.stderr.write(f"camg: note: {remark}\n")
    _report_problems(analysis.resolved.problems)
    if not quiet:
        _report_problems(analysis.resolved.notices, prefix="note: ")
    return analysis.report, analysis.resolved


@app.command("log")
def log(
    files: FilesArgument,
    fmt: FormatOption = Format.table,
    detail: Annotated[
        bool,
        typer.Option("--detail", "-d", help="Every entry, each day's top sources, 7-day ratio."),
    ] = False,
    lenient: LenientOption = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 if any day is outside the range (0 if none)."),
    ] = False,
    ratio_range: RangeOption = None,
    basis: Annotated[
        Basis, typer.Option("--basis", help="molar also reports the molar ratio.")
    ] = Basis.mass,
    sex: SexOption = None,
    age: AgeOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    quiet: QuietOption = False,
    count: SuggestOption = 3,
    avoid: AvoidOption = None,
    date_order: DateOrderOption = None,
    start: FromOption = None,
    end: ToOption = None,
    last: LastOption = None,
    today: TodayOption = False,
    by: Annotated[
        By,
        typer.Option(
            "--by", help="One row per day, ISO week, month, or for the whole period (all)."
        ),
    ] = By.day,
) -> None:
    """Read meal logs and report each day's calcium, magnesium and Ca:Mg ratio."""
    from camg import engine, report

    options = engine.Options(
        *_range(ratio_range), basis=basis.value, profile=_profile(sex, age, pregnant, lactating)
    )
    result, resolved = _read_report(
        files,
        options,
        lenient,
        quiet,
        date_order,
        (start, end, last, today),
        entries=fmt is Format.json or detail,
    )
    grouped = by is not By.day
    shows_suggestions = fmt in (Format.table, Format.json) and not grouped
    if count and shows_suggestions and result.may_need_suggestions():
        from camg import suggest

        suggest.for_report(result, count, suggest.parse_avoid(avoid))
    period: dict[str, Any] | None = None
    rows: list[dict[str, Any]] | None = None
    if fmt is Format.json or detail or grouped or result.summary.days > 1:
        from camg import periods

        period = periods.periods(result, "all")[0]
        if fmt is Format.json or detail:
            periods.add_rolling(result)
        if grouped:
            rows = [period] if by is By.all else periods.periods(result, by.value)
    unresolved = [engine.problem_record(problem) for problem in resolved.problems]
    status = ExitStatus.OUT_OF_RANGE if check and result.off_range else ExitStatus.OK
    with _reader_may_leave(status):
        if fmt is Format.json:
            notes = [engine.problem_record(notice) for notice in resolved.notices]
            extra = {"period": period}
            if rows is not None:
                extra.update(by=by.value, periods=rows)
            report.write_json(result, unresolved, sys.stdout, notes, extra)
        elif fmt in (Format.csv, Format.tsv):
            if rows is not None:
                from camg.periods import PERIOD_COLUMNS

                _emit(fmt, rows, columns=PERIOD_COLUMNS, table=None)
            else:
                columns, day_rows = report.entry_rows(result) if detail else report.day_rows(result)
                _emit(fmt, day_rows, columns=columns, table=None)
        else:
            _print_report(result, detail, period, rows, by.value)
    if status:
        raise typer.Exit(status)


@app.command("trend")
def trend(
    files: FilesArgument,
    ratio_range: RangeOption = None,
    lenient: LenientOption = False,
    quiet: QuietOption = False,
    date_order: DateOrderOption = None,
    start: FromOption = None,
    end: ToOption = None,
    last: LastOption = None,
    today: TodayOption = False,
    fmt: FormatOption = Format.table,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Also write the chart as an image: FILE.svg or FILE.png.",
        ),
    ] = None,
) -> None:
    """Chart each day's Ca:Mg ratio against the range, with the 7-day rolling ratio."""
    from camg import chart, engine, periods

    if output is not None:
        chart.check_output(output)
    options = engine.Options(*_range(ratio_range))
    result, _ = _read_report(files, options, lenient, quiet, date_order, (start, end, last, today))
    periods.add_rolling(result)
    period = periods.periods(result, "all")[0]
    with _reader_may_leave():
        if fmt is Format.table:
            plain = bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()
            text = chart.text_chart(result, period, chart.terminal_width(), plain)
            sys.stdout.write(text)
        else:
            rows = periods.trend_rows(result)
            data = {"range": {"low": options.low, "high": options.high, "basis": "mass"}}
            data.update(period=period, days=rows)
            _emit(fmt, data, columns=periods.TREND_COLUMNS, rows=rows, table=None)
    if output is not None:
        chart.write_image(result, period, output)
        sys.stderr.write(f"camg: wrote {_safe_name(output)}\n")


def _safe_name(path: str) -> str:
    from camg.logfile import shown

    return shown(path)


@app.command("suggest")
def suggest_command(
    calcium: Annotated[
        float, typer.Option("--calcium", min=0, metavar="MG", help="The day's calcium, mg.")
    ],
    magnesium: Annotated[
        float, typer.Option("--magnesium", min=0, metavar="MG", help="The day's magnesium, mg.")
    ],
    fmt: FormatOption = Format.table,
    ratio_range: RangeOption = None,
    count: SuggestOption = 3,
    avoid: AvoidOption = None,
    sex: SexOption = None,
    age: AgeOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
) -> None:
    """Foods, in household portions, that bring given daily totals into range."""
    from camg import reference, suggest

    low, high = _range(ratio_range)
    profile = _profile(sex, age, pregnant, lactating)
    rda = reference.intakes_for(profile).magnesium_rda_mg if profile else None
    _finite("--calcium", calcium, 1_000_000)
    _finite("--magnesium", magnesium, 1_000_000)
    goal = suggest.Goal(calcium, magnesium, low, high, rda)
    options = suggest.suggest(goal, count, suggest.parse_avoid(avoid))
    records = [option.record() for option in options]
    data = {
        "calcium_mg": calcium,
        "magnesium_mg": magnesium,
        "ratio": goal.ratio,
        "range": {"low": low, "high": high, "basis": "mass"},
        "suggestions": records,
    }
    with _reader_may_leave():
        _emit(
            fmt,
            data,
            columns=SUGGESTION_COLUMNS,
            rows=records,
            table=lambda: _views().suggestion_view(goal, options),
        )


class ExplainFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("explain")
def explain_command(
    lines: Annotated[
        list[str],
        typer.Argument(help='Log lines to explain, e.g. "1 cup milk".', metavar="LINE"),
    ],
    fmt: Annotated[
        ExplainFormat,
        typer.Option(
            "--format", "-f", help="Output format; table is for people, json for scripts."
        ),
    ] = ExplainFormat.table,
) -> None:
    """Show how camg reads log lines: parts, amounts, candidate foods, grams, Ca and Mg."""
    from camg import explain, render
    from camg.errors import Problem

    records = [explain.explain(line) for line in lines]
    with _reader_may_leave(ExitStatus.OK if all(r["ok"] for r in records) else ExitStatus.TROUBLE):
        if fmt is ExplainFormat.json:
            render.write_json(records[0] if len(records) == 1 else records, sys.stdout)
        else:
            _console().print(explain.view(records))
    problems = [Problem(message) for record in records for message in explain.problems_of(record)]
    if problems:
        raise CamgError(problems)


SUGGESTION_COLUMNS = [
    "food_id",
    "food",
    "portion",
    "grams",
    "calcium_mg",
    "magnesium_mg",
    "ratio_after",
    "reaches_range",
]


def _range(text: str | None) -> tuple[float, float]:
    from camg import reference

    if text is None:
        return reference.default_range()
    low, sep, high = text.partition(":")
    try:
        bounds = float(low), float(high)
    except ValueError:
        bounds = (0.0, 0.0)
    if not sep or not 0 < bounds[0] < bounds[1] < 1000:  # also refuses nan and inf
        raise CamgError(f'--range "{text}": give LOW:HIGH with 0 < LOW < HIGH, e.g. 2:2.8')
    return bounds


def _finite(name: str, value: float | None, most: float) -> None:
    """An option's number must be a number people use: not nan, not inf, not absurd."""
    if value is not None and not 0 <= value <= most:
        raise CamgError(f"{name} {value:g}: give a number from 0 to {most:g}")


def _profile(sex: Sex | None, age: float | None, pregnant: bool, lactating: bool) -> Any:
    from camg.reference import Profile

    _finite("--age", age, 130)
    if sex is None and age is None:
        if pregnant or lactating:
            raise CamgError("--pregnant and --lactating need --sex female and --age")
        return None
    if sex is None or age is None:
        raise CamgError("give both --sex and --age to compare with the RDA")
    return Profile(sex.value, age, pregnant, lactating)


SEARCH_COLUMNS = ["id", "name", "group", "calcium_mg", "magnesium_mg", "ratio"]
PORTION_COLUMNS = ["portion", "grams", "calcium_mg", "magnesium_mg"]


def _views() -> Any:
    from camg import views

    return views


@contextmanager
def _reader_may_leave(status: int = ExitStatus.OK) -> Iterator[None]:
    """`camg log big.txt | head -1`: when the reader goes away, stop writing quietly and
    exit with the status the output would have had (a verdict does not depend on it)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(status) from None


def _emit(
    fmt: Format,
    data: Any,
    columns: list[str],
    table: Any,
    rows: Iterable[dict[str, Any]] | None = None,
) -> None:
    """Write `data` to stdout in the chosen format."""
    from camg import render

    if fmt is Format.json:
        render.write_json(data, sys.stdout)
    elif fmt in (Format.csv, Format.tsv):
        delimiter = "," if fmt is Format.csv else "\t"
        rows = rows if rows is not None else data
        render.write_delimited(rows, columns, sys.stdout, delimiter)
    else:
        _console().print(table())


def _console() -> Any:
    """A console for stdout: styled on a terminal, plain when piped or NO_COLOR is set."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(highlight=False, soft_wrap=False, color_system=None if plain else "auto")


def _print_report(report: Any, *view: Any) -> None:
    """A report on stdout: long ones without colour by the fast plain writer, the same
    bytes rich would write; the rest by rich."""
    from camg import plaintext

    console = _console()
    if not plaintext.write_report(report, *view, console, sys.stdout):
        console.print(_views().report_view(report, *view))


def _report_problems(problems: Any, prefix: str = "") -> None:
    for problem in problems:
        where = "camg: " if problem.source is None else ""
        sys.stderr.write(f"{where}{prefix}{problem}\n")


def _stdin() -> Any:
    """The standard input's bytes, or None when the shell closed it (`camg log - <&-`)."""
    return sys.stdin.buffer if sys.stdin is not None else None


def _output_failed(error: OSError) -> int:
    """stdout cannot take the report (a full disk, a closed descriptor): one line, status 2."""
    sys.stderr.write(f"camg: cannot write the output: {error.strerror or error}\n")
    _silence_stdout()
    return ExitStatus.TROUBLE


def _silence_stdout() -> None:
    """The reader went away (`camg ... | head`): drop what is left, quietly, as grep does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Entry point: map every outcome to a documented exit status (see ExitStatus)."""
    # camg is a short-lived process whose data holds no reference cycles: the cyclic
    # collector's passes over the libraries' import-time objects and a big log's
    # million entries cost a tenth of a small run and half of a big one (measured,
    # docs/performance.md), and peak memory is the same without them.
    gc.disable()
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
    except OSError as error:
        status = _output_failed(error)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        status = _output_failed(error)
    if argv is None:  # the `camg` script: nothing is left to do once the output is out
        _leave(status)
    gc.enable()  # for callers that run camg in their own process (tests)
    sys.exit(status)


def _leave(status: int | str | None) -> None:
    """Exit without the interpreter's teardown (freeing every module and object one by
    one costs more than a small run's work): stdout is flushed, stderr is flushed here."""
    if isinstance(status, str):
        sys.stderr.write(f"{status}\n")
    code = status if isinstance(status, int) else 0 if status is None else 1
    sys.stderr.flush()
    os._exit(code)
