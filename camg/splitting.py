"""Cut a line that names several foods into its parts, as a person reads it.

"2 eggs scrambled, white toast with butter" is three foods; "Greek yogurt, 150 g",
"Oatmeal, one cup, prepared without salt" and "macaroni and cheese" are one. A
comma or a joining word ("and", "&", "+", "with") cuts only where each side is
a food by itself; describing parts (an amount, "prepared without salt") stay
with the food they describe. Whether a text is a food is asked of the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from camg.amounts import NUMBER_WORDS, AmountError, counts_pieces, split_item, strip_describing
from camg.estimates import names_a_filling
from camg.matching import BOILERPLATE, COOKING, FILLER, SOFT, VARIANTS
from camg.modifiers import CALCIUM_ADDED
from camg.text import COLOURS, key, words
from camg.units import HOUSEHOLD, VAGUE, canonical

# How a part joined the one before it, when that changes its default amount.
WITH = "with"
WITH_DRINK = "with-drink"  # "tea with milk": a splash, not a glass
WITH_CEREAL = "with-cereal"  # "bran flakes with milk": what a cereal pack pairs with it
# What fills a sandwich, or goes on bread ("pitta bread with ham, lettuce and cucumber").
FILLING = "filling"
ACCOMPANIES = frozenset({WITH, WITH_DRINK, WITH_CEREAL})
# Breads that take fillings.
BREADS = frozenset("bread roll bun bap bagel baguette toast tortilla wrap pitta pita".split())
_DRINKS = frozenset("tea coffee latte cappuccino espresso americano chai cocoa".split())
_CEREALS = frozenset(
    key(word)
    for word in (
        "cereal cornflakes flakes weetabix weet-bix weetbix muesli granola cheerios krispies "
        "shreddies bix shredded bran"
    ).split()
)
DESCRIBING = (
    COOKING
    | SOFT
    | VARIANTS
    | BOILERPLATE
    | FILLER
    | frozenset(
        (
            "without salt salted unsalted added prepared drained rinsed plain dry dried canned "
            "frozen tinned fresh hot cold iced warm whole skin skinless boneless unsweetened "
            "sweetened cup tbsp tsp oz g ml gram ounce tablespoon teaspoon one two three half "
            "quarter rolled instant old fashioned quick light dark ripe or about approx "
            "approximately roughly peel bone bones finally low fat free nonfat lowfat skim lite "
            "lower higher mixed topped served sprinkled drizzled garnished layered divided"
        ).split()
    )
)
# "yogurt mixed with blueberries", "salad topped with oil": a food and what goes with it.
_WITH_VERBS = (
    "mixed|topped|served|sprinkled|drizzled|garnished|layered|spread|filled|stuffed|cooked"
)
_JOINER = re.compile(
    rf"\s+(?:and\s+)?(?:{_WITH_VERBS})\s+(with)\s+|\s+(?!(?<=\bhalf\s)and\s+half\b)(and|with|plus|on|\+|&)\s+"
    r"|\s+(w/)\s*|\s*(&|\+)\s*"  # "half and half" is one cream
    r"|\s+(in)\s+(?=\d)"  # "30g oats in 200ml skimmed milk": two foods, each measured
    r"|\s+(?:rolled up|rolled|wrapped)\s+(in)\s+",  # "cheese rolled up in tortillas"
    re.IGNORECASE,
)
_AMOUNT_LED = re.compile(
    r"\s*(?:(?:about|approx\.?|approximately|~)\s*)?"
    r"(?:\d|[½⅓⅔¼¾⅛]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"half|a few|several|a couple)\b)",
    re.IGNORECASE,
)
# "tea with milk - 1 cup", "milk on cereal (100ml)": an amount at the end is the first food's.
_TRAILING_AMOUNT = re.compile(
    r"(?:\s+[-–—]\s+(?P<amount>\d[\d./ ]*\s*[A-Za-z]{0,12}\.?)"
    r"|\s*\((?P<bracketed>\d[\d./ ]*\s*[A-Za-z]{0,12}\.?)\))\s*$"
)
_BRACKET_AMOUNT = re.compile(r"\([^()]*\d[^()]*(?:g|ml|oz|cup)s?\b[^()]*\)", re.IGNORECASE)
_HAS_AMOUNT = re.compile(r"\d")
_EXCHANGE = re.compile(r"\d+(?:\.\d+)?\s*[A-Z]")


class Piece(NamedTuple):
    text: str  # as written, for the report
    read: str  # as resolved: an amount found later in the line is put first
    joined: str | None = None  # WITH or WITH_DRINK when it goes with the part before
    assumed: str | None = None  # what camg assumed to write `read` (an estimate), cited
    times: float = 1.0  # "2 ham sandwiches": the ham of each, twice


# Words that end the name of a dish: "olive and pepper pizza" is one pizza, not an olive.
DISHES = frozenset(
    (
        "cake pie pizza sandwich baguette wrap burrito taco curry stew soup lasagne lasagna "
        "casserole quiche tart pasty sub panini roll bake risotto omelet omelette kebab bar tagine"
    ).split()
)


def pieces(
    text: str,
    is_food: Callable[[str], bool],
    dish: Callable[[str], list[Piece] | None] = lambda text: None,
    in_sandwich: bool = False,
) -> list[Piece]:
    """The parts of a line, each a food with its describing words. A line that ends in a
    dish it does not name whole stays one piece, unless `dish` reads it as its parts (a
    sandwich as its fillings and bread); so does a comma-separated part. `in_sandwich`:
    the line is under a heading that names a sandwich."""
    listed = _NOT_HAD.sub(
        r", \g<denied>", _WHITE_DRINK.sub(_with_milk, _SALAD_OF.sub(_salad, text))
    )
    listed = _FORTIFIED_WITH.sub(r"\g<what>-fortified", listed)  # not "with" two foods
    if listed != text and listed.strip():  # "a salad of watercress, rocket and pear"
        return pieces(listed, is_food, dish, in_sandwich)
    repeated = _TIMES.search(text)
    if repeated is not None:  # "toast & marmite x2": the whole line, twice
        times = float(repeated.group(1))
        once = pieces(text[: repeated.start()], is_food, dish)
        return [piece._replace(times=piece.times * times) for piece in once]
    whole = is_food(text)
    parts = None if whole else dish(text)
    if parts:
        return parts
    choices = _choices(text)
    if choices is not None:
        return [choices]
    last = last_word(text)
    dish_alone = (
        last in DISHES
        and not whole
        and not is_food(_LAST_PART.split(text)[-1])
        and not _ON_BREAD.match(text.strip())  # "peanut butter on 2 rice cakes"
    )
    if dish_alone and not _listed_before(text):
        return [Piece(text, text)]  # "olive and pepper pizza": one dish, not an olive
    found = _on_bread(_cut(text, is_food, dish))
    return _milk_with_cereal(_chips_with_a_meal(_fillings_in_sandwich(found, in_sandwich)))


# Headings of food tables, before the food's name ("Cereal, shredded wheat"); "Cheese, ham,
# 2 crackers" lists three foods.
_TABLE_HEADINGS = frozenset("cereal cracker cookie nut fish bread bean snack candy".split())
# "Soy beverage, fortified with calcium": calcium-fortified, not a beverage with calcium.
_FORTIFIED_WITH = re.compile(r"\b(?:fortified|enriched) with (?P<what>calcium)\b", re.IGNORECASE)
# What "no" or "without" leaves the food still itself: "without salt", "no sugar added".
STILL_THE_FOOD_WORDS = frozenset("added fat salt skin seed bone peel".split())
STILL_THE_FOOD = (
    r"(?:sugar added|salt added|(?:" + "|".join(sorted(STILL_THE_FOOD_WORDS)) + r")s?)\b"
)
# "coffee with milk no sugar": what was not had, cut off the food it follows.
_NOT_HAD = re.compile(
    rf"(?<=[a-z])(?<!\bor)\s+(?P<denied>(?:no|without)\s+(?!{STILL_THE_FOOD})[a-z]+)\s*\.?\s*$",
    re.IGNORECASE,
)
# "a cup of white tea", "coffee, white no sugar": tea or coffee with milk, as in the UK
# and Ireland (SR28 has no white tea of the tea plant to mistake it for).
_WHITE_DRINK = re.compile(
    r"\bwhite\s+(?P<drink>tea|coffee)\b|"
    r"\b(?P<drink2>tea|coffee),?\s+white\b(?=\s*(?:$|[,;.)]|no\b|with\b|and\b|\d))",
    re.IGNORECASE,
)  # "tea, white toast" is tea and white toast


def _salad(found: re.Match[str]) -> str:
    """ "plus a salad of carrot, celery": the salad's words go, its foods stay; but "tuna
    salad made with mayo" names a tuna salad, whose name stays."""
    before = found.string[: found.start()].split()
    if before and before[-1].lower() not in _BEFORE_A_SALAD and before[-1][-1] not in ",;:(":
        return found.group(0)
    return ""


