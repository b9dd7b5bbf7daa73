"""What every store offers: the embedded RDF store and Neo4j implement the same calls."""

from __future__ import annotations

from typing import Any, Protocol

from geokg.graph.model import Article, Relation


class Store(Protocol):
    name: str

    def has_article(self, article_id: str) -> bool: ...

    def has_url(self, url: str) -> bool: ...

    def add_article(self, article: Article, relations: list[Relation]) -> bool:
        """Store an article and its relations atomically; False if it was already stored."""
        ...

    def stats(self) -> dict[str, int]: ...

    def run_canned(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...
