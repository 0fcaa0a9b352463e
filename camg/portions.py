"""Weigh an amount of a food: grams from mass, volume or a household measure.

Every weight comes from SR28's own household measures for the food (or from
exact mass units); when a food has no measure of the kind asked for, that is
an error that names the measures it does have.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from camg import foodtable, sr28, tables
from camg.amounts import number
from camg.matching import CATEGORY_HEADS
from camg.tables import Portion
from camg.text import singular, words
from camg.units import GRAMS_PER, HOUSEHOLD, ML_PER, Unit, canonical, measure_unit

# Words people use for a measure SR28 names otherwise: a piece of toast is a slice,
# a strip or rasher of bacon is a slice.
UNIT_STAND_INS = {
    "piece": ("slice", "item", "each"),
    "strip": ("slice",),
    "rasher": ("slice",),
    "slice": ("piece",),
    "floret": ("floweret", "flowerette"),
    "stick": ("stalk", "strip", "piece"),
    "tin": ("can",),
    "tub": ("container",),
    "filet": ("fillet",),
    "fillet": ("filet",),
}
# Sizes other than medium, which is what "one" means when no size is said.
SIZES = frozenset({"small", "large", "mini", "miniature", "jumbo", "extra", "snack", "fun"})
ANY_SIZE = SIZES | {"medium"}
# What "one" means when no unit is written, most telling first: a measure named
# like the food itself ("avocado", "egg") comes before all of these.
_COUNT_PREFERENCE = (
    "medium whole fruit each item unit piece large slice serving nlea cup oz"
).split()


# Measures a count of the food cannot mean: "half a pepper" is not half a dash of pepper.
_NOT_COUNTS = frozenset({*GRAMS_PER, "tsp", "tbsp", "dash", "pinch"})


# Words for one of the food itself, where SR28 has no measure of that name.
_ONE_OF_IT = frozenset({"piece", "item", "unit", "each", "whole"})
_SMALL_PIECE_GRAMS = 50.0


class PortionError(ValueError):
    """The food has no measure for what was written; the message lists what it has."""


class Weighed(NamedTuple):
    grams: float
    portion: str  # how the weight was found: "1 cup (244 g)", "30 g", "1 medium (118 g)"
    default: bool = False  # no amount was written: one default portion
    notes: tuple[str, ...] = ()
    borrowed: bool = False  # the measure is another form's of the same food


_NUMBERED = re.compile(r"(?<![\d.])\b(\d+)\s+([a-z]+)", re.IGNORECASE)
_COUNTS_HALVES = re.compile(r"\(\s*\d+\s+halves\b", re.IGNORECASE)
# "1 oz (18 kernels)", "1 cup (about 23 almonds)": SR28 states a count inside a measure.
_COUNT_INSIDE = re.compile(r"\((?:about|approx\.?|approximately)?\s*(\d+)\s+([a-z]+)", re.I)
# "serving 1 packet", "serving 2 crackers": a serving that is a count of something.
_SERVING_OF = re.compile(r"^serving\s+(\d+(?:\.\d+)?)\s+([a-z]+)", re.I)


def weigh(
    food_id: str,
    food_name: str,
    amount: float | None,
    unit: Unit | None,
    food_words: tuple[str, ...],
    default_measure: str | None = None,
    alias_words: tuple[str, ...] = (),
) -> Weighed:
    """Grams for `amount` `unit` of a food; `food_words` pick "cup, chopped" over "cup".

    `default_measure` is what "one" of the food means by the alias table, and
    `alias_words` the alias phrase that chose the food."""
    if unit is not None and unit.kind == "mass":
        grams = (amount or 1.0) * unit.grams
        return Weighed(grams, f"{amount or 1:g} {unit.name}")
    if unit is not None and unit.kind == "volume":
        try:
            return _by_volume(food_id, food_name, amount or 1.0, unit, food_words)
        except PortionError:
            return _borrowed(food_id, food_name, amount or 1.0, unit, food_words)
    if unit is not None and unit.name in ANY_SIZE:
        named = [w for w in food_words if w in HOUSEHOLD and w not in ANY_SIZE]
        if named:  # "2 large broccoli florets": florets, the large ones if SR28 says
            food_words = (*food_words, unit.name)
            unit = Unit(named[-1], "household")
    if unit is not None:
        portion = _household(food_id, unit.name, food_words)
        if portion is None and unit.name in ANY_SIZE:
            return _unsized(food_id, food_name, amount, unit.name, food_words)
        if portion is None and unit.name in _ONE_OF_IT:  # "ten pieces" of baby carrots
            whole = weigh(food_id, food_name, 1.0, None, food_words)
            if whole.grams <= _SMALL_PIECE_GRAMS:  # a piece of a cucumber is not a cucumber
                return weigh(food_id, food_name, amount or 1.0, None, food_words)
        if portion is None:
            return _borrowed(food_id, food_name, amount or 1.0, unit, food_words)
        return _sized(_times(portion, amount or 1.0), portion, food_words)
    head = tuple(words(food_name.split(",")[0]))
    if (
        amount is not None
        and "half" in food_words
        and not _named_by(tables.portions_of(food_id), ("half",))
        and not any(_COUNTS_HALVES.search(p.measure) for p in tables.portions_of(food_id))
    ):
        amount /= 2  # "6 apricot halves" are three apricots where SR28 has no half
    portion = _count_portion(
        food_id, food_words, default_measure, alias_words, head, counted=amount is not None
    )
    if portion is None:
        raise PortionError(
            f'no household measure for {food_name}; give an amount in grams, e.g. "100 g"'
        )
    if amount is None and measure_unit(portion.measure)[0] in GRAMS_PER:
        # No amount and a serving given by weight ("3 oz"): the serving as listed.
        return Weighed(portion.grams, f"{portion.label} ({portion.grams:g} g)", default=True)
    if amount is not None and measure_unit(portion.measure)[0] in ("dash", "pinch"):
        raise PortionError(f'a count of {food_name} has no weight; give grams, e.g. "100 g"')
    if amount is not None:  # "3 graham cracker squares" of "... or 2 squares ..."
        named = _named_count(food_id, food_words)
        if named is not None:
            return _by_the_piece(*named, amount)
    if amount is not None and _by_weight_or_volume(portion):
        counted = next((p for p in (portion, *tables.portions_of(food_id)) if _pieces(p)), None)
        if counted is not None:
            whole = bool(_COUNTS_HALVES.search(counted.measure)) and "half" not in food_words
            return _by_the_piece(counted, _pieces(counted) or 1, amount, whole)
        unit_name, qualifiers = measure_unit(portion.measure)
        serving = (
            unit_name in ("serving", "nlea")
            and amount >= 2
            and not set(qualifiers) & set(food_words)
        )
        if measure_unit(portion.measure)[0] in _NOT_COUNTS or serving:
            raise PortionError(
                f"no weight per piece for {food_name}; give grams, e.g. "
                f'"30 g {" ".join(food_words)}"'
            )
    _check_named_measure(food_id, food_name, food_words, portion)
    if measure_unit(portion.measure)[0] == "half" and "half" not in food_words:
        # "Three whole dried apricots" where SR28 weighs only a half: two halves each.
        whole = Portion(portion.seq, portion.amount / 2, "whole (two halves)", portion.grams)
        return _times(whole, amount or 1.0, default=amount is None)
    if amount is None:  # no amount: the measure as SR28 lists it ("0.2 block", "0.5 cup")
        return _times(portion, portion.amount, default=True)
    if amount != 1 and _bulk(portion) and not _drink(food_id, food_name):
        # "2 small chocolates" are no two cups of chocolate chips; "2 coffees" are two cups
        raise PortionError(
            f'no weight per piece for {food_name}; give grams, e.g. "30 g {" ".join(food_words)}"'
        )
    return _times(portion, amount)


def _named_count(food_id: str, food_words: tuple[str, ...]) -> tuple[Portion, int] | None:
    """A measure that names a count of the thing written: "1 large piece or 2 squares"."""
    for portion in tables.portions_of(food_id):
        for count, what in _NUMBERED.findall(portion.measure):
            if singular(what.lower()) in food_words and int(count) > 1:
                return portion, int(count)
    return None


def _by_the_piece(portion: Portion, count: int, amount: float, whole: bool = False) -> Weighed:
    """`amount` pieces, where `portion` holds `count` of them (two halves to a whole)."""
    each = portion.grams / count * (2 if whole else 1)
    return Weighed(amount * each, f"{amount:g} x 1/{count} of {portion.label} ({each:.3g} g each)")


def _check_named_measure(
    food_id: str, food_name: str, food_words: tuple[str, ...], portion: Portion
) -> None:
    """ "5 cucumber sticks" is not five cucumbers: a measure word the food lacks is an error."""
    unit, qualifiers = measure_unit(portion.measure)
    named = set(words(food_name)) | set(qualifiers) | {unit} | ANY_SIZE
    for word in food_words:
        stands_for = {word, *UNIT_STAND_INS.get(word, ())}
        if word in HOUSEHOLD and not stands_for & named:
            raise PortionError(_missing(word, food_id, food_name))


def _pieces(portion: Portion) -> int | None:
    """ "1 oz (18 kernels)": how many pieces SR28 counts in a measure, if it does; "1 cup
    (8 fl oz)" counts fluid ounces, not pieces."""
    found = _COUNT_INSIDE.search(portion.measure)
    if found is None or int(found.group(1)) < 2 or _is_unit(found.group(2)):
        return None
    return int(found.group(1))


