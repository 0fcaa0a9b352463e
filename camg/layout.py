"""What a report prints, as plain parts: lines of text, grids and tables of cells.

The parts are free of rich, whose import costs more than reading a one-day log: piped
output is written from them by camg.plaintext alone, and views.py turns them into rich
renderables for a terminal. Food names and log text are `Styled` (never read as markup);
a cell given as a `str` is read as rich reads one, markup and all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from camg.render import mg, ratio_text


class Styled(NamedTuple):
    """Text as it is written (rich's Text), with its style on a terminal."""

    text: str
    style: str = ""


Cell = str | Styled


class Column(NamedTuple):
    """A column as rich's add_column takes it; the defaults are rich's."""

    header: str = ""
    justify: str = "left"
    no_wrap: bool = False
    width: int | None = None
    min_width: int | None = None
    max_width: int | None = None


@dataclass(eq=False)  # compared and hashed by identity: a drawn grid is kept by the grid
class Grid:
    """Columns without borders or header, one space between them (rich's Table.grid). Its
    cells are text as written, never markup: figures, food names and a few words."""

    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)


@dataclass(eq=False)
class Table:
    """A table with a header under a heavy rule (rich's default), or, `compact`, a light
    rule and no outer edge."""

    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    compact: bool = False


class SuggestionBlock(NamedTuple):
    """A day's suggestions: a heading line, then the grid, made once for every day that
    shares the list (the plain writer draws it once too)."""

    heading: str
    grid: Grid


STATUS_STYLE = {"within": "green", "above": "red", "below": "yellow"}


def report_parts(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None = None,
    rows: list[dict[str, Any]] | None = None,
    by: str = "day",
    table: bool = True,
) -> Iterator[Any]:
    """The day table (or, with --by, the period table), the period summary, then each day's
    notes and suggestions (with --detail: its entries, top sources, then suggestions), and
    the footer; each part made when asked for, so that a long report can be written part
    by part. Without `table`, all but the first table with its title and legend."""
    from camg import report as records

    if table:
        yield from _day_table(report, detail) if rows is None else _period_table(report, rows, by)
    if period is not None and (report.summary.days > 1 or rows is not None):
        yield _summary_text(report, period)
    details = records.Details(report) if detail else None
    for day in report.days:
        yield from _day_notes(day)
        if details is not None:
            yield from _entry_table(details.entries_of(day), _day_title(day))
            yield _sources_text(details, day)
        if day.suggestions:
            yield _suggestion_text(day, report.options)
    yield _footer(report)


@cache  # four statuses: one cell each, shared by every row
def _status_cell(label: str) -> Styled:
    return Styled(label, STATUS_STYLE.get(label, ""))


def _day_title(day: Any) -> str:
    """The date, or for a day without one its heading as written ("Day 2 - rest day")."""
    if day.date:
        return day.date.isoformat()
    return day.labels[0] if day.labels else "undated"


def _own_source(entry: dict[str, Any]) -> str:
    """An entry of the user's own food or recipe says where its values come from."""
    own = entry["food_id"] is not None and ":" in entry["food_id"]
    return f"\n  ({entry['food_source']})" if own else ""


# Marks beside a day or an entry; the legend under the table explains them.
ESTIMATE_MARK = "~"
APPROXIMATE_MARK = "?"
LEGEND = {
    "*": "incomplete: see the notes below",
    ESTIMATE_MARK: "holds estimates: amounts camg assumed (see --detail or JSON)",
    APPROXIMATE_MARK: "approximate: words camg did not use, corrected or substituted",
}


def _marks(incomplete: bool, estimated: bool, approximate: bool) -> str:
    marks = ("*" * incomplete) + (ESTIMATE_MARK * estimated) + (APPROXIMATE_MARK * approximate)
    return f" {marks}" if marks else ""


def _legend(used: set[str]) -> str:
    return "".join(f"{mark} {text}\n" for mark, text in LEGEND.items() if mark in used)


# The status colours on a terminal, said in words for every output.
STATUS_LEGEND = (
    "status: within the range (green); above: more calcium than the range (red); "
    "below: less calcium than the range (yellow)"
)


