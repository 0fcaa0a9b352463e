"""Which food a log item names: as written, then with words relaxed step by step, and
always honouring the words that change calcium or magnesium (camg.modifiers).

Every relaxation is said: words set aside become the entry's notes, and words no food
explained make it approximate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from camg import foodtable, modifiers, sr28, tables
from camg.amounts import ItemParts
from camg.errors import ItemError, Kind
from camg.matching import (
    BOILERPLATE,
    VARIANTS,
    Match,
    brand_words,
    brands,
    food_index,
    never_unsaid,
    other_state,
)
from camg.portions import ANY_SIZE, has_measure, head_of
from camg.splitting import DESCRIBING, DISHES, SANDWICHES, STILL_THE_FOOD_WORDS, last_word
from camg.text import COLOURS, key, singular, words
from camg.units import HOUSEHOLD, VAGUE, Unit


def find_food(parts: ItemParts) -> tuple[Match, list[str], ItemParts]:
    """The food an item names, honouring its modifiers; notes on how it was found; and the
    item as read (an example or an alternative may stand for its words)."""
    parts = _wine_by_its_colour(parts)
    _check_pin(parts.food)
    _check_a_food(parts.food)
    hint = dish_hint(parts.food)
    if hint is not None:
        # "sausage roll", "Milo": a dish SR28 lacks whose words name another food
        raise ItemError(f'unknown food "{shortened(parts.food)}": {hint}', Kind.UNKNOWN_FOOD)
    parts = _named_by_its_size(_named_with_measure_word(parts))
    parts, notes = _such_as(parts)
    match, found_notes, parts = _food_or_alternative(parts)
    match = _explained(_home_made(_unsalted(_honoured(match, parts), parts), parts))
    match, measured = _with_measure(match, parts)
    taken = [*_brand_taken(match, parts), *_stood_in(match)]
    return match, [*notes, *found_notes, *taken, *measured], parts


def _with_measure(match: Match, parts: ItemParts) -> tuple[Match, list[str]]:
    """ "a slice of chicken", "2 large broccoli florets": a cut the chosen meat or vegetable
    has no measure of picks, among the foods the same words name, the first that has it and
    honours every word that changes calcium or magnesium; else the food as chosen."""
    if parts.unit is None or parts.unit.kind != "household" or match.alias is None:
        return match, []
    if foodtable.group_of(match.food_id) not in _CUT_GROUPS:
        return match, []  # "a slice of cake" is no reason to take a fruitcake
    said = words(f"{parts.food} {parts.remarks}")
    measure = parts.unit.name
    if measure in ANY_SIZE:  # "2 large broccoli florets": the florets are the measure
        measure = next((word for word in said if word in _CUTS), measure)
    if measure not in _CUTS:
        return match, []  # "a piece", "a serving": no cut that a form of the food is sold in
    if has_measure(match.food_id, measure, tuple(said)):
        return match, []
    head = set(words(head_of(match.name)))
    text = f"{parts.food} {parts.remarks}"
    cut = _CUT_NAMES.get(measure, measure)  # SR28 names a food cut so: "sliced"
    for candidate in food_index().rank(f"{parts.food} {cut}", limit=40):
        group = foodtable.group_of(candidate.food_id)
        if not group or not head <= set(words(candidate.name)):
            continue
        if modifiers.unhonoured(text, candidate.name, group):
            continue
        if has_measure(candidate.food_id, measure, tuple(said)):
            return candidate, [f'took {candidate.name}: it has a "{measure}" measure']
    return match, []


# Cuts that a form of a food is sold or served in ("sliced" deli meats, florets), how SR28
# names a food so cut, and the groups whose foods are.
_CUTS = frozenset("slice floret rasher strip stick wedge spear ring link".split())
_CUT_NAMES = {"slice": "sliced", "floret": "flower clusters"}
_MEATS = frozenset(
    {
        "Poultry Products",
        "Beef Products",
        "Pork Products",
        "Lamb, Veal, and Game Products",
        "Sausages and Luncheon Meats",
    }
)
_CUT_GROUPS = _MEATS | {"Vegetables and Vegetable Products"}


def _brand_taken(match: Match, parts: ItemParts) -> list[str]:
    """ "wholegrain cereal" found as KASHI's flakes: a brand the log did not name stands in
    for a generic food, so the entry is approximate and says so. The alias table's choices
    ("cornflakes") are the meaning of their words, and a brand named is a brand meant."""
    row = sr28.food_row(match.food_id) if match.alias is None else None
    if row is None:
        return []
    brand = set(words(" ".join([row["manufacturer"], *brand_words(row["name"])])))
    if not brand or brand & set(words(f"{parts.food} {parts.remarks}")):
        return []
    return [f'took a branded food for "{parts.food}": no generic food in the table fits it']


def _stood_in(match: Match) -> list[str]:
    """ "cereal" read as Kellogg's Corn Flakes: an alias that stands in for a kind of food
    SR28 has only by brand (data/stand_ins.csv) makes the entry approximate, and says so."""
    why = _stand_ins().get(match.alias or "")
    return [f'"{match.alias}" read as {match.name}, {STOOD_IN} {why}'] if why else []


# What the note of a stand-in says (a note that quotes the words makes the entry approximate).
STOOD_IN = "standing in:"


@cache
def _stand_ins() -> dict[str, str]:
    return {row["alias"]: row["why"] for row in tables.read_rows("stand_ins.csv")}


def _check_a_food(food: str) -> None:
    """ "red", "meat", "bowl": words a ranking would match to some food ("Pigeon peas (red
    gram)", bear meat, a rice bowl) that name no food by themselves (data/not_foods.csv)."""
    named = key(food)
    if named in COLOURS:  # "red" of "red, green and yellow peppers"
        hint = "a colour, not a food; name the food it describes"
    else:
        hint = _not_foods().get(named)
    if hint is not None and foodtable.named(food) is None:
        raise ItemError(f'unknown food "{food}": {hint}', Kind.UNKNOWN_FOOD)


