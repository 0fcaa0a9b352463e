"""Split one log item into amount, unit and food words, as people write them.

"1 1/2 cups milk", "half an avocado", "almonds 30 g", "Greek yogurt, 150 g",
"banana" (no amount). Nothing here knows about foods: whether "slice" fits
the food is decided when portions are weighed.
"""

from __future__ import annotations

import math
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
NUMBER_WORDS = frozenset(_NUMBER_WORDS)
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
    rf"^(?P<food>.*?)(?<![\s,(:-])[\s,(:-]+(?P<amount>(?:\d+\s+)?\d+/\d+|{_NUMBER})\s*"
    rf"(?P<unit>(?:fl\.?\s*oz\.?|fluid\s+ounces?|[a-zA-Z]+\.?))?\)?$"
)
_MULTIPLIER = re.compile(
    r"^(?P<food>.+?)\s*[x×]\s*(?P<count>\d+)$|^(?P<count2>\d+)\s*[x×]\s+(?P<food2>.+)$"
)


# Calories a label states describe a food, they are no count of it: "90 calorie", "100-cal".
_CALORIES = re.compile(
    r"(?<![(\w])\d+\s*-?\s*(?:k?cal(?:orie)?s?)\b(?![)])(?=\s+[a-z])", re.IGNORECASE
)
# "Boiled egg – 88", "Ryvita (1) – 35": a diet diary's calories after a dash, no unit.
_DASH_FIGURE = re.compile(r"(?<=\S)\s+[-–—]\s*(\d+(?:\.\d+)?)\s*$")
# The most of a food a bare number after a dash counts ("Eggs - 2"); more is a figure.
_MOST_COUNTED = 12
# A size in inches describes a food, it is not an amount of it: "8-inch", "(2 1/2 in)".
_DIMENSION = re.compile(
    r"\(?\b\d+(?:\.\d+|\s+\d+/\d+|/\d+)?\s*-?\s*(?:inch(?:es)?|in\.|\")(?=\W|$)"
    r"(?:\s*(?:diameter|dia\b\.?|long|wide|across|thick))?\)?",
    re.IGNORECASE,
)


class AmountError(ValueError):
    """An item whose amount or unit cannot be read; the message says how to fix it."""


class ItemParts(NamedTuple):
    """What one log item says, before the food is looked up."""

    amount: float | None  # None: no amount written (one default portion)
    unit: Unit | None  # None: a count of the food itself ("2 eggs")
    food: str
    remarks: str = ""  # words in brackets that are not an amount: "(packed in water)"
    notes: tuple[str, ...] = ()  # how the amount was read, when there was a choice
    estimate: str | None = None  # what was assumed: a range's midpoint
    inches: float | None = None  # a size stated: "8-inch tortilla", "(5 inch diameter)"


# "(250 ml)", "(5.3 oz)", "(1 ounce by weight)", "(about 2 tbsp each)": a second amount.
_BRACKET = re.compile(r"\(([^()]*)\)?")
_BRACKET_AMOUNT = re.compile(
    rf"^(?:about|approx\.?|approximately|~)?\s*(?P<amount>(?:\d+\s+)?\d+/\d+|{_NUMBER})\s*"
    r"(?P<unit>fl\.?\s*oz\.?|fluid\s+ounces?|[a-zA-Z]+\.?)"
    r"(?P<each>\s+each)?(?:\s+(?:by\s+weight|weight|total|dry|cooked|raw))?$",
    re.IGNORECASE,
)
# "3-4 oz", "6 to 8 ounces", "1–2 slices", "1 or 2 biscuits": a range, read as its midpoint.
_RANGE = re.compile(
    rf"^(?P<low>{_NUMBER}|\d+/\d+)(?:\s*(?:-|–|to)\s*|\s+or\s+)"
    rf"(?P<high>{_NUMBER}|\d+/\d+)(?=\s|[a-zA-Z])"
)
# Words that say how full a spoon or cup is: noted, no factor applied (docs/log-format.md).
FULLNESS = frozenset("heaping heaped level scant rounded generous good large-ish".split())
# App exports write "Banana - Raw": a dash between words separates name parts.
_NAME_DASH = re.compile(r"(?<=[A-Za-z)])\s+[-–—]\s+(?=[A-Za-z0-9½¼¾⅓⅔])")
_CUT_INTO = re.compile(
    r"\b(?:cut|chopped|sliced|diced)\s+(?:up\s+)?(?:in|into)\s+(?:\w+\s+)?\w+\b", re.IGNORECASE
)
_METRIC_SIZE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:cm|mm)\b", re.IGNORECASE)
_PACKED_IN = re.compile(
    r"\s+(?:canned\s+)?in\s+(?:its\s+own\s+|natural\s+|fruit\s+|light\s+|heavy\s+)?(juice|syrup)\b",
    re.IGNORECASE,
)
_N_EGG = re.compile(r"\b(\d+)-egg\b(?:\s+(omelet|omelette)\b)?", re.IGNORECASE)
# "Vogel's 12 grain bread", "7-grain cereal": a name, not twelve of it.
# Peppers counted or in the plural are the vegetable; "pepper" alone is the spice.
_PEPPER_KINDS = r"(?<!bell )(?<!sweet )(?<!red )(?<!green )(?<!yellow )(?<!orange )(?<!chilli )"
_PEPPERS = re.compile(
    _PEPPER_KINDS + r"(?<!chili )(?<!hot )(?<!banana )(?<!jalapeno )\bpeppers\b", re.IGNORECASE
)
_A_PEPPER = re.compile(
    r"^(\s*(?:(?:\d+(?:[./]\d+)?|½|¼|one|two|half)(?:\s+an?)?|an?)\s+)pepper$", re.IGNORECASE
)
_HALF_PINTS = re.compile(
    r"\b(?:(\d+)\s+|an?\s+)half[- ]pints?(?:\s+(?:container|carton|bottle|glass)s?)?\b",
    re.IGNORECASE,
)
_JUICE_OF = re.compile(
    r"\bjuice (?:of|from) (half an?|an?|one|two|\d+(?:[./]\d+)?|½) (lemon|lime)"
    r"(?:e?s)?\b",
    re.IGNORECASE,
)
_UNSALTED = re.compile(r"\bunsalted\b[,/]?\s*", re.IGNORECASE)
_IN_AN_OIL = re.compile(
    r"\b(canned|packed|tinned)\s+in\s+((?:extra virgin\s+)?(?:olive|sunflower|vegetable|"
    r"soybean|soya|soy|canola|rapeseed))\s+oil\b",
    re.IGNORECASE,
)
_LOW_SALT = re.compile(r"\b(low|reduced|lower)[- ]salt\b", re.IGNORECASE)
_N_GRAIN = re.compile(r"\b(?:\d{1,2}|multi)[- ]grain\b", re.IGNORECASE)
_ON_TOP = re.compile(
    r"\b(?:(?:sprinkled|drizzled|served|spread|scattered|thrown|tossed|added)\s+)?on\s+"
    r"(?:the\s+)?(?:top|side)\b"
    r"|\bin\s+(?:foil|the oven|the microwave|a pan|the pan|a wok|the air fryer|an air fryer)\b"
    r"|\b(?:mixed|stirred)\s+(?:through|in|into)(?:\s+(?:it|them))?(?=\W*$)",
    re.IGNORECASE,
)
_RANK = {"mass": 3, "volume": 2, "household": 1, "vague": 0}


