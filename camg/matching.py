"""Food matching: from the words a person writes to a food of the food table.

The user's own foods and recipes are found by their names first (camg.foodtable);
then three layers over SR28, tried in order, each explainable: an explicit id (`#11457`), the
curated alias table (data/aliases.csv: everyday names -> the food a person
most likely means), and a ranking over all 8,789 SR28 descriptions. Words the
table does not know are corrected to the nearest known word (rapidfuzz) and
the correction is reported, never hidden.
"""

from __future__ import annotations

import re
from functools import cache, cached_property, lru_cache
from typing import Any, NamedTuple

from camg import foodtable, sr28, tables
from camg.sr28 import (
    BOILERPLATE,
    CATEGORY_HEADS,
    COOKED_BY_DEFAULT,
    NICHE_GROUPS,
    RAW_BY_DEFAULT,
)
from camg.text import key, singular, word_set, words
from camg.units import HOUSEHOLD

# Words that say nothing about which food is meant.
FILLER = word_set(
    "a an the of some fresh organic homemade home made my bit serving portion style type kind "
    "buttered added overnight side again too oven strong weak rather quite really very fairly"
)
COOKING = word_set(
    "cooked boiled baked roasted grilled broiled fried steamed stewed braised sauteed poached "
    "scrambled toasted microwaved smoked mashed heated prepared roast griddled chargrilled "
    "barbecued seared"
)
PLAIN_COOKING = word_set("cooked boiled roasted broiled baked")
# Methods that any food "cooked" covers; frying, smoking and the like change a food.
GENERIC_COOKING = PLAIN_COOKING | word_set(
    "grilled steamed stewed braised roast heated microwaved seared"
)
# How a food was cut: "shredded", "sliced".
CUT = word_set("sliced chopped diced cubed shredded grated crumbled halved minced")
# Words of cut and measure: they refine a match but never decide it.
SOFT = (
    (
        HOUSEHOLD
        - word_set(
            "breast thigh drumstick leg wing steak chop patty link rib loaf stick "
            "strip round medallion leaf cutlet"
        )
    )
    | CUT
    | word_set(
        "chunk floret spear ripe packed "
        "large small medium size sized peeled rinsed drained crispy skinless pitted "
        "seeded half plain whole pureed puree"
    )
)
# Words of a food's head that name no food: "sugar-free" is no "Fat free ice cream".
_NAMES_NO_FOOD = word_set("free low reduced light lite fat nonfat lowfat sodium added no")
_BRACKETED = re.compile(r"\([^)]*\)")
_CALCIUM_FORTIFIED = re.compile(r"\bcalcium[- ]fortified\b|\bfortified with calcium\b", re.I)
_WITH_ADDED_CALCIUM = re.compile(r"\bwith added calcium\b", re.IGNORECASE)
_SAYS_CALCIUM = frozenset(("calcium", "fortified"))
_SAYS_SKIN = frozenset(("skin",))
# Measures that are no part of a food ("tin", "slice"; not "thigh", "steak").
_MEASURES = HOUSEHOLD & SOFT
# Forms a food can take; a food in one of these forms is not what a person means
# unless they name the form ("almonds" is not "Oil, almond").
FORMS = word_set(
    "oil juice soup sauce gravy flour meal powder drink bar cake cookie pie candy "
    "cereal chip salad sandwich dressing spread paste liquid broth stock extract syrup "
    "nectar flavored mix babyfood formula substitute imitation dip topping filling pudding "
    "sherbet frozen canned dried dry powdered dehydrated concentrate infant toddler fast "
    "restaurant sprouted"
)
# Forms that make another food of the one named: never taken unless said.
OTHER_FOODS = word_set(
    "oil juice soup sauce gravy flour powder drink dressing spread paste syrup dip topping bar "
    "filling pudding babyfood formula substitute imitation nectar extract meatless"
)
# Variants of a food that a person names when they mean them.
VARIANTS = word_set(
    "meatless reduced low lowfat light lite diet free special dietary vegetarian sodium "
    "sweetened unsweetened fortified enriched unenriched glutinous decaffeinated instant "
    "mocha imitation salt without human fried chocolate"
)
# What a matching word of cut or preparation adds ("drained" picks "canned, drained").
SOFT_MATCH = 0.6
# Words that join two foods or make a different food of the one that follows
# ("soya mince" is not minced beef): never left out to force a match.
NEVER_DROPPED = word_set(
    "with and on in vegan vegetarian veggie plant based dairy free soy soya quorn meatless "
    "imitation substitute mock fake non alternative"
)
# Flavours that a plain food is without ("plain yogurt" is no vanilla one).
_FLAVOURED_BY = word_set(
    "vanilla strawberry chocolate fruit blueberry raspberry peach cherry lemon honey coffee "
    "banana caramel mocha flavored flavor"
)
# A bag of crisps named by its flavour, whatever the flavour's words.
_CRISPS = re.compile(r"\bcrisps\W*$", re.IGNORECASE)
# Flavours a product comes in: dropped, and said, when the product alone is a food.
FLAVOURS = word_set("salted caramel toffee vanilla cinnamon garlic chilli chili lemon herb spicy")
# How close a misspelt word must be to a known one (1 - edits / length).
TYPO_SIMILARITY = 0.75
# How many leading words may go unexplained when the head noun decides.
MAX_IGNORED = 2
# Share of a phrase's words a food must explain before camg takes it as meant.
MIN_COVERAGE = 0.99