_BEFORE_A_SALAD = frozenset("plus and with had have ate made making up then also".split())


def _with_milk(found: re.Match[str]) -> str:
    return f"{found.group('drink') or found.group('drink2')} with a splash of milk"


# "a green salad made from lettuce, watercress and baby spinach": the salad is its list.
_SALAD_OF = re.compile(
    r"\b(?:an?\s+)?(?:(?:lovely|large|big|small|side|simple|quick|fresh|mixed|green|garden|"
    r"leafy|tossed|fruit)\s+){0,2}salad\s+(?:of|made\s+(?:from|with|up\s+of)|comprising|"
    r"consisting\s+of)\s*",
    re.IGNORECASE,
)
_OMELETTES = frozenset({"omelet", "omelette"})
_FILLING_OF = re.compile(r"\s*,\s*|\s+(?:and|&|\+)\s+|\s*&\s*", re.IGNORECASE)
_ONE = re.compile(r"^(?:(?:a|an|one|two|three|\d+)\s+)?", re.IGNORECASE)


def filled_omelette(text: str, fills: Callable[[str], bool]) -> list[Piece] | None:
    """ "a mushroom and ham omelette": the omelette (its count kept) and each food named
    before it, which goes with it; None unless `fills` says each of them fills one."""
    words_ = text.split()
    if len(words_) < 2 or last_word(text) not in _OMELETTES:
        return None
    lead = " ".join(words_[:-1])
    eggs = _EGGS.match(lead)  # "2-egg and semi-skimmed milk omelette": SR28's eggs of it
    found = eggs or _ONE.match(lead)
    count = found.group(0) if found else ""
    fillings = [part.strip() for part in _FILLING_OF.split(lead[len(count) :]) if part.strip()]
    if (fillings or not eggs) and not (fillings and all(fills(part) for part in fillings)):
        return None
    if eggs:
        dish = f"{eggs.group('eggs')}-egg {words_[-1]}"
        read = f"{eggs.group('eggs')} large {words_[-1]}"
    else:
        dish = read = f"{count}{words_[-1]}"
    return [*(Piece(part, part, _in_omelette(part)) for part in fillings), Piece(dish, read)]


