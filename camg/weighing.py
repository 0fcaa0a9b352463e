"""How much of the chosen food an item means: the amount stated, or one assumed from a
cited default (data/vague_amounts.csv, data/racc.csv) and said as an estimate.
"""

from __future__ import annotations

import re

from camg import estimates, foodtable, sr28, tables
from camg.amounts import VAGUE_SIZES, ItemParts
from camg.errors import ItemError, Kind
from camg.matching import COOKING, Match, food_index, other_state
from camg.portions import PortionError, Weighed, weigh
from camg.splitting import ACCOMPANIES, FILLING, WITH_CEREAL, WITH_DRINK
from camg.text import singular, words
from camg.units import IMPERIAL_ML, Unit, unit_of


def weigh_item(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], joined: str | None
) -> tuple[Weighed, str | None]:
    """Grams for the item, and what was assumed to get them (None: nothing)."""
    group = foodtable.group_of(match.food_id)
    if parts.unit is not None and parts.unit.kind == "vague":
        return _vague(match, parts, food_words, group)
    if parts.unit is not None and parts.unit.name == "oz" and sr28.is_drink(match.name, group):
        # Menus write "4 ounces orange juice" for fluid ounces.
        parts = parts._replace(unit=unit_of("fl oz"))
        fluid = f'fluid ounces: "oz" of a drink read as {parts.amount or 1:g} fl oz'
        weighed, estimate = weigh_item(match, parts, food_words, joined)
        return weighed._replace(notes=(fluid, *weighed.notes)), estimate
    if parts.unit is not None and parts.unit.name in _US_OR_IMPERIAL and _british(parts.food):
        return _imperial(match, parts, food_words, joined)
    if parts.unit is None and "yoghurt" in words(parts.food) and joined is None:
        # "a yoghurt": spelt as in the UK and Ireland, where one is a 125 g pot (safefood)
        return _vague(match, parts._replace(unit=Unit("pot", "vague")), food_words, group)
    if parts.amount is None and joined == FILLING:
        filled = _filling(match, food_words, group)
        if filled is not None:
            return filled
        # A filling the guide does not give: as the food alone, but no more than one
        # reference amount ("tuna" in a sandwich is no 165 g can).
        alone = weigh_item(match, parts, food_words, None)
        if alone[1] and _A_PLURAL in alone[1]:
            return alone  # "eggs on toast": two of them, the fewest a plural means
        reference = _reference_if_any(match, group, "no amount, a filling")
        return reference if reference and reference[0].grams < alone[0].grams else alone
    if parts.amount is None and joined in ACCOMPANIES:
        accompanied = _accompaniment(match, food_words, group, joined)
        if accompanied is not None:
            return accompanied
    default = match.measure or food_index().default_measures.get(match.food_id)
    if default == estimates.REFERENCE_AMOUNT and parts.unit is None:
        # "an omelette": SR28 weighs one by its eggs, so one reference amount of the dish
        said = "no amount" if parts.amount is None else f"{parts.amount:g} of no size"
        return _reference(match, group, parts.amount or 1.0, said)
    alias_words = tuple(match.alias.split()) if match.alias else ()
    sized = _of_stated_size(match, parts)
    if sized is not None:  # "8-inch flour tortilla": SR28's tortilla "(approx 7-8" dia)"
        return sized, None
    try:
        weighed = weigh(
            match.food_id, match.name, parts.amount, parts.unit, food_words, default, alias_words
        )
    except PortionError:
        if parts.amount is None and parts.unit is None:  # "cereal bar": no measure at all
            return _reference(match, group, 1.0, "no amount and no SR28 measure")
        if parts.unit is None and not tables.portions_of(match.food_id):
            # "a cereal bar" of a food SR28 lists no measure of: one reference amount each
            return _reference(match, group, parts.amount or 1.0, "a count, no SR28 measure")
        counted = _counted_by_a_measure(match, parts, group)
        if counted is not None:  # "two sugars": two small spoons of it
            return counted
        if parts.estimate and parts.estimate.startswith(('"a few"', '"several"')):
            # "a few squares of chocolate": a measure SR28 lacks, of a vague count
            return _reference(match, group, 1.0, f"{parts.estimate}, of no SR28 measure")
        # "a slice of melon", "three sticks of celery": a measure SR28 lacks, sized by a
        # published portion guide where one is kept.
        unit = parts.unit.name if parts.unit else None
        if unit is None or (
            estimates.vague_default(unit, match.name, group) is None and unit not in _LOOSE
        ):
            raise
        return _vague(match, parts._replace(unit=Unit(unit, "vague")), food_words, group)
    estimate = parts.estimate
    if weighed.default:
        reference = _reference_instead(match, weighed, group)
        if reference is not None:  # "syrup" with no amount is not a cup of syrup
            return reference
        several = _several_default(match, weighed, group, parts.food)
        if several is not None:  # "strawberries" with no amount are more than one
            return several
        estimate = f"no amount given: {weighed.portion}, the food's own SR28 measure"
    elif weighed.borrowed:
        estimate = weighed.notes[0] if weighed.notes else estimate
    state = _state_unsaid(match, parts, food_words, group)
    if state is not None:
        estimate = f"{estimate}; {state}" if estimate else state
    if parts.unit is not None and parts.unit.name in _US_OR_IMPERIAL:
        unit = parts.unit.name
        us = (
            f"a {unit} read as the US {unit} (NIST Handbook 44); an imperial {unit} is a fifth "
            "larger: write millilitres if yours was one"
        )
        estimate = f"{estimate}; {us}" if estimate else us
    return weighed, estimate