@cache
def _not_foods() -> dict[str, str]:
    return {row["word"]: row["hint"] for row in tables.read_rows("not_foods.csv")}


def _check_pin(food: str) -> None:
    """ "#my:oat-milk" names one food of a source: never read as words when it is none."""
    pin = food.strip()
    if pin.startswith("#") and ":" in pin and foodtable.named(pin) is None:
        raise ItemError(
            f'no food with id "{pin[1:]}": give the foods or recipes file that defines it '
            "(--foods, --recipes), or find ids with: camg foods search WORDS",
            Kind.UNKNOWN_FOOD,
        )


def _named_with_measure_word(parts: ItemParts) -> ItemParts:
    """Your own food or recipe named around a measure word. "half the granola bowl": a
    word read as a measure ends its name, and the amount counts servings; "1 batch chili":
    a measure of it before its name is that measure."""
    unit = parts.unit
    if unit is not None and (unit.kind not in ("household", "vague") or _mine(parts.food)):
        return parts
    text = parts.food if unit is None else f"{parts.food} {unit.name}"
    if _mine(text):
        return parts._replace(food=text, unit=None)
    first, _, rest = text.partition(" ")
    rest = rest.removeprefix("of ").strip()
    mine = _mine(rest) if rest else None
    measure = singular(first.lower())
    if mine is not None and measure in {singular(p.measure) for p in foodtable.portions_of(mine)}:
        return parts._replace(food=rest, unit=Unit(measure, "household"))
    return parts


def _wine_by_its_colour(parts: ItemParts) -> ItemParts:
    """ "a glass of red", "a bottle of white": wine named by its colour alone."""
    unit = parts.unit.name if parts.unit else None
    colour = key(parts.food)
    if unit in _WINE_MEASURES and colour in _WINE_COLOURS:
        return parts._replace(food=f"{colour} wine")
    return parts


_WINE_MEASURES = frozenset(("glass", "bottle", "large glass", "small glass"))
_WINE_COLOURS = frozenset(("red", "white", "rose"))  # "rosé" too: `key` folds accents


def _named_by_its_size(parts: ItemParts) -> ItemParts:
    """ "5 mini carrots": a size word read as the measure that names a food with it (a
    mini carrot is a baby carrot)."""
    if parts.unit is None or parts.unit.name not in ANY_SIZE:
        return parts
    named = f"{parts.unit.name} {parts.food}"
    return parts._replace(food=named, unit=None) if key(named) in food_index().aliases else parts


def _mine(text: str) -> str | None:
    return foodtable.named(text)


def _explained(match: Match) -> Match:
    """Words set aside that the chosen food's name says after all ("calcium-fortified soy
    milk" is "Soymilk, ..., with added calcium") are not unused."""
    if not match.ignored:
        return match
    name = set(words(match.name))
    classes = _classes(match.name)
    left = [
        word
        for word in match.ignored.split(", ")
        if not (set(words(word)) <= name or _word_class(word) in classes)
    ]
    return match._replace(ignored=", ".join(left) or None)


# "jam or preserves", "White/Whole Wheat Bread": alternatives, the first the table has.
_ALTERNATIVE = re.compile(r"\s+or\s+|(?<=[A-Za-z])/(?=[A-Za-z])", re.IGNORECASE)
_JOINED = re.compile(r"\s(?:and|with|&|\+)\s", re.IGNORECASE)
_SUCH_AS = re.compile(r"\s*,?\s+(?:such as|e\.g\.?|eg|like)\s+(.+)$", re.IGNORECASE)


