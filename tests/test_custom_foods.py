"""Your own foods (docs/custom-foods.md): found by name before SR28, pinned, searched and
shown with their source, weighed by their measures; a bad file is refused at file:line and
nothing of it is used. The values are the docs' label values, read from the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from camg.errors import ExitStatus
from camg.tomlfile import tomllib
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "custom-foods.md").read_text(encoding="utf-8")
FOODS = re.findall(r"```toml\n(.*?)```", DOC, flags=re.DOTALL)[0]
LOG = re.findall(r"```log\n(.*?)```", DOC, flags=re.DOTALL)[0]
LABEL = tomllib.loads(FOODS)["foods"]
MILK, BAR = LABEL["fortified oat milk"], LABEL["peanut protein bar"]


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-foods.toml").write_text(FOODS, encoding="utf-8")
    (tmp_path / "day.txt").write_text(LOG, encoding="utf-8")
    return tmp_path


def _entries(camg, *args: str) -> list[dict]:
    done = camg("log", *args, "--format", "json", "--detail")
    assert done.status == ExitStatus.OK, done.stderr
    return [entry for day in json.loads(done.stdout)["days"] for entry in day["entries"]]


def test_the_docs_day_reads_the_labels_values(camg, files):
    entries = _entries(camg, "day.txt", "--foods", "my-foods.toml")
    milk = [e for e in entries if e["food_id"] == "my:fortified-oat-milk"]
    bar = [e for e in entries if e["food_id"] == "my:peanut-protein-bar"]
    assert [e["grams"] for e in milk] == [2 * MILK["grams"], MILK["grams"]]
    assert sum(e["calcium_mg"] for e in milk) == pytest.approx(3 * MILK["calcium_mg"])
    assert sum(e["magnesium_mg"] for e in milk) == pytest.approx(3 * MILK["magnesium_mg"])
    assert [(e["grams"], e["calcium_mg"]) for e in bar] == [(BAR["grams"], BAR["calcium_mg"])]
    assert {e["food_source"] for e in entries} == {
        "my-foods.toml: carton label, 2026",
        "my-foods.toml: wrapper label, 2026",
    }


def test_the_docs_measures_weigh_as_the_page_says(camg, files):
    (files / "more.txt").write_text(
        "half a protein bar; 2 squares of protein bar; 200 ml oat milk\n", encoding="utf-8"
    )
    entries = _entries(camg, "more.txt", "--foods", "my-foods.toml")
    assert [e["grams"] for e in entries[:2]] == [BAR["grams"] / 2, 2 * BAR["measures"]["square"]]
    assert entries[2]["food_id"] == "my:fortified-oat-milk"
    cup_ml = 236.5882365  # the US cup (camg.units), the volume of the label's "1 cup"
    assert entries[2]["grams"] == pytest.approx(200 * MILK["grams"] / cup_ml, rel=1e-4)


def test_own_names_come_before_sr28(camg, files):
    """Someone who drinks only oat milk may call it milk."""
    (files / "mine.toml").write_text(FOODS.replace('"oat drink"', '"oat drink", "milk"'), "utf-8")
    (files / "milk.txt").write_text("1 cup milk\n", encoding="utf-8")
    without = _entries(camg, "milk.txt")
    mine = _entries(camg, "milk.txt", "--foods", "mine.toml")
    assert (without[0]["food_id"], without[0]["food_source"]) == ("01079", "USDA SR28")
    assert (mine[0]["food_id"], mine[0]["calcium_mg"]) == ("my:fortified-oat-milk", 350)


def test_a_pin_to_no_food_is_an_error_at_its_line(camg, files):
    (files / "pin.txt").write_text("1 cup milk\n1 cup #my:rice-milk\n", encoding="utf-8")
    done = camg("log", "pin.txt", "--foods", "my-foods.toml")
    assert done.status == ExitStatus.TROUBLE
    assert done.stderr.startswith('pin.txt:2: no food with id "my:rice-milk"')


def test_search_and_show_list_own_foods_with_their_source(camg, files):
    found = camg("foods", "search", "oat", "milk", "--foods", "my-foods.toml", "-f", "json")
    first = json.loads(found.stdout)[0]
    assert (first["id"], first["source"]) == (
        "my:fortified-oat-milk",
        "my-foods.toml: carton label, 2026",
    )
    assert first["calcium_mg"] == pytest.approx(MILK["calcium_mg"] / MILK["grams"] * 100)
    table = camg("foods", "search", "protein", "bar", "--foods", "my-foods.toml").stdout
    assert "my:peanut-protein-bar" in table and "wrapper label" in table
    shown = camg("foods", "show", "my:peanut-protein-bar", "--foods", "my-foods.toml", "-f", "json")
    record = json.loads(shown.stdout)
    assert [(p["portion"], p["grams"], p["calcium_mg"]) for p in record["portions"]] == [
        ("1 bar", BAR["grams"], BAR["calcium_mg"]),
        ("1 square", BAR["measures"]["square"], pytest.approx(BAR["calcium_mg"] / 4)),
    ]


def test_an_unknown_value_stays_unknown(camg, files):
    (files / "plain.toml").write_text(
        FOODS.replace("magnesium_mg = 36", 'magnesium_mg = "unknown"'), encoding="utf-8"
    )
    done = camg("log", "day.txt", "--foods", "plain.toml", "--format", "json")
    day = json.loads(done.stdout)["days"][0]
    assert day["incomplete"] and day["magnesium_mg"] is not None
    assert "fortified oat milk" in " ".join(day["unknown_values"])


BAD = {
    "syntax": ('[foods."oat milk"]\nper = "1 cup\n', 2, "not valid TOML"),
    "missing": (FOODS.replace("calcium_mg = 350       # per `per`\n", ""), 1, "give calcium_mg"),
    "negative": (FOODS.replace("magnesium_mg = 60", "magnesium_mg = -60"), 14, "negative"),
    "absurd": (FOODS.replace("calcium_mg = 350", "calcium_mg = 350000"), 5, "more than any"),
    "typo": (FOODS.replace("calcium_mg = 150", "calcum_mg = 150"), 13, '"calcum_mg"'),
    "weightless": (FOODS.replace("grams = 240 ", ""), 3, "what per"),
    "clash": (FOODS.replace('["protein bar"]', '["oat drink"]'), 10, "already food"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_foods_file_is_refused_at_its_line_and_nothing_is_used(camg, files, case):
    text, line, said = BAD[case]
    (files / "bad.toml").write_text(text, encoding="utf-8")
    done = camg("log", "day.txt", "--foods", "my-foods.toml", "--foods", "bad.toml", "--lenient")
    assert (done.status, done.stdout) == (ExitStatus.TROUBLE, "")
    lines = done.stderr.splitlines()
    assert all(shown.startswith("bad.toml:") for shown in lines), done.stderr
    assert any(shown.startswith(f"bad.toml:{line}: ") and said in shown for shown in lines)
    assert "day.txt" not in done.stderr and "Traceback" not in done.stderr


def test_two_files_may_not_share_a_name(camg, files):
    (files / "again.toml").write_text(FOODS.replace("fortified oat milk", "oat milk"), "utf-8")
    done = camg("log", "day.txt", "--foods", "my-foods.toml", "--foods", "again.toml")
    assert done.status == ExitStatus.TROUBLE
    assert 'again.toml:1: food "oat milk": the name "oat milk" is already food ' in done.stderr
    assert "in my-foods.toml" in done.stderr


def test_a_volume_with_a_density_weighs_the_serving(camg, files):
    (files / "juice.toml").write_text(
        FOODS.replace(
            'per = "1 cup"          # or "100 g"\ngrams = 240 ', 'per = "250 ml"\ndensity = 1.04'
        ),
        encoding="utf-8",
    )
    (files / "glass.txt").write_text("250 ml oat milk\n", encoding="utf-8")
    [entry] = _entries(camg, "glass.txt", "--foods", "juice.toml")
    assert entry["grams"] == pytest.approx(250 * 1.04)
    assert entry["calcium_mg"] == pytest.approx(MILK["calcium_mg"])


def test_explain_says_the_food_is_ones_own(camg, files):
    done = camg("explain", "2 cups oat milk", "--foods", "my-foods.toml", "-f", "json")
    [part] = json.loads(done.stdout)["parts"]
    assert part["food_id"] == "my:fortified-oat-milk"
    assert "your own food" in done.stdout


@pytest.mark.parametrize(
    ("path", "said"),
    [(".", "cannot read this file"), ("/dev/zero", "larger than 10 MB"), ("bin.toml", "UTF-8")],
)
def test_a_foods_file_that_is_no_text_file_is_one_located_error(camg, files, path, said):
    (files / "bin.toml").write_bytes(b'[foods."x"]\n\xff\xfe\n')
    done = camg("log", "day.txt", "--foods", path)
    assert done.status == ExitStatus.TROUBLE and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{path}:") and said in done.stderr


def test_the_docs_error_is_what_camg_says(camg, files):
    [said] = re.findall(r"```text\n(.*?)```", DOC, flags=re.DOTALL)
    (files / "my-foods.toml").write_text(
        FOODS.replace("calcium_mg = 150", "calcium_mg = -150"), encoding="utf-8"
    )
    done = camg("log", "day.txt", "--foods", "my-foods.toml")
    assert done.stderr == said