def _state_unsaid(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], group: str
) -> str | None:
    """ "Kale 1/2 cup", "1 cup broccoli": a vegetable by the cup, raw or cooked unsaid,
    where a cup of it in the other state weighs far more or less (greens wilt): taken as
    SR28's default or the alias table's choice, and said."""
    if parts.unit is None or parts.unit.kind != "volume" or group != _VEGETABLES:
        return None
    said = {word for phrase in food_words for word in words(phrase)}
    if said & (COOKING | _STATES):
        return None
    raw = "raw" in words(match.name)
    taken, other_word = ("raw", "cooked") if raw else ("cooked", "raw")
    other = other_state(match, raw)
    if other is None:
        return None
    try:
        one = weigh(match.food_id, match.name, 1.0, parts.unit, food_words)
        then = weigh(other.id, other.name, 1.0, parts.unit, food_words)
    except PortionError:
        return None
    if max(one.grams, then.grams) < _WILTS * min(one.grams, then.grams):
        return None
    return (
        f"raw or cooked not said: taken {taken} ({one.portion}); {other_word} it weighs "
        f'{then.grams:g} g by the same measure, so write "{other_word}" if it was'
    )


_VEGETABLES = "Vegetables and Vegetable Products"
_STATES = frozenset({"raw", "fresh", "uncooked", "frozen", "canned", "tinned"})
# How much more a cup of the food in one state must weigh for the state to matter.
_WILTS = 1.5


def _british(food: str) -> bool:
    """Words of the UK and Ireland beside a pint: "skimmed milk", "bitter", "a pint of tea"."""
    return bool(_BRITISH & set(food.lower().replace("-", " ").split()))


# Words that place a pint in the UK or Ireland: their milks, beers and tea.
_BRITISH = frozenset(
    "skimmed semi bitter lager ale stout guinness cider shandy tea porridge squash".split()
)


def _imperial(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], joined: str | None
) -> tuple[Weighed, str | None]:
    """A pint (quart, gallon) of a line in British words: the imperial measure."""
    unit = parts.unit.name if parts.unit else "pint"
    millilitres = (parts.amount or 1.0) * IMPERIAL_ML[unit]
    as_ml = parts._replace(amount=millilitres, unit=unit_of("ml"))
    weighed, estimate = weigh_item(match, as_ml, food_words, joined)
    said = (
        f"a {unit} read as the imperial {unit} ({IMPERIAL_ML[unit]:g} mL, UK Weights and "
        f"Measures Act 1985), as the line's British words say; a US {unit} is a sixth smaller"
    )
    return weighed, f"{estimate}; {said}" if estimate else said


def _of_stated_size(match: Match, parts: ItemParts) -> Weighed | None:
    """A count of a food whose size is stated in inches, by the SR28 measure of that size
    ("a 4-inch chocolate chip cookie" is SR28's "cookie, big (3-1/2" - 4" dia)"); None
    where the food has no measure of the size."""
    if parts.inches is None or parts.unit is not None:
        return None
    for portion in tables.portions_of(match.food_id):
        sizes = [_inch_figure(figure) for figure in _INCH_FIGURE.findall(portion.measure)]
        if sizes and min(sizes) - 0.25 <= parts.inches <= max(sizes) + 0.25:
            count = parts.amount or 1.0
            grams = count * portion.grams / portion.amount
            return Weighed(grams, f"{count:g} x {portion.measure} ({portion.grams:g} g)")
    return None


# The inch figures of an SR28 measure: 6" in "tortilla medium (approx 6" dia)", 3-1/2" and 4"
# in "cookie, big (3-1/2" - 4" dia)", 7 and 8 in "(approx 7-8" dia)".
_INCH_FIGURE = re.compile(r"(\d+(?:-\d+/\d+)?)(?=(?:-\d+(?:-\d+/\d+)?)?\s*\")|(?<=-)(\d+)(?=\")")