def _such_as(parts: ItemParts) -> tuple[ItemParts, list[str]]:
    """ "hard cheese such as cheddar or edam": the example names the food."""
    found = _SUCH_AS.search(parts.food)
    if found is None:
        return parts, []
    example = found.group(1).strip(" ,")
    note = f'took the example "{example}" for "{parts.food[: found.start()].strip()}"'
    return parts._replace(food=example), [note]


def _food_or_alternative(parts: ItemParts) -> tuple[Match, list[str], ItemParts]:
    """The food, or the first of "jam or preserves" that the table has, noted."""
    segments = parts.food.split(",")
    at = next((i for i, seg in enumerate(segments) if _ALTERNATIVE.search(seg)), None)
    if at is None or _JOINED.search(parts.food):  # "juice and pretzels or crackers"
        return (*_find_food(parts), parts)
    if len(segments) > 1:  # "Soymilk, plain or vanilla": each option in its place
        options = _ALTERNATIVE.split(segments[at])
        for option in options:
            whole = _modifier_of(option, options[-1])
            candidate = parts._replace(
                food=",".join([*segments[:at], f" {whole}", *segments[at + 1 :]])
            )
            try:
                match, notes = _find_food(candidate)
            except ItemError:
                continue
            return (
                match,
                [f'took "{option.strip()}" of "{segments[at].strip()}"', *notes],
                candidate,
            )
        raise ItemError(_unknown(parts.food), Kind.UNKNOWN_FOOD)
    alternatives = _ALTERNATIVE.split(parts.food)
    last = alternatives[-1].split()
    rough: tuple[Match, list[str], ItemParts] | None = None
    for number, alternative in enumerate(alternatives):
        # "green or black tea": the shared last word belongs to every alternative.
        # "unsweetened hot or iced tea": hot tea; but "water or diet soda": water by itself.
        shared = number < len(alternatives) - 1 and len(last) > 1 and not _everyday(alternative)
        kind = _flavoured_kind(alternative, parts.food) if number < len(alternatives) - 1 else None
        if kind is None and number < len(alternatives) - 1 and len(last) == 2:
            # "almond or soy milk": almond milk, a food by both words, not almonds
            kind = last[-1] if _named_by_both(alternative, last[-1]) else None
        if kind is not None:  # "grape or strawberry jam/preserves": grape jam
            candidate = parts._replace(food=f"{alternative} {kind}")
        else:
            candidate = parts._replace(food=f"{alternative} {last[-1]}" if shared else alternative)
        if key(candidate.food) in _not_foods():
            continue  # "daughter or dog": a dog is no corn dog
        try:
            match, notes = _find_food(candidate)
        except ItemError:
            continue
        found = (match, [f'took "{candidate.food}" of "{parts.food}"', *notes], candidate)
        if not (match.ignored or match.read_as):
            return found
        rough = rough or found  # "Guardian or high fibre cereal": the one read whole first
    if rough is not None:
        return rough
    raise ItemError(
        f'none of "{parts.food}" is a known food; write the one you had', Kind.UNKNOWN_FOOD
    )


def _modifier_of(option: str, last: str) -> str:
    """ "fat-free or light fruit yogurt": "fat-free" modifies the food the last option
    names ("fat-free fruit yogurt"); an option that names a food stands as written."""
    said = words(option)
    if not said or any(word not in _MODIFYING for word in said):
        return option.strip()
    tokens = last.split()
    start = next(
        (i for i, token in enumerate(tokens) if not set(words(token)) <= _MODIFYING), len(tokens)
    )
    return " ".join([option.strip(), *tokens[start:]])


# Words that only modify a food: "fat-free", "light", "low-fat", "iced".
_MODIFYING = VARIANTS | frozenset("fat nonfat skim whole hot iced cold".split())


# Foods named by their flavour: "grape or strawberry jam" is grape jam, not grapes.
_FLAVOURED = frozenset(
    "jam jelly preserve juice yogurt yoghurt sauce soup muffin pie smoothie".split()
)
# The groups of a food that flavours another: a fruit, a vegetable, a nut, a spice.
_FLAVOURS = frozenset(
    (
        "Fruits and Fruit Juices",
        "Vegetables and Vegetable Products",
        "Nut and Seed Products",
        "Spices and Herbs",
    )
)


