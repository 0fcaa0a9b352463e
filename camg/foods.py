"""Look-ups in the food table for `camg foods`: plain records, never printed here."""

from __future__ import annotations

import math
from typing import Any

from camg import foodtable, sr28
from camg.engine import ratio
from camg.errors import CamgError
from camg.matching import food_index


def _number(value: float) -> float | None:
    """A table value as JSON wants it: unknown (NaN) becomes None."""
    return None if value is None or math.isnan(value) else float(value)


def food_record(food_id: str) -> dict[str, Any]:
    """A food's values per 100 g, as its source gives them."""
    food = foodtable.food(food_id)
    assert food is not None
    calcium = _number(food.calcium_mg)
    magnesium = _number(food.magnesium_mg)
    row = sr28.food_row(food_id) if not foodtable.is_user_food(food_id) else None
    return {
        "id": food_id,
        "name": food.name,
        "group": food.group,
        "source": food.source,
        "survey": row is not None and row["survey"] == "Y",
        "energy_kcal": _number(food.energy_kcal),
        "calcium_mg": calcium,
        "magnesium_mg": magnesium,
        "phosphorus_mg": _number(food.phosphorus_mg),
        "ratio": None if calcium is None or magnesium is None else ratio(calcium, magnesium),
    }


def per_grams(per_100g: float | None, grams: float) -> float | None:
    return None if per_100g is None else per_100g * grams / 100.0


def show(food_id: str) -> dict[str, Any]:
    """A food with every household portion and what each portion holds."""
    food_id = food_id.lstrip("#")
    found = foodtable.food(sr28.pinned_id(food_id) or food_id.lower())
    if found is None:
        raise CamgError(f'no food with id "{food_id}"; find ids with: camg foods search WORDS')
    return with_portions(food_record(found.id))


def with_portions(record: dict[str, Any]) -> dict[str, Any]:
    """A food record with its household portions and what each holds."""
    record["portions"] = [
        {
            "portion": portion.label,
            "grams": portion.grams,
            "calcium_mg": per_grams(record["calcium_mg"], portion.grams),
            "magnesium_mg": per_grams(record["magnesium_mg"], portion.grams),
        }
        for portion in foodtable.portions_of(record["id"])
    ]
    return record


def search(phrase: str, limit: int) -> list[dict[str, Any]]:
    """Foods ranked for a phrase, best first: the user's own foods whose names hold the
    words, then SR28's ranking; the food a log line with these words would resolve to
    comes first, so search and log agree."""
    if not phrase.strip():
        raise CamgError("give some words to search for, e.g. camg foods search spinach raw")
    index = food_index()
    ranked = foodtable.search_user(phrase, limit)
    ranked += [match.food_id for match in index.rank(phrase, limit)]
    meant = index.resolve(phrase)  # what `camg log` would take the words to mean
    if meant is not None:
        ranked = [meant.food_id, *(food_id for food_id in ranked if food_id != meant.food_id)]
    return [with_portions(food_record(food_id)) for food_id in ranked[:limit]]
