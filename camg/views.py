"""Rich tables for people at a terminal.

Food names and log text are user or source text: they are passed as rich Text
so that brackets in them are never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from camg.render import mg, ratio_text


def _own_source(entry: dict[str, Any]) -> str:
    """An entry of the user's own food or recipe says where its values come from."""
    own = entry["food_id"] is not None and ":" in entry["food_id"]
    return f"\n  ({entry['food_source']})" if own else ""


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


STATUS_STYLE = {"within": "green", "above": "red", "below": "yellow"}


def report_view(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None = None,
    rows: list[dict[str, Any]] | None = None,
    by: str = "day",
) -> Group:
    """The day table (or, with --by, the period table), the period summary, then each day's
    notes and suggestions (with --detail: its entries, top sources, then suggestions), and
    the footer."""
    return Group(*report_parts(report, detail, period, rows, by))


def report_parts(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None = None,
    rows: list[dict[str, Any]] | None = None,
    by: str = "day",
    table: bool = True,
) -> Iterator[Any]:
    """The parts of report_view, each made when asked for, so that a long report can be
    written part by part (camg.plaintext); without `table`, all but the first table with
    its title and legend."""
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


@cache  # four statuses: one cell each, shared by every row (rich copies)
def _status_cell(label: str) -> Text:
    return Text(label, style=STATUS_STYLE.get(label, ""))


def _day_title(day: Any) -> str:
    """The date, or for a day without one its heading as written ("Day 2 - rest day")."""
    if day.date:
        return day.date.isoformat()
    return day.labels[0] if day.labels else "undated"


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
    for day in report.days:
        table.add_row(*day_cells(report, day, rolling))
    return [day_table_title(report), table, day_table_legend(report)]


def day_table_title(report: Any) -> Text:
    options = report.options
    title = f"Ca:Mg by day (range {options.low:g} to {options.high:g} by mass"
    if options.basis == "molar":
        title += f", {report.molar(options.low):.2f} to {report.molar(options.high):.2f} molar"
    if report.intakes is not None:
        title += f"; % of the US RDA for {options.profile.describe()}"
    return Text(title + ")")


def day_table_legend(report: Any) -> Text:
    """What the marks used and the status colours mean (or that the log is empty)."""
    if not report.days:
        return Text("the log holds no food entries")
    used = {
        mark
        for day in report.days
        for mark in _marks(day.incomplete, day.estimated > 0, day.approximate > 0).strip()
    }
    return Text(_legend(used) + STATUS_LEGEND)


def day_table_frame(report: Any, rolling: bool = False) -> Table:
    """The day table without its rows: its columns."""
    table = Table()
    table.add_column("date", no_wrap=True)
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    table.add_column("Ca:Mg", justify="right")
    if report.options.basis == "molar":
        table.add_column("molar", justify="right")
    table.add_column("status")
    if rolling:
        table.add_column("7-day", justify="right")
    if report.intakes is not None:
        table.add_column("Ca % RDA", justify="right")
        table.add_column("Mg % RDA", justify="right")
    return table