def _flavoured_kind(alternative: str, food: str) -> str | None:
    """ "grape" of "grape or strawberry jam": the kind of food the alternatives flavour,
    when the alternative is a fruit (vegetable, nut, spice) by itself."""
    kinds = [word for word in words(food) if word in _FLAVOURED]
    if not kinds or len(alternative.split()) != 1 or not _everyday(alternative):
        return None
    match = food_index().resolve(alternative)
    return kinds[0] if match and foodtable.group_of(match.food_id) in _FLAVOURS else None


# Words of a generic name that an everyday name in brackets may stand for.
_GENERIC_NAMES = frozenset(("beverage", "drink", "product", "alternative"))


def _named_in_brackets(parts: ItemParts) -> tuple[Match, list[str]] | None:
    """ "Soy beverage (soy milk), unsweetened": the everyday name in brackets stands for the
    first words, and the words after the comma still describe it."""
    first = parts.food.split(",")[0].strip()
    if not _everyday(parts.remarks) or last_word(first) not in _GENERIC_NAMES:
        return None  # "cheese biscuits (Cheddars)": a brand of biscuit, not cheddar cheese
    described = ", ".join([parts.remarks, *parts.food.split(",")[1:]])
    match = _match(described)
    if match is None or match.ignored:
        return None
    return match, [f'read "{parts.food.split(",")[0].strip()}" as "{parts.remarks}"']


def _named_by_both(alternative: str, kind: str) -> bool:
    """ "almond" and "milk": a food whose name holds both, read with every word."""
    if " " in alternative.strip():
        return False
    match = food_index().resolve(f"{alternative} {kind}")
    if match is None or match.ignored or match.read_as:
        return False
    named = {singular(word) for word in words(match.name)}
    said = {singular(word) for word in words(f"{alternative} {kind}")}
    return said <= named


def _everyday(word: str) -> bool:
    """A word the alias table knows as a food by itself ("water", "apple")."""
    match = food_index().resolve(word)
    return match is not None and match.alias is not None and not match.ignored


def _find_food(parts: ItemParts) -> tuple[Match, list[str]]:
    """The food for the words: as written (with the bracketed remarks when they help),
    else with words relaxed in steps, each relaxation said in the notes."""
    if parts.remarks and not _NEGATION.search(parts.remarks):
        match = _match(f"{parts.food} {parts.remarks}")
        if match is not None and not match.ignored:
            return match, []
        renamed = _named_in_brackets(parts)
        if renamed is not None:
            return renamed
    tried: set[str] = set()
    for phrase, dropped, guessing in _relaxations(parts):
        if not phrase or phrase in tried:
            continue
        tried.add(phrase)
        match = _match(phrase)
        if match is None or (guessing and match.alias is None):
            continue  # without its unknown words ("Heritage Flakes"), only an everyday food
        if _another_kind(parts.food, match):
            continue  # "malt loaf" is no malt drink, whatever else the table lacks
        if any(_AN_AMOUNT.match(word) for word in dropped):
            continue  # "3oz bread, 4oz meat": a second amount is a second food, never unused
        if _negation_dropped(parts.food, phrase, match.ignored):
            continue  # "unsalted" is "without salt": never salt
        if _denied_named(parts.food, match.name):
            continue  # "pasta with no sauce" is no "Pasta with tomato sauce, no meat"
        match, unused = _explaining(match, parts.food, dropped)
        neutral = [word for word in unused if NEUTRAL.fullmatch(word)]
        unexplained = [word for word in unused if word not in neutral]
        if unexplained:  # said as the words no food explained, like the head-noun fallback's
            match = match._replace(ignored=", ".join(filter(None, [*unexplained, match.ignored])))
        return _found(match, neutral, parts)
    raise ItemError(_unknown(parts.food), Kind.UNKNOWN_FOOD)


_AN_AMOUNT = re.compile(r"\d+(?:[.,/]\d+)?\s*(?:g|kg|ml|l|oz|lb|lbs|gr)$", re.IGNORECASE)
# Nouns that say what kind of food a phrase names ("ginger chocolate bar" is a bar).
_KINDS = (
    DISHES
    | SANDWICHES
    | frozenset("loaf dip breast biscuit cracker cookie muffin sausage spread juice cereal".split())
)


def _negation_dropped(food: str, phrase: str, ignored: str | None) -> bool:
    """Whether a reading keeps a word the food's words deny but drops the denial: "without
    salt" read as salt, "no sugar" as sugar."""
    kept = set(phrase.lower().split()) - set((ignored or "").lower().split(", "))
    return any(
        denial not in kept and word in kept for denial, word in _denials(food.lower().split())
    )


_DENIALS = frozenset({"without", "no", "not", "minus"})


def _denials(said: list[str]) -> Iterator[tuple[str, str]]:
    """Each denial and the word it denies: "no sugar"; "with or without marmite" denies
    nothing."""
    for before, denial, word in zip(["", *said], said, said[1:], strict=False):
        if denial in _DENIALS and before != "or":
            yield denial, word


