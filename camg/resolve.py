"""From parsed items to entries: a real food, a real weight, or a located problem.

A line may hold several foods ("banana, black coffee", "toast with butter"):
it is read whole first, and split only when its parts are foods by themselves.
Resolution is cached by text, failures included: a log repeats itself ("1 cup
milk" every morning), and the same words always mean the same food and grams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from camg import estimates, foodtable
from camg.amounts import AmountError, ItemParts, split_item, strip_prose, told_before
from camg.errors import ItemError, Kind, Problem, Severity
from camg.finding import STOOD_IN, dish_hint, find_food, shortened
from camg.matching import food_index
from camg.parser import Day, ParsedLog
from camg.plausible import implausible
from camg.portions import PortionError
from camg.salvage import CLOCK, Reader, salvaged, tells_a_story
from camg.sandwiches import sandwich_pieces
from camg.splitting import (
    CHIPS_AS_FRIES,
    STILL_THE_FOOD,
    WITH_CEREAL,
    Piece,
    filled_omelette,
    in_sandwich,
    last_word,
    pieces,
    served_with_chips,
    states_an_amount,
)
from camg.supplements import Supplement, label_reading, recognise, times_taken
from camg.text import key, words
from camg.units import HOUSEHOLD
from camg.weighing import weigh_item

__all__ = ["Entry", "ItemError", "LeftOut", "Part", "Resolution", "read_line", "resolve_log"]

# No entry weighs more: a larger one is a slip of the amount or the unit ("100000 kg").
MOST_GRAMS = 10_000.0
# No entry weighs less: "1/1111111 cup" is a slip, and a pinch of salt is 0.4 g.
LEAST_GRAMS = 0.01


class Resolution(NamedTuple):
    """What one item's words mean: a food and a weight, or an elemental dose. The same
    words always mean the same, so a log shares one Resolution among its repeats."""

    text: str
    food_id: str | None  # None for a supplement
    food: str
    amount: float | None
    unit: str | None
    grams: float | None  # None for a supplement
    portion: str
    default_portion: bool = False
    supplement: str | None = None  # "calcium" or "magnesium"
    dose_mg: float | None = None
    read_as: str | None = None  # corrected spelling, when typos were corrected
    ignored: str | None = None  # words no SR28 food explained (the head noun decided)
    estimate: str | None = None  # what camg assumed to weigh it, with the source
    notes: tuple[str, ...] = ()  # how it was read, when there was a choice
    approximate: bool = False  # a word was left unused, corrected or substituted


class Entry(NamedTuple):
    """One resolved item, where it was written, and which part of its line it is."""

    source: str
    line: int
    meal: str | None
    resolution: Resolution
    part: int = 1


class Part(NamedTuple):
    """One part of a line: what it means, or why it means nothing."""

    text: str
    resolution: Resolution | None = None
    problem: tuple[Kind, str] | None = None
    left_out: str | None = None  # a supplement without calcium or magnesium


@dataclass
class ResolvedDay:
    date: date | None
    labels: Sequence[str]
    entries: list[Entry] = field(default_factory=list)
    unresolved: list[Problem] = field(default_factory=list)


@dataclass
class ResolvedLog:
    days: list[ResolvedDay]
    problems: list[Problem]  # every line that could not be used, in file order
    notices: list[Problem]  # notes and warnings: how lines were read, what was left out
    lines: int = 0  # lines that hold items, for the summary of what was not understood


class LeftOut(Exception):
    """A supplement with neither calcium nor magnesium: recognised, and left out."""


def resolve_log(parsed: ParsedLog) -> ResolvedLog:
    """Resolve every item of every day; nothing is dropped without a problem saying so.

    The parsed log is consumed: each day's items are released once resolved.
    """
    resolved = ResolvedLog([], [], [])
    resolved.days.extend(resolve_days(parsed, resolved))
    return resolved


def resolve_days(parsed: ParsedLog, into: ResolvedLog) -> Iterator[ResolvedDay]:
    """Each day resolved in turn, in chronological order, for a caller that totals a day
    and lets it go; problems, notices and the count of lines go into `into`, complete
    once the last day is taken."""
    take_problems(parsed.problems, into)
    days = sorted(parsed.days, key=_chronological)
    parsed.days.clear()
    for index, day in enumerate(days):
        days[index] = None  # type: ignore[call-overload]  # released once resolved
        yield resolve_day(day, into, into.notices)
    close(into)


def take_problems(problems: list[Problem], into: ResolvedLog) -> None:
    """Problems found while reading the files: errors go with the lines not understood,
    warnings (a date in two files) with the notes."""
    for problem in problems:
        (into.problems if problem.severity is Severity.ERROR else into.notices).append(problem)


def resolve_day(day: Day, into: ResolvedLog, notices: list[Problem]) -> ResolvedDay:
    """One day's items resolved (and let go); its problems go into `into`, its notes into
    `notices`."""
    resolved = ResolvedDay(day.date, day.labels, unresolved=list(day.problems))
    into.lines += _resolve_day(day, resolved, notices)
    into.problems.extend(resolved.unresolved)
    return resolved


def close(into: ResolvedLog) -> None:
    """Once every day is resolved: count the lines refused whole, before any item was read
    (a bad date, a line too long), and put the problems in file order."""
    problems = into.problems
    into.lines += len({(p.source, p.line) for p in problems if p.line and p.text is None})
    problems.sort(key=lambda problem: (problem.source or "", problem.line or 0))


def summary(resolved: ResolvedLog) -> Problem:
    """One closing line: how much of the log was not understood, and what to do."""
    bad = len({(problem.source, problem.line) for problem in resolved.problems})
    return Problem(
        f"{bad} of {resolved.lines} lines not understood; fix them "
        "(docs/log-format.md shows how lines are read) or run with --lenient to use the rest"
    )


def _chronological(day: Day) -> tuple[bool, date]:
    """Days without a date first, in the order written, then the dated ones in order."""
    return day.date is not None, day.date or date.min


def _resolve_day(day: Day, resolved: ResolvedDay, notices: list[Problem]) -> int:
    """Resolve a day's items; the number of lines they were written on."""
    lines = 0
    last_source, last_line, number = None, -1, 0
    append = resolved.entries.append
    for source, line, text, meal in day.items:
        # A line's items are consecutive: count lines and number parts without a set.
        if line != last_line or source is not last_source:
            last_source, last_line, number, lines = source, line, 0, lines + 1
        parts = read_line(text, meal)
        single = parts[0].resolution if len(parts) == 1 else None
        if single is not None and not single.notes:  # the common case, a million times
            number += 1
            # tuple.__new__ skips the named tuple's Python-level __new__.
            append(_new_tuple(Entry, (source, line, meal, single, number)))
            _check_plausible(single, source, line, text, notices)
            continue
        for part in parts:
            number += 1
            if part.problem is not None:
                kind, message = part.problem
                resolved.unresolved.append(Problem(message, source, line, part.text, kind=kind))
            elif part.left_out is not None:
                notices.append(_note(part.left_out, source, line, part.text, Kind.LEFT_OUT))
            elif part.resolution is not None:
                append(_new_tuple(Entry, (source, line, meal, part.resolution, number)))
                if part.resolution.notes:
                    notices.append(_note(_notice(part.resolution), source, line, part.text))
                _check_plausible(part.resolution, source, line, part.text, notices)
    day.items.clear()  # consumed: a big log need not hold items and entries at once
    return lines


