"""A sandwich, roll, wrap or filled potato that the table lacks, read as its bread (or
potato) and its fillings.

"cheese and ham sandwich on brown roll" is no SR28 food, but cheese, ham and a brown roll
are. Diaries name sandwiches more than any other dish, so camg reads one as its parts
rather than refusing it. The bread a sandwich word stands for, and how many slices, are
data (data/sandwiches.csv) with their source; slices camg assumed make the bread an
estimate. Fillings without an amount take a cited amount for one sandwich where one is
kept (data/fillings.csv), else are weighed as any food without one, up to one reference
amount.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from camg import tables
from camg.splitting import BREADS, FILLING, Piece, last_word, mayo_split
from camg.text import key, singular

# Words that say what bread it is: "salmon wholegrain sandwich" is salmon on wholegrain bread.
_BREAD_WORDS = frozenset(
    (
        "white brown wholemeal wholegrain whole-grain whole wheat grain multigrain multi-grain "
        "granary rye sourdough seeded crusty toasted malted soft"
    ).split()
)
_COUNT = re.compile(
    r"^\s*(?:(?P<digits>\d+)|(?P<word>a|an|one|two|three|four|half(?:\s+of)?(?:\s+an?)?))\s+",
    re.IGNORECASE,
)
_SOME = re.compile(r"(?:some|several|a few|half)\b", re.IGNORECASE)
_COUNT_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0}
# "on brown roll", "made with white bread", "filled with salad", "with butter".
_TAIL = re.compile(
    r"^\s*(?:(?P<on>on|in)\s+(?:an?\s+)?(?P<bread>.+?)|(?:made\s+)?with\s+(?P<with>.+?)"
    r"|filled\s+with\s+(?P<filled>.+?))\s*$",
    re.IGNORECASE,
)
# "ham sandwich - 1 slice of ham": what follows the dash spells the sandwich out.
_DETAILS = re.compile(r"\s+[-–—]\s+")
_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|&|\+|with)\s+|\s*&\s*", re.IGNORECASE)


class Kind(NamedTuple):
    """What a sandwich word stands for: its bread, and the slices of it (0: one, as named)."""

    bread: str
    slices: int
    source: str


@cache
def kinds() -> dict[str, Kind]:
    """Each sandwich word (data/sandwiches.csv) and what it stands for."""
    return {
        row["word"]: Kind(row["bread"], int(row["slices"]), row["source"])
        for row in tables.read_rows("sandwiches.csv")
    }


def sandwich_pieces(
    text: str,
    is_food: Callable[[str], bool],
    reads: Callable[[str], bool],
    flavours: Callable[[str], bool] = lambda text: False,
) -> list[Piece] | None:
    """The fillings and the bread of a sandwich named by its fillings, or None when the
    text is no such sandwich or a part of it is no food. `is_food`: the text names a food
    with every word; `reads`: it names one, perhaps with words left unused; `flavours`: it
    names a fruit or a chocolate, which a bagel is baked with ("blueberry bagel"), not
    filled with.

    Fillings spelled out after a dash ("ham sandwich - 2 slices of ham, 1 slice of
    cheddar") are the fillings, with their amounts."""
    text, _, details = _DETAILS.sub(" - ", text, count=1).partition(" - ")
    found = _sandwich_word(text)
    if found is None:
        return None
    start, end, kind = found
    if text[end:].lstrip().lower().startswith((",", ";", "and ", "& ", "+ ")):
        return None  # "ham sandwich, an apple", "... and chips": foods of their own
    count, lead = _count(text[:start])
    if is_food(f"{lead}{text[start:end]}"):
        return None  # "cinnamon roll with coffee", "bread roll": a food of its own
    fillings, adjectives = _fillings_and_bread_words(lead)
    bread, more = _tail(text[end:])
    written = " ".join([*adjectives, text[start:end]])  # the words that name the bread
    if bread is None:
        bread = " ".join([*adjectives, kind.bread])
    elif adjectives:
        return None  # "white sandwich on rye": which bread?
    else:
        written = f"{written} ({bread})"
    fillings += more
    if not fillings or any(_COUNT.match(f"{f} ") or _SOME.match(f) for f in fillings):
        return None  # "strawberries, half of a ham": foods of their own, not fillings
    if kind.bread == "bagel" and any(flavours(filling) for filling in fillings):
        return None  # "blueberry bagel", "chocolate chip bagel": a bagel of that flavour
    if details:
        return _spelled_out(_split(details), written, bread, count, kind, reads)
    if not all(reads(filling) for filling in fillings) or not reads(bread):
        return None
    pieces = [_filling(filling, count) for filling in fillings]
    pieces.append(_bread(written, bread, count, kind))
    return pieces


def _spelled_out(
    details: list[str],
    written: str,
    bread: str,
    count: float,
    kind: Kind,
    reads: Callable[[str], bool],
) -> list[Piece] | None:
    """ "... - 1 slice of cheddar, 1 slice of ham": the fillings as written, and the bread
    the sandwich named unless a detail names it too."""
    breads = [part for part in details if last_word(part) in BREADS]
    if not details or not all(reads(part) for part in details) or not reads(bread):
        return None
    pieces = [Piece(part, part) for part in details]
    if not breads:
        pieces.append(_bread(written, bread, count, kind))
    return pieces


def _sandwich_word(text: str) -> tuple[int, int, Kind] | None:
    """The first sandwich word after the fillings ("jacket potato" before "potato")."""
    found = _sandwich_pattern().search(text)
    if found is None:
        return None
    name = " ".join(singular(word) for word in found.group(1).lower().replace("-", " ").split())
    return found.start(1), found.end(1), kinds()[name]


@cache
def _sandwich_pattern() -> re.Pattern[str]:
    """Any sandwich word, after at least one word of filling; the longest names first."""
    names = sorted(kinds(), key=len, reverse=True)
    words = "|".join(re.escape(name).replace(r"\ ", r"[\s-]+") + "(?:e?s)?" for name in names)
    return re.compile(rf"\S\s+({words})\b", re.IGNORECASE)


def _count(lead: str) -> tuple[float, str]:
    found = _COUNT.match(lead)
    if found is None:
        return 1.0, lead
    if found.group("digits"):
        return float(found.group("digits")), lead[found.end() :]
    word = found.group("word").lower()
    return (0.5 if word.startswith("half") else _COUNT_WORDS[word]), lead[found.end() :]


def _fillings_and_bread_words(lead: str) -> tuple[list[str], list[str]]:
    """ "salmon wholegrain" -> ["salmon"], ["wholegrain"]: bread words end the fillings."""
    words = lead.split()
    if words and key(words[-1]) == "bread":  # "tuna wholemeal bread sandwich"
        words.pop()
    adjectives: list[str] = []
    while words and key(words[-1]) in _BREAD_WORDS:
        adjectives.insert(0, words.pop())
    return _split(" ".join(words)), adjectives


def _tail(tail: str) -> tuple[str | None, list[str]]:
    """What follows the sandwich word: its bread ("on rye") and more fillings ("with
    salad"). An unread tail makes the bread None and adds no filling."""
    tail = tail.strip(" ()")
    if not tail:
        return None, []
    found = _TAIL.match(tail)
    if found is None:
        return None, [tail]  # a tail that reads as nothing: the is_food test refuses it
    if found.group("on"):
        bread = found.group("bread")
        with_ = re.split(r"\s+with\s+", bread, maxsplit=1, flags=re.IGNORECASE)
        bread = with_[0]
        if not key(bread):
            return None, [tail]  # "sandwich on ,": no bread named, so no sandwich read
        if last_word(bread) not in BREADS:
            bread = f"{bread} bread"
        return bread, _split(with_[1]) if len(with_) > 1 else []
    with_ = found.group("with") or found.group("filled")
    breads = [part for part in _split(with_) if last_word(part) == "bread"]
    fillings = [part for part in _split(with_) if part not in breads]
    return (breads[0] if breads else None), fillings


def _split(text: str) -> list[str]:
    """Fillings: "ham, cheese and tomato"; "tuna mayo" is tuna and mayo."""
    parts = [part.strip() for part in _SEPARATOR.split(text) if part.strip()]
    return [piece for part in parts for piece in mayo_split(part)]


def _filling(filling: str, count: float) -> Piece:
    """A filling as written, once for each sandwich: without an amount, a cited amount
    for a sandwich (data/fillings.csv), else as the food alone would be weighed."""
    return Piece(filling, filling, joined=FILLING, times=count)


def _bread(word: str, bread: str, count: float, kind: Kind) -> Piece:
    """Slices of bread for a sandwich (assumed, so an estimate); one roll, bagel or
    tortilla for each sandwich named so."""
    if kind.slices == 0 or last_word(bread) != "bread":
        return Piece(word, f"{count:g} {bread}")
    slices = kind.slices * count
    plural = "slice" if slices == 1 else "slices"
    assumed = f'"{word}" taken as {slices:g} {plural} of bread ({kind.source})'
    return Piece(word, f"{slices:g} slice {bread}", assumed=assumed)
