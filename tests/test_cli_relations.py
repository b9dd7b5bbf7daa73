"""`geokg relations`: the vocabulary a user types into `query who` and `query evidence`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from geokg.cli import main
from geokg.graph.ontology import relation_types


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_every_relation_type_is_listed_once_with_its_coding() -> None:
    result = run("relations", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["relation"] for r in rows] == list(relation_types())
    by_name = {r["relation"]: r for r in rows}
    assert by_name["SELLS_ARMS_TO"] == {
        "relation": "SELLS_ARMS_TO", "plover": "COOPERATE", "mode": "", "cameo": "062",
        "goldstein": 7.4, "quad": "material_cooperation", "symmetric": False,
        "description": by_name["SELLS_ARMS_TO"]["description"]}


def test_a_category_lists_its_types_only() -> None:
    result = run("relations", "--category", "appeal", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "relation,plover,mode,cameo,goldstein,quad,symmetric,description"
    names = [line.split(",")[0] for line in lines[1:]]
    assert "COURTS" in names and "URGES" in names
    assert all(relation_types()[n].cameo_root == "02" for n in names)


def test_an_unknown_category_is_one_line() -> None:
    result = run("relations", "--category", "HUGS")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown category 'HUGS'; known: ACCUSE, AGREE, AID, ")
    assert result.stderr.count("\n") == 1