def _is_unit(word: str) -> bool:
    return word.lower() in ("fl", "fluid") or canonical(word) is not None


def _sized(weighed: Weighed, portion: Portion, food_words: tuple[str, ...]) -> Weighed:
    """ "1 small slice" where SR28 gives one slice: that slice, and a note that the size
    was not used."""
    said = [word for word in food_words if word in SIZES or word == "medium"]
    unit, qualifiers = measure_unit(portion.measure)
    if not said or set(said) & {unit, *qualifiers}:
        return weighed
    note = f'no "{said[0]}" {unit} measure; took {portion.label}'
    return weighed._replace(notes=(*weighed.notes, note), borrowed=said[0] != "medium")


def _unsized(
    food_id: str, food_name: str, amount: float | None, size: str, food_words: tuple[str, ...]
) -> Weighed:
    """ "1 medium orange" where SR28 lists one size of fruit: that one, said in the notes;
    "5 mini carrots": the smallest size it lists."""
    head = tuple(words(food_name.split(",")[0]))
    if size == "mini":
        food_words = (*food_words, "small")
    portion = _count_portion(food_id, food_words, None, (), head, counted=True)
    unit = measure_unit(portion.measure)[0] if portion is not None else None
    if portion is None or unit in GRAMS_PER or (_bulk(portion) and not _drink(food_id, food_name)):
        raise PortionError(_missing(size, food_id, food_name))  # "2 small chocolates"
    found = _times(portion, amount or 1.0)
    note = f'no "{size}" measure; took {portion.label}'
    return found._replace(notes=(note,), borrowed=size != "medium")