# "low fat coleslaw for lunch": the meal it was eaten at, not a word of the food.
# "... for breakfast (today)": when, not what; what follows it is read, never dropped.
_FOR_MEAL = re.compile(
    r"\s+(?:for|at|with)\s+(?:my\s+|a\s+)?(?:breakfast|brunch|lunch|dinner|supper|tea|snack|"
    r"dessert|pudding)\b(?:\s+(?:today|tonight|yesterday|this morning|again))?",
    re.IGNORECASE,
)
# "1 cup cooked spaghetti per person": a menu's amount for each eater, one of whom is you.
_PER_PERSON = re.compile(r"\s+(?:per|each|a)\s+(?:person|serve|head)\b", re.IGNORECASE)


def split_item(text: str) -> ItemParts:
    """Read amount, unit and food words from one item."""
    if text[:1] == "(" or text[:2] == " (":
        text = _BRACKETED_COUNT.sub(r"\1 ", text)  # "(1 1/2) c macaroni and cheese"
    if "cal" in text.lower():  # "90 calorie granola bar": a label's figure, no count
        text = _CALORIES.sub(r"(\g<0>)", text)
    if "half and half" in text.lower():  # the cream: no half of "and half"
        text = _HALF_AND_HALF.sub("half-and-half", text)
    plain, bracketed, remarks = _brackets(_plain_numbers(text))
    plain, figured = _without_a_figure(plain)
    ambiguous = _AMBIGUOUS_COMMA.match(plain.strip()) if "," in plain else None
    if ambiguous:
        raise AmountError(
            f'"{ambiguous.group(0)}" may be a decimal or two numbers; write it with a point '
            '("1.5") or give the unit ("1,5 l")'
        )
    cleaned = _FOR_MEAL.sub("", _PER_PERSON.sub("", _normalise(plain)))
    if not cleaned:
        raise AmountError("empty item")
    if re.match(r"[-−]\s*\.?\d", cleaned):
        raise AmountError("the amount must be positive")
    cleaned, notes = _fullness(cleaned)
    notes = (*notes, *figured)
    cleaned, estimate = _midpoint(cleaned)
    unsure = _UNSURE.match(plain.strip())
    if unsure is not None:  # "maybe 2 biscuits", "over 2 cups of coffee"
        estimate = f'"{unsure.group(1).lower()}" before the amount: taken as written'
    cleaned, few = _few(cleaned)
    estimate = estimate or few
    parts = _amount_and_food(cleaned)
    share = _SHARES.get(remarks.strip().lower())
    if share is not None and parts.unit is None and parts.amount in (None, 1.0):
        parts, remarks = parts._replace(amount=share), ""  # "avocado (quarter)"
    counted = _counted_in_brackets(remarks) if parts.amount is None and parts.unit is None else None
    if counted is not None:  # "Wasa crispbread (2 crackers)", "bread (2 slices)"
        parts, remarks = parts._replace(amount=counted[0], unit=counted[1]), ""
    lead = cleaned.split(maxsplit=1)[0]
    if _plural_lead(lead) and parts.amount == 2 and not estimate:  # "rashers of bacon"
        estimate = f'"{lead}" with no count: taken as 2, the fewest a plural means'
    if bracketed is not None:
        parts = _more_exact(parts, bracketed)
    return parts._replace(
        remarks=remarks,
        notes=parts.notes + notes,
        estimate=estimate or parts.estimate,
        inches=_inches(text),
    )


def _without_a_figure(text: str) -> tuple[str, tuple[str, ...]]:
    """ "Boiled egg - 88": a diet diary's calories after a dash, too many to count the
    food, left out and said."""
    figure = _DASH_FIGURE.search(text) if "-" in text or "–" in text else None
    if figure is None or float(figure.group(1)) <= _MOST_COUNTED:
        return text, ()
    said = (
        f'"{figure.group(0).strip()}" after the food read as the diary\'s calories or points, '
        f'not a count: write "{figure.group(1)} x" if it was'
    )
    return text[: figure.start()], (said,)


def _counted_in_brackets(remarks: str) -> tuple[float, Unit | None] | None:
    """ "(2 slices)", "(2 crackers)": the count of an item that states no amount before it,
    by a household measure or by pieces of the food itself."""
    if _BARE_COUNT.fullmatch(remarks.strip()):
        return number(remarks.strip()), None
    found = _COUNTED.fullmatch(remarks.strip())
    if found is None:
        return None
    word = singular(found.group(2).lower())
    if word in HOUSEHOLD:
        return number(found.group(1)), Unit(word, "household")
    return (number(found.group(1)), None) if word in _PIECES else None


_BARE_COUNT = re.compile(r"\d{1,2}(?:\.5)?|\d/\d")
_COUNTED = re.compile(
    r"(?:about\s+|approx\.?\s+|~\s*)?(\d+(?:\.\d+)?)\s+"
    r"(?:(?:large|small|medium|whole|rectangular|round|square)\s+)?([A-Za-z]+)",
    re.IGNORECASE,
)


