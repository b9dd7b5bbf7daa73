"""The per-dyad summary of the embedded store: what the canned queries aggregate, kept ready.

Summing every claim of a hub actor at query time costs seconds at 100k relations (USA is in a
third of them). The summary graph (SUMMARY_GRAPH) holds, per ordered pair of actors (a
`geokg:Dyad`):
  - a link to each of its claims, any modality (`geokg:dyadClaim`: what a row is recomputed
    from when an article holding its first or last date or smallest sentence is replaced;
    relations, timeline and evidence still read the claims directly: joined to these links,
    Oxigraph 0.5 picks a scan and is slower);
  - for its factual claims (asserted, intended), one `geokg:RelationSummary` per relation name,
    PLOVER category, quad class and dated-or-not (who, ego, new), and one `geokg:PairSummary`
    per quad kind (cooperation, conflict; partners, adversaries, dyads): claim count, exact
    Goldstein sum (xsd:decimal), first and last date, smallest evidence sentence;
  - `a geokg:linkedTo b` both ways when the pair has a factual claim either way (path, ego).

It is derived data: written in the same transaction as each article (graph.rdf_store), rebuilt
after an import or a SPARQL update (`rebuild`: streamed, writing only what differs), never
exported. A claim lacking one of the fields the
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


Pair = tuple[ox.NamedNode, ox.NamedNode]
PairStates = dict[Pair, tuple[DyadState, list[ox.NamedNode]]]


def pair_states(facts: Iterable[ClaimFacts]) -> PairStates:
    """Per ordered pair of actors of these claims: its rows and its claims' IRIs."""
    pairs: PairStates = {}
    for f in facts:
        entry = pairs.get((f.source, f.target))
        if entry is None:
            entry = pairs[(f.source, f.target)] = (DyadState(f.source, f.target), [])
        entry[0].add(f)
        entry[1].append(f.claim)
    return pairs


def _dyad_quads(state: DyadState, claims: Iterable[ox.NamedNode]) -> set[ox.Quad]:
    """What the summary should hold with the pair's dyad or a row as subject."""
    dyad = dyad_iri(state.source, state.target)
    return state.quads() | set(dyad_node_quads(state.source, state.target)) | {
        ox.Quad(dyad, DYAD_CLAIM, c, SUMMARY_GRAPH) for c in claims}


def _links(pairs: PairStates) -> set[ox.Quad]:
    return {q for (s, o), (state, _) in pairs.items() if state.rows and s != o
            for q in links(s, o)}


def summary_quads(facts: Iterable[ClaimFacts]) -> Iterator[ox.Quad]:
    """The whole summary of these claims (a rebuild), the version marker last."""
    pairs = pair_states(facts)
    for state, claims in pairs.values():
        yield from _dyad_quads(state, claims)
    yield from _links(pairs)
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


def pair_claims(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode,
                without: set[ox.NamedNode]) -> list[ClaimFacts]:
    """The pair's stored claims, except those in the graphs `without` (being dropped)."""
    claims = [q.object for q in store.quads_for_pattern(
        dyad_iri(source, target), DYAD_CLAIM, None, SUMMARY_GRAPH)]
    quads = (q for c in claims for q in store.quads_for_pattern(c, None, None, None)
             if q.graph_name not in without)
    return [f for f in facts_from_quads(quads) if (f.source, f.target) == (source, target)]


def _subtract(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode,
              gone: list[ClaimFacts], added: list[ClaimFacts], dropped: set[ox.NamedNode]
              ) -> tuple[DyadState, set[ox.Quad], bool]:
    """The pair's rows that lose the claims `gone` (and gain `added`), after the change; their
    stored quads; whether the pair keeps any row. Counts and sums are taken back; a row whose
    first or last date or smallest sentence was a lost claim's is recomputed from the pair's
    claims left (MIN/MAX cannot be taken back): only then is a hub pair's every claim read."""
    keys = {k for f in gone + added if f.counted for k in (relation_key(f), pair_key(f))}
    old: set[ox.Quad] = set()
    state = read_rows(store, source, target, keys, old)
    redo: set[tuple[str, ...]] = set()
    for f in gone:
        if not f.counted:
            continue
        date, sentence = f.get("date"), f.get("sentence")
        for key in (relation_key(f), pair_key(f)):
            agg = state.rows.get(key)
            if agg is None:  # not stored as it should be: recomputed
                redo.add(key)
                continue
            agg.claims -= 1
            agg.goldstein -= _decimal(f.get("goldstein") or "0") or Decimal(0)
            if (date is not None and date in (agg.first, agg.last)) or sentence == agg.evidence:
                redo.add(key)
    for key, agg in list(state.rows.items()):
        if agg.claims == 0:  # its last claim gone: nothing left to recompute
            del state.rows[key]
            redo.discard(key)
        elif agg.claims < 0:  # more claims gone than it counted: recomputed
            redo.add(key)
    if redo:
        fresh = DyadState(source, target)
        for f in pair_claims(store, source, target, dropped):
            if f.counted and (relation_key(f) in redo or pair_key(f) in redo):
                fresh.add(f)
        for key in redo:
            if key in fresh.rows:
                state.rows[key] = fresh.rows[key]
            else:
                state.rows.pop(key, None)
    for f in added:
        state.add(f)
    touched = {_row_iri(dyad_iri(source, target), k) for k in keys}
    rows_left = bool(state.rows) or any(
        q.subject not in touched for q in store.quads_for_pattern(
            None, DYAD_OF, dyad_iri(source, target), SUMMARY_GRAPH))
    return state, old, rows_left


