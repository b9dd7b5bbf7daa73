"""Extraction on a Dask cluster (two worker processes on loopback): the same relations, ids
and order as the one-process path, and the same store through `geokg ingest --dask`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph.rdf_store import RdfStore
from geokg.ingest.batch import store_outcomes
from geokg.ingest.distributed import extract_on_dask
from geokg.ingest.parallel import extract_parallel
from geokg.ingest.sources import read_records
from tests.test_parallel_ingest import claim_ids, mixed_items, relation_rows, write_corpus

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_dask_gives_the_same_outcomes_as_one_process(client, tmp_path: Path):
    items = mixed_items(tmp_path)
    single = list(extract_parallel(items, workers=1))
    on_dask = list(extract_on_dask(iter(items), client, chunk_size=3, window=3))
    assert relation_rows(on_dask) == relation_rows(single)
    with RdfStore(tmp_path / "a") as a, RdfStore(tmp_path / "b") as b:
        one, two = store_outcomes(a, single), store_outcomes(b, on_dask)
        assert (one.new, one.unchanged, one.relations, one.failures) == (
            two.new, two.unchanged, two.relations, two.failures)
        assert a.stats() == b.stats()
        assert claim_ids(a) == claim_ids(b)


def test_dask_reads_jsonl_paths_lazily(client, tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 15)
    single = list(extract_parallel(read_records(corpus), workers=1))
    assert relation_rows(extract_on_dask(corpus, client)) == relation_rows(single)


def test_cli_dask_option_uses_the_scheduler(client, tmp_path: Path, monkeypatch):
    corpus = write_corpus(tmp_path / "c.jsonl", 12, bad_every=5)
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    outputs = {}
    for name, extra in (("single", []), ("dask", ["--dask", address])):
        monkeypatch.setenv("GEOKG_HOME", str(tmp_path / name))
        result = CliRunner().invoke(main, ["ingest", str(corpus), *extra])
        assert result.exit_code == 3, result.output  # the invalid lines
        with RdfStore(tmp_path / name / "store") as store:
            outputs[name] = (result.output, claim_ids(store))
    assert outputs["dask"] == outputs["single"]
    assert "articles: 12 new, 0 unchanged, 2 failed" in outputs["dask"][0]
