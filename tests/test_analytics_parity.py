"""`geokg analyze` and `geokg viz` answer the same on the embedded store and on Neo4j.

The same articles go through `geokg ingest` into the embedded store and, with `--store neo4j`,
into the real Neo4j test server; each analysis is then run through the command line on both and
the outputs compared byte for byte (JSON rows and the table with its explanation), as is the
HTML picture. The analyses must also find something on this graph, so that the comparison is
not between two empty answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import SEED
from tests.test_analytics import write_news
from tests.test_queries_parity import write_articles

pytestmark = pytest.mark.neo4j

ANALYSES = ["centrality", "blocs", "balance", "brokers"]


def run(*args: str, env: dict[str, str]):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def both(neo4j_server, tmp_path_factory) -> Iterator[dict[str, str]]:
    """The seed, the parity articles and the analytics news, in both stores."""
    folder = tmp_path_factory.mktemp("analytics-parity")
    env = {"GEOKG_HOME": str(folder / "home"), "NEO4J_URI": neo4j_server.bolt_uri}
    inputs = [str(SEED), str(write_articles(folder)), str(write_news(folder))]
    driver = neo4j.GraphDatabase.driver(neo4j_server.bolt_uri, auth=None)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    try:
        for store in ("embedded", "neo4j"):
            result = run("ingest", "--store", store, *inputs, env=env)
            assert result.exit_code == 0, result.output
        yield env
    finally:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        driver.close()


@pytest.mark.parametrize("analysis", ANALYSES)
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_analysis_answers_the_same_on_both_stores(both, analysis: str, fmt: str) -> None:
    outputs = {}
    for store in ("embedded", "neo4j"):
        result = run("analyze", analysis, "--store", store, "--format", fmt, env=both)
        assert result.exit_code == 0, result.output
        outputs[store] = result.stdout
    assert outputs["embedded"] == outputs["neo4j"]
    if fmt == "json":
        assert json.loads(outputs["neo4j"]), f"{analysis} found nothing to compare"


def test_centrality_by_count_answers_the_same_on_both_stores(both) -> None:
    outputs = [run("analyze", "centrality", "--weight", "count", "--store", store,
                   "--format", "csv", env=both).stdout for store in ("embedded", "neo4j")]
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("rank,")


@pytest.mark.parametrize("options", [[], ["--ego", "Russia"], ["--since", "2023-03-05"]])
def test_viz_draws_the_same_picture_from_both_stores(both, tmp_path: Path,
                                                     options: list[str]) -> None:
    pages = {}
    for store in ("embedded", "neo4j"):
        out = tmp_path / f"{store}.html"
        result = run("viz", "--store", store, "-o", str(out), *options, env=both)
        assert result.exit_code == 0, result.output
        pages[store] = out.read_text(encoding="utf-8")
    assert pages["embedded"] == pages["neo4j"]
    assert "RUS" in pages["neo4j"]