def _borrowed(
    food_id: str, food_name: str, amount: float, unit: Unit, food_words: tuple[str, ...]
) -> Weighed:
    """A measure the food lacks, from the same food in another form ("a cup of baby carrots"
    from chopped raw carrots), said in the notes; else the error naming what it has. The
    other form must name what the log names ("coleslaw" is not "macaroni & cheese")."""
    from camg.matching import food_index  # the table's vocabulary: "yoghurt" is "yogurt"

    name_words = set(words(food_name))
    named = [
        meaning
        for word in food_words
        for meaning in food_index().meanings(word)
        if meaning in name_words
    ]
    noun = named[-1] if named else None
    for sibling_id, sibling_name in _siblings(food_id, food_name):
        if noun is None or noun not in words(sibling_name):
            continue
        try:
            if unit.kind == "volume":
                found = _by_volume(sibling_id, sibling_name, 1.0, unit, food_words)
            else:
                portion = _household(sibling_id, unit.name, food_words)
                if portion is None or measure_unit(portion.measure)[0] != unit.name:
                    continue  # only the measure itself, not a stand-in for it
                found = _times(portion, 1.0)
        except PortionError:
            continue
        note = f"the {unit.name} measure borrowed from {sibling_name} (#{sibling_id})"
        return Weighed(
            amount * found.grams, f"{amount:g} {unit.name} ({note})", False, (note,), True
        )
    raise PortionError(_missing(unit.name, food_id, food_name))


