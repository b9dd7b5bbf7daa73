"""`geokg export --format graphml|gexf|neo4j-import`: the graph for Gephi and for bulk loads."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import SEED


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_graphml_and_gexf_hold_the_seed_graph(tmp_path: Path):
    assert run("ingest", str(SEED)).exit_code == 0
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"seed.{fmt}"
        result = run("export", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        graph = reader(out)
        assert set(graph.nodes) == {"CHN", "RUS", "USA", "IND", "IGO:UNHRC"}
        edge = graph.edges["RUS", "IND"]
        assert edge["relations"] == "SELLS_ARMS_TO:1"
        assert "penjualan senjata ke India" in edge["sentence"]
        assert graph.nodes["IGO:UNHRC"]["kind"] == "igo"
        assert result.output == (f"wrote 5 actors and {graph.number_of_edges()} relations "
                                 f"to {out}\n")


def test_neo4j_import_files_and_command(tmp_path: Path):
    run("ingest", str(SEED))
    result = run("export", "--format", "neo4j-import", "-o", str(tmp_path / "import"))
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full neo4j" in result.output
    assert (tmp_path / "import" / "claims.csv").exists()


def test_graph_formats_need_an_output():
    result = run("export", "--format", "gexf")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --format gexf needs -o (a file)"
