"""Help topics that `camg help` prints offline: documents shipped inside the package."""

from __future__ import annotations

from pathlib import Path

from camg.errors import CamgError

# Topic -> the document's file name; the wheel carries docs/ as camg/docs.
TOPICS = {"log-format": "log-format.md"}


def text_of(topic: str) -> str:
    """The topic's document, from the installed package or else the checkout's docs/."""
    name = TOPICS.get(topic)
    if name is None:
        known = ", ".join(TOPICS)
        raise CamgError(f'no help topic "{topic}"; the topics are: {known}')
    here = Path(__file__).resolve().parent
    for folder in (here / "docs", here.parent / "docs"):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8")
    raise CamgError(f"the {topic} document is missing from this installation; reinstall camg")
