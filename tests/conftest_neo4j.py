"""pytest plugin: a real Neo4j 5.26 server for tests that ask for it.

Loaded from tests/conftest.py (``pytest_plugins = ["tests.conftest_neo4j"]``).

Fixtures:

* ``neo4j_server`` (session): one server per test session (per xdist worker),
  started on first use, stopped at session end. Skips when Java 17+/Maven are
  missing, except under ``CI=true``, where that is a failure: CI must run these.
* ``neo4j_driver`` (function): a ``neo4j.Driver`` for that server, on an empty
  database (``MATCH (n) DETACH DELETE n`` before each test; indexes and
  constraints are left alone).

Tests that use either fixture get the ``neo4j`` marker automatically, so
``-m "not neo4j"`` deselects them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import neo4j
import pytest

from tests.neo4j_server import Neo4jServer, missing_prerequisites, start_neo4j

# A JDK, not just a JRE: the launcher is compiled on first use (Debian's maven package only
# pulls in a JRE).
SKIP_REASON = "Neo4j tests need Java 17+ and Maven (apt-get install openjdk-17-jdk-headless maven)"
_NEO4J_FIXTURES = {"neo4j_server", "neo4j_driver"}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _NEO4J_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    missing = missing_prerequisites()
    if missing:
        message = f"{SKIP_REASON}: {missing}"
        if _in_ci():
            pytest.fail(f"CI=true and {message}", pytrace=False)
        pytest.skip(message)
    server = start_neo4j()  # raises Neo4jServerError with the server's stderr on failure
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def neo4j_driver(neo4j_server: Neo4jServer) -> Iterator[neo4j.Driver]:
    # Auth is disabled on the test server (see tools/neo4j-server), so no credentials.
    driver = neo4j.GraphDatabase.driver(neo4j_server.bolt_uri, auth=None)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        yield driver
    finally:
        driver.close()