def _day_table(report: Any, rolling: bool = False) -> list[Any]:
    """Title, table and legend: printed apart, so that no title or legend is wrapped to the
    table's width."""
    table = day_table_frame(report, rolling)
    table.rows = [tuple(day_cells(report, day, rolling)) for day in report.days]
    return [day_table_title(report), table, day_table_legend(report)]


def day_table_title(report: Any) -> Styled:
    options = report.options
    title = f"Ca:Mg by day (range {options.low:g} to {options.high:g} by mass"
    if options.basis == "molar":
        title += f", {report.molar(options.low):.2f} to {report.molar(options.high):.2f} molar"
    if report.intakes is not None:
        title += f"; % of the US RDA for {options.profile.describe()}"
    return Styled(title + ")")


def day_table_legend(report: Any) -> Styled:
    """What the marks used and the status colours mean (or that the log is empty)."""
    if not report.days:
        return Styled("the log holds no food entries")
    used = {
        mark
        for day in report.days
        for mark in _marks(day.incomplete, day.estimated > 0, day.approximate > 0).strip()
    }
    return Styled(_legend(used) + STATUS_LEGEND)


def day_table_frame(report: Any, rolling: bool = False) -> Table:
    """The day table without its rows: its columns."""
    columns = [
        Column("date", no_wrap=True),
        Column("Ca mg", justify="right"),
        Column("Mg mg", justify="right"),
        Column("Ca:Mg", justify="right"),
    ]
    if report.options.basis == "molar":
        columns.append(Column("molar", justify="right"))
    columns.append(Column("status"))
    if rolling:
        columns.append(Column("7-day", justify="right"))
    if report.intakes is not None:
        columns += [Column("Ca % RDA", justify="right"), Column("Mg % RDA", justify="right")]
    return Table(tuple(columns))


def day_cells(report: Any, day: Any, rolling: bool = False) -> list[Cell]:
    """One day's row of the day table."""
    options = report.options
    cells: list[Cell] = [
        _day_title(day) + _marks(day.incomplete, day.estimated > 0, day.approximate > 0),
        mg(day.calcium_mg),
        mg(day.magnesium_mg),
        ratio_text(day.ratio),
    ]
    if options.basis == "molar":
        cells.append(ratio_text(report.molar(day.ratio)))
    cells.append(_status_cell(day.status or "no ratio"))
    if rolling:
        cells.append(ratio_text(day.rolling_ratio) if day.rolling_ratio is not None else "")
    if report.intakes is not None:
        cells += [f"{day.calcium_rda_pct:.0f}%", f"{day.magnesium_rda_pct:.0f}%"]
    return cells


PERIOD_TITLES = {"week": "ISO week", "month": "month", "all": "period"}


def _period_table(report: Any, rows: list[dict[str, Any]], by: str) -> list[Any]:
    """One row per ISO week or month (or one for the whole period): the day table's
    columns, Ca and Mg as the mean per complete day, the ratio of the totals."""
    options = report.options
    title = Styled(
        f"Ca:Mg by {PERIOD_TITLES[by]} (range {options.low:g} to {options.high:g} by "
        "mass; Ca and Mg: mean per complete day; Ca:Mg: total Ca / total Mg)"
    )
    table = Table(
        (
            Column(PERIOD_TITLES[by], no_wrap=True),
            Column("days", justify="right"),
            Column("Ca mg", justify="right"),
            Column("Mg mg", justify="right"),
            Column("Ca:Mg", justify="right"),
            Column("status"),
            Column("within", justify="right"),
            Column("above", justify="right"),
            Column("below", justify="right"),
        )
    )
    incomplete = False
    for row in rows:
        label = row["status"] or "no ratio"
        mark = " *" if row["incomplete_days"] else ""
        incomplete = incomplete or bool(mark)
        name = row["period"] if by != "all" else f"{row['from'] or ''} to {row['to'] or ''}"
        table.rows.append(
            (
                name + mark,
                str(row["days"]),
                "" if row["calcium_mg"] is None else mg(row["calcium_mg"]),
                "" if row["magnesium_mg"] is None else mg(row["magnesium_mg"]),
                ratio_text(row["ratio"]),
                Styled(label, STATUS_STYLE.get(label, "")),
                str(row["days_within"]),
                str(row["days_above"]),
                str(row["days_below"]),
            )
        )
    if not rows:
        return [title, table, Styled("no dated day with food entries")]
    legend = "* holds incomplete days: counted in the ratio, left out of the means\n"
    return [title, table, Styled(legend * incomplete + STATUS_LEGEND)]


