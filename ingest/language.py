"""Language identification, restricted to the languages geokg has data for."""

from __future__ import annotations

from functools import cache

SUPPORTED = ("id", "en", "es", "fr", "de", "pt", "ru", "pl", "ar", "zh")


@cache
def _identifier():
    # py3langid ships its model inside the package: nothing is downloaded.
    from py3langid.langid import _load_identifier

    return _load_identifier(langs=list(SUPPORTED))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language among the supported ones."""
    sample = text[:5000]
    if not sample.strip():
        return "en"
    language, _ = _identifier().classify(sample)
    return language
