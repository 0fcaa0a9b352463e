#!/usr/bin/env python3
"""Long lines: `camg log` on a log whose one line is 1 KB, 10 KB, 100 KB or 1 MB long.

Four kinds of line, each a shape that once cost super-linear time: foods cut by commas
("1 cup milk, 1 cup milk, ..."), a food and a run of separators ("apple - - - ..."),
foods joined by "and", and words no food has ("zorblax zorblax ..."). Lines up to
10,000 characters are read; longer ones are refused at their line (docs/log-format.md).
Each command runs alternately with the floor, `camg log` on the same log without the long
line, several times after a warm-up; the table gives the medians and their ratio.
Only the standard library is used.

Usage:
    python benchmarks/long_lines.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as harness  # benchmarks/run.py: child processes, wall time, the machine

SIZES = {"1 KB": 1_000, "10 KB": 9_990, "100 KB": 100_000, "1 MB": 1_000_000}
SHAPES = {
    "commas": "1 cup milk, ",
    "separators": "apple - ",
    "and": "toast and ",
    "unknown words": "zorblax ",
}
HEAD = "2026-05-01\n1 cup milk\n"


def write_log(path: Path, repeat: str, size: int) -> None:
    """The day's first line, then one line of `size` characters made of `repeat`."""
    line = (repeat * (size // len(repeat) + 1))[:size].rstrip()
    path.write_text(f"{HEAD}{line}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    harness.compile_bytecode()
    harness.OUT_DIR.mkdir(parents=True, exist_ok=True)
    floor_log = harness.OUT_DIR / "long-line-floor.txt"
    floor_log.write_text(HEAD, encoding="utf-8")
    camg = harness.camg()
    floor = [*camg, "log", str(floor_log), "--lenient"]
    print("| line | " + " | ".join(SIZES) + " |")
    print("| --- |" + " --- |" * len(SIZES))
    for shape, repeat in SHAPES.items():
        cells = []
        for label, size in SIZES.items():
            log = harness.OUT_DIR / f"long-line-{shape.replace(' ', '-')}-{size}.txt"
            write_log(log, repeat, size)
            command = [*camg, "log", str(log), "--lenient"]
            pair = harness.measure(f"{shape} {label}", command, floor, args.repeat)
            cells.append(f"{harness.seconds(pair.wall)} ({pair.wall / pair.floor_wall:.2f}x)")
        print(f"| {shape} | " + " | ".join(cells) + " |")
    print(f"\nFloor: `camg log` on the same day without the long line. Code: {harness.revision()}.")


if __name__ == "__main__":
    main()
