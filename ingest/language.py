"""Language identification, restricted to the languages geokg has data for.

The restricted classifier always answers one of the supported languages, so a Japanese page
would be read as Chinese and a Turkish one as something else. A second look with all of
py3langid's languages catches text plainly in another language; it is then reported as such
(and refused by the pipeline) rather than mis-read."""

from __future__ import annotations

from functools import cache

SUPPORTED = ("id", "en", "es", "fr", "de", "pt", "ru", "pl", "ar", "zh")
# How sure the full classifier must be before text is called unsupported. Supported-language
# news it gets wrong (headlines in capitals, English with Nigerian names) stays below 0.65 on
# the dev sets; text really in another language scores 0.999 and more.
UNSUPPORTED_CONFIDENCE = 0.99


@cache
def _identifier():
    # py3langid ships its model inside the package: nothing is downloaded.
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language: one of the supported ones, or another
    language's code when the text is plainly in that one."""
    sample = text[:5000]
    if not sample.strip():
        return "en"
    # One ranking over all languages: its best supported language is what a classifier
    # restricted to them would say (naive Bayes ranks each language on its own).
    ranking = _identifier().rank(sample)
    best, confidence = ranking[0]
    if best not in SUPPORTED and confidence >= UNSUPPORTED_CONFIDENCE:
        return best
    return next(lang for lang, _ in ranking if lang in SUPPORTED)
