"""`geokg eval`: run extraction on gold records and score it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geokg.evaluation import Report, load_gold, score
from geokg.ingest.records import extract_record


def evaluate_files(paths: list[Path]) -> tuple[Report, list[dict[str, Any]]]:
    """The report, and per record its predictions with what was TP, FP and FN."""
    gold = load_gold(paths)
    predictions = [extract_record(record) for record in gold]
    report = score(gold, predictions, details=True)
    details = []
    for pred, detail in zip(predictions, report.records or [], strict=True):
        details.append({"id": pred["id"], "events": pred["events"], "scored": detail})
    return report, details
