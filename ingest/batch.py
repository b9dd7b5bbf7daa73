"""Ingesting a batch of documents into a store: extract, store, count, and go on past errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geokg.graph.store import Store
from geokg.ingest.fetch import is_url
from geokg.ingest.parallel import Outcome, extract_parallel
from geokg.ingest.sources import (
    FEED_SUFFIXES,
    RECORD_SUFFIXES,
    STDIN,
    Document,
    InputError,
    Skipped,
    iter_files,
)


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
    """Whether an article fetched from `url` is already stored (feed items are then skipped
    without being fetched)."""
    return store.has_url(url)


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


def count_inputs(inputs: Iterable[str], feeds: Iterable[str] = (), glob: str = "**/*"
                 ) -> int | None:
    """How many items reading `inputs` will give (for the progress bar's ETA), or None when
    that cannot be told without fetching or parsing: URLs, feeds, standard input. A JSONL
    file counts its non-blank lines (a quick pass over bytes); any other file counts one."""
    if list(feeds):
        return None
    total = 0
    for name in inputs:
        if name == STDIN or is_url(name):
            return None
        for path in iter_files([Path(name)], glob):
            suffix = path.suffix.lower()
            if suffix in FEED_SUFFIXES:
                return None
            if suffix in RECORD_SUFFIXES:
                try:
                    with path.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1  # it will be one error line
            else:
                total += 1
    return total