def counts_pieces(text: str) -> bool:
    """ "2 rectangular biscuits", "4 crackers": a count of pieces of a food, no food named."""
    found = _COUNTED.fullmatch(text.strip())
    return found is not None and singular(found.group(2).lower()) in _PIECES


# Words that count pieces of the food itself: "(2 crackers)" of a crispbread.
_PIECES = frozenset("cracker biscuit cookie nut kernel fruit".split())


def _inches(text: str) -> float | None:
    """The size an item states in inches ("8-inch tortilla"), if one."""
    found = _DIMENSION.search(text) if "in" in text or '"' in text else None
    if found is None:
        return None
    size = re.match(r"\(?\s*(\d+(?:\.\d+|\s+\d+/\d+|/\d+)?)", found.group(0))
    try:
        return number(size.group(1)) if size else None
    except (ValueError, ZeroDivisionError, AmountError):
        return None


def _amount_and_food(cleaned: str) -> ItemParts:
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


def _brackets(text: str) -> tuple[str, tuple[float, Unit, bool] | None, str]:
    """Take bracketed text out of the item: a second amount, or remarks kept apart
    ("(packed in water, drained)", "(tall)") so they never join the food's name."""
    if "(" not in text:
        return text, None, ""
    amount: tuple[float, Unit, bool] | None = None
    remarks = []
    for found in _BRACKET.finditer(text):
        inside = _HYPHENED.sub(_unhyphened, found.group(1).strip(" ,;"))
        stated = _BRACKET_AMOUNT.match(inside) or _stated_amount(inside)
        if stated and stated.group("unit").rstrip(".") in ("C", "T", "t", "c"):
            stated = None  # "(2 C)" beside a count is an exchange, not two cups
        unit = _unit_word(stated.group("unit")) if stated else None
        if stated and unit is not None and unit.kind != "household" and amount is None:
            amount = (number(stated.group("amount")), unit, bool(stated.group("each")))
            rest = f"{inside[: stated.start()]} {inside[stated.end() :]}".strip(" ,;≈=~")
            if _says_something(rest):
                remarks.append(" ".join(rest.split()))
        elif _BARE_COUNT.fullmatch(inside):  # "Ryvita (1)": a count after the food
            remarks.append(inside)
        elif _says_something(_DIMENSION.sub(" ", inside)):
            remarks.append(" ".join(_DIMENSION.sub(" ", inside).split()))
    rest = re.sub(r"\s+,", ",", " ".join(_BRACKET.sub(" ", text).split())).strip(" ,;")
    return rest, amount, ", ".join(remarks)


_ANY_AMOUNT = re.compile(
    rf"(?P<amount>(?:\d+\s+)?\d+/\d+|{_NUMBER})\s*"
    r"(?P<unit>g|grams?|kg|oz|ounces?|ml|mls|millilitres?|milliliters?|l|cups?|tbsp|tsp)\b"
    r"(?P<each>\s+each)?",
    re.IGNORECASE,
)


# "(6-ounce portion)", "(four-ounce portion)": an amount written as one word.
_HYPHENED = re.compile(r"\b(\d+(?:\.\d+)?|[a-z]+)-(ounce|oz|gram|g|cup|pound|lb)\b", re.IGNORECASE)


def _unhyphened(found: re.Match[str]) -> str:
    count = found.group(1).lower()
    if not count[0].isdigit():
        if count not in _NUMBER_WORDS:
            return found.group(0)
        count = f"{_NUMBER_WORDS[count]:g}"
    return f"{count} {found.group(2)}"


# "100 mg of added calcium per 100 ml": what a food holds, never an amount of it.
CONCENTRATION = re.compile(r"\bper\s+(\d+(?:\.\d+)?\s*(?:ml|g|l|oz|fl oz)\b)", re.IGNORECASE)


def _stated_amount(inside: str) -> re.Match[str] | None:
    """ "½ cup ≈ 86g", "1 packet = 35 g", "100g per person": a mass first, else a volume;
    never a concentration ("100 mg of added calcium per 100 ml")."""
    per = [span.start(1) for span in CONCENTRATION.finditer(inside)]
    found = [found for found in _ANY_AMOUNT.finditer(inside) if found.start() not in per]
    masses = [f for f in found if (unit := _unit_word(f.group("unit"))) and unit.kind == "mass"]
    return (masses or found or [None])[0]


_SIZE_WORDS = frozenset(
    "to long dia diameter wide high thick about approx portion portions serving servings per "
    "person".split()
)


def _says_something(remark: str) -> bool:
    """Not the remains of a size ("to 7- long")."""
    return any(
        len(word) >= 3 and word.lower() not in _SIZE_WORDS
        for word in re.findall(r"[A-Za-z]+", remark)
    )


def _unit_word(text: str) -> Unit | None:
    if text.lower().startswith(("fl", "fluid")):
        return unit_of("fl oz")
    spelled = canonical(text)
    return unit_of(spelled) if spelled else None


def _more_exact(parts: ItemParts, bracketed: tuple[float, Unit, bool]) -> ItemParts:
    """ "1 cup (250 ml) milk", "1 container (5.3 oz) yogurt": a mass over a volume over a
    count; the bracket's amount when the two are of one kind."""
    amount, unit, each = bracketed
    if amount == 0:  # "String cheese (0 grams)": a carbohydrate count, never a weight
        note = f'"({amount:g} {unit.name})" in brackets is no weight: read as a nutrient figure'
        return parts._replace(notes=(note,))
    if parts.amount is None and parts.unit is None:
        return parts._replace(amount=amount, unit=unit)  # "milk (1 cup)"
    written = parts.unit.kind if parts.unit else "household"
    tie_kept = (
        _RANK[unit.kind] == _RANK[written]
        and parts.unit is not None
        and (parts.unit.name in ("g", "ml") or unit.name not in ("g", "ml"))
    )
    if _RANK[unit.kind] < _RANK[written] or (tie_kept and parts.unit.name in ("g", "ml")):
        return parts._replace(
            notes=(f"used {_said(parts)}, not the {amount:g} {unit.name} in brackets",)
        )
    if each and parts.amount is not None:
        amount *= parts.amount
    note = f"used the {amount:g} {unit.name} in brackets rather than {_said(parts)}"
    return parts._replace(amount=amount, unit=unit, notes=(note,))


