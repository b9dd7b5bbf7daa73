"""Graph analytics on real extractions: the seed article, and a dozen short news items.

The stores are filled through the real command line (`geokg ingest`), the claims read back with
`RdfStore.claims()`. Numbers that follow from the graph's shape (who is linked to whom, with
which sign) are asserted exactly; Goldstein sums are checked against the claims themselves, so
that a lexicon gaining a trigger word changes the expected sums along with the graph.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph import analytics, network
from geokg.stores import open_embedded
from tests.conftest import EXAMPLES

# Short news items in English and Indonesian: a western group (France, Germany, NATO), an
# eastern pair (Russia, Belarus), Poland and Ukraine between, Hungary dealing with both sides.
NEWS = [
    ("n01", "en", "2023-03-01", "France and Germany signed an agreement on defence cooperation."),
    ("n02", "en", "2023-03-02", "Russia attacked Ukraine."),
    ("n03", "en", "2023-03-03", "France condemned Russia."),
    ("n04", "en", "2023-03-04", "Germany imposed sanctions on Russia."),
    ("n05", "en", "2023-03-05", "Russia and Belarus signed a military agreement."),
    ("n06", "en", "2023-03-06", "Poland accused Belarus of provoking a border crisis."),
    ("n07", "en", "2023-03-07", "Poland and Ukraine agreed to cooperate."),
    ("n08", "en", "2023-03-08", "Germany sold weapons to Ukraine."),
    ("n09", "id", "2023-03-09", "Polandia mengkritik Jerman."),
    ("n10", "en", "2023-03-10", "France and Germany met with NATO."),
    ("n11", "en", "2023-03-11", "Hungary and Russia signed an energy agreement."),
    ("n12", "en", "2023-03-12", "Hungary and Poland agreed to cooperate."),
]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def ingest_and_read(*paths: Path) -> list[dict]:
    result = run("ingest", *map(str, paths))
    assert result.exit_code == 0, result.output
    with open_embedded() as store:
        return store.claims(factual_only=True)


@pytest.fixture
def seed_claims() -> list[dict]:
    return ingest_and_read(EXAMPLES)


def write_news(folder: Path) -> Path:
    path = folder / "news.jsonl"
    path.write_text("".join(
        json.dumps({"id": i, "lang": lang, "date": date, "text": text}) + "\n"
        for i, lang, date, text in NEWS
    ), encoding="utf-8")
    return path


@pytest.fixture
def news_claims(tmp_path: Path) -> list[dict]:
    return ingest_and_read(write_news(tmp_path))


def net(claims: list[dict], a: str, b: str) -> float:
    """The net Goldstein sum of a dyad, straight from the claims."""
    return round(sum(c["goldstein"] for c in claims if {c["source"], c["target"]} == {a, b}), 2)


# -- the graphs -----------------------------------------------------------------------------


def test_seed_dyads_count_factual_claims_only(seed_claims):
    with open_embedded() as store:
        everything = store.claims(factual_only=False)
    assert any(c["modality"] == "negated" for c in everything)  # "tidak akan menuntut"
    # Fed every claim, the builders still keep only asserted and intended ones.
    dyads = network.dyad_graph(everything)
    assert sorted(tuple(sorted(e)) for e in dyads.edges) == [
        ("CHN", "IGO:UNHRC"), ("CHN", "RUS"), ("CHN", "USA"), ("IGO:UNHRC", "RUS"),
        ("IND", "RUS"), ("RUS", "USA"),
    ]
    chn_usa = dyads.edges["CHN", "USA"]
    assert chn_usa["relations"] == {"OPPOSES": 2}  # the negated DEMANDS is not counted
    assert chn_usa["goldstein"] == -4.0
    assert dyads.nodes["IGO:UNHRC"] == {
        "name": "United Nations Human Rights Council", "kind": "igo", "claims": 2}
    assert dyads.edges["IND", "RUS"]["sentence"].find("penjualan senjata ke India") > 0


def test_symmetric_claims_point_both_ways_in_the_directed_graph(seed_claims):
    directed = network.weighted_digraph(seed_claims)
    multi = network.multigraph(seed_claims)
    assert multi.number_of_edges() == len(seed_claims)
    assert directed.has_edge("CHN", "RUS") and directed.has_edge("RUS", "CHN")
    assert not directed.has_edge("IND", "RUS")  # SELLS_ARMS_TO is not symmetric
    assert directed.edges["RUS", "IND"]["relations"] == {"SELLS_ARMS_TO": 1}
    symmetric = [c for c in seed_claims if c["symmetric"] and {c["source"], c["target"]}
                 == {"CHN", "RUS"}]
    assert directed.edges["RUS", "CHN"]["count"] >= len(symmetric) > 0


def test_signed_and_cooperation_graphs_of_the_seed(seed_claims):
    signed = network.signed_graph(seed_claims)
    signs = {tuple(sorted(e)): d["sign"] for *e, d in signed.edges(data=True)}
    assert signs == {("CHN", "IGO:UNHRC"): 1, ("CHN", "RUS"): 1, ("CHN", "USA"): -1,
                     ("IGO:UNHRC", "RUS"): 1, ("IND", "RUS"): 1, ("RUS", "USA"): 1}
    coop = network.cooperation_graph(seed_claims)
    assert sorted(coop) == ["CHN", "IGO:UNHRC", "IND", "RUS", "USA"]
    assert not coop.has_edge("CHN", "USA")
    assert coop.edges["RUS", "USA"]["weight"] == net(seed_claims, "RUS", "USA") == 1.2


def synthetic(source: str, target: str, goldstein: float, modality: str = "asserted",
              date: str = "2024-01-01", n: int = 0) -> dict:
    return {"id": f"r{source}{target}{n}", "source": source, "source_name": source,
            "source_kind": "state", "relation": "X", "target": target, "target_name": target,
            "target_kind": "state", "modality": modality, "confidence": 0.5,
            "goldstein": goldstein, "symmetric": False, "date": date, "sentence": "s",
            "article": "a"}


def test_zero_dyads_are_neither_friend_nor_foe():
    claims = [synthetic("AAA", "BBB", 3.0), synthetic("BBB", "AAA", -3.0, n=1),
              synthetic("AAA", "CCC", 1.0), synthetic("BBB", "CCC", 1.0)]
    assert network.dyad_graph(claims).has_edge("AAA", "BBB")
    assert not network.signed_graph(claims).has_edge("AAA", "BBB")
    assert analytics.balance(claims).rows == []


def test_since_and_ego_filters():
    claims = [synthetic("AAA", "BBB", 1.0, date="2020-01-01"),
              synthetic("BBB", "CCC", 1.0, date="2024-06-01"),
              synthetic("CCC", "DDD", -1.0, date="2024-06-02"),
              synthetic("AAA", "CCC", -1.0, modality="hypothetical")]
    assert [c["id"] for c in network.filter_claims(claims, "2024-01-01")] == ["rBBBCCC0",
                                                                              "rCCCDDD0"]
    with pytest.raises(ValueError):
        network.filter_claims(claims, "2024-13-01")
    assert {c["id"] for c in network.ego_claims(claims, "BBB")} == {"rAAABBB0", "rBBBCCC0"}
    assert network.ego_claims(claims, "ZZZ") == []


# -- the seed article -----------------------------------------------------------------------


def test_centrality_of_the_seed(seed_claims):
    result = analytics.centrality(seed_claims)
    assert [(r["rank"], r["actor"], r["kind"], r["betweenness"], r["partners"])
            for r in result.rows] == [
        (1, "RUS", "state", 0.5833, 4),
        (2, "CHN", "state", 0.0833, 3),
        (3, "IND", "state", 0.0, 1),
        (4, "USA", "state", 0.0, 2),
    ]
    by_actor = {r["actor"]: r for r in result.rows}
    assert by_actor["USA"]["net_goldstein"] == round(
        net(seed_claims, "USA", "CHN") + net(seed_claims, "USA", "RUS"), 2) == -2.8
    assert by_actor["IND"]["claims"] == 1
    assert result.columns == analytics.CENTRALITY_COLUMNS
    assert "PageRank" in result.explanation and "Russia (RUS) ranks first of 4 states" in (
        result.explanation)
    # All actors, IGOs included: PageRank is a distribution.
    everyone = analytics.centrality(seed_claims, kinds=None)
    assert sorted(r["actor"] for r in everyone.rows) == ["CHN", "IGO:UNHRC", "IND", "RUS", "USA"]
    assert sum(r["pagerank"] for r in everyone.rows) == pytest.approx(1.0, abs=1e-3)
    by_count = analytics.centrality(seed_claims, weight="count")
    assert [r["actor"] for r in by_count.rows] == ["RUS", "CHN", "USA", "IND"]
    with pytest.raises(ValueError):
        analytics.centrality(seed_claims, weight="size")


def test_own_pagerank_matches_networkx(seed_claims):
    # nx.pagerank needs SciPy, which geokg does not install; compare with its pure-Python one.
    from networkx.algorithms.link_analysis import pagerank_alg

    if not hasattr(pagerank_alg, "_pagerank_python"):
        pytest.skip("this networkx has no pure-Python PageRank to compare with")
    graph = network.weighted_digraph(seed_claims)
    ours = analytics._pagerank(graph, "abs_goldstein")
    theirs = pagerank_alg._pagerank_python(graph, weight="abs_goldstein", tol=1e-12)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_blocs_of_the_seed(seed_claims):
    result = analytics.blocs(seed_claims)
    assert [(r["bloc"], r["size"], r["actor"], r["kind"], r["ties_in_bloc"],
             r["strength_outside"]) for r in result.rows] == [
        (1, 5, "CHN", "state", 2, 0.0),
        (1, 5, "IGO:UNHRC", "igo", 2, 0.0),
        (1, 5, "IND", "state", 1, 0.0),
        (1, 5, "RUS", "state", 4, 0.0),
        (1, 5, "USA", "state", 1, 0.0),
    ]
    assert result.summary["blocs"] == [["CHN", "IGO:UNHRC", "IND", "RUS", "USA"]]
    assert result.summary["modularity"] == 0.0
    assert result.summary["left_out"] == []
    strength = {r["actor"]: r["strength_in_bloc"] for r in result.rows}
    assert strength["USA"] == net(seed_claims, "USA", "RUS")  # its one friendly tie
    assert "Found 1 bloc (1: CHN, IGO:UNHRC, IND, RUS, USA), modularity 0." in result.explanation


def test_balance_of_the_seed(seed_claims):
    result = analytics.balance(seed_claims)
    assert [(r["a"], r["b"], r["c"], r["pattern"], r["balanced"]) for r in result.rows] == [
        ("CHN", "IGO:UNHRC", "RUS", "+++", True),
        ("CHN", "RUS", "USA", "++-", False),
    ]
    unbalanced = result.rows[1]
    assert (unbalanced["net_ab"], unbalanced["net_ac"], unbalanced["net_bc"]) == (
        net(seed_claims, "CHN", "RUS"), -4.0, 1.2)
    assert unbalanced["reading"].startswith("unbalanced: two of my friends are enemies")
    assert result.summary == {"triads": 2, "balanced": 1, "share_balanced": 0.5}
    assert result.explanation.endswith("1 of 2 triads is balanced (share 0.5).")
    assert "the enemy of my enemy" in result.explanation


def test_brokers_of_the_seed(seed_claims):
    result = analytics.brokers(seed_claims)
    assert [(r["rank"], r["actor"], r["bloc"], r["cross_bloc_betweenness"], r["participation"])
            for r in result.rows] == [
        (1, "CHN", 1, 0.0, 0.0), (2, "IGO:UNHRC", 1, 0.0, 0.0), (3, "IND", 1, 0.0, 0.0),
        (4, "RUS", 1, 0.0, 0.0), (5, "USA", 1, 0.0, 0.0),
    ]
    assert result.explanation.endswith("There is a single bloc, so no actor bridges blocs.")


# -- a dozen short news items -----------------------------------------------------------------


def test_news_items_give_the_expected_graph(news_claims):
    relations = {(c["source"], c["relation"], c["target"]) for c in news_claims}
    assert {("RUS", "ATTACKS", "UKR"), ("DEU", "SANCTIONS", "RUS"),
            ("DEU", "SELLS_ARMS_TO", "UKR"), ("POL", "CRITICIZES", "DEU"),
            ("HUN", "SIGNS_AGREEMENT_WITH", "RUS")} <= relations
    signed = network.signed_graph(news_claims)
    assert sorted((*sorted(e), d["sign"]) for *e, d in signed.edges(data=True)) == [
        ("BLR", "POL", -1), ("BLR", "RUS", 1), ("DEU", "FRA", 1), ("DEU", "IGO:NATO", 1),
        ("DEU", "POL", -1), ("DEU", "RUS", -1), ("DEU", "UKR", 1), ("FRA", "IGO:NATO", 1),
        ("FRA", "RUS", -1), ("HUN", "POL", 1), ("HUN", "RUS", 1), ("POL", "UKR", 1),
        ("RUS", "UKR", -1),
    ]


def test_blocs_of_the_news(news_claims):
    result = analytics.blocs(news_claims)
    assert result.summary["blocs"] == [["BLR", "HUN", "POL", "RUS"],
                                       ["DEU", "FRA", "IGO:NATO", "UKR"]]
    assert result.summary["modularity"] == pytest.approx(nx.community.modularity(
        network.cooperation_graph(news_claims),
        [set(b) for b in result.summary["blocs"]], weight="weight"), abs=1e-4)
    rows = {r["actor"]: r for r in result.rows}
    # Hungary's partners (Russia, Poland) are all in its own bloc.
    assert rows["HUN"]["bloc"] == 1 and rows["HUN"]["strength_outside"] == 0.0
    assert rows["HUN"]["strength_in_bloc"] == net(news_claims, "HUN", "POL") + net(
        news_claims, "HUN", "RUS")
    assert rows["IGO:NATO"]["kind"] == "igo" and rows["IGO:NATO"]["ties_in_bloc"] == 2
    # Same claims, same seed, same blocs: Louvain's randomness is pinned.
    assert analytics.blocs(list(reversed(news_claims))).summary == result.summary
    assert "Found 2 blocs (1: BLR, HUN, POL, RUS; 2: DEU, FRA, IGO:NATO, UKR)" in (
        result.explanation)


def test_balance_of_the_news(news_claims):
    result = analytics.balance(news_claims)
    assert [(r["a"], r["b"], r["c"], r["pattern"], r["balanced"]) for r in result.rows] == [
        ("DEU", "FRA", "IGO:NATO", "+++", True),
        ("DEU", "FRA", "RUS", "+--", True),   # France and Germany against Russia
        ("DEU", "POL", "UKR", "++-", False),  # Poland criticises Germany, both back Ukraine
        ("DEU", "RUS", "UKR", "+--", True),   # the enemy of my enemy is my friend
    ]
    assert result.rows[1]["reading"] == (
        "two friends share an enemy (the enemy of my enemy is my friend)")
    assert result.summary == {"triads": 4, "balanced": 3, "share_balanced": 0.75}


def test_brokers_of_the_news(news_claims):
    result = analytics.brokers(news_claims)
    # The cooperation graph is a chain BLR–RUS–HUN–POL | UKR–DEU–{FRA, NATO}, cut into two blocs
    # between Poland and Ukraine; of the 16 pairs of actors in different blocs, 12 go through
    # Poland and 12 through Ukraine, 8 through Hungary and Germany, 4 through Russia.
    assert [(r["actor"], r["bloc"], r["cross_bloc_betweenness"], r["blocs_reached"])
            for r in result.rows] == [
        ("POL", 1, 0.75, "2"),
        ("UKR", 2, 0.75, "1"),
        ("DEU", 2, 0.5, ""),
        ("HUN", 1, 0.5, ""),
        ("RUS", 1, 0.25, ""),
        ("BLR", 1, 0.0, ""),
        ("FRA", 2, 0.0, ""),
        ("IGO:NATO", 2, 0.0, ""),
    ]
    rows = {r["actor"]: r for r in result.rows}
    pol_hun, pol_ukr = net(news_claims, "POL", "HUN"), net(news_claims, "POL", "UKR")
    share = pol_hun / (pol_hun + pol_ukr)
    assert rows["POL"]["participation"] == round(1 - share**2 - (1 - share) ** 2, 4)
    assert rows["RUS"]["participation"] == 0.0  # all its friends are in its own bloc
    assert result.explanation.endswith("The leading broker is Poland (POL).")


def test_centrality_of_the_news(news_claims):
    result = analytics.centrality(news_claims)
    assert sorted(r["actor"] for r in result.rows) == ["BLR", "DEU", "FRA", "HUN", "POL",
                                                       "RUS", "UKR"]
    by_betweenness = sorted(result.rows, key=lambda r: -r["betweenness"])
    assert [r["actor"] for r in by_betweenness[:2]] == ["RUS", "DEU"]


def test_empty_store_analyses_say_so():
    for name, function in analytics.ANALYSES.items():
        result = function([])
        assert result.rows == [], name
        assert "no factual relations" in result.explanation


# -- the command line -----------------------------------------------------------------------


def test_analyze_command_prints_explanation_then_table(seed_claims):
    result = run("analyze", "balance")
    assert result.exit_code == 0
    text, table = result.stdout.split("\n\n", 1)
    assert text.startswith("Structural balance reads each dyad")
    assert text.replace("\n", " ").endswith("1 of 2 triads is balanced (share 0.5).")
    lines = table.splitlines()
    assert lines[0].split() == analytics.BALANCE_COLUMNS
    assert lines[2].split()[:5] == ["CHN", "IGO:UNHRC", "RUS", "3.5", str(
        net(seed_claims, "CHN", "RUS")).removesuffix(".0")]
    assert "++-" in lines[3] and "false" in lines[3]


@pytest.mark.parametrize("analysis", ["centrality", "blocs", "balance", "brokers"])
def test_analyze_json_is_the_rows(seed_claims, analysis):
    result = run("analyze", analysis, "--format", "json")
    assert result.exit_code == 0
    expected = analytics.ANALYSES[analysis](seed_claims)
    assert json.loads(result.stdout) == [{c: r[c] for c in expected.columns}
                                         for r in expected.rows]
    assert expected.explanation in result.stderr  # kept off stdout so the JSON parses


def test_analyze_csv_and_weight(seed_claims):
    result = run("analyze", "centrality", "--format", "csv", "--weight", "count")
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(analytics.CENTRALITY_COLUMNS)
    assert [line.split(",")[1] for line in lines[1:]] == ["RUS", "CHN", "USA", "IND"]
    assert "one per claim" in result.stderr


def test_analyze_rejects_unknown_analysis():
    result = CliRunner().invoke(main, ["analyze", "cliques"])
    assert result.exit_code == 2
    assert "cliques" in result.output
