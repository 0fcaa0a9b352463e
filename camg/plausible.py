"""Amounts no one eats at once: a warning, not an error, since the entry may be true.

`5 kg cheese` resolves cleanly and would add 35,500 mg of calcium to a day; a slip of the
amount or the unit must not pass in silence. The limits are data (camg.reference).
"""

from __future__ import annotations

import math
from functools import lru_cache

from camg import reference, tables


@lru_cache(maxsize=32768)
def implausible(food_id: str | None, grams: float | None) -> str | None:
    """What is implausible about this much of this food in one entry, or None."""
    if food_id is None or grams is None:
        return None  # a supplement: its dose is checked against the upper limit per day
    values = tables.food_values(food_id)
    if values is None:
        return None
    _, kcal, calcium, _ = values
    most_kcal, most_calcium = reference.entry_limits()
    energy = grams * kcal / 100.0
    calcium_mg = grams * calcium / 100.0
    found = []
    if not math.isnan(energy) and energy > most_kcal:
        found.append(f"{energy:,.0f} kcal, more than anyone's whole day ({most_kcal:,.0f} kcal)")
    if not math.isnan(calcium_mg) and calcium_mg > most_calcium:
        found.append(
            f"{calcium_mg:,.0f} mg of calcium, above the upper limit for a whole day at any "
            f"age ({most_calcium:,.0f} mg)"
        )
    if not found:
        return None
    return f"{grams:,.0f} g in one entry gives {' and '.join(found)}; check the amount and unit"
