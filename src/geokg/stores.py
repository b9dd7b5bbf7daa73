"""Opening the store the user configured."""

from __future__ import annotations

from pathlib import Path

from geokg import config
from geokg.graph.rdf_store import RdfStore


class StoreError(RuntimeError):
    """The store cannot be opened (locked by another process, unreadable …)."""


def open_embedded(path: Path | None = None) -> RdfStore:
    path = path or config.embedded_store_path()
    try:
        return RdfStore(path)
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from None
