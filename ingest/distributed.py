"""Extraction past one machine: the same extraction code on a Dask (dask.distributed) cluster.

The client reads the inputs lazily and sends them in chunks of `chunk_size` documents as
futures, at most `window` chunks at a time; results come back in input order to the single
writer in the calling process (`ingest.batch.store_outcomes`), one article per transaction,
exactly as on one machine. Workers need geokg installed (`pip install 'geokg[distributed]'`);
they read nothing but what they are sent, so no shared file system is needed.

    from dask.distributed import Client
    with Client("tcp://scheduler:8786") as client:
        summary = store_outcomes(store, extract_on_dask(documents, client))
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geokg.ingest.parallel import (
    DEFAULT_CHUNK_SIZE,
    WINDOW_PER_WORKER,
    Outcome,
    ordered_map,
    resolve_workers,
)
from geokg.ingest.sources import Item, read_records

if TYPE_CHECKING:
    from dask.distributed import Client

LOCAL = "local"


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed."""


def _distributed() -> Any:
    try:
        import dask.distributed
    except ImportError:
        raise DaskUnavailable("--dask needs dask.distributed: pip install 'geokg[distributed]'"
                              ) from None
    return dask.distributed


def extract_on_dask(items: Iterable[Item] | Path | list[Path], client: Client,
                    chunk_size: int = DEFAULT_CHUNK_SIZE,
                    window: int | None = None) -> Iterator[Outcome]:
    """Outcomes for `items` (documents, or JSONL record files read lazily here), extracted on
    the cluster behind `client`, yielded in input order."""
    if isinstance(items, Path):
        items = [items]
    if isinstance(items, list) and all(isinstance(p, Path) for p in items):
        paths = list(items)
        items = (doc for path in paths for doc in read_records(path))
    if window is None:
        threads = sum(client.nthreads().values()) or 1
        window = threads * WINDOW_PER_WORKER

    def submit(fn: Any, chunk: list[Item]) -> Any:
        # pure=False: chunks are not worth hashing into keys, and each is submitted once.
        return client.submit(fn, chunk, pure=False)

    yield from ordered_map(submit, items, chunk_size, window)


@contextlib.contextmanager
def dask_client(address: str, workers: int = 0) -> Iterator[Client]:
    """A client for a scheduler's address, or for a LocalCluster of `workers` processes (one
    thread each: extraction is pure Python and holds the GIL) when `address` is 'local'."""
    distributed = _distributed()
    if address != LOCAL:
        with distributed.Client(address) as client:
            yield client
        return
    with distributed.LocalCluster(n_workers=resolve_workers(workers), threads_per_worker=1,
                                  processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client
