"""The README tells the truth: its commands exist and every option is documented."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, modules_loaded

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    run, test = blocks[0], blocks[1]
    assert run.endswith("camg log examples/week.txt") and "pip install ." in run
    assert (ROOT / "examples" / "week.txt").is_file()
    assert "pytest" in test
    assert test in CI, "CI must run the README's test command as written"


@pytest.mark.parametrize(
    "command", [("log",), ("trend",), ("foods", "search"), ("foods", "show")], ids=" ".join
)
def test_every_option_is_in_the_readme(camg, command):
    help_text = camg(*command, "--help").stdout
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    missing = sorted(option for option in options if option not in README)
    assert not missing, f"camg {' '.join(command)} options missing from README: {missing}"


def test_help_and_version_do_not_import_pandas():
    runs = [["--help"], ["--version"], ["log", "--help"], ["trend", "--help"]]
    assert modules_loaded(runs, ("pandas",)) == []
