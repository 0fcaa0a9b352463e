#!/usr/bin/env python3
"""Score camg's reading of log lines on the evaluation sets.

Two kinds of set. The phrase sets (tests/data/phrases.csv, phrases-menus.csv)
give each phrase the SR28 foods a nutritionist would accept and the weight it
describes: a row passes when camg picks an accepted food and weighs it within
10%. The published set (tests/data/phrases-published.csv) holds lines copied
from published menus, serving guides and diaries, each with its source, the
accepted foods (or REFUSE, or supplement:ELEMENT / supplement:other) and a gram
range; it also counts refusals and lines that are silently wrong: a wrong food
or weight that camg neither refused nor marked as an estimate or approximate.

Usage: python scripts/eval_phrases.py [CSV ...] [--failures]
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEFAULT_SET = DATA / "phrases.csv"
PUBLISHED_SET = DATA / "phrases-published.csv"
ALL_SETS = [DEFAULT_SET, DATA / "phrases-menus.csv", PUBLISHED_SET]
VALIDATION_SET = DATA / "phrases-validation.csv"
# Further published sets: development sets whose failures were read, and check sets kept
# apart from tuning.
LATER_SETS = [
    VALIDATION_SET,
    DATA / "phrases-dev.csv",
    DATA / "phrases-dev2.csv",
    DATA / "phrases-dev3.csv",
    DATA / "phrases-dev4.csv",
    DATA / "phrases-dev5.csv",
    DATA / "phrases-dev6.csv",
    DATA / "phrases-dev7.csv",
    DATA / "phrases-dev8.csv",
    DATA / "phrases-dev9.csv",
    DATA / "phrases-dev10.csv",
    DATA / "phrases-dev11.csv",
    DATA / "phrases-check.csv",
    DATA / "phrases-check2.csv",
    DATA / "phrases-check3.csv",
]
GRAMS_TOLERANCE = 0.10


@dataclass
class Evaluation:
    total: int = 0
    food_right: int = 0
    both_right: int = 0
    refused: int = 0
    silently_wrong: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def food_accuracy(self) -> float:
        return self.food_right / self.total

    @property
    def accuracy(self) -> float:
        return self.both_right / self.total

    @property
    def silent_rate(self) -> float:
        return self.silently_wrong / self.total


def evaluate(path: Path = DEFAULT_SET) -> Evaluation:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = Evaluation()
    if rows and "part" in rows[0]:
        score = _score_part
    else:
        score = _score_published if rows and "grams_low" in rows[0] else _score_phrase
    for row in rows:
        result.total += 1
        score(row, result)
    return result


def _score_phrase(row: dict[str, str], result: Evaluation) -> None:
    from camg.resolve import ItemError, LeftOut, resolve_text

    accepted = row["food_ids"].split("|")
    expected = float(row["grams"])
    try:
        entry = resolve_text(row["phrase"])
    except (ItemError, LeftOut) as error:
        result.refused += 1
        result.failures.append(f"{row['phrase']!r}: error: {error}")
        return
    food_ok = entry.food_id in accepted
    grams_ok = entry.grams is not None and abs(entry.grams - expected) <= GRAMS_TOLERANCE * expected
    result.food_right += food_ok
    result.both_right += food_ok and grams_ok
    if not (food_ok and grams_ok):
        result.silently_wrong += not (entry.approximate or entry.estimate)
        result.failures.append(
            f"{row['phrase']!r}: got #{entry.food_id} {entry.food} {entry.grams or 0:.1f} g"
            f" via {entry.portion}; want {row['food_ids']} {expected:g} g"
        )


def _score_published(row: dict[str, str], result: Evaluation) -> None:
    """Right: the one entry is an accepted food within the gram range (or the line is
    refused, or a supplement read as such). Silently wrong: a wrong entry not marked."""
    from camg.resolve import read_line

    _score_outcome(row, result, read_line(row["phrase"]))


def _score_outcome(row: dict[str, str], result: Evaluation, parts: tuple[Any, ...]) -> None:
    entries = [part.resolution for part in parts if part.resolution is not None]
    want = row["food_ids"]
    low, high = float(row["grams_low"] or 0), float(row["grams_high"] or 0)
    if want == "REFUSE":
        right = not entries
        food_right = right
    elif want == "supplement:other":
        right = food_right = not entries and any(part.left_out for part in parts)
    elif want.startswith("supplement:"):
        element = want.split(":")[1]
        food_right = len(entries) == 1 and entries[0].supplement == element
        right = food_right and low <= (entries[0].dose_mg or 0) <= high
    else:
        accepted = set(want.split("|"))
        food_right = len(entries) == 1 and entries[0].food_id in accepted
        right = food_right and low <= (entries[0].grams or 0) <= high
    result.food_right += food_right
    result.both_right += right
    if right:
        return
    if not entries:
        result.refused += 1
        problems = "; ".join(part.problem[1] for part in parts if part.problem)
        result.failures.append(f"{row['phrase']!r}: refused: {problems or 'left out'}")
        return
    marked = all(entry.approximate or entry.estimate for entry in entries)
    result.silently_wrong += not marked
    got = "; ".join(
        f"#{entry.food_id} {entry.food} {entry.grams or entry.dose_mg or 0:.1f} g"
        f"{' (marked)' if entry.approximate or entry.estimate else ''}"
        for entry in entries
    )
    result.failures.append(f"{row['phrase']!r}: got {got}; want {want[:40]} {low:g}-{high:g} g")


def _score_part(row: dict[str, str], result: Evaluation) -> None:
    """A food of a line with several: the part of camg's reading with most words in common
    with it is scored as a published line is."""
    from camg.parser import parse
    from camg.resolve import read_line
    from camg.text import words

    wanted = set(words(row["part"]))
    # The line is read as a line of a log is: meal headings, ";" and sentences first.
    items = [item for day in parse(row["line"], "line").days for item in day.items]
    parts = [part for item in items for part in read_line(item.text, item.meal)]
    best = max(parts, key=lambda part: len(wanted & set(words(part.text))), default=None)
    if best is None or not wanted & set(words(best.text)):
        result.refused += 1
        result.failures.append(f"{row['line']!r} / {row['part']!r}: no part of the reading")
        return
    single = dict(row, phrase=row["part"])
    _score_outcome(single, result, (best,))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = [*ALL_SETS, *(path for path in LATER_SETS if path.exists())]
    parser.add_argument("sets", nargs="*", type=Path, default=default)
    parser.add_argument("--failures", action="store_true", help="list every failing line")
    args = parser.parse_args(argv)
    for path in args.sets:
        result = evaluate(path)
        if args.failures:
            print("\n".join(result.failures))
        print(
            f"{path.name}: {result.total} lines; right food {result.food_accuracy:.1%}; "
            f"right food and weight {result.accuracy:.1%}; refused {result.refused}; "
            f"silently wrong {result.silently_wrong} ({result.silent_rate:.1%})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