class Match(NamedTuple):
    """A food chosen for a phrase, with how it was chosen."""

    food_id: str
    name: str
    read_as: str | None = None  # the corrected words, when typos were corrected
    ignored: str | None = None  # words no food explained, when the head noun decided
    alias: str | None = None  # the alias phrase that chose the food
    measure: str | None = None  # the household measure "one" of it means, if curated

    @property
    def label(self) -> str:
        return f"{self.name} (#{self.food_id})"


class _Food(NamedTuple):
    id: str
    name: str
    group: str
    tokens: tuple[str, ...]
    segment_of: dict[str, int]  # word -> index of the first comma segment holding it
    head: frozenset[str]  # the words of the name's head segment
    main: frozenset[str]  # in a head "Corn with red and green peppers", "corn"; "Rice bowl
    # with chicken", "bowl": the food the rest is with
    unsaid_only: frozenset[str]  # words one of which the log must say: "calcium", "skin"
    aka: frozenset[str]  # the last words of its other names ("dog, frank, wiener")
    brand: frozenset[str]  # words of its brand, for branded foods (else empty)
    survey: bool
    complete: bool


def _segments(name: str) -> tuple[dict[str, int], list[str]]:
    """Each word of a name and how far from its head it stands (0: the head); and the
    name's words in order.

    Leading category segments ("Nuts", "Fish", "Beverages") do not count: in
    "Fish, salmon, Atlantic" the head is "salmon".
    """
    positions: dict[str, int] = {}
    tokens: list[str] = []
    index = 0
    for segment in name.split(","):
        segment_words = words(segment)
        tokens.extend(segment_words)
        for word in segment_words:
            positions.setdefault(word, index)
        if segment_words and not (index == 0 and set(segment_words) <= CATEGORY_HEADS):
            index += 1
    return positions, tokens


class _Ranking(NamedTuple):
    """What ranking over all foods needs: built only when the alias table is not enough."""

    foods: dict[str, _Food]
    postings: dict[str, list[str]]
    vocabulary: list[str]  # the words typos are corrected towards
    head_words: frozenset[str]


