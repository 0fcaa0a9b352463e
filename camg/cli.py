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
from functools import cache, partial
from typing import Annotated, Any

import typer

from camg import __version__
from camg.errors import CamgError, ExitStatus
from camg.usage import EXAMPLES, CamgCommand, CamgGroup


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


class Diet(str, Enum):
    vegan = "vegan"
    vegetarian = "vegetarian"
    omnivore = "omnivore"


app = typer.Typer(
    name="camg",
    cls=CamgGroup,
    help="Calcium-to-magnesium ratio of your diet, from a plain-text meal log and USDA SR28 data."
    "\n\nThe log format: camg help log-format. Each command's examples: camg COMMAND --help.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
foods_app = typer.Typer(
    cls=CamgGroup,
    help="Look up foods and their household portions: USDA SR28 and your own foods files.",
    short_help="Look up foods and their portions in the food table.",
    epilog=EXAMPLES["foods"],
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(foods_app, name="foods")

SuggestOption = Annotated[
    int,
    typer.Option("--suggest", min=0, metavar="N", help="Foods to suggest per day; 0 for none."),
]


def _complete_avoid(incomplete: str) -> list[str]:
    """Shell completion of --avoid: the kinds of suggested foods, after any already typed."""
    from camg.suggest import avoid_kinds

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + kind for kind in avoid_kinds() if kind.startswith(last.lstrip())]


AvoidOption = Annotated[
    str | None,
    typer.Option(
        "--avoid",
        metavar="WORDS",
        help="Foods not to suggest, by kind or name, e.g. nuts,dairy (Tab lists the kinds).",
        autocompletion=_complete_avoid,
    ),
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
DietOption = Annotated[
    Diet | None,
    typer.Option("--diet", help="Suggest only foods of this diet (default: the config's)."),
]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Use pregnancy DRIs.")]
LactatingOption = Annotated[bool, typer.Option("--lactating", help="Use lactation DRIs.")]
FoodsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--foods",
        metavar="FILE",
        help="Your own foods (TOML, docs/custom-foods.md), found by name before SR28; "
        "may be given more than once.",
    ),
]
RecipesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--recipes",
        metavar="FILE",
        help="Your recipes (TOML, docs/recipes.md): `1 serving chili`; may be given more "
        "than once.",
    ),
]
NoConfigOption = Annotated[
    bool,
    typer.Option("--no-config", help="Ignore the configuration file (see camg config)."),
]
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


@foods_app.command(
    "search",
    cls=CamgCommand,
    short_help="Find foods by name, with Ca and Mg per 100 g.",
    epilog=EXAMPLES["foods search"],
)
def foods_search(
    words: Annotated[
        list[str],
        typer.Argument(help="Words describing the food, e.g. spinach raw.", metavar="WORD..."),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many matches to show.")
    ] = 10,
    fmt: FormatOption = Format.table,
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Find foods by name, best match first, with calcium and magnesium per 100 g."""
    from camg import foods

    _install(_settings(no_config, foods=my_foods, recipes=my_recipes))
    records = foods.search(" ".join(words), limit)
    status = ExitStatus.OK if records else ExitStatus.NONE_FOUND
    with _reader_may_leave(status):
        if records or fmt is not Format.table:  # an empty table says nothing: the hint does
            _emit(
                fmt, records, columns=SEARCH_COLUMNS, table=lambda: _views().search_table(records)
            )
    if not records:
        sys.stderr.write(
            f'camg: no food matches "{" ".join(words)}"; try fewer or other words, '
            "or the name a food label uses\n"
        )
        raise typer.Exit(status)


@foods_app.command(
    "show",
    cls=CamgCommand,
    short_help="A food's values and household portions.",
    epilog=EXAMPLES["foods show"],
)
def foods_show(
    food_id: Annotated[
        str, typer.Argument(help="The 5-digit SR28 id, e.g. 11457, or my:NAME.", metavar="ID")
    ],
    fmt: FormatOption = Format.table,
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show a food's values per 100 g and every household portion with its grams, Ca and Mg."""
    from camg import foods

    _install(_settings(no_config, foods=my_foods, recipes=my_recipes))
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
    typer.Argument(help="Meal log files; - reads standard input.", metavar="FILE..."),
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
    date_order: str | None,
    dates: tuple[str | None, str | None, str | None, bool],
    settings: Any,
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
        date_order=date_order,
        dates=Dates(*dates),
        foods=settings.value("foods") or (),
        recipes=settings.value("recipes") or (),
        entries=entries,
    )
    for remark in analysis.remarks:
        sys.stderr.write(f"camg: note: {remark}\n")
    _report_problems(analysis.resolved.problems)
    _report_notices(analysis.resolved.notices, quiet)
    return analysis.report, analysis.resolved


