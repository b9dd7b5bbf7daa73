"""Every canned query answers the same on the embedded store (SPARQL) and on Neo4j (Cypher).

The same articles are ingested into a temporary RdfStore and into the real Neo4j test server;
every query of the catalog is then asked with many parameter values on both. The catalog is
iterated, so a query added later is checked too (and fails here until it has a Cypher form and
sample values for its parameter kinds)."""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore
from geokg.graph.rdf_store import RdfStore
from geokg.ingest.batch import ingest_documents
from geokg.ingest.sources import Reader
from geokg.queries.catalog import catalog
from tests.conftest import SEED

pytestmark = pytest.mark.neo4j

# Short general news in English and Indonesian: cooperation and conflict, both directions,
# a symmetric relation, an intended, a negated and a hypothetical one, an IGO, a repeated
# edge (Russia sells arms to India, as in the seed) and an article without a date.
ARTICLES = [
    {"id": "border-pact", "lang": "en", "date": "2021-03-12", "text":
        "Indonesia and Malaysia signed an agreement on border security on Friday. Indonesia "
        "also criticized China over fishing near the Natuna islands. Japan offered aid to "
        "Indonesia after the floods."},
    {"id": "arms-sales", "lang": "en", "date": "2021-04-03", "text":
        "Russia sold arms to India again this year, officials said. The United States imposed "
        "sanctions on Russia. China and Russia held a joint exercise in the Pacific. India "
        "will not buy weapons from the United States, the minister said."},
    {"id": "energi", "lang": "id", "date": "2021-05-20", "text":
        "Presiden Joko Widodo mengatakan Indonesia akan bekerja sama dengan Australia di "
        "bidang energi. Tiongkok mengecam Amerika Serikat atas sanksi baru. Rusia menjual "
        "senjata ke India."},
    {"id": "brussels", "lang": "en", "text":
        "The European Union condemned Russia for the attack. Germany and France met in Paris "
        "to discuss trade with China. Turkey may impose sanctions on Greece, analysts said."},
]

# Sample values per parameter kind; a new kind fails the test until it is given some here.
SAMPLES = {
    "actor": ["CHN", "RUS", "IND", "USA", "IDN", "IGO:UNHRC", "DEU"],
    # (APPEAL: CAMEO's 02, the types with no PLOVER category)
    "relation": ["SELLS_ARMS_TO", "COOPERATES_WITH", "CRITICIZES", "AGREE", "SANCTIONS",
                 "TRADES_WITH", "MEETS", "APPEAL"],
    # Canonical values, as CannedQuery.bind makes them: a period is its date prefix length.
    "period": [7, 4],
    "date": ["2019-12-31", "2021-04-01"],
    "int": [1, 2, 3],
    "quad": ["all", "conflict", "cooperation"],
}


def write_articles(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                    encoding="utf-8")
    return path


def ingest(store, inputs: list[Path]) -> None:
    summary = ingest_documents(store, Reader().read([str(p) for p in inputs]))
    assert summary.failed == 0, summary.failures


@contextlib.contextmanager
def filled_stores(bolt_uri: str, folder: Path, inputs: list[Path]
                  ) -> Iterator[tuple[RdfStore, Neo4jStore]]:
    """`inputs` ingested into a new RdfStore under `folder` and into an emptied Neo4j."""
    driver = neo4j.GraphDatabase.driver(bolt_uri, auth=None)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    rdf = RdfStore(folder / "store")
    graph = Neo4jStore(Neo4jConfig(bolt_uri), driver=driver)
    try:
        ingest(rdf, inputs)
        ingest(graph, inputs)
        yield rdf, graph
    finally:
        rdf.close()
        driver.execute_query("MATCH (n) DETACH DELETE n")
        driver.close()


@pytest.fixture(scope="module", params=["seed", "multi"])
def stores(request, neo4j_server, tmp_path_factory) -> Iterator[tuple[RdfStore, Neo4jStore]]:
    """The same data in both stores: the seed article alone, or the seed plus ARTICLES."""
    folder = tmp_path_factory.mktemp(f"parity-{request.param}")
    inputs = [SEED] if request.param == "seed" else [SEED, write_articles(folder)]
    with filled_stores(neo4j_server.bolt_uri, folder, inputs) as both:
        yield both


def parameter_sets(query, samples: dict[str, list] = SAMPLES) -> list[dict[str, Any]]:
    for p in query.params:
        assert p.kind in samples, f"add sample values for parameter kind {p.kind!r}"
    # An optional parameter is also tried absent (None: unbound in SPARQL, null in Cypher).
    values = [samples[p.kind] + ([None] if p.optional else []) for p in query.params]
    return [dict(zip([p.name for p in query.params], combo, strict=True))
            for combo in itertools.product(*values)]


def test_both_stores_hold_the_same_claims(stores) -> None:
    rdf, graph = stores
    assert graph.stats() == rdf.stats()
    assert graph.claims(factual_only=False) == rdf.claims(factual_only=False)
    assert graph.claims() == rdf.claims()


@pytest.mark.parametrize("name", sorted(catalog()))
def test_query_answers_the_same_on_both_stores(stores, name: str) -> None:
    rdf, graph = stores
    query = catalog()[name]
    assert query.cypher.strip(), f"query {name} has no Cypher form"
    answered = 0
    answered_without: set[str] = set()
    for params in parameter_sets(query):
        expected = rdf.run_canned(name, params)
        got = graph.run_canned(name, params)
        assert got == expected, f"{name} {params}"
        assert all(list(row) == list(query.columns) for row in got)
        answered += bool(expected)
        if expected:
            answered_without.update(k for k, v in params.items() if v is None)
    # Parity on empty answers only would prove nothing.
    assert answered, f"{name}: no parameter value gave any row"
    optional = {p.name for p in query.params if p.optional}
    missing = optional - answered_without
    assert not missing, f"{name}: no rows with {missing} absent"


def test_multi_article_answers_are_what_the_articles_say(stores) -> None:
    rdf, graph = stores
    rows = graph.run_canned("evidence", {"source": "RUS", "relation": "SELLS_ARMS_TO",
                                         "target": "IND"})
    if rdf.stats()["articles"] == 1:  # the seed alone
        assert len(rows) == 1
        return
    # The seed, the English and the Indonesian article all say it; by date, then article.
    assert [r["date"] for r in rows] == ["2020-10-15", "2021-04-03", "2021-05-20"]
    adversaries = graph.run_canned("adversaries", {"actor": "RUS"})
    assert {r["adversary"] for r in adversaries} >= {"USA", "IGO:EU"}
    # The negated and the hypothetical relation are stored but never counted as facts.
    assert not graph.run_canned("who", {"relation": "BUYS_ARMS_FROM", "actor": "USA"})
    assert graph.run_canned("evidence", {"source": "IND", "relation": "BUYS_ARMS_FROM",
                                         "target": "USA"})[0]["modality"] == "negated"