def _in_omelette(filling: str) -> str:
    """Milk beaten into the eggs is a splash, as in a drink; any other filling goes with it."""
    return WITH_DRINK if last_word(filling) in ("milk", "cream") else WITH


_EGGS = re.compile(r"^(?P<eggs>\d|one|two|three|four)[- ]eggs?\b\s*(?:(?:and|&|\+)\s+)?", re.I)


# Describing words that open a comma's part before a joining word: "toasted with ...".
_LEADING_DESCRIPTION = re.compile(r"([a-z][a-z -]*?)\s+(with|and|in)\s+(?=\S)", re.IGNORECASE)


def _listed_before(text: str) -> bool:
    """ "1 glass of water, pepperoni and mushroom omelet": foods listed before the dish,
    one measured or named at length; "Artichoke, olive and pepper pizza" lists its
    toppings."""
    before = _top_level_commas(text)[:-1]
    return any(_AMOUNT_LED.match(chunk) or len(chunk.split()) > 2 for chunk in before)


# The last part of a list: "a bread roll" of "tomato soup and a bread roll".
_LAST_PART = re.compile(r"\s+(?:and|&|\+)\s+|\s*,\s*", re.IGNORECASE)


def _cut(
    text: str, is_food: Callable[[str], bool], dish: Callable[[str], list[Piece] | None]
) -> list[Piece]:
    """The comma-separated parts of a line, each cut at its joining words where that
    names foods."""
    found: list[Piece] = []
    for piece in _comma_pieces(text, is_food):
        piece = _without_joining_word(piece)
        lead = _LEADING_DESCRIPTION.match(piece.read) if found else None
        if lead is not None and _cooked(lead.group(1)) and is_food(piece.read[lead.end() :]):
            # "1 slice bread, toasted with 1 tbsp butter": "toasted" is the bread's
            said = lead.group(1)
            found[-1] = found[-1]._replace(
                text=f"{found[-1].text}, {said}", read=f"{found[-1].read}, {said}"
            )
            rest = piece.read[lead.end() :]
            piece = Piece(rest, rest, WITH if lead.group(2).lower() == "with" else None)
        food = is_food(piece.read)
        parts = None if food else dish(piece.read)
        if parts:
            found.extend(parts)
            continue
        mayo = [] if food else _mayo_pieces(piece, is_food) or _on_toast(piece, is_food)
        if mayo:  # "tuna mayo", "Vegemite toast", "peanut butter on 2 rice cakes"
            found.extend(mayo)
            continue
        named = piece.read.split(",")[0]  # "Bean and tomato dip, fat-free": the dip
        ends_in_dish = last_word(named) in DISHES
        if not food and ends_in_dish and (found or not is_food(_LAST_PART.split(named)[-1])):
            # "..., split pea and ham soup", "Bean and tomato dip, fat-free": one dish
            found.append(piece)
            continue
        read = strip_describing(piece.read)
        colours = None if food else _COLOURS_OF_ONE.fullmatch(read)
        if colours is not None:  # "Red and Green Cabbage": one food, the first colour noted
            found.append(piece._replace(read=_either_colour(colours)))
            continue
        joined = [] if food else _named_whole(_joined_pieces(read), read, is_food)
        seasoned = len(joined) > 2  # "with butter and salt", "with salt and pepper"
        describing = any(  # "baked w/ skin", "with salt"; but a list's salt is a seasoning
            _describes(part.read) and not (seasoned and key(part.read) in _SEASONINGS)
            for part in joined[1:]
        )
        changed = bool(joined) and [part.read for part in joined] != [piece.read]
        if changed and len(joined) > 1:  # "a jam sandwich with ...": the sandwich's parts
            joined = _dishes_read(joined, is_food, dish)
        if changed and not describing and any(is_food(part.read) for part in joined):
            found.extend(joined)
        else:
            found.append(piece)
    return found


