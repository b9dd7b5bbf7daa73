"""Ingesting a batch of documents into a store: extract, store, count, and go on past errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Literal

from geokg.graph.store import Store
from geokg.ingest.parallel import Outcome, extract_parallel
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
    *,
    workers: int = 1,
) -> IngestSummary:
    """Extract and store `documents`; extraction in `workers` processes (0: all cores),
    writing always here, one article per transaction, in input order."""
    return store_outcomes(store, extract_parallel(documents, workers), on_error)


def store_outcomes(
    store: Store,
    outcomes: Iterable[Outcome],
    on_error: Callable[[InputError], None] | None = None,
) -> IngestSummary:
    """The single writer: store extracted articles in the order given, count, report errors.
    Whoever extracted them (this process, a pool, a Dask cluster) makes no difference."""
    summary = IngestSummary()
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            summary.failures.append(outcome)
            if on_error:
                on_error(outcome)
        elif isinstance(outcome, Skipped):
            summary.unchanged += 1  # a feed item already ingested is an unchanged article
        elif store.add_article(outcome.article, outcome.relations):
            summary.new += 1
            summary.relations += len(outcome.relations)
        else:
            summary.unchanged += 1
    return summary