def _inch_figure(found: tuple[str, str]) -> float:
    text = found[0] or found[1]
    whole, _, fraction = text.partition("-")
    if not fraction:
        return float(whole)
    top, bottom = fraction.split("/")
    return float(whole) + float(top) / float(bottom)


def _counted_by_a_measure(match: Match, parts: ItemParts, group: str) -> tuple[Weighed, str] | None:
    """ "one sugar", "2 sugars": a food English counts by a measure, as a dictionary says
    (data/vague_amounts.csv), where SR28 has no piece of it."""
    if parts.unit is not None or parts.amount is None or not parts.food.split():
        return None
    word = singular(parts.food.split()[-1].lower().strip(".,;:!?"))  # "one sugar."
    default = estimates.vague_default(word, match.name, group)
    if default is None or default.unit == "racc":
        return None
    amount = parts.amount * default.amount
    weighed = weigh(match.food_id, match.name, amount, unit_of(default.unit), ())
    said = f'{parts.amount:g} "{word}" taken as {amount:g} {default.unit}'
    return weighed, f"{said} ({estimates.cite(default.source)})"


# Household words that are vague when the food has no measure of that name: "a scoop of
# ice cream", "a slice of chicken" are estimates, never refusals.
_LOOSE = frozenset(("scoop", "slice", "bottle", "carton", "punnet"))
# Measures whose US and imperial sizes differ by a fifth (data/reference.csv).
_US_OR_IMPERIAL = frozenset(("pint", "quart", "gallon"))


_BULK = re.compile(r"\bx (?:cup|tbsp|tsp|oz|fl oz|quart|pint)\b")


def _reference_instead(match: Match, weighed: Weighed, group: str) -> tuple[Weighed, str] | None:
    """One reference amount instead of a default measure that weighs more than twice it:
    SR28's "1 cup" of syrup or of grated cheese is not what "syrup" alone means, nor its
    whole avocado or fennel bulb what "avocado" on toast means ("an avocado" is one). Nor
    is one thin slice what "toast" or "bread" alone means: less than half a reference
    amount of bread is one ("a slice of toast" is one slice)."""
    bread = _bread(match, group)
    if not (bread or _BULK.search(weighed.portion) or group in _PRODUCE):
        return None  # a count ("1 fillet", "1 medium") of the rest is what "one" of it means
    reference = _reference_if_any(match, group, "no amount")
    if reference is None:
        return None
    if bread and reference[0].grams > 2 * weighed.grams:
        return reference
    return reference if weighed.grams > 2 * reference[0].grams else None


def _bread(match: Match, group: str) -> bool:
    """A bread or roll, whose reference amount is 50 g (21 CFR 101.12)."""
    found = estimates.reference_for(match.name, group)
    return found is not None and found.category == "bread and rolls"


def _several_default(
    match: Match, weighed: Weighed, group: str, food: str
) -> tuple[Weighed, str] | None:
    """ "strawberries" with no amount: one reference amount, not one berry; "eggs": two of
    them, the fewest a plural means, where one weighs about a reference amount."""
    last = food.split()[-1].lower() if food.split() else ""
    if not last.endswith("s") or singular(last) == last or _BULK.search(weighed.portion):
        return None
    reference = _reference_if_any(match, group, "no amount, several")
    if reference and weighed.grams * 3 < reference[0].grams:
        return reference
    if (
        reference is None
        or weighed.grams > reference[0].grams
        or not weighed.portion.startswith("1 x ")
    ):
        return None  # "potatoes": one is a serving already; "almonds": an ounce of them
    portion = re.sub(r"^1 x ", "", weighed.portion)
    two = weighed._replace(grams=2 * weighed.grams, portion=f"2 x {portion}")
    return two, f"no amount given, {_A_PLURAL}: 2 x {portion}, the fewest a plural means"


_A_PLURAL = "a plural"
_PRODUCE = frozenset({"Fruits and Fruit Juices", _VEGETABLES})


def _reference_if_any(match: Match, group: str, said: str) -> tuple[Weighed, str] | None:
    """One reference amount of the food, or None where none is cited or it cannot be weighed."""
    try:
        return _reference(match, group, 1.0, said)
    except (ItemError, PortionError):
        return None


