"""Cleaning: drop the page furniture around an article's text, keep the article."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from geokg.graph.model import normalise_text

FURNITURE_FILE = Path(__file__).parent / "data" / "furniture.toml"


@cache
def _patterns(language: str, kind: str = "drop_line") -> tuple[re.Pattern[str], ...]:
    with FURNITURE_FILE.open("rb") as handle:
        sections = tomllib.load(handle)
    sources = list(sections.get("all", {}).get(kind, []))
    sources += sections.get(language, {}).get(kind, [])
    # Patterns that test capitalisation (bylines) must not be case-folded.
    return tuple(
        re.compile(p) if any(c.isupper() for c in p) else re.compile(p, re.IGNORECASE)
        for p in sources
    )


def is_furniture(line: str, language: str) -> bool:
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in _patterns(language))


def ends_article(line: str, language: str) -> bool:
    """A heading after which a page lists other stories, not this one ("Trending On Reuters")."""
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in _patterns(language, "drop_rest"))


def clean_text(text: str, language: str) -> str:
    """The article's text without page furniture, paragraphs kept apart by blank lines."""
    kept: list[str] = []
    for line in normalise_text(text).split("\n"):
        if ends_article(line, language):
            break
        if not is_furniture(line, language):
            kept.append(line)
    cleaned = "\n".join(kept)
    # The `***` some sites put at the end of the body, and runs of blank lines.
    cleaned = re.sub(r"\*{3,}", "", cleaned)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()
