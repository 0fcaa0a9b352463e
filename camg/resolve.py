"""From parsed items to entries: a real food, a real weight, or a located problem.

A line may hold several foods ("banana, black coffee", "toast with butter"):
it is read whole first, and split only when its parts are foods by themselves.
Resolution is cached by text, failures included: a log repeats itself ("1 cup
milk" every morning), and the same words always mean the same food and grams.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from camg import estimates, modifiers, tables
from camg.amounts import AmountError, ItemParts, split_item, strip_prose
from camg.errors import Kind, Problem, Severity
from camg.matching import BOILERPLATE, Match, food_index
from camg.parser import Day, ParsedLog
from camg.portions import PortionError, Weighed, head_of, weigh
from camg.splitting import ACCOMPANIES, DESCRIBING, WITH_DRINK, Piece, pieces
from camg.supplements import Supplement, recognise
from camg.text import key, singular, words
from camg.units import HOUSEHOLD, VAGUE, Unit, unit_of

# No entry weighs more: a larger one is a slip of the amount or the unit ("100000 kg").
MOST_GRAMS = 10_000.0


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
    labels: list[str]
    entries: list[Entry] = field(default_factory=list)
    unresolved: list[Problem] = field(default_factory=list)


@dataclass
class ResolvedLog:
    days: list[ResolvedDay]
    problems: list[Problem]  # every line that could not be used, in file order
    notices: list[Problem]  # notes and warnings: how lines were read, what was left out
    lines: int = 0  # lines that hold items, for the summary of what was not understood


class ItemError(ValueError):
    """An item that cannot be resolved; the message says why and what to do."""

    def __init__(self, message: str, kind: Kind = Kind.UNKNOWN_FOOD) -> None:
        super().__init__(message)
        self.kind = kind


class LeftOut(Exception):
    """A supplement with neither calcium nor magnesium: recognised, and left out."""


def resolve_log(parsed: ParsedLog) -> ResolvedLog:
    """Resolve every item of every day; nothing is dropped without a problem saying so.

    The parsed log is consumed: each day's items are released once resolved.
    """
    problems = list(parsed.problems)
    notices: list[Problem] = []
    days = []
    lines = 0
    for day in sorted(parsed.days, key=_chronological):
        resolved = ResolvedDay(day.date, list(day.labels), unresolved=list(day.problems))
        lines += _resolve_day(day, resolved, notices)
        problems.extend(resolved.unresolved)
        days.append(resolved)
    problems.sort(key=lambda problem: (problem.source or "", problem.line or 0))
    return ResolvedLog(days, problems, notices, lines)


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
        parts = read_line(text)
        single = parts[0].resolution if len(parts) == 1 else None
        if single is not None and not single.notes:  # the common case, a million times
            number += 1
            # tuple.__new__ skips the named tuple's Python-level __new__.
            append(_new_tuple(Entry, (source, line, meal, single, number)))
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
    day.items.clear()  # consumed: a big log need not hold items and entries at once
    return lines


_new_tuple = tuple.__new__


def _note(message: str, source: str, line: int, text: str, kind: Kind = Kind.READ_AS) -> Problem:
    return Problem(message, source, line, text, kind=kind, severity=Severity.NOTE)


def _notice(resolution: Resolution) -> str:
    """What the user should know about how camg read an item it could still use."""
    food = f"{resolution.food} (#{resolution.food_id})" if resolution.food_id else resolution.food
    return f'"{resolution.text}": {"; ".join(resolution.notes)}: {food}'


@lru_cache(maxsize=32768)
def read_line(text: str) -> tuple[Part, ...]:
    """The parts of one item's text and what each means: the whole text when it names
    one food, else its comma-, "and"- and "with"-separated parts that are foods."""
    if text.strip(" .!").lower() in _NOTHING:
        return (Part(text, left_out=f'"{text}": nothing eaten'),)
    text = strip_prose(text)
    whole = _attempt(text)
    if whole.left_out is not None or (whole.resolution and not whole.resolution.ignored):
        return (whole,)
    if whole.problem is not None and whole.problem[0] is Kind.BAD_AMOUNT:
        return (whole,)  # cutting the line would not mend its amount
    split = pieces(text, _is_food)
    if not split or (len(split) == 1 and split[0].text == text and split[0].read == text):
        return (whole,)
    parts = tuple(_attempt(piece.read, piece) for piece in split)
    if whole.resolution is not None and all(part.problem for part in parts):
        return (whole,)
    if whole.problem is not None and all(part.problem for part in parts):
        return (whole,)
    return parts


_NOTHING = frozenset(["none", "nothing", "skipped", "n/a", "na", "-", "fasted", "fasting"])


def _is_food(text: str) -> bool:
    resolution = _attempt(text).resolution
    return resolution is not None and not resolution.ignored


def _attempt(text: str, piece: Piece | None = None) -> Part:
    part = _outcome(text, piece.joined if piece is not None else None)
    return part if piece is None or piece.text == text else part._replace(text=piece.text)


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
    supplement = recognise(text)
    if supplement is not None:
        return _supplement(supplement, text)
    try:
        parts = split_item(text)
    except AmountError as error:
        raise ItemError(str(error), Kind.BAD_AMOUNT) from None
    parts, notes = _such_as(parts)
    match, found_notes, parts = _food_or_alternative(parts)
    notes += found_notes
    match = _honoured(match, parts, text)
    food_words = tuple(words(f"{parts.food} {parts.remarks}"))
    try:
        weighed, estimate = _weigh(match, parts, food_words, joined)
    except PortionError as error:
        raise ItemError(str(error), Kind.NO_MEASURE) from None
    if weighed.grams > MOST_GRAMS:
        raise ItemError(
            f"{weighed.grams / 1000:g} kg of {match.name} is more than anyone eats at once; "
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
            candidate = parts._replace(
                food=",".join([*segments[:at], f" {option.strip()}", *segments[at + 1 :]])
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
    for number, alternative in enumerate(alternatives):
        # "green or black tea": the shared last word belongs to every alternative.
        shared = number < len(alternatives) - 1 and len(last) > 1 and len(alternative.split()) < 2
        candidate = parts._replace(food=f"{alternative} {last[-1]}" if shared else alternative)
        try:
            match, notes = _find_food(candidate)
        except ItemError:
            continue
        return match, [f'took "{candidate.food}" of "{parts.food}"', *notes], candidate
    raise ItemError(
        f'none of "{parts.food}" is a known food; write the one you had', Kind.UNKNOWN_FOOD
    )


def _find_food(parts: ItemParts) -> tuple[Match, list[str]]:
    """The food for the words: as written (with the bracketed remarks when they help),
    else with words relaxed in steps, each relaxation said in the notes."""
    if parts.remarks:
        match = _match(f"{parts.food} {parts.remarks}")
        if match is not None and not match.ignored:
            return match, []
    tried: set[str] = set()
    for phrase, dropped, guessing in _relaxations(parts):
        if not phrase or phrase in tried:
            continue
        tried.add(phrase)
        match = _match(phrase)
        if match is None or (guessing and match.alias is None):
            continue  # without its unknown words ("Heritage Flakes"), only an everyday food
        match, unused = _explaining(match, parts.food, dropped)
        neutral = [word for word in unused if NEUTRAL.fullmatch(word)]
        unexplained = [word for word in unused if word not in neutral]
        if unexplained:  # said as the words no food explained, like the head-noun fallback's
            match = match._replace(ignored=", ".join(filter(None, [*unexplained, match.ignored])))
        return _found(match, neutral, parts)
    raise ItemError(_unknown(parts.food), Kind.UNKNOWN_FOOD)


def _found(match: Match, neutral: list[str], parts: ItemParts) -> tuple[Match, list[str]]:
    notes = [f'"{", ".join(neutral)}" not used to choose the food'] if neutral else []
    if parts.remarks and not _honours(match.name, parts.remarks):
        notes.append(f'remarks "({parts.remarks})" not used to choose the food')
    return match, notes


def _relaxations(parts: ItemParts) -> list[tuple[str, list[str], bool]]:
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
    found = [
        (food, [], False),
        (plain, neutral, False),
        (relaxed, neutral + modifiers_, False),
        # "95 g can tuna in oil": the words of a measure, said as unused
        (" ".join(measured), neutral + modifiers_ + _measure_words(relaxed), False),
        (" ".join(known), neutral + modifiers_ + unknown, bool(unknown)),
    ]
    if parts.remarks and not _NEGATION.search(parts.remarks):
        found.append((parts.remarks, [food], True))
    described = [w for w in known if w not in nouns]
    found.append((" ".join(nouns), neutral + modifiers_ + unknown + described, bool(unknown)))
    return found


_REPEATED = re.compile(r"\b(\w+)(?:\s+\1\b)+", re.IGNORECASE)
# Words of a measure left among the food's words: "95 g can tuna", "Packet of popcorn".
MEASURE_WORDS = HOUSEHOLD | VAGUE | frozenset({"of"})
# "(hold the lemon!)", "(no sugar)": a remark that names what was not eaten.
_NEGATION = re.compile(r"\b(?:hold|no|not|without|minus|except|skip)\b", re.IGNORECASE)


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
    r"reduced[- ]calorie|diet|calcium[- ]set|nigari[- ]set)\b",
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
    r"\b(?:(?:prepared |cooked )?(?:without|with|no) (?:added )?salt(?: added)?|unsalted|salted|"
    r"(?:prepared |made )?(?:with|w/) water|prepared|plain|fresh|organic|home-?made|"
    r"cut (?:up )?(?:in|into) \w+|for (?:the )?\w+(?: and \w+)?$|"
    r"(?:equivalent to|about the size of|the size of)\b.*$|to taste|to go|to make\b.*$|"
    r"soft|crusty|fine[- ]ground|finely|stuffed|melted|divided|warm|hot|cold|iced|"
    r"no[- ]added[- ]sugar|no sugar added|caffeine[- ]free|decaf(?:feinated)?|flavou?red|"
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
        return found if found is not None and found.alias is not None else None
    match = index.resolve(phrase)
    if match is None:
        # "celery stalk", "cod fillet": a trailing household word names the measure.
        head, _, last = phrase.rpartition(" ")
        if head and key(last) in HOUSEHOLD:
            match = index.resolve(head)
    return match


def _honoured(match: Match, parts: ItemParts, text: str) -> Match:
    """The food itself when it honours every word that changes Ca or Mg ("fortified",
    "skim", "dry"); else the best food that does; else the line is refused."""
    row = tables.food_row(match.food_id)
    group = row["group"] if row else ""
    said = f"{parts.food} {parts.remarks}"
    missing = modifiers.unhonoured(said, match.name, group)
    if not missing:
        return match
    head = set(words(head_of(match.name)))  # "almond milk" of "Beverages, almond milk"
    named = head | (set(words(match.name)) & set(words(said)))  # and what the log named
    for candidate in food_index().rank(said, limit=40):
        candidate_row = tables.food_row(candidate.food_id)
        if candidate_row is None or not named <= set(words(candidate.name)):
            continue
        if not modifiers.unhonoured(said, candidate.name, candidate_row["group"]):
            return candidate._replace(read_as=match.read_as)
    words_ = ", ".join(f'"{word}"' for word in dict.fromkeys(missing))
    raise ItemError(
        f"no food in the table is {parts.food} that honours {words_} "
        f"(the nearest, {match.name}, does not); pin a food by id "
        f'(see "camg foods search {parts.food}") or give its values in your own foods file',
        Kind.NOT_HONOURED,
    )


def _weigh(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], joined: str | None
) -> tuple[Weighed, str | None]:
    """Grams for the item, and what was assumed to get them (None: nothing)."""
    row = tables.food_row(match.food_id)
    group = row["group"] if row else ""
    if parts.unit is not None and parts.unit.kind == "vague":
        return _vague(match, parts, food_words, group)
    if parts.unit is not None and parts.unit.name == "oz" and _is_drink(match.name, group):
        # Menus write "4 ounces orange juice" for fluid ounces.
        parts = parts._replace(unit=unit_of("fl oz"))
        fluid = f'fluid ounces: "oz" of a drink read as {parts.amount or 1:g} fl oz'
        weighed, estimate = _weigh(match, parts, food_words, joined)
        return weighed._replace(notes=(fluid, *weighed.notes)), estimate
    if parts.amount is None and joined in ACCOMPANIES:
        accompanied = _accompaniment(match, food_words, group, joined)
        if accompanied is not None:
            return accompanied
    default = match.measure or food_index().default_measures.get(match.food_id)
    alias_words = tuple(match.alias.split()) if match.alias else ()
    try:
        weighed = weigh(
            match.food_id, match.name, parts.amount, parts.unit, food_words, default, alias_words
        )
    except PortionError:
        if parts.amount is None and parts.unit is None:  # "cereal bar": no measure at all
            return _reference(match, group, 1.0, "no amount and no SR28 measure")
        if (parts.estimate and parts.estimate.startswith('"a few"')) or (
            parts.estimate and parts.estimate.startswith('"several"')
        ):  # "a few squares of chocolate": a measure SR28 lacks, of a vague count
            return _reference(match, group, 1.0, f"{parts.estimate}, of no SR28 measure")
        # "a slice of melon", "three sticks of celery": a measure SR28 lacks, sized by a
        # published portion guide where one is kept.
        unit = parts.unit.name if parts.unit else None
        if unit is None or estimates.vague_default(unit, match.name, group) is None:
            raise
        return _vague(match, parts._replace(unit=Unit(unit, "vague")), food_words, group)
    estimate = parts.estimate
    if weighed.default:
        bulk = _bulk_default(match, weighed, group)
        if bulk is not None:  # "syrup" with no amount is not a cup of syrup
            return bulk
        several = _several_default(match, weighed, group, parts.food)
        if several is not None:  # "strawberries" with no amount are more than one
            return several
        estimate = f"no amount given: {weighed.portion}, the food's own SR28 measure"
    elif weighed.borrowed:
        estimate = weighed.notes[0] if weighed.notes else estimate
    return weighed, estimate


_BULK = re.compile(r"\bx (?:cup|tbsp|tsp|oz|fl oz|quart|pint)\b")


def _bulk_default(match: Match, weighed: Weighed, group: str) -> tuple[Weighed, str] | None:
    """One reference amount instead of a default measure that weighs more than twice it:
    SR28's "1 cup" of syrup or of grated cheese is not what "syrup" alone means."""
    if not _BULK.search(weighed.portion):
        return None  # a count ("1 fruit", "1 medium") is what "one" of it means
    try:
        reference = _reference(match, group, 1.0, "no amount")
    except (ItemError, PortionError):
        return None
    return reference if weighed.grams > 2 * reference[0].grams else None


