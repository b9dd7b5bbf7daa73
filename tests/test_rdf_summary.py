"""The per-dyad summary graph of the embedded store (graph.rdf_summary): after every kind of
write (new article, replaced article, import, SPARQL update, an old store opened) it equals a
summary recomputed from the claims, and it is never exported."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from geokg.graph import ontology
from geokg.graph.model import Article, Evidence, Relation
from geokg.graph.rdf_store import RdfStore
from geokg.graph.rdf_summary import (
    DYAD_OF,
    LINKED_TO,
    MARKER,
    SUMMARY_GRAPH,
    SUMMARY_GRAPH_IRI,
    SUMMARY_VERSION_PROP,
    clear,
    graph_facts,
    rebuild,
    summary_quads,
)

# (source, relation, target, modality, date): a hub (USA), both directions of a pair, an
# undated claim, non-factual ones, and an actor related to itself.
FIRST = [
    ("USA", "SIGNS_AGREEMENT_WITH", "JPN", "asserted", "2021-03-12"),
    ("JPN", "CRITICIZES", "CHN", "asserted", "2021-03-12"),
    ("USA", "SANCTIONS", "RUS", "intended", None),
    ("RUS", "THREATENS", "USA", "hypothetical", "2021-03-12"),
    ("USA", "MEETS", "USA", "asserted", "2021-03-12"),
]
SECOND = [
    ("USA", "SIGNS_AGREEMENT_WITH", "JPN", "asserted", "2020-01-05"),
    ("CHN", "CRITICIZES", "JPN", "asserted", "2020-01-05"),
    ("USA", "SANCTIONS", "RUS", "negated", "2020-01-05"),
]
CHANGED = [
    ("JPN", "CRITICIZES", "CHN", "asserted", "2022-07-01"),
    ("IND", "TRADES_WITH", "JPN", "asserted", None),
]


def article(article_id: str, rows: list[tuple], date: str | None = "2021-03-12"
            ) -> tuple[Article, list[Relation]]:
    art = Article(id=article_id, text="", language="en", date=date, title=article_id,
                  url=f"https://news.example/{article_id}", source=f"https://news.example/{article_id}")
    relations = []
    for k, (source, name, target, modality, day) in enumerate(rows):
        rt = ontology.relation_types()[name]
        code = ontology.coding(name, modality)
        sentence = f"Sentence {k} of {article_id}: {source} {name.lower()} {target}."
        ev = Evidence(article_id, sentence, k * 100, k * 100 + len(sentence), day, "en",
                      "geokg-rules/0.1.0")
        relations.append(Relation(source, name, target, modality, 0.9, ev,
                                  symmetric=rt.symmetric, plover=code.plover, cameo=code.cameo,
                                  cameo_root=code.cameo_root, quad=code.quad,
                                  goldstein=code.goldstein))
    return art, relations


def summary(store: RdfStore) -> set[str]:
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, SUMMARY_GRAPH)}


def recomputed(store: RdfStore) -> set[str]:
    return {str(ox.Quad(q.subject, q.predicate, q.object, SUMMARY_GRAPH))
            for q in summary_quads(graph_facts(store.oxigraph))}


def filled(path: Path) -> RdfStore:
    store = RdfStore(path)
    store.add_article(*article("a1", FIRST))
    store.add_article(*article("a2", SECOND, date=None))
    return store


def test_summary_after_new_articles_equals_a_recomputation(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        assert summary(store) == recomputed(store)
        assert store.has_summary()
        # What the rows hold: the factual claims of USA → JPN (2 of them, one per article).
        rows = store.select(
            "SELECT ?n ?first ?last WHERE { GRAPH ?s { ?r geokg:pairSource ?a ; "
            "geokg:pairTarget ?b ; geokg:claimCount ?n . OPTIONAL { ?r geokg:firstDate ?first } "
            "OPTIONAL { ?r geokg:lastDate ?last } } }",
            {"a": ox_iri("USA"), "b": ox_iri("JPN"), "s": ox_named(SUMMARY_GRAPH_IRI)})
        assert [(r["n"], r["last"].isoformat()) for r in rows] == [(2, "2021-03-12")]


def ox_iri(actor: str):
    from geokg.graph.rdf_model import actor_iri
    return actor_iri(actor)


def ox_named(iri: str):
    from rdflib import URIRef
    return URIRef(iri)


def test_adding_the_same_article_again_changes_no_summary(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        before = summary(store)
        assert store.add_article(*article("a1", FIRST)) is False
        assert summary(store) == before


def test_a_replaced_article_updates_the_summary_as_a_fresh_store_would(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        origin = "https://news.example/feed#1"
        store.store_article(*article("a3", CHANGED), origin=origin)
        # The article read from the same origin again, changed: it replaces a3.
        store.store_article(*article("a4", FIRST[:2]), origin=origin)
        assert summary(store) == recomputed(store)
        replaced = summary(store)
    with RdfStore(tmp_path / "fresh") as fresh:
        fresh.add_article(*article("a1", FIRST))
        fresh.add_article(*article("a2", SECOND, date=None))
        fresh.store_article(*article("a4", FIRST[:2]), origin=origin)
        assert summary(fresh) == replaced
        # IND and its only pair are gone from the summary with a3.
        assert "actor/IND" not in " ".join(replaced)


def test_the_summary_is_not_exported_and_is_rebuilt_on_import(tmp_path: Path):
    exported = tmp_path / "export.trig"
    with filled(tmp_path / "store") as store:
        store.export_to(exported, "trig")
        original = summary(store)
    assert SUMMARY_GRAPH_IRI not in exported.read_text(encoding="utf-8")
    with RdfStore(tmp_path / "imported") as imported:
        imported.import_file(exported, "trig")
        assert summary(imported) == original
        assert imported.has_summary()


def test_a_store_without_summary_gets_one_when_opened(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        original = summary(store)
        # As a store written before the summary existed (or a crash during an import).
        store.oxigraph.update(f"DROP GRAPH {SUMMARY_GRAPH}")
        assert not store.has_summary()
    with RdfStore(tmp_path / "store") as reopened:
        assert reopened.has_summary()
        assert summary(reopened) == original


def test_a_sparql_update_rebuilds_the_summary(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        before = summary(store)
        store.run_sparql("DROP GRAPH <https://w3id.org/geokg/article/a2>", write=True)
        assert summary(store) == recomputed(store) != before
        assert str(MARKER) in summary(store)


def test_a_rebuild_in_small_batches_from_nothing_equals_a_recomputation(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        store.store_article(*article("a3", CHANGED), origin="https://news.example/feed#1")
        expected = recomputed(store)
        for batch in (7, 40):
            clear(store.oxigraph, batch)
            assert summary(store) == set()
            # Batches that do not divide the quad count: a lost remainder would show.
            rebuild(store.oxigraph, batch)
            assert summary(store) == expected


def test_a_rebuild_repairs_a_stale_summary_writing_only_the_difference(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        expected = recomputed(store)
        ox_store, g = store.oxigraph, SUMMARY_GRAPH
        rows = list(ox_store.quads_for_pattern(None, DYAD_OF, None, g))
        links = list(ox_store.quads_for_pattern(None, LINKED_TO, None, g))
        # A row lost, a link lost, a stale link and a whole dyad of a pair no claim has.
        ox_store.remove(rows[0])
        ox_store.remove(links[0])
        usa, ind = (ox.NamedNode(str(ox_iri(a))) for a in ("USA", "IND"))
        ox_store.add(ox.Quad(usa, LINKED_TO, ind, g))
        with RdfStore(tmp_path / "other") as other:  # the quads an (IND, USA) pair once had
            other.add_article(*article("x", [("IND", "TRADES_WITH", "USA", "asserted", None)]))
            ox_store.extend(other.oxigraph.quads_for_pattern(None, None, None, g))
        assert summary(store) != expected
        rebuild(ox_store, 2)
        assert summary(store) == expected


def test_a_rebuild_drops_what_no_pair_reaches_and_another_versions_summary(tmp_path: Path):
    with filled(tmp_path / "store") as store:
        expected = recomputed(store)
        g, junk = SUMMARY_GRAPH, ox.NamedNode("https://example.org/junk")
        store.oxigraph.add(ox.Quad(junk, junk, junk, g))
        rebuild(store.oxigraph, 16)
        assert summary(store) == expected
        store.oxigraph.remove(MARKER)
        store.oxigraph.add(ox.Quad(g, SUMMARY_VERSION_PROP, ox.Literal("0"), g))
        rebuild(store.oxigraph, 16)
        assert summary(store) == expected


def test_a_replaced_claim_is_taken_back_without_reading_a_pairs_claims(tmp_path: Path,
                                                                         monkeypatch):
    import geokg.graph.rdf_summary as rdf_summary

    deal = ("USA", "SIGNS_AGREEMENT_WITH", "JPN", "asserted")
    with RdfStore(tmp_path / "store") as store:
        for k, day in enumerate(("2020-01-01", "2021-01-01", "2022-01-01")):
            store.store_article(*article(f"d{k}", [(*deal, day)]), origin=f"feed#{k}")
        pair_claims = rdf_summary.pair_claims

        def unread(*args, **kwargs):
            raise AssertionError("the pair's claims were read")

        # The middle claim holds neither first nor last date nor the smallest sentence: its
        # count and Goldstein score are subtracted, nothing else read.
        monkeypatch.setattr(rdf_summary, "pair_claims", unread)
        store.store_article(*article("d1b", [("CHN", "CRITICIZES", "JPN", "asserted", None)]),
                            origin="feed#1")
        assert summary(store) == recomputed(store)
        # The last one holds the last date: its rows are recomputed from the claims left.
        monkeypatch.setattr(rdf_summary, "pair_claims", pair_claims)
        store.store_article(*article("d2b", [(*deal, None)]), origin="feed#2")
        assert summary(store) == recomputed(store)
        # The first one: the pair's dated rows lose their last claim and go.
        store.store_article(*article("d0b", [("IND", "TRADES_WITH", "JPN", "asserted", None)]),
                            origin="feed#0")
        assert summary(store) == recomputed(store)
