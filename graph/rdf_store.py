"""The embedded store: RDF in an on-disk Oxigraph database, used through rdflib (oxrdflib).

Oxigraph keeps its indexes on disk (RocksDB) and answers SPARQL itself, so opening the store
does not load it into memory and joins stay fast as it grows. Writes, export and import go to
the pyoxigraph Store inside oxrdflib directly (benchmarks/rdf_store.py: 45 vs 18 articles/s,
and 24 vs 67 ms an article once the store holds thousands; rdflib's addN also opens a write
transaction per Graph context); queries go through rdflib so callers get rdflib results.

Next to the article graphs and the actors graph the store keeps a derived summary graph
(graph.rdf_summary), updated in the same transaction as each article, rebuilt after an import
or a SPARQL update and on opening a store that has none, and never exported."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import warnings
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import FACTUAL_MODALITIES, Article, Relation
from geokg.graph.rdf_model import ACTORS_GRAPH, BASE, GEOKG, WD, article_iri, article_quads
from geokg.graph.rdf_summary import (
    MARKER,
    SUMMARY_GRAPH,
    facts_from_quads,
    rebuild,
    summary_change,
)
from geokg.graph.store import NEW, REPLACED, UNCHANGED, Stored

# rdflib format names (as the CLI passes them) -> Oxigraph's parsers and serializers.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
EXPORT_PREFIXES = {
    "geokg": str(GEOKG), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD),
    "prov": str(PROV), "dcterms": str(DCTERMS), "wd": str(WD), "actor": BASE + "actor/",
    "article": BASE + "article/", "claim": BASE + "claim/", "activity": BASE + "activity/",
}


@lru_cache(maxsize=65536)
def _named_node(iri: str) -> ox.NamedNode:
    # Predicates, classes, actor and article IRIs repeat in every article: build them once.
    return ox.NamedNode(iri)


def to_ox_term(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the pyoxigraph term (same mapping as oxrdflib's converter)."""
    if isinstance(term, URIRef):
        return _named_node(str(term))
    if isinstance(term, Literal):
        datatype = _named_node(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox_quad(quad: tuple[Any, Any, Any, Any]) -> ox.Quad:
    s, p, o, g = quad
    return ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o),
                   ox.DefaultGraph() if g is None else to_ox_term(g))


