"""How camg reads one log line, step by step, for a person debugging it.

`camg explain "PHRASE"` shows what `camg log` does with a line: the items and parts
it is cut into, each part's amount, unit, food words and bracket remarks, the
candidate foods and which one was chosen and how, the grams and where they came
from, what was assumed, and the calcium and magnesium the part brings; or why the
part means nothing. Plain records only: the CLI prints them.
"""

from __future__ import annotations

import math
from typing import Any

from camg import foodtable, tables
from camg.amounts import AmountError, ItemParts, split_item
from camg.errors import CamgError, Kind
from camg.matching import FILLER, Match, food_index
from camg.parser import parse
from camg.resolve import Part, Resolution, read_line
from camg.text import key, words
from camg.units import HOUSEHOLD

CANDIDATES = 5

# How the chosen food was found: each value of a part's "chosen_by".
ALIAS = "alias"  # the curated alias table names the food for the words
PINNED = "pinned"  # the line gives the SR28 id ("100 g #11457")
RANKING = "ranking"  # the best food by ranking the table's names against the words
SUPPLEMENT = "supplement"  # an elemental dose, not a food


def explain(text: str) -> dict[str, Any]:
    """What one log line means, part by part, as a plain record.

    The line is read as `camg log` reads a line of a log: bullets, a time of day, a meal
    heading and a comment are dropped, and ";" separates items.
    """
    if not text.strip():
        raise CamgError('give a log line to explain, e.g. camg explain "1 cup milk"')
    parsed = parse(text, "line")
    items = [item for day in parsed.days for item in day.items]
    problems = [*parsed.problems, *(problem for day in parsed.days for problem in day.problems)]
    parts = [
        _part(part, item.text, item.meal)
        for item in items
        for part in read_line(item.text, item.meal)
    ]
    record: dict[str, Any] = {
        "text": text,
        "ok": not problems and all(part["status"] != "problem" for part in parts),
        "parts": parts,
        "line_problems": [
            {"kind": problem.kind.value, "message": problem.message} for problem in problems
        ],
    }
    if not items and not problems:
        record["note"] = "no food item: camg reads this line as a heading, a date or a comment"
    return record


def problems_of(record: dict[str, Any]) -> list[str]:
    """One line for each thing in an explained line that `camg log` would refuse."""
    found = [f'"{record["text"]}": {problem["message"]}' for problem in record["line_problems"]]
    found += [
        f'"{part["text"]}": {part["problem"]["message"]}'
        for part in record["parts"]
        if part["problem"] is not None
    ]
    return found


def _part(part: Part, item: str, meal: str | None) -> dict[str, Any]:
    resolution = part.resolution
    read = resolution.text if resolution is not None else part.text
    record: dict[str, Any] = {
        "text": part.text,
        "read": read,
        "item": item,
        "meal": meal,
        "status": _status(part),
    }
    parts, amount_error = _split(read)
    record.update(_item_fields(parts, resolution))
    record["amount_error"] = amount_error
    supplement = part.left_out is not None or (
        resolution.supplement is not None
        if resolution is not None
        else part.problem is not None and part.problem[0] is Kind.SUPPLEMENT
    )
    food_words = parts.food if parts is not None else None
    ranked = [] if supplement or not food_words else food_index().rank(food_words, CANDIDATES)
    chosen_by, how = _choice(parts, resolution)
    record["chosen_by"] = chosen_by
    record["how"] = how
    record["candidates"] = _candidates(ranked, resolution, food_words, how)
    record.update(_resolution_fields(resolution))
    record["problem"] = (
        {"kind": part.problem[0].value, "message": part.problem[1]} if part.problem else None
    )
    record["left_out"] = part.left_out
    return record


def _status(part: Part) -> str:
    if part.problem is not None:
        return "problem"
    if part.left_out is not None:
        return "left-out"
    return "resolved"


