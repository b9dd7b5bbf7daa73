"""How the graph is written in RDF: IRIs, the geokg vocabulary, and the quads of one article.

Each article's statements live in a named graph (the article's IRI). Every relation is a
`geokg:Claim` resource with its evidence; factual claims (asserted or intended) are also
written as a direct triple `actor geokg:RELATION actor` for plain SPARQL browsing."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import OWL, RDF, RDFS, XSD, Literal, Namespace, URIRef

from geokg.graph.actors import ActorRegistry
from geokg.graph.model import FACTUAL_MODALITIES, Article, Relation

BASE = "https://w3id.org/geokg/"
GEOKG = Namespace(BASE + "ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
ACTORS_GRAPH = URIRef(BASE + "graph/actors")

_KIND_CLASS = {"state": GEOKG.State, "igo": GEOKG.IGO, "person": GEOKG.Person}

Quad = tuple[URIRef, URIRef, object, URIRef]


def actor_iri(actor_id: str) -> URIRef:
    return URIRef(BASE + "actor/" + actor_id.replace(":", "-"))


def article_iri(article_id: str) -> URIRef:
    return URIRef(BASE + "article/" + article_id)


def claim_iri(relation_id: str) -> URIRef:
    return URIRef(BASE + "claim/" + relation_id)


def actor_quads(actor_id: str, registry: ActorRegistry) -> Iterator[Quad]:
    actor = registry.get(actor_id)
    iri, g = actor_iri(actor_id), ACTORS_GRAPH
    kind = actor.kind if actor else ("igo" if actor_id.startswith("IGO:") else "state")
    yield iri, RDF.type, _KIND_CLASS.get(kind, GEOKG.Actor), g
    yield iri, GEOKG.code, Literal(actor_id), g
    yield iri, RDFS.label, Literal(actor.name if actor else actor_id), g
    if actor and actor.qid:
        yield iri, OWL.sameAs, WD[actor.qid], g


def article_quads(article: Article, relations: list[Relation], registry: ActorRegistry,
                  ingested_at: str) -> Iterator[Quad]:
    art = article_iri(article.id)
    yield art, RDF.type, GEOKG.Article, art
    yield art, GEOKG.articleId, Literal(article.id), art
    yield art, GEOKG.language, Literal(article.language), art
    yield art, GEOKG.ingestedAt, Literal(ingested_at, datatype=XSD.dateTime), art
    for prop, value in (
        (GEOKG.title, article.title), (GEOKG.url, article.url), (GEOKG.source, article.source),
    ):
        if value:
            yield art, prop, Literal(value), art
    if article.date:
        yield art, GEOKG.date, Literal(article.date, datatype=XSD.date), art
    actors: set[str] = set()
    for rel in relations:
        actors.update((rel.source, rel.target))
        yield from claim_quads(rel, art)
    for actor_id in sorted(actors):
        yield from actor_quads(actor_id, registry)


def claim_quads(rel: Relation, graph: URIRef) -> Iterator[Quad]:
    c, ev = claim_iri(rel.id), rel.evidence
    src, tgt = actor_iri(rel.source), actor_iri(rel.target)
    yield c, RDF.type, GEOKG.Claim, graph
    yield c, GEOKG.claimId, Literal(rel.id), graph
    yield c, GEOKG.subject, src, graph
    yield c, GEOKG.relation, GEOKG[rel.relation], graph
    yield c, GEOKG.relationName, Literal(rel.relation), graph
    yield c, GEOKG.object, tgt, graph
    yield c, GEOKG.modality, Literal(rel.modality), graph
    yield c, GEOKG.confidence, Literal(rel.confidence, datatype=XSD.double), graph
    yield c, GEOKG.symmetric, Literal(rel.symmetric), graph
    yield c, GEOKG.plover, Literal(rel.plover), graph
    yield c, GEOKG.cameo, Literal(rel.cameo), graph
    yield c, GEOKG.cameoRoot, Literal(rel.cameo_root), graph
    yield c, GEOKG.quad, Literal(rel.quad), graph
    yield c, GEOKG.goldstein, Literal(rel.goldstein, datatype=XSD.double), graph
    yield c, GEOKG.sentence, Literal(ev.sentence), graph
    yield c, GEOKG.start, Literal(ev.start), graph
    yield c, GEOKG.end, Literal(ev.end), graph
    yield c, GEOKG.article, graph, graph
    yield c, GEOKG.language, Literal(ev.language), graph
    yield c, GEOKG.extractor, Literal(ev.extractor), graph
    if rel.trigger:
        yield c, GEOKG.trigger, Literal(rel.trigger), graph
    if ev.date:
        yield c, GEOKG.date, Literal(ev.date, datatype=XSD.date), graph
    if rel.modality in FACTUAL_MODALITIES:
        yield src, GEOKG[rel.relation], tgt, graph