def _said(parts: ItemParts) -> str:
    unit = parts.unit.name if parts.unit else "whole"
    return f"{parts.amount if parts.amount is not None else 1:g} {unit}"


_HEAPED = re.compile(
    r"\b(?:heaped|heaping|rounded)\s+(?:tbsp|tbs|tablespoons?|tablespoonfuls?|dessert\s*spoons?|"
    r"dessertspoons?|dsp)\b",
    re.IGNORECASE,
)


def _fullness(text: str) -> tuple[str, tuple[str, ...]]:
    """ "1 heaped tablespoon of raisins": a measure of its own, weighed by a cited default
    where one is kept (data/vague_amounts.csv); "1 heaping tsp": noted, no factor applied."""
    text = _HEAPED.sub("heaped-tablespoon", text)
    found = [word for word in text.split() if word.lower() in FULLNESS]
    if not found:
        return text, ()
    kept = " ".join(word for word in text.split() if word.lower() not in FULLNESS)
    said = ", ".join(f'"{word}"' for word in found)
    return kept, (f"{said}: no factor applied; weighed as a level measure",)


_FEW = re.compile(r"^(?:a\s+few|several)\b", re.IGNORECASE)
FEW = 3  # "a few", "several": documented in docs/log-format.md


def _few(text: str) -> tuple[str, str | None]:
    """ "a few squares of chocolate": three, as an estimate."""
    found = _FEW.match(text)
    if found is None:
        return text, None
    return f"{FEW}{text[found.end() :]}", f'"{found.group(0)}" read as {FEW}'


def _midpoint(text: str) -> tuple[str, str | None]:
    """ "3-4 oz tuna" -> "3.5 oz tuna", with what was assumed."""
    found = _RANGE.match(text)
    if found is None or ("/" in found.group("high") and "/" not in found.group("low")):
        return text, None  # "1-1/2 cups" is one and a half
    low, high = number(found.group("low")), number(found.group("high"))
    if not 0 < low < high:
        return text, None
    middle = (low + high) / 2
    said = found.group(0).strip()
    return f"{middle:g}{text[found.end() :]}", f"the range {said} read as its midpoint, {middle:g}"


def _amount_after_comma(text: str) -> ItemParts | None:
    """ "brocoli, 1 cup chopped", "bulgur wheat, 1/2 cup cooked", "chicken breast, half":
    the amount opens the last comma-separated part and describing words may follow."""
    food, comma, tail = text.rpartition(",")
    tail = tail.strip()
    if comma and food.strip() and _vague(tail.lower()):  # "Grapes, Handful"
        return _checked(1.0, Unit(_vague_word(tail.lower()), "vague"), food)
    if comma and food.strip() and tail.lower() in _NUMBER_WORDS:  # "chicken breast, half"
        return _checked(float(_NUMBER_WORDS[tail.lower()]), None, food)
    leading = _leading_amount(tail) if comma and food.strip() else None
    if leading is None:
        return None
    amount, rest = leading
    unit, described = _leading_unit(rest) if rest else (None, "")
    return _checked(amount, unit, f"{described} {food}".strip())


_WORD_FRACTIONS = {
    "one-half": "1/2",
    "one half": "1/2",
    "one-quarter": "1/4",
    "one quarter": "1/4",
    "three-quarters": "3/4",
    "three quarters": "3/4",
    "one-third": "1/3",
    "one third": "1/3",
    "two-thirds": "2/3",
    "two thirds": "2/3",
}
_FRACTION_WORDS = re.compile(
    r"\b(?:" + "|".join(_WORD_FRACTIONS) + r")(?:\s+of)?(?:\s+an?\b)?", re.IGNORECASE
)
_LEADING_WORD = re.compile(
    r"^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?=\s+(?:to|-|or)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"\s+(?:to|-|or)\s+(\w+)",
    re.IGNORECASE,
)


def _word_numbers(text: str) -> str:
    """ "one-half cup" -> "1/2 cup"; "five to six passion fruit" -> "5 to 6 passion fruit";
    "one 95 g can" -> "95 g can"."""
    text = _ONE_BEFORE_AMOUNT.sub("", text)
    if " a" in text:  # "1/2 a cup", "a cup and a half"
        text = _AND_A_HALF.sub(_unit_and_a_half, _HALF_A_UNIT.sub(r"\1 ", text))
    sized = _COUNT_OF_A_SIZE.match(text)
    if sized is not None:  # "2 150g pots of yogurt": 300 g of it
        count, size, unit = sized.groups()
        text = f"{float(count) * float(size):g} {unit}{text[sized.end() :]}"
    if "-" in text or " " in text:
        text = _FRACTION_WORDS.sub(lambda f: _WORD_FRACTIONS[_fraction_key(f.group(0))], text)
    ranged = _LEADING_WORD.match(text)
    if ranged:
        low, high = (_NUMBER_WORDS[word.lower()] for word in ranged.groups())
        text = f"{low:g} to {high:g}{text[ranged.end() :]}"
    counted = _ONE_OR_MORE.match(text)
    if counted:  # "an apple or two"
        high = _NUMBER_WORDS[counted.group(2).lower()]
        text = f"1 to {high:g} {counted.group(1)}"
    unit_range = _UNIT_OR_MORE.match(text)
    if unit_range and canonical(unit_range.group(1)):  # "a tablespoon or two chopped nuts"
        high = _NUMBER_WORDS[unit_range.group(2).lower()]
        text = f"1 to {high:g} {unit_range.group(1)}{text[unit_range.end() :]}"
    return text


# "an apple or two": a range of the food, from one.
_ONE_OR_MORE = re.compile(r"^(?:a|an|one)\s+(.+?)\s+or\s+(two|three)$", re.IGNORECASE)
# "a tablespoon or two", "one cup or two": a range of the unit, from one.
_UNIT_OR_MORE = re.compile(r"^(?:a|an|one)\s+([a-z]+)\s+or\s+(two|three)\b", re.IGNORECASE)


