"""Supplements as people write them: "magnesium glycinate 200mg", "vitamin D 2000 IU".

A calcium or magnesium dose is read as the elemental amount, as a Supplement
Facts label states it; other supplements are recognised and left out with a
note, never reported as unknown foods.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from camg.amounts import CONCENTRATION
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
        "gummie powder liquid drop spray daily each contains containing per bio granule"
    ).split()
)
# Supplements with neither element: recognised by these names, left out with a note.
OTHER_NAMES = frozenset(
    (
        "vitamin vit multivitamin multi b12 b6 b1 b2 b3 b complex d3 d2 k2 omega fish oil cod "
        "liver iron zinc selenium iodine folic folate probiotic biotin creatine melatonin "
        "collagen turmeric curcumin ashwagandha glucosamine chondroitin coq10 potassium "
        "electrolyte prenatal niacin riboflavin thiamine lysine spirulina chlorella algal "
        "dha epa vegan lecithin"
    ).split()
)
_STRONG = frozenset(
    (
        "vitamin vit multivitamin multi b12 b6 d3 d2 k2 omega probiotic biotin creatine "
        "melatonin collagen turmeric curcumin ashwagandha glucosamine coq10 prenatal folic "
        "zinc selenium iodine iron spirulina chlorella lecithin"
    ).split()
)
# Words that make a line a supplement's ("cod liver oil 1 capsule"), not a food's.
_PILLS = frozenset("tablet tablets tab tabs capsule capsules caplet softgel softgels pill".split())
# Words without one of which no line names a supplement (the letters of vitamins too).
_SUPPLEMENT_WORDS = frozenset(
    {*ELEMENTS, *OTHER_NAMES, *SALTS, "cal", "mag", "b", "c", "d", "e", "k"}
)
_DOSE_WORDS = frozenset("iu mcg ug µg mg g ml x a an one two 1 2 3 4 5 6 7 8 9 0".split())
_LETTERS = frozenset("a b c d e k".split())


_MILLIGRAMS = re.compile(r"\d+(?:\.\d+)?mg")
_DOSE_TOKEN = re.compile(r"\d*(?:mg|mcg|ug|iu)")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?|\d+(?:iu|mg|mcg|ug|g)")


class Supplement(NamedTuple):
    """What a supplement line is: an element and its compound, or another supplement."""

    element: str | None  # "calcium", "magnesium", or None for any other supplement
    compound: str | None  # "glycinate" of "magnesium glycinate"
    combined: bool = False  # "Cal-Mag": both elements, doses not given apart
    unused: str | None = None  # words of a brand or of other nutrients in the same pill


def recognise(text: str) -> Supplement | None:
    """The supplement a line names, or None when it names a food."""
    tokens = key(text).split()
    if _SUPPLEMENT_WORDS.isdisjoint(tokens):
        return None  # the common case, a food: no word a supplement is named by
    if CONCENTRATION.search(text):
        return None  # "soy drink (with 100 mg of added calcium per 100 ml)": a food's label
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
    milligrams = any(_MILLIGRAMS.fullmatch(token) for token in tokens) or any(
        token == "mg" and at and _is_number(tokens[at - 1]) for at, token in enumerate(tokens)
    )
    if len(elements) == 1 and milligrams:  # "Nature Made Magnesium 250 mg", "calcium + D3"
        unused = " ".join(word for word in rest if word not in SALTS)
        return Supplement(elements.pop(), None, unused=unused)
    others = [w for w in words if w not in FORMS and w not in _DOSE_WORDS]
    dosed = any(_DOSE_TOKEN.fullmatch(token) for token in tokens)
    dosed = dosed or bool(_PILLS.intersection(tokens)) or {"fish", "oil"} <= set(words)
    if (
        others
        and (dosed or any(word in _STRONG for word in others))
        and all(word in OTHER_NAMES or word in _LETTERS or word in SALTS for word in others)
    ):
        return Supplement(None, None)
    return None


# "84 mg of elemental magnesium", "(equivalent to 500 mg elemental calcium)": the label's
# elemental figure, which is the dose that counts, whatever the compound weighs.
_ELEMENTAL = re.compile(
    r"(?P<dose>\d+(?:\.\d+)?)\s*(?P<unit>mg|g)\s+(?:of\s+)?elemental"
    r"(?:\s+(?P<element>calcium|magnesium)\b)?",
    re.IGNORECASE,
)
# "magnesium oxide 400mg (241 mg elemental)": the element the line names, once.
_ELEMENT = re.compile(r"\b(calcium|magnesium)\b", re.IGNORECASE)
# "Each tablet contains:", "Each caplet of Mag-Tab SR contains": a label's opening words.
_EACH = re.compile(
    r"^\s*each\s+(?:tablet|tab|capsule|cap|caplet|softgel|gummy|serving|scoop|dose)\b"
    r"[^:]*?\bcontains?\b:?\s*",
    re.IGNORECASE,
)
# "- 60 tabs", "(90 capsules)": how many the pack holds, not how many were taken.
_PACK = re.compile(
    r"\s*(?:[-–,]\s*|\(\s*)\d+\s*(?:tabs?|tablets?|capsules?|caps?|caplets?|softgels?|"
    r"gummies|count|ct)\.?\s*\)?\s*$",
    re.IGNORECASE,
)


# "magnesium 200mg x2", "2 x calcium 600 mg": a dose taken more than once.
_TIMES = re.compile(r"^\s*(?P<before>\d+)\s*[x×]\s+|\s+[x×]\s*(?P<after>\d+)\s*$", re.IGNORECASE)


def times_taken(text: str) -> tuple[str, int]:
    """ "magnesium 200mg x2" -> ("magnesium 200mg", 2)."""
    found = _TIMES.search(text)
    if found is None:
        return text, 1
    times = int(found.group("before") or found.group("after"))
    return (text[: found.start()] + text[found.end() :]).strip(), times


def label_reading(text: str) -> str:
    """A line copied from a Supplement Facts label, as a dose: "Each tablet contains 1250 mg
    calcium carbonate (equivalent to 500 mg elemental calcium)" -> "calcium 500 mg"."""
    found = _ELEMENTAL.search(text)
    named = {element.lower() for element in _ELEMENT.findall(text)}
    element = found.group("element") if found is not None else None
    if found is not None and (element or len(named) == 1):
        return f"{(element or named.pop()).lower()} {found.group('dose')} {found.group('unit')}"
    return _PACK.sub("", _EACH.sub("", text)).strip()


def _is_number(word: str) -> bool:
    return bool(_NUMBER_TOKEN.fullmatch(word))
