"""Words that change a food's calcium or magnesium: honoured by the food chosen, or refused.

"Calcium-fortified orange juice" must never become plain orange juice (ten times
less calcium), nor "dry oats" cooked oatmeal. Each rule says which words of a
log item call for it and what the chosen SR28 food's name must then say.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from camg import sr28, tables
from camg.text import fold

_COOKED = r"cooked|boiled|steamed|baked|roast|roasted|grilled|broiled|fried|prepared|simmered|stewed|poached|microwaved|scrambled|toasted|sauteed|braised|barbecued|chargrilled|griddled|seared"  # noqa: E501
_RAW = r"raw|dry|dried|uncooked|unprepared"


class Rule(NamedTuple):
    """A modifier: the words that call for it, what the food's name must (not) say."""

    said: re.Pattern[str]  # in the item's folded text
    needs: re.Pattern[str] | None  # in the food's folded name
    forbids: re.Pattern[str] | None = None
    groups: frozenset[str] | None = None  # SR28 groups it applies to (None: all)
    unless: re.Pattern[str] | None = None  # in the item: the rule does not apply
    added: bool = False  # a food whose calcium is added, though its name does not say so


@cache
def _calcium_added() -> frozenset[str]:
    """Names of foods whose calcium is added though SR28's name does not say so
    (data/calcium_added.csv gives the evidence from SR28's own figures)."""
    rows = tables.read_rows("calcium_added.csv")
    return frozenset(fold(sr28.food_row(row["food_id"])["name"]) for row in rows)


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_DAIRY = frozenset({"Dairy and Egg Products"})
# Words that say a food's calcium is added: "calcium-fortified", "with added calcium".
CALCIUM_ADDED = r"added calcium|with calcium|calcium[- ]?(?:enriched|fortified)"
_GRAINS = frozenset(
    {"Baked Products", "Cereal Grains and Pasta", "Breakfast Cereals", "Snacks", "Fast Foods"}
)
RULES = (
    Rule(
        _p(r"\bfortified\b"),
        _p(r"calcium|(?<!not )fortified(?! with vitamin)"),
        unless=_p(r"\b(?:un|not |non)[- ]?fortified|" + CALCIUM_ADDED),
        added=True,
    ),
    Rule(  # "calcium fortified cereal": a cereal fortified with iron alone is not it
        _p(CALCIUM_ADDED),
        _p(r"calcium"),
        unless=_p(r"\b(?:un|not |non)[- ]?fortified|no added calcium|without added calcium"),
        added=True,
    ),
    Rule(_p(r"\benriched\b"), None, forbids=_p(r"unenriched")),
    Rule(
        _p(r"\b(?:un|not |non)[- ]?fortified|no added calcium|without added calcium"),
        None,
        forbids=_p(r"added calcium|calcium[- ]fortified|fortified with calcium|with calcium"),
    ),
    # Calcium-set tofu is set with calcium sulfate alone: SR28's tofu set with nigari too
    # holds half its calcium, so it is the food only when nigari is said as well.
    Rule(
        _p(r"calcium[- ]set|set with calcium|calcium sulph?ate"),
        _p(r"calcium sulfate|calcium"),
        forbids=_p(r"nigari|magnesium chloride"),
        unless=_p(r"nigari|magnesium chloride"),
    ),
    Rule(  # and nigari tofu is set with nigari alone, unless calcium is said too
        _p(r"\bnigari\b"),
        _p(r"nigari"),
        forbids=_p(r"calcium sulfate"),
        unless=_p(r"calcium"),
    ),
    Rule(
        _p(r"\bwith bones?\b|\bbones? in\b|\bbone[- ]in\b"),
        _p(r"\bbones?\b"),
        _p(r"without bone|boneless"),
    ),
    Rule(  # "2% milk with added nonfat milk solids" is no skim milk
        _p(r"\b(?:skim|skimmed|nonfat|non[- ]fat|fat[- ]free|0%)"),
        _p(r"nonfat|skim|fat free|fat-free"),
        forbids=_p(r"[12]%|3\.25%|reduced fat|low ?fat|\bwhole\b"),
        groups=_DAIRY,
        unless=_p(r"semi[- ]skimmed"),
    ),
    Rule(_p(r"(?<![\d.])1%"), _p(r"\b1%|lowfat|low fat"), groups=_DAIRY),
    Rule(  # "2% Greek yogurt" is a low-fat one: SR28 says 2% of milks alone
        _p(r"(?<![\d.])2%|semi[- ]skimmed"),
        _p(r"2%|reduced fat|low ?fat"),
        groups=_DAIRY,
    ),
    Rule(  # "reduced-fat yoghurt": a low-fat one; reduced-fat milk is 2% by its name
        _p(r"reduced[- ]fat"),
        _p(r"2%|reduced fat|low ?fat|1%|light|part skim"),
        groups=_DAIRY,
    ),
    Rule(_p(r"\blow[- ]?fat\b"), _p(r"low ?fat|1%|2%|reduced fat|light|part skim"), groups=_DAIRY),
    Rule(
        _p(r"\bwhole milk\b|\bfull[- ](?:fat|cream)\b"),
        _p(r"\bwhole\b|3\.25%|full fat|\bwhole milk"),
        groups=_DAIRY,
    ),
    Rule(_p(r"\b(?:canned|tinned)\b"), _p(r"canned|drained solids|\bcan\b")),
    Rule(
        _p(r"\b(?:dried|dehydrated)\b"),
        _p(r"dried|dehydrated|\bdry\b|powder|raisin|sultana|currant|prune"),
        groups=frozenset({"Fruits and Fruit Juices", "Vegetables and Vegetable Products"}),
    ),
    Rule(  # dark chocolate holds three times the magnesium of milk chocolate, and half its
        # calcium: it is never read as milk chocolate
        _p(r"\bdark\s+choc|\bspecial dark\b"),
        _p(r"\bdark\b|semisweet|bittersweet|cacao"),
        groups=frozenset({"Sweets"}),
    ),
    Rule(
        _p(r"wholemeal|whole[- ]?grain|whole[- ]wheat|wholewheat|granary|multi[- ]?grain"),
        _p(r"whole|multi-?grain|mixed-?grain|wheat bran|cracked-wheat"),
        groups=_GRAINS,  # whole-grain mustard is a mustard: its seeds, not a flour
    ),
)
_SAYS_COOKED = _p(rf"\b(?:{_COOKED})\b")
_SAYS_RAW = _p(rf"\b(?:{_RAW})\b")