def _split(text: str) -> tuple[ItemParts | None, str | None]:
    try:
        return split_item(text), None
    except AmountError as error:
        return None, str(error)


def _item_fields(parts: ItemParts | None, resolution: Resolution | None) -> dict[str, Any]:
    """Amount, unit, food words and remarks as written; a food's as it was resolved."""
    amount = parts.amount if parts is not None else None
    unit = parts.unit.name if parts is not None and parts.unit is not None else None
    if resolution is not None and resolution.supplement is not None:
        amount, unit = resolution.amount, resolution.unit  # "200mg" is read apart
    return {
        "amount": amount,
        "unit": unit,
        "unit_kind": parts.unit.kind if parts is not None and parts.unit is not None else None,
        "food_words": parts.food if parts is not None else None,
        "remarks": parts.remarks or None if parts is not None else None,
        "amount_notes": list(parts.notes) if parts is not None else [],
    }


def _resolution_fields(resolution: Resolution | None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "food_id": None,
        "food": None,
        "read_as": None,
        "ignored": None,
        "grams": None,
        "portion": None,
        "default_portion": False,
        "estimate": False,
        "assumed": None,
        "approximate": False,
        "notes": [],
        "supplement": None,
        "dose_mg": None,
        "calcium_per_100g": None,
        "magnesium_per_100g": None,
        "calcium_mg": None,
        "magnesium_mg": None,
    }
    if resolution is None:
        return fields
    fields.update(
        food_id=resolution.food_id,
        food=resolution.food,
        read_as=resolution.read_as,
        ignored=resolution.ignored,
        grams=resolution.grams,
        portion=resolution.portion,
        default_portion=resolution.default_portion,
        estimate=resolution.estimate is not None,
        assumed=resolution.estimate,
        approximate=resolution.approximate,
        notes=list(resolution.notes),
        supplement=resolution.supplement,
        dose_mg=resolution.dose_mg,
    )
    if resolution.supplement is not None:
        dose = resolution.dose_mg
        fields["calcium_mg"] = dose if resolution.supplement == "calcium" else 0.0
        fields["magnesium_mg"] = dose if resolution.supplement == "magnesium" else 0.0
        return fields
    values = tables.food_values(resolution.food_id) if resolution.food_id else None
    if values is not None and resolution.grams is not None:
        _, _, calcium, magnesium = values
        fields["calcium_per_100g"] = _known(calcium)
        fields["magnesium_per_100g"] = _known(magnesium)
        fields["calcium_mg"] = _per_grams(calcium, resolution.grams)
        fields["magnesium_mg"] = _per_grams(magnesium, resolution.grams)
    return fields


def _known(value: float) -> float | None:
    """A table value as JSON wants it: unknown (NaN) becomes None, never 0."""
    return None if math.isnan(value) else float(value)


def _per_grams(per_100g: float, grams: float) -> float | None:
    return None if math.isnan(per_100g) else per_100g * grams / 100.0


def _choice(parts: ItemParts | None, resolution: Resolution | None) -> tuple[str | None, str]:
    """How the food was chosen: the alias table, a pinned id or the ranking, in words."""
    if resolution is None:
        return None, ""
    if resolution.supplement is not None:
        return SUPPLEMENT, f"a {resolution.supplement} supplement: its elemental dose counts"
    food_id = resolution.food_id
    if parts is None:
        return RANKING, "chosen by ranking the table's foods"
    food = parts.food.strip()
    if food.startswith("#") and (food.lstrip("#").isdigit() or ":" in food):
        return PINNED, f"pinned by id: {food}"
    if foodtable.is_user_food(food_id):
        found = foodtable.food(food_id or "")
        source = found.source if found is not None else ""
        return ALIAS, f"your own food or recipe, found by its name before SR28 ({source})"
    first: Match | None = None
    for phrase in _phrases(parts):
        match = food_index().resolve(phrase)
        if match is None:
            continue
        first = first or match
        if match.food_id != food_id:
            continue
        if match.alias:
            return ALIAS, f'alias table: "{match.alias}" means #{food_id}'
        return RANKING, f'ranked first for "{match.read_as or phrase}"'
    if first is not None:
        return RANKING, (
            f"the words first matched {first.label}, which does not honour every word; "
            "the nearest food that does was taken (see notes)"
        )
    if any(note.startswith("took ") for note in resolution.notes):
        return RANKING, "one of the alternatives written was taken (see notes)"
    return RANKING, "no food matched every word; chosen with words left out (see notes)"


