"""The geokg ontology: generated from the relation tables, shipped in sync, and covering every
term the store writes; each article graph describes its provenance in PROV-O."""

from __future__ import annotations

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, XSD, Literal, URIRef
from rdflib.compare import isomorphic

from geokg import EXTRACTOR_VERSION
from geokg.graph import ontology
from geokg.graph.actors import default_registry
from geokg.graph.rdf_model import GEOKG, WD, activity_iri, agent_iri, article_iri, article_quads
from geokg.graph.rdf_store import to_ox_quad
from geokg.graph.rdf_summary import facts_from_quads, summary_quads
from geokg.graph.vocabulary import (
    LANGUAGES,
    ONTOLOGY_FILE,
    RELATION_LABELS_FILE,
    build_vocabulary,
    relation_labels,
    shipped_vocabulary,
)
from geokg.ingest.pipeline import extract_article
from tests.conftest import SEED

NOW = "2024-05-01T12:00:00+00:00"


def seed_quads(url: str | None = None) -> list[tuple]:
    result = extract_article(SEED.read_text(encoding="utf-8"), source=str(SEED), url=url)
    return list(article_quads(result.article, result.relations, default_registry(), NOW))


def test_labels_file_has_every_relation_in_every_language():
    header = next(line for line in RELATION_LABELS_FILE.read_text(encoding="utf-8").splitlines()
                  if not line.startswith("#"))
    assert header == "relation\ten\tid\tes\tfr\tde\tpt\tru\tpl\tar\tzh"
    labels = relation_labels()
    assert set(labels) == set(ontology.relation_types())
    missing = [(rel, lang) for rel, by_lang in labels.items() for lang in LANGUAGES
               if not by_lang[lang]]
    assert missing == []


def test_shipped_ontology_is_a_fresh_generation():
    # If this fails: python scripts/build_vocabulary.py
    assert ONTOLOGY_FILE.exists()
    assert isomorphic(shipped_vocabulary(), build_vocabulary())


def test_classes():
    g = build_vocabulary()
    for name in ("Actor", "State", "IGO", "Person", "Article", "Claim"):
        assert (GEOKG[name], RDF.type, OWL.Class) in g
        assert g.value(GEOKG[name], RDFS.label) is not None
    for kind in ("State", "IGO", "Person"):
        assert (GEOKG[kind], RDFS.subClassOf, GEOKG.Actor) in g
    assert (GEOKG.Article, RDFS.subClassOf, PROV.Entity) in g


def test_one_property_per_relation_type_with_its_coding_and_labels():
    g = build_vocabulary()
    for rt in ontology.relation_types().values():
        prop = GEOKG[rt.name]
        assert (prop, RDF.type, OWL.ObjectProperty) in g
        assert ((prop, RDF.type, OWL.SymmetricProperty) in g) == rt.symmetric
        assert (prop, RDFS.domain, GEOKG.Actor) in g and (prop, RDFS.range, GEOKG.Actor) in g
        assert (prop, RDFS.comment, Literal(rt.description, lang="en")) in g
        assert {lbl.language for lbl in g.objects(prop, RDFS.label)} == set(LANGUAGES)
        assert g.value(prop, GEOKG.cameo) == Literal(rt.cameo)
        assert g.value(prop, GEOKG.cameoRoot) == Literal(rt.cameo_root)
        assert g.value(prop, GEOKG.quad) == Literal(rt.quad)
        assert g.value(prop, GEOKG.goldstein).toPython() == rt.goldstein
        assert g.value(prop, GEOKG.plover) == (Literal(rt.plover) if rt.plover else None)
        assert g.value(prop, GEOKG.ploverMode) == (
            Literal(rt.plover_mode) if rt.plover_mode else None)
    sells = GEOKG.SELLS_ARMS_TO
    assert (sells, RDFS.label, Literal("sells arms to", lang="en")) in g
    assert (GEOKG.COOPERATES_WITH, RDFS.label, Literal("bekerja sama dengan", lang="id")) in g
    for ann in ("plover", "ploverMode", "cameo", "cameoRoot", "goldstein", "quad"):
        assert (GEOKG[ann], RDF.type, OWL.AnnotationProperty) in g


