#!/usr/bin/env python3
"""Reading real logs: the cost of the new reader, measured against a baseline.

Two checkouts of camg, each with its own interpreter (a venv camg is installed in),
are measured in the same run, alternately (baseline, current, baseline, current, ...),
so that both see the same machine load; the medians and the per-pair ratios
current/baseline are reported.

  a. evaluation sets: a fresh `python -c` process that imports camg.resolve and calls
     resolve_text on every phrase of tests/data/phrases.csv and phrases-menus.csv
     (errors caught and counted). Wall time is taken from outside with
     time.perf_counter around the child; the child also reports the time of its
     resolution loop alone (after the imports). The same phrase files (the current
     checkout's) are given to both. tests/data/phrases-published.csv is timed for the
     current checkout only, when the baseline has no such file.
  b. big log: `camg log BIG --format csv > /dev/null` on the 1,000,000-line log of
     benchmarks/generate_log.py (generated if missing, as benchmarks/run.py does):
     wall time and peak RSS (from `/usr/bin/time -v` when present, else the child's
     rusage from os.wait4).

Only the standard library is used.

Usage (from the repository root; the baseline is a second checkout, e.g. a worktree):
    git worktree add ../camg-baseline fc132c5
    python3 -m venv ../camg-baseline/.venv
    ../camg-baseline/.venv/bin/pip install -q -e ../camg-baseline
    .venv/bin/python benchmarks/reading.py --baseline ../camg-baseline

Options: --current DIR (default: this checkout), --baseline-python / --current-python
(default: DIR/.venv/bin/python), --rounds N (phrase pairs, default 15), --log-rounds N
(big-log pairs, default 5; about 2 minutes in all on a 2-core machine), --big PATH,
--skip-log, --skip-phrases.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "benchmarks" / "out"
BIG_LOG = OUT_DIR / "log-1000000.txt"
SHARED_SETS = ("phrases.csv", "phrases-menus.csv")
CURRENT_ONLY_SETS = ("phrases-published.csv",)
TIME = shutil.which("time", path="/usr/bin") or None

# Run in the child: resolve every phrase of the CSV files named on the command line.
RESOLVE_ALL = """
import csv, sys, time
start = time.perf_counter()
from camg.resolve import resolve_text
imported = time.perf_counter()
phrases = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as handle:
        phrases += [row["phrase"] for row in csv.DictReader(handle)]
ok = failed = 0
begin = time.perf_counter()
for phrase in phrases:
    try:
        resolve_text(phrase)
        ok += 1
    except Exception:
        failed += 1
