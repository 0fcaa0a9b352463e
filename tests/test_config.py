"""Configuration (docs/config.md): the file < the environment < the command line, each
setting with its origin; a broken file or variable is an error at its file and line. The
tests' home is an empty folder (tests/conftest.py): the real one is never read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from camg.errors import ExitStatus
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
EXAMPLE = re.findall(r"```toml\n(.*?)```", DOC, flags=re.DOTALL)[0]
FOODS = re.findall(r"```toml\n(.*?)```", (ROOT / "docs" / "custom-foods.md").read_text(), re.S)[0]
RECIPES = re.findall(r"```toml\n(.*?)```", (ROOT / "docs" / "recipes.md").read_text(), re.S)[0]
DAY = "2026-11-20\n1 cup milk; 2 cups oat milk\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with the docs' configuration file at the XDG place."""
    folder = tmp_path / "xdg" / "camg"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(EXAMPLE, encoding="utf-8")
    (folder / "my-foods.toml").write_text(FOODS, encoding="utf-8")
    (folder / "recipes.toml").write_text(RECIPES, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "day.txt").write_text(DAY, encoding="utf-8")
    return folder


def _settings(camg, *args: str, env: dict[str, str] | None = None) -> dict[str, dict]:
    done = camg("config", "--format", "json", *args, env=env)
    assert done.status == ExitStatus.OK, done.stderr
    return {record["setting"]: record for record in json.loads(done.stdout)["settings"]}


def _line(text: str, setting: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(setting))


def test_the_docs_example_is_read_with_each_settings_line(camg, home):
    settings = _settings(camg)
    config = home / "config.toml"
    assert settings["sex"] == {
        "setting": "sex",
        "value": "female",
        "origin": f"{config}:{_line(EXAMPLE, 'sex')}",
    }
    assert settings["age"]["value"] == 52
    assert settings["diet"]["value"] == "vegetarian"
    assert settings["foods"]["value"] == [str(home / "my-foods.toml")]  # beside the file
    assert settings["date_order"]["origin"] == f"{config}:{_line(EXAMPLE, 'date_order')}"


def test_the_environment_overrides_the_file_and_a_flag_the_environment(camg, home):
    def report(*args: str, env: dict[str, str] | None = None) -> dict:
        done = camg("log", "day.txt", "--format", "json", *args, env=env)
        assert done.status == ExitStatus.OK, done.stderr
        return json.loads(done.stdout)

    from_file = report()  # the fixture's camg keeps the variables set from here on
    env = {"CAMG_RANGE": "1.5:2.5", "CAMG_AGE": "60"}
    from_env = report(env=env)
    flagged = report("--range", "3:4", "--sex", "male")
    assert [r["range"]["low"] for r in (from_file, from_env, flagged)] == [2.0, 1.5, 3.0]
    assert [r["profile"]["age"] for r in (from_file, from_env, flagged)] == [52, 60, 60]
    assert [r["profile"]["sex"] for r in (from_file, from_env, flagged)] == [
        "female",
        "female",
        "male",
    ]
    settings = _settings(camg, "--no-config")
    assert (settings["range"]["value"], settings["range"]["origin"]) == (
        "1.5:2.5",
        "environment CAMG_RANGE",
    )


def test_the_files_foods_are_used_and_no_config_ignores_them(camg, home):
    used = json.loads(camg("log", "day.txt", "--format", "json", "--detail").stdout)
    assert "my:fortified-oat-milk" in {e["food_id"] for e in used["days"][0]["entries"]}
    ignored = camg("log", "day.txt", "--no-config")
    assert ignored.status == ExitStatus.TROUBLE and 'unknown food "oat milk"' in ignored.stderr
    assert _settings(camg, "--no-config")["sex"]["origin"] == "default"


def test_a_vegan_diet_is_respected_by_suggestions(camg, home):
    """A day short of calcium: dairy, cheese and fish come up, unless the diet is vegan."""
    ask = ("suggest", "--calcium", "200", "--magnesium", "400", "-f", "json", "--suggest", "20")

    def kinds(env: dict[str, str]) -> set[str]:
        done = camg(*ask, env=env)
        assert done.status == ExitStatus.OK, done.stderr
        return {option["kind"] for option in json.loads(done.stdout)["suggestions"]}

    animal = {"dairy", "cheese", "fish with bones"}
    assert kinds({"CAMG_DIET": "omnivore"}) & animal
    assert kinds({"CAMG_DIET": "vegan"}) and not kinds({"CAMG_DIET": "vegan"}) & animal
    flagged = camg(*ask, "--diet", "omnivore")  # the option overrides the environment
    assert {option["kind"] for option in json.loads(flagged.stdout)["suggestions"]} & animal


def test_home_config_is_the_fallback_and_camg_config_names_it(camg, tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".config" / "camg").mkdir(parents=True)
    (tmp_path / ".config" / "camg" / "config.toml").write_text('date_order = "ymd"\n', "utf-8")
    assert _settings(camg)["date_order"]["value"] == "ymd"


def test_camg_config_names_a_file_elsewhere(camg, tmp_path):
    (tmp_path / "other.toml").write_text('[profile]\nsex = "male"\nage = 30\n', "utf-8")
    settings = _settings(camg, env={"CAMG_CONFIG": str(tmp_path / "other.toml")})
    assert settings["sex"]["origin"] == f"{tmp_path / 'other.toml'}:2"
    missing = camg("config", env={"CAMG_CONFIG": str(tmp_path / "none.toml")})
    assert missing.status == ExitStatus.TROUBLE and "does not exist" in missing.stderr


BROKEN = {
    "syntax": ('range = "2:2.8\n', 1, "not valid TOML"),
    "unknown": ('[profile]\nsex = "female"\nweight = 60\n', 3, '"weight" is not a setting'),
    "type": ("foods = 3\n", 1, "give a list of files"),
    "misplaced": ("age = 52\n", 1, "go under [profile]"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_config_stops_every_command_at_its_line(camg, tmp_path, case, monkeypatch):
    text, line, said = BROKEN[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text(text, "utf-8")
    (tmp_path / "day.txt").write_text(DAY.replace("; 2 cups oat milk", ""), "utf-8")
    for command in (["log", "day.txt"], ["config"], ["foods", "search", "milk"]):
        done = camg(*command, env={"CAMG_CONFIG": "config.toml"})
        assert done.status == ExitStatus.TROUBLE, command
        assert done.stderr.startswith(f"config.toml:{line}: ") and said in done.stderr


def test_a_bad_environment_value_is_named(camg, tmp_path):
    done = camg("config", env={"CAMG_AGE": "fifty"})
    assert done.status == ExitStatus.TROUBLE
    assert done.stderr == (
        'camg: environment CAMG_AGE: age = "fifty": give the age in years, from 0 to 130\n'
    )


def test_the_docs_errors_are_what_camg_says(camg):
    """The docs' lines: the error fixture's config line, and a bad CAMG_AGE."""
    *_, said = re.findall(r"```text\n(.*?)```", DOC, flags=re.DOTALL)
    golden = (ROOT / "tests" / "errors" / "config.stderr").read_text(encoding="utf-8")
    from_file, from_env = said.splitlines()
    assert any(line.endswith(f"/{from_file}") for line in golden.splitlines())
    assert camg("config", env={"CAMG_AGE": "fifty"}).stderr == f"{from_env}\n"