def unhonoured(text: str, food_name: str, group: str) -> list[str]:
    """The words of `text` that change Ca or Mg and that the food does not honour."""
    said = fold(text)
    name = fold(food_name)
    missing = []
    for rule in RULES:
        found = rule.said.search(said)
        if found is None or (rule.unless is not None and rule.unless.search(said)):
            continue
        if rule.groups is not None and group not in rule.groups:
            continue
        if rule.added and name in _calcium_added():
            continue
        if (rule.needs is not None and not rule.needs.search(name)) or (
            rule.forbids is not None and rule.forbids.search(name)
        ):
            missing.append(found.group(0))
    missing.extend(_state_clash(said, name))
    return missing


def changes_calcium_or_magnesium(text: str) -> bool:
    """Whether `text` says a word that changes a food's calcium or magnesium, or its state
    ("dry"): such a word is never left unused."""
    said = fold(text)
    return any(rule.said.search(said) for rule in RULES) or bool(_SAYS_RAW.search(said))


def says_a_state(word: str) -> bool:
    """Whether a word says only that a food is cooked or raw ("roasted", "dry")."""
    return bool(_SAYS_COOKED.fullmatch(word) or _SAYS_RAW.fullmatch(word))


def says_state(text: str, food_name: str) -> bool:
    """Whether a food's name says the state the text says: "roasted eggplant" is SR28's
    boiled eggplant, which says it was cooked, before its pickled one, which says neither."""
    said, name = fold(text), fold(food_name)
    cooked, raw = _SAYS_COOKED.search(said), _SAYS_RAW.search(said)
    if bool(cooked) == bool(raw):
        return False
    return bool((_SAYS_COOKED if cooked else _SAYS_RAW).search(name))


def _state_clash(said: str, name: str) -> list[str]:
    """ "dry oats" is not cooked oatmeal, "cooked spinach" not raw spinach (a cup of each
    weighs five times the other)."""
    cooked, raw = _SAYS_COOKED.search(said), _SAYS_RAW.search(said)
    if bool(cooked) == bool(raw):
        return []  # neither, or both ("dry roasted almonds")
    name_cooked, name_raw = _SAYS_COOKED.search(name), _SAYS_RAW.search(name)
    if cooked and name_raw and not name_cooked:
        return [cooked.group(0)]
    if raw and name_cooked and not name_raw:
        return [raw.group(0)]
    return []
