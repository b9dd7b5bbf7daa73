"""Opening the store the user configured: the embedded RDF store or Neo4j.

The default is Neo4j when NEO4J_URI is set, else the embedded store; `--store` overrides."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geokg import config
from geokg.graph.rdf_store import RdfStore

if TYPE_CHECKING:
    from geokg.graph.neo4j_store import Neo4jStore
    from geokg.graph.store import Store

STORE_KINDS = ("embedded", "neo4j")


class StoreError(RuntimeError):
    """The store cannot be opened (locked by another process, unreadable, unreachable …)."""


def default_store_kind() -> str:
    from geokg.graph.neo4j_store import Neo4jConfig

    return "neo4j" if Neo4jConfig.from_env() else "embedded"


def open_embedded(path: Path | None = None) -> RdfStore:
    path = path or config.embedded_store_path()
    try:
        return RdfStore(path)
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from None


def open_neo4j() -> Neo4jStore:
    """Connect to the Neo4j named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
    and check the connection now, so that a wrong URI fails with one clear line."""
    import neo4j.exceptions

    from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore

    cfg = Neo4jConfig.from_env()
    if cfg is None:
        raise StoreError("the neo4j store needs NEO4J_URI (e.g. bolt://localhost:7687)")
    try:
        store = Neo4jStore(cfg)
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise StoreError(f"NEO4J_URI {cfg.uri!r} is not usable: {exc}") from None
    try:
        store.driver.verify_connectivity()
    except neo4j.exceptions.AuthError:
        store.close()
        raise StoreError(f"Neo4j at {cfg.uri} refused the credentials of NEO4J_USER/"
                         "NEO4J_PASSWORD") from None
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
        store.close()
        # The driver's message names the address, never the password.
        raise StoreError(f"cannot reach Neo4j at {cfg.uri}: {exc}") from None
    return store


def open_store(kind: str | None = None) -> Store:
    kind = kind or default_store_kind()
    if kind == "neo4j":
        return open_neo4j()
    if kind == "embedded":
        return open_embedded()
    raise StoreError(f"unknown store {kind!r}; known: {', '.join(STORE_KINDS)}")
