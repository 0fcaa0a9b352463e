"""Shared test helpers: run camg through its real entry point, in process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from camg.config import WHERE

ROOT = Path(__file__).resolve().parent.parent
SR28 = Path(os.environ.get("CAMG_SR28", ROOT.parent / "shared" / "usda-sr28"))

# Output must not depend on the terminal CI happens to have, nor on the settings of whoever
# runs the tests: camg reads its configuration from an empty home, and no CAMG_ variable.
_HOME = tempfile.mkdtemp(prefix="camg-tests-home-")
os.environ["HOME"] = _HOME
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / ".config")
for _name in ["CAMG_CONFIG", *(where.env for where in WHERE.values() if where.env)]:
    os.environ.pop(_name, None)
os.environ.pop("FORCE_COLOR", None)
os.environ["COLUMNS"] = "120"
os.environ["TERM"] = "dumb"


@dataclass
class Result:
    status: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _sr28_alone():
    """A test that gave camg your foods or recipes leaves the food table as it found it."""
    yield
    from camg import foodtable

    foodtable.use([])


@pytest.fixture
def camg(capsys, monkeypatch):
    """Call camg's console-script entry point with arguments and optional stdin."""
    from camg.cli import main

    def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        with pytest.raises(SystemExit) as done:
            main(list(args))
        out, err = capsys.readouterr()
        code = done.value.code
        return Result(int(code) if code is not None else 0, out, err)

    return run


def modules_loaded(runs: list[list[str]], watched: tuple[str, ...]) -> list[str]:
    """Which of `watched` a fresh interpreter has imported after `camg ARGS` for each
    argument list: the check that a path keeps heavy libraries unloaded."""
    code = (
        "import json, sys; from camg.cli import main\n"
        f"for args in {runs!r}:\n"
        "    try: main(args)\n"
        "    except SystemExit: pass\n"
        f"print(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
