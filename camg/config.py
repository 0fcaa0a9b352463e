"""Your defaults: a configuration file, the environment and the command line, in that
order of precedence, each setting with where it came from (`camg config` prints them).

The file is $CAMG_CONFIG, else $XDG_CONFIG_HOME/camg/config.toml, else
~/.config/camg/config.toml; --no-config ignores it (the environment and the options still
count). Paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from camg.errors import CamgError, Kind, Problem

KIND = Kind.CONFIG
# What a diet means for suggestions: the words of the foods it leaves out (data/suggestions.csv
# kinds and tags).
# What each diet leaves out of suggestions, as --avoid words: "animal" is every curated food
# of an animal food group (data/food_groups.csv), "fish" the fish with bones.
DIETS = {"vegan": "animal", "vegetarian": "fish", "omnivore": ""}
_TOP = ("foods", "recipes", "log", "range", "avoid", "date_order")
_PROFILE = ("sex", "age", "pregnant", "lactating", "diet")
_LISTS = ("foods", "recipes")


class Setting(NamedTuple):
    value: Any
    origin: str  # "default", "config.toml:3", "environment CAMG_AGE", "--age"


class Where(NamedTuple):
    """A setting's name where it can be given: its environment variable and its option."""

    env: str | None
    flag: str | None


WHERE = {
    "sex": Where("CAMG_SEX", "--sex"),
    "age": Where("CAMG_AGE", "--age"),
    "pregnant": Where(None, "--pregnant"),
    "lactating": Where(None, "--lactating"),
    "diet": Where("CAMG_DIET", "--diet"),
    "foods": Where("CAMG_FOODS", "--foods"),
    "recipes": Where("CAMG_RECIPES", "--recipes"),
    "log": Where("CAMG_LOG", "--file"),
    "range": Where("CAMG_RANGE", "--range"),
    "avoid": Where("CAMG_AVOID", "--avoid"),
    "date_order": Where("CAMG_DATE_ORDER", "--date-order"),
}


class Settings(dict[str, Setting]):
    """The effective settings: every name of WHERE, with its value and origin."""

    path: Path | None = None

    def value(self, name: str) -> Any:
        return self[name].value

    def avoid(self) -> str | None:
        """--avoid and the diet's words together, as suggestions take them."""
        words = [self.value("avoid") or "", DIETS.get(self.value("diet") or "", "")]
        return ",".join(word for word in words if word) or None


def config_path(env: Mapping[str, str]) -> tuple[Path | None, bool]:
    """The configuration file, and whether it was named (a named file must exist)."""
    named = env.get("CAMG_CONFIG")
    if named:
        return Path(named), True
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or "~").expanduser() / ".config")
    return Path(base) / "camg" / "config.toml", False


def effective(
    flags: Mapping[str, Any], *, no_config: bool = False, env: Mapping[str, str] | None = None
) -> Settings:
    """Each setting from the file, overridden by the environment, overridden by the flags
    (a flag of None or False is a flag not given). Raises CamgError for a bad file or
    variable, every problem at once."""
    env = os.environ if env is None else env
    settings = Settings({name: Setting(None, "default") for name in WHERE})
    problems: list[Problem] = []
    if not no_config:
        settings.path = _from_file(env, settings, problems)
    for name, where in WHERE.items():
        text = env.get(where.env) if where.env else None
        if text:
            origin = f"environment {where.env}"
            value = _env_value(name, text)
            checked = _check(
                name,
                value,
                lambda message, origin=origin: problems.append(
                    Problem(f"{origin}: {message}", kind=KIND)
                ),
            )
            if checked is not None:
                settings[name] = Setting(checked, origin)
    if problems:
        raise CamgError(problems)
    for name, value in flags.items():
        if value is not None and value is not False and value != []:
            settings[name] = Setting(value, WHERE[name].flag or name)
    return settings


