"""`camg log` reading logs: output of the resolved log, and every way input can be wrong."""

from __future__ import annotations

import json

import pytest

BAD_LOG = """2026-11-20
breakfast: 1 cup milk; −1 cup rice
20 g flibbertigibbet
1 cup chia seeds
a banana
"""


@pytest.fixture
def write(tmp_path):
    def make(text: str | bytes, name: str = "meals.txt") -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return make


def test_json_lists_resolved_entries_with_line_meal_and_values(camg, write):
    path = write("2026-11-20 Friday\nbreakfast: 1 cup milk\n\n# note\nlunch: 100 g #11457\n")
    result = camg("log", path, "--format", "json")
    assert result.status == 0, result.stderr
    day = json.loads(result.stdout)["days"][0]
    assert day["date"] == "2026-11-20"
    milk, spinach = day["entries"]
    assert (milk["line"], milk["meal"], milk["food_id"], milk["amount"], milk["unit"]) == (
        2,
        "breakfast",
        "01079",
        1,
        "cup",
    )
    assert milk["grams"] == 244
    assert milk["calcium_mg"] == pytest.approx(244 * 1.2)  # SR28: 120 mg per 100 g
    assert spinach["line"] == 5 and spinach["text"] == "100 g #11457"
    assert (spinach["calcium_mg"], spinach["magnesium_mg"]) == (99, 79)


def test_every_bad_line_is_reported_and_nothing_printed(camg, write):
    path = write(BAD_LOG)
    result = camg("log", path, "--format", "json")
    assert result.status == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"{path}:2: the amount must be positive"
    assert lines[1].startswith(f'{path}:3: unknown food "flibbertigibbet"; did you mean: ')
    assert lines[2] == (
        f"{path}:4: no cup measure for Seeds, chia seeds, dried; it has: 1 oz (28.35 g); give grams"
    )
    assert lines[3].startswith("camg: 3 of 4 lines not understood;")
    assert "--lenient" in lines[3]
    assert len(lines) == 4


def test_lenient_uses_good_lines_and_lists_the_rest(camg, write):
    path = write(BAD_LOG)
    result = camg("log", path, "--format", "json", "--lenient")
    assert result.status == 0
    assert result.stderr.count(f"{path}:") == 3
    report = json.loads(result.stdout)
    assert [entry["text"] for entry in report["days"][0]["entries"]] == ["1 cup milk", "a banana"]
    assert [item["line"] for item in report["unresolved"]] == [2, 3, 4]
    assert report["unresolved"][0]["text"] == "−1 cup rice"
    assert report["unresolved"][0]["message"] == "the amount must be positive"
    assert report["days"][0]["incomplete"] is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"1 cup milk\n\xff\xfe oops\n", "2: not UTF-8 text"),
    ],
)
def test_unreadable_inputs_get_one_line_and_status_2(camg, write, tmp_path, content, message):
    path = str(tmp_path / "missing.txt") if content is None else write(content)
    result = camg("log", path)
    assert result.status == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_directory_is_refused(camg, tmp_path):
    result = camg("log", str(tmp_path))
    assert result.status == 2 and "is a directory" in result.stderr


def test_bom_and_crlf_are_accepted(camg, write):
    path = write("\ufeff2026-11-20\r\n1 cup milk\r\na banana\r\n".encode())
    report = json.loads(camg("log", path, "-f", "json").stdout)
    assert [entry["line"] for entry in report["days"][0]["entries"]] == [2, 3]


def test_typo_notes_go_to_stderr_and_quiet_silences_them(camg, write):
    path = write("100 g spinnach\n")
    noisy = camg("log", path, "-f", "json")
    assert noisy.status == 0 and 'read as "spinach"' in noisy.stderr
    assert camg("log", path, "-f", "json", "--quiet").stderr == ""