# Seasonings a list adds to a food: "potato with butter and salt", "eggs with salt and pepper".
_SEASONINGS = frozenset(("salt", "pepper", "black pepper"))
_COLOUR = "|".join(sorted(COLOURS))
# Colours of one food: "braised red and green cabbage", "red, green and yellow peppers".
_COLOURS_OF_ONE = re.compile(
    rf"(?P<lead>(?:[^\s,]+\s+)*?)(?P<colours>(?:{_COLOUR})(?:\s*,?\s+(?:{_COLOUR}))*,?\s+"
    rf"(?:and|&|or|/)\s+(?:{_COLOUR}))\s+(?P<rest>(?!(?:and|with|or)\b)[a-z].*)",
    re.IGNORECASE,
)


def _either_colour(found: re.Match[str]) -> str:
    """ "red and green cabbage" read as "red cabbage or green cabbage": the first the table
    has is taken and the choice noted, the whole amount in its colour."""
    lead, rest = found.group("lead"), found.group("rest")
    colours = re.findall(_COLOUR, found.group("colours"), re.IGNORECASE)
    return " or ".join(f"{lead}{colour} {rest}" for colour in colours)


def _named_whole(parts: list[Piece], text: str, is_food: Callable[[str], bool]) -> list[Piece]:
    """ "1 1/2 c macaroni and cheese with sliced red onion": foods joined by "and" that name
    one food together stay one, whatever follows them after "with"."""
    merged: list[Piece] = []
    for part in parts:
        together = _and_joined(merged[-1], part, text) if merged and not part.joined else None
        flavour = (
            _FLAVOUR_OF_CRISPS.fullmatch(f"{merged[-1].read} and {part.read}") if merged else None
        )
        if together is not None and (is_food(together) or flavour):
            merged[-1] = merged[-1]._replace(text=together, read=together)
        else:
            merged.append(part)
    return merged


def _and_joined(first: Piece, second: Piece, text: str) -> str | None:
    """The text from `first` to `second` when only "and" or "&" stands between them."""
    start = text.find(first.text)
    end = text.find(second.text, start + len(first.text))
    if start < 0 or end < 0 or not _AND_BETWEEN.fullmatch(text[start + len(first.text) : end]):
        return None
    return text[start : end + len(second.text)]


# "salt and vinegar crisps", "cheese & onion crisps": one flavour of crisps.
_FLAVOUR_OF_CRISPS = re.compile(r"[a-z]+ and [a-z]+ crisps", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)


def _on_bread(found: list[Piece]) -> list[Piece]:
    """ "Pitta bread with cooked ham, lettuce and cucumber": what follows a bread's "with"
    fills it, however it is joined; and beans with toast or a jacket potato are baked."""
    if len(found) < 2 or found[1].joined not in (WITH, None):
        return found
    if (
        last_word(found[0].read) == "potato" and found[1].joined == WITH
    ):  # "jacket potato with beans"
        return [found[0], *(_baked(piece) for piece in found[1:])]
    if any(key(piece.read).endswith("toast") for piece in found):  # "beans on toast"
        found = [_baked(piece) for piece in found]
    at = next(  # "2 eggs scrambled, white toast with butter": the toast's butter
        (
            i
            for i, piece in enumerate(found[:-1])
            if last_word(piece.read) in BREADS and found[i + 1].joined == WITH
        ),
        None,
    )
    if at is None:
        return found
    return [*found[: at + 1], *(piece._replace(joined=FILLING) for piece in found[at + 1 :])]


# Words that name a sandwich ("Chicken and Avocado Roll", "Sandwich:"); a slice of bread
# or toast is also eaten beside other foods.
SANDWICHES = (BREADS - {"bread", "toast"}) | {"sandwich", "sub"}


def in_sandwich(label: str | None) -> bool:
    """Whether a heading ("Sandwich", "tuna wrap") names a sandwich."""
    return label is not None and last_word(label) in SANDWICHES