def _env_value(name: str, text: str) -> Any:
    if name in _LISTS:
        return [part for part in text.split(os.pathsep) if part]
    if name == "age":
        try:
            return float(text)
        except ValueError:
            return text
    return text


def _from_file(env: Mapping[str, str], settings: Settings, problems: list[Problem]) -> Path | None:
    path, named = config_path(env)
    if path is None or (not named and not path.is_file()):
        return None
    if named and not path.exists():
        raise CamgError(Problem(f"CAMG_CONFIG names {path}, which does not exist", kind=KIND))
    from camg.tomlfile import read

    toml = read(str(path), KIND)
    folder = path.parent
    data = dict(toml.data)
    profile = data.pop("profile", {})
    if not isinstance(profile, dict):
        problems.append(toml.problem(KIND, "profile is a table: [profile]", "profile"))
        profile = {}
    entries = [((name,), value) for name, value in data.items()]
    entries += [(("profile", name), value) for name, value in profile.items()]
    for where, value in entries:
        name = where[-1]
        known = _PROFILE if where[0] == "profile" else _TOP
        if name not in known:
            hint = "; the profile's settings go under [profile]" if name in _PROFILE else ""
            problems.append(
                toml.problem(
                    KIND,
                    f'"{name}" is not a setting camg knows; it knows {", ".join(known)}{hint}',
                    *where,
                )
            )
            continue
        line = toml.line(*where)

        def bad(message: str, line: int | None = line) -> None:
            problems.append(Problem(message, toml.name, line, kind=KIND))

        checked = _check(name, value, bad)
        if checked is not None:
            if name in _LISTS:
                checked = [str(folder / Path(p).expanduser()) for p in checked]
            elif name == "log":
                checked = str(folder / Path(checked).expanduser())
            settings[name] = Setting(checked, f"{toml.name}:{line}")
    return path


def _check(name: str, value: Any, bad: Callable[[str], None]) -> Any:
    """A setting's value as camg uses it, or None after saying what is wrong."""
    if name == "sex" and value in ("female", "male"):
        return value
    if name == "age" and _number(value) and 0 <= value <= 130:
        return float(value)
    if name in ("pregnant", "lactating") and isinstance(value, bool):
        return value
    if name == "diet" and value in DIETS:
        return value
    if name in _LISTS:
        value = [value] if isinstance(value, str) else value
        if isinstance(value, list) and value and all(isinstance(p, str) and p for p in value):
            return value
    if name == "log" and isinstance(value, str) and value:
        return value
    if name == "range" and isinstance(value, str) and _is_range(value):
        return value
    if name == "avoid":
        value = ",".join(value) if isinstance(value, list) else value
        if isinstance(value, str):
            return value
    if name == "date_order" and value in ("mdy", "dmy", "ymd"):
        return value
    bad(f"{name} = {json.dumps(value)}: {_EXPECTED[name]}")
    return None


_EXPECTED = {
    "sex": 'give "female" or "male"',
    "age": "give the age in years, from 0 to 130",
    "pregnant": "give true or false",
    "lactating": "give true or false",
    "diet": "give one of " + ", ".join(f'"{diet}"' for diet in DIETS),
    "foods": 'give a list of files, e.g. ["my-foods.toml"]',
    "recipes": 'give a list of files, e.g. ["recipes.toml"]',
    "log": 'give the meal log\'s file, e.g. "meals.txt"',
    "range": 'give "LOW:HIGH" with 0 < LOW < HIGH, e.g. "2:2.8"',
    "avoid": 'give words of foods not to suggest, e.g. "nuts,dairy"',
    "date_order": 'give "mdy", "dmy" or "ymd"',
}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_range(text: str) -> bool:
    low, sep, high = text.partition(":")
    try:
        return bool(sep) and 0 < float(low) < float(high) < 1000
    except ValueError:
        return False


def records(settings: Settings) -> list[dict[str, Any]]:
    """The settings as `camg config` prints them."""
    return [
        {"setting": name, "value": setting.value, "origin": setting.origin}
        for name, setting in settings.items()
    ]
