"""networkx graphs built from the store's list of claims.

Everything here works from `store.claims()` rows (one dict per relation claim), never from a
store's query language, so the embedded RDF store and the Neo4j store give the same graphs.
Only factual claims (asserted or intended) are counted; the builders filter again so that a
caller passing `claims(factual_only=False)` cannot smuggle negated or hypothetical relations in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from geokg.graph.model import FACTUAL_MODALITIES

Claim = Mapping[str, Any]


def factual(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that count as facts (asserted or intended), in a stable order (by id)."""
    return sorted(
        (c for c in claims if c.get("modality") in FACTUAL_MODALITIES),
        key=lambda c: str(c.get("id", "")),
    )


def filter_claims(claims: Iterable[Claim], since: str | dt.date | None = None) -> list[Claim]:
    """Factual claims dated on or after `since` (an ISO date); undated claims are dropped when
    `since` is given, since nothing says they are recent."""
    rows = factual(claims)
    if since is None:
        return rows
    floor = since if isinstance(since, str) else since.isoformat()
    dt.date.fromisoformat(floor)  # a bad date is the caller's error, not an empty graph
    return [c for c in rows if c.get("date") and str(c["date"])[:10] >= floor]


def _add_nodes(graph: nx.Graph, claims: Sequence[Claim]) -> None:
    for c in claims:
        for side in ("source", "target"):
            code = c[side]
            if code not in graph:
                graph.add_node(code, name=c.get(f"{side}_name") or code,
                               kind=c.get(f"{side}_kind") or "state", claims=0)
            graph.nodes[code]["claims"] += 1


def _evidence_key(c: Claim) -> tuple:
    # The example sentence of an edge is its strongest claim (largest |Goldstein|), then the
    # most confident, then the earliest: deterministic, and the most telling sentence.
    return (-abs(float(c.get("goldstein") or 0.0)), -float(c.get("confidence") or 0.0),
            str(c.get("date") or "9999"), str(c.get("id", "")))


def multigraph(claims: Iterable[Claim]) -> nx.MultiDiGraph:
    """One edge per factual claim, source → target, keyed by the claim id; every field of the
    claim is kept as an edge attribute. Nodes carry name, kind and their number of claims."""
    rows = factual(claims)
    graph = nx.MultiDiGraph()
    _add_nodes(graph, rows)
    for c in rows:
        graph.add_edge(c["source"], c["target"], key=c.get("id"), **dict(c))
    return graph


def _aggregate(graph: nx.Graph, a: str, b: str, c: Claim) -> None:
    goldstein = float(c.get("goldstein") or 0.0)
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, goldstein=0.0, abs_goldstein=0.0, count=0,
                       relations=Counter(), claims=[])
    data = graph.edges[a, b]
    data["goldstein"] += goldstein
    data["abs_goldstein"] += abs(goldstein)
    data["count"] += 1
    data["relations"][c["relation"]] += 1
    data["claims"].append(c)


def _finish_edges(graph: nx.Graph) -> None:
    for _a, _b, data in graph.edges(data=True):
        data["goldstein"] = round(data["goldstein"], 6)  # sums of floats: no 26.800000000001
        data["abs_goldstein"] = round(data["abs_goldstein"], 6)
        data["relations"] = dict(sorted(data["relations"].items(), key=lambda kv: (-kv[1], kv[0])))
        best = min(data["claims"], key=_evidence_key)
        data["sentence"] = best.get("sentence") or ""
        data["article"] = best.get("article")
        data["date"] = best.get("date")
        data["last_seen"] = max((str(c.get("date")) for c in data["claims"] if c.get("date")),
                                default=None)


def weighted_digraph(claims: Iterable[Claim]) -> nx.DiGraph:
    """Claims summed per ordered pair: goldstein (net sum), abs_goldstein (sum of |Goldstein|),
    count, relations ({type: count}), sentence (one example), claims (the rows).

    A symmetric claim ("China and Russia cooperate") is added in both directions: which of
    the two came first in the sentence is word order, not who acted. Self-loops are dropped."""
    rows = factual(claims)
    graph = nx.DiGraph()
    _add_nodes(graph, rows)
    for c in rows:
        if c["source"] == c["target"]:
            continue
        _aggregate(graph, c["source"], c["target"], c)
        if c.get("symmetric"):
            _aggregate(graph, c["target"], c["source"], c)
    _finish_edges(graph)
    return graph


