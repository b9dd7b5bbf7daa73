"""Extraction in worker processes, results in input order, over a bounded stream.

The reader yields items lazily; at most `window` chunks of them are in flight at a time (sent
to a worker or waiting to be written), so memory does not grow with the corpus. Results come
back in the order of the input, so the single writer in the main process sees exactly what the
one-process path sees: the same articles, the same relations and ids, the same first-seen
article among duplicates.

The same ordered, bounded map drives a process pool here and a Dask cluster in
`ingest/distributed.py`: both have `submit(fn, arg) -> future` with `future.result()`."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from geokg.graph.model import Article, Relation
from geokg.ingest.sources import Document, InputError, Item, Skipped

DEFAULT_CHUNK_SIZE = 8  # documents per task: amortises pickling and IPC over a few articles
WINDOW_PER_WORKER = 4  # chunks in flight per worker: keeps workers busy, bounds memory


@dataclass(frozen=True)
class Extracted:
    """One document's extraction, as the writer needs it (no sentences or mentions, which
    would only cost pickling)."""

    article: Article
    relations: list[Relation]
    source: str


Outcome = Extracted | InputError | Skipped


def extract_document(doc: Document) -> Extracted | InputError:
    """Extract one document; a document that cannot be read as an article is an InputError."""
    from geokg.ingest.pipeline import extract_article

    try:
        result = extract_article(
            doc.text, language=doc.language, date=doc.date, title=doc.title, url=doc.url,
            source=doc.source,
        )
    except ValueError as exc:
        return InputError(doc.source, str(exc))
    if not result.article.text.strip():
        return InputError(doc.source, "no article text left after cleaning")
    return Extracted(result.article, result.relations, doc.source)


def extract_item(item: Item) -> Outcome:
    if isinstance(item, Document):
        return extract_document(item)
    return item  # errors and skipped inputs pass through, in their place


def extract_chunk(items: list[Item]) -> list[Outcome]:
    """The task a worker runs: a few items, extracted in order."""
    return [extract_item(item) for item in items]


def resolve_workers(workers: int) -> int:
    """--workers: 0 means every core this process may use."""
    if workers < 0:
        raise ValueError("workers must be 0 (all cores) or more")
    if workers == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return workers


class _Future(Protocol):
    def result(self) -> Any: ...


Submit = Callable[[Callable[[list[Item]], list[Outcome]], list[Item]], _Future]


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered_map(submit: Submit, items: Iterable[Item], chunk_size: int,
                window: int) -> Iterator[Outcome]:
    """Run extract_chunk on chunks of `items` through `submit`, yielding outcomes in input
    order with at most `window` chunks submitted and not yet yielded."""
    pending: deque[_Future] = deque()
    for chunk in chunked(items, chunk_size):
        pending.append(submit(extract_chunk, chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _worker_start(parent: int) -> None:
    # A worker left behind by a killed parent (SIGKILL runs no clean-up) would wait for work
    # forever; this thread ends it once the parent is gone.
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="geokg-parent-watch").start()


def extract_parallel(items: Iterable[Item], workers: int = 1,
                     chunk_size: int = DEFAULT_CHUNK_SIZE,
                     window: int | None = None) -> Iterator[Outcome]:
    """Outcomes for `items`, in order: in this process for one worker, else in a process
    pool of `workers` (0: all cores)."""
    workers = resolve_workers(workers)
    if workers == 1:
        yield from (extract_item(item) for item in items)
        return
    # spawn, not fork: the parent holds an open RocksDB store and driver threads that a fork
    # would copy half-way; a spawned worker starts clean (and works the same on every OS).
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                               initargs=(os.getpid(),))
    try:
        yield from ordered_map(pool.submit, items, chunk_size,
                               window or workers * WINDOW_PER_WORKER)
    finally:
        # A consumer that stops early (an error, Ctrl-C) does not wait for queued chunks.
        pool.shutdown(wait=True, cancel_futures=True)