def _fillings_in_sandwich(found: list[Piece], in_sandwich: bool) -> list[Piece]:
    """ "Sandwich: 2 slices bread, 3 oz tuna, lettuce and tomato", "ham, lettuce and
    tomato roll": in a line that names a sandwich, a filling written without an amount
    fills it, however it is joined. After a sandwich read as its bread ("sandwich on whole
    grain bread, sliced tomato, lettuce"), the fillings listed next to it do; what comes
    "along with" it does not."""
    if len(found) < 2:
        return found
    if in_sandwich or any(last_word(piece.read) in SANDWICHES for piece in found):
        joins, after = (None, WITH), 0
    else:
        bread = next(
            (i for i, piece in enumerate(found) if last_word(piece.text) in SANDWICHES), None
        )
        if bread is None:
            return found
        joins, after = (None,), bread + 1
    return [
        piece._replace(joined=FILLING)
        if index >= after
        and piece.joined in joins
        and names_a_filling(piece.read)
        and not states_an_amount(piece.read)
        else piece
        for index, piece in enumerate(found)
    ]


def last_word(text: str) -> str:
    """The last word of a text, folded and singular: what kind of food it names. A remark in
    brackets after it describes it ("sandwich (whole grain bread)")."""
    text = _TRAILING_REMARK.sub("", text)
    return key(text).rsplit(" ", 1)[-1] if text.strip() else ""


_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def states_an_amount(text: str) -> bool:
    """A text with an amount of its own ("¼ of an avocado"); one whose amount cannot be
    read is taken as written, not as a plain food."""
    try:
        return split_item(text).amount is not None
    except AmountError:
        return True


# What chips are served with where "chips" are fries (UK, Ireland, Australia).
_WITH_CHIPS = frozenset(
    key(word)
    for word in (
        "fish cod haddock plaice scampi salmon steak egg eggs sausage sausages burger pie "
        "chicken gammon ham kebab nuggets gravy schnitzel curry"
    ).split()
)


def mayo_split(part: str) -> list[str]:
    """ "tuna mayo", "egg mayonnaise" (as British menus name a food mixed with mayonnaise)
    are the food and the mayonnaise; "reduced-fat mayo" is one mayonnaise."""
    pieces = [piece for piece in _MAYO.split(part) if piece]
    if len(pieces) == 2 and set(words(pieces[0])) <= DESCRIBING:
        return [part]
    return pieces


_MAYO = re.compile(r"\s+(?=(?:mayo|mayonnaise)$)", re.IGNORECASE)


def _mayo_pieces(piece: Piece, is_food: Callable[[str], bool]) -> list[Piece]:
    """A part that is a food and its mayonnaise, as two parts; else none."""
    parts = mayo_split(piece.read)
    if len(parts) != 2 or not all(is_food(part) for part in parts):
        return []
    food, mayo = parts
    return [Piece(food, food, piece.joined), Piece(mayo, mayo, WITH)]


_TOAST = re.compile(r"^(?P<spread>.+?)\s+(?P<on>on\s+)?(?P<toast>toast)$", re.IGNORECASE)
# What a food is spread on: "smashed avocado on sourdough", "peanut butter on 2 rice cakes".
_ON_BREAD = re.compile(
    r"^(?P<spread>.+?)\s+on\s+(?P<bread>.*\b(?:toast|bread|sourdough|rye|bagels?|crumpets?|"
    r"crackers?|rice cakes?|oatcakes?|crispbreads?|muffins?))$",
    re.IGNORECASE,
)


def _on_toast(piece: Piece, is_food: Callable[[str], bool]) -> list[Piece]:
    """ "Vegemite toast", "2 slices avocado toast", "beans on toast", "smashed avocado on
    sourdough": what is spread on toast or bread, as a filling, and the toast or bread
    (with the amount written before it); else none."""
    on_bread = _ON_BREAD.match(piece.read.strip())
    if on_bread is not None:  # "beans on toast", "2 eggs on toast": the spread's own amount
        spread, bread = on_bread.group("spread"), on_bread.group("bread")
        if not is_food(spread) or not is_food(bread):
            return []
        return [Piece(spread, spread, FILLING), Piece(bread, bread, piece.joined)]
    found = _TOAST.match(piece.read.strip())
    if found is None or found.group("on"):
        return []
    try:
        parts = split_item(found.group("spread"))
    except AmountError:
        return []
    spread = found.group("spread")
    at = spread.lower().rfind(parts.food.lower()) if parts.food else -1
    if at < 0 or spread[at + len(parts.food) :].strip() or not is_food(parts.food):
        return []  # "Vegemite on toast": joined by "on", read as any two foods
    toast = f"{spread[:at].strip()} toast".strip()
    return [Piece(parts.food, parts.food, FILLING), Piece(toast, toast, piece.joined)]


def _milk_with_cereal(found: list[Piece]) -> list[Piece]:
    """ "Granola, low fat greek yoghurt, semi skimmed milk": milk listed after a breakfast
    cereal, with no amount, is the cereal's milk, however it is joined."""
    cereal = next(
        (i for i, piece in enumerate(found) if set(key(piece.read).split()) & _CEREALS), None
    )
    if cereal is None:
        return found
    return [
        piece._replace(joined=WITH_CEREAL)
        if i > cereal and piece.joined is None and "milk" in key(piece.read).split()
        else piece
        for i, piece in enumerate(found)
    ]


