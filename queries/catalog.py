"""Loading the canned queries and binding their parameters."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Literal

from geokg.graph import ontology
from geokg.graph.actors import default_registry
from geokg.graph.rdf_model import actor_iri

CATALOG_FILE = Path(__file__).parent / "catalog.toml"
# A whole value that is an ISO date-time (never a sentence that merely starts with one).
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


class QueryError(ValueError):
    """A canned query asked with a parameter it cannot use."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # actor | relation | text | date | int


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    sparql: str
    cypher: str

    def bind(self, values: list[str]) -> dict[str, str]:
        """Positional command-line values → canonical parameter values (actor codes …)."""
        if len(values) != len(self.params):
            wanted = " ".join(p.name.upper() for p in self.params)
            raise QueryError(f"query {self.name} takes {wanted}")
        return {p.name: canonical(p, v) for p, v in zip(self.params, values, strict=True)}

    def sparql_params(self, params: dict[str, str]) -> dict[str, Any]:
        kinds = {p.name: p.kind for p in self.params}
        return {
            name: actor_iri(value) if kinds.get(name) == "actor" else Literal(value)
            for name, value in params.items()
        }

    def cypher_params(self, params: dict[str, str]) -> dict[str, Any]:
        """Cypher binds every parameter as a plain value: an actor is its id ("CHN")."""
        return {name: str(value) for name, value in params.items()}

    def finish(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The query's columns only, with values in one plain form whatever the store."""
        return [{c: _plain(row.get(c)) for c in self.columns} for row in rows]


def _plain(value: Any) -> Any:
    # Both stores end up alike: RDF gives date objects and Python numbers, Neo4j ISO strings
    # (dates are stored as strings there), neo4j.time values or ints where SPARQL has ints.
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    if isinstance(value, str) and _ISO_DATETIME.fullmatch(value):
        return value[:10]
    if isinstance(value, float):
        return round(value, 2)
    if hasattr(value, "iso_format"):  # neo4j.time.Date
        return value.iso_format()[:10]
    return value


def canonical(param: Param, value: str) -> str:
    if param.kind == "actor":
        actor = default_registry().resolve(value)
        if not actor:
            raise QueryError(f"unknown actor {value!r}: give an ISO code (CHN) or a name")
        return actor
    if param.kind == "relation":
        name = value.strip().upper().replace("-", "_").replace(" ", "_")
        categories = {rt.plover for rt in ontology.relation_types().values()}
        if name not in ontology.relation_types() and name not in categories:
            raise QueryError(f"unknown relation type {value!r} (see `geokg relations`)")
        return name
    return value


@cache
def catalog() -> dict[str, CannedQuery]:
    with CATALOG_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    return {
        name: CannedQuery(
            name=name,
            description=entry["description"],
            params=tuple(Param(p["name"], p["kind"]) for p in entry.get("params", [])),
            columns=tuple(entry["columns"]),
            sparql=entry["sparql"],
            cypher=entry.get("cypher", ""),
        )
        for name, entry in raw.items()
    }


def get_query(name: str) -> CannedQuery:
    try:
        return catalog()[name]
    except KeyError:
        known = ", ".join(sorted(catalog()))
        raise QueryError(f"unknown query {name!r}; known: {known}") from None