end = time.perf_counter()
print(len(phrases), ok, failed, imported - start, end - begin)
"""


@dataclass
class Checkout:
    label: str
    root: Path
    python: Path

    def camg(self) -> list[str]:
        script = self.python.parent / "camg"
        return [str(script)] if script.exists() else [str(self.python), "-m", "camg"]

    def revision(self) -> str:
        """The commit checked out, and whether camg's code or data differ from it."""

        def git(*args: str) -> str:
            return subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
            ).stdout.strip()

        try:
            head = git("rev-parse", "--short", "HEAD")
            dirty = git("status", "--porcelain", "--", "camg", "data", "pyproject.toml")
        except (OSError, subprocess.CalledProcessError):
            return "unknown (not a git checkout)"
        return f"{head} with uncommitted changes to camg/ or data/" if dirty else head

    def compile_bytecode(self) -> None:
        """As benchmarks/run.py: measure camg as installed, its modules compiled."""
        package = subprocess.run(
            [str(self.python), "-c", "import camg, os; print(os.path.dirname(camg.__file__))"],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if Path(package).resolve() != (self.root / "camg").resolve():
            raise SystemExit(
                f"{self.label}: {self.python} imports camg from {package}, not {self.root}"
            )
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([str(self.python), "-m", "compileall", "-q", package], env=env, check=True)


@dataclass
class Sample:
    wall: float  # seconds, child process from outside
    inner: float = 0.0  # seconds, the resolution loop alone (phrases)
    rss: int = 0  # bytes, peak resident set size (big log)


@dataclass
class Series:
    samples: list[Sample] = field(default_factory=list)

    def median(self, name: str) -> float:
        return statistics.median(getattr(sample, name) for sample in self.samples)

    def spread(self) -> str:
        walls = [sample.wall for sample in self.samples]
        return f"{seconds(min(walls))} to {seconds(max(walls))}"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def resolve_phrases(checkout: Checkout, files: list[Path]) -> tuple[Sample, str]:
    command = [str(checkout.python), "-c", RESOLVE_ALL, *map(str, files)]
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=checkout.root, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{checkout.label}: exit {done.returncode}\n{done.stderr[-2000:]}")
    total, ok, failed, _imports, loop = done.stdout.split()
    return Sample(wall, inner=float(loop)), f"{total} phrases, {ok} resolved, {failed} refused"


def read_log(checkout: Checkout, big: Path) -> Sample:
    """`camg log BIG --format csv > /dev/null`: wall time and peak RSS."""
    command = [*checkout.camg(), "log", str(big), "--format", "csv"]
    with tempfile.TemporaryFile() as errors:
        prefix = [TIME, "-v"] if TIME else []
        start = time.perf_counter()
        child = subprocess.Popen(
            [*prefix, *command],
            cwd=checkout.root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        text = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{checkout.label}: {' '.join(command)}: exit {code}\n{text[-2000:]}")
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if found:
        rss = int(found.group(1)) * 1024
    else:  # ru_maxrss: KiB on Linux, bytes on macOS
        rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return Sample(wall, rss=rss)


def ensure_log(path: Path, python: Path) -> None:
    if path.exists():
        return
    print(f"generating {os.path.relpath(path, REPO)} ...", file=sys.stderr)
    subprocess.run(
        [str(python), str(REPO / "benchmarks" / "generate_log.py"), "--out", str(path)],
        check=True,
    )


def pairs(
    name: str, rounds: int, base: Checkout, current: Checkout, run
) -> tuple[Series, Series, list[float]]:
    """Warm-up once each, then `rounds` pairs A B; the per-pair ratios current/baseline."""
    run(base)
    run(current)
    a, b, ratios = Series(), Series(), []
    for index in range(rounds):
        a.samples.append(run(base))
        b.samples.append(run(current))
        ratios.append(b.samples[-1].wall / a.samples[-1].wall)
        print(
            f"  {name} {index + 1}/{rounds}: baseline {a.samples[-1].wall:.3f} s,"
            f" current {b.samples[-1].wall:.3f} s, ratio {ratios[-1]:.2f}",
            file=sys.stderr,
        )
    return a, b, ratios


def ratio_text(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f} to {max(ratios):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="baseline checkout")
    parser.add_argument("--current", type=Path, default=REPO, help="current checkout")
    parser.add_argument("--baseline-python", type=Path, default=None)
    parser.add_argument("--current-python", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=15, help="phrase-set pairs")
    parser.add_argument("--log-rounds", type=int, default=5, help="big-log pairs")
    parser.add_argument("--big", type=Path, default=BIG_LOG, help="the 1,000,000-line log")
    parser.add_argument("--skip-log", action="store_true")
    parser.add_argument("--skip-phrases", action="store_true")
    args = parser.parse_args(argv)

    def checkout(label: str, root: Path, python: Path | None) -> Checkout:
        root = root.resolve()
        # not resolved: a venv's python is a symlink to the base interpreter
        python = (python or root / ".venv" / "bin" / "python").absolute()
        if not python.exists():
            raise SystemExit(f"{label}: no interpreter at {python}")
        return Checkout(label, root, python)

    base = checkout("baseline", args.baseline, args.baseline_python)
    current = checkout("current", args.current, args.current_python)
    revisions = {c.label: c.revision() for c in (base, current)}  # before the runs
    for c in (base, current):
        c.compile_bytecode()
    print(f"baseline {revisions['baseline']}, current {revisions['current']}", file=sys.stderr)
    rows: list[str] = []

    if not args.skip_phrases:
        data = current.root / "tests" / "data"
        shared = [data / name for name in SHARED_SETS]
        extra = [data / name for name in CURRENT_ONLY_SETS]
        extra = [p for p in extra if not (base.root / "tests" / "data" / p.name).exists()]
        notes: dict[str, str] = {}

        def phrases_run(c: Checkout) -> Sample:
            sample, notes[c.label] = resolve_phrases(c, shared)
            return sample

        a, b, ratios = pairs("phrases", args.rounds, base, current, phrases_run)
        inner = [y.inner / x.inner for x, y in zip(a.samples, b.samples, strict=True)]
        names = " + ".join(SHARED_SETS)
        rows += [
            f"| a. {names}, fresh process: wall time | {seconds(a.median('wall'))}"
            f" | {seconds(b.median('wall'))} | {ratio_text(ratios)} |",
            f"| a. same: resolution loop only (after imports) | {seconds(a.median('inner'))}"
            f" | {seconds(b.median('inner'))} | {ratio_text(inner)} |",
        ]
        print(f"  baseline: {notes['baseline']}; current: {notes['current']}", file=sys.stderr)
        if extra:
            published = Series()
            resolve_phrases(current, extra)  # warm-up
            for _ in range(args.rounds):
                sample, note = resolve_phrases(current, extra)
                published.samples.append(sample)
            print(f"  {' + '.join(p.name for p in extra)}: {note}", file=sys.stderr)
            rows += [
                f"| a. {' + '.join(p.name for p in extra)} (current only): wall time"
                f" | — | {seconds(published.median('wall'))} | — |",
                f"| a. same: resolution loop only | — | {seconds(published.median('inner'))} | — |",
            ]

    if not args.skip_log:
        big = args.big.resolve()
        ensure_log(big, current.python)
        a, b, ratios = pairs("big log", args.log_rounds, base, current, lambda c: read_log(c, big))
        rss = [y.rss / x.rss for x, y in zip(a.samples, b.samples, strict=True)]
        shown = os.path.relpath(big, REPO)
        rows += [
            f"| b. `camg log {shown} --format csv`: wall time | {seconds(a.median('wall'))}"
            f" | {seconds(b.median('wall'))} | {ratio_text(ratios)} |",
            f"| b. same: peak RSS | {mib(a.median('rss'))} | {mib(b.median('rss'))}"
            f" | {ratio_text(rss)} |",
        ]

    print(f"Baseline: {revisions['baseline']}. Current: {revisions['current']}.")
    print(f"Phrase sets: {args.rounds} pairs; big log: {args.log_rounds} pairs; medians.")
    print()
    print(
        "| figure | baseline median | current median | current/baseline per pair: median (range) |"
    )
    print("| --- | --- | --- | --- |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
