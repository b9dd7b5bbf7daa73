"""What every store offers: the embedded RDF store and Neo4j implement the same calls."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from geokg.graph.model import Article, Relation

NEW, UNCHANGED, REPLACED = "new", "unchanged", "replaced"


@dataclass(frozen=True)
class Stored:
    """What storing one article did: `new`, `unchanged` (its text was already stored) or
    `replaced` (older versions read from the same origin were removed, `removed` claims
    with them, and this one stored, in one transaction)."""

    status: Literal["new", "unchanged", "replaced"]
    removed: int = 0


class Store(Protocol):
    name: str

    def has_article(self, article_id: str) -> bool: ...

    def has_url(self, url: str) -> bool: ...

    def add_article(self, article: Article, relations: list[Relation]) -> bool:
        """Store an article and its relations atomically; False if it was already stored."""
        ...

    def store_article(self, article: Article, relations: list[Relation],
                      origin: str | None = None, keep: Collection[str] = ()) -> Stored:
        """Store an article read from `origin` (see ingest.batch.article_origin). If its text
        is new and other articles were read from the same origin (except the ids in `keep`),
        those are removed with their claims in the same transaction: a crash leaves the old
        version or the new one, never both or neither."""
        ...

    def stats(self) -> dict[str, int]: ...

    def run_canned(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...
