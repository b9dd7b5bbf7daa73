"""Ingesting a batch of documents into a store: extract, store, count, and go on past errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from geokg.graph.store import NEW, REPLACED, Store
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
    replaced: int = 0  # changed articles whose older versions were removed
    removed: int = 0  # relations of those older versions

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        # Replacements are named only when there were some, so that the usual line (and
        # whatever reads it) stays as it was.
        replaced = f"{self.replaced} replaced, " if self.replaced else ""
        removed = f", removed: {self.removed}" if self.replaced else ""
        return (f"articles: {self.new} new, {self.unchanged} unchanged, {replaced}"
                f"{self.failed} failed; relations added: {self.relations}{removed}")


def article_origin(source: str) -> str | None:
    """What identifies "the same article" across ingests: the place a document was read from,
    as the Reader names it (Document.source), made absolute.

    - a fetched page or feed item: its URL, as asked for;
    - a text or HTML file: its resolved file:// URI (the same file reached by another
      relative path or folder is the same article);
    - a JSONL record with an id: the file's URI and `#id` (ids are scoped to their file, since
      unrelated datasets reuse ids like "1");
    - none for standard input and for records without an id (a line number identifies
      nothing), and for any source that is none of these (a caller's own label).

    A document from an origin that already has a stored article with other text replaces it.
    Files must still exist when stored, which they do during an ingest."""
    if is_url(source):
        return source
    if source.startswith("<stdin>"):
        return None
    path = Path(source)
    if path.suffix.lower() not in RECORD_SUFFIXES and _is_file(path):
        return path.resolve().as_uri()
    # A record is "FILE#ID"; an id may itself hold "#", so the file is the first prefix that
    # is a record file.
    start = 0
    while (cut := source.find("#", start)) > 0:
        head = Path(source[:cut])
        if head.suffix.lower() in RECORD_SUFFIXES and _is_file(head):
            return f"{head.resolve().as_uri()}#{quote(source[cut + 1:], safe='')}"
        start = cut + 1
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # e.g. a record id longer than a file name may be
        return False


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
    Whoever extracted them (this process, a pool, a Dask cluster) makes no difference.

    An article whose origin (article_origin) has other stored articles replaces them, unless
    this run read those from that origin too: a JSONL file holding one record id twice with
    two texts keeps both, and ingesting it again changes nothing. That costs one set entry
    per origin read (~200 bytes)."""
    summary = IngestSummary()
    this_run: dict[str, set[str]] = {}
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            summary.failures.append(outcome)
            if on_error:
                on_error(outcome)
            continue
        if isinstance(outcome, Skipped):
            summary.unchanged += 1  # a feed item already ingested is an unchanged article
            continue
        origin = article_origin(outcome.source)
        keep = this_run.setdefault(origin, set()) if origin else set()
        stored = store.store_article(outcome.article, outcome.relations, origin, keep)
        keep.add(outcome.article.id)
        if stored.status == NEW:
            summary.new += 1
            summary.relations += len(outcome.relations)
        elif stored.status == REPLACED:
            summary.replaced += 1
            summary.relations += len(outcome.relations)
            summary.removed += stored.removed
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
