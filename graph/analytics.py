"""Network analyses of the relation graph: centrality, blocs, structural balance, brokers.

Each analysis is a plain function over the store's claims (`store.claims()`), so it gives the
same answer on any store. It returns an `Analysis`: rows (a list of dicts, ready for
`geokg.output.format_rows`), their columns, a one-paragraph explanation of the method and its
finding, and a few summary numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from geokg.graph.network import (
    Claim,
    cooperation_graph,
    dyad_graph,
    factual,
    signed_graph,
    weighted_digraph,
)

LOUVAIN_SEED = 42  # Louvain visits nodes in random order: a fixed seed keeps blocs reproducible
WEIGHTS = ("goldstein", "count")


@dataclass(frozen=True)
class Analysis:
    name: str
    rows: list[dict[str, Any]]
    columns: list[str]
    explanation: str
    summary: dict[str, Any] = field(default_factory=dict)


def _r(value: float, digits: int = 4) -> float:
    # Rounded so that tables, JSON and tests do not depend on the last float bits.
    return round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0


def _empty(name: str, columns: list[str]) -> Analysis:
    return Analysis(name, [], columns,
                    "The store holds no factual relations (asserted or intended) to analyse.")


# -- centrality ---------------------------------------------------------------------------


def _pagerank(graph: nx.DiGraph, weight: str, alpha: float = 0.85, tol: float = 1e-12,
              max_iter: int = 1000) -> dict[str, float]:
    """Weighted PageRank by power iteration, as networkx defines it (uniform teleport, dangling
    actors' rank spread uniformly). Written here because nx.pagerank needs SciPy, which geokg
    does not depend on."""
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    out_strength = {u: sum(d.get(weight, 1.0) for *_e, d in graph.out_edges(u, data=True))
                    for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_strength[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, d in graph.edges(data=True):
            if out_strength[u]:
                new[v] += alpha * rank[u] * d.get(weight, 1.0) / out_strength[u]
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank

CENTRALITY_COLUMNS = ["rank", "actor", "name", "kind", "pagerank", "betweenness", "partners",
                      "claims", "net_goldstein"]


def centrality(claims: Iterable[Claim], weight: str = "goldstein",
               kinds: Sequence[str] | None = ("state",)) -> Analysis:
    """PageRank on the directed graph weighted by the sum of |Goldstein| (or by claim counts),
    and betweenness on the undirected dyad graph; one row per actor of `kinds` (None: all)."""
    if weight not in WEIGHTS:
        raise ValueError(f"weight must be one of {', '.join(WEIGHTS)}, not {weight!r}")
    rows_in = factual(claims)
    if not rows_in:
        return _empty("centrality", CENTRALITY_COLUMNS)
    directed = weighted_digraph(rows_in)
    dyads = dyad_graph(rows_in)
    attr = "abs_goldstein" if weight == "goldstein" else "count"
    # Both conflict and cooperation make an actor matter, hence |Goldstein|, not the net sum.
    pagerank = _pagerank(directed, attr)
    # Betweenness counts hops: a strong tie is not a "shorter" one, and distances built from
    # Goldstein would make the measure depend on the scale's arbitrary units.
    betweenness = nx.betweenness_centrality(dyads, normalized=True)
    rows = []
    for code, data in directed.nodes(data=True):
        if kinds is not None and data["kind"] not in kinds:
            continue
        rows.append({
            "actor": code, "name": data["name"], "kind": data["kind"],
            "pagerank": _r(pagerank.get(code, 0.0)), "betweenness": _r(betweenness.get(code, 0.0)),
            "partners": dyads.degree(code), "claims": data["claims"],
            "net_goldstein": _r(sum(d["goldstein"] for *_e, d in dyads.edges(code, data=True)), 2),
        })
    rows.sort(key=lambda r: (-r["pagerank"], -r["betweenness"], r["actor"]))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    scope = "states" if kinds == ("state",) else "actors" if kinds is None else "/".join(kinds)
    top = rows[0] if rows else None
    finding = (f" Here {top['name']} ({top['actor']}) ranks first of {len(rows)} {scope}."
               if top else f" No {scope} in the graph.")
    explanation = (
        "PageRank scores an actor by how much action it receives from actors that themselves "
        "receive much action: each factual relation is an arrow from source to target "
        f"weighted by {'its |Goldstein| score, so conflict counts as much as cooperation' if weight == 'goldstein' else 'one per claim'}"  # noqa: E501
        ", and a symmetric relation points both ways. Betweenness is the share of shortest "
        "paths (in hops, over all pairs of actors, ignoring direction and sign) that pass "
        "through the actor: a high value marks an intermediary. IGOs and persons take part "
        f"in the computation but only {scope} are listed." + finding
    )
    return Analysis("centrality", rows, CENTRALITY_COLUMNS, explanation,
                    {"weight": weight, "actors": directed.number_of_nodes()})


# -- blocs --------------------------------------------------------------------------------

BLOCS_COLUMNS = ["bloc", "size", "actor", "name", "kind", "ties_in_bloc", "strength_in_bloc",
                 "strength_outside"]


def _communities(coop: nx.Graph, seed: int) -> list[list[str]]:
    """Louvain communities, numbered by size (largest first), then by their first code."""
    found = nx.community.louvain_communities(coop, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def blocs(claims: Iterable[Claim], seed: int = LOUVAIN_SEED) -> Analysis:
    """Blocs: Louvain communities of the cooperation graph (dyads whose net Goldstein sum is
    positive, weighted by it); one row per actor with a cooperative tie."""
    rows_in = factual(claims)
    coop = cooperation_graph(rows_in)
    if coop.number_of_nodes() == 0:
        if not rows_in:
            return _empty("blocs", BLOCS_COLUMNS)
        return Analysis("blocs", [], BLOCS_COLUMNS,
                        "No pair of actors has a positive net Goldstein sum: no cooperation "
                        "graph, hence no blocs.")
    communities = _communities(coop, seed)
    bloc_of = {code: n for n, members in enumerate(communities, 1) for code in members}
    rows = []
    for n, members in enumerate(communities, 1):
        for code in members:
            inside = [d["weight"] for other, d in coop[code].items() if bloc_of[other] == n]
            outside = [d["weight"] for other, d in coop[code].items() if bloc_of[other] != n]
            data = coop.nodes[code]
            rows.append({"bloc": n, "size": len(members), "actor": code, "name": data["name"],
                         "kind": data["kind"], "ties_in_bloc": len(inside),
                         "strength_in_bloc": _r(sum(inside), 2),
                         "strength_outside": _r(sum(outside), 2)})
    modularity = _r(nx.community.modularity(coop, [set(c) for c in communities], weight="weight"))
    left_out = sorted(set(dyad_graph(rows_in)) - set(coop))
    described = "; ".join(f"{n}: {', '.join(m)}" for n, m in enumerate(communities, 1))
    explanation = (
        "Blocs are groups of actors that cooperate more among themselves than with others. "
        "The cooperation graph links two actors when the Goldstein scores of all factual "
        "relations between them (both directions) sum to a positive number, weighted by that "
        "sum; Louvain community detection (networkx, fixed seed "
        f"{seed}) splits it to maximise modularity. Found {len(communities)} "
        f"bloc{'s' if len(communities) != 1 else ''} ({described}), modularity {modularity:g}"
        + (f"; left out for having no cooperative tie: {', '.join(left_out)}." if left_out
           else ".")
    )
    return Analysis("blocs", rows, BLOCS_COLUMNS, explanation,
                    {"blocs": communities, "modularity": modularity, "left_out": left_out})


# -- structural balance ------------------------------------------------------------------

BALANCE_COLUMNS = ["a", "b", "c", "net_ab", "net_ac", "net_bc", "pattern", "balanced", "reading"]

_READINGS = {
    "+++": "three friends",
    "+--": "two friends share an enemy (the enemy of my enemy is my friend)",
    "++-": "unbalanced: two of my friends are enemies (the friend of my friend is my enemy)",
    "---": "unbalanced: three mutual enemies (two of them should side against the third)",
}


def balance(claims: Iterable[Claim]) -> Analysis:
    """Structural balance (Heider; Cartwright & Harary) of every triad of the signed graph
    (the sign of each dyad's net Goldstein sum): a triad is balanced when the product of
    its three signs is positive."""
    rows_in = factual(claims)
    if not rows_in:
        return _empty("balance", BALANCE_COLUMNS)
    signed = signed_graph(rows_in)
    rows = []
    # Triangles, each once, its actors in code order: a < b < c with edges ab, ac, bc.
    for a in sorted(signed):
        for b, c in itertools.combinations(sorted(n for n in signed[a] if n > a), 2):
            if not signed.has_edge(b, c):
                continue
            nets = [signed.edges[x, y]["goldstein"] for x, y in ((a, b), (a, c), (b, c))]
            signs = [signed.edges[x, y]["sign"] for x, y in ((a, b), (a, c), (b, c))]
            pattern = "".join(sorted("+" if s > 0 else "-" for s in signs))
            rows.append({"a": a, "b": b, "c": c, "net_ab": _r(nets[0], 2),
                         "net_ac": _r(nets[1], 2), "net_bc": _r(nets[2], 2), "pattern": pattern,
                         "balanced": signs[0] * signs[1] * signs[2] > 0,
                         "reading": _READINGS[pattern]})
    balanced = sum(r["balanced"] for r in rows)
    share = _r(balanced / len(rows)) if rows else None
    finding = (f"{balanced} of {len(rows)} triad{'s' if len(rows) != 1 else ''} "
               f"{'is' if balanced == 1 else 'are'} balanced (share {share:g})."
               if rows else "No three actors are all related to each other, so there is no "
               "triad to judge.")
    explanation = (
        "Structural balance reads each dyad as friendly (+, net Goldstein sum of its factual "
        "relations above zero) or hostile (−, below zero; dyads netting zero are left out) and "
        "judges every triangle of three related actors: it is balanced when the product of its "
        "signs is positive — three friends, or two friends with a common enemy (\"the enemy "
        "of my enemy is my friend\") — and unbalanced otherwise, a tension theory expects to "
        "resolve by a change of sides. " + finding
    )
    return Analysis("balance", rows, BALANCE_COLUMNS, explanation,
                    {"triads": len(rows), "balanced": balanced, "share_balanced": share})


# -- brokers ------------------------------------------------------------------------------

BROKERS_COLUMNS = ["rank", "actor", "name", "kind", "bloc", "cross_bloc_betweenness",
                   "participation", "blocs_reached"]


def _cross_bloc_betweenness(coop: nx.Graph, communities: list[list[str]]) -> dict[str, float]:
    """Brandes betweenness counting only the shortest paths between actors of different blocs
    (each unordered pair once), as a share of those pairs."""
    # The directed copy counts each A → B pair once and unscaled; networkx halves subset
    # betweenness on undirected graphs, which would be confusing to read.
    directed = coop.to_directed()
    total = dict.fromkeys(coop, 0.0)
    pairs = 0
    for i, j in itertools.combinations(range(len(communities)), 2):
        part = nx.betweenness_centrality_subset(directed, communities[i], communities[j],
                                                normalized=False)
        for code, value in part.items():
            total[code] += value
        pairs += len(communities[i]) * len(communities[j])
    return {code: value / pairs if pairs else 0.0 for code, value in total.items()}


def _participation(coop: nx.Graph, bloc_of: dict[str, int]) -> dict[str, float]:
    """Guimerà–Amaral participation coefficient: 1 − Σ_s (k_is / k_i)², with k_is the
    cooperation strength of actor i toward bloc s. 0 = all ties in one bloc."""
    out = {}
    for code in coop:
        strength: dict[int, float] = {}
        for other, data in coop[code].items():
            strength[bloc_of[other]] = strength.get(bloc_of[other], 0.0) + data["weight"]
        k = sum(strength.values())
        out[code] = 1.0 - sum((v / k) ** 2 for v in strength.values()) if k else 0.0
    return out


def brokers(claims: Iterable[Claim], seed: int = LOUVAIN_SEED) -> Analysis:
    """Actors bridging the blocs of `blocs()`: ranked by cross-bloc betweenness on the
    cooperation graph, with the participation coefficient alongside."""
    rows_in = factual(claims)
    coop = cooperation_graph(rows_in)
    if coop.number_of_nodes() == 0:
        if not rows_in:
            return _empty("brokers", BROKERS_COLUMNS)
        return Analysis("brokers", [], BROKERS_COLUMNS,
                        "No cooperation graph (no dyad with a positive net Goldstein sum), hence "
                        "no blocs to bridge.")
    communities = _communities(coop, seed)
    bloc_of = {code: n for n, members in enumerate(communities, 1) for code in members}
    between = _cross_bloc_betweenness(coop, communities)
    participation = _participation(coop, bloc_of)
    rows = []
    for code, data in coop.nodes(data=True):
        reached = sorted({bloc_of[o] for o in coop[code]} - {bloc_of[code]})
        rows.append({"actor": code, "name": data["name"], "kind": data["kind"],
                     "bloc": bloc_of[code], "cross_bloc_betweenness": _r(between[code]),
                     "participation": _r(participation[code]),
                     "blocs_reached": " ".join(str(b) for b in reached)})
    rows.sort(key=lambda r: (-r["cross_bloc_betweenness"], -r["participation"], r["actor"]))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    top = rows[0]
    if top["cross_bloc_betweenness"] > 0 or top["participation"] > 0:
        finding = f"The leading broker is {top['name']} ({top['actor']})."
    elif len(communities) == 1:
        finding = "There is a single bloc, so no actor bridges blocs."
    else:
        finding = "The blocs share no cooperative tie, so no actor bridges them."
    explanation = (
        "A broker links blocs that would otherwise stand apart. Actors are ranked by "
        "cross-bloc betweenness: the share of shortest cooperative paths (in hops, on the "
        "cooperation graph of the blocs analysis) between actors of different blocs that run "
        "through the actor, the endpoints excluded — the actor others must go through. "
        "Participation (Guimerà–Amaral coefficient, 1 − Σ over blocs of the squared share of "
        "the actor's cooperation strength going to that bloc) breaks ties and shows how "
        "evenly an actor's own cooperation is spread over blocs, 0 meaning all within one. "
        + finding
    )
    return Analysis("brokers", rows, BROKERS_COLUMNS, explanation,
                    {"blocs": communities})


ANALYSES: dict[str, Callable[..., Analysis]] = {
    "centrality": centrality, "blocs": blocs, "balance": balance, "brokers": brokers,
}
