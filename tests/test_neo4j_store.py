"""The Neo4j store on the real test server: schema, loading, idempotence, the CLI commands."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph import ontology
from geokg.graph.neo4j_schema import (
    CONSTRAINT_NAMES,
    GRASS_FILE,
    INDEX_NAMES,
    WHY_QUERY,
    checked_type,
    grass,
)
from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore
from geokg.graph.rdf_store import RdfStore
from geokg.graph.transfer import article_rows
from geokg.ingest.batch import ingest_documents
from geokg.ingest.pipeline import extract_article
from geokg.ingest.sources import Reader, read_text_file
from tests.conftest import SEED

WRITE_REFUSED = "error: this query writes to the graph; it runs only with --write\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def store(neo4j_server, neo4j_driver) -> Neo4jStore:
    return Neo4jStore(Neo4jConfig(neo4j_server.bolt_uri), driver=neo4j_driver)


@pytest.fixture
def seed():
    result = extract_article(read_text_file(SEED))
    return result.article, result.relations


@pytest.fixture
def neo4j_env(neo4j_server, neo4j_driver, monkeypatch):
    """The CLI pointed at the test server (auth disabled: no user, no password)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server.bolt_uri)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    return neo4j_server


def counts(store: Neo4jStore) -> tuple[dict[str, int], int]:
    return store.stats(), store.relationship_count()


# ------------------------------------------------------------------------------ schema


def test_schema_has_the_constraints_and_indexes(store, neo4j_driver) -> None:
    store.ensure_schema()
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    constraints = {r["name"]: r for r in records}
    for name, label in zip(CONSTRAINT_NAMES, ("Actor", "Article", "Claim"), strict=True):
        assert constraints[name]["type"] == "UNIQUENESS"
        assert constraints[name]["labelsOrTypes"] == [label]
        assert constraints[name]["properties"] == ["id"]
    records, _, _ = neo4j_driver.execute_query("SHOW INDEXES YIELD name, properties, state")
    indexes = {r["name"]: r for r in records}
    for name, prop in zip(INDEX_NAMES, ("relation", "modality", "date", "url", "origin"),
                          strict=True):
        assert indexes[name]["properties"] == [prop]
        assert indexes[name]["state"] == "ONLINE"


def test_relationship_types_are_checked_before_they_reach_cypher() -> None:
    assert checked_type("SELLS_ARMS_TO") == "SELLS_ARMS_TO"
    for bad in ("sells_arms_to", "SELLS_ARMS_TO]->() DETACH DELETE n //", "NOT_A_TYPE", ""):
        with pytest.raises(ValueError):
            checked_type(bad)


# ------------------------------------------------------------------------------ loading


def test_add_article_stores_the_seed_once(store, seed) -> None:
    article, relations = seed
    assert not store.has_article(article.id)
    assert store.add_article(article, relations) is True
    assert store.has_article(article.id)
    actors = {a for r in relations for a in (r.source, r.target)}
    assert store.stats() == {"articles": 1, "actors": len(actors), "relations": len(relations)}
    assert store.add_article(article, relations) is False  # like the RDF store


def test_loading_twice_changes_no_count(store, seed) -> None:
    store.add_articles([seed])
    first = counts(store)
    assert store.add_articles([seed, seed]) == [False, False]
    assert counts(store) == first
    # What a retried transaction does: every statement again, stored articles included.
    from geokg.graph.neo4j_store import ArticleRows, actor_row, article_row, claim_row

    article, relations = seed
    again = ArticleRows(article_row(article, "2000-01-01T00:00:00+00:00"),
                        [actor_row(a, store.registry)
                         for a in sorted({x for r in relations for x in (r.source, r.target)})],
                        [claim_row(r) for r in relations])
    assert store.write_rows([again], skip_existing=False) == [True]
    assert counts(store) == first
    mentions = store.read("MATCH (:Actor {id:'RUS'})-[r:SELLS_ARMS_TO]->(:Actor {id:'IND'}) "
                          "RETURN r.mentions AS n, r.claims AS claims")
    assert mentions == [{"n": 1, "claims": [r.id for r in relations
                                             if r.relation == "SELLS_ARMS_TO"]}]


