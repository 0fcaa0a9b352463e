#!/usr/bin/env python3
"""Score camg's food resolution on the evaluation set of everyday phrases.

Each row of tests/data/phrases.csv is a log item as people write it, the SR28
foods a nutritionist would accept for it, and the weight it describes. A row
passes when camg picks one of the accepted foods (top-1) and weighs it within
10% of the expected grams.

Usage: python scripts/eval_phrases.py [PHRASES_CSV] [--failures]
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "phrases.csv"
GRAMS_TOLERANCE = 0.10


@dataclass
class Evaluation:
    total: int = 0
    food_right: int = 0
    both_right: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def food_accuracy(self) -> float:
        return self.food_right / self.total

    @property
    def accuracy(self) -> float:
        return self.both_right / self.total


def evaluate(path: Path = DEFAULT_SET) -> Evaluation:
    from camg.resolve import ItemError, resolve_text

    result = Evaluation()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            result.total += 1
            accepted = row["food_ids"].split("|")
            expected = float(row["grams"])
            try:
                entry = resolve_text(row["phrase"])
            except ItemError as error:
                result.failures.append(f"{row['phrase']!r}: error: {error}")
                continue
            food_ok = entry.food_id in accepted
            grams_ok = entry.grams is not None and abs(entry.grams - expected) <= (
                GRAMS_TOLERANCE * expected
            )
            result.food_right += food_ok
            result.both_right += food_ok and grams_ok
            if not (food_ok and grams_ok):
                result.failures.append(
                    f"{row['phrase']!r}: got #{entry.food_id} {entry.food} {entry.grams:.1f} g"
                    f" via {entry.portion}; want {row['food_ids']} {expected:g} g"
                )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phrases", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--failures", action="store_true", help="list every failing phrase")
    args = parser.parse_args(argv)
    result = evaluate(args.phrases)
    if args.failures:
        print("\n".join(result.failures))
    print(f"phrases: {result.total}")
    print(f"top-1 food: {result.food_accuracy:.1%}")
    print(f"top-1 food and grams within 10%: {result.accuracy:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
