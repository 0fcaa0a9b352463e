"""`camg trend`: the daily Ca:Mg ratio as a chart, in the terminal or as an image.

The terminal chart is drawn by plotext, the image by matplotlib; each is imported
only when its chart is made, so no other command pays for them.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from camg.errors import CamgError
from camg.periods import ROLLING_DAYS

HEIGHT = 20
IMAGE_TYPES = (".svg", ".png")
ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
WITHIN_MARK, OUT_MARK, ROLLING_MARK = "o", "x", "."


def terminal_width() -> int:
    """The width to draw at: COLUMNS or the terminal's, 80 when unknown, kept to 40..200."""
    return max(40, min(200, shutil.get_terminal_size((80, 24)).columns))


def check_output(path: str) -> None:
    if Path(path).suffix.lower() not in IMAGE_TYPES:
        raise CamgError(f'--output "{path}": give a file ending in .svg or .png')


class Series:
    """What the chart shows: day numbers from the first date, the ratios and statuses."""

    def __init__(self, report: Any) -> None:
        days = [d for d in report.days if d.date is not None and d.entry_count]
        days.sort(key=lambda d: d.date)
        self.first: date | None = days[0].date if days else None
        self.low, self.high = report.options.low, report.options.high
        self.x = [(d.date - self.first).days for d in days] if days else []
        self.dates = [d.date for d in days]
        self.ratio = [d.ratio for d in days]
        self.status = [d.status for d in days]
        self.rolling = [d.rolling_ratio for d in days]

    def points(self, within: bool) -> tuple[list[int], list[float]]:
        chosen = [
            (x, r)
            for x, r, s in zip(self.x, self.ratio, self.status, strict=True)
            if r is not None and (s == "within") == within
        ]
        return [x for x, _ in chosen], [r for _, r in chosen]

    def rolling_segments(self) -> list[tuple[list[int], list[float]]]:
        """The rolling ratio as runs of points; a run breaks where the log has a gap of a
        week or more (no day then shares a window with the one before)."""
        chosen = [(x, r) for x, r in zip(self.x, self.rolling, strict=True) if r is not None]
        runs: list[list[tuple[int, float]]] = []
        for point in chosen:
            if runs and point[0] - runs[-1][-1][0] < ROLLING_DAYS:
                runs[-1].append(point)
            else:
                runs.append([point])
        return [([x for x, _ in run], [r for _, r in run]) for run in runs]

    def top(self) -> float:
        values = [v for v in [*self.ratio, *self.rolling] if v is not None]
        return max([self.high * 1.25, *values]) * 1.05

    def ticks(self, count: int) -> tuple[list[int], list[str]]:
        """Up to `count` evenly spaced date ticks; the first with its year."""
        if not self.x:
            return [], []
        span = self.x[-1]
        count = max(2, min(count, span + 1))
        places = sorted({round(span * i / (count - 1)) for i in range(count)})
        labels = []
        year = None
        for place in places:
            when = self.first + timedelta(days=place)
            labels.append(when.isoformat() if when.year != year else when.strftime("%m-%d"))
            year = when.year
        if span > 366:
            labels = [(self.first + timedelta(days=p)).strftime("%Y-%m") for p in places]
        return places, labels


def text_chart(report: Any, period: dict[str, Any], width: int, plain: bool) -> str:
    """The chart as text `width` columns wide, then a legend and the period summary.
    Plain: no colour and no escape code (piped output, NO_COLOR)."""
    series = Series(report)
    lines = [_plot(series, width, plain)] if series.x else ["no dated day with food entries"]
    lines.append(
        f"{WITHIN_MARK} day within range   {OUT_MARK} day out of range   "
        f"{ROLLING_MARK * 3} 7-day ratio   range {series.low:g} to {series.high:g}"
    )
    lines.append(_period_line(period))
    return "\n".join(_fit(line, width) for text in lines for line in text.split("\n")) + "\n"


def _fit(line: str, width: int) -> str:
    line = line.rstrip()
    return line if len(ESCAPES.sub("", line)) <= width or "\x1b" in line else _wrap(line, width)


def _wrap(line: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(line, width)) if line else line