@app.command(
    "log",
    cls=CamgCommand,
    short_help="Each day's calcium, magnesium and Ca:Mg ratio from meal logs.",
    epilog=EXAMPLES["log"],
)
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
    diet: DietOption = None,
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
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Read meal logs and report each day's calcium, magnesium and Ca:Mg ratio."""
    from camg import engine, report

    settings = _settings(
        no_config,
        **_profile_flags(sex, age, pregnant, lactating),
        foods=my_foods,
        recipes=my_recipes,
        range=ratio_range,
        avoid=avoid,
        diet=diet and diet.value,
        date_order=date_order and date_order.value,
    )
    options = engine.Options(
        *_range(settings.value("range")), basis=basis.value, profile=_profile_of(settings)
    )
    avoided = _avoided(settings)  # a bad word is an error before any log is read
    result, resolved = _read_report(
        files,
        options,
        lenient,
        quiet,
        settings.value("date_order"),
        (start, end, last, today),
        settings,
        entries=fmt is Format.json or detail,
    )
    grouped = by is not By.day
    shows_suggestions = fmt in (Format.table, Format.json) and not grouped
    if count and shows_suggestions and result.may_need_suggestions():
        from camg import suggest

        if settings.value("diet") is None:  # a diet said outright is not guessed at
            avoided |= _plant_based(result, quiet)
        suggest.for_report(result, count, avoided)
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


@app.command(
    "trend",
    cls=CamgCommand,
    short_help="Chart the daily Ca:Mg ratio against the range.",
    epilog=EXAMPLES["trend"],
)
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
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Chart each day's Ca:Mg ratio against the range, with the 7-day rolling ratio."""
    from camg import chart, engine, periods

    if output is not None:
        chart.check_output(output)
    settings = _settings(
        no_config,
        foods=my_foods,
        recipes=my_recipes,
        range=ratio_range,
        date_order=date_order and date_order.value,
    )
    options = engine.Options(*_range(settings.value("range")))
    dates = (start, end, last, today)
    order = settings.value("date_order")
    result, _ = _read_report(files, options, lenient, quiet, order, dates, settings)
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


@app.command(
    "suggest",
    cls=CamgCommand,
    short_help="Foods that bring given daily totals into range.",
    epilog=EXAMPLES["suggest"],
)
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
    diet: DietOption = None,
    sex: SexOption = None,
    age: AgeOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    no_config: NoConfigOption = False,
) -> None:
    """Foods, in household portions, that bring given daily totals into range."""
    from camg import reference, suggest

    settings = _settings(
        no_config,
        **_profile_flags(sex, age, pregnant, lactating),
        range=ratio_range,
        avoid=avoid,
        diet=diet and diet.value,
    )
    low, high = _range(settings.value("range"))
    profile = _profile_of(settings)
    rda = reference.intakes_for(profile).magnesium_rda_mg if profile else None
    _finite("--calcium", calcium, 1_000_000)
    _finite("--magnesium", magnesium, 1_000_000)
    goal = suggest.Goal(calcium, magnesium, low, high, rda)
    options = suggest.suggest(goal, count, _avoided(settings))
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


TableOrJsonOption = Annotated[
    ExplainFormat,
    typer.Option("--format", "-f", help="Output format; table is for people, json for scripts."),
]