def _siblings(food_id: str, food_name: str) -> list[tuple[str, str]]:
    """Foods of the same head and group ("Carrots, raw" for "Carrots, baby, raw"), the
    closest in name first; "Seeds, chia seeds" is the head of a seed, not "Seeds"."""
    row = sr28.food_row(food_id)  # borrowing a sibling's measure is SR28's habit
    if row is None:
        return []
    head = _kind(food_name)
    mine = set(words(food_name))
    state = _state(food_name)
    others = [
        (other, name)
        for other, name, group in sr28.food_names()
        if group == row["group"]
        and other != food_id
        and _kind(name) == head
        and _state(name) == state  # a raw breast's slice is no slice of roast chicken
    ]
    return sorted(others, key=lambda found: -len(mine & set(words(found[1]))))


# Names whose first part is a kind, not a food: a pita is no cornbread, roast beef no liver.
_KINDS = frozenset("bread breads beef pork lamb veal crackers cookies cake rolls".split())


def _kind(name: str) -> str:
    """The food a measure may be borrowed within: "Carrots" of "Carrots, baby, raw", but
    "bread, pita" of "Bread, pita, white"."""
    head = _head(name)
    segments = [segment.strip().lower() for segment in name.split(",")]
    if head in _KINDS and len(segments) > 1:
        return f"{head}, {segments[1]}"
    return head


_RAW_NAME = re.compile(r"\braw\b|\bdry\b|uncooked|unprepared|\bpowder\b")


def _state(name: str) -> bool:
    """Raw (or dry, or a powder) as the table names it, or not: a drink made from a powder
    ("Cocoa mix, powder, prepared with water") is not the powder."""
    lowered = name.lower()
    return bool(_RAW_NAME.search(lowered)) and "prepared with" not in lowered


def has_measure(food_id: str, unit: str, food_words: tuple[str, ...]) -> bool:
    """Whether SR28 lists a measure of this name for the food ("slice", "packet")."""
    return _household(food_id, unit, food_words) is not None


def head_of(name: str) -> str:
    """The words that name the food: "Carrots" of "Carrots, baby, raw", and "Seeds, chia
    seeds" or "Beverages, almond milk" where the first segment is only a category."""
    return _head(name)


def _head(name: str) -> str:
    segments = [segment.strip().lower() for segment in name.split(",")]
    if len(segments) > 1 and set(words(segments[0])) <= CATEGORY_HEADS:
        return ", ".join(segments[:2])
    return segments[0]


def _times(portion: Portion, amount: float, default: bool = False) -> Weighed:
    grams = portion.unit_grams * amount
    return Weighed(grams, f"{amount:g} x {portion.measure} ({portion.unit_grams:g} g)", default)


def _by_volume(
    food_id: str, food_name: str, amount: float, unit: Unit, food_words: tuple[str, ...]
) -> Weighed:
    direct = _household(food_id, unit.name, food_words)
    if direct is not None:
        return _times(direct, amount)
    density = _density(food_id, food_words)
    if density is None:
        raise PortionError(_missing(unit.name, food_id, food_name))
    grams_per_ml, source = density
    grams = amount * unit.ml * grams_per_ml
    return Weighed(grams, f"{amount:g} {unit.name} (from {source})")


def _density(food_id: str, food_words: tuple[str, ...]) -> tuple[float, str] | None:
    """Grams per millilitre from the food's best volume measure."""
    volume = [p for p in tables.portions_of(food_id) if _millilitres(p.measure)]
    if not volume:
        return None
    best = _best(volume, food_words, food_id)
    grams_per_ml = best.unit_grams / _millilitres(best.measure)
    return grams_per_ml, f"1 {best.measure} = {best.unit_grams:g} g"


_STATED_VOLUME = re.compile(
    r"(\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?)\s*(cups?|tbsp|tsp|fl\.?\s*oz)\b"
)


