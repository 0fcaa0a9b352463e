#!/usr/bin/env python3
"""camg's performance benchmarks: each figure measured next to its floor.

A floor is the cheapest thing that does the unavoidable part of the work on the
same machine in the same run: reading the log line by line in plain Python,
importing the libraries camg is built on. Every figure and its floor are
measured alternately, several times, and the medians are compared.

  a. big log: `camg log BIG --format csv > /dev/null` on 1,000,000 lines, wall time,
     peak RSS and lines per second; floor `python -c "for line in open(p): pass"`.
     Bars (issue 12): at most 35x the floor's time, and at most 200 MiB.
  b. one day, `camg log examples/day.txt` and a 20-line day that prints suggestions:
     against Nutorious 0.1.9's one-day report of the same foods (benchmarks/peer.py),
     at most 0.6x; and against `python -c pass`, at most 12x.
  c. `camg --help` and `camg --version`: wall time (floor `python -c "import typer"`)
     and whether pandas is imported (`python -X importtime -m camg ...`).
     Bar: pandas not imported.
  d. `camg foods search spinach`: at most 0.3 s (floor `python -c pass`).
  e. a 3,650-day log (benchmarks/trend.py's decade): the day table against the CSV of
     the same log, at most 1.5x.
  f. 1,000,000 days of one line each, the default table (issue 11): under 15 s and
     512 MiB (floor: reading the file line by line).
  g. the 10,000,000-line log (benchmarks/generate_log.py --lines 10000000, 220 MB):
     `camg log HUGE --format csv`, peak RSS at most 256 MiB; and its peak RSS against
     that of the 1,000,000-line log (figure a), which shows what memory grows with:
     the days' totals, not the lines. One run by default (about 20 s); `--only g`
     measures it alone.

Only the standard library is used: each command runs as a child process, wall
time is taken around it with time.perf_counter, and its own peak RSS comes from
os.wait4 (the child's rusage, as `/usr/bin/time -v` reports it).

Usage:
    python benchmarks/generate_log.py          # once: benchmarks/out/log-1000000.txt
    python benchmarks/run.py                   # print the table
    python benchmarks/run.py --write           # also put it in docs/performance.md
    python benchmarks/run.py --profile         # cProfile of camg on a 100,000-line log
    python benchmarks/run.py --only g          # the 10,000,000-line log alone

Run it with the interpreter of the environment camg is installed in; the camg
next to that interpreter is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import peer  # benchmarks/peer.py: Nutorious and its journal

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "benchmarks" / "out"
DOC = REPO / "docs" / "performance.md"
BIG_LOG = OUT_DIR / "log-1000000.txt"
PROFILE_LOG = OUT_DIR / "log-100000.txt"
SMALL_LOG = REPO / "examples" / "day.txt"
START, END = "<!-- benchmark results: start -->", "<!-- benchmark results: end -->"

DAYS_LOG = OUT_DIR / "days-1000000.txt"
HUGE_LOG = OUT_DIR / "log-10000000.txt"
HUGE_RSS_BAR = 256 * 2**20  # bytes
BIG_RATIO_BAR = 35.0  # times reading the file line by line
BIG_RSS_BAR = 200 * 2**20  # bytes
PEER_RATIO_BAR = 0.6  # times Nutorious's one-day report
START_RATIO_BAR = 12.0  # times `python -c pass`
SEARCH_BAR = 0.3  # seconds
TABLE_RATIO_BAR = 1.5  # the day table, times the CSV of the same log
DAYS_WALL_BAR = 15.0  # seconds
DAYS_RSS_BAR = 512 * 2**20  # bytes

PYTHON = sys.executable


def compile_bytecode() -> None:
    """Measure camg as installed: pip compiles a wheel's modules to bytecode, but an
    editable checkout under PYTHONDONTWRITEBYTECODE would compile them on every run."""
    package = subprocess.run(
        [PYTHON, "-c", "import camg, os; print(os.path.dirname(camg.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([PYTHON, "-m", "compileall", "-q", package], env=env, check=True)


def camg() -> list[str]:
    """The camg console script next to this interpreter (else `python -m camg`)."""
    script = Path(PYTHON).parent / ("camg.exe" if os.name == "nt" else "camg")
    return [str(script)] if script.exists() else [PYTHON, "-m", "camg"]


@dataclass
class Run:
    wall: float  # seconds
    rss: int  # peak resident set size, bytes


def run_once(command: list[str], cwd: Path = REPO) -> Run:
    """Run `command` with stdout to /dev/null; its wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(command)}: exit {child.returncode}\n{message}")
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return Run(wall, rss)