def dyad_graph(claims: Iterable[Claim]) -> nx.Graph:
    """Claims summed per unordered pair (each claim counted once, whatever its direction), with
    the same edge attributes as `weighted_digraph` plus `directions`: {"A → B": {type: n}}."""
    rows = factual(claims)
    graph = nx.Graph()
    _add_nodes(graph, rows)
    for c in rows:
        if c["source"] == c["target"]:
            continue
        _aggregate(graph, c["source"], c["target"], c)
    _finish_edges(graph)
    for _a, _b, data in graph.edges(data=True):
        directions: dict[str, Counter] = {}
        for c in data["claims"]:
            arrow = "↔" if c.get("symmetric") else "→"
            directions.setdefault(f"{c['source']} {arrow} {c['target']}", Counter())[
                c["relation"]] += 1
        data["directions"] = {k: dict(sorted(v.items())) for k, v in sorted(directions.items())}
    return graph


def _sign(value: float) -> int:
    return 1 if value > 0 else -1 if value < 0 else 0


def signed_graph(claims: Iterable[Claim]) -> nx.Graph:
    """The dyad graph with `sign` = +1 (net cooperation) or -1 (net conflict) on each edge, the
    sign of the dyad's net Goldstein sum. Dyads netting exactly zero are left out: they are
    neither friends nor foes, and a zero would make every triad through them undecidable."""
    graph = dyad_graph(claims)
    for a, b, data in list(graph.edges(data=True)):
        sign = _sign(data["goldstein"])
        if sign == 0:
            graph.remove_edge(a, b)
        else:
            data["sign"] = sign
    return graph


def cooperation_graph(claims: Iterable[Claim] | nx.Graph) -> nx.Graph:
    """The positive dyads only, weighted by their net Goldstein sum (the `weight` attribute).
    Actors with no cooperative tie are not in it. Accepts claims or a signed graph."""
    signed = claims if isinstance(claims, nx.Graph) else signed_graph(claims)
    graph = nx.Graph()
    for code, data in signed.nodes(data=True):
        graph.add_node(code, **data)
    for a, b, data in signed.edges(data=True):
        if data["sign"] > 0:
            graph.add_edge(a, b, **{**data, "weight": data["goldstein"]})
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def ego_claims(claims: Iterable[Claim], actor: str) -> list[Claim]:
    """The claims of `actor`'s ego network: its own relations and those among its partners
    (radius 1 in the dyad graph), so a picture of one actor still shows how its partners stand
    to each other."""
    rows = factual(claims)
    graph = dyad_graph(rows)
    if actor not in graph:
        return []
    members = set(nx.ego_graph(graph, actor, radius=1))
    return [c for c in rows if c["source"] in members and c["target"] in members]


def format_relations(relations: Mapping[str, int]) -> str:
    """{"COOPERATES_WITH": 4, "TRADES_WITH": 2} → "COOPERATES_WITH×4, TRADES_WITH×2"."""
    return ", ".join(f"{name}×{n}" if n > 1 else name for name, n in relations.items())


def exchange_graph(claims: Iterable[Claim]) -> nx.DiGraph:
    """The weighted graph with plain attributes only, as GraphML and GEXF (Gephi) hold them:
    nodes name and kind; edges goldstein, count, relations ("TYPE:n; …") and a sentence."""
    rich = weighted_digraph(claims)
    plain = nx.DiGraph()
    for node, data in rich.nodes(data=True):
        plain.add_node(node, name=str(data.get("name", node)), kind=str(data.get("kind", "")))
    for a, b, data in rich.edges(data=True):
        relations = data.get("relations", {})
        plain.add_edge(
            a, b, goldstein=float(data.get("goldstein", 0.0)), count=int(data.get("count", 0)),
            relations="; ".join(f"{k}:{v}" for k, v in sorted(relations.items())),
            sentence=str(data.get("sentence") or ""),
        )
    return plain
