"""The real Neo4j test server (tests/neo4j_server.py + tools/neo4j-server) works."""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = pytest.mark.neo4j


def test_bolt_round_trip(neo4j_driver) -> None:
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS x")
    assert [r["x"] for r in records] == [1]


def test_create_and_read_node(neo4j_driver) -> None:
    neo4j_driver.execute_query(
        "CREATE (:Place {name: $name, lat: $lat, lon: $lon})",
        name="Lisbon",
        lat=38.72,
        lon=-9.14,
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Place {name: $name}) RETURN p.name AS name, p.lat AS lat, p.lon AS lon",
        name="Lisbon",
    )
    assert [r.data() for r in records] == [{"name": "Lisbon", "lat": 38.72, "lon": -9.14}]


def test_each_test_starts_with_an_empty_database(neo4j_driver) -> None:
    # Runs after test_create_and_read_node: the fixture must have wiped its node.
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_server_is_neo4j_5_26(neo4j_server) -> None:
    # The HTTP discovery document names the version and points at our Bolt port.
    with urllib.request.urlopen(neo4j_server.http_uri + "/", timeout=30) as resp:
        discovery = json.load(resp)
    assert discovery["neo4j_version"].startswith("5.26.")
    assert discovery["bolt_direct"] == neo4j_server.bolt_uri


def test_http_serves_neo4j_browser(neo4j_server) -> None:
    with urllib.request.urlopen(neo4j_server.browser_url, timeout=30) as resp:
        assert resp.status == 200
        assert resp.headers.get_content_type() == "text/html"
        html = resp.read().decode("utf-8", errors="replace")
    assert "<title>Neo4j Browser</title>" in html
