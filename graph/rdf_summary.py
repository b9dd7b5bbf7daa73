"""The per-dyad summary of the embedded store: what the canned queries aggregate, kept ready.

Summing every claim of a hub actor at query time costs seconds at 100k relations (USA is in a
third of them). The summary graph (SUMMARY_GRAPH) holds, per ordered pair of actors (a
`geokg:Dyad`):
  - a link to each of its claims, any modality (`geokg:dyadClaim`: what a pair is recomputed
    from when an article is replaced; relations, timeline and evidence still read the claims
    directly: joined to these links, Oxigraph 0.5 picks a scan and is slower);
  - for its factual claims (asserted, intended), one `geokg:RelationSummary` per relation name,
    PLOVER category, quad class and dated-or-not (who, ego, new), and one `geokg:PairSummary`
    per quad kind (cooperation, conflict; partners, adversaries, dyads): claim count, exact
    Goldstein sum (xsd:decimal), first and last date, smallest evidence sentence;
  - `a geokg:linkedTo b` both ways when the pair has a factual claim either way (path, ego).

It is derived data: written in the same transaction as each article (graph.rdf_store), rebuilt
after an import or a SPARQL update, never exported. A claim lacking one of the fields the
queries read (relation name, PLOVER, quad, Goldstein, sentence) is linked but not counted."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import RDF, XSD

from geokg.graph.model import FACTUAL_MODALITIES
from geokg.graph.rdf_model import BASE, GEOKG

SUMMARY_GRAPH_IRI = BASE + "graph/summary"
SUMMARY_GRAPH = ox.NamedNode(SUMMARY_GRAPH_IRI)
# Bumped when the summary's shape changes: a store with another version is rebuilt on open.
SUMMARY_VERSION = "1"


def _term(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(GEOKG[name]))


TYPE = ox.NamedNode(str(RDF.type))
CLAIM = _term("Claim")
DYAD, RELATION_SUMMARY, PAIR_SUMMARY = _term("Dyad"), _term("RelationSummary"), \
    _term("PairSummary")
DYAD_OF, DYAD_SOURCE, DYAD_TARGET, DYAD_CLAIM = (
    _term(n) for n in ("dyad", "dyadSource", "dyadTarget", "dyadClaim"))
RELATION_SOURCE, RELATION_TARGET, PAIR_SOURCE, PAIR_TARGET = (
    _term(n) for n in ("relationSource", "relationTarget", "pairSource", "pairTarget"))
RELATION_NAME, PLOVER, QUAD, QUAD_KIND = (
    _term(n) for n in ("relationName", "plover", "quad", "quadKind"))
CLAIM_COUNT, GOLDSTEIN_SUM, FIRST_DATE, LAST_DATE, EVIDENCE = (
    _term(n) for n in ("claimCount", "goldsteinSum", "firstDate", "lastDate", "evidence"))
LINKED_TO, SUMMARY_VERSION_PROP = _term("linkedTo"), _term("summaryVersion")
MARKER = ox.Quad(SUMMARY_GRAPH, SUMMARY_VERSION_PROP, ox.Literal(SUMMARY_VERSION), SUMMARY_GRAPH)
_INTEGER, _DECIMAL, _DATE = (ox.NamedNode(str(t)) for t in (XSD.integer, XSD.decimal, XSD.date))

# The claim properties the summary reads, by predicate IRI.
CLAIM_FIELDS = {str(GEOKG[p]): p for p in (
    "subject", "object", "relationName", "plover", "quad", "modality", "goldstein", "date",
    "sentence")}
CLAIM_FIELDS[str(RDF.type)] = "type"


@dataclass
class ClaimFacts:
    """One claim as the summary sees it."""

    graph: ox.NamedNode
    claim: ox.NamedNode
    source: ox.NamedNode
    target: ox.NamedNode
    values: dict[str, str]  # field -> lexical value, for the other fields
    counted: bool = False  # factual and complete: counted in the summary rows

    def __post_init__(self) -> None:
        v = self.values
        self.counted = v.get("modality") in FACTUAL_MODALITIES and all(
            k in v for k in ("relationName", "plover", "quad", "goldstein", "sentence")) \
            and _decimal(v["goldstein"]) is not None

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def facts_from_quads(quads: Iterable[ox.Quad]) -> list[ClaimFacts]:
    """The claims among `quads` (grouped by graph and subject)."""
    fields: dict[tuple, dict[str, ox.Term]] = defaultdict(dict)
    for q in quads:
        name = CLAIM_FIELDS.get(q.predicate.value)
        if name and isinstance(q.graph_name, ox.NamedNode):
            if name == "type" and q.object != CLAIM:
                continue
            fields[(q.graph_name, q.subject)][name] = q.object
    return [f for (g, c), values in fields.items() if (f := _facts(g, c, values))]


def _facts(graph: ox.NamedNode, claim: ox.Term, values: dict[str, ox.Term]) -> ClaimFacts | None:
    source, target = values.get("subject"), values.get("object")
    # Blank-node claims are left out: they could not be named in a DELETE DATA.
    if "type" not in values or not isinstance(claim, ox.NamedNode) \
            or not isinstance(source, ox.NamedNode) or not isinstance(target, ox.NamedNode):
        return None
    rest = {k: v.value for k, v in values.items()
            if k not in ("type", "subject", "object") and isinstance(v, ox.Literal)}
    return ClaimFacts(graph, claim, source, target, rest)


def store_facts(store: ox.Store) -> list[ClaimFacts]:
    """Every claim of the store, read one predicate at a time (index scans)."""
    def quads() -> Iterator[ox.Quad]:
        for iri in CLAIM_FIELDS:
            obj = CLAIM if iri == str(RDF.type) else None
            yield from store.quads_for_pattern(None, ox.NamedNode(iri), obj, None)
    return facts_from_quads(quads())


# ---------------------------------------------------------------- aggregates and rows

@dataclass
class Aggregate:
    claims: int = 0
    goldstein: Decimal = Decimal(0)
    first: str | None = None
    last: str | None = None
    evidence: str | None = None

    def add(self, f: ClaimFacts) -> None:
        self.claims += 1
        self.goldstein += _decimal(f.get("goldstein") or "0") or Decimal(0)
        date, sentence = f.get("date"), f.get("sentence")
        if date is not None:
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)
        if sentence is not None:
            self.evidence = sentence if self.evidence is None else min(self.evidence, sentence)


def quad_kind(quad: str) -> str:
    """What `STRENDS(?quad, CONCAT("_", ?kind))` tests: the part after the last '_'."""
    return quad.rsplit("_", 1)[1] if "_" in quad else ""


def relation_key(f: ClaimFacts) -> tuple[str, ...]:
    return ("relation", f.get("relationName") or "", f.get("plover") or "", f.get("quad") or "",
            "dated" if f.get("date") is not None else "undated")


def pair_key(f: ClaimFacts) -> tuple[str, ...]:
    return ("pair", quad_kind(f.get("quad") or ""))


def dyad_iri(source: ox.NamedNode, target: ox.NamedNode) -> ox.NamedNode:
    digest = hashlib.sha1(f"{source.value}\n{target.value}".encode()).hexdigest()[:32]
    return ox.NamedNode(BASE + "dyad/" + digest)


def _row_iri(dyad: ox.NamedNode, key: tuple[str, ...]) -> ox.NamedNode:
    return ox.NamedNode(dyad.value + "/" + hashlib.sha1("\n".join(key).encode()).hexdigest()[:16])


def _decimal_literal(value: Decimal) -> ox.Literal:
    # Oxigraph's canonical form ("16", "-3.4"), which is what it gives back when read.
    return ox.Literal(f"{value.normalize():f}" if value else "0", datatype=_DECIMAL)


@dataclass
class DyadState:
    """What the summary says about one ordered pair: its aggregates by key."""

    source: ox.NamedNode
    target: ox.NamedNode
    rows: dict[tuple[str, ...], Aggregate] = field(default_factory=dict)

    def add(self, f: ClaimFacts) -> None:
        if f.counted:
            for key in (relation_key(f), pair_key(f)):
                self.rows.setdefault(key, Aggregate()).add(f)

    def quads(self) -> set[ox.Quad]:
        """The rows as quads (not the claim links nor linkedTo)."""
        dyad, g, out = dyad_iri(self.source, self.target), SUMMARY_GRAPH, set()
        for key, agg in self.rows.items():
            row = _row_iri(dyad, key)
            if key[0] == "relation":
                props = [(TYPE, RELATION_SUMMARY), (RELATION_SOURCE, self.source),
                         (RELATION_TARGET, self.target), (RELATION_NAME, ox.Literal(key[1])),
                         (PLOVER, ox.Literal(key[2])), (QUAD, ox.Literal(key[3]))]
                if agg.first is not None:
                    props.append((FIRST_DATE, ox.Literal(agg.first, datatype=_DATE)))
            else:
                props = [(TYPE, PAIR_SUMMARY), (PAIR_SOURCE, self.source),
                         (PAIR_TARGET, self.target), (QUAD_KIND, ox.Literal(key[1]))]
            props += [(DYAD_OF, dyad),
                      (CLAIM_COUNT, ox.Literal(str(agg.claims), datatype=_INTEGER)),
                      (GOLDSTEIN_SUM, _decimal_literal(agg.goldstein))]
            if agg.last is not None:
                props.append((LAST_DATE, ox.Literal(agg.last, datatype=_DATE)))
            if agg.evidence is not None:
                props.append((EVIDENCE, ox.Literal(agg.evidence)))
            out.update(ox.Quad(row, p, o, g) for p, o in props)
        return out


def dyad_node_quads(source: ox.NamedNode, target: ox.NamedNode) -> list[ox.Quad]:
    dyad, g = dyad_iri(source, target), SUMMARY_GRAPH
    return [ox.Quad(dyad, TYPE, DYAD, g), ox.Quad(dyad, DYAD_SOURCE, source, g),
            ox.Quad(dyad, DYAD_TARGET, target, g)]


def claim_link(f: ClaimFacts) -> ox.Quad:
    return ox.Quad(dyad_iri(f.source, f.target), DYAD_CLAIM, f.claim, SUMMARY_GRAPH)


def links(a: ox.NamedNode, b: ox.NamedNode) -> list[ox.Quad]:
    return [ox.Quad(a, LINKED_TO, b, SUMMARY_GRAPH), ox.Quad(b, LINKED_TO, a, SUMMARY_GRAPH)]


def summary_quads(facts: Iterable[ClaimFacts]) -> Iterator[ox.Quad]:
    """The whole summary of these claims (a rebuild), the version marker last."""
    states: dict[tuple[ox.NamedNode, ox.NamedNode], DyadState] = {}
    for f in facts:
        state = states.get((f.source, f.target))
        if state is None:
            state = states[(f.source, f.target)] = DyadState(f.source, f.target)
            yield from dyad_node_quads(f.source, f.target)
        yield claim_link(f)
        state.add(f)
    for (s, o), state in states.items():
        yield from state.quads()
        if state.rows and s != o:
            yield from links(s, o)
    yield MARKER


# ---------------------------------------------------------------- incremental change

def _read_row(store: ox.Store, row: ox.Term, seen: set[ox.Quad] | None = None
              ) -> tuple[tuple[str, ...], Aggregate] | None:
    """One stored summary row: its key and aggregate (None if it is not stored); its quads
    are added to `seen`."""
    props: dict[str, str] = {}
    for q in store.quads_for_pattern(row, None, None, SUMMARY_GRAPH):
        props[q.predicate.value] = q.object.value
        if seen is not None:
            seen.add(q)
    if not props:
        return None
    if props.get(TYPE.value) == RELATION_SUMMARY.value:
        key = ("relation", props.get(RELATION_NAME.value, ""), props.get(PLOVER.value, ""),
               props.get(QUAD.value, ""),
               "dated" if FIRST_DATE.value in props else "undated")
    else:
        key = ("pair", props.get(QUAD_KIND.value, ""))
    return key, Aggregate(
        int(props.get(CLAIM_COUNT.value, "0")),
        _decimal(props.get(GOLDSTEIN_SUM.value, "0")) or Decimal(0),
        props.get(FIRST_DATE.value), props.get(LAST_DATE.value), props.get(EVIDENCE.value))


def read_rows(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode,
              keys: Iterable[tuple[str, ...]], seen: set[ox.Quad]) -> DyadState:
    """The pair's stored rows for these keys only, their quads added to `seen`. A row's IRI
    is derived from its key, so each is one subject lookup: an article's cost does not grow
    with how many rows a hub pair (USA, CHN) has gathered."""
    state, dyad = DyadState(source, target), dyad_iri(source, target)
    for key in keys:
        found = _read_row(store, _row_iri(dyad, key), seen)
        if found is not None:
            state.rows[found[0]] = found[1]
    return state


def _row_nodes(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode) -> set[ox.Term]:
    return {q.subject for q in store.quads_for_pattern(
        None, DYAD_OF, dyad_iri(source, target), SUMMARY_GRAPH)}


def _has_rows(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode) -> bool:
    # Stops at the first row: a hub pair's rows are not all read.
    return any(True for _ in store.quads_for_pattern(
        None, DYAD_OF, dyad_iri(source, target), SUMMARY_GRAPH))


def stored_row_quads(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode
                     ) -> set[ox.Quad]:
    return {q for row in _row_nodes(store, source, target)
            for q in store.quads_for_pattern(row, None, None, SUMMARY_GRAPH)}


def pair_claims(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode,
                without: set[ox.NamedNode]) -> list[ClaimFacts]:
    """The pair's stored claims, except those in the graphs `without` (being dropped)."""
    claims = [q.object for q in store.quads_for_pattern(
        dyad_iri(source, target), DYAD_CLAIM, None, SUMMARY_GRAPH)]
    quads = (q for c in claims for q in store.quads_for_pattern(c, None, None, None)
             if q.graph_name not in without)
    return [f for f in facts_from_quads(quads) if (f.source, f.target) == (source, target)]


