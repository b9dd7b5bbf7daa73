"""The embedded store: RDF in an on-disk Oxigraph database, used through rdflib (oxrdflib).

Oxigraph keeps its indexes on disk (RocksDB) and answers SPARQL itself, so opening the store
does not load it into memory and joins stay fast as it grows."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

from rdflib import RDFS, Dataset, Literal
from rdflib.query import Result

from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import Article, Relation
from geokg.graph.rdf_model import GEOKG, article_iri, article_quads


class RdfStore:
    name = "embedded"

    def __init__(self, path: Path, registry: ActorRegistry | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.registry = registry or default_registry()
        self.dataset = Dataset(store="Oxigraph")
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
