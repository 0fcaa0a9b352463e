"""Rich tables for people at a terminal.

Food names and log text are user or source text: they are passed as rich Text
so that brackets in them are never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
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


STATUS_STYLE = {"within": "green", "above": "red", "below": "yellow"}


def report_view(
    report: Any,
    detail: bool,
    period: dict[str, Any] | None = None,
    rows: list[dict[str, Any]] | None = None,
    by: str = "day",
) -> Group:
    """The day table (or, with --by, the period table), the period summary, then notes,
    details and the footer."""
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
    written part by part (camg.plaintext); without `table`, all but the first table."""
    from camg import report as records

    if table:
        yield _day_table(report, detail) if rows is None else _period_table(report, rows, by)
    if period is not None and (report.summary.days > 1 or rows is not None):
        yield _summary_text(report, period)
    details = records.Details(report) if detail else None
    for day in report.days:
        yield from _day_notes(day)
        if day.suggestions:
            yield _suggestion_text(day, report.options)
        if details is not None:
            yield _entry_table(details.entries_of(day), _day_title(day))
            yield _sources_text(details, day)
    yield _footer(report)


@cache  # four statuses: one cell each, shared by every row (rich copies)
def _status_cell(label: str) -> Text:
    return Text(label, style=STATUS_STYLE.get(label, ""))


def _day_title(day: Any) -> str:
    """The date, or for a day without one its heading as written ("Day 2 - rest day")."""
    if day.date:
        return day.date.isoformat()
    return day.labels[0] if day.labels else "undated"


# Marks beside a day or an entry; the caption explains them.
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
    return "\n".join(f"{mark} {text}" for mark, text in LEGEND.items() if mark in used)


def _day_table(report: Any, rolling: bool = False) -> Table:
    table = day_table_frame(report, rolling)
    for day in report.days:
        table.add_row(*day_cells(report, day, rolling))
    return table


def day_table_frame(report: Any, rolling: bool = False) -> Table:
    """The day table without its rows: title, columns and the legend of the marks used."""
    options = report.options
    molar = options.basis == "molar"
    title = f"Ca:Mg by day (range {options.low:g} to {options.high:g} by mass"
    if molar:
        title += f", {report.molar(options.low):.2f} to {report.molar(options.high):.2f} molar"
    if report.intakes is not None:
        title += f"; % of the US RDA for {options.profile.describe()}"
    table = Table(title=title + ")", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    table.add_column("Ca:Mg", justify="right")
    if molar:
        table.add_column("molar", justify="right")
    table.add_column("status")
    if rolling:
        table.add_column("7-day", justify="right")
    if report.intakes is not None:
        table.add_column("Ca % RDA", justify="right")
        table.add_column("Mg % RDA", justify="right")
    used = {
        mark
        for day in report.days
        for mark in _marks(day.incomplete, day.estimated > 0, day.approximate > 0).split()
        for mark in mark
    }
    if used:
        table.caption = _legend(used)
        table.caption_justify = "left"
    if not report.days:
        table.caption = "the log holds no food entries"
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


def _period_table(report: Any, rows: list[dict[str, Any]], by: str) -> Table:
    """One row per ISO week or month (or one for the whole period): the day table's
    columns, Ca and Mg as the mean per complete day, the ratio of the totals."""
    options = report.options
    table = Table(
        title=f"Ca:Mg by {PERIOD_TITLES[by]} (range {options.low:g} to {options.high:g} by "
        "mass; Ca and Mg: mean per complete day; Ca:Mg: total Ca / total Mg)",
        title_justify="left",
    )
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
    if incomplete:
        table.caption = "* holds incomplete days: counted in the ratio, left out of the means"
        table.caption_justify = "left"
    if not rows:
        table.caption = "no dated day with food entries"
    return table


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
    notes = []
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


def _entry_table(entries: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("line", justify="right")
    table.add_column("meal")
    table.add_column("written")
    table.add_column("food")
    table.add_column("grams", justify="right")
    table.add_column("Ca mg", justify="right")
    table.add_column("Mg mg", justify="right")
    used = set()
    for entry in entries:
        used |= set(_marks(False, bool(entry["estimate"]), entry["approximate"]).strip())
        grams = "" if entry["grams"] is None else f"{entry['grams']:,.0f}"
        mark = _marks(False, bool(entry["estimate"]), entry["approximate"])
        table.add_row(
            str(entry["line"]),
            Text(entry["meal"] or ""),
            Text(entry["text"]),
            Text(entry["food"] + mark),
            grams,
            mg(entry["calcium_mg"]),
            mg(entry["magnesium_mg"]),
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
        table.caption = "\n".join([_legend(used), *notes])
        table.caption_justify = "left"
    return table


def _sources_text(details: Any, day: Any) -> Text:
    parts = []
    for element, symbol in (("calcium", "Ca"), ("magnesium", "Mg")):
        top = details.top_sources(day, element)
        listed = ", ".join(f"{item['food']} ({mg(item[f'{element}_mg'])} mg)" for item in top)
        parts.append(f"top {symbol} sources: {listed or 'none'}")
    return Text("\n".join(parts))


def _footer(report: Any) -> Text:
    options = report.options
    return Text(
        f"Range {options.low:g}:1 to {options.high:g}:1 is the dietary Ca:Mg ratio by mass that "
        "many experts recommend; other published ranges differ (see docs). "
        "Informational, not medical advice.",
        style="dim",
    )


def suggestion_view(goal: Any, options: list[Any]) -> Text:
    """`camg suggest`: the totals given, then the foods."""
    state = "no ratio" if goal.ratio is None else f"Ca:Mg {goal.ratio:.2f}"
    heading = (
        f"Ca {mg(goal.calcium_mg)} mg, Mg {mg(goal.magnesium_mg)} mg ({state}; "
        f"range {goal.low:g} to {goal.high:g})"
    )
    if not options:
        return Text(heading + ": nothing to suggest.")
    return Text(
        heading
        + ": add one of\n"
        + "\n".join(_suggestion_line(o, goal.low, goal.high) for o in options)
    )


def _suggestion_text(day: Any, options: Any) -> Text:
    title = _day_title(day)
    state = f"Ca:Mg {ratio_text(day.ratio)}, {day.status or 'no ratio'}"
    lines = [f"{title} ({state}): add one of"]
    lines += [_suggestion_line(option, options.low, options.high) for option in day.suggestions]
    return Text("\n".join(lines))


@lru_cache(maxsize=4096)  # a long log repeats its suggestions day after day
def _suggestion_line(option: Any, low: float, high: float) -> str:
    from camg.suggest import portion_text

    after = ratio_text(option.ratio_after)
    line = (
        f"  {portion_text(option)} ({option.grams:,.0f} g): "
        f"+{mg(option.magnesium_mg)} mg Mg, +{mg(option.calcium_mg)} mg Ca -> ratio {after}"
    )
    if not option.reaches_range and option.ratio_after is not None:
        side = "above" if option.ratio_after > high else "below"
        line += f" (closest it gets; still {side} {low:g} to {high:g})"
    return line


def _days(count: int, noun: str = "day") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
