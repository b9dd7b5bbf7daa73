"""Every canned query and every analysis answers the same on both stores, on real articles.

The graph is built from real news: the seed and the saved web pages of the dev set
(`../shared/eval/dev/html`, read from there, never copied), in six languages. Parameters are
taken from the graph itself (its busiest actors and relation types, dates around its claims), so
the comparison is over answers that have rows, not over empty ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from geokg.graph.analytics import ANALYSES
from geokg.graph.neo4j_store import Neo4jStore
from geokg.graph.rdf_store import RdfStore
from geokg.queries.catalog import catalog
from tests.conftest import SEED
from tests.test_queries_parity import filled_stores, parameter_sets

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def real_stores(neo4j_server, tmp_path_factory) -> Iterator[tuple[RdfStore, Neo4jStore]]:
    from tests.conftest import SHARED

    pages = SHARED / "eval" / "dev" / "html"
    if not pages.is_dir():
        pytest.skip(f"no dev pages at {pages} (only in the developers' workspace)")
    folder: Path = tmp_path_factory.mktemp("real-parity")
    # The same inputs, read twice: the page reader must not depend on earlier reads.
    with filled_stores(neo4j_server.bolt_uri, folder, [SEED, pages]) as both:
        yield both


def samples(claims: list[dict]) -> dict[str, list]:
    """Parameter values per kind, from the graph: its busiest actors and relation types."""
    actors = Counter(c[side] for c in claims for side in ("source", "target"))
    relations = Counter(c["relation"] for c in claims)
    categories = Counter(c["plover"] for c in claims if c["plover"])
    dates = sorted({c["date"][:10] for c in claims if c.get("date")})
    return {
        "actor": [a for a, _ in actors.most_common(5)],
        "relation": [r for r, _ in relations.most_common(3)]
                    + [p for p, _ in categories.most_common(2)],
        "period": [7, 4],
        "date": [dates[0], dates[len(dates) // 2]],
        "int": [1, 2],
        "quad": ["all", "conflict", "cooperation"],
    }


def test_the_real_graph_is_big_enough_to_compare(real_stores) -> None:
    rdf, graph = real_stores
    assert graph.stats() == rdf.stats()
    stats = rdf.stats()
    assert stats["articles"] >= 10 and stats["relations"] >= 40, stats
    assert graph.claims(factual_only=False) == rdf.claims(factual_only=False)


@pytest.mark.parametrize("name", sorted(catalog()))
def test_query_answers_the_same_on_real_articles(real_stores, name: str) -> None:
    rdf, graph = real_stores
    query = catalog()[name]
    answered = 0
    for params in parameter_sets(query, samples(rdf.claims())):
        expected = rdf.run_canned(name, params)
        assert graph.run_canned(name, params) == expected, f"{name} {params}"
        answered += bool(expected)
    assert answered, f"{name}: no parameter value gave any row"


@pytest.mark.parametrize("analysis", sorted(ANALYSES))
def test_analysis_answers_the_same_on_real_articles(real_stores, analysis: str) -> None:
    rdf, graph = real_stores
    embedded, neo = ANALYSES[analysis](rdf.claims()), ANALYSES[analysis](graph.claims())
    assert neo.rows == embedded.rows
    assert neo.explanation == embedded.explanation
    assert embedded.rows, f"{analysis} found nothing on the real articles"
