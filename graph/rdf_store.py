"""The embedded store: RDF in an on-disk Oxigraph database, used through rdflib (oxrdflib).

Oxigraph keeps its indexes on disk (RocksDB) and answers SPARQL itself, so opening the store
does not load it into memory and joins stay fast as it grows."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

from rdflib import RDFS, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import FACTUAL_MODALITIES, Article, Relation
from geokg.graph.rdf_model import GEOKG, article_iri, article_quads

CLAIMS_SPARQL = """
SELECT ?id ?source ?source_name ?source_kind ?relation ?target ?target_name ?target_kind
       ?modality ?confidence ?goldstein ?quad ?plover ?cameo_root ?symmetric ?date ?sentence
       ?article
WHERE {
  GRAPH ?g {
    ?c a geokg:Claim ; geokg:claimId ?id ; geokg:subject ?s ; geokg:object ?o ;
       geokg:relationName ?relation ; geokg:modality ?modality ; geokg:confidence ?confidence ;
       geokg:goldstein ?goldstein ; geokg:quad ?quad ; geokg:plover ?plover ;
       geokg:cameoRoot ?cameo_root ; geokg:symmetric ?symmetric ; geokg:sentence ?sentence .
    ?g geokg:articleId ?article .
    OPTIONAL { ?c geokg:date ?date }
  }
  GRAPH ?actors {
    ?s geokg:code ?source ; rdfs:label ?source_name ; a ?sk .
    ?o geokg:code ?target ; rdfs:label ?target_name ; a ?ok .
  }
  BIND(LCASE(STRAFTER(STR(?sk), "#")) AS ?source_kind)
  BIND(LCASE(STRAFTER(STR(?ok), "#")) AS ?target_kind)
}
ORDER BY ?id
"""


def is_update(text: str) -> bool:
    """True for a SPARQL update (INSERT, DELETE, DROP …), False for a query."""
    try:
        parseQuery(text)
        return False
    except Exception:  # noqa: BLE001 - pyparsing raises several kinds
        try:
            parseUpdate(text)
        except Exception:  # noqa: BLE001
            return False  # neither: let the engine report the syntax error
        return True


class RdfStore:
    name = "embedded"

    def __init__(self, path: Path, registry: ActorRegistry | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.registry = registry or default_registry()
        # Ad-hoc SPARQL sees the union of all article graphs as its default graph.
        self.dataset = Dataset(store="Oxigraph", default_union=True)
        self.dataset.open(str(self.path), create=not self.path.exists())

    def has_article(self, article_id: str) -> bool:
        return bool(self.ask(
            "ASK { GRAPH ?g { ?article a geokg:Article ; geokg:articleId ?id } }",
            {"id": Literal(article_id)},
        ))

    def add_article(self, article: Article, relations: list[Relation]) -> bool:
        if self.has_article(article.id):
            return False
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        quads = [
            (s, p, o, self.dataset.graph(g))
            for s, p, o, g in article_quads(article, relations, self.registry, now)
        ]
        # One addN is one Oxigraph transaction: an article is stored whole or not at all.
        self.dataset.addN(quads)
        return True

    def remove_article(self, article_id: str) -> None:
        self.dataset.remove_graph(self.dataset.graph(article_iri(article_id)))

    def query(self, sparql: str, params: dict[str, Any] | None = None) -> Result:
        """Run SPARQL with parameters bound as RDF terms (never pasted into the query)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return self.dataset.query(
                sparql, initNs={"geokg": str(GEOKG), "rdfs": str(RDFS)}, initBindings=params or {}
            )

    def ask(self, sparql: str, params: dict[str, Any] | None = None) -> bool:
        return bool(self.query(sparql, params).askAnswer)

    def select(self, sparql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self.query(sparql, params)
        names = [str(v) for v in result.vars or []]
        return [
            {name: (row[i].toPython() if row[i] is not None else None)
             for i, name in enumerate(names)}
            for row in result
        ]

    def run_sparql(self, text: str, params: dict[str, Any] | None = None,
                   write: bool = False) -> Result | None:
        """Ad-hoc SPARQL from a user: queries run read-only; an update is refused unless
        `write` is given (then it runs, and nothing is returned)."""
        if is_update(text):
            if not write:
                raise PermissionError("this is a SPARQL update; it runs only with --write")
            if params:
                raise ValueError("parameters are not supported in updates")
            self.dataset.update(text, initNs={"geokg": str(GEOKG), "rdfs": str(RDFS)})
            return None
        return self.query(text, params)

    def export(self, fmt: str) -> str:
        """The whole store in an RDF format (turtle and xml flatten the named graphs)."""
        if fmt in ("trig", "nquads", "json-ld"):
            return self.dataset.serialize(format=fmt)
        flat = Graph()
        for s, p, o, _g in self.dataset.quads((None, None, None, None)):
            flat.add((s, p, o))
        return flat.serialize(format=fmt)

    def import_data(self, data: str, fmt: str, graph_name: str) -> int:
        """Load RDF into the store; triples without a graph go into `graph_name`."""
        parsed = Dataset()
        parsed.parse(data=data, format=fmt, publicID=graph_name)
        default = URIRef(graph_name)
        quads = []
        for s, p, o, g in parsed.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if name is None or name == DATASET_DEFAULT_GRAPH_ID:
                name = default
            quads.append((s, p, o, self.dataset.graph(name)))
        self.dataset.addN(quads)
        return len(quads)

    def claims(self, factual_only: bool = True) -> list[dict[str, Any]]:
        """Every relation in the store, one row per claim (for analytics and pictures)."""
        rows = self.select(CLAIMS_SPARQL)
        out = [
            {**row, "date": row["date"].isoformat() if row.get("date") else None}
            for row in rows
        ]
        if factual_only:
            out = [r for r in out if r["modality"] in FACTUAL_MODALITIES]
        return out

    def stats(self) -> dict[str, int]:
        rows = self.select(
            """SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?c) AS ?relations)
                      (COUNT(DISTINCT ?actor) AS ?actors)
               WHERE { { GRAPH ?g { ?a a geokg:Article } }
                       UNION { GRAPH ?g { ?c a geokg:Claim ; geokg:subject|geokg:object ?actor } }
               }"""
        )
        row = rows[0] if rows else {}
        return {k: int(row.get(k) or 0) for k in ("articles", "actors", "relations")}

    def run_canned(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        from geokg.queries.catalog import get_query

        query = get_query(name)
        return query.finish(self.select(query.sparql, query.sparql_params(params)))

    def close(self) -> None:
        self.dataset.close()

    def __enter__(self) -> RdfStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
