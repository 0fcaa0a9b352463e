"""The foods named inside a sentence that reads as no food as a whole.

"I started my morning, after the gym, with my usual ryvita / banana / peanut butter
combination" names three foods among a story's words. When a line is read neither whole
nor cut at its commas and joining words, it is cut into clauses at punctuation and at the
words that tell a story ("was", "for", "then", "from"). In each clause, the words after
its story words ("I had", "my usual", an article) are read as any line is, and taken when
every food among them is read cleanly; else, cut at "and", each food named with at most
one word camg does not honour ("fried black pudding"). A joining word before an amount
starts a food ("with a short cut bacon slice on 2 slices of toast"), read even with words
left over, or said as a problem of its own when it names none. Every word left over is
said, so the entries are approximate. A clause that denies ("hold the lemon") gives no
food, and the line is refused as before when a word left over changes calcium or
magnesium, gives an amount, or names the dish the foods were in ("pizza", "cheesecake").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from camg import modifiers
from camg.amounts import NUMBER_WORDS
from camg.splitting import DISHES
from camg.text import key, word_set

# Where a sentence's clauses end: words that tell a story, and a sentence's punctuation;
# within a clause that names no foods as a whole, commas and slashes too.
_STORY_WORDS = (
    r"\s*\b(?:for|after|before|at|to|so|but|while|until|which|that|was|were|is|are|had|"
    r"have|having|ate|eaten|also|then|when|because|as|if|made|make|cooked|got|grabbed|"
    r"ordered|bought|enjoyed|tried|finished|drank|from|where|grown|in|over|followed by|picked|"
    r"will be|has|grab|put|took|take)\b\s*"
)
# Quotation marks around a food's name, not an apostrophe within a word ("Joe’s").
_QUOTES = re.compile(r"[‘“”\"]|’(?![A-Za-z])")
# A sentence's full stop, not an abbreviation's ("1/4 tsp. olive oil").
_STOP = r"(?<!\btsp)(?<!\btbsp)(?<!\boz)(?<!\blb)(?<!\bc)(?<!\bg)\.(?:\s+|$)"
_DASH = r"\s+[-–—―]+\s+"
_STORY = re.compile(rf"\s*[;:()!?]\s*|{_DASH}|{_STOP}|" + _STORY_WORDS, re.IGNORECASE)
_BOUNDARY = re.compile(
    rf"\s*[,;:()!?]\s*|\s*(?<=[^\d\s])/(?=[^\d\s])\s*|\s+/\s+|{_DASH}|{_STOP}|" + _STORY_WORDS,
    re.IGNORECASE,
)
# The fewest words of a sentence.
_SHORTEST = 5
# Words that may lead a food in a story: determiners, pronouns, meals and verbs of eating.
_BEFORE_A_FOOD = word_set(
    "the some my our his her their this these those usual more another extra of with "
    "example daily regular favourite favorite same i we you he she they it it's its me us "
    "them just also then finally still and eat eating drink drinking sipped munched snacked "
    "on off up "
    "giving gave give get getting love loving loved enjoy enjoying like fancy fancied "
    "breakfast lunch dinner supper snack brunch meal do did remember"
)
# Words that may follow a food in a story without changing it.
_AFTER_A_FOOD = word_set(
    "combination combo again too today tonight yesterday instead and sometime earlier later first"
)
# Words that, left over, undo the foods found: a denial, or the dish they were in.
_UNDOING = word_set("no not hold without minus except skip didn't didnt don't dont never couldn't")
_FRACTIONS = frozenset("½ ⅓ ⅔ ¼ ¾ ⅛ half quarter".split())
# A time of day: "8am", "10.30 pm", "12:45".
CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


class Salvage(NamedTuple):
    """What a sentence names: the texts of its foods, in order, each with whether it names
    a food (else it gives an amount of one camg cannot read: "1 quarter-pound beef patty"),
    and the words used for none."""

    runs: list[tuple[str, bool]]
    left: str


class Reader(NamedTuple):
    """How well a text names foods, asked of the caller."""

    cleanly: Callable[[str], bool]  # foods, every word of them read
    nearly: Callable[[str], bool]  # a food, one describing word unused ("fried black pudding")
    at_all: Callable[[str], bool]  # a food, any words left unused (then said)


def salvaged(text: str, reader: Reader) -> Salvage | None:
    """The foods a sentence names; None when it is no sentence, names no food, or leaves
    over a word that must not be left."""
    if len(text.split()) < _SHORTEST:
        return None  # "2 rye crisp breads": a food the table lacks, not a story
    text = _QUOTES.sub("", text)  # "a freshly toasted ‘avocado on rye’"
    runs: list[tuple[str, bool]] = []
    unused: list[str] = []
    for story in filter(None, _STORY.split(text)):
        # "was 2 eggs, fried in a little olive oil, and toast": the clause's list whole
        whole = _foods_in(story.split(), reader.cleanly)
        clauses = [story] if whole is not None and "," in story else _BOUNDARY.split(story)
        for clause, joined in _at_measured_joins(clauses, reader.cleanly):
            clause_words = clause.split()
            run = _foods_in(clause_words, reader.cleanly)
            if run is not None:
                start, end = run
                runs.append((" ".join(clause_words[start:end]), True))
                unused.extend(clause_words[:start] + clause_words[end:])
            elif _measured(clause_words, joined):  # "2 slices of lightly buttered toast"
                measured = _without_story(clause_words)
                runs.append((measured, reader.at_all(measured)))  # "1 quarter-pound patty"
            else:
                _nearly(clause, reader, runs, unused)
    left = " ".join(unused)
    if (
        not any(clean for _, clean in runs)
        or _must_not_be_left(unused)
        or modifiers.changes_calcium_or_magnesium(left)
    ):
        return None
    return Salvage(runs, left)


def _nearly(clause: str, reader: Reader, runs: list[tuple[str, bool]], unused: list[str]) -> None:
    """ "fried black pudding and grilled tomato": the foods of a clause that names none
    cleanly, each named with at most one describing word camg does not honour (said)."""
    for part in _AND.split(clause):
        part_words = part.split()
        run = _foods_in(part_words, reader.cleanly) or _foods_in(part_words, reader.nearly)
        if run is None:
            unused.extend(part_words)
            continue
        start, end = run
        runs.append((" ".join(part_words[start:end]), True))
        unused.extend(part_words[:start] + part_words[end:])


_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


# "2 fried eggs with a short cut bacon slice on 2 slices of toast": a joining word before
# an amount starts a food.
_AND_MEASURED = re.compile(
    r"\s+(?:and|with|on|plus)\s+(?=(?:a|an|one|two|three|four|five|six|\d|[½⅓⅔¼¾⅛])\b)",
    re.IGNORECASE,
)


def _at_measured_joins(
    clauses: list[str], reads_cleanly: Callable[[str], bool]
) -> list[tuple[str, bool]]:
    """Clauses, cut where a joining word starts a measured food when that names more foods
    than the clause whole; each says whether a joining word led it."""
    found: list[tuple[str, bool]] = []
    for clause in clauses:
        parts = _AND_MEASURED.split(clause)
        whole = _foods_in(clause.split(), reads_cleanly) is not None
        named = sum(_foods_in(part.split(), reads_cleanly) is not None for part in parts)
        if whole and named <= 1:  # "a roll with a knifeful of butter": the roll too
            found.append((clause, False))
            continue
        found.extend((part, index > 0) for index, part in enumerate(parts))
    return found


def _measured(clause: list[str], joined: bool) -> bool:
    """A clause that gives an amount after its story words: a food, read or not. After a
    joining word, an article is one ("with a short cut bacon slice")."""
    rest = [word.lower() for word in _without_story(clause).split()]
    if len(rest) < 2 or rest[1:3] in (["of", "the"], ["of", "my"], ["of", "them"]):
        return False  # "one of the many office workers": no amount of a food
    article = rest[0] in ("a", "an")
    return _amount_word(rest[0]) or (article and (joined or rest[1] in _COUNTS))


# What an article counts: "a couple of long sweet capsicums".
_COUNTS = frozenset("couple few dozen pair half handful".split())


def _without_story(clause: list[str]) -> str:
    start = 0
    while start < len(clause) and _story(clause[start]):
        start += 1
    return " ".join(clause[start:])


def _must_not_be_left(unused: list[str]) -> bool:
    """An amount ("1 quarter-pound beef patty"), or a dish left unread ("pizza", and the
    "cheesecake" a cape gooseberry adorned)."""
    return any(_amount_word(word) or _dish(key(word)) for word in unused)


def _dish(word: str) -> bool:
    return word in DISHES or (word.endswith("cake") and len(word) > len("cake") + 2)


def _foods_in(clause: list[str], reads_cleanly: Callable[[str], bool]) -> tuple[int, int] | None:
    """The longest run of a clause's words that starts after a story word ("I had", "my
    usual", "breakfast of") and runs to its end, save words that end a story ("again"),
    when it reads cleanly: a name ends in its food, so "white chocolate Ferrero Rocher" is
    no white cheese, and "Super Greens" no beet greens. A clause that denies ("hold the
    lemon") gives none."""
    if any(_plain(word) in _UNDOING for word in clause):
        return None
    end = len(clause)
    while end > 0 and _plain(clause[end - 1]) in _AFTER_A_FOOD:
        end -= 1
    for start in range(end):
        if start and not _story(clause[start - 1]):
            continue  # "Super [Greens]": a word camg cannot place
        if _story(clause[start]):
            continue
        run = " ".join(clause[start:end])
        if reads_cleanly(run) and _names_a_food(run):
            return start, end
    return None


def _story(word: str) -> bool:
    return _plain(word) in _BEFORE_A_FOOD or _clock(word)


# Words that are never a food by themselves in a sentence ("lunch", "today").
_NOT_FOODS = word_set(
    "breakfast lunch dinner supper tea snack brunch elevenses meal morning afternoon "
    "evening night day today yesterday tonight week gym work home time usual combination "
    "water soft pastry dessert food dish drink juice soup sauce salad cake mix protein fibre "
    "fiber vitamin calorie carb carbohydrate fat"
)


def _names_a_food(run: str) -> bool:
    """Not a word of the day ("lunch"), nor a bare dish ("sandwich")."""
    named = key(" ".join(word for word in run.split() if not _amount_word(word)))
    return bool(named) and named not in _NOT_FOODS and named not in DISHES


def _plain(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,!?\"'")


def _clock(word: str) -> bool:
    """ "10.30am I had ...": a time of day, not an amount."""
    return bool(CLOCK.fullmatch(word))


def _amount_word(word: str) -> bool:
    lowered = word.lower()
    if _clock(lowered):
        return False
    return (
        any(char.isdigit() for char in lowered) or lowered in NUMBER_WORDS or lowered in _FRACTIONS
    )


def tells_a_story(text: str, names_a_food: Callable[[str], bool]) -> bool:
    """Whether a clause beside a line's foods only tells of the day: "I come down stairs",
    "it was yummy!". It has a word a story is told with (a pronoun, "was", "then") and none
    that may lead a food eaten ("a", "some", "had", a number), nor any word that names a
    food (`names_a_food`): "a Wagon Wheel once the kids" and "two crumpets" are no story."""
    said = [_plain(word) for word in _GOT_UP.sub(" ", text).split()]
    if not said or not _TELLING & set(said) or _LEADING & set(said):
        return False
    if any(_amount_word(word) for word in said):
        return False
    return not any(
        names_a_food(key(word))
        for word in said
        if word not in _TELLING and word not in _NOT_FOODS and word not in _FUNCTION
    )


# "I usually get up about 8am": rising, no food got.
_GOT_UP = re.compile(r"\b(?:get|gets|got|getting)\s+up\b", re.IGNORECASE)
# Words a story is told with, and words that lead a food eaten.
_TELLING = word_set(
    "i i'm i've we we're it it's its me my us our they them their mine he she his her was were "
    "is are am be been being going which that so but then though started came come went "
    "washed knew saw settled served cut launched"
)
_FUNCTION = word_set(
    "the for on in to and of at with by from into up down out off over not very too just "
    "really all once again this these those there here what when where how why as than"
)
_LEADING = word_set(
    "a an some had have has ate eat eating eaten drank drink drinking get got getting grabbed "
    "having tried"
)