def _denied_named(food: str, name: str) -> bool:
    """Whether the food's name has a food the line denies ("no sauce"), unless the name
    denies it too ("without salt"). What leaves a food itself ("without skin") is for the
    modifiers and SR28's own names to judge."""
    denied = {word for _, word in _denials(words(food)) if word not in STILL_THE_FOOD_WORDS}
    if not denied:
        return False
    named = words(name)
    return bool(denied & (set(named) - {word for _, word in _denials(named)}))


def _another_kind(food: str, match: Match) -> bool:
    """The food chosen is not the kind of food the words end in, by its name or its
    measures ("a chocolate bar" has a "1 bar" measure): "slice of malt loaf" as a malt
    drink, "ginger and dark chocolate bar" as ginger root."""
    said = [word for word in words(food) if word in _KINDS or word not in DESCRIBING]
    if not said or said[-1] not in _KINDS:
        return False
    if said[-1] in SANDWICHES and foodtable.group_of(match.food_id) in _MEATS:
        return True  # "ham roll": a roll with ham, not SR28's ham and cheese loaf or roll
    named = {*words(match.name), *words(match.alias or "")}
    named.update(
        word for portion in tables.portions_of(match.food_id) for word in words(portion.measure)
    )
    return not any(word in named for word in food_index().meanings(said[-1]))


def _found(match: Match, neutral: list[str], parts: ItemParts) -> tuple[Match, list[str]]:
    notes = [f'"{", ".join(neutral)}" not used to choose the food'] if neutral else []
    if parts.remarks and not _honours(match.name, parts.remarks):
        notes.append(f'remarks "({parts.remarks})" not used to choose the food')
    return match, notes


def _relaxations(parts: ItemParts) -> Iterator[tuple[str, list[str], bool]]:
    """The phrase as written; without words of preparation; without words of fat level,
    fortification and sweetening (honoured later if a food has them); without words no
    food knows; and, last, the bracketed remarks alone ("Soy beverage (soy milk)")."""
    food = _REPEATED.sub(r"\1", parts.food)  # "milk milk milk" is milk
    plain, neutral = _without(NEUTRAL, food)
    relaxed, modifiers_ = _without(RELAXABLE, plain)
    known = [w for w in relaxed.split() if all(food_index().knows(k) for k in words(w))]
    unknown = [w for w in relaxed.split() if w not in known]
    if relaxed.split() and relaxed.split()[-1] in unknown:
        known = []  # "Coconut LaCroix": the unknown last word is what was had
    nouns = [w for w in known if not set(words(w)) <= DESCRIBING]
    measured = [w for w in relaxed.split() if key(w) not in MEASURE_WORDS]
    yield food, [], False
    yield plain, neutral, False
    yield relaxed, neutral + modifiers_, False
    # "95 g can tuna in oil": the words of a measure, said as unused
    yield " ".join(measured), neutral + modifiers_ + _measure_words(relaxed), False
    yield " ".join(known), neutral + modifiers_ + unknown, bool(unknown)
    if parts.remarks and not _NEGATION.search(parts.remarks):
        yield parts.remarks, [food], True
    branded = [w for w in relaxed.split() if set(words(w)) <= brands()]
    if branded:  # "Heinz baked beans": a brand the table has no such food of
        rest = " ".join(w for w in relaxed.split() if w not in branded)
        yield rest, neutral + modifiers_ + branded, True
    named = set(nouns)
    described = [w for w in known if w not in named]
    yield " ".join(nouns), neutral + modifiers_ + unknown + described, bool(unknown)


_REPEATED = re.compile(r"\b(\w+)(?:\s+\1\b)+", re.IGNORECASE)
# Words of a measure left among the food's words: "95 g can tuna", "Packet of popcorn".
MEASURE_WORDS = HOUSEHOLD | VAGUE | frozenset({"of"})
# "(hold the lemon!)", "(no sugar)": a remark that names what was not eaten.
_NEGATION = re.compile(r"\b(?:hold|no|not|without|minus|except|skip)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|without)\s+[\w-]+(?:\s+in\s+[\w-]+)?", re.IGNORECASE)


def _measure_words(text: str) -> list[str]:
    return [word for word in text.split() if key(word) in MEASURE_WORDS and key(word) != "of"]


def _without(pattern: re.Pattern[str], text: str) -> tuple[str, list[str]]:
    dropped = [found.group(0).strip() for found in pattern.finditer(text)]
    return " ".join(pattern.sub(" ", text).split()).strip(" ,"), dropped