def _keeps_claims(store: ox.Store, source: ox.NamedNode, target: ox.NamedNode,
                  gone: set[ox.NamedNode]) -> bool:
    # Stops at the first claim link that stays: a hub pair's links are not all read.
    return any(q.object not in gone for q in store.quads_for_pattern(
        dyad_iri(source, target), DYAD_CLAIM, None, SUMMARY_GRAPH))


def summary_change(store: ox.Store, added: list[ClaimFacts], removed: list[ClaimFacts],
                   dropped: set[ox.NamedNode]) -> tuple[set[ox.Quad], set[ox.Quad]]:
    """(quads to delete, quads to insert) in the summary graph when the claims `added` are
    written and the graphs `dropped` (holding the claims `removed`) are dropped: only the
    rows the claims fall in are read and rewritten (see _subtract for those losing claims)."""
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
            gone = [f for f in removed if (f.source, f.target) == pair]
            state, old, rows_left = _subtract(store, s, o, gone, by_pair.get(pair, []), dropped)
            delete.update(claim_link(f) for f in gone)
            if not by_pair.get(pair) and not _keeps_claims(store, s, o, {f.claim for f in gone}):
                delete.update(dyad_node_quads(s, o))
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
        # Has rows after the change: known for a pair that lost claims and for one that got a
        # counted claim; None (unknown, not read) for one that got only uncounted claims.
        final[pair] = rows_left if pair in losing else (True if state.rows else None)
    for s, o in {tuple(sorted(p, key=lambda t: t.value)) for p in final if p[0] != p[1]}:
        both = ((s, o), (o, s))
        if any(final.get(p) for p in both):
            insert.update(links(s, o))
        elif any(p in losing for p in both) and not any(
                _has_rows(store, *p) for p in both if final.get(p) is None):
            delete.update(links(s, o))
        # Otherwise neither direction lost a claim nor gained a counted one: links unchanged.
    return delete - insert, insert


# ---------------------------------------------------------------- rebuild

# Quads per write while rebuilding. One Oxigraph transaction holds all its changes in
# memory: DROP GRAPH of a 100k-relation summary (1.2M quads) took 114 s and 1.6 GB; the bulk
# loader buffers up to 1M quads a thread. Batches bound both.
REBUILD_BATCH = 50_000

def graph_facts(store: ox.Store) -> Iterator[ClaimFacts]:
    """Every claim of the store, one graph at a time (index scans of the fields in that graph):
    only one article's claims are in memory, not the store's."""
    fields = [(ox.NamedNode(iri), CLAIM if iri == TYPE.value else None) for iri in CLAIM_FIELDS]
    for graph in list(store.named_graphs()):
        if isinstance(graph, ox.NamedNode) and graph != SUMMARY_GRAPH:
            yield from facts_from_quads(
                q for p, o in fields for q in store.quads_for_pattern(None, p, o, graph))


def _stored_dyad_quads(store: ox.Store, dyad: ox.NamedNode) -> set[ox.Quad]:
    out = set(store.quads_for_pattern(dyad, None, None, SUMMARY_GRAPH))
    for q in store.quads_for_pattern(None, DYAD_OF, dyad, SUMMARY_GRAPH):
        out.update(store.quads_for_pattern(q.subject, None, None, SUMMARY_GRAPH))
    return out


