"""Reading the embedded RDF store back as Neo4j rows, for `geokg load` (embedded → Neo4j).

Reads what the RDF store keeps (article metadata, actors as labelled there, every claim with
its provenance) with SPARQL through ``RdfStore.select``; nothing is re-extracted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from rdflib import URIRef

from geokg.graph.neo4j_schema import KIND_LABELS
from geokg.graph.neo4j_store import ArticleRows
from geokg.graph.rdf_store import RdfStore

_ARTICLES = """
SELECT ?g ?id ?language ?ingested_at ?title ?url ?source ?date ?origin
WHERE {
  GRAPH ?g {
    ?g a geokg:Article ; geokg:articleId ?id .
    OPTIONAL { ?g geokg:language ?language }
    OPTIONAL { ?g geokg:ingestedAt ?ingested_at }
    OPTIONAL { ?g geokg:title ?title }
    OPTIONAL { ?g geokg:url ?url }
    OPTIONAL { ?g geokg:source ?source }
    OPTIONAL { ?g geokg:date ?date }
    OPTIONAL { ?g geokg:origin ?origin }
  }
}
ORDER BY ?id
"""

_ACTORS = """
SELECT ?id ?name ?kind ?qid
WHERE {
  GRAPH ?actors {
    ?a geokg:code ?id ; rdfs:label ?name ; a ?k .
    OPTIONAL { ?a <http://www.w3.org/2002/07/owl#sameAs> ?wd }
  }
  BIND(LCASE(STRAFTER(STR(?k), "#")) AS ?kind)
  BIND(STRAFTER(STR(?wd), "/entity/") AS ?qid)
}
"""

# The claims of one article graph (?g is bound): the store is read one article at a time, so
# memory stays that of one article however large the store.
_CLAIMS = """
SELECT ?g ?article ?id ?source ?target ?relation ?modality ?confidence ?symmetric ?plover ?cameo
       ?cameo_root ?quad ?goldstein ?sentence ?start ?end ?date ?language ?extractor ?trigger
WHERE {
  GRAPH ?g {
    ?g geokg:articleId ?article .
    ?c a geokg:Claim ; geokg:claimId ?id ; geokg:subject ?s ; geokg:object ?o ;
       geokg:relationName ?relation ; geokg:modality ?modality ; geokg:confidence ?confidence ;
       geokg:symmetric ?symmetric ; geokg:plover ?plover ; geokg:cameo ?cameo ;
       geokg:cameoRoot ?cameo_root ; geokg:quad ?quad ; geokg:goldstein ?goldstein ;
       geokg:sentence ?sentence ; geokg:start ?start ; geokg:end ?end .
    OPTIONAL { ?c geokg:date ?date }
    OPTIONAL { ?c geokg:language ?language }
    OPTIONAL { ?c geokg:extractor ?extractor }
    OPTIONAL { ?c geokg:trigger ?trigger }
  }
  # One graph block per actor: in one block Oxigraph joins every pair of actors first.
  GRAPH ?sourceActors { ?s geokg:code ?source }
  GRAPH ?targetActors { ?o geokg:code ?target }
}
ORDER BY ?article ?id
"""


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None and v != ""}


def article_rows(store: RdfStore) -> Iterator[ArticleRows]:
    """Every article of the embedded store with its actors and claims, in id order, read one
    article at a time."""
    actors: dict[str, dict[str, Any]] = {}
    for row in store.select(_ACTORS):
        kind = row["kind"] if row["kind"] in KIND_LABELS else "actor"
        actors.setdefault(str(row["id"]), {
            "id": str(row["id"]), "name": str(row["name"]), "kind": kind,
            "qid": str(row.get("qid") or ""),
        })
    for row in store.select(_ARTICLES):
        article_id = str(row["id"])
        own = [_claim(c) for c in store.select(_CLAIMS, {"g": URIRef(str(row["g"]))})]
        ids = sorted({c[k] for c in own for k in ("source", "target")})
        yield ArticleRows(
            article=_clean({
                "id": article_id, "language": row.get("language"),
                "ingested_at": _iso(row.get("ingested_at")), "title": row.get("title"),
                "url": row.get("url"), "source": row.get("source"),
                "date": _iso(row.get("date")), "origin": row.get("origin"),
            }),
            actors=[actors.get(i) or {"id": i, "name": i, "kind": "state", "qid": ""}
                    for i in ids],
            claims=own,
        )


def _claim(row: dict[str, Any]) -> dict[str, Any]:
    props = _clean({
        "id": row["id"], "relation": row["relation"], "modality": row["modality"],
        "confidence": float(row["confidence"]), "symmetric": bool(row["symmetric"]),
        "plover": row["plover"], "cameo": row["cameo"], "cameo_root": row["cameo_root"],
        "quad": row["quad"], "goldstein": float(row["goldstein"]),
        "sentence": row["sentence"], "start": int(row["start"]), "end": int(row["end"]),
        "date": _iso(row.get("date")), "language": row.get("language"),
        "extractor": row.get("extractor"), "trigger": row.get("trigger"),
    })
    # Empty strings are real values for the coding fields (COURTS has no PLOVER code).
    for key in ("plover", "cameo", "cameo_root", "quad"):
        props.setdefault(key, str(row[key]))
    return {"source": str(row["source"]), "target": str(row["target"]),
            "article": str(row["article"]), "props": props}