class FoodIndex:
    """All SR28 foods, indexed by word, plus the alias and synonym tables."""

    def __init__(self) -> None:
        # aliases.csv is stored normalised (tests/test_curated_data.py checks it), so
        # it loads without re-reading every phrase.
        alias_rows = tables.read_tuples("aliases.csv")  # alias, food_id, default_measure
        self.aliases = {alias: food_id for alias, food_id, _ in alias_rows}
        self.alias_measures = {alias: measure for alias, _, measure in alias_rows if measure}
        # For foods found by ranking: what "one" means for the first alias of the food.
        self.default_measures: dict[str, str] = {}
        for _, food_id, measure in alias_rows:
            if measure:
                self.default_measures.setdefault(food_id, measure)
        self.synonyms = {
            key(row["word"]): key(row["means"]) for row in tables.read_rows("synonyms.csv")
        }
        self.alias_words = {word for phrase in self.aliases for word in phrase.split()}

    @cached_property
    def _sorted_aliases(self) -> dict[str, str]:
        return _unique_sorted_keys(self.aliases)

    @cached_property
    def ranking(self) -> _Ranking:
        foods: dict[str, _Food] = {}
        postings: dict[str, list[str]] = {}
        for row in sr28.food_rows():
            food = _food(row)
            foods[food.id] = food
            for word in food.segment_of:
                postings.setdefault(word, []).append(food.id)
        heads = {word for food in foods.values() for word in food.head}
        # Typos are corrected only towards words that name foods, not any word of
        # a description: "latte" must not become the "late" of "late harvest".
        vocabulary = sorted((heads | self.alias_words | set(self.synonyms)) - FILLER)
        return _Ranking(foods, postings, vocabulary, frozenset(heads))

    # -- public -----------------------------------------------------------------

    def resolve(self, phrase: str) -> Match | None:
        """The food a person most likely means by `phrase`, or None: the user's food of
        that name (or pinned id) first, else the SR28 food."""
        mine = foodtable.named(phrase)
        if mine is not None:
            return user_match(mine)
        return _resolve_cached(self, phrase)

    def rank(self, phrase: str, limit: int = 10) -> list[Match]:
        """Foods ranked for `phrase`, best first: the search behind `camg foods search`."""
        query, read_as = self._query(phrase)
        ranked = self._rank_words(query)
        compound = self._compounds(query)
        if compound != query:  # "soy milk" finds "Soymilk, ..." too
            seen = {food.id for _, food in ranked}
            extra = [found for found in self._rank_words(compound) if found[1].id not in seen]
            ranked = sorted([*ranked, *extra], key=lambda item: (-item[0], item[1].id))
        return [Match(food.id, food.name, read_as) for _, food in ranked[:limit]]

    def candidates(self, phrase: str, limit: int = 3) -> list[Match]:
        """Did-you-mean candidates for a phrase that did not resolve."""
        ranked = self.rank(phrase, limit)
        if ranked:
            return ranked
        from rapidfuzz import fuzz, process

        names = {food.id: food.name for food in self.ranking.foods.values()}
        found = process.extract(phrase, names, scorer=fuzz.WRatio, limit=limit)
        return [Match(food_id, name) for name, _, food_id in found]

    def by_id(self, food_id: str) -> Match | None:
        found = sr28.food(food_id.zfill(5))
        return Match(found.id, found.name) if found else None

    # -- internals ----------------------------------------------------------------

    def _resolve(self, phrase: str) -> Match | None:
        pinned = sr28.pinned_id(phrase) if phrase.strip().startswith("#") else None
        if pinned is not None:
            return self.by_id(pinned)
        as_written = [word for word in words(phrase) if word not in FILLER]
        alias = self._alias(phrase, as_written) if as_written else None
        if alias is not None:  # the everyday case: no need to rank all foods
            return self._alias_match(alias)
        query, read_as = self._query(phrase)
        if not query:
            return None
        found = self._best(phrase, query)
        if found is not None:
            return found._replace(read_as=read_as)
        # "basmati rice", "garden peas": when no food explains every word, an
        # everyday food named by the last words decides, and the dropped words are
        # reported.
        for start in range(1, min(len(query), MAX_IGNORED + 1)):
            if not self._droppable(query[start - 1]):
                break  # "bagel with cream cheese": two foods, not a modifier and a food
            alias = self._alias(" ".join(query[start:]), query[start:])
            found = self._alias_match(alias) if alias else None
            if found is not None:
                return found._replace(read_as=read_as, ignored=" ".join(query[:start]))
        if query[-1] == "crisp" and _CRISPS.search(phrase) and "crisp" in self.aliases:
            # "prawn cocktail crisps", "cheese and onion crisps": a flavour of potato crisps
            return self._alias_match("crisp")._replace(
                read_as=read_as, ignored=" ".join(query[:-1])
            )
        return None

    def _droppable(self, word: str) -> bool:
        """A word that may modify a food but does not name one, nor join two."""
        if word in NEVER_DROPPED or any(char.isdigit() for char in word):
            return False
        if word in FLAVOURS:  # "salted caramel granola": a flavour of granola, said unused
            return True
        return word not in self.ranking.head_words and word not in self.aliases

    def _best(self, phrase: str, query: list[str]) -> Match | None:
        """The alias for the words, else the best food that explains all of them."""
        alias = self._alias(phrase, query)
        if alias is not None:
            return self._alias_match(alias)
        ranked = self._rank_words(query, min_coverage=MIN_COVERAGE)
        compound = self._compounds(query)
        if not ranked and compound != query:  # "crisp bread" as the table's "crispbread"
            query, ranked = compound, self._rank_words(compound, min_coverage=MIN_COVERAGE)
        if not ranked:
            return None
        food = ranked[0][1]
        said = {option for word in query for option in self._expand(word)}
        if (set(food.tokens) - said - CATEGORY_HEADS) & OTHER_FOODS:
            return None  # "assorted salads" is no salad dressing: a form nobody named
        if _dry_mix(food.name, said):
            return None  # "Rice and Chicken" is no dry rice-and-vermicelli mix
        return Match(food.id, food.name)

    def _query(self, phrase: str) -> tuple[list[str], str | None]:
        """The phrase's meaningful words, typos corrected; and the corrected text if any."""
        raw = [word for word in words(phrase) if word not in FILLER]
        joined = " ".join(_correct_word(self, word) for word in raw).split()
        corrected = [word for word in joined if word not in FILLER]  # "homestyle" -> "style"
        read_as = " ".join(corrected) if corrected != raw else None
        return _one_cream(corrected), read_as

    def _compounds(self, query: list[str]) -> list[str]:
        """ "soy milk" as SR28's "soymilk", "crisp bread" as "crispbread": two words the
        table writes as one, where the table does not know the two apart as a phrase."""
        postings = self.ranking.postings
        found: list[str] = []
        for word in query:
            if found and found[-1] + word in postings and found[-1] + word not in FILLER:
                found[-1] += word
            else:
                found.append(word)
        return found

    def knows(self, word: str) -> bool:
        known = word in self.synonyms or word in self.alias_words
        return known or word in self.ranking.postings

    def _alias_match(self, alias: str) -> Match:
        food_id = self.aliases[alias]
        measure = self.alias_measures.get(alias)
        return Match(food_id, _name(food_id), alias=alias, measure=measure)

    def _alias(self, phrase: str, query: list[str]) -> str | None:
        """The alias phrase for the words: as written, without filler, or in synonyms."""
        solid = self._solid(query)
        candidates = (
            key(phrase),
            " ".join(query),
            " ".join(word for word in query if word not in _MEASURES),  # "tin chopped tomato"
            " ".join(solid),
            " ".join(self.synonyms.get(word, word) for word in solid),
        )
        in_order = self._sorted_aliases.get(" ".join(sorted(query)))
        for candidate in candidates:
            if candidate in self.aliases:
                return candidate
            if candidate == candidates[1] and in_order and CUT.isdisjoint(query):
                return in_order  # "Milk, whole" is whole milk, "tomato, chopped" a tomato
        for candidate in candidates[1:]:
            by_set = self._sorted_aliases.get(" ".join(sorted(candidate.split())))
            if by_set is not None:
                return by_set
        return self._cooked_alias(solid) or self._headed_alias(phrase)

    def _solid(self, query: list[str]) -> list[str]:
        """The words without those of cut and measure, unless one names a food with the
        word after it ("shredded wheat" is a cereal, not wheat that was shredded)."""
        named = {
            position
            for position, word in enumerate(query[:-1])
            if word in CUT and self._names(f"{word} {query[position + 1]}", word)
        }
        solid = [
            word for position, word in enumerate(query) if word not in SOFT or position in named
        ]
        return solid or query

    def _names(self, alias: str, word: str) -> bool:
        """Whether the alias's food has the word in its name."""
        food_id = self.aliases.get(alias)
        return food_id is not None and word in words(_name(food_id))

    def _headed_alias(self, phrase: str) -> str | None:
        """ "Cereal, bran flakes", "Nuts, almonds": a table's heading word before a comma,
        then the food's everyday name. The heading is explained when the named food's own
        name begins with it, as SR28's "Cereals ready-to-eat, POST Bran Flakes" does."""
        heading, comma, rest = phrase.partition(",")
        head = words(heading)
        if not comma or len(head) != 1:
            return None
        query = [word for word in words(rest) if word not in FILLER]
        alias = self._alias(rest, query) if query else None
        if alias is None:
            return None
        return alias if head[0] in words(_name(self.aliases[alias]).split(",")[0]) else None

    def _cooked_alias(self, query: list[str]) -> str | None:
        """ "cooked spaghetti", "grilled chicken breast": the alias without the cooking
        words, when its food is already cooked that way."""
        methods = [word for word in query if word in COOKING]
        rest = " ".join(word for word in query if word not in COOKING)
        food_id = self.aliases.get(rest) if methods and rest else None
        if food_id is None:
            return None
        food_words = set(words(_name(food_id)))
        for method in methods:
            same = {method, *self._expand(method)} & food_words
            generic = method in GENERIC_COOKING and "cooked" in food_words
            if not (same or generic):
                return None
        return rest

    def _rank_words(self, query: list[str], min_coverage: float = 0.0) -> list[tuple[float, _Food]]:
        foods, postings = self.ranking.foods, self.ranking.postings
        expanded = [self._expand(word) for word in query]
        candidate_ids: set[str] = set()
        for options in expanded:
            for option in options:
                candidate_ids.update(postings.get(option, ()))
        resolving = min_coverage > 0
        said = {option for options in expanded for option in options}
        scored = []
        for food_id in candidate_ids:
            food = foods[food_id]
            if resolving and not _may_mean(food, query, said):
                continue
            found = _score(food, query, expanded, said)
            if found is not None and found[1] >= min_coverage:
                scored.append((found[0], food))
        scored.sort(key=lambda item: (-item[0], item[1].id))
        return scored

    def said(self, word: str, phrase: str) -> bool:
        """Whether a food's name word is among the phrase's words or what they mean."""
        return any(word in self._expand(said) for said in words(phrase))

    def meanings(self, word: str) -> tuple[str, ...]:
        """The word itself and what it means in SR28's vocabulary ("toast": "toasted")."""
        return self._expand(word)

    def _expand(self, word: str) -> tuple[str, ...]:
        """The word itself and what it means in SR28's vocabulary."""
        synonym = self.synonyms.get(word)
        if synonym is None:
            return (word,)
        return (word, *synonym.split())


