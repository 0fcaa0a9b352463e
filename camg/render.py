"""Plain records as text for scripts (JSON, CSV, TSV) and figures as people read them.

Writers take the stream to write to; they never decide where output goes.
Tables for people are in views.py.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Sequence
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_json(data: Any, stream: IO[str]) -> None:
    json.dump(data, stream, indent=2, ensure_ascii=False, allow_nan=False)
    stream.write("\n")


def safe_cell(value: Any) -> Any:
    """Neutralise text a spreadsheet would run as a formula; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def write_delimited(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: IO[str], delimiter: str
) -> None:
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(_plain(row.get(column))) for column in columns])


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def mg(value: float | None) -> str:
    """A milligram figure for people: unknown is said, never shown as 0."""
    if value is None:
        return "unknown"
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def ratio_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"