def day_cells(report: Any, day: Any, rolling: bool = False) -> list[Any]:
    """One day's row of the day table."""
    options = report.options
    cells: list[Any] = [
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
    title = Text(
        f"Ca:Mg by {PERIOD_TITLES[by]} (range {options.low:g} to {options.high:g} by "
        "mass; Ca and Mg: mean per complete day; Ca:Mg: total Ca / total Mg)"
    )
    table = Table()
    table.add_column(PERIOD_TITLES[by], no_wrap=True)
    table.add_column("days", justify="right")
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    table.add_column("Ca:Mg", justify="right")
    table.add_column("status")
    table.add_column("within", justify="right")
    table.add_column("above", justify="right")
    table.add_column("below", justify="right")
    incomplete = False
    for row in rows:
        label = row["status"] or "no ratio"
        mark = " *" if row["incomplete_days"] else ""
        incomplete = incomplete or bool(mark)
        name = row["period"] if by != "all" else f"{row['from'] or ''} to {row['to'] or ''}"
        table.add_row(
            name + mark,
            str(row["days"]),
            "" if row["calcium_mg"] is None else mg(row["calcium_mg"]),
            "" if row["magnesium_mg"] is None else mg(row["magnesium_mg"]),
            ratio_text(row["ratio"]),
            Text(label, style=STATUS_STYLE.get(label, "")),
            str(row["days_within"]),
            str(row["days_above"]),
            str(row["days_below"]),
        )
    if not rows:
        return [title, table, Text("no dated day with food entries")]
    legend = "* holds incomplete days: counted in the ratio, left out of the means\n"
    return [title, table, Text(legend * incomplete + STATUS_LEGEND)]


def _summary_text(report: Any, period: dict[str, Any]) -> Text:
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
    return Text(
        counts
        + means
        + f" Ratio of the totals: {ratio_text(period['ratio'])}; "
        + f"mean of the daily ratios: {ratio_text(summary.mean_of_daily_ratios)}."
    )


def _day_notes(day: Any) -> list[Text]:
    notes: list[Text] = []
    if not (day.unknown_foods or day.unresolved or day.warnings or day.ratio is None):
        return notes  # most days: nothing to say
    title = _day_title(day)
    if day.unknown_foods:
        notes.append(
            Text(
                f"{title}: calcium or magnesium unknown in the source for: "
                + "; ".join(day.unknown_foods)
                + " (totalled from known values)"
            )
        )
    if day.unresolved:
        lines = ", ".join(str(item["line"]) for item in day.unresolved)
        notes.append(Text(f"{title}: lines not understood and left out: {lines}"))
    if day.ratio is None and day.entry_count:
        notes.append(Text(f"{title}: no magnesium, so no ratio"))
    notes.extend(Text(f"{title}: warning: {warning}", style="bold red") for warning in day.warnings)
    return notes


def _entry_table(entries: list[dict[str, Any]], title: str) -> list[Any]:
    """A day's entries: what was written beside the food camg chose (its full name), so that
    the person can check each one; the marks are explained below."""
    # Light rules and a narrow "written" column leave the food's name most of the width.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("meal", no_wrap=True, overflow="ellipsis", max_width=9)
    table.add_column("written", max_width=20)
    table.add_column("food")
    table.add_column("grams", justify="right", no_wrap=True)
    table.add_column("Ca mg", justify="right", no_wrap=True)
    table.add_column("Mg mg", justify="right", no_wrap=True)
    used = set()
    for entry in entries:
        used |= set(_marks(False, bool(entry["estimate"]), entry["approximate"]).strip())
        grams = "" if entry["grams"] is None else f"{entry['grams']:,.0f}"
        mark = _marks(False, bool(entry["estimate"]), entry["approximate"])
        table.add_row(
            str(entry["line"]),
            Text(entry["meal"] or ""),
            Text(entry["text"]),
            Text(entry["food"] + mark + _own_source(entry)),
            grams,
            mg(entry["calcium_mg"]),
            mg(entry["magnesium_mg"]),
        )
        for part in entry.get("ingredients", ()):  # a recipe's breakdown, under its entry
            table.add_row(
                "",
                "",
                Text(f"  {part['text']}", style="dim"),
                Text(part["food"], style="dim"),
                f"{part['grams']:,.0f}",
                mg(part["calcium_mg"]),
                mg(part["magnesium_mg"]),
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
        return [Text(title), table, Text(_legend(used) + "\n".join(notes))]
    return [Text(title), table]


def _sources_text(details: Any, day: Any) -> Table:
    """The foods that gave the day most of each element, one a row, the figure in a column
    of its own so that a narrow terminal never parts a number from its unit."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_column(justify="right", no_wrap=True)
    for element, symbol in (("calcium", "Ca"), ("magnesium", "Mg")):
        top = details.top_sources(day, element) or [{"food": "none", f"{element}_mg": None}]
        for rank, item in enumerate(top):
            label = f"top {symbol} sources:" if rank == 0 else ""
            amount = item[f"{element}_mg"]
            grid.add_row(label, Text(item["food"]), "" if amount is None else f"{mg(amount)} mg")
    return grid


def _footer(report: Any) -> Text:
    options = report.options
    return Text(
        f"Range {options.low:g}:1 to {options.high:g}:1 is the dietary Ca:Mg ratio by mass that "
        "many experts recommend; other published ranges differ (see docs). "
        "Informational, not medical advice.",
        style="dim",
    )


def suggestion_view(goal: Any, options: list[Any]) -> Group | Text:
    """`camg suggest`: the totals given, then the foods."""
    state = "no ratio" if goal.ratio is None else f"Ca:Mg {goal.ratio:.2f}"
    heading = (
        f"Ca {mg(goal.calcium_mg)} mg, Mg {mg(goal.magnesium_mg)} mg ({state}; "
        f"range {goal.low:g} to {goal.high:g})"
    )
    if not options:
        return Text(heading + ": nothing to suggest.")
    return Group(Text(heading + ": add one of"), _suggestion_grid(options, goal.high))


class SuggestionBlock(NamedTuple):
    """A day's suggestions: a heading line, then the grid. Rich renders it as a group; the
    plain writer writes the heading as it is and the grid it has drawn for other days."""

    heading: str
    grid: Table

    def __rich__(self) -> Group:
        return Group(Text(self.heading), self.grid)


def _suggestion_text(day: Any, options: Any) -> SuggestionBlock:
    state = f"Ca:Mg {ratio_text(day.ratio)}, {day.status or 'no ratio'}"
    heading = f"{_day_title(day)} ({state}): add one of"
    return SuggestionBlock(heading, _suggestion_grid_of(day.suggestions, options.high))


# The grids of the suggestion lists seen last: days with the same totals share one list
# (camg.suggest), so a grid is made once for all of them; the list is held with its grid,
# so that its id is not reused while the grid is kept.
_GRIDS: dict[tuple[int, float], tuple[Any, Table]] = {}


def _suggestion_grid_of(suggestions: Any, high: float) -> Table:
    found = _GRIDS.get((id(suggestions), high))
    if found is None or found[0] is not suggestions:
        if len(_GRIDS) > 1024:
            _GRIDS.clear()
        found = _GRIDS[(id(suggestions), high)] = (suggestions, _suggestion_grid(suggestions, high))
    return found[1]


def _suggestion_grid(suggestions: Any, high: float) -> Table:
    """One suggestion a row. Figures sit in columns that never wrap, so that a narrow
    terminal breaks only the food's words, never a number or its arrow; piped, a row is
    one line that grep finds whole. When a food cannot reach the range, a line below says
    how far it gets."""
    from camg.suggest import portion_text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)  # with the padding, an indent of two
    grid.add_column(min_width=16)
    for justify in ("right", "right", "right", "left"):
        grid.add_column(justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for option in suggestions:
        grid.add_row(
            "",
            Text(portion_text(option)),
            f"({option.grams:,.0f} g):",
            f"+{mg(option.magnesium_mg)} mg Mg,",
            f"+{mg(option.calcium_mg)} mg Ca",
            f"-> ratio {ratio_text(option.ratio_after)}",
        )
        if not option.reaches_range and option.ratio_after is not None:
            side = "above" if option.ratio_after > high else "below"
            grid.add_row("", Text(f"  closest it gets; still {side}"))
    return grid


def _days(count: int, noun: str = "day") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
