"""The registration of the food table's sources that come from the user's files: which
module reads which files. A new kind of source is a new module and one line here."""

from __future__ import annotations

from collections.abc import Sequence

from camg import foodtable


def install(foods: Sequence[str] = ()) -> None:
    """Read the user's files and make their foods part of the table for this run; raises
    CamgError, with every problem of every file, before anything of them is used."""
    found: list[foodtable.Source] = []
    if foods:
        from camg import myfoods

        found.append(myfoods.load(list(foods)))
    foodtable.use(found)