def _name(food_id: str) -> str:
    found = sr28.food(food_id)
    if found is None:
        raise ValueError(f"no SR28 food {food_id}")  # a curated table points nowhere
    return found.name


def user_match(food_id: str) -> Match:
    """One of the user's foods, found by its name: "one" of it is its first measure."""
    found = foodtable.food(food_id)
    assert found is not None
    measures = foodtable.portions_of(food_id)
    return Match(food_id, found.name, measure=measures[0].measure if measures else None)


def _food(row: Any) -> _Food:
    positions, tokens = _segments(row.name)
    first = row.name.split(",")[0].lower()
    head = frozenset(w for w, seg in positions.items() if seg == 0) - CATEGORY_HEADS
    names = _common_names(row.common_names) if row.common_names else []
    for name in names:
        for word in name:
            positions.setdefault(word, 1)
    # "London Broil" is one other name: "London" alone names no beef, "broil" might
    aka = frozenset(name[-1] for name in names if name)
    branded = " ".join([row.manufacturer, *brand_words(row.name)]).strip()
    return _Food(
        id=row.id,
        name=row.name,
        group=row.group,
        tokens=tuple(tokens),
        segment_of=positions,
        head=head,
        main=frozenset(words(first.split(" with ")[0])[-1:]) if " with " in first else frozenset(),
        unsaid_only=_unsaid_only(row.name),
        aka=aka,
        brand=frozenset(words(branded)) if branded else frozenset(),
        survey=row.survey == "Y",
        complete=row.calcium_mg == row.calcium_mg and row.magnesium_mg == row.magnesium_mg,
    )