def _vague(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], group: str
) -> tuple[Weighed, str]:
    """ "a handful of almonds": the cited default for the word, as an estimate."""
    word = parts.unit.name if parts.unit else ""
    default = estimates.vague_default(word, match.name, group)
    size, _, bare = word.partition(" ")
    if bare and size in VAGUE_SIZES and default is None:
        # "a large handful of raisins": no cited size of it, so a handful, and said
        weighed, said = _vague(match, parts._replace(unit=Unit(bare, "vague")), food_words, group)
        note = f'"{size}": no cited size for a {word} of this food; weighed as a {bare}'
        return weighed._replace(notes=(*weighed.notes, note)), said
    if default is None and word == "heaped tablespoon":
        level = parts._replace(unit=unit_of("tbsp"))
        weighed = weigh(match.food_id, match.name, parts.amount, level.unit, food_words)
        note = '"heaped": no cited size for this food; weighed as a level tablespoon'
        return weighed._replace(notes=(note,), borrowed=True), None
    count = parts.amount or 1.0
    if default is None:
        own = _own_measure(match, word, count, food_words)
        if own is not None:  # "a pinch of salt": SR28's own pinch or dash
            return own
        if word in _TINY:  # "a smidgen of butter": a teaspoon at most
            try:
                spoon = weigh(match.food_id, match.name, count, unit_of("tsp"), food_words)
            except PortionError:
                spoon = None
            if spoon is not None:
                return spoon, f'"{word}" taken as at most {spoon.portion} (no published size)'
        # No published size for this word and food ("a dollop of pickle"): one reference
        # amount, an eating occasion of the food, as "a mug" and "a bowl" are read.
        return _reference(match, group, count, f'"{word}" (no published size for it)')
    if default.unit == "racc":
        return _reference(match, group, count * default.amount, f'"{word}"')
    unit = unit_of(default.unit)
    weighed = weigh(match.food_id, match.name, count * default.amount, unit, food_words)
    said = f"{count:g} {word}" if count != 1 else f"a {word}"
    amount = f"{count * default.amount:g} {default.unit}"
    return weighed, f"{said} taken as {amount} ({estimates.cite(default.source)})"


# Words for a little of a food, never a portion of it.
_TINY = frozenset(
    "pinch dash smidgen splash sprinkle drizzle dab touch hint little scrape bit drop".split()
)


def _own_measure(
    match: Match, word: str, count: float, food_words: tuple[str, ...]
) -> tuple[Weighed, str] | None:
    try:
        weighed = weigh(match.food_id, match.name, count, Unit(word, "household"), food_words)
    except PortionError:
        return None
    if weighed.borrowed:
        return None
    return weighed, f'"{word}" taken as the food\'s own SR28 measure, {weighed.portion}'


# The cited default for what goes with a drink or a cereal, and how it is said.
_ACCOMPANYING = {
    WITH_DRINK: ("splash", '"a splash"'),
    WITH_CEREAL: ("cereal milk", "milk with a breakfast cereal"),
}


def _accompaniment(
    match: Match, food_words: tuple[str, ...], group: str, joined: str
) -> tuple[Weighed, str] | None:
    """ "tea with milk", "bran flakes with milk", "toast with butter": no amount for what
    goes with a food; a splash of a drink's milk, a cereal's milk as its pack pairs them,
    else one reference amount, as an estimate."""
    word, said = _ACCOMPANYING.get(joined, (None, ""))
    default = estimates.vague_default(word, match.name, group) if word else None
    if default is not None:
        weighed = weigh(
            match.food_id, match.name, default.amount, unit_of(default.unit), food_words
        )
        cited = estimates.cite(default.source)
        return weighed, f"no amount: {said}, {default.amount:g} {default.unit} ({cited})"
    return _reference_if_any(match, group, "no amount")  # else the food's own measure


def _filling(match: Match, food_words: tuple[str, ...], group: str) -> tuple[Weighed, str] | None:
    """ "ham" in a sandwich: the cited amount of that filling for one sandwich."""
    filling = estimates.filling_for(" ".join(food_words), group)
    if filling is None:
        return None
    unit = unit_of(filling.unit)
    said = (*food_words, *filling.measure_words)
    try:
        weighed = weigh(match.food_id, match.name, filling.amount, unit, said)
    except PortionError:
        return None  # no such measure of this food: weighed as any food without an amount
    amount = f"{filling.amount:g} {filling.unit}"
    cited = estimates.cite(filling.source)
    return weighed, f"{filling.name} in a sandwich or on bread: {amount} ({cited})"


def _reference(match: Match, group: str, count: float, said: str) -> tuple[Weighed, str]:
    reference = estimates.reference_for(match.name, group)
    if reference is None:
        raise ItemError(
            f"{said}: no reference amount is cited for {match.name}; give grams",
            Kind.BAD_AMOUNT,
        )
    weighed = weigh(
        match.food_id, match.name, count * reference.amount, unit_of(reference.unit), ()
    )
    return weighed, (
        f"{said} taken as {count * reference.amount:g} {reference.unit}, the reference amount "
        f"for {reference.category} ({estimates.cite(reference.source)})"
    )
