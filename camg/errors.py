"""One error model for the whole tool.

The core never prints: it returns or raises `Problem` values that carry where
the trouble is (file and line) and what to do about it. Only the CLI turns them
into text on stderr and an exit status.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitStatus(IntEnum):
    """Exit statuses, grep-like: documented in the README."""

    OK = 0
    OUT_OF_RANGE = 1
    TROUBLE = 2
    INTERRUPTED = 130


class Problem(NamedTuple):
    """Something the user must fix, located in their input when it can be."""

    message: str
    source: str | None = None
    line: int | None = None
    text: str | None = None  # the input the problem is about, when it is one item

    def __str__(self) -> str:
        if self.source is not None and self.line is not None:
            return f"{self.source}:{self.line}: {self.message}"
        if self.source is not None:
            return f"{self.source}: {self.message}"
        return self.message


class CamgError(Exception):
    """One or more problems that stop the command (exit status 2)."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(problem) for problem in problems))
