"""What the extraction tests compare: the relations read from a text, as sorted (source,
relation, target, modality) tuples, and short names for the modalities."""

from __future__ import annotations

from geokg.ingest.pipeline import extract_article

ASR, INT, NEG, HYP = "asserted", "intended", "negated", "hypothetical"


def triples(text: str, language: str,
            date: str | None = "2021-06-01") -> list[tuple[str, str, str, str]]:
    result = extract_article(text, language=language, date=date)
    return sorted((r.source, r.relation, r.target, r.modality) for r in result.relations)
