"""A one-day report beside a peer's: camg against Nutorious 0.1.9, in the same run.

Nutorious is a plain-text (YAML) food journal in Python, the closest runnable peer. It is
installed, pinned, into a benchmark-only environment (benchmarks/out/peer-env, git-ignored),
never into camg's. Its journal is generated from camg's own reading of the same day: the
same foods (values per 100 g from data/foods.csv) and the same grams, with calcium and
magnesium as journal components, so that both tools total the same day.

Bars (the performance issue's): camg's one-day report at most 0.6x Nutorious's, and at most
12x `python -c pass`. Run `python benchmarks/peer.py --write` to update docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as harness  # benchmarks/run.py: child processes, wall time, the machine

PEER = "nutorious==0.1.9"
PEER_ENV = harness.OUT_DIR / "peer-env"
DAYS = [harness.REPO / "examples" / "day.txt", harness.REPO / "benchmarks" / "day-20.txt"]
PEER_BAR, PASS_BAR = 0.6, 12.0
START, END = "<!-- peer benchmark: start -->", "<!-- peer benchmark: end -->"
# Nutorious knows these meals; camg's other headings (or none) go under "snack".
PEER_MEALS = {"breakfast", "lunch", "snack", "dinner"}


def peer_command() -> list[str]:
    """The pinned peer's console script, installed on first use."""
    script = PEER_ENV / "bin" / "nutorious"
    if not script.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_ENV)], check=True)
        pip = [str(PEER_ENV / "bin" / "python"), "-m", "pip", "install", "-q", PEER]
        subprocess.run(pip, check=True)
    return [str(script)]


def _food_values() -> dict[str, dict[str, str]]:
    path = harness.REPO / "data" / "foods.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def write_journal(log: Path, folder: Path) -> str:
    """The day as camg reads it, as a Nutorious journal in `folder`; returns its date."""
    done = subprocess.run(
        [*harness.camg(), "log", str(log), "--format", "json", "--suggest", "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    [day] = json.loads(done.stdout)["days"]
    foods = _food_values()  # the same values per 100 g that camg totals
    definitions, meals = {}, {}
    for entry in day["entries"]:
        row = foods[entry["food_id"]]
        parts = [f"{row[column]} {unit}" for column, unit in COMPONENTS if row[column]]
        definitions[f"f{entry['food_id']}"] = f"[ {', '.join(parts)} ]"
        meal = entry["meal"] if entry["meal"] in PEER_MEALS else "snack"
        meals.setdefault(meal, []).append(f"{entry['grams']:g} f{entry['food_id']}")
    lines = ["1970-01-01:"] + [f"  {name}: {values}" for name, values in definitions.items()]
    lines.append(f"{day['date']}:")
    for meal, items in meals.items():
        lines += [f"  {meal}:"] + [f"    - {item}" for item in items]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "journal.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "config.yml").write_text(PEER_CONFIG, encoding="utf-8")
    return day["date"]


COMPONENTS = [("energy_kcal", "kcal"), ("calcium_mg", "ca"), ("magnesium_mg", "mg")]
PEER_CONFIG = """ui:
  daily:
    title: Nutrition report on {dt}
    columns:
      - {data: title, title: Title, justify: left}
      - {data: amount, title: Amount}
      - {data: kcal, title: Kcal}
      - {data: ca, title: Ca mg}
      - {data: mg, title: Mg mg}
"""


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    harness.compile_bytecode()
    peer = peer_command()
    os.environ["COLUMNS"] = "80"
    rows, spreads = [], []
    for log in DAYS:
        name = os.path.relpath(log, harness.REPO)
        journal = harness.OUT_DIR / f"peer-journal-{log.stem}"
        day = write_journal(log, journal)
        command = [*harness.camg(), "log", name]
        report = [*peer, "report", "--j", str(journal), "--d", day]
        against = [
            ("Nutorious 0.1.9 report of the same day", report, PEER_BAR),
            ("`python -c pass`", [sys.executable, "-c", "pass"], PASS_BAR),
        ]
        for label, floor, bar in against:
            pair = harness.measure(f"{name} vs {label}", command, floor, args.repeat)
            quotient = pair.wall / pair.floor_wall
            rows.append(
                [
                    f"`camg log {name}`",
                    harness.seconds(pair.wall),
                    label,
                    harness.seconds(pair.floor_wall),
                    f"{quotient:.2f}x",
                    f"≤ {bar:g}x",
                    harness.met(quotient <= bar),
                ]
            )
            spreads.append(pair.spread(f"`camg log {name}` vs {label}"))
    met = sum(row[-1] == "yes" for row in rows)
    text = "\n".join(
        [
            f"Measured on {dt.date.today().isoformat()} with `python benchmarks/peer.py` "
            f"({args.repeat} runs of each command and its comparison, alternately, after one "
            f"warm-up; medians). Code: {harness.revision()}.",
            "",
            _table(["camg", "median", "beside", "its median", "ratio", "bar", "met"], rows),
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