def _fraction_key(found: str) -> str:
    return (
        " ".join(found.lower().replace(" of", "").split()[:2])
        .removesuffix(" a")
        .removesuffix(" an")
        if " " in found and "-" not in found.split()[0]
        else found.lower().split()[0]
    )


# "1,000 g" (a thousands separator) and "1,5 l" (a decimal comma, before a unit or word).
_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{3})(?![\d,])")
_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(\d+),(\d{1,2})(?=\s*(?:mg|g|kg|oz|lb|ml|cl|dl|l|litres?|liters?|cups?|tbsp|tsp)\b)",
    re.IGNORECASE,
)
_AMBIGUOUS_COMMA = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])")


def strip_describing(text: str) -> str:
    """ "banana cut up in slices", "basil sprinkled on top": how and where, not what."""
    if " in" in text or " on" in text or " through" in text:
        text = _ON_TOP.sub(" ", _CUT_INTO.sub(" ", text))
    return text


# "1/2 a cup of rice": the article between a fraction and its unit.
_HALF_A_UNIT = re.compile(r"^(\s*(?:\d+/\d+|½|¼|¾|⅓|⅔))\s+an?\s+(?=[a-z])", re.IGNORECASE)
# "a cup and a half of milk", "2 pints and a half": the unit, one and a half times.
_AND_A_HALF = re.compile(
    r"^\s*(a|an|one|two|three|\d+)\s+([a-z]+)\s+and\s+a\s+half\b"
    r"(?!-|\s+(?:cups?|pints?|glass(?:es)?|tbsps?|tsps?|teaspoons?|tablespoons?|slices?|pieces?)\b)",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}


def _unit_and_a_half(found: re.Match[str]) -> str:
    count, unit = found.groups()
    whole = _SMALL_NUMBERS.get(count.lower()) or float(count)
    return f"{whole + 0.5:g} {unit}"


# A count of a container of a stated size: "1 30g bowl", "2 150g pots", "1 330 ml can".
_COUNT_OF_A_SIZE = re.compile(
    r"^\s*(\d{1,2})\s*(?:x\s*)?\s(\d+(?:\.\d+)?)\s*(g|ml|oz)\b\.?(?=\s+(?:bowl|pot|tub|packet|pack|bag|glass|"
    r"can|tin|bottle|carton|bar|sachet|serving|portion|container|slice|piece)s?\b)",
    re.IGNORECASE,
)
_ONE_BEFORE_AMOUNT = re.compile(r"^(?:one|a|an)\s+(?=\d+(?:\.\d+)?\s*[a-zA-Z])", re.IGNORECASE)


def _plain_numbers(text: str) -> str:
    """Vulgar fractions and the fraction slash as ASCII: "1½" -> "1 1/2"; "1,000 g" and the
    decimal comma "1,5 l" as numbers."""
    text = _word_numbers(text)
    if "," in text:
        text = _THOUSANDS.sub(r"\1\2", text)
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    for vulgar, ascii_ in _VULGAR.items():
        if vulgar in text:
            text = text.replace(vulgar, f" {ascii_}" if vulgar != "⁄" else "/")
    return re.sub(r"(\d)(?:\s+/\s*|\s*/\s+)(\d)", r"\1/\2", text)  # "1 ⁄2", "1 / 2"


# "On my first break, I ate an apple": what was eaten follows "I ate".
_I_ATE = re.compile(
    r"^(?:had|have|ate|eat|drank|grabbed|snacked on)\s+(?=\S)|"
    r"^(?:(?P<before>[^.;()]*?)(?:,\s*|\s))?(?:and\s+|then\s+)?(?:I|we)(?:\s+|(?=['’]))"
    r"(?:(?:also|just|usually|generally|always|often|normally|then|then also)\s+)?"
    r"(?:ate|had|have|drank|drink|eat|sip|sipped|munched|snacked|grab|grabbed|finished|shared|tried|"
    r"made|cooked|ordered|got(?!\s+(?:to|home|back|up|ready|dressed|there)\b)|added|"
    r"am having|['’]m having|will have|['’]ll have|['’]ve had)"
    r"(?:\s+(?:eaten|had|drunk|been having))?(?:\s+on)?\s+",
    re.IGNORECASE,
)


# "and a glass of juice", "the remaining 1/2 cup of coffee": words before the amount.
_LEAD_FILLER = re.compile(
    r"^(?:(?:and|then|also|plus|finally|the|my|remaining|rest of|add|mix|soak|stir in|stir|"
    r"top|serve|sprinkle|spread|blend|combine|bake|grill|steam|heat|warm|"
    r"load up|fill|mash(?=\s+(?:\d|an?\b|the\b|up\b|one\b|half\b))|"
    r"(?:slice|chop|dice|grate) or (?:mash|slice|chop|dice|grate))\b,?\s+"
    r"|stir-(?=fried\b))+(?=\S)",  # "stir-fried bok choy": fried, as "stir fried" is
    re.IGNORECASE,
)


# "about 2 cups rice", "roughly a cup of rice": the diarist's own rounding of the amount.
_ABOUT = re.compile(
    r"^(?:about|approximately|approx\.?|around|roughly|nearly|almost|circa|~)\s*(?=\S)",
    re.IGNORECASE,
)


# Words before an amount that hedge or add to it: "only half a banana", "another 2 biscuits",
# "maybe 2 cups of coffee"; the amount is taken as written.
_AN_AMOUNT = (
    r"(?=(?:\d|½|¼|¾|⅓|⅔|a\s|an\s|one|two|three|four|five|six|seven|eight|nine|ten|half|"
    r"a couple)\b)"
)
# Hedges that leave the amount unsure: the entry is an estimate that says so.
_UNSURE_WORDS = "maybe|probably|possibly|perhaps|over|at least|at most"
_HEDGE = re.compile(
    rf"^(?:just|only|another|a further|an extra|extra|like|some|{_UNSURE_WORDS})\s+" + _AN_AMOUNT,
    re.IGNORECASE,
)
_UNSURE = re.compile(rf"^({_UNSURE_WORDS})\s+" + _AN_AMOUNT, re.IGNORECASE)


