"""Loading the canned queries and binding their parameters."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import XSD, Literal

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
    kind: str  # actor | relation | date | int | period (month|year) | quad (all|conflict|…)
    option: bool = False  # given as --NAME on the command line, not positionally
    default: str | None = None
    # A positional parameter that may be left out (only after the required ones); absent, it
    # gets no BIND in SPARQL (its variable stays unbound) and is null in Cypher.
    optional: bool = False


# What a period parameter means: how many characters of an ISO date name the period.
PERIODS = {"month": 7, "year": 4}
QUAD_FILTERS = ("all", "conflict", "cooperation")
# CAMEO's APPEAL (02): the relation types with no PLOVER category, asked for as a category
APPEAL = "APPEAL"


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    sparql: str
    cypher: str
    limit: str = ""  # the parameter that limits the number of rows (applied alike on both stores)
    keep_min: str = ""  # keep only the rows with the smallest value of this column

    @property
    def positional(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if not p.option)

    @property
    def options(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.option)

    @property
    def required(self) -> tuple[Param, ...]:
        return tuple(p for p in self.positional if not p.optional)

    def usage(self) -> str:
        words = [f"[{p.name.upper()}]" if p.optional else p.name.upper()
                 for p in self.positional]
        words += [f"[--{p.name} {p.name.upper()}]" for p in self.options]
        return " ".join(words)

    def bind(self, values: list[str], options: dict[str, str | None] | None = None
             ) -> dict[str, Any]:
        """Command-line values → canonical parameter values (actor codes, numbers …); an
        optional positional parameter left out is bound to None."""
        if not len(self.required) <= len(values) <= len(self.positional):
            raise QueryError(f"query {self.name} takes {self.usage()}")
        given = {k: v for k, v in (options or {}).items() if v is not None}
        unknown = set(given) - {p.name for p in self.options}
        if unknown:
            flags = ", ".join(f"--{name}" for name in sorted(unknown))
            raise QueryError(f"query {self.name} takes no {flags} (it takes {self.usage()})")
        # The values fill the positional parameters in order; the optional tail may be short.
        given_positional = zip(self.positional[: len(values)], values, strict=True)
        bound: dict[str, Any] = {p.name: None for p in self.positional}
        bound.update((p.name, canonical(p, v)) for p, v in given_positional)
        for p in self.options:
            value = given.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name} needs --{p.name}")
            bound[p.name] = canonical(p, value)
        return bound

    def sparql_params(self, params: dict[str, Any]) -> dict[str, Any]:
        """RDF terms for SPARQL; an absent (None) parameter is left out, so its variable is
        unbound and the query's patterns bind it."""
        kinds = {p.name: p.kind for p in self.params}
        out: dict[str, Any] = {}
        for name, value in params.items():
            if value is None:
                continue
            kind = kinds.get(name)
            if kind == "actor":
                out[name] = actor_iri(value)
            elif kind == "date":
                out[name] = Literal(value, datatype=XSD.date)
            else:
                out[name] = Literal(value)
        return out

    def cypher_params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Cypher binds plain values: an actor is its id ("CHN"), a date its ISO string; an
        absent optional parameter is null (Cypher refuses a query whose $name is not given)."""
        return {**{p.name: None for p in self.params if p.optional}, **params}

    def finish(self, rows: list[dict[str, Any]], params: dict[str, Any] | None = None
               ) -> list[dict[str, Any]]:
        """The query's columns only, with values in one plain form whatever the store."""
        out = [{c: _plain(row.get(c)) for c in self.columns} for row in rows]
        if self.keep_min and out:
            smallest = min(r[self.keep_min] for r in out)
            out = [r for r in out if r[self.keep_min] == smallest]
        if self.limit and params and self.limit in params:
            out = out[: int(params[self.limit])]
        return out


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


def canonical(param: Param, value: str) -> Any:
    if param.kind == "period":
        if value not in PERIODS:
            raise QueryError(f"--{param.name} takes month or year, not {value!r}")
        return PERIODS[value]
    if param.kind == "quad":
        if value not in QUAD_FILTERS:
            raise QueryError(f"--{param.name} takes {', '.join(QUAD_FILTERS)}, not {value!r}")
        return value
    if param.kind == "int":
        if not str(value).isdigit() or int(value) < 1:
            raise QueryError(f"--{param.name} takes a whole number of at least 1, not {value!r}")
        return int(value)
    if param.kind == "date":
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise QueryError(f"--{param.name} takes a date (YYYY-MM-DD), not {value!r}") from None
    if param.kind == "actor":
        actor = default_registry().resolve(value)
        if not actor:
            raise QueryError(f"unknown actor {value!r}: give an ISO code (CHN) or a name")
        return actor
    if param.kind == "relation":
        name = value.strip().upper().replace("-", "_").replace(" ", "_")
        # (CAMEO's APPEAL, 02, is the group of the types with no PLOVER category)
        categories = {rt.plover or APPEAL for rt in ontology.relation_types().values()}
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
            params=_params(name, entry.get("params", [])),
            columns=tuple(entry["columns"]),
            sparql=entry["sparql"],
            cypher=entry.get("cypher", ""),
            limit=entry.get("limit", ""),
            keep_min=entry.get("keep_min", ""),
        )
        for name, entry in raw.items()
    }


def _params(query: str, raw: list[dict[str, Any]]) -> tuple[Param, ...]:
    params = tuple(Param(p["name"], p["kind"], p.get("option", False), p.get("default"),
                         p.get("optional", False)) for p in raw)
    positional = [p for p in params if not p.option]
    # Values are matched to parameters by position: a required one after an optional one
    # could never be told apart from it.
    if any(a.optional and not b.optional for a, b in itertools.pairwise(positional)):
        raise ValueError(f"query {query}: optional parameters must come last")
    return params


def get_query(name: str) -> CannedQuery:
    try:
        return catalog()[name]
    except KeyError:
        known = ", ".join(sorted(catalog()))
        raise QueryError(f"unknown query {name!r}; known: {known}") from None
