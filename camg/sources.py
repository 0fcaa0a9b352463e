"""The registration of the food table's sources that come from the user's files: which
module reads which files. A new kind of source is a new module and one line here."""

from __future__ import annotations

from collections.abc import Sequence

from camg import foodtable
from camg.errors import CamgError, Problem
from camg.parser import LogRecipe


def install(
    foods: Sequence[str] = (), recipes: Sequence[str] = (), blocks: Sequence[LogRecipe] = ()
) -> None:
    """Read the user's files and make their foods part of the table for this run; raises
    CamgError, with every problem of every file, before anything of them is used."""
    found: list[foodtable.Source] = []
    if foods:
        from camg import myfoods

        found.append(myfoods.load(list(foods)))
    foodtable.use(found)  # a recipe's items may name the user's foods
    if recipes or blocks:
        from camg import recipes as recipes_

        loaded, problems = recipes_.load(list(recipes), list(blocks))
        source = recipes_.Recipes(loaded)  # the sound ones, worked out to find the rest
        foodtable.use([*found, source])
        problems += source.check()
        if problems:
            foodtable.use([])
            raise CamgError(sorted(problems, key=_where))


def _where(problem: Problem) -> tuple[str, int]:
    return problem.source or "", problem.line or 0
