#!/usr/bin/env python3
"""Periods and the trend chart on ten years of days, against the plain day table.

A 3,650-day log (a decade of a person's days, 6 to 9 simple items a day) is read by:

  base   `camg log DECADE --suggest 0`: the plain day table, the reference
  --by   `camg log DECADE --suggest 0 --by month` and `--by week`: summarised
  json   `camg log DECADE --suggest 0 --format json`: with the rolling ratio and the summary
  trend  `camg trend DECADE` (80 columns), and with `--output decade.svg`

Each command and the reference run alternately, several times after one warm-up, and
the medians are compared (ratios measured in the same run). Bar: the summarised and
charted reports take less than 2x the day table. Only the standard library is used.

Usage:
    python benchmarks/trend.py            # print the table
    python benchmarks/trend.py --write    # also put it in docs/performance.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as harness  # benchmarks/run.py: child processes, wall time, the machine

DAYS = 3650
DECADE_LOG = harness.OUT_DIR / f"decade-{DAYS}.txt"
START, END = "<!-- trend benchmark: start -->", "<!-- trend benchmark: end -->"
RATIO_BAR = 2.0
FIRST_DAY = date(2016, 1, 4)
ITEMS = [
    "1 cup milk",
    "30 g almonds",
    "2 slices whole wheat bread",
    "150 g salmon",
    "1 cup cooked brown rice",
    "1 cup cooked spinach",
    "a banana",
    "150 g plain yogurt",
    "1 oz cheddar cheese",
    "1 cup cooked black beans",
    "2 eggs",
    "1 apple",
    "1 cup cooked oatmeal",
    "100 g chicken breast",
    "1 cup steamed broccoli",
    "20 g dark chocolate",
]


def write_decade(path: Path, days: int = DAYS, seed: int = 20261129) -> None:
    """A pure function of `days` and `seed`: every run reads the same bytes."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for number in range(days):
            out.write(f"{(FIRST_DAY + timedelta(days=number)).isoformat()}\n")
            for item in rng.sample(ITEMS, rng.randint(6, 9)):
                out.write(f"{item}\n")
            out.write("\n")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    harness.compile_bytecode()
    if not DECADE_LOG.exists():
        write_decade(DECADE_LOG)
    log = os.path.relpath(DECADE_LOG, harness.REPO)
    camg = harness.camg()
    code = harness.revision()
    os.environ["COLUMNS"] = "80"
    base = [*camg, "log", log, "--suggest", "0"]
    with tempfile.TemporaryDirectory() as scratch:
        svg = str(Path(scratch) / "decade.svg")
        cases = [
            ("`camg log DECADE --suggest 0 --by month`", [*base, "--by", "month"]),
            ("`camg log DECADE --suggest 0 --by week`", [*base, "--by", "week"]),
            ("`camg log DECADE --suggest 0 --format json`", [*base, "--format", "json"]),
            ("`camg trend DECADE`", [*camg, "trend", log]),
            ("`camg trend DECADE --output decade.svg`", [*camg, "trend", log, "--output", svg]),
        ]
        rows, spreads = [], []
        reference: list[float] = []
        for label, command in cases:
            pair = harness.measure(label, command, base, args.repeat)
            reference += [run.wall for run in pair.floor_runs]
            quotient = pair.wall / pair.floor_wall
            rows.append(
                [
                    label,
                    harness.seconds(pair.wall),
                    harness.seconds(pair.floor_wall),
                    f"{quotient:.2f}x",
                    f"< {RATIO_BAR:g}x",
                    harness.met(quotient < RATIO_BAR),
                ]
            )
            spreads.append(pair.spread(label).replace("(floor", "(day table"))
    met = sum(row[-1] == "yes" for row in rows)
    text = "\n".join(
        [
            f"Measured on {dt.date.today().isoformat()} with `python benchmarks/trend.py` "
            f"({args.repeat} runs of each command and of the day table, alternately, after one "
            "warm-up; medians).",
            f"Log: `{log}`, {DAYS:,} days, {harness.count_lines(DECADE_LOG):,} lines. "
            f"Code: {code}. Day table (`camg log DECADE --suggest 0`): median "
            f"{harness.seconds(statistics.median(reference))} over all its runs.",
            "",
            _table(["command", "median", "day table, same run", "ratio", "bar", "met"], rows),
            "",
            "Wall time, fastest to slowest run: " + "; ".join(spreads) + ".",
            "",
            f"Bars met: {met} of {len(rows)}.",
        ]
    )
    print(text)
    if args.write:
        doc = harness.DOC.read_text(encoding="utf-8")
        head, _, rest = doc.partition(START)
        _, _, tail = rest.partition(END)
        harness.DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
