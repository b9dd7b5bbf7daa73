"""Export in every RDF format, import into an empty store: the same dataset, the same answers.

The seed article and two small articles (English and Spanish news sentences, read from JSONL
with their URLs) are ingested through the CLI, exported, and imported under a fresh
GEOKG_HOME. Dataset formats must give back every graph with its name; Turtle, which has no
named graphs, must give back the union graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from geokg.cli import main
from geokg.graph.rdf_store import RdfStore
from geokg.queries.catalog import catalog
from tests.conftest import SEED

ARTICLES = [
    {"id": "en-1", "lang": "en", "url": "https://news.example/en/japan-india-pact",
     "text": "Japan and India sign defence pact\n\n12 March 2021\n\n"
             "Tokyo - Japan signed a defence agreement with India on Friday, officials said.\n"
             "The two countries will hold joint military exercises next year.\n"
             "Japan also criticized China over its activities in the East China Sea."},
    {"id": "es-1", "lang": "es", "url": "https://news.example/es/brasil-argentina",
     "text": "Brasil y Argentina amplían su comercio\n\n4 de mayo de 2022\n\n"
             "Brasil firmó un acuerdo comercial con Argentina el martes.\n"
             "Argentina no sancionará a Brasil, dijo el ministro.\n"
             "Francia condenó a Rusia por el ataque."},
]
FORMATS = {"trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld", "turtle": ".ttl"}


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def source_home(tmp_path: Path, geokg_home: Path) -> Path:
    records = tmp_path / "articles.jsonl"
    records.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                       encoding="utf-8")
    out = run("ingest", str(SEED), str(records)).output
    assert out.startswith("articles: 3 new, 0 unchanged, 0 failed")
    return geokg_home


def quads(home: Path) -> Dataset:
    dataset = Dataset()
    with RdfStore(home / "store") as store:
        dataset.parse(data=store.export("nquads"), format="nquads")
    return dataset


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def parameter_sets(home: Path) -> list[dict[str, str]]:
    """Actor and relation values taken from the stored claims, so every query has answers
    to compare; parameters of other kinds get a fixed value."""
    with RdfStore(home / "store") as store:
        claims = store.claims(factual_only=False)
    picks = [claims[0], claims[len(claims) // 2], claims[-1]]
    sets = []
    for claim in picks:
        for relation in (claim["relation"], claim["plover"] or claim["relation"]):
            sets.append({"actors": [claim["source"], claim["target"], claim["source"]],
                         "relation": relation})
    return sets


def answers(home: Path, sets: list[dict]) -> dict[tuple, list]:
    out = {}
    with RdfStore(home / "store") as store:
        for name, query in catalog().items():
            for k, values in enumerate(sets):
                actors = iter(values["actors"])
                params = {}
                for p in query.params:
                    if p.kind == "actor":
                        params[p.name] = next(actors)
                    elif p.kind == "relation":
                        params[p.name] = values["relation"]
                    elif p.kind == "date":
                        params[p.name] = "2020-01-01"
                    elif p.kind == "int":
                        params[p.name] = "10"
                    else:
                        params[p.name] = "a"
                out[(name, k)] = store.run_canned(name, params)
    return out


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_import_round_trip(fmt: str, source_home: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch):
    exported = tmp_path / f"export{FORMATS[fmt]}"
    run("export", "--format", fmt, "-o", str(exported))
    assert exported.stat().st_size > 0
    original = quads(source_home)

    target_home = tmp_path / "imported-home"
    monkeypatch.setenv("GEOKG_HOME", str(target_home))
    result = run("import", str(exported))
    assert result.output.startswith("imported ") and f"statements from {exported}" in result.output
    imported = quads(target_home)

    if fmt == "turtle":
        # No named graphs in Turtle: everything lands in one graph named by the file's URI.
        assert {g.identifier for g in imported.graphs()} >= {URIRef(exported.resolve().as_uri())}
        assert isomorphic(union(original), union(imported))
        return

    names = {g.identifier for g in original.graphs() if len(g)}
    assert names == {g.identifier for g in imported.graphs() if len(g)}
    assert len(names) == 4  # three articles and the actors graph
    for name in names:
        assert isomorphic(original.graph(name), imported.graph(name)), name
    # Canonical N-Quads (no blank nodes here, so the sorted lines are canonical).
    with RdfStore(source_home / "store") as a, RdfStore(target_home / "store") as b:
        assert sorted(a.export("nquads").splitlines()) == sorted(b.export("nquads").splitlines())

    sets = parameter_sets(source_home)
    before, after = answers(source_home, sets), answers(target_home, sets)
    assert before == after
    assert any(rows for rows in before.values())


def test_importing_twice_changes_nothing(source_home: Path, tmp_path: Path):
    exported = tmp_path / "export.trig"
    run("export", "-o", str(exported))
    with RdfStore(source_home / "store") as store:
        before = store.export("nquads")
    run("import", str(exported))
    with RdfStore(source_home / "store") as store:
        assert sorted(store.export("nquads").splitlines()) == sorted(before.splitlines())


def test_export_to_stdout_is_the_same_as_to_a_file(source_home: Path, tmp_path: Path):
    exported = tmp_path / "export.nq"
    run("export", "--format", "nquads", "-o", str(exported))
    stdout = run("export", "--format", "nquads").stdout_bytes
    assert sorted(stdout.splitlines()) == sorted(exported.read_bytes().splitlines())


def test_a_broken_file_imports_nothing_and_says_where(tmp_path: Path, geokg_home: Path):
    bad = tmp_path / "bad.trig"
    bad.write_text('<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> "open\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {bad}: not valid trig (Parser error")
    assert result.output.count("\n") == 1
    with RdfStore(geokg_home / "store") as store:
        assert store.export("nquads") == ""  # all or nothing: the good first line is not kept


def test_unknown_extension_and_missing_directory_are_clear_errors(tmp_path: Path):
    odd = tmp_path / "data.txt"
    odd.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(odd)])
    assert (result.exit_code, result.output) == (2, f"error: {odd}: unknown RDF format; "
                                                    "give --format\n")
    missing = tmp_path / "no" / "such" / "out.trig"
    result = CliRunner().invoke(main, ["export", "-o", str(missing)])
    assert (result.exit_code, result.output) == (
        2, f"error: {missing}: no such directory {missing.parent}\n")
