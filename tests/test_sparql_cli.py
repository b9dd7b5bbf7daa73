"""`geokg sparql` through the command line, with exact outputs, on the seed article."""

from __future__ import annotations

from click.testing import CliRunner

from geokg.cli import main
from tests.conftest import SEED

PAIR = ('SELECT ?code ?name WHERE { GRAPH ?g { ?a geokg:code ?code ; rdfs:label ?name } '
        'FILTER(?code IN ("CHN", "RUS")) } ORDER BY ?code')


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def ingest_seed() -> None:
    assert run("ingest", str(SEED)).exit_code == 0


def test_select_as_table_json_and_csv():
    ingest_seed()
    table = run("sparql", PAIR)
    assert (table.exit_code, table.output) == (0, "code  name\n----  ------\nCHN   China\n"
                                                  "RUS   Russia\n")
    as_json = run("sparql", PAIR, "--format", "json")
    assert as_json.output == ('[\n  {\n    "code": "CHN",\n    "name": "China"\n  },\n'
                              '  {\n    "code": "RUS",\n    "name": "Russia"\n  }\n]\n')
    assert run("sparql", PAIR, "--format", "csv").output == "code,name\nCHN,China\nRUS,Russia\n"


def test_json_keeps_numbers_and_booleans():
    ingest_seed()
    result = run("sparql", 'SELECT ?n ?ok WHERE { BIND(3 AS ?n) BIND(true AS ?ok) }',
                 "--format", "json")
    assert result.output == '[\n  {\n    "n": 3,\n    "ok": true\n  }\n]\n'


def test_ask():
    ingest_seed()
    assert run("sparql", 'ASK { ?a geokg:code "CHN" }').output == "true\n"
    assert run("sparql", 'ASK { ?a geokg:code "ATA" }').output == "false\n"


def test_construct_prints_turtle():
    ingest_seed()
    result = run("sparql", 'CONSTRUCT { ?a rdfs:label ?name } WHERE { GRAPH ?g { ?a geokg:code '
                           '"CHN" ; rdfs:label ?name } }')
    assert (result.exit_code, result.output) == (0, (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
        '<https://w3id.org/geokg/actor/CHN> rdfs:label "China" .\n'))


def test_param_binds_a_literal_or_an_iri():
    ingest_seed()
    query = "SELECT ?code ?name WHERE { ?a geokg:code ?code ; rdfs:label ?name }"
    result = run("sparql", query, "--param", "code=RUS")
    assert result.output == "code  name\n----  ------\nRUS   Russia\n"
    result = run("sparql", "SELECT ?a ?code WHERE { ?a geokg:code ?code }",
                 "--param", "a=<https://w3id.org/geokg/actor/IND>", "--format", "csv")
    assert result.output == "a,code\nhttps://w3id.org/geokg/actor/IND,IND\n"
    # A hostile value is a value, never SPARQL.
    result = run("sparql", query, "--param", 'code=x" } } ; DROP ALL ; #')
    assert result.output == "code  name\n----  ----\n"
    assert run("sparql", 'ASK { ?a geokg:code "CHN" }').output == "true\n"


def test_update_is_refused_without_write():
    ingest_seed()
    update = 'INSERT DATA { GRAPH <urn:geokg:test> { <urn:a> <urn:b> "c" } }'
    result = run("sparql", update)
    assert (result.exit_code, result.output) == (
        2, "error: this is a SPARQL update; it runs only with --write\n")
    assert run("sparql", "ASK { <urn:a> <urn:b> ?c }").output == "false\n"


def test_update_runs_with_write():
    ingest_seed()
    update = 'INSERT DATA { GRAPH <urn:geokg:test> { <urn:a> <urn:b> "c" } }'
    result = run("sparql", update, "--write")
    assert (result.exit_code, result.output) == (0, "update done: 1 quad more\n")
    assert run("sparql", 'ASK { <urn:a> <urn:b> "c" }').output == "true\n"


def test_an_update_says_how_many_quads_it_removed_or_that_it_matched_nothing():
    ingest_seed()
    count = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c geokg:modality "asserted" } }'
    asserted = int(run("sparql", count, "--format", "csv").output.split()[1])
    assert asserted > 0
    result = run("sparql", 'DELETE WHERE { ?c geokg:modality "no such modality" }', "--write")
    assert (result.exit_code, result.output) == (0, "update done: no quad more or fewer\n")
    # (the default graph of an update, as of a query, is the union of the article graphs)
    result = run("sparql", 'DELETE WHERE { ?c geokg:modality "asserted" }', "--write")
    assert (result.exit_code, result.output) == (0, f"update done: {asserted} quads fewer\n")
    assert run("sparql", count, "--format", "csv").output == "n\n0\n"


def test_syntax_error_is_one_line():
    ingest_seed()
    result = run("sparql", "SELECT ?x WHERE { ?x ?y }")
    assert result.exit_code == 2
    assert result.output == "error: SPARQL: error at 1:26: expected one of LATERAL, SERVICE, [_]\n"
