"""Units of measure: their spellings, their sizes, and how SR28 writes them.

Mass converts exactly. Volume has no weight of its own: it converts to grams
only through a food's own volume portions (a cup of spinach is 30 g, a cup of
milk 244 g). US customary volumes are used, as in SR28.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from camg.text import singular

GRAMS_PER = {"mg": 0.001, "g": 1.0, "kg": 1000.0, "oz": 28.349523125, "lb": 453.59237}
ML_PER = {
    "ml": 1.0,
    "cl": 10.0,
    "dl": 100.0,
    "l": 1000.0,
    "tsp": 4.92892159375,
    "tbsp": 14.78676478125,
    "fl oz": 29.5735295625,
    "cup": 236.5882365,
    "pint": 473.176473,
    "quart": 946.352946,
    "gallon": 3785.411784,
    "shot": 44.36029434375,  # 1.5 US fl oz, the usual jigger
    "dessertspoon": 10.0,  # the UK dessertspoon, two teaspoons
}

# The imperial measures of the UK and Ireland (UK Weights and Measures Act 1985, Schedule 1).
IMPERIAL_ML = {"pint": 568.26125, "quart": 1136.5225, "gallon": 4546.09}

_SPELLINGS = {
    "mg": "mg milligram milligramme mgs",
    "g": "g gr gm grm gram gramme grams gs",
    "kg": "kg kgs kilo kilogram kilogramme",
    "oz": "oz ounce ozs",
    "lb": "lb lbs pound",
    "ml": "ml mls millilitre milliliter",
    "cl": "cl centilitre centiliter",
    "dl": "dl decilitre deciliter",
    "l": "l ltr litre liter",
    "tsp": "tsp tsps teaspoon teaspoonful tspn",
    "tbsp": "tbsp tbsps tb tbs tbl tbls tblsp tablespoon tablespoonful tbspn",
    "fl oz": "floz fl.oz fl.oz.",
    "cup": "cup cups c. c",
    "pint": "pint pt",
    "quart": "quart qt",
    "gallon": "gallon gal",
    "shot": "shot jigger",
    "dessertspoon": "dessertspoon dessertspoonful dsp dstspn",
}
SPELLING = {
    spelling: unit for unit, spellings in _SPELLINGS.items() for spelling in spellings.split()
}
# Two-word spellings, matched before single words.
SPELLING_PAIRS = {
    ("fl", "oz"): "fl oz",
    ("fl.", "oz"): "fl oz",
    ("fl.", "oz."): "fl oz",
    ("fl", "oz."): "fl oz",
    ("fluid", "ounce"): "fl oz",
    ("fluid", "oz"): "fl oz",
    ("dessert", "spoon"): "dessertspoon",
}

# Household words people put between the amount and the food ("2 slices bread").
HOUSEHOLD = frozenset(
    (
        "slice piece medium large small jumbo mini can tin bottle jar package packet pack "
        "container carton pouch bag box stalk stick clove breast thigh drumstick leg wing fillet "
        "filet steak chop patty link strip sheet bar scoop bunch head leaf sprig spear floret "
        "floweret wedge cube pat serving portion item unit ear rib loaf round cutlet medallion "
        "envelope block square segment sachet rasher tub punnet hole"
    ).split()
)
# Size words that mean the same measure in SR28 ("extra large" is one measure).
SIZE_PAIRS = {("extra", "large"): "extra large", ("extra", "small"): "extra small"}
# Amounts no table states: weighed by a cited default (data/vague_amounts.csv) as estimates.
VAGUE = frozenset(
    (
        "handful pinch dash splash drizzle knob dollop mug bowl plate plateful spoon "
        "spoonful sprinkle smidgen scoopful glass glassful beaker pot heaped-tablespoon grande "
        "venti little scrape bit drop hunk lump"
    ).split()
)


class Unit(NamedTuple):
    """A unit as written in a log: its canonical name and its kind."""

    name: str  # "g", "cup", "slice", ...
    kind: str  # "mass", "volume" or "household"

    @property
    def grams(self) -> float | None:
        return GRAMS_PER.get(self.name) if self.kind == "mass" else None

    @property
    def ml(self) -> float | None:
        return ML_PER.get(self.name) if self.kind == "volume" else None


def canonical(word: str) -> str | None:
    """The canonical mass or volume unit for a spelling, or None."""
    folded = word.lower()
    if word.rstrip(".") == "T":
        return "tbsp"
    if word.rstrip(".") == "t":
        return "tsp"
    return SPELLING.get(folded) or SPELLING.get(singular(folded.rstrip(".")))


def unit_of(name: str) -> Unit:
    if name in GRAMS_PER:
        return Unit(name, "mass")
    if name in ML_PER:
        return Unit(name, "volume")
    return Unit(name, "household")


_MEASURE_HEAD = re.compile(r"[,(]")


@lru_cache(maxsize=32768)
def measure_unit(measure: str) -> tuple[str, tuple[str, ...]]:
    """How an SR28 measure reads as a unit: ("cup", ("chopped",)) for "cup, chopped".

    The unit is the measure's first word (or word pair), in canonical spelling;
    the qualifiers are its other words, used to prefer "cup, chopped" when the
    log says "chopped".
    """
    tokens = re.findall(r"[a-z.]+", measure.lower())
    if not tokens:
        return "", ()
    pair = tuple(tokens[:2])
    if pair in SPELLING_PAIRS or pair in SIZE_PAIRS:
        name = SPELLING_PAIRS.get(pair) or SIZE_PAIRS[pair]
        rest = tokens[2:]
    else:
        name = canonical(tokens[0]) or singular(tokens[0].strip("."))
        rest = tokens[1:]
    return name, tuple(singular(token.strip(".")) for token in rest if token.strip("."))


def head_words(measure: str) -> str:
    """The measure's words before any comma or bracket: "medium (7\" long)" -> "medium"."""
    return _MEASURE_HEAD.split(measure, maxsplit=1)[0].strip()
