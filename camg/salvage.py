"""The foods named inside a sentence that reads as no food as a whole.

"I started my morning, after the gym, with my usual ryvita / banana / peanut butter
combination" names three foods among a story's words. When a line is read neither whole
nor cut at its commas and joining words, each clause may give one food: the longest run
of its words that names a food cleanly, led only by story words ("I had", "my usual", an
article) and followed by nothing that could change it. Every word left over is said, so
the entries are approximate. The line is refused as before when a word left over changes
calcium or magnesium, gives an amount, denies ("hold the lemon"), or names the dish the
foods were in ("pizza").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from camg import modifiers
from camg.amounts import NUMBER_WORDS
from camg.splitting import DESCRIBING, DISHES, Piece
from camg.text import key, word_set
from camg.units import VAGUE, canonical

# Where a sentence's clauses end: punctuation, and words that join or tell a story.
_BOUNDARY = re.compile(
    r"\s*[,;:()!?]\s*|\s*(?<=[^\d\s])/(?=[^\d\s])\s*|\s+/\s+|\s+-+\s+|\.(?:\s+|$)|"
    r"\s*\b(?:and|with|plus|then|on|for|after|before|at|to|made|so|but|while|until|which|"
    r"that|was|were|is|are|had|have|having|ate|eaten|also)\b\s*",
    re.IGNORECASE,
)
# The longest run of words tried as one food, and the fewest words of a sentence.
_LONGEST = 6
_SHORTEST = 5
# Words that may lead a food in a story: determiners, pronouns and verbs of eating.
_BEFORE_A_FOOD = word_set(
    "a an the some my our his her their this these those usual more another extra of "
    "daily regular favourite favorite same "
    "i we you he she they just also then finally still "
    "had ate eat eating drank drink drinking grabbed grab made make cooked ordered got "
    "bought enjoyed tried finished snacked munched sipped having"
)
# Words that may follow a food in a story without changing it.
_AFTER_A_FOOD = word_set("combination combo again too today tonight yesterday instead")
# Words that are never a food by themselves in a sentence ("lunch", "today").
_NOT_FOODS = word_set(
    "breakfast lunch dinner supper tea snack brunch elevenses meal morning afternoon "
    "evening night day today yesterday tonight week gym work home time usual combination "
    "water soft pastry dessert food dish drink juice soup sauce salad cake mix"
)
# Words that, left over, undo the foods found: a denial, or the dish they were in.
_UNDOING = word_set("no not hold without minus except skip didn't didnt don't dont never")
_FRACTIONS = frozenset("½ ⅓ ⅔ ¼ ¾ ⅛ half quarter".split())
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}")


def salvaged(text: str, reads_cleanly: Callable[[str], bool]) -> tuple[list[Piece], str] | None:
    """The foods a sentence names, and the words it used for none; None when it is no
    sentence, names no food, or leaves over a word that must not be left."""
    if len(text.split()) < _SHORTEST:
        return None  # "2 rye crisp breads": a food the table lacks, not a story
    found: list[Piece] = []
    unused: list[str] = []
    for clause in _BOUNDARY.split(text):
        clause_words = clause.split()
        run = _food_in(clause_words, reads_cleanly)
        if run is None:
            unused.extend(clause_words)
            continue
        start, end = run
        found.append(Piece(" ".join(clause_words[start:end]), " ".join(clause_words[start:end])))
        unused.extend(clause_words[:start] + clause_words[end:])
    left = " ".join(unused)
    if not found or _must_not_be_left(unused) or modifiers.changes_calcium_or_magnesium(left):
        return None
    return found, left


def _must_not_be_left(unused: list[str]) -> bool:
    """An amount ("1 quarter-pound beef patty"), a denial, or a dish left unread."""
    return any(
        _amount_word(word) or _plain(word) in _UNDOING or key(word) in DISHES for word in unused
    )


def _food_in(clause: list[str], reads_cleanly: Callable[[str], bool]) -> tuple[int, int] | None:
    """The longest run of a clause's words that names a food as the clause says it."""
    for length in range(min(_LONGEST, len(clause)), 0, -1):
        for start in range(len(clause) - length + 1):
            end = start + length
            if _placed_as_a_food(clause, start, end) and reads_cleanly(" ".join(clause[start:end])):
                return start, end
    return None


def _placed_as_a_food(clause: list[str], start: int, end: int) -> bool:
    """Whether a run stands where a food's name does: led by story words, ending the
    clause (a name ends in its food: "white chocolate Ferrero Rocher" is no white
    cheese), never an amount cut from its food, a describing word, a bare dish or a
    word of the day ("lunch")."""
    run = clause[start:end]
    if any(_plain(word) not in _BEFORE_A_FOOD and not _clock(word) for word in clause[:start]):
        return False  # "Super [Greens]", "[1/2 cup] oats": a word camg cannot place
    if any(_plain(word) not in _AFTER_A_FOOD for word in clause[end:]):
        return False  # "[hemp] protein", "[New Zealand] Sauvignon Blanc"
    first, last = key(run[0]), key(run[-1])
    named = [word for word in run if not _amount_word(word) and _plain(word) not in _BEFORE_A_FOOD]
    if canonical(run[0]) or first in VAGUE or first == "of" or last in DESCRIBING:
        return False
    if not named or key(" ".join(named)) in _NOT_FOODS:
        return False
    return not (len(named) == 1 and key(named[0]) in DISHES)


def _plain(word: str) -> str:
    return word.lower().strip(".,!?\"'")


def _clock(word: str) -> bool:
    """ "10.30am I had ...": a time of day, not an amount."""
    return bool(_CLOCK.fullmatch(word.lower()))


def _amount_word(word: str) -> bool:
    lowered = word.lower()
    if _clock(lowered):
        return False
    return (
        any(char.isdigit() for char in lowered) or lowered in NUMBER_WORDS or lowered in _FRACTIONS
    )