class _BatchWriter:
    """Summary quads deleted and inserted in batches of `batch` (each its own write)."""

    def __init__(self, store: ox.Store, batch: int):
        self.store, self.batch = store, batch
        self.deletes: list[ox.Quad] = []
        self.inserts: list[ox.Quad] = []

    def delete(self, quads: Iterable[ox.Quad]) -> None:
        # One at a time: `quads` may be a scan of the whole summary graph.
        for q in quads:
            self.deletes.append(q)
            if len(self.deletes) >= self.batch:
                self._delete(self.deletes)
                self.deletes = []

    def insert(self, quads: Iterable[ox.Quad]) -> None:
        for q in quads:
            self.inserts.append(q)
            if len(self.inserts) >= self.batch:
                # The bulk loader: fastest for large batches, writes files even for small ones.
                self.store.bulk_extend(self.inserts)
                self.inserts = []

    def close(self) -> None:
        if self.deletes:
            self._delete(self.deletes)
        if self.inserts:
            self.store.extend(self.inserts)
        self.deletes, self.inserts = [], []

    def _delete(self, quads: list[ox.Quad]) -> None:
        # Terms as Oxigraph's N-Triples (escaped); every quad is in the summary graph.
        triples = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.store.update(f"DELETE DATA {{ GRAPH {SUMMARY_GRAPH} {{ {triples} }} }}")
        # Else RocksDB keeps the deletions in memory (~1 GB over a whole summary graph).
        self.store.flush()


def _count(store: ox.Store) -> int:
    solutions = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {SUMMARY_GRAPH} {{ ?s ?p ?o }} }}")
    return int(next(iter(solutions))["n"].value)


def clear(store: ox.Store, batch: int = REBUILD_BATCH) -> None:
    """Empty the summary graph, `batch` quads a transaction (DROP GRAPH is one transaction).
    One scan (a snapshot: deleting does not disturb it), not a `DELETE WHERE` with `LIMIT`
    per batch: each of those would walk again past the tombstones of the batches before."""
    writer = _BatchWriter(store, batch)
    writer.delete(store.quads_for_pattern(None, None, None, SUMMARY_GRAPH))
    writer.close()


def rebuild(store: ox.Store, batch: int = REBUILD_BATCH) -> None:
    """Make the summary graph what summary_quads would compute from the store's claims, the
    marker last. The claims are read graph by graph; in memory are the pairs' rows and claim
    IRIs (the summary, not the claims' fields). Only what differs is written, in batches:
    after a crash, an import or an update most of the summary is already right. Not one
    transaction: a crash leaves no marker, so the next open rebuilds again."""
    store.remove(MARKER)
    if any(True for _ in store.quads_for_pattern(SUMMARY_GRAPH, SUMMARY_VERSION_PROP, None,
                                                 SUMMARY_GRAPH)):
        clear(store, batch)  # another version's summary: nothing in it to keep
    pairs = pair_states(graph_facts(store))
    # First only what is missing (a lookup a quad): when nothing else is stored, as after
    # a crash or an import, the count shows it and the stored summary is never read.
    # Otherwise quads to delete too: pair by pair, what is stored against what should be;
    # if some are still left, no pair reaches them (another shape, an update's own
    # triples): start afresh.
    if _insert_missing(store, pairs, batch) != _count(store) \
            and _write_difference(store, pairs, batch) != _count(store):
        clear(store, batch)
        _write_difference(store, pairs, batch)
    store.add(MARKER)


def _insert_missing(store: ox.Store, pairs: PairStates,
                    batch: int) -> int:
    """Insert the summary quads the store lacks; returns how many it should hold."""
    writer, expected = _BatchWriter(store, batch), 0
    for state, claims in pairs.values():
        new = _dyad_quads(state, claims)
        expected += len(new)
        writer.insert(q for q in new if q not in store)
    new = _links(pairs)
    writer.insert(q for q in new if q not in store)
    writer.close()
    return expected + len(new)


def _write_difference(store: ox.Store, pairs: PairStates,
                      batch: int) -> int:
    """Write what the summary lacks and delete what it should not hold, among the quads of
    the pairs' dyads, their rows, the dyads no claim needs any more and the linkedTo links.
    Returns how many quads the summary should hold (without the marker)."""
    writer, expected = _BatchWriter(store, batch), 0
    stored_dyads = {q.subject for q in store.quads_for_pattern(None, TYPE, DYAD, SUMMARY_GRAPH)}
    for state, claims in pairs.values():
        new = _dyad_quads(state, claims)
        old = _stored_dyad_quads(store, dyad_iri(state.source, state.target))
        expected += len(new)
        writer.delete(old - new)
        writer.insert(new - old)
    for dyad in stored_dyads - {dyad_iri(*p) for p in pairs}:
        writer.delete(_stored_dyad_quads(store, dyad))
    new_links = _links(pairs)
    old_links = set(store.quads_for_pattern(None, LINKED_TO, None, SUMMARY_GRAPH))
    writer.delete(old_links - new_links)
    writer.insert(new_links - old_links)
    writer.close()
    return expected + len(new_links)