_new_tuple = tuple.__new__


def _note(message: str, source: str, line: int, text: str, kind: Kind = Kind.READ_AS) -> Problem:
    return Problem(message, source, line, text, kind=kind, severity=Severity.NOTE)


def _check_plausible(
    resolution: Resolution, source: str, line: int, text: str, notices: list[Problem]
) -> None:
    """A warning when the entry is more than anyone eats at once (camg.plausible)."""
    warning = implausible(resolution.food_id, resolution.grams)
    if warning is not None:
        message = f'"{text}": {warning}'
        notices.append(Problem(message, source, line, text, Kind.IMPLAUSIBLE, Severity.WARNING))


def _notice(resolution: Resolution) -> str:
    """What the user should know about how camg read an item it could still use."""
    food = f"{resolution.food} (#{resolution.food_id})" if resolution.food_id else resolution.food
    return f'"{resolution.text}": {"; ".join(resolution.notes)}: {food}'


@lru_cache(maxsize=32768)
def read_line(text: str, meal: str | None = None) -> tuple[Part, ...]:
    """The parts of one item's text and what each means: the whole text when it names
    one food, else its comma-, "and"- and "with"-separated parts that are foods, else the
    foods a sentence names among its other words. Under a heading that names a sandwich
    ("Sandwich: 2 slices bread, tuna, lettuce") the foods without an amount fill it."""
    return _read(text, True, in_sandwich(meal))