def _chips_with_a_meal(found: list[Piece]) -> list[Piece]:
    """ "fish and chips", "egg and chips": chips served with a meal are fries, and said."""
    if len(found) < 2 or not any(key(piece.read) == "chips" for piece in found):
        return found
    if not served_with_chips(" ".join(piece.read for piece in found)):
        return found
    return [
        piece._replace(read="french fries", assumed=CHIPS_AS_FRIES)
        if key(piece.read) == "chips"
        else piece
        for piece in found
    ]


def served_with_chips(text: str) -> bool:
    """Whether a text names a meal that chips come with as fries: fish, a pie, a steak."""
    return bool(set(key(text).split()) & _WITH_CHIPS)


CHIPS_AS_FRIES = '"chips" with a meal read as fries, as in the UK, Ireland and Australia'


def _baked(piece: Piece) -> Piece:
    """ "beans" with toast or a jacket potato: baked beans, as people who eat them mean."""
    if key(piece.read) != "bean":
        return piece
    return piece._replace(read="baked beans")


def _dishes_read(
    joined: list[Piece],
    is_food: Callable[[str], bool],
    dish: Callable[[str], list[Piece] | None],
) -> list[Piece]:
    """Joined parts with each dish the table lacks read as its parts: "peanut butter and
    jam sandwich with a spread" is a sandwich of two fillings, then a spread."""
    found: list[Piece] = []
    for piece in joined:
        if is_food(piece.read):
            found.append(piece)
            continue
        mayo = _mayo_pieces(piece, is_food)
        if mayo:  # "jacket potato with tuna mayo"
            found.extend(mayo)
            continue
        first = len(found)  # the parts "and" joined to it are its fillings
        while first > 0 and found[first - 1].joined is None and piece.joined is None:
            first -= 1
        for start in range(first, len(found) + 1):
            whole = " and ".join(part.read for part in [*found[start:], piece])
            parts = dish(whole)
            if parts:
                found[start:] = parts
                break
        else:
            found.append(piece)
    return found


def _choices(text: str) -> Piece | None:
    """ "Black coffee, unsweetened tea, or water": one of a list, not all three; read as
    "black coffee or unsweetened tea or water", whose first food the table has is taken."""
    chunks = _top_level_commas(text)
    last = chunks[-1].lower() if chunks else ""
    if len(chunks) >= 3 and last.startswith("or "):
        options = [*chunks[:-1], chunks[-1][3:]]
    elif len(chunks) >= 2 and " or " in last and all(len(c.split()) <= 2 for c in chunks[:-1]):
        # "whey, soy, rice or egg protein powder": the powder of one of them
        options = [*chunks[:-1], *re.split(r"\s+or\s+", chunks[-1], flags=re.IGNORECASE)]
    else:
        return None
    if any(_AMOUNT_LED.match(option) for option in options[1:]):
        return None  # "1/2 cup, or about 8, raw baby carrots": amounts, not choices
    return Piece(text, " or ".join(option.strip() for option in options))


_TIMES = re.compile(r"\s+[x×]\s*(\d+)\s*$", re.IGNORECASE)
_LEADING_JOINER = re.compile(r"^(?:and|with|plus|on|&|\+)\s+(?=\S)", re.IGNORECASE)


def _without_joining_word(piece: Piece) -> Piece:
    """ "..., with two slices of toast", "..., and a glass of juice": the food after the word;
    "with" keeps what it says (what goes with a food weighs as a side)."""
    found = _LEADING_JOINER.match(piece.read)
    if found is None:
        return piece
    read = piece.read[found.end() :]
    joined = WITH if found.group(0).strip().lower() == "with" else piece.joined
    return Piece(read, read, joined)