def test_aggregated_relationships_sum_up_factual_claims(store, seed) -> None:
    article, relations = seed
    store.add_article(article, relations)
    factual = {(r.source, r.relation, r.target) for r in relations
               if r.modality in ("asserted", "intended")}
    rows = store.read("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS a, type(r) AS t, b.id AS b, "
                      "r.modality AS modality, r.mentions AS mentions, r.claims AS claims")
    assert {(r["a"], r["t"], r["b"]) for r in rows} == factual  # one per key, never negated
    by_key = {(r["a"], r["t"], r["b"]): r for r in rows}
    # Asserted wins over intended; intended-only stays intended.
    assert by_key["CHN", "COOPERATES_WITH", "RUS"]["modality"] == "asserted"
    assert by_key["RUS", "OPPOSES", "USA"]["modality"] == "intended"
    coop = [r for r in relations if (r.source, r.relation, r.target) == ("CHN",
                                                                       "COOPERATES_WITH", "RUS")]
    assert by_key["CHN", "COOPERATES_WITH", "RUS"]["mentions"] == len(coop)
    assert by_key["CHN", "COOPERATES_WITH", "RUS"]["claims"] == sorted(r.id for r in coop)
    rel = store.read("MATCH (:Actor {id:'RUS'})-[r:SELLS_ARMS_TO]->() RETURN r {.*} AS r")[0]["r"]
    rt = ontology.get("SELLS_ARMS_TO")
    assert (rel["plover"], rel["cameo"], rel["quad"], rel["goldstein"]) == (
        rt.plover, rt.cameo, rt.quad, rt.goldstein)
    assert rel["first_seen"] == rel["last_seen"] == "2020-10-15"
    assert rel["confidence"] == pytest.approx(0.9)


def test_why_query_returns_the_arms_sale_sentence(store, seed) -> None:
    store.add_articles([seed])
    rows = store.read(WHY_QUERY)
    assert len(rows) == 1
    assert "penjualan senjata ke India" in rows[0]["c.sentence"]
    assert rows[0]["c.date"] == "2020-10-15"


def test_load_copies_the_embedded_store(store, tmp_path) -> None:
    rdf = RdfStore(tmp_path / "store")
    try:
        ingest_documents(rdf, Reader().read([str(SEED)]))
        items = list(article_rows(rdf))
        assert store.write_rows(items) == [True]
        assert store.write_rows(items) == [False]
        assert store.stats() == rdf.stats()
        assert store.claims(factual_only=False) == rdf.claims(factual_only=False)
        article = store.read("MATCH (a:Article) RETURN a {.*} AS a")[0]["a"]
        assert article["language"] == "id" and article["date"] == "2020-10-15"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", article["ingested_at"])
    finally:
        rdf.close()


# ------------------------------------------------------------------------------ CLI


def test_cli_ingest_query_and_stats_on_neo4j(neo4j_env) -> None:
    result = run("ingest", str(SEED), "--store", "neo4j")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 1 new, 0 unchanged, 0 failed; relations added: ")
    again = run("ingest", str(SEED), "--store", "neo4j")
    assert "articles: 0 new, 1 unchanged" in again.output
    # NEO4J_URI is set, so neo4j is the default; the embedded store stayed empty.
    assert run("stats", "--format", "json").output.strip().startswith('{"articles": 1, ')
    assert json.loads(run("stats", "--store", "embedded", "--format", "json").output) == {
        "articles": 0, "actors": 0, "relations": 0}
    partners = json.loads(run("query", "partners", "China", "--store", "neo4j",
                              "--format", "json").output)
    assert partners[0]["partner"] == "RUS" and partners[0]["last_seen"] == "2020-10-15"


def test_cli_load_then_same_answers(neo4j_env) -> None:
    run("ingest", str(SEED), "--store", "embedded")
    result = run("load")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 1 new, 0 unchanged; relations added: ")
    assert run("load").output.startswith("articles: 0 new, 1 unchanged; relations added: 0")
    for name, args in (("partners", ["CHN"]), ("relations", ["RUS", "IND"]),
                       ("evidence", ["RUS", "SELLS_ARMS_TO", "IND"])):
        embedded = run("query", name, *args, "--store", "embedded").output
        assert run("query", name, *args, "--store", "neo4j").output == embedded


def test_cli_cypher_refuses_a_write_without_write(neo4j_env) -> None:
    result = CliRunner().invoke(main, ["cypher", "CREATE (:Actor {id: 'XXX'})"])
    assert result.exit_code == 2
    assert result.output == WRITE_REFUSED
    assert run("cypher", "MATCH (n) RETURN count(n) AS n").output == "n\n-\n0\n"


