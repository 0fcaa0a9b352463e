#!/usr/bin/env python3
"""Write a large, realistic meal log for the performance benchmarks.

The log looks like the ones in examples/: dated days, `meal:` headings, items
one per line or several on a line separated by `;`, blank lines, whole-line
and trailing `# comments`, the odd bullet or time of day. Items are drawn from
a vocabulary of about 170 everyday foods with varied amounts and
units: "1 cup milk", "2 slices whole wheat bread", "150 g salmon", "a banana",
"30g almonds", "Greek yogurt, 150 g", "1/2 cup brown rice", "3 oz canned tuna".

The output is a pure function of --lines and --seed, so every run of the
benchmark reads the same bytes.

Usage:
    python benchmarks/generate_log.py                       # 1,000,000 lines
    python benchmarks/generate_log.py --lines 100000 --out benchmarks/out/100k.txt
    python benchmarks/generate_log.py --check               # every item camg must read

--check writes one small log holding every distinct item the generator can
produce (plus a sample log) and runs `camg log FILE --format csv` on it, with the
camg next to this interpreter; it exits non-zero unless camg reads it all.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "benchmarks" / "out"
DEFAULT_LINES = 1_000_000
DEFAULT_SEED = 20261116
FIRST_DAY = date(1971, 1, 1)

# How each kind of food is measured: (unit, amounts). "{n} {unit} {food}".
CUP = ("cup", ["1/2", "3/4", "1", "1 1/2", "2"])
CUPS = ("cup", ["2", "3"])
TBSP = ("tbsp", ["1", "2", "3"])
TSP = ("tsp", ["1", "2"])
OZ = ("oz", ["1", "2", "3", "4", "6", "8"])
GRAMS = ("g", ["15", "25", "30", "40", "50", "75", "100", "120", "150", "200", "250"])
SMALL_GRAMS = ("g", ["10", "15", "20", "25", "30", "40", "50"])

# The vocabulary: (food as written, measures, article form or None, plural or None).
# measures: a list of (unit, amounts) pairs; "count" means "{n} {plural}",
# "medium" means "1 medium {food}". Every phrase below must resolve in camg
# (see --check).
Vocab = tuple[str, list, str | None, str | None]
VOCABULARY: list[Vocab] = [
    # dairy and alternatives
    ("milk", [CUP, CUPS, ("ml", ["100", "200", "250"])], None, None),
    ("whole milk", [CUP], None, None),
    ("skim milk", [CUP], None, None),
    ("semi-skimmed milk", [CUP, ("ml", ["200", "300"])], None, None),
    ("chocolate milk", [CUP], None, None),
    ("buttermilk", [CUP], None, None),
    ("soy milk", [CUP], None, None),
    ("almond milk", [CUP], None, None),
    ("goat milk", [CUP], None, None),
    ("rice milk", [CUP], None, None),
    ("plain yogurt", [CUP, GRAMS], None, None),
    ("greek yogurt", [GRAMS], None, None),
    ("Greek yogurt", [GRAMS], None, None),
    ("vanilla yogurt", [CUP, GRAMS], None, None),
    ("fruit yogurt", [GRAMS], None, None),
    ("kefir", [GRAMS], None, None),
    ("cottage cheese", [CUP, GRAMS], None, None),
    ("ricotta cheese", [CUP, GRAMS], None, None),
    ("cheddar cheese", [OZ, GRAMS, ("slice", ["1", "2"])], None, None),
    ("swiss cheese", [OZ, ("slice", ["1", "2"])], None, None),
    ("mozzarella", [OZ, GRAMS], None, None),
    ("feta cheese", [OZ, GRAMS], None, None),
    ("grated parmesan", [TBSP], None, None),
    ("cream cheese", [TBSP], None, None),
    ("american cheese", [("slice", ["1", "2"])], None, None),
    ("brie", [OZ], None, None),
    ("goat cheese", [OZ], None, None),
    ("butter", [TBSP, TSP], None, None),
    ("sour cream", [TBSP], None, None),
    ("half and half", [TBSP], None, None),
    ("heavy cream", [TBSP], None, None),
    ("vanilla ice cream", [CUP], None, None),
    ("chocolate ice cream", [CUP], None, None),
    ("frozen yogurt", [CUP], None, None),
    # eggs
    ("eggs", [("count", ["2", "3"])], None, None),
    ("scrambled eggs", [("count", ["2", "3"])], None, None),
    ("boiled egg", [], "a", None),
    ("fried egg", [], "a", None),
    ("hard boiled eggs", [("count", ["2"])], None, None),
    # bread, cereals, grains
    ("whole wheat bread", [("slice", ["1", "2"])], None, None),
    ("white bread", [("slice", ["1", "2"])], None, None),
    ("rye bread", [("slice", ["1"])], None, None),
    ("sourdough bread", [("slice", ["1", "2"]), GRAMS], None, None),
    ("whole wheat toast", [("slice", ["1", "2"])], None, None),
    ("white toast", [("slice", ["1"])], None, None),
    ("multigrain bread", [("slice", ["2"])], None, None),
    ("whole wheat pita", [("count", ["1"])], None, None),
    ("corn tortillas", [("count", ["2", "3"])], None, None),
    ("flour tortilla", [("count", ["1"])], None, None),
    ("bagel", [], "a", None),
    ("english muffin", [], "an", None),
    ("croissant", [], "a", None),
    ("blueberry muffin", [], "a", None),
    ("dinner roll", [], "a", None),
    ("pancakes", [("count", ["2", "3"])], None, None),
    ("waffle", [], "a", None),
    ("saltine crackers", [("count", ["4", "5", "6"])], None, None),
    ("graham cracker", [], "a", None),
    ("rice cakes", [("count", ["2"])], None, None),
    ("cornflakes", [CUP], None, None),
    ("bran flakes", [CUP], None, None),
    ("cheerios", [CUP], None, None),
    ("granola", [CUP, GRAMS], None, None),
    ("muesli", [CUP, GRAMS], None, None),
    ("cooked oatmeal", [CUP], None, None),
    ("rolled oats", [CUP, GRAMS], None, None),
    ("cooked white rice", [CUP], None, None),
    ("cooked brown rice", [CUP], None, None),
    ("brown rice", [CUP], None, None),
    ("cooked quinoa", [CUP], None, None),
    ("cooked pasta", [CUP, CUPS], None, None),
    ("cooked spaghetti", [CUP, CUPS], None, None),
    ("cooked couscous", [CUP], None, None),
    ("egg noodles", [CUP], None, None),
    # meat, fish, protein
    ("grilled chicken breast", [OZ], None, None),
    ("chicken breast", [OZ, GRAMS], None, None),
    ("roast chicken", [OZ, GRAMS], None, None),
    ("chicken thigh", [], "a", None),
    ("turkey breast", [OZ], None, None),
    ("sirloin steak", [OZ], None, None),
    ("ground beef", [OZ, GRAMS], None, None),
    ("pork chop", [], "a", None),
    ("ham", [OZ, ("slice", ["2", "3"])], None, None),
    ("bacon", [("slice", ["2", "3"])], None, None),
    ("salmon", [GRAMS, OZ], None, None),
    ("canned salmon", [OZ], None, None),
    ("canned tuna", [OZ, GRAMS], None, None),
    ("sardines", [OZ, GRAMS], None, None),
    ("cod", [GRAMS, OZ], None, None),
    ("shrimp", [OZ, GRAMS], None, None),
    ("tofu", [OZ, GRAMS], None, None),
    ("firm tofu", [GRAMS], None, None),
    ("tempeh", [GRAMS], None, None),
    ("black beans", [CUP], None, None),
    ("kidney beans", [CUP], None, None),
    ("chickpeas", [CUP], None, None),
    ("lentil soup", [CUP], None, None),
    ("cooked lentils", [CUP], None, None),
    ("baked beans", [CUP], None, None),
    ("edamame", [CUP], None, None),
    ("hummus", [TBSP], None, None),
    # nuts and seeds
    ("almonds", [SMALL_GRAMS, OZ], None, None),
    ("cashews", [SMALL_GRAMS, OZ], None, None),
    ("walnuts", [SMALL_GRAMS, OZ], None, None),
    ("peanuts", [SMALL_GRAMS, OZ], None, None),
    ("pistachios", [SMALL_GRAMS, OZ], None, None),
    ("pumpkin seeds", [TBSP, SMALL_GRAMS, OZ], None, None),
    ("sunflower seeds", [TBSP, SMALL_GRAMS], None, None),
    ("chia seeds", [SMALL_GRAMS], None, None),
    ("flaxseed", [TBSP], None, None),
    ("sesame seeds", [TBSP], None, None),
    ("peanut butter", [TBSP], None, None),
    ("almond butter", [TBSP], None, None),
    ("tahini", [TBSP], None, None),
    # vegetables
    ("cooked spinach", [CUP], None, None),
    ("raw spinach", [CUP], None, None),
    ("steamed broccoli", [CUP], None, None),
    ("kale", [CUP], None, None),
    ("bok choy", [CUP], None, None),
    ("green beans", [CUP], None, None),
    ("carrots", [CUP, GRAMS], None, None),
    ("baby carrots", [("count", ["6", "10"])], None, None),
    ("peas", [CUP], None, None),
    ("sweet corn", [CUP], None, None),
    ("baked potato", [("medium", ["1"])], None, None),
    ("sweet potato", [("medium", ["1"])], None, None),
    ("mashed potatoes", [CUP], None, None),
    ("cauliflower", [CUP], None, None),
    ("zucchini", [CUP], None, None),
    ("cucumber", [CUP], None, None),
    ("tomato", [("medium", ["1"])], "a", None),
    ("cherry tomatoes", [("count", ["5", "8"]), CUP], None, None),
    ("lettuce", [CUP], None, None),
    ("avocado", [("count", ["1/2"])], "an", None),
    ("onion", [CUP], None, None),
    ("mushrooms", [CUP], None, None),
    ("red bell pepper", [CUP], None, None),
    ("tomato sauce", [CUP], None, None),
    ("marinara sauce", [CUP], None, None),
    ("salsa", [TBSP], None, None),
    # fruit
    ("banana", [("medium", ["1"])], "a", None),
    ("apple", [("medium", ["1"])], "an", None),
    ("orange", [], "an", None),
    ("pear", [], "a", None),
    ("peach", [], "a", None),
    ("kiwi", [], "a", None),
    ("strawberries", [CUP], None, None),
    ("blueberries", [CUP], None, None),
    ("raspberries", [CUP], None, None),
    ("grapes", [CUP], None, None),
    ("dried figs", [("count", ["2", "3"]), SMALL_GRAMS], None, None),
    ("raisins", [TBSP, SMALL_GRAMS], None, None),
    ("dates", [("count", ["2", "3"])], None, None),
    ("pineapple", [CUP], None, None),
    ("mango", [CUP], None, None),
    ("watermelon", [CUP], None, None),
    ("orange juice", [CUP], None, None),
    ("apple juice", [CUP], None, None),
    # drinks, sweets, condiments
    ("coffee", [CUP], None, None),
    ("tea", [CUP], None, None),
    ("hot chocolate", [CUP], None, None),
    ("dark chocolate", [OZ, SMALL_GRAMS], None, None),
    ("milk chocolate", [OZ], None, None),
    ("honey", [TBSP, TSP], None, None),
    ("maple syrup", [TBSP], None, None),
    ("sugar", [TSP], None, None),
    ("olive oil", [TBSP], None, None),
    ("mayonnaise", [TBSP], None, None),
    ("soy sauce", [TBSP], None, None),
    ("ketchup", [TBSP], None, None),
    ("cheese pizza", [("slice", ["1"]), ("slice", ["2"])], None, None),
    ("potato chips", [OZ], None, None),
    ("popcorn", [CUPS], None, None),
]

PLURAL_UNITS = frozenset(["cup", "slice"])
MEALS = ["breakfast", "snack", "lunch", "snack", "dinner", "dessert"]
EXTRA_MEALS = ["brunch", "tea", "drinks", "supper", "elevenses", "post-workout"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COMMENTS = [
    "at work",
    "homemade",
    "leftovers",
    "eaten out",
    "guess",
    "shared with a friend",
    "after the gym",
    "on the train",
    "felt hungry",
    "small portion",
    "weighed",
    "from the cafeteria",
]
DAY_COMMENTS = [
    "# rest day",
    "# travelling",
    "# long run in the morning",
    "# busy day, rough estimates",
    "# family dinner",
    "# weighed everything today",
    "# ate at the office",
]
TIMES = ["7:30", "8:15", "10:00", "12:30", "13:05", "15:45", "19:00", "21:30"]


def measured(food: str, unit: str, amount: str) -> list[str]:
    """Every way the generator writes `amount unit food`."""
    if unit == "count":
        return [f"{amount} {food}"]
    if unit == "medium":
        return [f"{amount} medium {food}"]
    if unit in PLURAL_UNITS and amount not in ("1", "1/2", "3/4"):
        unit += "s"  # "2 cups", "2 slices"
    forms = [f"{amount} {unit} {food}"]
    if unit == "g":
        forms.append(f"{amount}g {food}")
        forms.append(f"{food}, {amount} g")
    return forms


def item_forms(entry: Vocab) -> list[str]:
    """Every distinct item text this vocabulary entry can produce."""
    food, measures, article, _ = entry
    forms = [f"{article} {food}"] if article else []
    for unit, amounts in measures:
        for amount in amounts:
            forms.extend(measured(food, unit, amount))
    return forms


ITEMS: list[list[str]] = [item_forms(entry) for entry in VOCABULARY]


def all_items() -> list[str]:
    """Every distinct item text the generator can write, in a stable order."""
    return [form for forms in ITEMS for form in forms]


class LogWriter:
    """Produces the log line by line from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def item(self) -> str:
        rng = self.rng
        return rng.choice(rng.choice(ITEMS))

    def items_line(self) -> str:
        """One line's items: mostly one, sometimes two to four joined by `;`."""
        rng = self.rng
        count = rng.choices([1, 2, 3, 4], weights=[72, 18, 7, 3])[0]
        line = "; ".join(self.item() for _ in range(count))
        roll = rng.random()
        if roll < 0.06:
            line = f"{line}  # {rng.choice(COMMENTS)}"
        elif roll < 0.09:
            line = f"- {line}"
        elif roll < 0.11:
            line = f"{rng.choice(TIMES)} {line}"
        return line

    def meal(self, name: str) -> Iterator[str]:
        rng = self.rng
        lines = rng.choice([4, 5, 6, 7, 8, 9])
        if rng.random() < 0.35:
            # "lunch: 1 cup milk; a banana" then more lines
            yield f"{name}: {self.items_line()}"
            lines -= 1
        else:
            yield f"{name}:"
        indent = "  " if rng.random() < 0.3 else ""
        for _ in range(lines):
            yield indent + self.items_line()

    def day(self, when: date) -> Iterator[str]:
        rng = self.rng
        label = f" {WEEKDAYS[when.weekday()]}" if rng.random() < 0.8 else ""
        yield f"{when.isoformat()}{label}"
        if rng.random() < 0.15:
            yield rng.choice(DAY_COMMENTS)
        meals = list(MEALS)
        if rng.random() < 0.5:
            meals.insert(rng.randrange(len(meals) + 1), rng.choice(EXTRA_MEALS))
        for name in meals:
            yield from self.meal(name)
            if rng.random() < 0.5:
                yield ""
        yield ""

    def lines(self) -> Iterator[str]:
        when = FIRST_DAY
        yield "# Generated meal log for camg's benchmarks (benchmarks/generate_log.py)."
        yield ""
        while True:
            yield from self.day(when)
            when += timedelta(days=1)