def _explaining(match: Match, phrase: str, dropped: list[str]) -> tuple[Match, list[str]]:
    """Among foods like the match, one whose name says the dropped words ("fat-free
    mayonnaise" is "Salad dressing, ... Fat Free Mayonnaise"); and what stays unsaid."""
    wanted = [word for word in dropped if RELAXABLE.fullmatch(word)]
    if not wanted:
        return match, dropped
    named = set(words(match.name))
    kept = named & set(words(phrase))  # "caesar dressing": a caesar one, not a french one
    classes = {_word_class(word) for word in wanted}
    for candidate in [match, *food_index().rank(phrase, limit=40)]:
        found = set(words(candidate.name))
        extra = found - named - set(words(phrase)) - _CLASS_WORDS - BOILERPLATE
        if kept <= found and not extra and classes <= _classes(candidate.name):
            return candidate._replace(read_as=match.read_as, ignored=match.ignored), [
                word for word in dropped if word not in wanted
            ]
    return match, dropped


# Words that set a variant of a food rather than name it: relaxed when nothing matches.
RELAXABLE = re.compile(
    r"\b(?:(?:low|reduced|non|no)[- ]?fat|fat[- ]?free|nonfat|light|lite|trans[- ]?free|"
    r"(?:calcium[- ])?(?:fortified|enriched)|unsweetened|sweetened|whole[- ]?grain|wholemeal|"
    r"reduced[- ]calorie|diet|calcium[- ]set|nigari[- ]set|sugar[- ]free|no sugar added)\b",
    re.IGNORECASE,
)
_CLASSES = (
    ("nonfat", re.compile(r"non[- ]?fat|fat[- ]?free|\bskim|\b0%")),
    ("light", re.compile(r"\blight\b|\blite\b")),
    ("lowfat", re.compile(r"low[- ]?fat|reduced[- ]fat|\b[12]%|reduced")),
    ("fortified", re.compile(r"(?<!not )fortified|added calcium|with calcium|enriched")),
    ("unsweetened", re.compile(r"unsweetened|no sugar")),
    ("sweetened", re.compile(r"(?<!un)sweetened")),
    ("wholegrain", re.compile(r"whole[- ]?(?:grain|wheat|meal)|multi-?grain")),
    ("transfree", re.compile(r"trans[- ]?free|\b0 ?g trans|without trans")),
    ("diet", re.compile(r"\bdiet\b|reduced[- ]calorie|low calorie")),
    ("calcium-set", re.compile(r"calcium sulfate|nigari|magnesium chloride")),
)


# Words a variant's name may add: "Milk, nonfat, fluid, with added vitamin A".
_CLASS_WORDS = frozenset(
    (
        "nonfat non fat free low lowfat reduced light lite skim fortified added calcium with "
        "enriched unsweetened sweetened no sugar whole grain wheat multigrain trans diet calorie "
        "vitamin a d"
    ).split()
)


def _word_class(word: str) -> str:
    folded = word.lower()
    if "set" in folded:
        return "calcium-set"
    return next((name for name, pattern in _CLASSES if pattern.search(folded)), folded)


def _classes(name: str) -> set[str]:
    folded = name.lower()
    return {label for label, pattern in _CLASSES if pattern.search(folded)}


# Words that describe how a food was made without changing its calcium or magnesium.
NEUTRAL = re.compile(
    r"\b(?:(?:prepared |cooked )?(?:without|with|no)[- ](?:added[- ])?salt(?:[- ]added)?|unsalted|"
    r"salted|"
    r"(?:prepared |made )?(?:with|w/) water|prepared|plain|fresh|organic|all[- ]natural|"
    r"salt[- ]reduced|reduced[- ]salt|live|heart[- ]healthy|"
    r"home-?made|"
    r"cut (?:up )?(?:in|into) \w+|for (?:the )?\w+(?: and \w+)?$|"
    r"(?:equivalent to|about the size of|the size of)\b.*$|to taste|to go|to make\b.*$|"
    r"soft|crusty|fine[- ]ground|finely|stuffed|melted|divided|warm|hot|cold|iced|"
    r"(?:smeared|dolloped|spooned|scattered|piled|poured|stirred)(?: (?:on|over|through|in|into)"
    r"\b.*)?$|"
    r"no[- ]added[- ]sugar|no sugar added|(?:low|reduced|less)[- ]sugar|"
    r"(?:low|reduced|less)[- ](?:sodium|salt)|caffeine[- ]free|decaf(?:feinated)?|"
    r"flavou?red|frozen|"
    r"(?:which|that)\s+(?:is|was|are|were)\b.*$)\b|\b100%",
    re.IGNORECASE,
)