def _period_line(period: dict[str, Any]) -> str:
    from camg.render import mg, ratio_text

    if not period["days"]:
        return "no days in the period"
    text = (
        f"{_days(period['days'])} from {period['from']} to {period['to']}: "
        f"{period['days_within']} within, {period['days_above']} above, "
        f"{period['days_below']} below, {period['days_without_ratio']} without a ratio; "
        f"ratio of the totals {ratio_text(period['ratio'])}"
    )
    if period["complete_days"]:
        text += (
            f"; mean per complete day Ca {mg(period['calcium_mg'])} mg, "
            f"Mg {mg(period['magnesium_mg'])} mg"
        )
    if period["incomplete_days"]:
        text += f" ({_days(period['incomplete_days'], 'incomplete day')} left out)"
    return text + "."


def _plot(series: Series, width: int, plain: bool) -> str:
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(width, HEIGHT)
    plt.theme("clear" if plain else "pro")
    plt.title("Ca:Mg by day")
    plt.ylim(0, series.top())
    plt.xlim(min(series.x) - 0.5, max(series.x) + 0.5)
    plt.hline(series.low, None if plain else "green")
    plt.hline(series.high, None if plain else "green")
    # What is drawn last stays visible: the days, while each has a column of its own;
    # the rolling line when days share columns (months and years of them).
    crowded = series.x[-1] + 1 > width - 8
    if not crowded:
        _rolling(plt, series, plain)
    xs, ys = series.points(within=True)
    if xs:
        plt.scatter(xs, ys, marker=WITHIN_MARK, color=None if plain else "green")
    xs, ys = series.points(within=False)
    if xs:
        plt.scatter(xs, ys, marker=OUT_MARK, color=None if plain else "red")
    if crowded:
        _rolling(plt, series, plain)
    places, labels = series.ticks(max(2, width // 16))
    plt.xticks(places, labels)
    top = series.top()
    steps = [series.low, series.high, *[v for v in (1.0, 4.0, 6.0, 8.0, 12.0) if v < top]]
    plt.yticks(sorted(set(steps)), [f"{v:g}" for v in sorted(set(steps))])
    text = plt.build()
    plt.clear_figure()
    if plain or os.environ.get("NO_COLOR"):
        text = ESCAPES.sub("", text)
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))


def _rolling(plt: Any, series: Series, plain: bool) -> None:
    for xs, ys in series.rolling_segments():
        plt.plot(xs, ys, marker=ROLLING_MARK, color=None if plain else "blue")


def write_image(report: Any, period: dict[str, Any], path: str) -> None:
    """The chart as an SVG or PNG file that needs nothing else to be viewed."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "camg"  # the same chart, the same file
    import matplotlib.pyplot as pyplot

    series = Series(report)
    figure, axes = pyplot.subplots(figsize=(10, 4.5), dpi=100)
    try:
        axes.axhspan(series.low, series.high, color="#2e7d32", alpha=0.15, lw=0)
        axes.axhline(series.low, color="#2e7d32", lw=0.8)
        axes.axhline(series.high, color="#2e7d32", lw=0.8)
        first = series.first or date.min
        for number, (xs, ys) in enumerate(series.rolling_segments()):
            when = [first + timedelta(days=x) for x in xs]
            label = "7-day ratio" if number == 0 else None
            axes.plot(
                when, ys, color="#1565c0", lw=1.5, marker="." if len(xs) == 1 else "", label=label
            )
        for within, colour, mark, label in (
            (True, "#2e7d32", "o", "day within range"),
            (False, "#c62828", "x", "day out of range"),
        ):
            chosen = [
                (when, value)
                for when, value, status in zip(
                    series.dates, series.ratio, series.status, strict=True
                )
                if value is not None and (status == "within") == within
            ]
            if chosen:
                axes.scatter(
                    *zip(*chosen, strict=True), color=colour, marker=mark, s=18, label=label
                )
        axes.set_ylim(0, series.top())
        axes.set_ylabel("Ca:Mg by mass")
        axes.set_title(
            f"Ca:Mg by day, {period['from']} to {period['to']} "
            f"(band {series.low:g} to {series.high:g}; ratio of the totals "
            f"{'n/a' if period['ratio'] is None else format(period['ratio'], '.2f')})"
        )
        axes.legend(loc="upper right", fontsize="small")
        figure.autofmt_xdate()
        figure.tight_layout()
        metadata = {"Date": None} if path.lower().endswith(".svg") else {}
        try:
            figure.savefig(path, metadata=metadata)
        except OSError as error:
            raise CamgError(f'--output "{path}": cannot write: {error.strerror}') from None
    finally:
        pyplot.close(figure)


def _days(count: int, noun: str = "day") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
