"""Reading an article's date from its dateline ("15 Oktober 2020, 14:32 WIB")."""

from __future__ import annotations

import re
import warnings

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A dateline is a short line near the top; looking further down finds dates the story mentions.
_HEAD_LINES = 8
_MAX_LINE = 80


def find_dateline(text: str, language: str) -> str | None:
    """The ISO date (YYYY-MM-DD) of the first dateline among the article's first lines."""
    for line in text.split("\n")[:_HEAD_LINES]:
        line = line.strip()
        if not line or len(line) > _MAX_LINE or not _YEAR.search(line):
            continue
        parsed = parse_date(line, language)
        if parsed:
            return parsed
    return None


def parse_date(value: str, language: str | None = None) -> str | None:
    """An ISO date from a date written in any supported language, or None."""
    import dateparser  # slow to import; only needed when a date must be read

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    languages = [language, "en"] if language and language != "en" else ["en"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(value, languages=languages, settings=settings)
    return parsed.date().isoformat() if parsed else None