def _common_names(common_names: str) -> list[list[str]]:
    """Other names of a food, each as its words ("cilantro"; "hot dog", "frank"); USDA
    commodity notes are not names."""
    if common_names.lower().startswith("includes"):
        return []
    return [words(name) for name in common_names.split(",")]


def brand_words(name: str) -> list[str]:
    """SR28 writes brand names in capitals: "KRAFT CHEEZ WHIZ ..."."""
    return [word for word in name.split() if len(word) >= 3 and word.isupper() and word.isalpha()]


@cache
def brands() -> frozenset[str]:
    """Every word SR28 writes only in a brand's capitals ("heinz", "kellogg"), never as a
    food word: a brand a log names with a food the table has without it."""
    tokens = set(_TOKEN.findall("\n".join(row.name for row in sr28.food_rows())))
    branded: set[str] = set()
    plain: set[str] = set()
    for token in tokens:
        capitals = len(token) >= 3 and token.isupper()
        (branded if capitals else plain).add(singular(token.lower()))
    return frozenset(branded - plain)


_TOKEN = re.compile(r"[A-Za-z0-9]+")


def _unique_sorted_keys(aliases: dict[str, str]) -> dict[str, str]:
    """Alias phrases by their sorted words, kept only where that is unambiguous."""
    by_set: dict[str, set[str]] = {}
    for phrase, food_id in aliases.items():
        by_set.setdefault(" ".join(sorted(phrase.split())), set()).add(food_id)
    phrases: dict[str, str] = {}
    for phrase in aliases:
        sorted_words = " ".join(sorted(phrase.split()))
        if len(by_set[sorted_words]) == 1:
            phrases.setdefault(sorted_words, phrase)
    return phrases