@dataclass
class Pair:
    """A command and its floor, measured alternately `repeat` times after a warm-up."""

    runs: list[Run]
    floor_runs: list[Run]

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    def spread(self, label: str) -> str:
        """Fastest and slowest runs of both: a check on noise from other work."""
        walls = [run.wall for run in self.runs]
        floors = [run.wall for run in self.floor_runs]
        return (
            f"{label} {seconds(min(walls))} to {seconds(max(walls))}"
            f" (floor {seconds(min(floors))} to {seconds(max(floors))})"
        )

    @property
    def floor_wall(self) -> float:
        return statistics.median(run.wall for run in self.floor_runs)

    @property
    def rss(self) -> float:
        return statistics.median(run.rss for run in self.runs)

    @property
    def floor_rss(self) -> float:
        return statistics.median(run.rss for run in self.floor_runs)


def measure(name: str, command: list[str], floor: list[str], repeat: int) -> Pair:
    run_once(command)  # warm-up: page cache, .pyc files
    run_once(floor)
    pair = Pair([], [])
    for index in range(repeat):
        pair.runs.append(run_once(command))
        pair.floor_runs.append(run_once(floor))
        print(
            f"  {name} {index + 1}/{repeat}: {pair.runs[-1].wall:.3f} s,"
            f" floor {pair.floor_runs[-1].wall:.3f} s",
            file=sys.stderr,
        )
    return pair