@lru_cache(maxsize=32768)
def _read(text: str, salvage: bool, sandwich: bool = False) -> tuple[Part, ...]:
    if text.strip(" .!").lower() in _NOTHING:
        return (Part(text, left_out=f'"{text}": nothing eaten'),)
    told = told_before(text)
    if told is not None and _ONLY_A_PRONOUN.fullmatch(told[1].strip(" .!?,")):
        return _read(told[0], salvage, sandwich)  # "..., before I ate it": the food was before
    if told is not None and _reads_cleanly(told[0]):  # "Toast and jam, then I had a coffee"
        text = f"{told[0]}, {told[1]}"
    elif told is not None and salvage:  # "Back from a run with a banana, then I had toast"
        before = _salvaged(Part(told[0]), told[0])
        if before is None and _AMOUNT_IN.search(CLOCK.sub(" ", told[0])):
            # "2 slices of rye, then I had"; not "I get up about 8am and then I had"
            before = _read(told[0], True, sandwich)  # its foods, or why camg cannot read them
        elif before is None and tells_a_story(told[0], _names_a_food):
            before = (_story(told[0]),)  # "I usually get up about 8am and this morning I had"
        return (*(before or ()), *_read_told(text, salvage, sandwich))
    return _read_told(text, salvage, sandwich)


_ONLY_A_PRONOUN = re.compile(r"(?:it|them|this|that|these|those|one|some)", re.IGNORECASE)
# An amount among a story's words: a food camg must read or say it cannot.
_AMOUNT_IN = re.compile(r"\d|[½⅓⅔¼¾⅛]")


def _read_told(text: str, salvage: bool, sandwich: bool) -> tuple[Part, ...]:
    """`_read` of a line whose story before "I had" is settled."""
    text = _AMPERSAND.sub(" and ", strip_prose(text))  # "cheese & crackers": two foods
    if "/ " in text:  # "Orange/ roast parsnip/ roast eggplant": a list, as commas make one
        text = _SLASH_LIST.sub(", ", text)
    purpose = _FOR_A_SANDWICH.search(text)
    if purpose is not None:  # "bread, lettuce and tomato for sandwich"
        text, sandwich = text[: purpose.start()], True
    on_cereal = _ON_CEREAL.search(text)
    if on_cereal is not None:  # "Semi-skimmed milk on cereal (100ml)": the cereal's milk
        milk = f"{text[: on_cereal.start()]}{text[on_cereal.end() :]}"
        return (_attempt(milk, Piece(text, milk, WITH_CEREAL)),)
    whole = _attempt(text)
    clean = whole.resolution is not None and not whole.resolution.approximate
    listed = None if clean or whole.left_out else _listed_in_brackets(text, sandwich)
    if listed:  # "Salad (2x handfuls of baby spinach, 1 tomato, ¼ cucumber)"
        return listed
    if whole.resolution is not None and whole.resolution.approximate and _JOINS.search(text):
        parts = tuple(_attempt(piece.read, piece) for piece in pieces(text, _is_food))
        clean = [part.resolution for part in parts if part.resolution is not None]
        if len(parts) > 1 and len(clean) == len(parts) and not any(r.approximate for r in clean):
            return parts  # "fish steamed with tomatoes": two foods read cleanly, not one roughly
    if whole.left_out is not None or (whole.resolution and not whole.resolution.ignored):
        if salvage and whole.resolution is not None and _roughly(whole.resolution):
            return _salvaged(whole, text) or _unread_sentence(whole)
        return (whole,)
    if whole.problem is not None and whole.problem[0] is Kind.BAD_AMOUNT:
        return (whole,)  # cutting the line would not mend its amount
    if (
        whole.problem is not None
        and dish_hint(_food_of(text)) is not None
        and not _MEASURED_JOIN.search(text)  # "chia seeds and 1 tsp acai berry powder"
    ):
        return (whole,)  # "sausage roll": a dish to write as its parts, not a sandwich
    split = pieces(text, _is_food, _dish, sandwich)
    if not split or (len(split) == 1 and split[0].text == text and split[0].read == text):
        return _unknown(whole, salvage)
    parts = _shared_amount(split, tuple(_attempt(piece.read, piece) for piece in split))
    if whole.resolution is not None and all(part.problem for part in parts):
        return (whole,)
    if whole.problem is not None and all(part.problem for part in parts):
        return _unknown(whole, salvage)
    found = [read for part in parts for read in _unknown(part, salvage)]
    if not any(part.resolution for part in found):
        return tuple(found)
    return tuple(_as_story(part) for part in found)  # "I come down stairs and have toast"