def _phrases(parts: ItemParts) -> list[str]:
    """The phrases camg looks the food up by, in the order it tries them."""
    found = [f"{parts.food} {parts.remarks}"] if parts.remarks else []
    found.append(parts.food)
    head, _, last = parts.food.rpartition(" ")
    if head and key(last) in HOUSEHOLD:  # "celery stalk": the measure is the last word
        found.append(head)
    if parts.remarks:
        found.append(parts.remarks)
    return found


def _candidates(
    ranked: list[Match], resolution: Resolution | None, phrase: str | None, how: str
) -> list[dict[str, Any]]:
    """The chosen food first, then the best-ranked others, with the words each has."""
    pinned = (phrase or "").strip().startswith("#")
    wanted = [] if pinned else [word for word in words(phrase or "") if word not in FILLER]
    rows: list[dict[str, Any]] = []
    chosen_id = resolution.food_id if resolution is not None else None
    if chosen_id is not None:
        rank = next((n for n, m in enumerate(ranked, 1) if m.food_id == chosen_id), None)
        rows.append(_candidate(chosen_id, resolution.food, rank, True, how, wanted, resolution))
    for number, match in enumerate(ranked, 1):
        if match.food_id == chosen_id or len(rows) >= CANDIDATES:
            continue
        rows.append(_candidate(match.food_id, match.name, number, False, "", wanted, match))
    return rows


def _candidate(
    food_id: str,
    name: str,
    rank: int | None,
    chosen: bool,
    how: str,
    wanted: list[str],
    found: Match | Resolution | None,
) -> dict[str, Any]:
    read_as = found.read_as if found is not None else None
    query = [word for word in words(read_as)] if read_as else wanted
    named = set(words(name))
    has = [word for word in query if word in named]
    lacks = [word for word in query if word not in named]
    why = how if chosen else f"ranked {rank}"
    if lacks:
        why += f"; name lacks {', '.join(lacks)}"
    return {
        "food_id": food_id,
        "name": name,
        "rank": rank,
        "chosen": chosen,
        "read_as": read_as,
        "has_words": has,
        "lacks_words": lacks,
        "why": why,
    }


# -- for people ---------------------------------------------------------------------
# A rich layout of explained lines (rich is imported here only when a table is wanted).


def view(records: list[dict[str, Any]]) -> Any:
    """Explained lines as a compact layout for a terminal: one block per part."""
    from rich.console import Group
    from rich.text import Text

    blocks: list[Any] = []
    for number, record in enumerate(records):
        if number:
            blocks.append(Text(""))
        count = len(record["parts"])
        heading = Text.assemble(
            (f'"{record["text"]}"', "bold"),
            f": {count} part{'s' * (count != 1)}" if count else "",
        )
        blocks.append(heading)
        for problem in record["line_problems"]:
            blocks.append(_field_grid([("problem", f"{problem['kind']}: {problem['message']}")]))
        if record.get("note"):
            blocks.append(Text(record["note"]))
        for index, part in enumerate(record["parts"], 1):
            blocks.append(_part_view(part, index, count))
    return Group(*blocks)


_STATUS_STYLE = {"resolved": "green", "left-out": "yellow", "problem": "red"}


