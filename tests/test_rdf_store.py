"""The embedded store on disk: persistence, idempotence, parameters never pasted into queries."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal

from geokg.graph.rdf_store import RdfStore
from geokg.ingest.pipeline import extract_article
from tests.conftest import SEED


def seed_extraction():
    return extract_article(SEED.read_text(encoding="utf-8"), source=str(SEED))


def test_store_persists_across_reopen(tmp_path: Path):
    result = seed_extraction()
    with RdfStore(tmp_path / "store") as store:
        assert store.add_article(result.article, result.relations) is True
        counts = store.stats()
    with RdfStore(tmp_path / "store") as store:
        assert store.stats() == counts
        assert store.has_article(result.article.id)
    assert counts["articles"] == 1
    assert counts["relations"] == len(result.relations)


def test_adding_an_article_twice_changes_nothing(tmp_path: Path):
    result = seed_extraction()
    with RdfStore(tmp_path / "store") as store:
        store.add_article(result.article, result.relations)
        quads = len(store.dataset)
        assert store.add_article(result.article, result.relations) is False
        assert len(store.dataset) == quads


def test_parameters_are_bound_not_pasted(tmp_path: Path):
    result = seed_extraction()
    with RdfStore(tmp_path / "store") as store:
        store.add_article(result.article, result.relations)
        hostile = Literal('x" } } ; DROP ALL ; #')
        assert store.has_article(str(hostile)) is False
        assert store.stats()["articles"] == 1


def test_evidence_offsets_point_into_the_stored_text(tmp_path: Path):
    result = seed_extraction()
    text = result.article.text
    for rel in result.relations:
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.sentence