def _millilitres(measure: str) -> float | None:
    """The volume of one of a measure: "cup" 236.6 ml; "serving 1/2 cup" 118.3 ml."""
    unit = measure_unit(measure)[0]
    if unit in ML_PER:
        return ML_PER[unit]
    stated = _STATED_VOLUME.search(measure)
    if stated is None:
        return None
    amount, spelled = stated.groups()
    name = "fl oz" if spelled.startswith("fl") else canonical(spelled)
    return number(amount) * ML_PER[name] if name in ML_PER else None


def _household(food_id: str, unit: str, food_words: tuple[str, ...]) -> Portion | None:
    """The food's measure for a unit: named by it ("slice"), else sized by it.

    SR28 writes sizes both ways: "medium (7\" long)" and "pita, large (6-1/2\" dia)".
    """
    portions = tables.portions_of(food_id)
    for name in (unit, *UNIT_STAND_INS.get(unit, ())):
        named = [p for p in portions if measure_unit(p.measure)[0] == name]
        if name != unit:  # a slice is no "piece (yield from 1 lb raw meat)": a whole roast
            named = [p for p in named if "yield" not in p.measure]
        if named:
            return _best(named, food_words, food_id)
    for portion in portions:  # "2 packets" of "serving 1 packet"
        serving = _SERVING_OF.match(portion.measure)
        if serving and singular(serving.group(2).lower()) == unit:
            per = float(serving.group(1))
            return Portion(portion.seq, portion.amount * per, f"{serving.group(2)}", portion.grams)
    if unit in HOUSEHOLD:  # "small box (1.5 oz)" is a box; "cup slices" is no slice
        boxed = [
            p
            for p in portions
            if measure_unit(p.measure)[0] in ANY_SIZE and unit in measure_unit(p.measure)[1][:1]
        ]
        if boxed:
            return _best(boxed, food_words, food_id)
    if unit not in ANY_SIZE:
        return None
    sized = [p for p in portions if unit in measure_unit(p.measure)[1]]
    return _best(sized, food_words, food_id) if sized else None


def _best(portions: list[Portion], food_words: tuple[str, ...], food_id: str) -> Portion:
    """Not one named after a brand, nor one without what the log's words say ("drumstick
    without skin"); the measure whose words the log's words echo ("chopped"), the food's own
    name aside ("cup cherry tomatoes" is no echo of "sliced tomato"); else not a packed cup,
    a medium one or one of no stated size, a whole one, the plainest."""
    said = {_stem(word) for word in food_words}
    wanted = said - _name_stems(food_id)

    def rank(portion: Portion) -> tuple[bool, bool, int, bool, bool, int, bool, bool, int, int]:
        unit, qualifiers = measure_unit(portion.measure)
        denied = [_stem(word) for before, word in pairwise(qualifiers) if before == "without"]
        other = bool(_OTHER_KINDS & {q.lower() for q in qualifiers})
        echoed = len(wanted & {_stem(word) for word in (unit, *qualifiers)})
        size = (
            0 if "medium" in qualifiers or not qualifiers else 2 if SIZES & set(qualifiers) else 1
        )
        packed = "packed" in qualifiers and "not" not in qualifiers and "pack" not in wanted
        branded = any(word[:1].isupper() for word in portion.measure.split()[1:])
        whole = "whole" in qualifiers
        odd = bool(_ODD_FORMS & set(qualifiers))  # a cup of melon balls is no everyday cup
        return (
            branded,
            bool(said & set(denied)),
            -echoed,
            packed,
            other,
            size,
            not whole,
            odd,
            len(qualifiers),
            portion.seq,
        )

    return min(portions, key=rank)


_ODD_FORMS = frozenset(("balls", "ball", "puree", "pureed", "mashed", "juice"))
# A measure of the food made into another one: "roll medium submarine, hoagie" is no
# bread roll, unless the log says so (then the measure echoes its words).
_OTHER_KINDS = frozenset(("submarine", "hoagie", "hamburger", "frankfurter", "hot", "sandwich"))


@lru_cache(maxsize=4096)
def _name_stems(food_id: str) -> frozenset[str]:
    values = tables.food_values(food_id)
    return frozenset(_stem(word) for word in words(values[0])) if values else frozenset()


def _stem(word: str) -> str:
    """ "sliced", "slices" and "slice" meet as "slic"; grated cheese is shredded."""
    stem = word[:4]
    return _SAME_CUT.get(stem, stem)