def _honours(name: str, remarks: str) -> bool:
    """The food's name already says what the bracket says ("packed in water, drained")."""
    said = set(words(name))
    return all(word in said or word in DESCRIBING for word in words(remarks))


# Words that name a kind of dish or drink, not a food: alone, only the alias table decides.
_GENERIC = frozenset("drink drinks juice soup sauce salad cake snack meal food dish mix".split())


def _match(phrase: str) -> Match | None:
    index = food_index()
    if phrase.strip().lower() in _GENERIC:
        found = index.resolve(phrase)
        if found is not None and foodtable.is_user_food(found.food_id):
            return found  # your own food named "soup" is what "soup" means
        return found if found is not None and found.alias is not None else None
    head, _, last = phrase.rpartition(" ")
    kind = sr28.KIND_WORDS.get(key(last)) if head else None
    if kind is not None:  # "bran flakes cereal": an everyday name, and the kind it is
        named = index.resolve(head)
        if named is not None and named.alias and foodtable.group_of(named.food_id) == kind:
            return named
    match = index.resolve(phrase)
    if match is None and head and key(last) in HOUSEHOLD:
        # "celery stalk", "cod fillet": a trailing household word names the measure.
        match = index.resolve(head)
    return match


def _honoured(match: Match, parts: ItemParts) -> Match:
    """The food itself when it honours every word that changes Ca or Mg ("fortified",
    "skim", "dry"); else the best food that does; else the line is refused."""
    said = f"{parts.food} {_NEGATED.sub(' ', parts.remarks)}"  # "(not fried)" is no frying
    group = foodtable.group_of(match.food_id)
    in_a_can = parts.unit is not None and parts.unit.name in _CANS
    if (in_a_can or _A_CAN.match(parts.food)) and group in _CANNED_GROUPS:
        said = f"{said} canned"  # "1 can mandarin oranges": canned ones, not fresh
    missing = modifiers.unhonoured(said, match.name, group)
    if not missing:
        return match
    other = _in_the_state_said(match, said, missing)
    if other is not None:  # "sauteed kale": SR28's kale boiled, beside its raw kale
        return other
    head = set(words(head_of(match.name)))  # "almond milk" of "Beverages, almond milk"
    named = head | (set(words(match.name)) & set(words(said)))  # and what the log named
    unsaid = {word for word in head if not food_index().said(word, said)}
    if unsaid and named - unsaid:  # "chocolate" of a chocolate almond milk nobody named
        named -= unsaid
    named -= VARIANTS  # "fortified" is for the modifiers to judge, not for the name to say
    named -= set(words(" ".join(missing)))  # "whole-wheat" bagel: a whole grain one will do
    honouring = []
    said_words = {meaning for word in words(said) for meaning in food_index().meanings(word)}
    for candidate in food_index().rank(said, limit=40):
        candidate_group = foodtable.group_of(candidate.food_id)
        if not candidate_group or not named <= set(words(candidate.name)):
            continue
        if never_unsaid(candidate.name, said_words) and not never_unsaid(match.name, said_words):
            continue  # "broiled grapefruit" is no grapefruit juice with added calcium
        if not modifiers.unhonoured(said, candidate.name, candidate_group):
            honouring.append(candidate)
    if honouring:  # the one most like the food the words first matched ("toasted" kept)
        like = set(words(match.name)) - BOILERPLATE - _SALT_WORDS  # what kind of food
        best = max(
            honouring,
            key=lambda found: (
                len(like & set(words(found.name))),
                foodtable.group_of(found.food_id) == group,  # no potato pancake for pancakes
                modifiers.says_state(said, found.name),  # "roasted": cooked, not pickled
            ),
        )
        return best._replace(read_as=match.read_as, ignored=match.ignored)
    words_ = ", ".join(f'"{word}"' for word in dict.fromkeys(missing))
    raise ItemError(
        f"no food in the table is {parts.food} that honours {words_} "
        f"(the nearest, {match.name}, does not); pin a food by id "
        f'(see "camg foods search {parts.food}") or give its values in your own foods file',
        Kind.NOT_HONOURED,
    )


# A can of fruit, vegetables, beans or fish holds the canned food ("a can of coke" is a
# drink, whatever holds it).
_CANS = frozenset(("can", "tin"))
_A_CAN = re.compile(r"(?:cans?|tins?)\b(?:\s+of)?\s+\S", re.IGNORECASE)  # "10.5 oz can X"
# SR28's words of salt, which say nothing of what kind of food it is.
_SALT_WORDS = frozenset(("salt", "without", "no"))
_CANNED_GROUPS = frozenset(
    (
        "Fruits and Fruit Juices",
        "Vegetables and Vegetable Products",
        "Legumes and Legume Products",
        "Finfish and Shellfish Products",
    )
)


