"""A catalogue of hostile input: files, lines and options meant to break camg.

Every case asserts the exit status, what stderr says (with file:line where there is a
line), and that no traceback is ever printed. Cases that need the operating system
(a full disk, a closed stdin) are in tests/test_hostile_input.py.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest

DAY = "2026-05-01\n1 cup milk\n"

# name -> (bytes of the file, exit status, stderr pattern)
FILES = {
    "empty": (b"", 0, r"^$"),
    "only blank lines": (b"\n\n  \n", 0, r"^$"),
    "only comments": (b"# nothing eaten\n", 0, r"^$"),
    "UTF-8 BOM": (codecs.BOM_UTF8 + DAY.encode(), 0, r"^$"),
    "CRLF line ends": (DAY.replace("\n", "\r\n").encode(), 0, r"^$"),
    "old Mac CR line ends": (DAY.replace("\n", "\r").encode(), 0, r"^$"),
    "UTF-16 with BOM": (DAY.encode("utf-16"), 0, r"^$"),
    "latin-1": ("2026-05-01\n1 cup café au lait\n".encode("latin-1"), 2, r"^log:2: not UTF-8"),
    "NUL bytes": (b"2026-05-01\n\x00\x00\x01\x02", 2, r"^log: this is a binary file"),
    "random bytes": (bytes(range(256)) * 4, 2, r"^log: this is a binary file"),
    "a line too long": (
        (DAY + "apple " * 2000 + "\n").encode(),
        2,
        r"^log:3: this line is 12,001 characters long",
    ),
    "many long lines": (
        (DAY + ("milk " * 2100 + "\n") * 3).encode(),
        2,
        r"^log:3: this line.*\nlog:4: this line.*\nlog:5: this line",
    ),
}


@pytest.mark.parametrize(("content", "status", "stderr"), FILES.values(), ids=list(FILES))
def test_a_file_of_any_content(camg, tmp_path, monkeypatch, content, status, stderr):
    (tmp_path / "log").write_bytes(content)
    monkeypatch.chdir(tmp_path)
    done = camg("log", "log", "-f", "csv")
    assert done.status == status, done.stderr
    assert re.search(stderr, done.stderr), done.stderr
    assert "Traceback" not in done.stderr


def _special(kind: str, where) -> str:
    """A path that is not a plain readable file, made in `where`."""
    path = where / kind.replace(" ", "-")
    if kind == "directory":
        path.mkdir()
    elif kind == "symlink loop":
        os.symlink(where / "other", path)
        os.symlink(path, where / "other")
    elif kind == "dangling symlink":
        os.symlink(where / "gone", path)
    return path.name


PATHS = {
    "missing": (2, r"^missing: no such file$"),
    "directory": (2, r"^directory: is a directory, not a meal log file$"),
    "symlink loop": (2, r"^symlink-loop: cannot read: Too many levels of symbolic links$"),
    "dangling symlink": (2, r"^dangling-symlink: no such file$"),
}


@pytest.mark.parametrize(("status", "stderr"), PATHS.values(), ids=list(PATHS))
def test_a_path_that_is_not_a_log(camg, tmp_path, monkeypatch, request, status, stderr):
    monkeypatch.chdir(tmp_path)
    name = _special(request.node.callspec.id, tmp_path)
    done = camg("log", name)
    assert done.status == status
    assert re.search(stderr, done.stderr.strip()), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_before_it_fills_memory(camg, device):
    done = camg("log", device)
    assert done.status == 2
    assert done.stderr.startswith(f"{device}: larger than 100 MB")


def test_a_fifo_is_read_like_a_file(camg, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = os.fork()
    if writer == 0:  # the child writes a day into the pipe and leaves
        with open(fifo, "w", encoding="utf-8") as out:
            out.write(DAY)
        os._exit(0)
    done = camg("log", str(fifo), "-f", "csv")
    os.waitpid(writer, 0)
    assert done.status == 0 and done.stdout.count("\n") == 2


def test_a_file_name_that_is_not_utf8_is_shown_escaped(camg, tmp_path):
    name = os.fsdecode(b"bad\xffname")
    (tmp_path / name).write_bytes(b"2026-05-01\nzorblax\n")
    done = camg("log", str(tmp_path / name))
    assert done.status == 2
    assert "bad\\xffname:2: unknown food" in done.stderr


# Lines of a log that must be an error at their line (status 2), never a traceback.
BAD_LINES = {
    "zero amount": "0 g milk",
    "negative amount": "−1 cup milk",  # a minus sign: "-1 cup" is a bullet
    "divide by zero": "1/0 cup milk",
    "huge amount": "100000 kg milk",
    "over 10 kg": "11 kg cheddar",
    "under 0.01 g": "0.001 g milk",
    "tiny fraction": "1/100000000 cup milk",
    "5,000 digits": "1" * 5000 + " cup milk",
    "5,000-digit fraction": "1/" + "1" * 5000 + " cup milk",
    "ambiguous comma": "2,5 eggs",
    "no food": "1 cup",
    "gibberish": "zorblax quintessa",
    "unknown id": "100 g #99999",
    "impossible date": "2026-02-30",
    "terminal escape": "foo\x1b[2Jbar",
    "bidi override": "milk\u202eklim",
    "no measure": "1 cup chia seeds",
    "combined supplement": "Cal-Mag 1 tablet",
    "supplement without dose": "magnesium glycinate",
    "refused modifier": "2 slices calcium-fortified white bread",
}


@pytest.mark.parametrize("line", BAD_LINES.values(), ids=list(BAD_LINES))
def test_a_bad_line_is_an_error_at_its_line(camg, line):
    done = camg("log", "-", stdin=f"{DAY}{line}\n30 g almonds\n")
    assert done.status == 2
    assert done.stderr.startswith("<stdin>:3: "), done.stderr
    assert "Traceback" not in done.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", done.stderr)
    assert len(done.stderr) < 1000  # nothing long is echoed back


# Lines that look hostile but are fine: read, status 0.
GOOD_LINES = {
    "decimal comma": "1,5 dl milk",
    "decimal comma, two places": "1,50 cups milk",
    "thousands separator": "1,000 g watermelon",
    "gram weight with a point": "28.35 g #12006",
    "time of day first": "08:30 1 cup milk",
    "fraction slash": "1\u20442 cup milk",
    "vulgar fraction": "½ cup milk",
    "repeated word": "milk milk milk",
    "tab inside": "1 cup\tmilk",
    "trailing separators": "apple - - - , , ,",
}


@pytest.mark.parametrize("line", GOOD_LINES.values(), ids=list(GOOD_LINES))
def test_a_line_that_only_looks_hostile_is_read(camg, line):
    done = camg("log", "-", "-f", "csv", stdin=f"{DAY}{line}\n")
    assert done.status == 0, done.stderr
    assert "Traceback" not in done.stderr


# Options with values nobody means: a usage error (status 2) that names the option.
BAD_OPTIONS = {
    "range inf": (["log", "-", "--range", "1:inf"], "--range"),
    "range nan": (["log", "-", "--range", "nan:2"], "--range"),
    "range reversed": (["log", "-", "--range", "3:2"], "--range"),
    "range negative": (["log", "-", "--range", "-1:2"], "--range"),
    "range huge": (["log", "-", "--range", "2:1e400"], "--range"),
    "range words": (["log", "-", "--range", "low:high"], "--range"),
    "age nan": (["log", "-", "--sex", "female", "--age", "nan"], "--age"),
    "age huge": (["log", "-", "--sex", "female", "--age", "1e300"], "--age"),
    "age negative": (["log", "-", "--sex", "female", "--age", "-1"], "--age"),
    "sex unknown": (["log", "-", "--sex", "x", "--age", "30"], "--sex"),
    "suggest negative": (["log", "-", "--suggest", "-5"], "--suggest"),
    "date order unknown": (["log", "-", "--date-order", "xyz"], "--date-order"),
    "from impossible": (["log", "-", "--from", "2026-13-01"], "--from"),
    "last without unit": (["log", "-", "--last", "7"], "--last"),
    "last zero": (["log", "-", "--last", "0d"], "--last"),
    "calcium nan": (["suggest", "--calcium", "nan", "--magnesium", "100"], "--calcium"),
    "magnesium inf": (["suggest", "--calcium", "100", "--magnesium", "inf"], "--magnesium"),
    "calcium huge": (["suggest", "--calcium", "1e308", "--magnesium", "1e-308"], "--calcium"),
    "calcium negative": (["suggest", "--calcium", "-5", "--magnesium", "100"], "--calcium"),
    "trend range inf": (["trend", "-", "--range", "inf:2"], "--range"),
}


@pytest.mark.parametrize(("args", "option"), BAD_OPTIONS.values(), ids=list(BAD_OPTIONS))
def test_an_absurd_option_value_is_a_usage_error(camg, args, option):
    done = camg(*args, "-f", "json", stdin=DAY)
    assert done.status == 2
    assert option in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_file_camg_may_not_read(camg, tmp_path, monkeypatch):
    """Permission denied; faked, since a test run as root may read any file."""
    (tmp_path / "locked").write_text(DAY, encoding="utf-8")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.chdir(tmp_path)
    done = camg("log", "locked")
    assert done.status == 2
    assert done.stderr == "locked: permission denied: cannot read this file\n"
