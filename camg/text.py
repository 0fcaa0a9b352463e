"""Word-level normalisation shared by the log parser and the food matcher.

Both sides of every comparison (what the user wrote, what SR28 says) pass
through the same functions, so "Tomatoes" and "tomato" meet as one word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "70%" and the "70-85%" of SR28 meet as "70": a percent sign is not part of a word.
_WORD = re.compile(r"[a-z0-9]+")

# Words that end in "s" in the singular; singularising them would hurt matching.
_KEEP_S = frozenset(
    (
        "asparagus bass bratwurst brussels chips citrus couscous grits hummus hibiscus "
        "molasses oats octopus pancreas swiss cactus mass hollandaise schnapps"
    ).split()
)
_IRREGULAR = {
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "teeth": "tooth",
    "feet": "foot",
    "geese": "goose",
    "mice": "mouse",
    "children": "child",
    "anchovies": "anchovy",
    "cookies": "cookie",
    "brownies": "brownie",
    "smoothies": "smoothie",
    "pies": "pie",
    "fries": "fry",
    "calories": "calorie",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "mangoes": "mango",
    "avocadoes": "avocado",
}


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A rough English singular, good enough to match food words both ways."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _KEEP_S or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if word.endswith("us"):
        return word
    return word[:-1]


def fold(text: str) -> str:
    """Lower-case and strip accents: "Crème fraîche" -> "creme fraiche"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of a text, folded and singular."""
    folded = fold(text).replace("'", "").replace("’", "").replace("-", " ")
    return [singular(word) for word in _WORD.findall(folded)]


# Words that describe a food more often than they name one ("Green", "red").
COLOURS = frozenset("green red white brown black yellow purple golden".split())


def word_set(text: str) -> frozenset[str]:
    """A curated list of words written as one string: "nut seed fish" -> {"nut", ...}."""
    return frozenset(text.split())


def key(text: str) -> str:
    """A normalised phrase for exact look-ups: folded, singular, single-spaced."""
    return " ".join(words(text))
