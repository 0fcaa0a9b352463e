"""Split one log item into amount, unit and food words, as people write them.

"1 1/2 cups milk", "half an avocado", "almonds 30 g", "Greek yogurt, 150 g",
"banana" (no amount). Nothing here knows about foods: whether "slice" fits
the food is decided when portions are weighed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from camg.text import singular
from camg.units import (
    HOUSEHOLD,
    SIZE_PAIRS,
    SPELLING_PAIRS,
    VAGUE,
    Unit,
    canonical,
    unit_of,
)

_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
    "⁄": "/",
}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "couple": 2,
    "pair": 2,
    "half": 0.5,
    "quarter": 0.25,
    "third": 1 / 3,
}
_ARTICLES = frozenset({"a", "an"})
_NUMBER = r"(?:\d+(?:\.\d+)?|\.\d+)"
# A number: mixed ("1 1/2", "1-1/2"), a fraction, or a decimal; never "2%" or "7up".
_AMOUNT = re.compile(
    rf"(?P<whole>\d+)(?:\s+|-|\s+and\s+)(?P<num>\d+)/(?P<den>\d+)(?![\d%])"
    rf"|(?P<fnum>\d+)/(?P<fden>\d+)(?![\d%])"
    rf"|(?P<dec>{_NUMBER})(?![\d%.])"
)
_GLUED_UNIT = re.compile(rf"^({_NUMBER}|\d+/\d+)([a-zA-Z]+\.?)$")  # "30g", "200ml", "1/2c"
_TRAILING = re.compile(
    rf"^(?P<food>.*?)[\s,(:-]+(?P<amount>(?:\d+\s+)?\d+/\d+|{_NUMBER})\s*"
    rf"(?P<unit>(?:fl\.?\s*oz\.?|fluid\s+ounces?|[a-zA-Z]+\.?))?\)?$"
)
_MULTIPLIER = re.compile(
    r"^(?P<food>.+?)\s*[x×]\s*(?P<count>\d+)$|^(?P<count2>\d+)\s*[x×]\s+(?P<food2>.+)$"
)


# A size in inches describes a food, it is not an amount of it: "8-inch", "(2 1/2 in)".
_DIMENSION = re.compile(
    r"\(?\b\d+(?:\.\d+|\s+\d+/\d+|/\d+)?\s*-?\s*(?:inch(?:es)?|in\.|\")(?=\W|$)\)?",
    re.IGNORECASE,
)


class AmountError(ValueError):
    """An item whose amount or unit cannot be read; the message says how to fix it."""


class ItemParts(NamedTuple):
    """What one log item says, before the food is looked up."""

    amount: float | None  # None: no amount written (one default portion)
    unit: Unit | None  # None: a count of the food itself ("2 eggs")
    food: str


def split_item(text: str) -> ItemParts:
    """Read amount, unit and food words from one item."""
    cleaned = _normalise(text)
    if not cleaned:
        raise AmountError("empty item")
    if re.match(r"[-−]\s*\.?\d", cleaned):
        raise AmountError("the amount must be positive")
    leading = _leading_amount(cleaned)
    if leading is not None:
        amount, rest = leading
        unit, food = _leading_unit(rest)
        return _checked(amount, unit, food)
    trailing = _trailing_amount(cleaned)
    if trailing is not None:
        return trailing
    after_comma = _amount_after_comma(cleaned)
    if after_comma is not None:
        return after_comma
    return _checked(None, None, cleaned)


def _amount_after_comma(text: str) -> ItemParts | None:
    """ "brocoli, 1 cup chopped", "bulgur wheat, 1/2 cup cooked", "chicken breast, half":
    the amount opens the last comma-separated part and describing words may follow."""
    food, comma, tail = text.rpartition(",")
    tail = tail.strip()
    if comma and food.strip() and tail.lower() in _NUMBER_WORDS:  # "chicken breast, half"
        return _checked(float(_NUMBER_WORDS[tail.lower()]), None, food)
    leading = _leading_amount(tail) if comma and food.strip() else None
    if leading is None:
        return None
    amount, rest = leading
    unit, described = _leading_unit(rest) if rest else (None, "")
    return _checked(amount, unit, f"{described} {food}".strip())


def _normalise(text: str) -> str:
    for vulgar, ascii_ in _VULGAR.items():
        text = text.replace(vulgar, f" {ascii_}")
    text = re.sub(r"(\d)\s+/\s+(\d)", r"\1/\2", text)
    text = _DIMENSION.sub(" ", text)  # "8-inch tortilla", "pancakes (4 inch)"
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")


def _leading_amount(text: str) -> tuple[float, str] | None:
    """An amount at the start of the item, and the rest of the text."""
    multiplied = _MULTIPLIER.match(text)
    if multiplied and multiplied.group("count2"):
        return float(multiplied.group("count2")), multiplied.group("food2")
    words = text.split()
    lead = words[0].lower()
    glued = _GLUED_UNIT.match(words[0])
    if glued and canonical(glued.group(2)):
        return number(glued.group(1)), " ".join([glued.group(2), *words[1:]])
    found = _AMOUNT.match(text)
    if found and (found.end() == len(text) or text[found.end()] == " "):
        amount = _match_value(found)
        return _and_a_half(amount, text[found.end() :].strip())
    if lead in _ARTICLES or lead in _NUMBER_WORDS:
        return _word_amount(words)
    return None


def _word_amount(words: list[str]) -> tuple[float, str] | None:
    """ "a", "an", "half an", "a quarter of", "two and a half", "half a dozen"."""
    lowered = [word.lower() for word in words]
    amount = 1.0
    index = 0
    if lowered[0] in _ARTICLES:
        index = 1
        if len(lowered) > 1 and lowered[1] in (
            "half",
            "quarter",
            "third",
            "dozen",
            "couple",
            "pair",
        ):
            amount = _NUMBER_WORDS[lowered[1]]
            index = 2
    else:
        amount = float(_NUMBER_WORDS[lowered[0]])
        index = 1
        if lowered[0] in ("half", "quarter", "third") and index < len(lowered):
            if lowered[index] in _ARTICLES:
                index += 1
            if index < len(lowered) and lowered[index] == "dozen":
                amount *= 12
                index += 1
    rest = " ".join(words[index:])
    if not rest:
        return None
    return _and_a_half(amount, rest)


def _and_a_half(amount: float, rest: str) -> tuple[float, str]:
    """ "2 and a half cups" -> 2.5; "a cup and a half of" stays for the unit step."""
    extra = re.match(r"(?i)and\s+an?\s+(half|quarter|third)\b\s*", rest)
    if extra:
        amount += _NUMBER_WORDS[extra.group(1).lower()]
        rest = rest[extra.end() :]
    return amount, rest


def _leading_unit(rest: str) -> tuple[Unit | None, str]:
    """The unit after a leading amount ("cups milk" -> cup), and the food words."""
    words = rest.split()
    if not words:
        return None, ""
    if words[0].lower() in ("x", "×"):
        words = words[1:]
        if not words:
            return None, ""
    lowered = [word.lower().rstrip(",") for word in words]
    unit: Unit | None = None
    used = 0
    pair = tuple(lowered[:2])
    if len(lowered) >= 2 and (
        pair in SPELLING_PAIRS or (lowered[0], singular(lowered[1])) in SPELLING_PAIRS
    ):
        unit, used = unit_of("fl oz"), 2
    elif len(lowered) >= 2 and pair in SIZE_PAIRS:
        unit, used = unit_of(SIZE_PAIRS[pair]), 2
    elif spelled := canonical(words[0].rstrip(",")):
        unit, used = unit_of(spelled), 1
    elif (household := _household(lowered[0])) and len(words) > 1:
        unit, used = unit_of(household), 1
    elif _vague(lowered[0]):
        raise AmountError(
            f'"{words[0]}" is not a measure that can be weighed; give grams or a cup/tbsp measure'
        )
    food_words = words[used:]
    if (
        unit is not None
        and unit.kind == "household"
        and food_words
        and food_words[0].lower() in ("sized", "size")
    ):
        food_words = food_words[1:]
    if food_words and food_words[0].lower() == "of":
        food_words = food_words[1:]
    if unit is None and words and words[0].lower() == "of":
        food_words = words[1:]
    return unit, " ".join(food_words)


def _household(word: str) -> str | None:
    word = singular(word.removesuffix("-sized").removesuffix("-size"))
    return word if word in HOUSEHOLD else None


def _vague(word: str) -> bool:
    return singular(word) in VAGUE or (word.endswith("ful") and singular(word[:-3]) in VAGUE)


def _trailing_amount(text: str) -> ItemParts | None:
    """ "almonds 30 g", "Greek yogurt, 150 g", "milk (1 cup)", "banana x2"."""
    multiplied = _MULTIPLIER.match(text)
    if multiplied and multiplied.group("count"):
        return _checked(float(multiplied.group("count")), None, multiplied.group("food"))
    found = _TRAILING.match(text)
    if not found or not found.group("food").strip(" ,(-"):
        return None
    unit_text = found.group("unit")
    unit: Unit | None = None
    if unit_text:
        spelled = "fl oz" if unit_text.lower().startswith(("fl", "fluid")) else canonical(unit_text)
        household = _household(unit_text.lower())
        if spelled:
            unit = unit_of(spelled)
        elif household:
            unit = unit_of(household)
        else:
            return None
    return _checked(number(found.group("amount")), unit, found.group("food").strip(" ,(-:"))


def _checked(amount: float | None, unit: Unit | None, food: str) -> ItemParts:
    food = food.strip(" ,;:()-")
    if amount is not None and amount <= 0:
        raise AmountError("the amount must be positive")
    if amount is not None and amount > 100_000:
        raise AmountError(f"the amount {amount:g} is too large to be a portion")
    if not food:
        what = " ".join(
            part for part in (amount is not None and f"{amount:g}", unit and unit.name) if part
        )
        after = f' after "{what}"' if what else ""
        raise AmountError(f'no food named{after}; write the food, e.g. "30 g almonds"')
    return ItemParts(amount, unit, food)


def _match_value(found: re.Match[str]) -> float:
    if found.group("whole") is not None:
        return _fraction(found.group("num"), found.group("den"), float(found.group("whole")))
    if found.group("fnum") is not None:
        return _fraction(found.group("fnum"), found.group("fden"))
    return float(found.group("dec"))


def number(text: str) -> float:
    """ "1 1/2", "1/2" or "0.5" as a number (a zero denominator is the user's mistake)."""
    text = text.strip()
    if " " in text:
        whole, fraction = text.split()
        numerator, denominator = fraction.split("/")
        return _fraction(numerator, denominator, float(whole))
    if "/" in text:
        numerator, denominator = text.split("/")
        return _fraction(numerator, denominator)
    return float(text)


def _fraction(numerator: str, denominator: str, whole: float = 0.0) -> float:
    if int(denominator) == 0:
        raise AmountError(f"the fraction {numerator}/{denominator} divides by zero")
    return whole + int(numerator) / int(denominator)
