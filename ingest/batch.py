"""Ingesting a batch of documents into a store: extract, store, count, and go on past errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Literal

from geokg.graph.store import Store
from geokg.ingest.pipeline import extract_article
from geokg.ingest.sources import Document, InputError, Skipped

_HAS_URL = "ASK { GRAPH ?g { ?article a geokg:Article ; geokg:url ?url } }"


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    relations: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (f"articles: {self.new} new, {self.unchanged} unchanged, {self.failed} failed; "
                f"relations added: {self.relations}")


def has_url(store: Store, url: str) -> bool:
    """Whether an article fetched from `url` is already stored. Stores without SPARQL `ask`
    (Neo4j) cannot tell, so their feeds are fetched again (and deduplicated by text)."""
    ask = getattr(store, "ask", None)
    return bool(ask(_HAS_URL, {"url": Literal(url)})) if ask else False


def ingest_documents(
    store: Store,
    documents: Iterable[Document | InputError | Skipped],
    on_error: Callable[[InputError], None] | None = None,
) -> IngestSummary:
    summary = IngestSummary()

    def fail(error: InputError) -> None:
        summary.failures.append(error)
        if on_error:
            on_error(error)

    for doc in documents:
        if isinstance(doc, InputError):
            fail(doc)
            continue
        if isinstance(doc, Skipped):
            summary.unchanged += 1  # a feed item already ingested is an unchanged article
            continue
        try:
            result = extract_article(
                doc.text, language=doc.language, date=doc.date, title=doc.title, url=doc.url,
                source=doc.source,
            )
        except ValueError as exc:
            fail(InputError(doc.source, str(exc)))
            continue
        if not result.article.text.strip():
            fail(InputError(doc.source, "no article text left after cleaning"))
            continue
        if store.add_article(result.article, result.relations):
            summary.new += 1
            summary.relations += len(result.relations)
        else:
            summary.unchanged += 1
    return summary