@app.command(
    "explain",
    cls=CamgCommand,
    short_help="Show how camg reads log lines.",
    epilog=EXAMPLES["explain"],
)
def explain_command(
    lines: Annotated[
        list[str],
        typer.Argument(help='Log lines to explain, e.g. "1 cup milk".', metavar="LINE..."),
    ],
    fmt: TableOrJsonOption = ExplainFormat.table,
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Show how camg reads log lines: parts, amounts, candidate foods, grams, Ca and Mg."""
    from camg import explain, render
    from camg.errors import Problem

    _install(_settings(no_config, foods=my_foods, recipes=my_recipes))

    records = [explain.explain(line) for line in lines]
    with _reader_may_leave(ExitStatus.OK if all(r["ok"] for r in records) else ExitStatus.TROUBLE):
        if fmt is ExplainFormat.json:
            render.write_json(records[0] if len(records) == 1 else records, sys.stdout)
        else:
            _console().print(explain.view(records))
    problems = [Problem(message) for record in records for message in explain.problems_of(record)]
    if problems:
        raise CamgError(problems)


class Topic(str, Enum):
    log_format = "log-format"


@app.command(
    "help",
    cls=CamgCommand,
    short_help="Print a help topic, such as the log format, offline.",
    epilog=EXAMPLES["help"],
)
def help_command(
    topic: Annotated[
        Topic, typer.Argument(help="The topic to print: log-format.", metavar="TOPIC")
    ] = Topic.log_format,
) -> None:
    """Print a document of camg's, offline: log-format is how meal logs are written and read."""
    from camg import topics

    text = topics.text_of(topic.value)
    with _reader_may_leave():
        sys.stdout.write(text)


@app.command(
    "config",
    cls=CamgCommand,
    short_help="The effective settings and where each came from.",
    epilog=EXAMPLES["config"],
)
def config_command(
    fmt: TableOrJsonOption = ExplainFormat.table,
    no_config: NoConfigOption = False,
) -> None:
    """Show the effective settings and where each came from: file, environment or default."""
    from camg import config, render

    settings = _settings(no_config)
    records = config.records(settings)
    wanted, _ = config.config_path(os.environ)
    data = {
        "file": None if no_config else str(wanted),
        "file_read": settings.path is not None,
        "settings": records,
    }
    with _reader_may_leave():
        if fmt is ExplainFormat.json:
            render.write_json(data, sys.stdout)
        else:
            sys.stdout.write(_config_text(data))


def _config_text(data: dict[str, Any]) -> str:
    if data["file"] is None:
        where = "none (--no-config)"
    else:
        where = data["file"] + ("" if data["file_read"] else " (not found: nothing read)")
    lines = [f"config file: {where}"]
    for record in data["settings"]:
        value = record["value"]
        shown = "" if value is None else ", ".join(value) if isinstance(value, list) else value
        lines.append(f"  {record['setting']:<11} {shown!s:<24} {record['origin']}")
    return "\n".join(lines) + "\n"


@app.command(
    "add",
    cls=CamgCommand,
    short_help="Add items to a meal log under their day and meal.",
    epilog=EXAMPLES["add"],
)
def add_command(
    items: Annotated[
        list[str],
        typer.Argument(help='Items to log, e.g. "2 eggs" "1 cup milk".', metavar="ITEM..."),
    ],
    on: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The day, YYYY-MM-DD (default: today)."),
    ] = None,
    meal: Annotated[
        str | None, typer.Option("--meal", metavar="MEAL", help="The meal, e.g. breakfast.")
    ] = None,
    log_file: Annotated[
        str | None,
        typer.Option("--file", metavar="FILE", help="The log to add to (default: config log)."),
    ] = None,
    my_foods: FoodsOption = None,
    my_recipes: RecipesOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Add items to a meal log under their day and meal, in one atomic change."""
    from datetime import date

    from camg import adding

    settings = _settings(no_config, log=log_file, foods=my_foods, recipes=my_recipes)
    path = settings.value("log")
    if not path:
        raise CamgError('name the log: --file meals.txt, or log = "meals.txt" in the config')
    try:
        when = date.fromisoformat(on) if on else date.today()
    except ValueError:
        raise CamgError(f'--date "{on}": give the day as YYYY-MM-DD') from None
    foods, recipes = settings.value("foods"), settings.value("recipes")
    change = adding.add(path, items, when, meal, foods, recipes)
    sys.stdout.write(_added_text(change, settings))


def _added_text(change: Any, settings: Any) -> str:
    """What was added, with its calcium and magnesium, and the day's new totals."""
    from camg import adding, engine
    from camg.analysis import Dates, analyse
    from camg.logfile import shown
    from camg.render import mg

    day = change.day.isoformat()
    where = f"{day}, {change.meal}" if change.meal else day
    verb = "created" if change.created else "added to"
    lines = [f"camg: {verb} {shown(change.path)} ({where}):"]
    for resolution in change.added:
        calcium, magnesium = adding.values_of(resolution)
        lines.append(f"  {resolution.text:<30} Ca {mg(calcium):>6} mg  Mg {mg(magnesium):>6} mg")
    analysis = analyse(
        [change.path],
        None,
        engine.Options(*_range(settings.value("range"))),
        lenient=True,
        date_order=settings.value("date_order"),
        dates=Dates(day, day),
        foods=settings.value("foods") or (),
        recipes=settings.value("recipes") or (),
    )
    for totals in analysis.report.days:
        ratio = "unknown" if totals.ratio is None else f"{totals.ratio:.2f}"
        status = f" ({totals.status})" if totals.status else ""
        lines.append(
            f"  day {day}: Ca {mg(totals.calcium_mg)} mg, Mg {mg(totals.magnesium_mg)} mg, "
            f"Ca:Mg {ratio}{status}"
        )
    return "\n".join(lines) + "\n"


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


def _plant_based(report: Any, quiet: bool) -> frozenset[str]:
    """A log with no animal food gets no animal food suggested, and is told so."""
    from camg import diet

    foods = (resolution.food_id for resolution in report.contributions.resolutions())
    if not diet.plant_based(foods):
        return frozenset()
    if not quiet:
        sys.stderr.write(
            "camg: note: the log holds no meat, fish, dairy or eggs, so neither do the "
            "suggestions\n"
        )
    return frozenset({diet.ANIMAL})


def _avoided(settings: Any) -> frozenset[str]:
    """The words suggestions avoid (--avoid and the diet's), each checked."""
    text = settings.avoid()
    if not text:
        return frozenset()
    from camg import suggest

    return suggest.parse_avoid(text, settings["avoid"].origin)


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


def _settings(no_config: bool, **flags: Any) -> Any:
    """The effective settings: the configuration file < the environment < these flags."""
    from camg import config

    return config.effective(flags, no_config=no_config)


def _profile_flags(sex: Sex | None, age: float | None, pregnant: bool, lactating: bool) -> Any:
    _finite("--age", age, 130)
    return {"sex": sex and sex.value, "age": age, "pregnant": pregnant, "lactating": lactating}


def _profile_of(settings: Any) -> Any:
    sex = settings.value("sex")
    return _profile(
        Sex(sex) if sex else None,
        settings.value("age"),
        bool(settings.value("pregnant")),
        bool(settings.value("lactating")),
    )


def _install(settings: Any) -> None:
    """The user's foods and recipes files become part of the food table for this run."""
    from camg import sources

    sources.install(settings.value("foods") or (), settings.value("recipes") or ())


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


# Wider than any line camg writes: tables keep their natural width, text is not wrapped.
PIPED_WIDTH = 100_000


def _console(stream: Any = None) -> Any:
    """A console for stdout: styled on a terminal, plain when piped (then writing to
    `stream`, a trimmed stdout, when given) or when NO_COLOR is set."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    console = Console(highlight=False, soft_wrap=False, color_system=None if plain else "auto")
    if not console.is_terminal:
        # Piped: a line is never wrapped, whatever COLUMNS says, nor ends in padding.
        console.file = stream or _TrimmedLines(sys.stdout)
        console.width = PIPED_WIDTH
    return console


def _piped() -> bool:
    """Whether rich would take stdout for no terminal, by its own rules (TTY_COMPATIBLE,
    FORCE_COLOR, then isatty), told without importing rich."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force == ""
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return True


class _TrimmedLines:
    """A text stream that drops the spaces a table pads its last column with."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        if not self.pending and text.endswith("\n") and " \n" not in text:
            self.stream.write(text)  # the common case: whole lines, none padded
            return len(text)
        *lines, self.pending = (self.pending + text).split("\n")
        if lines:
            self.stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        self.stream.write(self.pending.rstrip(" "))
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def _print_report(report: Any, *view: Any) -> None:
    """A report on stdout: piped, or long and without colour, by the fast plain writer
    (the same bytes rich would write; rich is not even imported when piped); the rest
    by rich."""
    from camg import plaintext

    if _piped():
        stream = _TrimmedLines(sys.stdout)
        console = cache(partial(_console, stream))  # made only for a part rich must write
        if not plaintext.write_report(report, view, PIPED_WIDTH, stream, console, 0):
            console().print(_views().report_view(report, *view))
        stream.flush()
        return
    terminal = _console()
    if terminal.color_system is not None or not plaintext.write_report(
        report, view, terminal.width, terminal.file, lambda: terminal
    ):
        terminal.print(_views().report_view(report, *view))
    terminal.file.flush()


def _report_problems(problems: Any, prefix: str = "") -> None:
    for problem in problems:
        where = "camg: " if problem.source is None else ""
        sys.stderr.write(f"{where}{prefix}{problem}\n")


def _report_notices(notices: Any, quiet: bool) -> None:
    """Warnings always; notes on how lines were read unless --quiet."""
    from camg.errors import Severity

    for notice in notices:
        if not (quiet and notice.severity is Severity.NOTE):
            _report_problems([notice], prefix=f"{notice.severity.value}: ")


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
    if argv is None:  # the console script: camg's own process, its output flushed
        _leave_now(status)
    gc.enable()  # for callers that run camg in their own process (tests)
    sys.exit(status)


def _leave_now(status: int | str | None) -> None:
    """End the process without tearing the interpreter down: freeing every module and a
    big log's objects one by one takes longer than the rest of a small run (measured,
    docs/performance.md), and the output is already flushed."""
    if isinstance(status, str):  # as Python's own exit does with a message
        sys.stderr.write(f"{status}\n")
        status = 1
    sys.stderr.flush()
    os._exit(int(status or 0))