def _summary_text(report: Any, period: dict[str, Any]) -> Styled:
    """The period summary after the table."""
    summary = report.summary
    span = f" from {period['from']} to {period['to']}" if period["from"] else ""
    counts = (
        f"{_days(period['days'])}{span}: {period['days_within']} within range, "
        f"{period['days_above']} above, {period['days_below']} below, "
        f"{period['days_without_ratio']} without a ratio.\n"
    )
    if period["complete_days"]:
        means = (
            f"Mean per complete day: Ca {mg(period['calcium_mg'])} mg, "
            f"Mg {mg(period['magnesium_mg'])} mg"
        )
        if period["incomplete_days"]:
            means += f" ({_days(period['incomplete_days'], 'incomplete day')} left out)"
        means += "."
    else:
        means = "No complete day to average."
    return Styled(
        counts
        + means
        + f" Ratio of the totals: {ratio_text(period['ratio'])}; "
        + f"mean of the daily ratios: {ratio_text(summary.mean_of_daily_ratios)}."
    )


def _day_notes(day: Any) -> list[Styled]:
    notes: list[Styled] = []
    if not (day.unknown_foods or day.unresolved or day.warnings or day.ratio is None):
        return notes  # most days: nothing to say
    title = _day_title(day)
    if day.unknown_foods:
        notes.append(
            Styled(
                f"{title}: calcium or magnesium unknown in the source for: "
                + "; ".join(day.unknown_foods)
                + " (totalled from known values)"
            )
        )
    if day.unresolved:
        lines = ", ".join(str(item["line"]) for item in day.unresolved)
        notes.append(Styled(f"{title}: lines not understood and left out: {lines}"))
    if day.ratio is None and day.entry_count:
        notes.append(Styled(f"{title}: no magnesium, so no ratio"))
    notes.extend(Styled(f"{title}: warning: {warning}", "bold red") for warning in day.warnings)
    return notes


def _entry_table(entries: list[dict[str, Any]], title: str) -> list[Any]:
    """A day's entries: what was written beside the food camg chose (its full name), so that
    the person can check each one; the marks are explained below."""
    # Light rules and a narrow "written" column leave the food's name most of the width.
    table = Table(
        (
            Column("line", justify="right", no_wrap=True),
            Column("meal", no_wrap=True, max_width=9),
            Column("written", max_width=20),
            Column("food"),
            Column("grams", justify="right", no_wrap=True),
            Column("Ca mg", justify="right", no_wrap=True),
            Column("Mg mg", justify="right", no_wrap=True),
        ),
        compact=True,
    )
    used = set()
    for entry in entries:
        used |= set(_marks(False, bool(entry["estimate"]), entry["approximate"]).strip())
        grams = "" if entry["grams"] is None else f"{entry['grams']:,.0f}"
        mark = _marks(False, bool(entry["estimate"]), entry["approximate"])
        table.rows.append(
            (
                str(entry["line"]),
                Styled(entry["meal"] or ""),
                Styled(entry["text"]),
                Styled(entry["food"] + mark + _own_source(entry)),
                grams,
                mg(entry["calcium_mg"]),
                mg(entry["magnesium_mg"]),
            )
        )
        for part in entry.get("ingredients", ()):  # a recipe's breakdown, under its entry
            table.rows.append(
                (
                    "",
                    "",
                    Styled(f"  {part['text']}", "dim"),
                    Styled(part["food"], "dim"),
                    f"{part['grams']:,.0f}",
                    mg(part["calcium_mg"]),
                    mg(part["magnesium_mg"]),
                )
            )
    notes = [
        f"line {entry['line']}: {ESTIMATE_MARK} {entry['assumed']}"
        for entry in entries
        if entry["estimate"]
    ] + [
        f"line {entry['line']}: {APPROXIMATE_MARK} {'; '.join(entry['notes'])}"
        for entry in entries
        if entry["approximate"]
    ]
    if used:
        return [Styled(title), table, Styled(_legend(used) + "\n".join(notes))]
    return [Styled(title), table]