def _several_default(
    match: Match, weighed: Weighed, group: str, food: str
) -> tuple[Weighed, str] | None:
    """ "strawberries", "grapes" with no amount: one reference amount, not one berry."""
    last = food.split()[-1].lower() if food.split() else ""
    if not last.endswith("s") or singular(last) == last or _BULK.search(weighed.portion):
        return None
    try:
        reference = _reference(match, group, 1.0, "no amount, several")
    except (ItemError, PortionError):
        return None
    return reference if weighed.grams * 3 < reference[0].grams else None


def _is_drink(name: str, group: str) -> bool:
    folded = name.lower()
    if group == "Beverages":
        return "powder" not in folded and "dry" not in folded
    if group == "Fruits and Fruit Juices":
        return "juice" in folded and "undiluted" not in folded
    return (
        group == "Dairy and Egg Products"
        and folded.startswith(("milk,", "kefir"))
        and ("fluid" in folded or "kefir" in folded)
    )


def _vague(
    match: Match, parts: ItemParts, food_words: tuple[str, ...], group: str
) -> tuple[Weighed, str]:
    """ "a handful of almonds": the cited default for the word, as an estimate."""
    word = parts.unit.name if parts.unit else ""
    default = estimates.vague_default(word, match.name, group)
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


def _accompaniment(
    match: Match, food_words: tuple[str, ...], group: str, joined: str
) -> tuple[Weighed, str] | None:
    """ "tea with milk", "toast with butter": no amount for what goes with a food; a splash
    of a drink's milk, else one reference amount, as an estimate."""
    splash = estimates.vague_default("splash", match.name, group)
    if joined == WITH_DRINK and (default := splash):
        weighed = weigh(
            match.food_id, match.name, default.amount, unit_of(default.unit), food_words
        )
        cited = estimates.cite(default.source)
        return weighed, f'no amount: "a splash", {default.amount:g} {default.unit} ({cited})'
    return _reference(match, group, 1.0, "no amount")


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


