"""Reference values kept as data: the ratio range, atomic weights, and the US DRIs.

data/reference.csv and data/dri.csv carry each figure with its source
(docs/references.md cites them); nothing here is a scattered literal.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from camg import tables
from camg.errors import CamgError


@cache
def constants() -> dict[str, float]:
    return {row["name"]: float(row["value"]) for row in tables.read_rows("reference.csv")}


def default_range() -> tuple[float, float]:
    values = constants()
    return values["ratio_low"], values["ratio_high"]


def molar_factor() -> float:
    """Mass ratio x this = molar ratio (Ca/Mg in moles): 24.305 / 40.078."""
    values = constants()
    return values["atomic_weight_mg"] / values["atomic_weight_ca"]


class Profile(NamedTuple):
    """Who the intakes are compared for."""

    sex: str  # "female" or "male"
    age: float
    pregnant: bool = False
    lactating: bool = False

    @property
    def stage(self) -> str:
        return "pregnant" if self.pregnant else "lactating" if self.lactating else ""

    def describe(self) -> str:
        stage = f", {self.stage}" if self.stage else ""
        return f"{self.sex}, {self.age:g} y{stage}"


class Intakes(NamedTuple):
    """Dietary Reference Intakes for one life stage (Food and Nutrition Board)."""

    calcium_rda_mg: float
    magnesium_rda_mg: float
    calcium_ul_mg: float
    magnesium_supplement_ul_mg: float | None
    kind: str  # "RDA", or "AI" where no RDA is set


@cache
def entry_limits() -> tuple[float, float]:
    """(kcal, mg of calcium) that no single entry of food plausibly gives: more than a whole
    day's energy for anyone (reference.csv), or more calcium than the highest upper limit
    at any age (dri.csv). Above either, camg warns that the amount may be a slip."""
    calcium = max(float(row["calcium_ul_mg"]) for row in tables.read_rows("dri.csv"))
    return constants()["entry_energy_most_kcal"], calcium


@cache
def adult_magnesium_supplement_ul() -> float:
    """The upper limit for supplemental magnesium from 9 years on (dri.csv): the same for
    every adult, so camg warns above it even without a profile."""
    limits = {
        float(row["magnesium_supplement_ul_mg"])
        for row in tables.read_rows("dri.csv")
        if row["min_age"] and float(row["min_age"]) >= 19 and row["magnesium_supplement_ul_mg"]
    }
    [limit] = limits
    return limit


def intakes_for(profile: Profile) -> Intakes:
    """The DRI row for a profile; an impossible profile is the user's mistake."""
    if profile.pregnant and profile.lactating:
        raise CamgError("give --pregnant or --lactating, not both")
    if profile.stage and profile.sex != "female":
        raise CamgError(f"--{profile.stage} applies to --sex female only")
    for row in tables.read_rows("dri.csv"):
        if not _fits(row, profile):
            continue
        supplement_ul = row["magnesium_supplement_ul_mg"]
        return Intakes(
            calcium_rda_mg=float(row["calcium_rda_mg"]),
            magnesium_rda_mg=float(row["magnesium_rda_mg"]),
            calcium_ul_mg=float(row["calcium_ul_mg"]),
            magnesium_supplement_ul_mg=float(supplement_ul) if supplement_ul else None,
            kind=row["rda_kind"],
        )
    stage = f" during {'pregnancy' if profile.pregnant else 'lactation'}" if profile.stage else ""
    raise CamgError(f"the DRI tables have no values{stage} at age {profile.age:g}")


def _fits(row: dict[str, str], profile: Profile) -> bool:
    if row["stage"] in ("pregnant", "lactating") or profile.stage:
        if row["stage"] != profile.stage:
            return False
    elif row["sex"] not in ("any", profile.sex):
        return False
    return float(row["min_age"]) <= profile.age < float(row["max_age"])