def rdf_format(fmt: str) -> ox.RdfFormat:
    try:
        return RDF_FORMATS[fmt.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise ValueError(f"unknown RDF format {fmt!r}; known: {known}") from None

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
  # Two GRAPH blocks, not one: Oxigraph would join every pair of actors with every claim.
  GRAPH ?actors { ?s geokg:code ?source ; rdfs:label ?source_name ; a ?sk . }
  GRAPH ?actors2 { ?o geokg:code ?target ; rdfs:label ?target_name ; a ?ok . }
  BIND(LCASE(STRAFTER(STR(?sk), "#")) AS ?source_kind)
  BIND(LCASE(STRAFTER(STR(?ok), "#")) AS ?target_kind)
}
ORDER BY ?id
"""


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What may hide a WHERE keyword: long strings, strings, IRIs, comments.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
)
_WHERE_BRACE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_parameter_binds(sparql: str, params: dict[str, Any]) -> str | None:
    """`sparql` with `BIND(term AS ?k)` for each parameter opening its (first) WHERE group, or
    None when that cannot be done safely (no WHERE keyword, a blank node, an odd variable
    name)."""
    if not all(_VARIABLE.fullmatch(k) for k in params) or any(
        not isinstance(v, URIRef | Literal) for v in params.values()
    ):
        return None
    blanked = _OPAQUE.sub(lambda m: " " * len(m.group()), sparql)
    match = _WHERE_BRACE.search(blanked)
    if not match:
        return None
    # One BIND per parameter, not a one-row VALUES block (the same solution): Oxigraph 0.5
    # hash-joins a VALUES block with a UNION of patterns, scanning every claim (over 60 s at
    # 100k relations), but walks the indexes from a BIND (about 1 s). Terms are escaped by
    # Oxigraph.
    binds = " ".join(f"BIND({to_ox_term(v)} AS ?{k})" for k, v in params.items())
    return sparql[: match.end()] + f" {binds} " + sparql[match.end():]


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


_FLUSH_EVERY = 100  # articles


class RdfStore:
    name = "embedded"

    def __init__(self, path: Path, registry: ActorRegistry | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.registry = registry or default_registry()
        # Ad-hoc SPARQL sees the union of all article graphs as its default graph.
        self.dataset = Dataset(store="Oxigraph", default_union=True)
        self.dataset.open(str(self.path), create=not self.path.exists())
        self._unflushed = 0
        # A store written before the summary existed (or by another summary version, or left
        # half-way by a crash during an import) gets it rebuilt now, once.
        if not self.has_summary():
            self.rebuild_summary()

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph Store behind rdflib (for bulk writes, export and import)."""
        return self.dataset.store._inner

    def has_article(self, article_id: str) -> bool:
        # An index lookup rather than SPARQL: it runs once per article ingested. The id is a
        # term, never pasted into a query.
        article_id_term = to_ox_term(GEOKG.articleId)
        return any(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in self.oxigraph.quads_for_pattern(None, article_id_term,
                                                     ox.Literal(article_id), None)
        )

    def has_url(self, url: str) -> bool:
        return self.ask("ASK { GRAPH ?g { ?article a geokg:Article ; geokg:url ?url } }",
                        {"url": Literal(url)})

    def add_article(self, article: Article, relations: list[Relation]) -> bool:
        if self.has_article(article.id):
            return False
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        quads = [to_ox_quad(q) for q in article_quads(article, relations, self.registry, now)]
        self._write_new(quads)
        self._count_write()
        return True

    def _write_new(self, quads: list[ox.Quad]) -> None:
        """Store a new article's quads and its summary changes in one update, one Oxigraph
        transaction: whole or not at all. (On disk the commit dominates: one update costs
        about what one extend does, benchmarks/rdf_store.py --ingest-breakdown.)"""
        delete, insert = summary_change(self.oxigraph, facts_from_quads(quads), [], set())
        self.oxigraph.update(replace_update([], quads, [], delete, insert))

    def _count_write(self) -> None:
        self._unflushed += 1
        if self._unflushed >= _FLUSH_EVERY:
            # RocksDB keeps recent writes in memory until flushed: without this the process
            # grows by ~0.15 MB per article (1.5 GB at 10k); with it memory stays flat.
            self.oxigraph.flush()
            self._unflushed = 0

    # -- the per-dyad summary (graph.rdf_summary): derived, kept in step with every write

    def has_summary(self) -> bool:
        return any(True for _ in self.oxigraph.quads_for_pattern(
            MARKER.subject, MARKER.predicate, MARKER.object, MARKER.graph_name))

    def rebuild_summary(self) -> None:
        """Recompute the summary graph from the claims (after an import or a SPARQL update;
        on opening a store without one): streamed, only what differs written, in batches
        (graph.rdf_summary.rebuild), the marker last: a crash before it leaves a store without
        marker, whose summary the next open rebuilds."""
        rebuild(self.oxigraph)
        self.oxigraph.flush()

    # -- a changed article replaces the versions read from the same origin

    def article_graphs_from(self, origin: str) -> list[ox.NamedNode]:
        """The graphs of the articles read from `origin` (ingest.batch.article_origin): an
        index lookup, the origin a term, never pasted into a query."""
        graphs = {q.graph_name for q in self.oxigraph.quads_for_pattern(
            None, to_ox_term(GEOKG.origin), ox.Literal(origin), None)}
        return sorted((g for g in graphs if isinstance(g, ox.NamedNode)), key=lambda g: g.value)

    def store_article(self, article: Article, relations: list[Relation],
                      origin: str | None = None, keep: Collection[str] = ()) -> Stored:
        """Store an article read from `origin`, replacing the other articles read from there
        (except the ids in `keep`) in the same transaction; see graph.store.Store."""
        if self.has_article(article.id):
            return Stored(UNCHANGED)
        kept = {str(article_iri(i)) for i in keep}
        old = [g for g in self.article_graphs_from(origin) if g.value not in kept] \
            if origin else []
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        quads = [to_ox_quad(q) for q in article_quads(article, relations, self.registry, now)]
        if origin:
            art = to_ox_term(article_iri(article.id))
            quads.append(ox.Quad(art, to_ox_term(GEOKG.origin), ox.Literal(origin), art))
        if old:
            removed_facts = facts_from_quads(
                q for g in old for q in self.oxigraph.quads_for_pattern(None, None, None, g))
            delete, insert = summary_change(self.oxigraph, facts_from_quads(quads),
                                            removed_facts, set(old))
            removed, actors = self._claims_and_actors(old)
            # One update is one Oxigraph transaction: old graphs dropped, new one written,
            # actors no claim mentions any more removed and the summary updated, all or
            # nothing.
            self.oxigraph.update(replace_update(old, quads, actors, delete, insert))
            stored = Stored(REPLACED, removed)
        else:
            self._write_new(quads)
            stored = Stored(NEW)
        self._count_write()
        return stored

    def _claims_and_actors(self, graphs: list[ox.NamedNode]) -> tuple[int, set[ox.NamedNode]]:
        subject, obj = to_ox_term(GEOKG.subject), to_ox_term(GEOKG.object)
        claims: set[object] = set()
        actors: set[ox.NamedNode] = set()
        for graph in graphs:
            for q in self.oxigraph.quads_for_pattern(None, subject, None, graph):
                claims.add(q.subject)
                actors.add(q.object)
            actors.update(q.object for q in self.oxigraph.quads_for_pattern(None, obj, None, graph))
        return len(claims), actors

    def query(self, sparql: str, params: dict[str, Any] | None = None) -> Result:
        """Run SPARQL with parameters bound as RDF terms (never pasted as text into the query:
        each is serialised as an escaped N-Triples term in a BIND at the start of WHERE)."""
        bindings: dict[str, Any] = params or {}
        # Oxigraph evaluates `substitutions` (what oxrdflib makes of initBindings) after the
        # pattern, ~100x slower than BINDs at the start of WHERE that the optimiser joins
        # first (benchmarks/rdf_store.py). Fall back to initBindings if we cannot place them.
        with_values = with_parameter_binds(sparql, bindings) if bindings else None
        if with_values is not None:
            sparql, bindings = with_values, {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return self.dataset.query(
                sparql, initNs={"geokg": str(GEOKG), "rdfs": str(RDFS)}, initBindings=bindings
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
                   write: bool = False) -> Result | int:
        """Ad-hoc SPARQL from a user: queries run read-only; an update is refused unless
        `write` is given. An update returns how many quads the store holds more (or, if
        negative, fewer) after it: a DELETE that matched nothing says so."""
        if is_update(text):
            if not write:
                raise PermissionError("this is a SPARQL update; it runs only with --write")
            if params:
                raise ValueError("parameters are not supported in updates")
            # The update may change claims: the summary is derived again from them (and not
            # counted: it is derived).
            self.oxigraph.remove(MARKER)
            before = len(self.oxigraph)
            self.dataset.update(text, initNs={"geokg": str(GEOKG), "rdfs": str(RDFS)})
            change = len(self.oxigraph) - before
            self.rebuild_summary()
            return change
        return self.query(text, params)

    def export(self, fmt: str) -> str:
        """The whole store in an RDF format, as one string (turtle, nt and xml hold no named
        graphs: they get the union of all graphs). For large stores use export_to."""
        buffer = io.BytesIO()
        self.export_to(buffer, fmt)
        return buffer.getvalue().decode("utf-8")

    def export_to(self, destination: Path | IO[bytes], fmt: str) -> None:
        """Stream the whole store to a file or binary stream; nothing is built in memory."""
        target = rdf_format(fmt)
        if isinstance(destination, Path):
            with destination.open("wb") as handle:
                self.export_to(handle, fmt)
            return
        if target.supports_datasets:
            ox.serialize(self._exported_quads(), destination, target,
                         prefixes=_prefixes_for(target))
            return
        # A triples-only format gets the union graph. A triple held by several graphs (an
        # extractor agent described in every article) is written once per graph; any parser
        # reads it back as one triple.
        ox.serialize(self._union_triples(), destination, target, prefixes=_prefixes_for(target))

    def _exported_quads(self) -> Iterator[ox.Quad]:
        # The summary graph is derived from the claims: not exported, rebuilt on import.
        return (q for q in self.oxigraph.quads_for_pattern(None, None, None, None)
                if q.graph_name != SUMMARY_GRAPH)

    def _union_triples(self) -> Iterator[ox.Triple]:
        for q in self._exported_quads():
            yield ox.Triple(q.subject, q.predicate, q.object)

    def import_file(self, path: Path, fmt: str, graph_name: str | None = None) -> int:
        """Load an RDF file, parsed as a stream (never read into memory whole); triples without
        a graph go into `graph_name` (default: the file's URI). Returns the number of
        statements read. All or nothing: a syntax error stores none of them."""
        graph_name = graph_name or Path(path).resolve().as_uri()
        return self._import(ox.parse(path=str(path), format=rdf_format(fmt),
                                     base_iri=graph_name), graph_name)

    def _import(self, quads: Iterable[ox.Quad], graph_name: str) -> int:
        default = ox.NamedNode(graph_name)
        count = 0

        def placed() -> Iterator[ox.Quad]:
            nonlocal count
            for q in quads:
                count += 1
                if isinstance(q.graph_name, ox.DefaultGraph):
                    q = ox.Quad(q.subject, q.predicate, q.object, default)
                yield q

        # One extend is one transaction: a parser error half-way leaves the store as it was.
        # The summary marker goes first, so that a crash before the rebuild below leaves a
        # store that rebuilds its summary when next opened.
        self.oxigraph.remove(MARKER)
        try:
            self.oxigraph.extend(placed())
        finally:
            self.rebuild_summary()
        return count

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
        return query.finish(self.select(query.sparql, query.sparql_params(params)), params)

    def close(self) -> None:
        self.dataset.close()

    def __enter__(self) -> RdfStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def replace_update(old_graphs: Iterable[ox.NamedNode], quads: Iterable[ox.Quad],
                   actors: Iterable[ox.NamedNode], delete: Iterable[ox.Quad] = (),
                   insert: Iterable[ox.Quad] = ()) -> str:
    """The SPARQL update that replaces article graphs: drop `old_graphs`, delete the quads
    `delete` and insert `quads` and `insert` (the summary's changes), and remove from the
    actor graph those of `actors` that no claim mentions any more (an actor still used by
    another article keeps its entry). Every term is written by Oxigraph's own N-Triples
    serialisation (escaped), as in with_parameter_binds."""
    operations = [f"DROP SILENT GRAPH {g}" for g in old_graphs]
    removed = _quad_data(delete)
    if removed:
        operations.append(f"DELETE DATA {{ {removed} }}")
    added = _quad_data(itertools.chain(quads, insert))
    if added:
        operations.append(f"INSERT DATA {{ {added} }}")
    names = " ".join(sorted(str(a) for a in actors))
    if names:
        actor_graph, subject, obj = (to_ox_term(t) for t in (
            ACTORS_GRAPH, GEOKG.subject, GEOKG.object))
        operations.append(
            f"DELETE {{ GRAPH {actor_graph} {{ ?a ?p ?o }} }} WHERE {{ VALUES ?a {{ {names} }} "
            f"GRAPH {actor_graph} {{ ?a ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?c {subject} ?a }} }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?d {obj} ?a }} }} }}")
    return " ;\n".join(operations)


def _quad_data(quads: Iterable[ox.Quad]) -> str:
    triples: dict[str, list[str]] = {}
    for q in quads:
        triples.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH {g} {{ {' '.join(ts)} }}" for g, ts in triples.items())


def _prefixes_for(target: ox.RdfFormat) -> dict[str, str] | None:
    # N-Triples/N-Quads have no prefixes; JSON-LD output from Oxigraph is expanded anyway.
    if target in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD):
        return None
    return EXPORT_PREFIXES