_SAME_CUT = {"grat": "shre", "minc": "chop"}


@lru_cache(maxsize=16384)
def _count_portion(
    food_id: str,
    food_words: tuple[str, ...],
    default_measure: str | None,
    alias_words: tuple[str, ...],
    name_head: tuple[str, ...],
    counted: bool,
) -> Portion | None:
    """What one of the food means when only a count (or nothing) is written.

    In order: a measure named by a word the food itself does not explain ("celery
    stalk"), a size said ("small fries"); the alias table's "one" ("a blueberry muffin"
    is a medium muffin) unless a count is written and that "one" is a serving by
    weight or volume, when a measure named after the food comes first ("10 almonds"
    are ten almonds, not ten ounces; "half an aubergine" is half an eggplant); then
    the plainest common measure.
    """
    portions = tables.portions_of(food_id)
    if not portions:
        return None
    extra = tuple(word for word in food_words if word not in alias_words)
    named = _named_by(portions, extra)
    sized = [p for p in portions if _size_of(p) in food_words]
    default = [p for p in portions if p.measure == default_measure]
    own = _named_by(portions, (*name_head, *food_words))
    if counted:  # "2 chunks of pineapple" are no two "cup, chunks", "2 sugar cubes" two cubes
        named = [p for p in named if _counts(p)]
        own = [p for p in own if _counts(p)]
    # A serving by weight or volume ("oz" of almonds) is not one of a count.
    countable = bool(default) and not _by_weight_or_volume(default[0])
    order = (default, own) if countable or not counted else (own, default)
    for choice in (named, sized, *order):
        if choice:
            return _best(choice, food_words, food_id)
    for preferred in _COUNT_PREFERENCE:
        matching = [p for p in portions if measure_unit(p.measure)[0] == preferred]
        if matching:
            return _best(matching, food_words, food_id)
    return portions[0]


def _bulk(portion: Portion) -> bool:
    """A volume ("cup chips") that is no serving: never one of a count."""
    unit, qualifiers = measure_unit(portion.measure)
    return unit in ML_PER and not {"serving", "nlea"} & {q.lower() for q in qualifiers}


def _drink(food_id: str, food_name: str) -> bool:
    """A drink or a soup: "2 coffees", "2 soups" are cups of them."""
    group = foodtable.group_of(food_id)
    return group == "Soups, Sauces, and Gravies" or sr28.is_drink(food_name, group)


def _counts(portion: Portion) -> bool:
    """A measure that is one of something: "cube", "serving 1 cube"; not "cup, chunks"."""
    return not _by_weight_or_volume(portion) or bool(_SERVING_OF.match(portion.measure))


def _by_weight_or_volume(portion: Portion) -> bool:
    unit = measure_unit(portion.measure)[0]
    return unit in GRAMS_PER or unit in ML_PER or unit in ("serving", "nlea")


def _size_of(portion: Portion) -> str | None:
    unit, qualifiers = measure_unit(portion.measure)
    for word in (unit, *qualifiers[:2]):
        if word in ANY_SIZE:
            return word
    return None


def _named_by(portions: tuple[Portion, ...], food_words: tuple[str, ...]) -> list[Portion]:
    """Measures named by a word of the phrase, the last such word first: in
    "roasted chicken thigh" the thigh, not the whole chicken; "sugar cubes"
    finds "serving 1 cube" too."""
    for word in reversed(food_words):
        names = (word, *UNIT_STAND_INS.get(word, ()))
        named = [p for p in portions if measure_unit(p.measure)[0] in names]
        if not named and word in HOUSEHOLD:
            named = [p for p in portions if word in measure_unit(p.measure)[1][:2]]
        if named and word not in SIZES:
            return named
    return []


def _missing(unit: str, food_id: str, food_name: str) -> str:
    measures = ", ".join(
        f"{p.amount:g} {p.measure} ({p.grams:g} g)" for p in tables.portions_of(food_id)[:8]
    )
    has = f"it has: {measures}" if measures else "SR28 lists no household measures for it"
    return f"no {unit} measure for {food_name}; {has}; give grams"


foodtable.when_changed(_count_portion.cache_clear)