def _unknown(phrase: str) -> str:
    """Say what to do: split two foods, take a candidate, or pin an id."""
    if re.search(r"\b(?:with|and)\b|&", phrase, flags=re.IGNORECASE):
        return (
            f'unknown food "{_short(phrase)}"; if these are two foods, write each as its own '
            'item with its own amount, separated by ";"'
        )
    candidates = food_index().candidates(phrase[:60])
    hint = "; did you mean: " + ", ".join(_short(m.label, 40) for m in candidates[:2])
    if not candidates:
        hint = ""
    return (
        f'unknown food "{_short(phrase)}"{hint}; or pin one by id, e.g. "100 g #11457", '
        "or split a dish into its ingredients"
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _supplement(supplement: Supplement, text: str) -> Resolution:
    """ "magnesium glycinate 200mg", "Ca 500 mg": an elemental dose, not a food."""
    if supplement.combined:
        raise ItemError(
            "a combined calcium and magnesium supplement: write each elemental dose from its "
            'label as its own item, e.g. "calcium 500 mg; magnesium 250 mg"',
            Kind.SUPPLEMENT,
        )
    if supplement.element is None:
        raise LeftOut(f'"{text}": a supplement without calcium or magnesium; left out')
    element = supplement.element
    try:
        parts = split_item(re.sub(r"(?i)\b(\d+(?:\.\d+)?)\s*(mg|g|mcg)\b", r" \1 \2 ", text))
    except AmountError:
        parts = None
    if parts is None or parts.amount is None or parts.unit is None or parts.unit.kind != "mass":
        raise ItemError(
            f'give the {element} dose as a mass from the label, e.g. "200 mg {element}"',
            Kind.SUPPLEMENT,
        )
    dose = parts.amount * parts.unit.grams * 1000.0
    notes: tuple[str, ...] = ()
    if supplement.compound:
        notes = (
            f"{dose:g} mg read as elemental {element}, as a Supplement Facts label states it; "
            f"if it is the weight of the {supplement.compound}, give the elemental amount",
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
        notes=notes,
    )
