#!/usr/bin/env python3
"""The one-day report side by side with Nutorious, the closest runnable peer.

Nutorious (https://pypi.org/project/nutorious/, MIT) is a YAML food journal in Python:
`nutorious report --j DIR --d DATE` prints one day's table of foods and their totals.
This module gives it the same day camg reads:

- a benchmark-only environment, `benchmarks/out/nutorious-venv`, with Nutorious pinned to
  0.1.9 (`python -m venv` and `pip install nutorious==0.1.9`; made once, when missing);
- a journal written from camg's own reading of the log: each food camg resolved becomes
  a Nutorious food with its calcium and magnesium per 100 g from data/foods.csv (no value
  is typed by hand), each meal a Nutorious meal of grams of those foods, and a config
  whose columns are calcium and magnesium.

`benchmarks/run.py` times `camg log LOG` against `nutorious report` on the journal,
alternately, in the same run. Run this file to write the journals and print the two
reports, to see that they total the same day:

    python benchmarks/peer.py
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "benchmarks" / "out"
VENV = OUT_DIR / "nutorious-venv"
VERSION = "0.1.9"
# Twenty lines of one day whose ratio is above the range, so that camg prints suggestions.
SUGGESTING_DAY = OUT_DIR / "day-20-lines.txt"
SUGGESTING_ITEMS = [
    "1 cup milk",
    "2 slices white bread",
    "1 tbsp butter",
    "1 oz cheddar cheese",
    "1 cup coffee",
    "2 tbsp half and half",
    "150 g plain yogurt",
    "a banana",
    "2 slices american cheese",
    "1 cup cooked white rice",
    "3 oz chicken breast",
    "1 cup orange juice",
    "1 cup vanilla ice cream",
    "1 tbsp honey",
    "2 eggs",
    "1 cup cottage cheese",
    "1 oz swiss cheese",
    "1 cup tomato sauce",
    "1 cup cooked pasta",
    "1 cup chocolate milk",
]


def nutorious() -> list[str]:
    """The pinned Nutorious command, installed into its own environment if missing."""
    script = VENV / "bin" / "nutorious"
    if not script.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, f"nutorious=={VERSION}"], check=True)
    return [str(script)]


def write_suggesting_day() -> Path:
    SUGGESTING_DAY.parent.mkdir(parents=True, exist_ok=True)
    SUGGESTING_DAY.write_text("2026-11-21\n" + "\n".join(SUGGESTING_ITEMS) + "\n")
    return SUGGESTING_DAY


def write_journal(log: Path, directory: Path) -> str:
    """A Nutorious journal of the log's one dated day, as camg reads it; its date."""
    sys.path.insert(0, str(REPO))
    from camg import tables
    from camg.analysis import analyse
    from camg.engine import Options

    report = analyse([str(log)], None, Options(2.0, 2.8)).report
    (day,) = report.days
    foods: dict[str, str] = {}
    meals: dict[str, list[str]] = {}
    for entry in report.entries(day):
        resolution = entry.resolution
        name, _, calcium, magnesium = tables.food_values(resolution.food_id)
        slug = f"f{resolution.food_id}-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        foods[slug] = f"[ {calcium:g} calcium, {magnesium:g} magnesium ]"
        meal = entry.meal if entry.meal in ("breakfast", "lunch", "snack", "dinner") else "snack"
        meals.setdefault(meal, []).append(f"{resolution.grams:.4f} {slug[:60]}")
    when = day.date.isoformat()
    lines = [f"{when}:"]
    lines += [f"  {slug[:60]}: {values}" for slug, values in foods.items()]
    for meal, items in meals.items():
        lines.append(f"  {meal}:")
        lines += [f"    - {item}" for item in items]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "journal.yml").write_text("\n".join(lines) + "\n")
    (directory / "config.yml").write_text(
        "ui:\n  daily:\n    title: Nutrition report on {dt}\n    columns:\n"
        "      - {data: title, title: Title, style: cyan, justify: left}\n"
        "      - {data: amount, title: Amount, style: green}\n"
        "      - {data: calcium, title: Ca mg, style: blue}\n"
        "      - {data: magnesium, title: Mg mg, style: white}\n"
    )
    return when


def main() -> int:
    command = nutorious()
    for log in (REPO / "examples" / "day.txt", write_suggesting_day()):
        journal = OUT_DIR / f"nutorious-{log.stem}"
        when = write_journal(log, journal)
        subprocess.run([*command, "report", "--j", str(journal), "--d", when], check=True)
        subprocess.run([sys.executable, "-m", "camg", "log", str(log)], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