def _sources_text(details: Any, day: Any) -> Grid:
    """The foods that gave the day most of each element, one a row, the figure in a column
    of its own so that a narrow terminal never parts a number from its unit."""
    grid = Grid((Column(no_wrap=True), Column(), Column(justify="right", no_wrap=True)))
    for element, symbol in (("calcium", "Ca"), ("magnesium", "Mg")):
        top = details.top_sources(day, element) or [{"food": "none", f"{element}_mg": None}]
        for rank, item in enumerate(top):
            label = f"top {symbol} sources:" if rank == 0 else ""
            amount = item[f"{element}_mg"]
            grid.rows.append((label, item["food"], "" if amount is None else f"{mg(amount)} mg"))
    return grid


def _footer(report: Any) -> Styled:
    options = report.options
    return Styled(
        f"Range {options.low:g}:1 to {options.high:g}:1 is the dietary Ca:Mg ratio by mass that "
        "many experts recommend; other published ranges differ (see docs). "
        "Informational, not medical advice.",
        "dim",
    )


def _suggestion_text(day: Any, options: Any) -> SuggestionBlock:
    state = f"Ca:Mg {ratio_text(day.ratio)}, {day.status or 'no ratio'}"
    heading = f"{_day_title(day)} ({state}): add one of"
    return SuggestionBlock(heading, _suggestion_grid_of(day.suggestions, options.high))


# The grids of the suggestion lists seen last: days with the same totals share one list
# (camg.suggest), so a grid is made once for all of them; the list is held with its grid,
# so that its id is not reused while the grid is kept.
_GRIDS: dict[tuple[int, float], tuple[Any, Grid]] = {}


def _suggestion_grid_of(suggestions: Any, high: float) -> Grid:
    found = _GRIDS.get((id(suggestions), high))
    if found is None or found[0] is not suggestions:
        if len(_GRIDS) > 1024:
            _GRIDS.clear()
        found = _GRIDS[(id(suggestions), high)] = (suggestions, suggestion_grid(suggestions, high))
    return found[1]


SUGGESTION_COLUMNS = (
    Column(width=1),  # with the padding, an indent of two
    Column(min_width=16),
    *(Column(justify=justify, no_wrap=True) for justify in ("right", "right", "right", "left")),
)


def suggestion_grid(suggestions: Any, high: float) -> Grid:
    """One suggestion a row. Figures sit in columns that never wrap, so that a narrow
    terminal breaks only the food's words, never a number or its arrow; piped, a row is
    one line that grep finds whole. When a food cannot reach the range, a line below says
    how far it gets."""
    grid = Grid(SUGGESTION_COLUMNS)
    for option in suggestions:
        portion = _portion_cells(
            option.portion, option.label, option.grams, option.magnesium_mg, option.calcium_mg
        )
        grid.rows.append((*portion, f"-> ratio {ratio_text(option.ratio_after)}"))
        if not option.reaches_range and option.ratio_after is not None:
            side = "above" if option.ratio_after > high else "below"
            grid.rows.append(("", f"  closest it gets; still {side}"))
    return grid


@cache  # a long report suggests the same few portions day after day, each with its own ratio
def _portion_cells(
    portion: str, label: str, grams: float, magnesium: float, calcium: float
) -> tuple[str, ...]:
    """A suggestion's cells up to the ratio it leads to: the portion and what it adds."""
    from camg.suggest import portion_text

    return (
        "",
        portion_text(portion, label),
        f"({grams:,.0f} g):",
        f"+{mg(magnesium)} mg Mg,",
        f"+{mg(calcium)} mg Ca",
    )


def _days(count: int, noun: str = "day") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