def _comma_pieces(text: str, is_food: Callable[[str], bool]) -> list[Piece]:
    chunks = _leading_adjectives(_top_level_commas(text), is_food)
    amounts = sum(bool(re.search(r"\d", chunk)) for chunk in chunks[:-1])
    if (
        len(chunks) > 1
        and _AMOUNT_LED.match(chunks[-1])
        and _all_amount_or_unit(chunks[-1])
        and amounts <= 1
    ):
        # "Rice, brown, long-grained, cooked, 1/2 cup": an export's one food, amount last;
        # "2/3 cup chopped chicken, about 3 ounces": a second amount, as if in brackets.
        rest = ", ".join(chunks[:-1])
        if _AMOUNT_LED.match(rest):
            return [Piece(text, f"{rest} ({chunks[-1]})")]
        return [Piece(text, f"{chunks[-1]} {rest}")]
    heading = words(chunks[0]) if chunks else []
    if (
        len(chunks) > 2
        and len(heading) == 1
        and heading[0] in _TABLE_HEADINGS
        and not amounts
        and counts_pieces(chunks[-1])
    ):
        # "Cereal, shredded wheat, 2 rectangular biscuits": a table's food, by its pieces
        return [Piece(text, f"{', '.join(chunks[:-1])} ({chunks[-1]})")]
    if _BRACKET_AMOUNT.search(text) and amounts + bool(re.search(r"\d", chunks[-1])) <= 1:
        return [Piece(text, text)]  # "Edamame, shelled, cooked (1/2 cup = 78g)": one food
    merged: list[Piece] = []
    lead: list[str] = []  # "1/2 cup, or about 8, raw baby carrots": amounts before a food
    for chunk in chunks:
        if not merged and (_describes(chunk) or lead):
            if _describes(chunk):
                lead.append(chunk)
                continue
            merged.append(Piece(", ".join([*lead, chunk]), f"{lead[0]} {chunk}"))
            continue
        if not merged:
            merged.append(Piece(chunk, chunk))
            continue
        previous = merged[-1]
        joined = Piece(f"{previous.text}, {chunk}", _joined_read(previous.read, chunk))
        adjectives = Piece(joined.text, f"{previous.read} {chunk}")  # "1 soft, white roll"
        if _describes(chunk) or (not is_food(chunk) and is_food(joined.read)):
            merged[-1] = joined
        elif (
            _adjective(previous.read)
            and (not is_food(previous.read) or last_word(previous.read) in COLOURS)
            and (is_food(adjectives.read) or _COLOURS_OF_ONE.fullmatch(adjectives.read))
        ):
            merged[-1] = adjectives  # "1 soft, white roll", "2 cups Green, leafy salad"
        else:
            merged.append(Piece(chunk, chunk))
    return merged


def _leading_adjectives(chunks: list[str], is_food: Callable[[str], bool]) -> list[str]:
    """ "2 tablespoons toasted, unsalted walnut halves": an amount and describing words
    before a comma begin the food after it."""
    merged: list[str] = []
    for chunk in chunks:
        previous = merged[-1] if merged else ""
        if (
            previous
            and _AMOUNT_LED.match(previous)
            and (_describes(previous) or _amount_and_adjectives(previous))
            and any(not _amount_word(word) for word in key(previous).split())
            and not _AMOUNT_LED.match(chunk)
            and is_food(chunk)
        ):
            merged[-1] = f"{previous}, {chunk}"
            continue
        merged.append(chunk)
    return merged


def _cooked(chunk: str, words_: frozenset[str] = COOKING) -> bool:
    """ "toasted", "lightly scrambled": how a food was cooked, and nothing else ("salt"
    describes a food too, but is one)."""
    found = key(chunk).split()
    return bool(found) and any(word in words_ for word in found) and _describes(chunk)


# "made with", "topped with": how a dish was made, before what went into it.
_MADE = COOKING | frozenset("made served topped mixed".split())


def _amount_and_adjectives(chunk: str) -> bool:
    """ "2 cups Green", "200g plain": an amount and words that describe the food after the
    comma (a colour, "plain")."""
    return all(
        word in DESCRIBING or word in COLOURS or word.isdigit() or _NUMBER_AND_UNIT.fullmatch(word)
        for word in key(chunk).split()
    )


def _adjective(chunk: str) -> bool:
    """ "1 soft": an amount and a word, which describe the food after the comma."""
    found = [word for word in key(chunk).split() if not word.isdigit() and word not in NUMBER_WORDS]
    return len(found) == 1 and not _JOINER.search(chunk)


def _joined_read(before: str, chunk: str) -> str:
    """ "Oatmeal" + "one cup" reads as "one cup Oatmeal"."""
    if _AMOUNT_LED.match(chunk) and not _AMOUNT_LED.match(before) and _all_amount(chunk):
        return f"{chunk} {before}"
    return f"{before}, {chunk}"


def _all_amount_or_unit(chunk: str) -> bool:
    """ "1/2 cup", "ten pieces", "1 medium": an amount and the words of a measure, no food
    ("2 eggs" is a food of its own)."""
    words = [word for word in key(chunk).split() if not word.isdigit()]
    return len(chunk.split()) <= 4 and all(_measure_word(word) for word in words)


def _amount_word(word: str) -> bool:
    """A number or a unit: "2", "one", "tablespoon", "slice", "200g"."""
    return bool(
        word.isdigit()
        or word in NUMBER_WORDS
        or canonical(word)
        or word in HOUSEHOLD
        or _NUMBER_AND_UNIT.fullmatch(word)
    )


_NUMBER_AND_UNIT = re.compile(r"\d+(?:\.\d+)?(?:g|kg|ml|l|oz|lb)")


def _measure_word(word: str) -> bool:
    return bool(
        word in DESCRIBING
        or word in NUMBER_WORDS
        or canonical(word)
        or word in HOUSEHOLD
        or word in VAGUE
    )


def _all_amount(chunk: str) -> bool:
    return all(word in DESCRIBING or word.isdigit() for word in key(chunk).split())