def test_cli_cypher_counts_and_writes_with_write(neo4j_env) -> None:
    assert run("cypher", "MATCH (n) RETURN count(n) AS n").output == "n\n-\n0\n"
    result = run("cypher", "CREATE (a:Probe {id: $id, n: $n}) RETURN a.id AS id, a.n AS n",
                 "--param", "id=P1", "--param", "n=41", "--write")
    assert result.exit_code == 0, result.output
    assert result.output == "id  n\n--  --\nP1  41\n"
    assert run("cypher", "MATCH (n) RETURN count(n) AS n").output == "n\n-\n1\n"


def test_cli_cypher_binds_params_as_values(neo4j_env) -> None:
    result = run("cypher", "RETURN $a + 1 AS a, $b * 2 AS b, $c AS c, $d AS d",
                 "--param", "a=41", "--param", "b=1.25", "--param", "c=CHN",
                 "--param", "d=x' OR 1=1", "--format", "json")
    assert json.loads(result.output) == [{"a": 42, "b": 2.5, "c": "CHN", "d": "x' OR 1=1"}]


def test_cli_cypher_returns_paths_as_json(neo4j_env) -> None:
    run("ingest", str(SEED), "--store", "neo4j")
    result = run("cypher", "MATCH p=(:Actor {id:'RUS'})-[:SELLS_ARMS_TO]->(:Actor) RETURN p",
                 "--format", "json")
    path = json.loads(result.output)[0]["p"]
    assert [n["name"] for n in path["nodes"]] == ["Russia", "India"]
    assert path["relationships"][0]["_type"] == "SELLS_ARMS_TO"


def test_cli_cypher_reports_syntax_errors(neo4j_env) -> None:
    result = CliRunner().invoke(main, ["cypher", "MATC (n) RETURN n"])
    assert result.exit_code == 2
    assert result.output.startswith("error: Cypher: Invalid input 'MATC'")


def test_unreachable_neo4j_fails_in_one_line_without_the_password(monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # the discard port: nothing listens
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert "s3cret-pw" not in result.output
    assert "s3cret-pw" not in repr(Neo4jConfig.from_env())


def test_store_default_follows_neo4j_uri(monkeypatch) -> None:
    from geokg.stores import default_store_kind

    assert default_store_kind() == "embedded"
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
    assert default_store_kind() == "neo4j"
    cfg = Neo4jConfig.from_env()
    assert cfg.uri == "neo4j+s://example.databases.neo4j.io" and cfg.auth is None


# ------------------------------------------------------------------------------ Browser


def test_grass_file_is_generated_from_the_ontology() -> None:
    assert GRASS_FILE.read_text(encoding="utf-8") == grass(), \
        "run: python -m geokg.graph.neo4j_schema"
    for name, rt in ontology.relation_types().items():
        block = re.search(r"relationship\." + name + r" \{([^}]*)\}", grass()).group(1)
        colour = re.search(r"color: (#\w+);", block).group(1)
        if rt.quad.endswith("cooperation"):
            assert colour in ("#6DCE9E", "#2E9E5B"), name  # greens
        elif rt.quad.endswith("conflict"):
            assert colour in ("#F16667", "#C0262D"), name  # reds
    for label in ("State", "IGO", "Person"):
        assert re.search(r"node\." + label + r' \{[^}]*caption: "\{name\}"', grass())


def test_cli_browser_prints_url_style_and_queries(monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://graph.example.org:7687")
    out = run("browser").output
    assert "Neo4j Browser: http://graph.example.org:7474/browser/" in out
    assert str(GRASS_FILE) in out and ":style" in out
    assert ":param actor => 'CHN'" in out and WHY_QUERY in out
    assert "http://other:1234/browser/" in run("browser", "--url",
                                               "http://other:1234/browser/").output


def test_articles_are_found_by_url(neo4j_server, neo4j_driver) -> None:
    from geokg.graph.model import Article

    store = Neo4jStore(Neo4jConfig(neo4j_server.bolt_uri), driver=neo4j_driver)
    article = Article(id="a1", text="x", language="en", url="https://example.org/news/1")
    assert store.add_article(article, []) is True
    assert store.has_url("https://example.org/news/1") is True
    assert store.has_url("https://example.org/news/2") is False