def _in_the_state_said(match: Match, said: str, missing: list[str]) -> Match | None:
    """The same food in the state the line says, where the state alone clashed: SR28
    numbers a vegetable's raw and boiled forms side by side."""
    if not all(modifiers.says_a_state(word) for word in missing):
        return None  # another word than the state is missing too
    raw = "raw" in words(match.name)
    other = other_state(match, raw)
    if other is None or not modifiers.says_state(said, other.name):
        return None
    group = foodtable.group_of(other.id)
    if modifiers.unhonoured(said, other.name, group):
        return None
    return Match(other.id, other.name, read_as=match.read_as, ignored=match.ignored)


def _unsalted(match: Match, parts: ItemParts) -> Match:
    """ "unsalted mixed nuts": the food's own form without salt, where the table has it,
    rather than the salted one an everyday name stands for."""
    if "without salt" not in parts.food.lower() or not _SALTED.search(match.name):
        return match
    plain = _SALT.sub("", match.name)
    for candidate in food_index().rank(parts.food, limit=40):
        if "without salt" in candidate.name.lower() and _SALT.sub("", candidate.name) == plain:
            return candidate._replace(read_as=match.read_as, ignored=match.ignored)
    return match


def _home_made(match: Match, parts: ItemParts) -> Match:
    """ "a homemade cookie", "Whole Wheat Bread, homemade": SR28's own food of the same kind
    "prepared from recipe", where it has one, rather than the commercial one."""
    if not _HOME_MADE.search(parts.food) or _FROM_RECIPE.search(match.name):
        return match
    kind = match.name.split(",")[:2]
    for candidate in food_index().rank(f"{' '.join(kind)} prepared from recipe", limit=20):
        if candidate.name.split(",")[:2] == kind and _FROM_RECIPE.search(candidate.name):
            return candidate._replace(read_as=match.read_as, ignored=match.ignored)
    return match


_HOME_MADE = re.compile(r"\bhome[- ]?made\b|\bfrom scratch\b", re.IGNORECASE)
_FROM_RECIPE = re.compile(r"\bprepared from recipe\b|\bhome[- ]prepared\b|\bhomemade\b", re.I)
_SALTED = re.compile(r"\b(?<!without )(?:with )?salt added\b|\b(?<!out )with salt\b", re.I)
_SALT = re.compile(r",?\s*\b(?:with(?:out)?\s+)?(?:added\s+)?salt(?:\s+added)?\b", re.I)


def _unknown(phrase: str) -> str:
    """Say what to do: write a dish's ingredients, split two foods, take a candidate, or pin
    an id."""
    hint = _dish_hint(phrase)
    if hint is not None and "," not in phrase:
        return f'unknown food "{shortened(phrase)}": {hint}'
    if re.search(r"\b(?:with|and)\b|&", phrase, flags=re.IGNORECASE):
        return (
            f'unknown food "{shortened(phrase)}"; if these are two foods, write each as its own '
            'item with its own amount, separated by ";"'
        )
    candidates = food_index().candidates(phrase[:60])
    hint = "; did you mean: " + ", ".join(shortened(m.label, 40) for m in candidates[:2])
    if not candidates:
        hint = ""
    return (
        f'unknown food "{shortened(phrase)}"{hint}; or pin one by id, e.g. "100 g #11457", '
        "or split a dish into its ingredients"
    )


@cache
def _dish_hints() -> dict[str, str]:
    """Everyday dishes SR28 lacks (data/dish_hints.csv), and how to log them instead."""
    return {row["word"]: row["hint"] for row in tables.read_rows("dish_hints.csv")}


def dish_hint(food: str) -> str | None:
    """The hint for a dish SR28 lacks named exactly ("sausage roll", "Milo"), whose words
    must not be read as other foods; your own food of that name is yours."""
    named = key(food)
    hint = _dish_hints().get(named) or _dish_hints().get(_SIZES.sub("", named).strip())
    return hint if hint is not None and foodtable.named(food) is None else None


_SIZES = re.compile(r"\b(?:small|medium|large|big)\b\s*")


def _dish_hint(phrase: str) -> str | None:
    """The hint for a dish the phrase names, unless a food follows it and names what was
    had: "Summer Fruits Muesli" is a muesli, not fruit in general."""
    said = f" {key(phrase)} "
    aliases = food_index().aliases
    for word, hint in _dish_hints().items():
        at = said.find(f" {word} ")
        if at >= 0 and not any(after in aliases for after in said[at + len(word) + 2 :].split()):
            return hint
    return None


def shortened(text: str, limit: int = 60) -> str:
    """A text cut to a length a one-line message can hold."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
