"""Supplements as people write them: "magnesium glycinate 200mg", "vitamin D 2000 IU".

A calcium or magnesium dose is read as the elemental amount, as a Supplement
Facts label states it; other supplements are recognised and left out with a
note, never reported as unknown foods.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from camg.text import key

ELEMENTS = {"calcium": "calcium", "ca": "calcium", "magnesium": "magnesium", "mg": "magnesium"}
# Compounds a dose comes as; the label's "elemental" figure is what counts.
SALTS = frozenset(
    (
        "glycinate bisglycinate diglycinate citrate oxide malate threonate l taurate chloride "
        "sulfate sulphate aspartate lactate carbonate gluconate orotate phosphate hydroxide "
        "chelate amino acid coral"
    ).split()
)
FORMS = frozenset(
    (
        "supplement tablet tab pill capsule cap softgel gel elemental dose chewable chew gummy "
        "gummie powder liquid drop spray daily each contains containing per bio"
    ).split()
)
# Supplements with neither element: recognised by these names, left out with a note.
OTHER_NAMES = frozenset(
    (
        "vitamin vit multivitamin multi b12 b6 b1 b2 b3 b complex d3 d2 k2 omega fish oil cod "
        "liver iron zinc selenium iodine folic folate probiotic biotin creatine melatonin "
        "collagen turmeric curcumin ashwagandha glucosamine chondroitin coq10 potassium "
        "electrolyte prenatal niacin riboflavin thiamine lysine spirulina chlorella algal "
        "dha epa vegan"
    ).split()
)
_STRONG = frozenset(
    (
        "vitamin vit multivitamin multi b12 b6 d3 d2 k2 omega probiotic biotin creatine "
        "melatonin collagen turmeric curcumin ashwagandha glucosamine coq10 prenatal folic "
        "zinc selenium iodine iron spirulina chlorella"
    ).split()
)
_DOSE_WORDS = frozenset("iu mcg ug µg mg g ml x a an one two 1 2 3 4 5 6 7 8 9 0".split())
_LETTERS = frozenset("a b c d e k".split())


class Supplement(NamedTuple):
    """What a supplement line is: an element and its compound, or another supplement."""

    element: str | None  # "calcium", "magnesium", or None for any other supplement
    compound: str | None  # "glycinate" of "magnesium glycinate"
    combined: bool = False  # "Cal-Mag": both elements, doses not given apart


def recognise(text: str) -> Supplement | None:
    """The supplement a line names, or None when it names a food."""
    tokens = key(text).split()
    # "Ca 500 mg": a unit after a number is not magnesium.
    words = [
        word
        for at, word in enumerate(tokens)
        if not _is_number(word) and not (word == "mg" and at and _is_number(tokens[at - 1]))
    ]
    if not words:
        return None
    elements = {ELEMENTS[word] for word in words if word in ELEMENTS}
    if "cal" in words and ("mag" in words or "magnesium" in elements):
        return Supplement(None, None, combined=True)
    rest = [w for w in words if w not in ELEMENTS and w not in FORMS and w not in _DOSE_WORDS]
    if elements and all(word in SALTS for word in rest):
        if len(elements) > 1:
            return Supplement(None, None, combined=True)
        compound = " ".join(word for word in rest if word not in ("l", "amino", "acid")) or None
        return Supplement(elements.pop(), compound)
    others = [w for w in words if w not in FORMS and w not in _DOSE_WORDS]
    if (
        others
        and any(word in _STRONG for word in others)
        and all(word in OTHER_NAMES or word in _LETTERS or word in SALTS for word in others)
    ):
        return Supplement(None, None)
    return None


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?|\d+(?:iu|mg|mcg|ug|g)", word))