# "It consisted of 3 dried apricots", "Breakfast included a peach": what a meal was.
_CONSISTED = re.compile(
    r"^(?:[\w']+\s+){0,3}?(?:consisted of|consists of|consisting of|included|includes|"
    r"comprised|comprises)\s+(?=\S)",
    re.IGNORECASE,
)


# "1 cup skim milk 85 calories", "1/4 pint of skimmed milk - 1 point", "Diet Coke 0PP",
# "(5 Pro Points)", "(3SP)": a diet plan's count of energy or points, not an amount.
_ENERGY_UNITS = r"k?cals?|calories|kilojoules|kj|(?:pro\s*|smart\s*)?points?|pts|pp|syns?|sp"
# "Pancakes (26 g carbs)", "(30g protein)": grams of a nutrient, not of the food.
_NUTRIENT_GRAMS = (
    r"g(?:rams?)?\s+(?:of\s+)?(?:carbs?|carbohydrates?|protein|fat|fibre|fiber|sugars?)"
)
_ENERGY = rf"\d+(?:\.\d+)?\s*(?:{_ENERGY_UNITS}|{_NUTRIENT_GRAMS})\b"
_ENERGY_NOTE = re.compile(
    rf"\s*(?:[-–=,]\s*|\(\s*)?\b{_ENERGY}\s*\)?(?=\s*[.,;]?\s*$)|\s*\(\s*{_ENERGY}\s*\)",
    re.IGNORECASE,
)


# "steamed with ½ cup tomatoes": what a food was cooked or served with, after a comma.
_LEAD_WITH = re.compile(
    r"^(?:steamed|served|topped|mixed|cooked|grilled|baked|sprinkled|drizzled|garnished|"
    r"layered|tossed|toasted)\s+with\s+(?=\S)",
    re.IGNORECASE,
)
# "porridge every morning", "2 eggs this morning": when, not what.
_WHEN = re.compile(
    r"\s+(?:every|each|this|most|in the|on)\s+(?:morning|day|evening|night|afternoon|weekday|"
    r"lunchtime|week)s?\s*[.!]?$|\s+(?:today|tonight|yesterday|overnight|before serving|"
    r"to serve)\s*[.!]?$",
    re.IGNORECASE,
)
# "Semi-skimmed milk 250ml plus": a list's joining word left at the end of a line.
# A diary export's number columns after the food: "1 cup 2% milk 2,0, 23" (points, fat,
# energy); an amount is written before the food, or with its unit.
_SCORES = re.compile(r"(?<=[A-Za-z])\s+\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)+\s*$")
# "toast with Marmite on", "... with cream on top": where it went, and no more; "1 packet
# instant oatmeal made with:": what it was made with follows on lines of its own.
_TRAILING_JOIN = re.compile(
    r"\s*,?\s+(?:plus|and|or|with|&|\+|on|on top|on it|on the side|(?:made|topped|served) "
    r"with)\s*:?\s*$",
    re.IGNORECASE,
)


# "(1.5 cups cereal, 1 sliced banana)": a whole line in brackets is no remark.
_WRAPPED = re.compile(r"^\(([^()]*)\)\.?$")
# "#1 2 eggs": a list's number; "sandwich*": a menu's footnote mark.
_LIST_NUMBER = re.compile(r"^#\d{1,2}\s+")
_EMPHASIS = re.compile(r"\*([^*]+)\*")
_FOOTNOTE = re.compile(r"\*+(?=\s*(?:[,;.]|$))")
# "milk from allowance": a diet plan's allowance, said of a food's source.
_ALLOWANCE = re.compile(r"\s+from\s+(?:your\s+|my\s+|the\s+)?(?:daily\s+)?allowance\b", re.I)


def told_before(text: str) -> tuple[str, str] | None:
    """ "Toast and jam, then I had a coffee": the words before "I had" and what follows it,
    when there are words before it (which may name foods too); else None."""
    found = _I_ATE.match(text.strip()) if " I " in f" {text} " or " we " in text else None
    if found is None or not (found.group("before") or "").strip(" ,"):
        return None
    return found.group("before").strip(" ,"), text.strip()[found.end() :]


def strip_prose(text: str) -> str:
    """ "While working, I sipped on iced coffee": what was had, without the story."""
    if " " not in text:
        return text
    wrapped = _WRAPPED.match(text.strip())
    text = wrapped.group(1) if wrapped else text
    if "(" in text:  # "(1 1/2) c macaroni and cheese", "avocado (quarter)": the amount
        text = _BRACKETED_COUNT.sub(r"\1 ", text)
    text = _EMPHASIS.sub(r"\1", _LIST_NUMBER.sub("", text))  # "*another vegetable*"
    for aside in _ASIDES:  # in order: a footnote, then the energy note it may hide
        text = aside.sub("", text)
    if " oil" in text:  # "tuna canned in olive oil": the oil it is packed in, named by no
        text = _IN_AN_OIL.sub(r"\1 in oil (\2)", text)  # plant in SR28
    if "such as" in text or "e.g" in text:  # the examples are choices, not several foods
        text = _EXAMPLES_JOINED.sub(r"\1 or ", text)
    return _LEAD_FILLER.sub("", _CONSISTED.sub("", _I_ATE.sub("", text)))


_POULTRY_SKIN = re.compile(
    r"\b(chicken|turkey|duck|goose|drumsticks?|thighs?|wings?|breasts?|legs?)\b(.*?)"
    r"\b(with(?: the)? skin(?: on)?|(?:without|no)(?: the)? skin|skin removed)\b",
    re.IGNORECASE,
)


def _poultry_skin(found: re.Match[str]) -> str:
    """SR28 says a bird's "meat and skin" or its "meat only"."""
    kept = "meat and skin" if found.group(3).lower().startswith("with ") else "meat only"
    return f"{found.group(1)}{found.group(2)}{kept}"


