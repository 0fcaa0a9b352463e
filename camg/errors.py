"""One error model for the whole tool.

The core never prints: it returns or raises `Problem` values that carry where
the trouble is (file and line) and what to do about it. Only the CLI turns them
into text on stderr and an exit status.
"""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import NamedTuple


class ExitStatus(IntEnum):
    """Exit statuses, grep-like: documented in the README."""

    OK = 0
    OUT_OF_RANGE = 1
    NONE_FOUND = 1  # `camg foods search` matched nothing, as grep finds nothing
    TROUBLE = 2
    INTERRUPTED = 130


class Severity(str, Enum):
    """An error stops the command unless --lenient; warnings and notes never do."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Kind(str, Enum):
    """What sort of trouble: JSON carries it, tests select by it."""

    UNKNOWN_FOOD = "unknown-food"
    NO_MEASURE = "no-measure"
    BAD_AMOUNT = "bad-amount"
    BAD_DATE = "bad-date"
    NOT_HONOURED = "not-honoured"  # a word that changes Ca or Mg and no food has it
    SUPPLEMENT = "supplement"
    UNREADABLE = "unreadable-file"
    READ_AS = "read-as"  # a note: how camg read an item it could use
    LEFT_OUT = "left-out"  # a note: a supplement without calcium or magnesium
    IMPLAUSIBLE = "implausible-amount"  # a warning: more than anyone eats at once
    UPPER_LIMIT = "upper-limit"  # a warning: a day's supplements above the upper limit
    DUPLICATE = "duplicate"  # a warning: a file given twice, or a date in two files
    FOODS_FILE = "foods-file"  # the user's foods file, never the meal log
    RECIPE = "recipe"  # a recipe of a recipes file or of the log: its items, yield, name
    CONFIG = "config"  # the configuration file or a CAMG_ variable of the environment
    OTHER = "other"


class Problem(NamedTuple):
    """Something the user must fix or know, located in their input when it can be."""

    message: str
    source: str | None = None
    line: int | None = None
    text: str | None = None  # the input the problem is about, when it is one item
    kind: Kind = Kind.OTHER
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        if self.source is not None and self.line is not None:
            return f"{self.source}:{self.line}: {self.message}"
        if self.source is not None:
            return f"{self.source}: {self.message}"
        return self.message


class ItemError(ValueError):
    """A log item that cannot be resolved; the message says why and what to do."""

    def __init__(self, message: str, kind: Kind = Kind.UNKNOWN_FOOD) -> None:
        super().__init__(message)
        self.kind = kind


class CamgError(Exception):
    """One or more problems that stop the command (exit status 2)."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(problem) for problem in problems))