def _may_mean(food: _Food, query: list[str], said: set[str]) -> bool:
    """Foods a phrase can never mean, whatever words they share.

    Baby, fast, restaurant and branded food only when the phrase says so; the food's head (or
    another name of it) among the words; and in "pancakes with syrup" the food
    must be a pancake (its head among the words before "with"), not a syrup that
    mentions pancakes.
    """
    niche = NICHE_GROUPS.get(food.group)
    if niche is not None and not niche & said:
        return False  # baby, fast and restaurant foods only when the phrase says so
    if food.brand and not food.brand & said:
        return False  # "ham sandwich" is not a HOT POCKETS unless the phrase says so
    if food.brand and not (said - food.brand) & set(food.tokens):
        return False  # "this house" is no HOUSE FOODS tofu: a brand alone names no food
    if food.head and not ((food.head | food.aka) & said) - _NAMES_NO_FOOD:
        return False  # "cheese sandwich" is not "Crackers, cheese, sandwich-type"
    if food.unsaid_only and not food.unsaid_only & said:
        return False  # "whole grain roll" is no calcium-fortified roll, "baked potato" no skin
    if food.main and not food.main <= said:
        return False  # "red and green peppers" are no "Corn with red and green peppers"
    if "plain" in said and (set(food.tokens) & _FLAVOURED_BY) - said:
        return False  # "Greek Yogurt, Non-Fat, Plain" is no vanilla yogurt
    for joint in ("with", "and"):
        if joint in query and food.head:
            at = query.index(joint)
            if not food.head & set(query[:at]):
                return False
            after = set(query[at + 1 :]) - SOFT
            if joint == "and" and after and not after & (_outside_brackets(food.name) | food.aka):
                return False  # "Milk and water" is no coconut milk "(... meat and water)"
    return True