_NON_FAT = re.compile(r"\bnon[- ]fat\b", re.IGNORECASE)
_PAN_FRIED = re.compile(r"\b(?:pan|shallow)[- ]fried\b", re.IGNORECASE)
_HALF_AND_HALF = re.compile(r"\bhalf and half\b", re.IGNORECASE)
# "(1 1/2) c macaroni and cheese": a count in brackets before its unit.
_BRACKETED_COUNT = re.compile(r"^\s*\((\d+(?:\s+\d+/\d+|/\d+|\.\d+)?)\)\s*(?=\S)")
# "avocado (quarter)": a share of the food, said after it.
_SHARES = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25, "third": 1 / 3}


# "fruit such as melon and grapes": one fruit, either example.
_EXAMPLES_JOINED = re.compile(r"(\b(?:such as|e\.g\.?)\s+[^,;()]+?)\s+(?:and|&)\s+", re.IGNORECASE)


# "Jelly - Sunday", "Galtee cheese -tea time": a meal plan's day or occasion after a dash.
_DAY_AFTER = re.compile(
    r"\s+[-–—]\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"tea\s?time|lunch\s?time|dinner\s?time|supper|tea|lunch|dinner|breakfast|snack)\s*$",
    re.IGNORECASE,
)
# What a line says beside its foods, set aside before they are read.
_ASIDES = (
    _FOOTNOTE,
    _ALLOWANCE,
    _WHEN,
    _ENERGY_NOTE,
    _SCORES,
    _TRAILING_JOIN,
    _LEAD_WITH,
    _DAY_AFTER,
)


_PACKAGE_OF = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|\d+)\s+)?(?P<size>\d+(?:\.\d+)?|[a-z]+)-"
    r"(?P<unit>ounce|oz|gram|g|ml)\.?\s+(?:container|carton|can|bottle|bar|bag|packet|package|"
    r"pouch|pot|tub|jar|serving|portion|piece|box)(?:e?s)?\b(?:\s+of\b)?",
    re.IGNORECASE,
)


def _package_weight(found: re.Match[str]) -> str:
    """ "two 6-oz containers" -> "12 oz": the packages' count times the stated weight."""
    size, count = found.group("size").lower(), (found.group("count") or "1").lower()
    if not size[0].isdigit():
        if size not in _NUMBER_WORDS:
            return found.group(0)
        size = f"{_NUMBER_WORDS[size]:g}"
    times = (
        1.0 if count in _ARTICLES else (float(count) if count.isdigit() else _NUMBER_WORDS[count])
    )
    return f"{times * float(size):g} {found.group('unit')}"


_FROM_GROUNDS = re.compile(r"\b(?:brewed\s+)?from\s+grounds\b", re.IGNORECASE)


def _normalise(text: str) -> str:
    text = _ABOUT.sub("", strip_prose(text))  # "about 2 cups rice": the amount as written
    text = _HEDGE.sub("", text)  # "only half a banana", "another 2 biscuits": the amount
    if "- " in text:
        text = re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)  # "calcium- fortified"
    if "/" in text:
        text = re.sub(r"(?i)\bw/\s*", "with ", text)  # "baked w/ skin"
    text = re.sub(r"(?<=\w)[\u2010\u2011\u2012](?=\w)", "-", text)  # "low‑fat" as "low-fat"
    text = _DIMENSION.sub(" ", text)  # "8-inch tortilla", "pancakes (4 inch)"
    text = strip_describing(text)
    if "cm" in text or "mm" in text:
        text = _METRIC_SIZE.sub(" ", text)  # "a 5cm piece of cucumber": a size, not an amount
    if "skin" in text:  # "chicken drumsticks with skin": SR28's "meat and skin", not skin
        text = _POULTRY_SKIN.sub(_poultry_skin, text)
    if "fried" in text:  # "2 eggs pan fried": SR28's "pan-fried" foods are "fried" ones too
        text = _PAN_FRIED.sub("fried", text)
    if "on" in text:  # "non fat yogurt" is nonfat yogurt, not a vanilla Greek one
        text = _NON_FAT.sub("nonfat", text)
    if "-" in text:  # "a 6-ounce container of yogurt": the container's stated weight
        text = _PACKAGE_OF.sub(_package_weight, text)
    if "white meat" in text.lower():  # "chicken breast, white meat": SR28's "light meat"
        text = re.sub(r"(?i)\bwhite meat\b", "light meat", text)
    if "grounds" in text:  # "Coffee, from grounds": brewed coffee, no ground meat
        text = _FROM_GROUNDS.sub("brewed", text)
    if "spring water" in text.lower():
        text = re.sub(r"(?i)spring water", "water", text)
    if " in " in text:  # "peach halves, canned in juice", "blueberries in natural syrup"
        text = _PACKED_IN.sub(lambda found: f" canned {found.group(1).lower()} pack", text)
    if "salt" in text:  # "Soup, pea, low salt": SR28 says sodium
        text = _LOW_SALT.sub(r"\1 sodium", text)
        if _UNSALTED.search(text):  # "unsalted cashews": SR28 says "without salt"
            text = f"{_UNSALTED.sub('', text).strip()} without salt"
    if "grain" in text:
        text = _N_GRAIN.sub("multigrain", text)
    if "pepper" in text.lower():  # "peppers", "half a pepper": the vegetable, not the spice
        text = _A_PEPPER.sub(r"\1sweet pepper", _PEPPERS.sub("sweet peppers", text))
    if "half" in text:  # "1 half-pint container milk": half a pint each
        text = _HALF_PINTS.sub(lambda found: f"{number(found.group(1) or '1') / 2:g} pint", text)
    if "juice" in text:  # "juice of half a lemon": half a lemon's yield of juice
        text = _JUICE_OF.sub(r"\1 \2 juice", text)
    if "-egg" in text:  # "2-egg omelet": an omelet of two large eggs
        text = _N_EGG.sub(r"\1 large egg \2", text)
    text = _NAME_DASH.sub(", ", text)
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")