def imports_pandas(args: list[str]) -> bool:
    """Whether `python -X importtime -m camg ARGS` imports pandas (or any pandas.*)."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "camg", *args],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"camg {' '.join(args)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    modules = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    return any(module == "pandas" or module.startswith("pandas.") for module in modules)


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def ratio(value: float, floor: float) -> str:
    quotient = value / floor
    return f"{quotient:.2f}x" if quotient >= 0.1 else f"{quotient:.2g}x"


def met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def benchmark(
    big: Path, big_repeat: int, small_repeat: int, days_repeat: int, huge_repeat: int, only: str
) -> tuple[list[list[str]], dict]:
    rows: list[list[str]] = []
    code = revision()  # before the runs: the code may change while they run
    lines = count_lines(big)
    shown = os.path.relpath(big, REPO)
    print(f"big log: {shown}, {lines:,} lines", file=sys.stderr)
    spreads: list[str] = []
    context = {
        "lines": lines,
        "big": shown,
        "big_repeat": big_repeat,
        "small_repeat": small_repeat,
        "days_repeat": days_repeat,
        "huge_repeat": huge_repeat,
        "spreads": spreads,
        "revision": code,
    }

    a = measure("big log", [*camg(), "log", str(big), "--format", "csv"], reading(big), big_repeat)
    rows.append(
        ratio_row(f"a. `camg log {shown} --format csv`: wall time", a, BIG_RATIO_BAR, "floor")
    )
    rows.append(rss_row("a. same: peak RSS", a, BIG_RSS_BAR))
    rows.append(
        [
            "a. same: throughput",
            f"{lines / a.wall:,.0f} lines/s",
            f"{lines / a.floor_wall:,.0f} lines/s",
            ratio(a.floor_wall, a.wall),
            "—",
            "—",
        ]
    )
    spreads.append(a.spread("a."))
    if only == "g":
        rows.extend(huge(a, huge_repeat, spreads))
        return rows, context

    nutorious = peer.nutorious()
    python = [PYTHON, "-c", "pass"]
    for log in (SMALL_LOG, peer.write_suggesting_day()):
        journal = OUT_DIR / f"nutorious-{log.stem}"
        when = peer.write_journal(log, journal)
        name = os.path.relpath(log, REPO)
        command = [*camg(), "log", str(log)]
        b = measure(
            f"{name} vs nutorious",
            command,
            [*nutorious, "report", "--j", str(journal), "--d", when],
            small_repeat,
        )
        rows.append(ratio_row(f"b. `camg log {name}`: wall time", b, PEER_RATIO_BAR, "Nutorious"))
        spreads.append(b.spread(f"b. {name} (Nutorious)"))
        b = measure(f"{name} vs python", command, python, small_repeat)
        rows.append(ratio_row("b. same", b, START_RATIO_BAR, "`python -c pass`"))
        spreads.append(b.spread(f"b. {name} (python -c pass)"))

    typer_floor = [PYTHON, "-c", "import typer"]
    for flag in ("--help", "--version"):
        c = measure(f"camg {flag}", [*camg(), flag], typer_floor, small_repeat)
        rows.append(wall_row(f"c. `camg {flag}`: wall time", c))
        spreads.append(c.spread(f"c. {flag}"))
        pandas = imports_pandas([flag])
        rows.append(
            [
                f"c. `camg {flag}`: imports pandas",
                "yes" if pandas else "no",
                "—",
                "—",
                "not imported",
                met(not pandas),
            ]
        )

    d = measure("foods search", [*camg(), "foods", "search", "spinach"], python, small_repeat)
    label = "d. `camg foods search spinach`: wall time"
    rows.append(wall_row(label, d, f"≤ {SEARCH_BAR:g} s", d.wall <= SEARCH_BAR))
    spreads.append(d.spread("d."))

    import trend  # the decade log of the trend benchmark

    if not trend.DECADE_LOG.exists():
        trend.write_decade(trend.DECADE_LOG)
    decade = os.path.relpath(trend.DECADE_LOG, REPO)
    e = measure(
        "decade table",
        [*camg(), "log", str(trend.DECADE_LOG)],
        [*camg(), "log", str(trend.DECADE_LOG), "--format", "csv"],
        small_repeat,
    )
    rows.append(ratio_row(f"e. `camg log {decade}` (table)", e, TABLE_RATIO_BAR, "CSV"))
    spreads.append(e.spread("e. (floor: CSV)"))

    ensure_days(DAYS_LOG, 1_000_000)
    days = os.path.relpath(DAYS_LOG, REPO)
    f = measure("million days", [*camg(), "log", str(DAYS_LOG)], reading(DAYS_LOG), days_repeat)
    label = f"f. `camg log {days}` (1,000,000 days, table): wall time"
    rows.append(wall_row(label, f, f"< {DAYS_WALL_BAR:g} s", f.wall < DAYS_WALL_BAR))
    rows.append(rss_row("f. same: peak RSS", f, DAYS_RSS_BAR, strict=True))
    spreads.append(f.spread("f."))
    rows.extend(huge(a, huge_repeat, spreads))
    return rows, context


def huge(a: Pair, repeat: int, spreads: list[str]) -> list[list[str]]:
    """Figure g: the 10,000,000-line log in bounded memory, beside the 1,000,000 lines of
    figure a (a log ten times longer holds ten times the days, not the lines)."""
    ensure_log(HUGE_LOG, 10_000_000)
    name = os.path.relpath(HUGE_LOG, REPO)
    g = measure(
        "10,000,000 lines",
        [*camg(), "log", str(HUGE_LOG), "--format", "csv"],
        reading(HUGE_LOG),
        repeat,
    )
    spreads.append(g.spread("g."))
    grown = (g.rss - a.rss) / 9_000_000
    return [
        rss_row(f"g. `camg log {name} --format csv` (10,000,000 lines): peak RSS", g, HUGE_RSS_BAR),
        wall_row("g. same: wall time", g),
        [
            "g. peak RSS, 10,000,000 lines against 1,000,000 (figure a)",
            mib(g.rss),
            mib(a.rss),
            ratio(g.rss, a.rss),
            f"bounded ({grown:.1f} bytes a line more)",
            "—",
        ],
    ]


def reading(path: Path) -> list[str]:
    """The floor of a big log: reading it line by line in plain Python."""
    return [PYTHON, "-c", "import sys\nfor line in open(sys.argv[1]): pass", str(path)]


def ratio_row(label: str, pair: Pair, bar: float, floor: str) -> list[str]:
    """A wall time judged as a ratio to its floor, measured in the same run."""
    return wall_row(label, pair, f"≤ {bar:g}x {floor}", pair.wall <= bar * pair.floor_wall)


def wall_row(label: str, pair: Pair, bar: str = "—", ok: bool | None = None) -> list[str]:
    """A wall time beside its floor's, judged by `ok` (None: no bar)."""
    verdict = "—" if ok is None else met(ok)
    return [
        label,
        seconds(pair.wall),
        seconds(pair.floor_wall),
        ratio(pair.wall, pair.floor_wall),
        bar,
        verdict,
    ]


def rss_row(label: str, pair: Pair, bar: float, strict: bool = False) -> list[str]:
    """A peak RSS beside its floor's, judged against an absolute bar (`strict`: under it)."""
    ok = pair.rss < bar if strict else pair.rss <= bar
    sign = "<" if strict else "≤"
    return [
        label,
        mib(pair.rss),
        mib(pair.floor_rss),
        ratio(pair.rss, pair.floor_rss),
        f"{sign} {mib(bar)}",
        met(ok),
    ]


def ensure_days(path: Path, days: int) -> None:
    """A log of `days` dated days of one line each: issue 11's million days."""
    if path.exists():
        return
    print(f"generating {os.path.relpath(path, REPO)} ...", file=sys.stderr)
    path.parent.mkdir(parents=True, exist_ok=True)
    when = dt.date(1000, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(days):
            handle.write(f"{when.isoformat()}\n1 cup milk\n")
            when += dt.timedelta(days=1)


def table(rows: list[list[str]]) -> str:
    header = ["figure", "median", "floor median", "ratio", "bar", "met"]
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def _cpuinfo_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.processor() or "unknown"


def _memory() -> str:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return "unknown"
    found = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(found.group(1)) / 2**20:.1f} GiB" if found else "unknown"