@lru_cache(maxsize=4096)
def _outside_brackets(name: str) -> frozenset[str]:
    """The words of a food's name outside its brackets, which only describe it: asked of
    the same foods again and again, by every line with "and"."""
    return frozenset(words(_BRACKETED.sub(" ", name)))


def _unsaid_only(name: str) -> frozenset[str]:
    """What a log must say for a food to be meant: a calcium-fortified roll is not what
    "whole grain roll" means, nor a potato's skin "baked potato"."""
    folded = name.lower()
    if "calcium" in folded and _CALCIUM_FORTIFIED.search(name):
        return _SAYS_CALCIUM
    return _SAYS_SKIN if "skin only" in folded else frozenset()


def never_unsaid(name: str, said: set[str]) -> bool:
    """A food no log means unless it says so, where one is chosen in another's place: a
    calcium-fortified roll, a potato's skin, a drink with added calcium ("broiled
    grapefruit"), a dry mix ("whole grain pancakes"). The ranking weighs the last two
    itself: an unsweetened soy milk has calcium added; a dry mix ranked first means no
    food was found."""
    only = _unsaid_only(name)
    if only and not only & said:
        return True
    if not said & _SAYS_CALCIUM and _WITH_ADDED_CALCIUM.search(name):
        return True
    return _dry_mix(name, said)


def _one_cream(query: list[str]) -> list[str]:
    """ "coffee with half and half": the cream is one word, which no instant coffee "with
    whitener and low calorie sweetener" explains."""
    for at in range(len(query) - 2):
        if query[at : at + 3] == ["half", "and", "half"]:
            return [*query[:at], "half-and-half", *query[at + 3 :]]
    return query


def _dry_mix(name: str, said: set[str]) -> bool:
    """A mix as sold, dry ("Pancakes, whole wheat, dry mix, incomplete"), not one said."""
    name_words = set(words(name))
    return "mix" not in said and "mix" in name_words and "prepared" not in name_words


def _score(
    food: _Food, query: list[str], expanded: list[tuple[str, ...]], said: set[str]
) -> tuple[float, float] | None:
    """How well a food fits the query words, and the share of words it explains.
    `said` is every query word with its synonyms.

    Words that only describe a cut or a measure ("sliced", "stalk") count when
    they match and are not held against a food when they do not.
    """
    positions = food.segment_of
    matched = 0.0
    explained = 0
    needed = 0
    prominence = 0.0
    for word, options in zip(query, expanded, strict=True):
        # "crisps" means "potato chips": a synonym of several words counts only whole.
        if word in positions or all(option in positions for option in options[1:]):
            hits = [positions[option] for option in options if option in positions]
        else:
            hits = []
        if word in SOFT:
            matched += SOFT_MATCH if hits else 0.0
            continue
        needed += 1
        if not hits:
            continue
        explained += 1
        matched += 1.0 if word in positions else 0.9
        prominence += 1.0 / (1 + min(hits))
    if not needed or not explained:
        return None
    head_explained = len(food.head & said) / max(len(food.head), 1)
    score = 6.0 * matched / needed + 1.5 * prominence / needed + 2.0 * head_explained
    score -= _unasked_words(food, said)
    score += _kind_bonus(food, said)
    return round(score, 4), explained / needed