def _leading_amount(text: str) -> tuple[float, str] | None:
    """An amount at the start of the item, and the rest of the text."""
    multiplied = _MULTIPLIER.match(text)
    if multiplied and multiplied.group("count2"):
        return float(multiplied.group("count2")), multiplied.group("food2")
    words = text.split()
    if not words:
        return None
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
    if len(words) > 2 and words[1].lower() == "of" and (canonical(lead) or _household(lead)):
        return _uncounted(lead), text  # "Tablespoon of chia seeds", "rashers of bacon"
    if len(words) > 1 and _vague_led(words) and not re.search(r"\d", text):
        return _uncounted(lead), text  # "handful of almonds", "small spoonful of coleslaw"
    if len(words) > 1 and canonical(lead) and unit_of(canonical(lead)).kind == "volume":
        return _uncounted(lead), text  # "tbsp pumpkin seeds", "cup of tea"
    return None


def _uncounted(unit_word: str) -> float:
    """ "slice of papaya" is one slice; "rashers of bacon" are two, the fewest a plural
    means (`_plural_lead` says so as an estimate)."""
    return 2.0 if _plural_lead(unit_word) else 1.0


def _plural_lead(word: str) -> bool:
    lowered = word.lower()
    return singular(lowered) != lowered and (canonical(lowered) or _household(lowered)) is not None


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
            if lowered[1] in ("couple", "pair", "dozen") and lowered[2:3] == ["of"]:
                index = 3  # "a couple of slices of toast": the unit follows
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
        spelled = SPELLING_PAIRS.get(pair) or SPELLING_PAIRS[(lowered[0], singular(lowered[1]))]
        unit, used = unit_of(spelled), 2
    elif len(lowered) >= 2 and (lowered[0], singular(lowered[1])) == ("dessert", "bowl"):
        unit, used = Unit("dessert bowl", "vague"), 2  # the 5 A DAY guide's bowl of salad
    elif (
        len(lowered) >= 3
        and lowered[0] in VAGUE_SIZES
        and (_household(lowered[1]) or _vague(lowered[1]))
    ):
        unit, food = _leading_unit(" ".join(words[1:]))
        if unit is not None and unit.kind == "vague":
            # "a small handful": its own cited size where there is one, else the handful's
            return Unit(f"{lowered[0]} {unit.name}", "vague"), food
        return unit, f"{words[0]} {food}"  # the size picks "stalk, large"
    elif len(lowered) >= 2 and pair in SIZE_PAIRS:
        unit, used = unit_of(SIZE_PAIRS[pair]), 2
    elif spelled := canonical(words[0].rstrip(",")):
        unit, used = unit_of(spelled), 1
    elif (household := _household(lowered[0])) and len(words) > 1:
        unit, used = unit_of(household), 1
    elif _vague(lowered[0]):
        unit, used = Unit(_vague_word(lowered[0]), "vague"), 1
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


def _vague_led(words: list[str]) -> bool:
    """ "handful of", "small spoonful of": a vague amount with no article before it."""
    lead = words[0].lower()
    if lead in VAGUE_SIZES:  # "small handful dried fruit", "Small tub low fat yoghurt"
        return len(words) > 2 and bool(_vague(words[1].lower()) or _household(words[1].lower()))
    return (words[1].lower() == "of" or lead in _PLAIN_VAGUE) and _vague(lead)


# Sizes said of a vague word or a measure: "a small handful", "a big mug".
VAGUE_SIZES = frozenset(("small", "medium", "large", "big"))
# Vague words that lead a food without "of" in a hurried diary ("handful almonds", "grande
# coffee"); "pot roast" and "plate" are not among them.
_PLAIN_VAGUE = frozenset("handful glass mug bowl spoonful scoop splash dollop grande venti".split())


def _vague_word(word: str) -> str:
    """ "handfuls" -> "handful", "spoonful" (or "spoonfull") -> "spoon", "glassful" -> "glass"."""
    word = _ful(singular(word).replace("-", " "))
    return word[:-3] if word.endswith("ful") and word[:-3] in VAGUE else word


def _vague(word: str) -> bool:
    word = _ful(word)
    return singular(word) in VAGUE or (word.endswith("ful") and singular(word[:-3]) in VAGUE)


def _ful(word: str) -> str:
    """ "spoonfull" as "spoonful": a common spelling of the suffix."""
    return word[:-1] if word.endswith("full") else word


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
    food = found.group("food").strip(" ,(-:")
    said = (unit_text or "").lower().rstrip(".")
    if said in _EACH:  # "English muffin 1 each": a count of the food
        return _checked(number(found.group("amount")), None, food)
    unit_text = _SIZES.get(said, unit_text)  # "Orange 1 med": one medium orange
    if unit_text:
        spelled = "fl oz" if unit_text.lower().startswith(("fl", "fluid")) else canonical(unit_text)
        household = _household(unit_text.lower())
        if spelled:
            unit = unit_of(spelled)
        elif household:
            unit = unit_of(household)
        else:
            return None
    return _checked(number(found.group("amount")), unit, food)


# A table's count after the food: "1 each", "2 med" (a count of medium ones).
_EACH = frozenset({"each", "ea"})
_SIZES = {"med": "medium", "sm": "small", "lg": "large"}


def _checked(amount: float | None, unit: Unit | None, food: str) -> ItemParts:
    if unit is None and amount is not None and " " in food.strip():
        head, last = food.strip().rsplit(" ", 1)
        if _vague(last.lower()) and head:  # "1 Yoghurt Pot"
            unit, food = Unit(_vague_word(last.lower()), "vague"), head
    if unit is not None and unit.name == "half" and amount is not None:
        unit, food = None, f"{food} halves"  # "6 halves of apricot": weighed by the half
    food = food.strip(" ,;:()-")
    if amount is not None and amount <= 0:
        raise AmountError("the amount must be positive")
    if amount is not None and not amount < 100_000:
        shown = f"{amount:g}" if math.isfinite(amount) else "given"
        raise AmountError(f"the amount {shown} is too large to be a portion")
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
    top, bottom = float(numerator), float(denominator)  # any length of digits: no int limit
    if not (math.isfinite(top) and math.isfinite(bottom) and math.isfinite(whole)):
        raise AmountError("a number in the fraction is too large to be a portion")
    if bottom == 0:
        raise AmountError(f"the fraction {numerator}/{denominator} divides by zero")
    return whole + top / bottom