def _as_story(part: Part) -> Part:
    """A clause beside a line's foods that names none and only tells of the day: left out,
    and said."""
    if part.problem is None or part.problem[0] is not Kind.UNKNOWN_FOOD:
        return part
    if not tells_a_story(part.text, _names_a_food):
        return part
    return _story(part.text)


def _story(text: str) -> Part:
    """Words of the day's story: left out, and said."""
    return Part(text, left_out=f'"{text}": no food named, words of the day\'s story')


def _names_a_food(word: str) -> bool:
    """A word the table names foods with, or the alias table does."""
    index = food_index()
    return word in index.alias_words or word in index.ranking.head_words


def _shared_amount(split: list[Piece], parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """ "2 cups steamed broccoli, cauliflower, and carrots": a cup measure before a list
    of vegetables (or fruits) that name none is the list's, shared equally, an estimate."""
    first = next((i for i in reversed(range(len(parts))) if _cups(parts[i])), None)
    if first is None or first == len(parts) - 1:
        return parts
    run = [part.resolution for part in parts[first:]]
    if any(found is None or _cups_of(found) for found in run[1:]):
        return parts
    if any(piece.joined for piece in split[first + 1 :]):
        return parts  # "1 cup oatmeal with berries": what goes with a food is no share
    foods = [found for found in run if found is not None]
    groups = {foodtable.group_of(found.food_id or "") for found in foods}
    if len(groups) != 1 or not groups <= _SHARED_GROUPS:
        return parts
    head = foods[0]
    share = (head.amount or 1.0) / len(foods)
    said = f'"{head.amount or 1:g} {head.unit}" shared by the {len(foods)} foods named after it'
    shared = []
    for index, part in enumerate(parts[first:]):
        read = f"{share:.4g} {head.unit} {_food_of(part.text) if index == 0 else part.text}"
        shared.append(_attempt(read, Piece(part.text, read, assumed=said)))
    if any(part.resolution is None for part in shared):
        return parts
    return (*parts[:first], *shared)


_SHARED_GROUPS = frozenset({"Vegetables and Vegetable Products", "Fruits and Fruit Juices"})


def _cups(part: Part) -> bool:
    """A part measured by a volume: "2 cups steamed broccoli"."""
    return part.resolution is not None and _cups_of(part.resolution)


def _cups_of(resolution: Resolution) -> bool:
    return resolution.unit in ("cup", "tbsp", "ml")


def _listed_in_brackets(text: str, sandwich: bool) -> tuple[Part, ...] | None:
    """ "Salad (2x handfuls of baby spinach, 1 tomato)", "200g Greek yoghurt (Optional
    toppings: berries and sliced almonds)": the foods a bracket lists, and the food before
    it when that is eaten too (`_label_eaten`); else None. A bracket that opens with "with"
    is read as if unbracketed: "coffee (with milk and sugar)"."""
    found = _LISTED.match(text)
    if found is None:
        return None
    inside = _TOPPINGS.sub("", found.group("inside")).strip()
    if _GOES_WITH.match(inside):  # "coffee (with milk and sugar)": as if unbracketed
        return _read(f"{found.group('label').strip()} {inside}", False, sandwich)
    listed = _read(inside, False, sandwich)
    read = [part for part in listed if part.resolution is not None]
    if len(read) < (1 if _TOPPINGS.match(found.group("inside")) else 2):
        return None
    named_again = last_word(found.group("label")) == last_word(listed[0].text)
    if named_again and not states_an_amount(listed[0].text):
        return None  # "peanut butter (Trader Joe's crunchy peanut butter with chia)": that one
    label = found.group("label").strip(" ,:-")
    if _kinds_of(label, read):
        return None  # "Handful of nuts (brazil, hazelnut, walnut)": what the handful was
    return (*_label_eaten(label, read, sandwich), *listed)


def _kinds_of(label: str, listed: list[Part]) -> bool:
    """Whether a bracket lists the kinds of the food its measured label names: each listed
    food of the label's own SR28 heading ("Nuts, brazilnuts" in a handful of "Nuts, mixed
    nuts"), none with an amount of its own."""
    if not _measured(label) or any(states_an_amount(part.text) for part in listed):
        return False
    whole = _attempt(label).resolution
    if whole is None:
        return False
    heading = whole.food.split(",")[0]
    return all(part.resolution and part.resolution.food.split(",")[0] == heading for part in listed)


def _label_eaten(label: str, listed: list[Part], sandwich: bool) -> tuple[Part, ...]:
    """The food before a listing bracket, when it is one: it has its own amount, or it
    names a food the bracket does not ("Oatmeal (with raisins and milk)"); none for a
    dish the foods make ("Salad (...)") or one they name again ("Avocado (... avocado)")."""
    parts = _read(label, False, sandwich)
    if _measured(label):
        return parts
    # "Spinach salad with goat cheese and a simple vinaigrette (balsamic, olive oil)": the
    # bracket lists what the last food was made of; the foods before it were eaten too.
    before, last = parts[:-1], parts[-1]
    named = {part.resolution.food_id for part in listed if part.resolution is not None}
    clean = last.resolution is not None and not last.resolution.approximate
    made_of = key(last.text) in _MADE_OF or _HOMEMADE.search(last.text) is not None
    if not clean or made_of or last.resolution.food_id in named:
        return before
    return parts


def _measured(label: str) -> bool:
    """Whether the food before a bracket states its amount ("Handful of nuts")."""
    try:
        return split_item(label).amount is not None
    except AmountError:
        return False


# "Homemade granola (oats, honey, almonds)": the bracket is the recipe of the food.
_HOMEMADE = re.compile(r"\b(?:home\s*made|my own)\b", re.IGNORECASE)


# Names of what listed foods make, not foods of their own: "Salad (spinach, tomato)".
_MADE_OF = frozenset("salad sandwich smoothie bowl plate platter wrap snack meal".split())


_GOES_WITH = re.compile(r"(?:with|plus|and|topped with|served with)\s", re.IGNORECASE)
# "Label (a, b and c)": a bracket that closes the line.
_LISTED = re.compile(r"^(?P<label>[^()]+?)\s*\((?P<inside>[^()]+)\)\s*\.?$")
_TOPPINGS = re.compile(
    r"^\s*(?:optional\s+)?(?:toppings?|extras?|sides?|add|serve with|served with)\s*:\s*",
    re.IGNORECASE,
)


def _roughly(resolution: Resolution) -> bool:
    """A sentence read as one food only by correcting or leaving out its words."""
    return bool(resolution.read_as or resolution.ignored) and len(resolution.text.split()) >= 6


def _unread_sentence(whole: Part) -> tuple[Part, ...]:
    """ "Came home for lunch and Luca cooked us up ...": a sentence read as a food only by
    correcting a word ("Came" as "cake") is no reading of it."""
    resolution = whole.resolution
    if resolution is None or not resolution.read_as:
        return (whole,)  # words left out, said: "Half a pint of fine Adnams' bitter"
    problem = (
        f'unknown food "{shortened(whole.text)}": a sentence camg could not read; write each '
        'food as its own item with its amount, e.g. "1 slice ham; 2 eggs"'
    )
    return (Part(whole.text, problem=(Kind.UNKNOWN_FOOD, problem)),)


def _unknown(part: Part, salvage: bool) -> tuple[Part, ...]:
    """An unknown food's part as it is, or the foods its sentence names."""
    if not salvage or part.problem is None or part.problem[0] is not Kind.UNKNOWN_FOOD:
        return (part,)
    if dish_hint(_food_of(part.text)) is not None:
        return (part,)
    return _salvaged(part, part.text) or (part,)


def _salvaged(part: Part, text: str) -> tuple[Part, ...] | None:
    """The foods a sentence names, approximate, each saying the words camg did not use;
    None when it names none cleanly."""
    found = salvaged(text, _READER)
    if found is None:
        return None
    if any(dish_hint(word) is not None for word in found.left.split()):
        return None  # "a non-fat white mocha": a drink SR28 lacks, not its words
    note = f'read from "{text}"' + (f'; not used: "{found.left}"' if found.left else "")
    fries = served_with_chips(text)  # "steak with pepper sauce and chips (which I had)"
    return tuple(
        _noted(part, note)
        for run, _ in found.runs
        for part in (_as_fries(run) if fries and key(run) == "chips" else _read(run, False))
    )


def _as_fries(chips: str) -> tuple[Part, ...]:
    """ "chips" in a sentence that names a meal they come with: fries, and said."""
    return tuple(
        _noted(part._replace(text=chips), CHIPS_AS_FRIES) for part in _read("french fries", False)
    )


def _noted(part: Part, note: str) -> Part:
    if part.resolution is None:
        return part
    resolution = part.resolution
    return part._replace(
        resolution=resolution._replace(notes=(*resolution.notes, note), approximate=True)
    )


def _reads_nearly(text: str) -> bool:
    """A food of two words or more, one of them unused (said) and none corrected: "fried
    black pudding", "grilled tomato"."""
    resolution = _attempt(text).resolution
    return (
        resolution is not None
        and len(text.split()) >= 2
        and not resolution.read_as
        and len((resolution.ignored or "").split()) <= 1
    )


def _reads_cleanly(text: str) -> bool:
    """Foods named by every word of `text`, none corrected or unused; one that stands in for
    its words ("salad" read as its leaves) is read as cleanly as the table allows."""
    parts = _read(text, False)
    return all(
        part.resolution is not None
        and not part.resolution.ignored
        and (not part.resolution.approximate or _stood_in(part.resolution))
        for part in parts
    )


def _stood_in(resolution: Resolution) -> bool:
    return not resolution.read_as and any(STOOD_IN in note for note in resolution.notes)


def _food_of(text: str) -> str:
    """The food words of an item ("2 sausage rolls" -> "sausage rolls"), or the item."""
    try:
        return split_item(text).food
    except AmountError:
        return text


def _dish(text: str) -> list[Piece] | None:
    """ "cheese and ham sandwich on brown roll", "mushroom and ham omelette", no food of the
    table: its fillings and its bread or eggs."""
    return sandwich_pieces(text, _is_food, _reads_as_filling, _a_flavour) or filled_omelette(
        text, _fills_an_omelette
    )


def _a_flavour(text: str) -> bool:
    """A fruit or a chocolate, which flavours what it is baked into."""
    resolution = _attempt(text).resolution
    if resolution is None or resolution.food_id is None:
        return False
    group = foodtable.group_of(resolution.food_id)
    return group == "Fruits and Fruit Juices" or "chocolate" in resolution.food.lower()


def _fills_an_omelette(text: str) -> bool:
    """A food read cleanly of a kind that fills an omelette ("spanish" is no rice mix), and
    no egg: "egg white omelette" is what the omelette is made of."""
    resolution = _attempt(text).resolution
    return (
        resolution is not None
        and not resolution.approximate
        and resolution.food_id is not None
        and not resolution.food.startswith("Egg")
        and foodtable.group_of(resolution.food_id) in _OMELETTE_FILLINGS
    )


_OMELETTE_FILLINGS = frozenset(
    {
        "Vegetables and Vegetable Products",
        "Dairy and Egg Products",
        "Pork Products",
        "Poultry Products",
        "Sausages and Luncheon Meats",
        "Beef Products",
        "Finfish and Shellfish Products",
        "Spices and Herbs",
        "Lamb, Veal, and Game Products",
    }
)


def _reads(text: str) -> bool:
    """A food, perhaps with words left unused (then approximate, and said)."""
    return _attempt(text).resolution is not None


_READER = Reader(_reads_cleanly, _reads_nearly, _reads)


def _reads_as_filling(text: str) -> bool:
    """A food that fills bread, not a sandwich of its own ("Subway sandwich" is no Subway
    club sub and two more slices of bread)."""
    resolution = _attempt(text).resolution
    return resolution is not None and not set(words(resolution.food)) & _MADE_WITH_BREAD


_MADE_WITH_BREAD = frozenset(
    "sandwich sub burger hamburger cheeseburger wrap burrito taco pizza hotdog".split()
)


_AMPERSAND = re.compile(r"\s+&\s+")
# A slash after a word with a space after it: "jam/preserves", "w/ water" and "1/2" are no
# list, and " / " is a sentence's (camg.salvage).
_SLASH_LIST = re.compile(r"(?<=[A-Za-z][A-Za-z])/\s+(?=[A-Za-z])")
_FOR_A_SANDWICH = re.compile(
    r"\s+for\s+(?:a\s+|the\s+|your\s+)?(?:sandwich|sandwiches|wrap|roll)\W*$", re.IGNORECASE
)
_JOINS = re.compile(r"\s(?:with|and|on|w/|&|\+)\s", re.IGNORECASE)
# A second food with its own amount: "... and 1 tsp ...", "... with 2 slices ...".
_MEASURED_JOIN = re.compile(r"\s(?:and|with|&|\+|plus)\s+(?:\d|½|¼|¾|⅓|a |an |one |two )", re.I)
_ON_CEREAL = re.compile(
    r"(?<=\bmilk)\s+(?:on|in|for)\s+(?:your\s+|the\s+|my\s+)?(?:breakfast\s+)?cereal"
    r"(?:\s+(?:and|&)\s+(?:a\s+)?(?:drinks?|drinking|tea|coffee|hot drinks?))?\b",
    re.IGNORECASE,
)
_NOTHING = frozenset(["none", "nothing", "skipped", "n/a", "na", "-", "fasted", "fasting"])


def _is_food(text: str) -> bool:
    resolution = _attempt(text).resolution
    return resolution is not None and not resolution.ignored


def _attempt(text: str, piece: Piece | None = None) -> Part:
    part = _outcome(text, piece.joined if piece is not None else None)
    if piece is None:
        return part
    if part.resolution is not None and (piece.assumed is not None or piece.times != 1):
        part = part._replace(resolution=_as_piece_says(part.resolution, piece))
    if piece.text == text:
        return part
    # The entry says what the line said ("sandwich"), its reading what camg read ("2 slice
    # bread"): made once for each line, which read_line keeps.
    resolution = part.resolution and part.resolution._replace(text=piece.text)
    return part._replace(text=piece.text, resolution=resolution)


def _as_piece_says(resolution: Resolution, piece: Piece) -> Resolution:
    """What the reading of a piece assumed ("sandwich": 2 slices of bread), and how many
    times it counts ("2 ham sandwiches": the ham of each)."""
    said = [piece.assumed] if piece.assumed else []
    grams, amount, notes = resolution.grams, resolution.amount, resolution.notes
    if piece.times != 1 and grams is not None:
        grams, amount = grams * piece.times, (amount or 1.0) * piece.times
        notes = (*notes, f"{piece.times:g} times the amount of one")
    if resolution.estimate:
        said.append(resolution.estimate)
    return resolution._replace(
        grams=grams, amount=amount, notes=notes, estimate="; ".join(said) or None
    )


@lru_cache(maxsize=32768)
def _outcome(text: str, joined: str | None) -> Part:
    """What a text means, failures included: the whole line and its parts ask twice."""
    try:
        return Part(text, _resolve_item(text, joined))
    except ItemError as error:
        return Part(text, problem=(error.kind, str(error)))
    except LeftOut as left:
        return Part(text, left_out=str(left))


def resolve_text(text: str) -> Resolution:
    """What one item's text means as one food; raises ItemError saying why when it means
    nothing (the evaluation and `camg explain` read single items this way)."""
    part = read_line(text)[0] if len(read_line(text)) == 1 else _attempt(text)
    if part.problem is not None:
        raise ItemError(part.problem[1], part.problem[0])
    if part.left_out is not None:
        raise LeftOut(part.left_out)
    assert part.resolution is not None
    return part.resolution


def _resolve_item(text: str, joined: str | None) -> Resolution:
    if _DENIED.match(text):  # "coffee with milk, no sugar": the sugar was not had
        raise LeftOut(f'"{text.strip(" .")}": a food not had; left out')
    supplement = _as_supplement(text)
    if supplement is not None:
        return supplement
    try:
        parts = split_item(text)
    except AmountError as error:
        raise ItemError(str(error), Kind.BAD_AMOUNT) from None
    match, notes, parts = find_food(parts)
    food_words = (*words(parts.food), *_remark_words(parts.remarks))
    try:
        weighed, estimate = weigh_item(match, parts, food_words, joined)
    except PortionError as error:
        raise ItemError(str(error), Kind.NO_MEASURE) from None
    if weighed.grams > MOST_GRAMS:
        raise ItemError(
            f"{weighed.grams / 1000:g} kg of {match.name} is more than anyone eats at once; "
            "check the amount and its unit",
            Kind.BAD_AMOUNT,
        )
    if weighed.grams < LEAST_GRAMS:
        raise ItemError(
            f"{weighed.grams:.2g} g of {match.name} is too little to count; "
            "check the amount and its unit",
            Kind.BAD_AMOUNT,
        )
    variant = estimates.assumed_variant(match.food_id, words(f"{parts.food} {parts.remarks}"))
    if variant is not None:  # "tofu": calcium-set or not is a five-fold difference
        estimate = f"{estimate}; {variant}" if estimate else variant
    notes = [*parts.notes, *notes, *weighed.notes]
    if match.read_as:
        notes.append(f'read as "{match.read_as}"')
    if match.ignored:
        notes.append(f'no food matches "{match.ignored}"; used the rest')
    return Resolution(
        text=text,
        food_id=match.food_id,
        food=match.name,
        amount=parts.amount if parts.amount is not None else 1.0,
        unit=parts.unit.name if parts.unit else None,
        grams=weighed.grams,
        portion=weighed.portion,
        default_portion=weighed.default,
        read_as=match.read_as,
        ignored=match.ignored,
        estimate=estimate,
        notes=tuple(notes),
        approximate=bool(match.read_as or match.ignored or weighed.borrowed)
        or any(note.startswith(_APPROXIMATE) for note in notes),
    )


# Notes that say a word was left unused or something was substituted.
_APPROXIMATE = ('"', "remarks", "took", "borrowed", "no ")


# "no sugar", "hold the mayo": what a line says was not had (but "no sugar added" is a
# product's name).
_DENIED = re.compile(
    rf"^\s*(?:no|without|hold the|minus)\s+(?!{STILL_THE_FOOD})[a-z][\w -]*\.?\s*$",
    re.IGNORECASE,
)


def _as_supplement(text: str) -> Resolution | None:
    """A supplement's dose as written, as a label words it, or taken more than once. A
    label's elemental figure counts first: "magnesium oxide 400mg (241 mg elemental)"."""
    once, times = times_taken(text)
    label = label_reading(once)
    elemental = "elemental" in once.lower() and label != once
    supplement = None if elemental else recognise(once)
    if supplement is not None:
        resolution = _supplement(supplement, once)
    else:
        if label == once or (supplement := recognise(label)) is None:
            return None
        resolution = _supplement(supplement, label)
        resolution = resolution._replace(notes=(*resolution.notes, f'read as "{label}"'))
    if times != 1 and resolution.dose_mg is not None:
        resolution = resolution._replace(
            amount=(resolution.amount or 1.0) * times,
            dose_mg=resolution.dose_mg * times,
            portion=f"{times} x {resolution.portion}",
        )
    return resolution._replace(text=text)


def _remark_words(remarks: str) -> list[str]:
    """A remark's words inform the measure ("(tall)", "(8-inch diameter)"); a remark that
    is a sentence ("(or fried in a non-stick pan)") names no measure of the food."""
    found = words(remarks)
    if len(remarks.split()) <= 3:
        return found
    return [word for word in found if word not in HOUSEHOLD]


_MASS = re.compile(r"(?i)\b(\d+(?:\.\d+)?)\s*(mg|g|mcg)\b")


def _dose(text: str) -> ItemParts | None:
    try:
        return split_item(_MASS.sub(r" \1 \2 ", text))
    except AmountError:
        return None


def _mass(parts: ItemParts | None) -> bool:
    return parts is not None and parts.unit is not None and parts.unit.kind == "mass"


# Supplements whose labels often list calcium and magnesium among other nutrients.
_MAY_HOLD_BOTH = frozenset("multivitamin multi prenatal electrolyte mineral".split())


def _supplement(supplement: Supplement, text: str) -> Resolution:
    """ "magnesium glycinate 200mg", "Ca 500 mg": an elemental dose, not a food."""
    if supplement.combined:
        raise ItemError(
            "a combined calcium and magnesium supplement: write each elemental dose from its "
            'label as its own item, e.g. "calcium 500 mg; magnesium 250 mg"',
            Kind.SUPPLEMENT,
        )
    if supplement.element is None and _MAY_HOLD_BOTH.intersection(words(text)):
        raise LeftOut(
            f'"{text}": left out; a multivitamin may hold calcium and magnesium: write them '
            'from its label as items of their own, e.g. "calcium 200 mg; magnesium 100 mg"'
        )
    if supplement.element is None:
        raise LeftOut(f'"{text}": a supplement without calcium or magnesium; left out')
    element = supplement.element
    parts = _dose(label_reading(text))  # "Bio-Magnesium 200mg - 60 tabs": not 60 doses
    if not _mass(parts) and supplement.unused:  # "calcium + vitamin D3 600mg/400IU"
        first = _MASS.search(text)
        parts = _dose(f"{element} {first.group(0)}") if first else None
    if parts is None or parts.amount is None or not _mass(parts):
        raise ItemError(
            f'give the {element} dose as a mass from the label, e.g. "200 mg {element}"',
            Kind.SUPPLEMENT,
        )
    dose = parts.amount * parts.unit.grams * 1000.0
    # "calcium carbonate 500 mg": the label's elemental figure, or the salt's weight?
    assumed = (
        estimates.assumed_variant(f"supplement:{element}", words(text))
        if supplement.compound
        else None
    )
    return Resolution(
        text=text,
        food_id=None,
        food=f"{element.capitalize()} supplement (elemental)",
        amount=parts.amount,
        unit=parts.unit.name,
        grams=None,
        portion=f"{dose:g} mg {element}",
        supplement=element,
        dose_mg=dose,
        estimate=assumed,
        notes=(f'"{supplement.unused}" not used: the dose read is {element}\'s',)
        if supplement.unused
        else (),
        approximate=bool(supplement.unused),
    )


foodtable.when_changed(read_line.cache_clear)
foodtable.when_changed(_read.cache_clear)
foodtable.when_changed(_outcome.cache_clear)
