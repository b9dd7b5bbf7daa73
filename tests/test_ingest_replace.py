"""A changed article replaces its own relations: a document read again from the same origin
(file, JSONL record id, URL) with other text removes the old version with its claims and
stores the new one, in one transaction, in the embedded store and in Neo4j. The result is
what a fresh store makes of the current texts, and ingesting again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph import rdf_store
from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore
from geokg.graph.rdf_store import RdfStore
from geokg.ingest.batch import IngestSummary, article_origin, ingest_documents
from geokg.ingest.pipeline import extract_article
from geokg.ingest.sources import Reader
from tests.conftest import SEED
from tests.test_fetch import LocalServer

_LINES = SEED.read_text(encoding="utf-8").split("\n")
FULL = "\n".join(_LINES)
FIRST = "\n".join(_LINES[:28])  # shares keys with FULL, but names fewer actors
SECOND = "\n".join(_LINES[28:])  # shares other keys with FULL
# Times differ between two ingests of the same text; everything else must be equal.
_TIMES = {"https://w3id.org/geokg/ontology#ingestedAt",
          "http://www.w3.org/ns/prov#generatedAtTime", "http://www.w3.org/ns/prov#endedAtTime"}


def aid(text: str) -> str:
    return extract_article(text).article.id


def n(text: str) -> int:
    """How many relations extraction finds in `text` (computed, not written down: the
    lexicons change more often than this behaviour)."""
    return len(extract_article(text).relations)


def actors(text: str) -> list[str]:
    return sorted({a for r in extract_article(text).relations for a in (r.source, r.target)})


def counts(summary: IngestSummary) -> tuple[int, int, int, int, int, int]:
    return (summary.new, summary.unchanged, summary.replaced, summary.failed,
            summary.relations, summary.removed)


def ingest(store, *inputs: str | Path) -> IngestSummary:
    return ingest_documents(store, Reader().read([str(i) for i in inputs]))


def quads(store: RdfStore) -> set[tuple[str, ...]]:
    return {(str(q.subject), str(q.predicate),
             "TIME" if q.predicate.value in _TIMES else str(q.object), str(q.graph_name))
            for q in store.oxigraph.quads_for_pattern(None, None, None, None)}


def fresh_quads(tmp_path: Path, *inputs: Path) -> set[tuple[str, ...]]:
    with RdfStore(tmp_path / "fresh") as fresh:
        ingest(fresh, *inputs)
        return quads(fresh)


# ------------------------------------------------------------------------- what is "the same"


def test_the_origin_of_files_records_urls_and_others(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    text = tmp_path / "d" / "a.txt"
    text.write_text("x", encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text("", encoding="utf-8")
    assert article_origin("d/a.txt") == text.resolve().as_uri()
    assert article_origin("d/../d/a.txt") == article_origin(str(text))
    assert article_origin("r.jsonl#7") == records.resolve().as_uri() + "#7"
    assert article_origin("r.jsonl#a#b c") == records.resolve().as_uri() + "#a%23b%20c"
    assert article_origin("https://example.org/news/1") == "https://example.org/news/1"
    # No identity: standard input, a record without id (a line number), a label, a folder.
    for source in ("<stdin>", "<stdin>#7", "r.jsonl:3", "r.jsonl", "no-such-file", "d"):
        assert article_origin(source) is None, source
    # A source longer than a file name may be is no error (stat() refuses it).
    assert article_origin("r.jsonl#" + "x" * 5000) == records.resolve().as_uri() + "#" + "x" * 5000
    assert article_origin("y" * 5000) is None


# --------------------------------------------------------------------------- embedded store


def test_changed_file_replaces_its_article_embedded(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    a, c = folder / "a.txt", folder / "c.txt"
    a.write_text(FULL, encoding="utf-8")
    c.write_text(FIRST, encoding="utf-8")
    with RdfStore(tmp_path / "store") as store:
        assert counts(ingest(store, folder)) == (2, 0, 0, 0, n(FULL) + n(FIRST), 0)
        a.write_text(SECOND, encoding="utf-8")
        assert counts(ingest(store, folder)) == (0, 1, 1, 0, n(SECOND), n(FULL))
        assert not store.has_article(aid(FULL))
        assert store.has_article(aid(SECOND)) and store.has_article(aid(FIRST))
        claims = {r["id"]: r["article"] for r in store.claims(factual_only=False)}
        assert len(claims) == n(SECOND) + n(FIRST) and aid(FULL) not in claims.values()
        after = quads(store)
        assert after == fresh_quads(tmp_path, c, a)  # nothing left of the old version
        # The same file by another path is the same article: nothing changes.
        assert counts(ingest(store, folder / ".." / "articles" / "a.txt", c)) == (
            0, 2, 0, 0, 0, 0)
        assert quads(store) == after


def test_actors_only_the_old_version_named_leave_the_actor_graph(tmp_path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    with RdfStore(tmp_path / "store") as store:
        ingest(store, a)
        a.write_text(FIRST, encoding="utf-8")
        assert counts(ingest(store, a)) == (0, 0, 1, 0, n(FIRST), n(FULL))
        assert quads(store) == fresh_quads(tmp_path, a)
        assert set(actors(FIRST)) < set(actors(FULL))  # what this test is about
        assert store.stats() == {"articles": 1, "actors": len(actors(FIRST)),
                                 "relations": n(FIRST)}
        codes = sorted(str(r["code"]) for r in store.select(
            "SELECT ?code WHERE { GRAPH <https://w3id.org/geokg/graph/actors> "
            "{ ?a geokg:code ?code } }"))
        assert codes == actors(FIRST)


def test_a_failed_replacement_leaves_the_old_version(tmp_path, monkeypatch) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    with RdfStore(tmp_path / "store") as store:
        ingest(store, a)
        before = quads(store)
        real = rdf_store.replace_update
        # The last operation of the update fails (the graph exists): Oxigraph must then undo
        # the drop and the insert before it.
        monkeypatch.setattr(rdf_store, "replace_update", lambda *args: real(*args) + (
            " ;\nCREATE GRAPH <https://w3id.org/geokg/graph/actors>"))
        a.write_text(SECOND, encoding="utf-8")
        with pytest.raises(RuntimeError, match="already exists"):
            ingest(store, a)
        assert quads(store) == before
        monkeypatch.setattr(rdf_store, "replace_update", real)
        assert counts(ingest(store, a)) == (0, 0, 1, 0, n(SECOND), n(FULL))


def test_the_summary_line_counts_replaced_articles(tmp_path, monkeypatch) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(a)])
    assert first.output == f"articles: 1 new, 0 unchanged, 0 failed; relations added: {n(FULL)}\n"
    a.write_text(SECOND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a relative path to the same file
    changed = runner.invoke(main, ["ingest", "a.txt"])
    assert changed.exit_code == 0, changed.output
    assert changed.output == ("articles: 0 new, 0 unchanged, 1 replaced, 0 failed; "
                              f"relations added: {n(SECOND)}, removed: {n(FULL)}\n")
    again = runner.invoke(main, ["ingest", str(a)])
    assert again.output == "articles: 0 new, 1 unchanged, 0 failed; relations added: 0\n"


def _records(path: Path, *records: tuple[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records),
                    encoding="utf-8")
    return path


def test_a_jsonl_record_is_the_same_article_by_its_id_in_its_file(tmp_path) -> None:
    records = _records(tmp_path / "news.jsonl", ("n1", FULL), ("n2", FIRST))
    with RdfStore(tmp_path / "store") as store:
        assert counts(ingest(store, records)) == (2, 0, 0, 0, n(FULL) + n(FIRST), 0)
        _records(records, ("n1", SECOND), ("n2", FIRST))
        assert counts(ingest(store, records)) == (0, 1, 1, 0, n(SECOND), n(FULL))
        after = quads(store)
        assert after == fresh_quads(tmp_path, records)
        assert counts(ingest(store, records)) == (0, 2, 0, 0, 0, 0)
        assert quads(store) == after
        # The same id in another file is another article (ids are the file's own).
        other = _records(tmp_path / "other.jsonl", ("n1", FULL))
        assert counts(ingest(store, other)) == (1, 0, 0, 0, n(FULL), 0)
        assert store.stats()["articles"] == 3


def test_one_record_id_twice_in_a_file_keeps_both_and_stays_put(tmp_path) -> None:
    records = _records(tmp_path / "dup.jsonl", ("x", FULL), ("x", FIRST))
    with RdfStore(tmp_path / "store") as store:
        assert counts(ingest(store, records)) == (2, 0, 0, 0, n(FULL) + n(FIRST), 0)
        before = quads(store)
        assert counts(ingest(store, records)) == (0, 2, 0, 0, 0, 0)
        assert quads(store) == before
        # Once the file changes, its two records are what the store holds from it.
        _records(records, ("x", SECOND), ("x", FIRST))
        summary = ingest(store, records)
        assert (summary.replaced, summary.failed) == (1, 0)
        assert quads(store) == fresh_quads(tmp_path, records)


def _page(body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return f"<!doctype html><html lang='id'><head><title>t</title></head><body><article>" \
           f"{paragraphs}</article></body></html>"


def test_a_changed_page_at_the_same_url_replaces_its_article(tmp_path) -> None:
    server = LocalServer()
    try:
        url = server.page("/news/1.html", _page(FULL))
        with RdfStore(tmp_path / "store") as store:
            first = ingest(store, url)
            assert (first.new, first.failed) == (1, 0) and first.relations > 0
            server.page("/news/1.html", _page(SECOND))
            changed = ingest(store, url)
            assert (changed.new, changed.replaced, changed.removed) == (0, 1, first.relations)
            assert store.stats()["articles"] == 1
            assert [r["url"] for r in store.select(
                "SELECT ?url WHERE { ?a geokg:url ?url }")] == [url]
            after = quads(store)
            assert counts(ingest(store, url)) == (0, 1, 0, 0, 0, 0)
            assert quads(store) == after
    finally:
        server.close()


# ---------------------------------------------------------------------------------- Neo4j


@pytest.fixture
def neo4j(neo4j_server, neo4j_driver) -> Neo4jStore:
    return Neo4jStore(Neo4jConfig(neo4j_server.bolt_uri), driver=neo4j_driver)


def snapshot(store: Neo4jStore) -> dict:
    """Everything in the graph but ingest times."""
    return {
        "stats": store.stats(),
        "articles": sorted(tuple(sorted((k, v) for k, v in r["a"].items()
                                        if k != "ingested_at"))
                           for r in store.read("MATCH (a:Article) RETURN properties(a) AS a")),
        "claims": store.claims(factual_only=False),
        "actors": store.read("MATCH (x:Actor) RETURN x.id AS id, labels(x) AS labels, "
                             "properties(x) AS props ORDER BY id"),
        "aggregated": store.read(
            "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS a, type(r) AS type, b.id AS b, "
            "properties(r) AS props ORDER BY a, type, b"),
        "relationships": store.relationship_count(),
    }


def fresh_snapshot(store: Neo4jStore, *inputs: Path) -> dict:
    store.driver.execute_query("MATCH (n) DETACH DELETE n")
    ingest(store, *inputs)
    return snapshot(store)


def test_changed_file_replaces_its_article_neo4j(neo4j, tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    a, c = folder / "a.txt", folder / "c.txt"
    a.write_text(FULL, encoding="utf-8")
    c.write_text(FIRST, encoding="utf-8")
    assert counts(ingest(neo4j, folder)) == (2, 0, 0, 0, n(FULL) + n(FIRST), 0)
    a.write_text(SECOND, encoding="utf-8")
    assert counts(ingest(neo4j, folder)) == (0, 1, 1, 0, n(SECOND), n(FULL))
    after = snapshot(neo4j)
    assert not neo4j.has_article(aid(FULL))
    assert {r["article"] for r in after["claims"]} == {aid(FIRST), aid(SECOND)}
    # The typed relationships are exactly the sums of the claims left.
    keys = {(r["a"], r["type"], r["b"]) for r in after["aggregated"]}
    assert keys == {(r["source"], r["relation"], r["target"]) for r in after["claims"]
                    if r["modality"] in ("asserted", "intended")}
    assert counts(ingest(neo4j, folder)) == (0, 2, 0, 0, 0, 0)
    assert snapshot(neo4j) == after
    assert fresh_snapshot(neo4j, c, a) == after


def test_actors_only_the_old_version_named_are_deleted_neo4j(neo4j, tmp_path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    ingest(neo4j, a)
    a.write_text(FIRST, encoding="utf-8")
    assert counts(ingest(neo4j, a)) == (0, 0, 1, 0, n(FIRST), n(FULL))
    after = snapshot(neo4j)
    assert [r["id"] for r in after["actors"]] == actors(FIRST)
    assert fresh_snapshot(neo4j, a) == after


def test_a_record_replaced_in_neo4j_then_unchanged(neo4j, tmp_path) -> None:
    records = _records(tmp_path / "news.jsonl", ("n1", FULL), ("n2", SECOND))
    ingest(neo4j, records)
    _records(records, ("n1", FIRST), ("n2", SECOND))
    assert counts(ingest(neo4j, records)) == (0, 1, 1, 0, n(FIRST), n(FULL))
    after = snapshot(neo4j)
    assert counts(ingest(neo4j, records)) == (0, 2, 0, 0, 0, 0)
    assert snapshot(neo4j) == after
    assert fresh_snapshot(neo4j, records) == after


def test_a_failed_replacement_leaves_the_old_version_neo4j(neo4j, tmp_path,
                                                           monkeypatch) -> None:
    from geokg.graph import neo4j_store

    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    ingest(neo4j, a)
    before = snapshot(neo4j)
    # The new claims' statement fails after the old version was deleted in the transaction.
    monkeypatch.setattr(neo4j_store, "_MERGE_CLAIMS", "RETURN 1 / 0")
    a.write_text(SECOND, encoding="utf-8")
    with pytest.raises(Exception, match="zero"):
        ingest(neo4j, a)
    assert snapshot(neo4j) == before


def test_an_article_loaded_from_the_embedded_store_is_replaced_later_neo4j(
        neo4j, tmp_path) -> None:
    # `geokg load` carries each article's origin into Neo4j, so a changed version ingested
    # there later replaces the loaded one instead of standing beside it.
    from geokg.graph.transfer import article_rows

    a = tmp_path / "a.txt"
    a.write_text(FULL, encoding="utf-8")
    with RdfStore(tmp_path / "store") as embedded:
        ingest(embedded, a)
        rows = list(article_rows(embedded))
    assert [r.article["origin"] for r in rows] == [a.resolve().as_uri()]
    assert neo4j.write_rows(rows) == [True]
    a.write_text(FIRST, encoding="utf-8")
    assert counts(ingest(neo4j, a)) == (0, 0, 1, 0, n(FIRST), n(FULL))
    assert fresh_snapshot(neo4j, a)["claims"] == snapshot(neo4j)["claims"]