def _unasked_words(food: _Food, said: set[str]) -> float:
    """The cost of what a food's name says that the person did not."""
    cost = 0.0
    for word in set(food.tokens) - said:
        if word in FORMS:
            cost += 1.2
        elif word in VARIANTS:
            cost += 0.6
        elif word in BOILERPLATE or word in CATEGORY_HEADS:
            cost += 0.03
        else:
            cost += 0.1
    return min(cost, 4.0)


def _kind_bonus(food: _Food, said: set[str]) -> float:
    """Preferences a person assumes without saying: generic, common, as usually eaten."""
    bonus = 1.0 if food.survey else 0.0
    if food.brand:
        bonus -= 2.0
    if not food.complete:
        bonus -= 0.5
    niche = NICHE_GROUPS.get(food.group)
    if niche is not None and not niche & said:
        bonus -= 3.0
    food_words = set(food.tokens)
    says_how = bool(COOKING & said) or "raw" in said
    usual_raw = food.group in RAW_BY_DEFAULT and "raw" in food_words
    usual_cooked = food.group in COOKED_BY_DEFAULT and bool(PLAIN_COOKING & food_words)
    if not says_how and (usual_raw or usual_cooked):
        bonus += 0.8
    return bonus


def other_state(match: Match, raw: bool) -> sr28.Food | None:
    """The same vegetable raw, or boiled, by SR28's name without its state words: SR28
    numbers them side by side ("Kale, raw" #11233, "Kale, cooked, boiled" #11234), so the
    neighbouring ids are looked up, not the whole table."""
    if not match.food_id.isdigit():
        return None
    name = _stateless(match.name)
    for step in (1, -1, 2, -2, 3, -3):
        found = sr28.food(f"{int(match.food_id) + step:05d}")
        if found is None or _stateless(found.name) != name:
            continue
        said = set(words(found.name))
        if ("raw" in said) != raw and (not raw or "boiled" in said or "cooked" in said):
            return found
    return None


def _stateless(name: str) -> str:
    """ "Beans, snap, green, cooked, boiled, drained" -> "Beans, snap, green"."""
    kept = [
        segment for segment in name.split(",") if not set(words(segment)) <= COOKING | _STATE_WORDS
    ]
    return ",".join(kept)


# The words of SR28's names that say a food's state and nothing else.
_STATE_WORDS = frozenset({"raw", "drained", "without", "with", "salt"})


@lru_cache(maxsize=8192)
def _correct_word(index: FoodIndex, word: str) -> str:
    """A word as SR28 or the alias table spells it: "brocoli" -> "broccoli".

    Words run together ("peanutbutter") are split into two known words first;
    otherwise the nearest known word within a small edit distance is taken.
    """
    if index.knows(word) or len(word) < 4 or word.isdigit() or word in SOFT:
        return word
    for cut in range(3, len(word) - 2):
        if index.knows(word[:cut]) and index.knows(word[cut:]):
            return f"{word[:cut]} {word[cut:]}"
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    # People rarely mistype the first letter; requiring it keeps "scone" from "cone".
    same_start = [
        known
        for known in index.ranking.vocabulary
        if known[0] == word[0] and known not in _NEVER_A_CORRECTION
    ]
    # "chees" was folded to "chee" as if a plural: the word as written may be nearer.
    found = [
        process.extractOne(
            written,
            same_start,
            scorer=DamerauLevenshtein.normalized_similarity,
            score_cutoff=TYPO_SIMILARITY,
        )
        for written in (word, f"{word}s")
    ]
    best = max((hit for hit in found if hit), key=lambda hit: hit[1], default=None)
    return best[0] if best else word


# Amount words a typo is never corrected to: "Halo Top" is no "half top".
_NEVER_A_CORRECTION = frozenset("half halves quarter third dozen whole pair".split())


@lru_cache(maxsize=65536)
def _resolve_cached(index: FoodIndex, phrase: str) -> Match | None:
    return index._resolve(phrase)


@cache
def food_index() -> FoodIndex:
    """The process-wide index, built on first use."""
    return FoodIndex()