def _describes(chunk: str) -> bool:
    """An amount or describing words only: "150 g", "one cup", "prepared without salt"."""
    if key(chunk) in _MEAT_OF_A_BIRD:
        return True
    if "half and half" in key(chunk):
        return False  # the cream, though its words are an amount's
    found = key(_DESCRIBING_PHRASES.sub(" ", chunk)).split()
    if any(_NUMBER_AND_UNIT.fullmatch(word) for word in found):  # "200g plain", not "4oz meat"
        found = [word for word in found if not _NUMBER_AND_UNIT.fullmatch(word)]
        if set(found) & _NAMED_IN_BOILERPLATE:
            return False
    return bool(found) and all(word in DESCRIBING or word.isdigit() for word in found)


# "Cereal, calcium fortified", "Bran cereal, ready to eat": what the food holds, or how it
# is sold, not a food of its own.
_DESCRIBING_PHRASES = re.compile(
    rf"\b(?:{CALCIUM_ADDED})\b|\bready[- ]to[- ](?:eat|serve|drink)\b"
    r"|\b(?:sugar|gluten|dairy|lactose)[- ]free\b|\bno sugar added\b",  # "sugar-free, low-fat"
    re.IGNORECASE,
)
# "chicken breast, white meat": which meat of the bird, not a food of its own.
_MEAT_OF_A_BIRD = frozenset({"white meat", "light meat", "dark meat"})
# Words of SR28's boilerplate that name a food in a log: "4oz meat", "500ml water".
_NAMED_IN_BOILERPLATE = frozenset("meat water seed kernel skin".split())


def _top_level_commas(text: str) -> list[str]:
    """Comma-separated chunks, not cutting inside brackets: "(packed in water, drained)"."""
    chunks, depth, start = [], 0, 0
    for position, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            chunks.append(text[start:position])
            start = position + 1
    chunks.append(text[start:])
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def _joined_pieces(text: str) -> list[Piece]:
    """ "jacket potato with beans and cheddar" -> potato, beans (with), cheddar (with)."""
    piece = Piece(text, text)
    tail = _TRAILING_AMOUNT.search(text)
    if tail is not None and _HAS_AMOUNT.search(text[: tail.start()].split(" with ")[0]):
        tail = None  # "porridge (110g) served with milk (50ml)": each has its own
    if tail is not None and _EXCHANGE.fullmatch(tail.group("amount") or tail.group("bracketed")):
        tail = None  # "(1 C)": a diabetic menu's exchange, not a cup
    if tail is not None:  # "Cup of tea with milk - 1 cup": the amount is the tea's
        text = text[: tail.start()]
    parts: list[str] = []
    joiners: list[str | None] = [None]
    start = counted = opened = 0  # brackets opened minus closed before `counted`
    for found in _JOINER.finditer(piece.read):
        before = piece.read[counted : found.start()]
        opened += before.count("(") - before.count(")")
        counted = found.start()
        if opened > 0:
            continue  # "(packed in water and drained)": inside brackets, no cut
        if found.group(5) and not _HAS_AMOUNT.search(piece.read[start : found.start()]):
            continue  # "peaches in 100ml juice": a packing, not a second food
        parts.append(piece.read[start : found.start()])
        word = next(group for group in found.groups() if group).lower()
        joiners.append(WITH if word in ("with", "w/") else None)
        start = found.end()
    parts.append(piece.read[start:])
    if tail is not None:
        parts[-1] = parts[-1][: tail.start() - start]
        parts[0] = f"{parts[0].strip()} ({tail.group('amount') or tail.group('bracketed')})"
    if len(parts) == 1 or not all(part.strip() for part in parts):
        return [piece]
    if _cooked(parts[0], _MADE):  # "steamed with tomatoes": the cooking, then the food
        parts, joiners = parts[1:], [None, *joiners[2:]]
    found = []
    accompanied: set[str] = set()  # the words of the food a "with" part goes with
    for part, joiner in zip(parts, joiners, strict=True):
        if joiner is not None and not (found and found[-1].joined):
            accompanied = set(key(found[-1].read if found else part).split())
        if joiner is not None or (found and found[-1].joined):
            joiner = (
                WITH_DRINK
                if accompanied & _DRINKS
                else WITH_CEREAL
                if accompanied & _CEREALS
                else WITH
            )
        found.append(_each(Piece(part.strip(), part.strip(), joiner), found))
    return found


_EACH = re.compile(r"\s+each$", re.IGNORECASE)


def _each(piece: Piece, before: list[Piece]) -> Piece:
    """ "Two slices toast with one pat butter each": a pat for each of the two slices."""
    if not before or not _EACH.search(piece.read):
        return piece
    try:
        count = split_item(before[0].read).amount
    except AmountError:
        count = None
    read = _EACH.sub("", piece.read)
    return piece._replace(read=read, times=count or 1.0)