def _part_view(part: dict[str, Any], index: int, count: int) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    title = Text.assemble(
        f"part {index} of {count}: ",
        (f'"{part["text"]}"', "bold"),
        " ",
        (part["status"], _STATUS_STYLE[part["status"]]),
    )
    body: list[Any] = [_field_grid(_fields(part))]
    if part["candidates"]:
        body.append(_candidate_table(part["candidates"]))
    return Group(title, Padding(Group(*body), (0, 0, 0, 2), expand=False))


def _fields(part: dict[str, Any]) -> list[tuple[str, str]]:
    """Label and value rows for one part, only those that say something."""
    rows: list[tuple[str, str]] = []
    if part["meal"]:
        rows.append(("meal", part["meal"]))
    if part["read"] != part["text"]:
        rows.append(("read", part["read"]))
    if part["left_out"] is None:
        rows.append(("amount", _amount(part)))
    if part["food_words"] is not None and part["supplement"] is None and not part["left_out"]:
        rows.append(("food words", part["food_words"]))
    if part["remarks"]:
        rows.append(("remarks", f"({part['remarks']})"))
    if part["read_as"]:
        rows.append(("read as", f'"{part["read_as"]}" (spelling corrected)'))
    if part["ignored"]:
        rows.append(("ignored", f'"{part["ignored"]}" (no food explains these words)'))
    if part["food"]:
        food = f"#{part['food_id']} {part['food']}" if part["food_id"] else part["food"]
        rows.append(("food", food))
    if part["how"]:
        rows.append(("chosen by", part["how"]))
    if part["supplement"]:
        rows.append(("dose", f"{_number(part['dose_mg'])} mg {part['supplement']} (elemental)"))
    elif part["grams"] is not None:
        grams = f"{_number(part['grams'])} g"
        portion = part["portion"]
        rows.append(("grams", grams if portion == grams else f"{grams}, from {portion}"))
    if part["estimate"]:
        rows.append(("estimate", part["assumed"]))
    if part["approximate"]:
        rows.append(("approximate", "yes: words unused, corrected or substituted"))
    for note in dict.fromkeys(part["notes"] + part["amount_notes"]):  # each note once
        rows.append(("note", note))
    if part["status"] == "resolved":
        rows.append(("calcium", _mg(part["calcium_mg"], part["calcium_per_100g"])))
        rows.append(("magnesium", _mg(part["magnesium_mg"], part["magnesium_per_100g"])))
    if part["left_out"]:
        rows.append(("left out", part["left_out"]))
    if part["problem"]:
        rows.append(("problem", f"{part['problem']['kind']}: {part['problem']['message']}"))
    return rows


def _amount(part: dict[str, Any]) -> str:
    if part["amount"] is None:
        return "none written"
    unit = part["unit"] or "(a count of the food)"
    vague = " (a vague amount: camg assumes a cited size)" if part["unit_kind"] == "vague" else ""
    return f"{_number(part['amount'])} {unit}{vague}"


def _mg(value: float | None, per_100g: float | None) -> str:
    if value is None:
        return "unknown (SR28 has no value for this food)"
    said = f"{_number(value)} mg"
    return f"{said} ({_number(per_100g)} mg per 100 g)" if per_100g is not None else said


def _number(value: float) -> str:
    """A figure as people read it: one decimal at most, no trailing ".0"."""
    text = f"{value:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def _field_grid(rows: list[tuple[str, str]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=11)
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, Text(value))  # user and SR28 text: never read as markup
    return grid


def _candidate_table(candidates: list[dict[str, Any]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title="candidates (* chosen)",
        title_justify="left",
        title_style="bold",
        box=None,
        padding=(0, 1),
        pad_edge=False,
        header_style="",
        show_header=False,
    )
    table.add_column("", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("food", ratio=3)
    table.add_column("why", ratio=2)
    for candidate in candidates:
        table.add_row(
            "*" if candidate["chosen"] else "",
            candidate["food_id"],
            Text(candidate["name"]),
            Text(candidate["why"]),
        )
    return table