def write_log(path: Path, lines: int, seed: int) -> int:
    """Write exactly `lines` lines to `path`; returns the number of days started."""
    path.parent.mkdir(parents=True, exist_ok=True)
    days = 0
    buffer: list[str] = []
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for count, line in enumerate(LogWriter(seed).lines(), start=1):
            if line[:1].isdigit() and line[4:5] == "-":
                days += 1
            buffer.append(line)
            if len(buffer) >= 10_000:
                handle.write("\n".join(buffer) + "\n")
                buffer.clear()
            if count >= lines:
                break
        if buffer:
            handle.write("\n".join(buffer) + "\n")
    return days


def camg_command() -> list[str]:
    """The camg installed next to this interpreter, else `python -m camg`."""
    script = Path(sys.executable).parent / "camg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "camg"]


def check(seed: int) -> int:
    """Run camg on every distinct item and on a sample log; 0 when camg reads them all."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    vocabulary = OUT_DIR / "check-items.txt"
    items = all_items()
    with vocabulary.open("w", encoding="utf-8") as handle:
        handle.write("2026-01-01\n")
        handle.write("\n".join(items) + "\n")
    sample = OUT_DIR / "check-sample.txt"
    write_log(sample, 5_000, seed)
    status = 0
    for path in (vocabulary, sample):
        done = subprocess.run(
            [*camg_command(), "log", str(path), "--format", "csv"],
            capture_output=True,
            text=True,
            check=False,
        )
        notes = [line for line in done.stderr.splitlines() if line]
        print(f"{os.path.relpath(path)}: camg exit {done.returncode}, {len(notes)} stderr lines")
        for line in notes[:40]:
            print(f"  {line}")
        status = status or done.returncode or (1 if notes else 0)
    print(f"vocabulary: {len(VOCABULARY)} foods, {len(items)} distinct item texts")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=DEFAULT_LINES, help="lines to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--out", type=Path, default=None, help="output file (default benchmarks/out/log-N.txt)"
    )
    parser.add_argument(
        "--check", action="store_true", help="verify that camg reads every item the log can hold"
    )
    args = parser.parse_args(argv)
    if args.check:
        return check(args.seed)
    out = args.out or OUT_DIR / f"log-{args.lines}.txt"
    days = write_log(out, args.lines, args.seed)
    size = out.stat().st_size
    shown = os.path.relpath(out) if out.is_absolute() else out
    print(
        f"{shown}: {args.lines:,} lines, {days:,} days, {size / 2**20:.1f} MiB (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