def test_claim_properties_are_declared_with_labels_and_ranges():
    g = build_vocabulary()
    assert (GEOKG.subject, RDFS.range, GEOKG.Actor) in g
    assert (GEOKG.object, RDFS.range, GEOKG.Actor) in g
    assert (GEOKG.subject, RDFS.domain, GEOKG.Claim) in g
    assert (GEOKG.relation, RDF.type, OWL.ObjectProperty) in g
    assert (GEOKG.modality, RDFS.range, XSD.string) in g
    assert (GEOKG.confidence, RDFS.range, XSD.double) in g
    assert (GEOKG.article, RDFS.subPropertyOf, PROV.wasDerivedFrom) in g


def test_every_geokg_term_the_store_writes_is_in_the_ontology():
    g = build_vocabulary()
    declared = set(g.subjects(RDF.type, None))
    used = set()
    for _s, p, o, _g in seed_quads():
        used.add(p)
        if p == RDF.type or p == GEOKG.relation:
            used.add(o)
    missing = sorted(t for t in used if str(t).startswith(str(GEOKG)) and t not in declared)
    assert missing == []


def test_every_term_of_the_summary_graph_is_in_the_ontology():
    g = build_vocabulary()
    declared = set(g.subjects(RDF.type, None))
    quads = seed_quads()
    facts = facts_from_quads(to_ox_quad(q) for q in quads)
    used = set()
    for quad in summary_quads(facts):
        used.add(quad.predicate.value)
        if quad.predicate.value == str(RDF.type):
            used.add(quad.object.value)
    assert {str(GEOKG.Dyad), str(GEOKG.claimCount), str(GEOKG.linkedTo)} <= used
    missing = sorted(t for t in used if t.startswith(str(GEOKG)) and URIRef(t) not in declared)
    assert missing == []


def test_actors_are_linked_to_wikidata():
    by_subject = {}
    for s, p, o, _g in seed_quads():
        if p == OWL.sameAs:
            by_subject[str(s).rsplit("/", 1)[-1]] = o
    assert by_subject["CHN"] == WD.Q148
    assert by_subject["RUS"] == WD.Q159


def test_article_graph_describes_its_provenance():
    url = "https://bandungraya.pikiran-rakyat.com/internasional/pr-000"
    quads = seed_quads(url=url)
    art = next(s for s, p, o, _g in quads if p == RDF.type and o == GEOKG.Article)
    assert all(g == art for *_t, g in quads if g != URIRef("https://w3id.org/geokg/graph/actors"))
    triples = {(s, p, o) for s, p, o, _g in quads}
    activity = activity_iri(str(art).rsplit("/", 1)[-1])
    agent = agent_iri(EXTRACTOR_VERSION)
    assert art == article_iri(str(art).rsplit("/", 1)[-1])
    expected = {
        (art, RDF.type, PROV.Entity),
        (art, PROV.wasDerivedFrom, URIRef(url)),
        (art, DCTERMS.issued, Literal("2020-10-15", datatype=XSD.date)),
        (art, DCTERMS.language, Literal("id", datatype=XSD.language)),
        (art, PROV.generatedAtTime, Literal(NOW, datatype=XSD.dateTime)),
        (art, PROV.wasGeneratedBy, activity),
        (activity, RDF.type, PROV.Activity),
        (activity, PROV.used, agent),
        (agent, RDF.type, PROV.SoftwareAgent),
        (agent, RDFS.label, Literal(EXTRACTOR_VERSION)),
    }
    assert expected <= triples
    # The canned queries' own terms are still there.
    assert (art, GEOKG.articleId, Literal(str(art).rsplit("/", 1)[-1])) in triples
    assert (art, GEOKG.date, Literal("2020-10-15", datatype=XSD.date)) in triples


def test_a_file_path_is_no_derivation_source():
    # The seed is read from a path, not a URL: no prov:wasDerivedFrom.
    assert not [q for q in seed_quads() if q[1] == PROV.wasDerivedFrom]
