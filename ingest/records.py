"""Extraction on JSONL records (the schema of the gold data), storing nothing."""

from __future__ import annotations

from typing import Any

from geokg.graph.model import Relation
from geokg.ingest.pipeline import extract_article


def relation_event(rel: Relation) -> dict[str, Any]:
    return {
        "source": [rel.source],
        "target": [rel.target],
        "relation": rel.relation,
        "plover": rel.plover or None,
        "cameo_root": rel.cameo_root,
        "quad": rel.quad,
        "symmetric": rel.symmetric,
        "modality": rel.modality,
        "confidence": rel.confidence,
        "evidence": rel.evidence.sentence,
    }


def extract_record(record: dict[str, Any]) -> dict[str, Any]:
    """{"id", "text", "lang"?, "date"?} → {"id", "events": [...]}."""
    result = extract_article(
        record.get("text") or "", language=record.get("lang"), date=record.get("date"),
    )
    events: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for rel in result.relations:
        key = (rel.source, rel.target, rel.relation, rel.modality)
        if key not in seen:
            seen.add(key)
            events.append(relation_event(rel))
    return {"id": record.get("id"), "events": events}