def summary_change(store: ox.Store, added: list[ClaimFacts], removed: list[ClaimFacts],
                   dropped: set[ox.NamedNode]) -> tuple[set[ox.Quad], set[ox.Quad]]:
    """(quads to delete, quads to insert) in the summary graph when the claims `added` are
    written and the graphs `dropped` (holding the claims `removed`) are dropped: pairs that
    lose claims are recomputed from their remaining claims, the others updated in place."""
    delete: set[ox.Quad] = set()
    insert: set[ox.Quad] = set()
    by_pair: dict[tuple[ox.NamedNode, ox.NamedNode], list[ClaimFacts]] = defaultdict(list)
    for f in added:
        by_pair[(f.source, f.target)].append(f)
    losing = {(f.source, f.target) for f in removed}
    final: dict[tuple[ox.NamedNode, ox.NamedNode], bool | None] = {}
    for pair in set(by_pair) | losing:
        s, o = pair
        if pair in losing:
            # Recomputed from the claims left: MIN/MAX cannot be taken back. (Reads the pair's
            # claims: a replacement costs more for a hub pair; plain additions do not.)
            state = DyadState(s, o)
            remaining = pair_claims(store, s, o, dropped) + by_pair.get(pair, [])
            for f in remaining:
                state.add(f)
            delete.update(claim_link(f) for f in removed if (f.source, f.target) == pair)
            if not remaining:
                delete.update(dyad_node_quads(s, o))
            old = stored_row_quads(store, s, o)
        else:
            # Only the rows the new claims fall in change: read and rewrite those.
            keys = {k for f in by_pair[pair] if f.counted for k in (relation_key(f), pair_key(f))}
            old = set()
            state = read_rows(store, s, o, keys, old)
            for f in by_pair[pair]:
                state.add(f)
        insert.update(claim_link(f) for f in by_pair.get(pair, []))
        if by_pair.get(pair):
            insert.update(dyad_node_quads(s, o))
        new = state.quads()
        delete.update(old - new)
        insert.update(new - old)
        # Has rows after the change: known for a recomputed pair and for one that got a
        # counted claim; None (unknown, not read) for one that got only uncounted claims.
        final[pair] = bool(state.rows) if pair in losing or state.rows else None
    for s, o in {tuple(sorted(p, key=lambda t: t.value)) for p in final if p[0] != p[1]}:
        both = ((s, o), (o, s))
        if any(final.get(p) for p in both):
            insert.update(links(s, o))
        elif any(p in losing for p in both) and not any(
                _has_rows(store, *p) for p in both if final.get(p) is None):
            delete.update(links(s, o))
        # Otherwise neither direction lost a claim nor gained a counted one: links unchanged.
    return delete - insert, insert
