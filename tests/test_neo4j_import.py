"""`neo4j-admin database import` files from the embedded store: headers, counts, values, and
the same aggregated relationships as the Bolt store writes.

The real `neo4j-admin` is not run: the test server (tests/neo4j_server.py) is an embedded
harness built with Maven, not a server distribution, and has no admin tool. The comparison
with the Bolt store (marked neo4j) checks that the files hold the graph geokg writes."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import pytest

from geokg.graph.model import FACTUAL_MODALITIES
from geokg.graph.neo4j_import import import_command, import_instructions, write_neo4j_import
from geokg.graph.rdf_store import RdfStore
from geokg.ingest.pipeline import extract_article
from geokg.ingest.sources import read_text_file
from tests.conftest import SEED

HEADERS = {
    "actors.csv": ["id:ID(Actor)", "name", "qid", "kind", ":LABEL"],
    "articles.csv": ["id:ID(Article)", "title", "date", "language", "url", "source",
                     "ingested_at", ":LABEL"],
    "claims.csv": ["id:ID(Claim)", "relation", "modality", "confidence:float",
                   "symmetric:boolean", "plover", "cameo", "cameo_root", "quad",
                   "goldstein:float", "sentence", "start:int", "end:int", "date", "language",
                   "extractor", "trigger", ":LABEL"],
    "claim_source.csv": [":START_ID(Claim)", ":END_ID(Actor)", ":TYPE"],
    "claim_target.csv": [":START_ID(Claim)", ":END_ID(Actor)", ":TYPE"],
    "claim_article.csv": [":START_ID(Claim)", ":END_ID(Article)", ":TYPE"],
    "relations.csv": [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "plover", "cameo",
                      "cameo_root", "goldstein:float", "quad", "modality", "confidence:float",
                      "first_seen", "last_seen", "mentions:int", "claims:string[]"],
}


@pytest.fixture
def seed():
    result = extract_article(read_text_file(SEED), source=str(SEED))
    return result.article, result.relations


@pytest.fixture
def files(tmp_path: Path, seed) -> dict[str, list[dict[str, str]]]:
    with RdfStore(tmp_path / "store") as store:
        store.add_article(*seed)
        paths = write_neo4j_import(store, tmp_path / "import")
    assert [p.name for p in paths] == list(HEADERS)
    out = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == HEADERS[path.name], path.name
        out[path.name] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return out


def test_counts_match_the_store(files, seed):
    article, relations = seed
    assert [r["id:ID(Article)"] for r in files["articles.csv"]] == [article.id]
    assert files["articles.csv"][0][":LABEL"] == "Article"
    assert sorted(r["id:ID(Claim)"] for r in files["claims.csv"]) == sorted(r.id for r in relations)
    for name in ("claim_source.csv", "claim_target.csv", "claim_article.csv"):
        assert len(files[name]) == len(relations)
    actors = {x for r in relations for x in (r.source, r.target)}
    assert {r["id:ID(Actor)"] for r in files["actors.csv"]} == actors
    factual = {(r.source, r.relation, r.target) for r in relations
               if r.modality in FACTUAL_MODALITIES}
    typed = {(r[":START_ID(Actor)"], r[":TYPE"], r[":END_ID(Actor)"])
             for r in files["relations.csv"]}
    assert typed == factual


def test_values_and_links(files, seed):
    article, relations = seed
    by_id = {r.id: r for r in relations}
    for row in files["claims.csv"]:
        rel = by_id[row["id:ID(Claim)"]]
        assert row["relation"] == rel.relation and row["modality"] == rel.modality
        assert float(row["confidence:float"]) == rel.confidence
        assert row["symmetric:boolean"] == ("true" if rel.symmetric else "false")
        assert (int(row["start:int"]), int(row["end:int"])) == (rel.evidence.start,
                                                                rel.evidence.end)
        assert row["sentence"] == rel.evidence.sentence
        assert row[":LABEL"] == "Claim"
    for row in files["claim_source.csv"]:
        assert row[":END_ID(Actor)"] == by_id[row[":START_ID(Claim)"]].source
        assert row[":TYPE"] == "SOURCE"
    for row in files["claim_article.csv"]:
        assert (row[":END_ID(Article)"], row[":TYPE"]) == (article.id, "IN_ARTICLE")
    labels = {r["id:ID(Actor)"]: r[":LABEL"].split(";") for r in files["actors.csv"]}
    assert labels["RUS"] == ["Actor", "State"]
    arms = [r for r in files["relations.csv"] if (r[":START_ID(Actor)"], r[":TYPE"],
                                                  r[":END_ID(Actor)"]) ==
            ("RUS", "SELLS_ARMS_TO", "IND")]
    assert len(arms) == 1
    claim_ids = arms[0]["claims:string[]"].split(";")
    assert int(arms[0]["mentions:int"]) == len(claim_ids)
    assert all(by_id[c].relation == "SELLS_ARMS_TO" for c in claim_ids)
    assert arms[0]["last_seen"] == "2020-10-15"


def test_command_is_the_documented_one(tmp_path: Path):
    paths = [tmp_path / name for name in HEADERS]
    command = import_command(paths)
    words = shlex.split(command)
    assert words[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert [w for w in words if w.startswith("--nodes=")] == [
        f"--nodes={tmp_path / n}" for n in ("actors.csv", "articles.csv", "claims.csv")]
    assert len([w for w in words if w.startswith("--relationships=")]) == 4
    assert "--array-delimiter=;" in words
    assert "CREATE CONSTRAINT claim_id" in import_instructions(paths)


def test_files_hold_what_the_bolt_store_writes(tmp_path: Path, seed, neo4j_server,
                                               neo4j_driver):
    from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore

    with RdfStore(tmp_path / "store") as rdf:
        rdf.add_article(*seed)
        paths = write_neo4j_import(rdf, tmp_path / "import")
    Neo4jStore(Neo4jConfig(neo4j_server.bolt_uri), driver=neo4j_driver).add_article(*seed)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS s, type(r) AS t, b.id AS o, "
        "r.mentions AS mentions, r.claims AS claims, r.modality AS modality, "
        "r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen, "
        "r.plover AS plover, r.cameo AS cameo, r.goldstein AS goldstein")
    bolt = {(r["s"], r["t"], r["o"]): r.data() for r in records}
    with (tmp_path / "import" / "relations.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert paths
    assert {(r[":START_ID(Actor)"], r[":TYPE"], r[":END_ID(Actor)"]) for r in rows} == set(bolt)
    for row in rows:
        want = bolt[row[":START_ID(Actor)"], row[":TYPE"], row[":END_ID(Actor)"]]
        assert int(row["mentions:int"]) == want["mentions"]
        assert row["claims:string[]"].split(";") == want["claims"]
        assert row["modality"] == want["modality"]
        assert float(row["confidence:float"]) == want["confidence"]
        assert (row["first_seen"] or None, row["last_seen"] or None) == (
            want["first_seen"], want["last_seen"])
        assert (row["plover"], row["cameo"], float(row["goldstein:float"])) == (
            want["plover"], want["cameo"], want["goldstein"])