def _os_name() -> str:
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, AttributeError, KeyError):
        return platform.system()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def revision() -> str:
    """The commit measured, and whether camg's code or data differ from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "camg", "data", "pyproject.toml"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    if not dirty:
        return head
    diff = subprocess.run(
        ["git", "diff", "HEAD", "--", "camg", "data", "pyproject.toml"],
        cwd=REPO,
        capture_output=True,
        check=False,
    ).stdout
    digest = hashlib.sha1(diff).hexdigest()[:8]
    return f"{head} with uncommitted changes to camg/ or data/ (diff sha1 {digest})"


def machine() -> list[tuple[str, str]]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", _cpuinfo_model()),
        ("cores", f"{os.cpu_count()} logical, {usable} usable by this process"),
        ("memory", _memory()),
        ("OS", f"{_os_name()} ({platform.machine()})"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        (
            "packages",
            ", ".join(
                f"{name} {_version(name)}"
                for name in ("camg", "pandas", "typer", "rich", "rapidfuzz")
            ),
        ),
    ]


def summary(rows: list[list[str]]) -> str:
    judged = [row for row in rows if row[5] != "—"]
    missed = [row[0] for row in judged if row[5] != "yes"]
    text = f"Bars met: {len(judged) - len(missed)} of {len(judged)}."
    if missed:
        text += " Not met: " + "; ".join(missed) + "."
    return text


def report(rows: list[list[str]], context: dict) -> str:
    today = dt.date.today().isoformat()
    lines = [
        f"Measured on {today} with `python benchmarks/run.py` (big log: {context['big_repeat']}"
        f" runs, a million days: {context['days_repeat']}, 10,000,000 lines:"
        f" {context['huge_repeat']}, others: {context['small_repeat']} runs, each after one"
        " warm-up run; medians).",
        f"Big log: `{context['big']}`, {context['lines']:,} lines. Code: {context['revision']}.",
        "",
        "| machine | |",
        "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in machine()],
        "",
        table(rows),
        "",
        "Wall time, fastest to slowest run: " + "; ".join(context["spreads"]) + ".",
        "",
        summary(rows),
    ]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        raise SystemExit(f"{os.path.relpath(DOC)}: markers {START} ... {END} not found")
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {os.path.relpath(DOC)}", file=sys.stderr)


def ensure_log(path: Path, lines: int) -> None:
    if path.exists():
        return
    print(f"generating {os.path.relpath(path, REPO)} ...", file=sys.stderr)
    subprocess.run(
        [
            PYTHON,
            str(REPO / "benchmarks" / "generate_log.py"),
            "--lines",
            str(lines),
            "--out",
            str(path),
        ],
        check=True,
    )


def profile(top: int) -> None:
    """cProfile `camg log` on a 100,000-line log; print the top functions by cumulative time."""
    import pstats

    ensure_log(PROFILE_LOG, 100_000)
    with tempfile.TemporaryDirectory() as scratch:
        stats = Path(scratch) / "camg.prof"
        subprocess.run(
            [
                PYTHON,
                "-m",
                "cProfile",
                "-o",
                str(stats),
                "-m",
                "camg",
                "log",
                str(PROFILE_LOG),
                "--format",
                "csv",
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        pstats.Stats(str(stats)).strip_dirs().sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--big", type=Path, default=BIG_LOG, help="the big log (generated if missing)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of the big-log pair")
    parser.add_argument("--small-repeat", type=int, default=15, help="runs of the other pairs")
    parser.add_argument("--days-repeat", type=int, default=3, help="runs of the million days")
    parser.add_argument(
        "--huge-repeat", type=int, default=1, help="runs of the 10,000,000-line log"
    )
    parser.add_argument(
        "--only", choices=["g"], default="", help="g: the big logs' figures a and g alone"
    )
    parser.add_argument(
        "--write", action="store_true", help="put the results in docs/performance.md"
    )
    parser.add_argument("--profile", action="store_true", help="profile camg on a 100,000-line log")
    parser.add_argument("--top", type=int, default=30, help="functions shown by --profile")
    args = parser.parse_args(argv)
    if args.only and args.write:
        parser.error("--write needs every figure: leave out --only")
    if args.profile:
        profile(args.top)
        return 0
    big = args.big.resolve()
    if big == BIG_LOG:
        ensure_log(big, 1_000_000)
    elif not big.exists():
        raise SystemExit(f"{args.big}: no such file")
    compile_bytecode()
    rows, context = benchmark(
        big, args.repeat, args.small_repeat, args.days_repeat, args.huge_repeat, args.only
    )
    text = report(rows, context)
    print(text)
    if args.write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
