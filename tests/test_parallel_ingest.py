"""Extraction in a process pool: the same articles, relations and ids as in one process, in
input order, over a bounded stream."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph.rdf_store import RdfStore
from geokg.ingest.batch import count_inputs, ingest_documents, store_outcomes
from geokg.ingest.parallel import (
    Extracted,
    extract_parallel,
    ordered_map,
    resolve_workers,
)
from geokg.ingest.sources import Document, InputError, read_records
from tests.conftest import SEED

_PAIRS = [("Russia", "India"), ("China", "Russia"), ("France", "Germany"), ("Japan", "Vietnam"),
          ("United States", "Ukraine"), ("Turkey", "Greece"), ("Brazil", "Argentina")]
_EN = ["{a} sells weapons to {b}.", "{a} and {b} signed a cooperation agreement on {topic}.",
       "{a} imposed sanctions on {b} over {topic}.", "{a} will not help {b} with {topic}."]
_ES = ["{a} vende armas a {b}.", "{a} y {b} firmaron un acuerdo de cooperación sobre {topic}."]
_ES_NAMES = {"Russia": "Rusia", "India": "la India", "China": "China", "France": "Francia",
             "Germany": "Alemania", "Japan": "Japón", "Vietnam": "Vietnam",
             "United States": "Estados Unidos", "Ukraine": "Ucrania", "Turkey": "Turquía",
             "Greece": "Grecia", "Brazil": "Brasil", "Argentina": "Argentina"}


def generated_records(count: int, seed_every: int = 10) -> Iterator[dict]:
    """`count` distinct short articles (English, Spanish, and every `seed_every`-th a copy of
    the Indonesian seed), each with its own text and so its own id."""
    seed = SEED.read_text(encoding="utf-8")
    for i in range(count):
        a, b = _PAIRS[i % len(_PAIRS)]
        topic = f"project {i}"
        if seed_every and i % seed_every == seed_every - 1:
            yield {"id": f"g{i}", "lang": "id", "text": f"{seed}\n\nSalinan nomor {i}."}
        elif i % 3 == 2:
            es = [t.format(a=_ES_NAMES[a], b=_ES_NAMES[b], topic=f"el proyecto {i}") for t in _ES]
            yield {"id": f"g{i}", "lang": "es", "date": "2021-03-04", "text": " ".join(es)}
        else:
            text = " ".join(t.format(a=a, b=b, topic=topic) for t in _EN)
            yield {"id": f"g{i}", "lang": "en", "date": f"2020-{1 + i % 12:02d}-15", "text": text}


def write_corpus(path: Path, count: int, bad_every: int = 0) -> Path:
    """A JSONL corpus; every `bad_every`-th line is invalid JSON (an input error)."""
    with path.open("w", encoding="utf-8") as handle:
        for n, record in enumerate(generated_records(count), 1):
            if bad_every and n % bad_every == 0:
                handle.write("{not json\n")
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def mixed_items(tmp_path: Path) -> list:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 24, bad_every=10)
    items = list(read_records(corpus))
    # A duplicate (same text, other id: the first one read is the new one), an unsupported
    # language and a text that cleaning empties.
    first = next(i for i in items if isinstance(i, Document))
    items.insert(5, Document(first.text, "dup#again"))
    items.append(Document("Ceci est un texte.", "xx#1", language="xx"))
    items.append(InputError("broken.txt", "not UTF-8 text"))
    return items


def relation_rows(outcomes) -> list:
    rows = []
    for o in outcomes:
        if isinstance(o, Extracted):
            rows.append(("article", o.article.to_dict(),
                         [r.to_dict() for r in o.relations]))
        else:
            rows.append((type(o).__name__, o.source, o.reason))
    return rows


@pytest.fixture(scope="module")
def items_and_outcomes(tmp_path_factory: pytest.TempPathFactory):
    items = mixed_items(tmp_path_factory.mktemp("corpus"))
    single = list(extract_parallel(items, workers=1))
    pooled = list(extract_parallel(items, workers=2, chunk_size=3, window=2))
    return items, single, pooled


def test_pool_gives_the_same_outcomes_in_the_same_order(items_and_outcomes):
    items, single, pooled = items_and_outcomes
    assert len(single) == len(items)
    assert relation_rows(pooled) == relation_rows(single)
    assert sum(len(o.relations) for o in single if isinstance(o, Extracted)) > 40
    kinds = {type(o).__name__ for o in single}
    assert kinds == {"Extracted", "InputError"}


def claim_ids(store: RdfStore) -> set[tuple[str, str]]:
    rows = store.select("SELECT ?a ?c WHERE { GRAPH ?g { ?g geokg:articleId ?a . "
                        "?x a geokg:Claim ; geokg:claimId ?c } }")
    return {(str(r["a"]), str(r["c"])) for r in rows}


def test_stores_filled_by_one_and_two_workers_are_equal(tmp_path: Path, items_and_outcomes):
    # The pooled outcomes through the writer (the CLI test below runs the whole path).
    _items, single, pooled = items_and_outcomes
    summaries, contents = [], []
    for name, outcomes in (("single", single), ("pooled", pooled)):
        with RdfStore(tmp_path / f"store-{name}") as store:
            summaries.append(store_outcomes(store, outcomes))
            contents.append((store.stats(), claim_ids(store)))
    one, two = summaries
    assert (one.new, one.unchanged, one.relations) == (two.new, two.unchanged, two.relations)
    assert one.unchanged == 1  # the duplicate, in both
    assert one.failures == two.failures
    assert contents[0] == contents[1]
    assert contents[0][0]["articles"] == one.new


def test_ingest_documents_keeps_its_one_process_form(tmp_path: Path):
    items = [Document(SEED.read_text(encoding="utf-8"), str(SEED)), InputError("x", "bad")]
    errors: list[InputError] = []
    with RdfStore(tmp_path / "store") as store:
        summary = ingest_documents(store, items, on_error=errors.append)
    assert (summary.new, summary.failed, errors) == (1, 1, [InputError("x", "bad")])


class _Done:
    """A future already resolved, for driving ordered_map without processes."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_ordered_map_keeps_a_bounded_window():
    pulled = 0

    def stream():
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield InputError(f"in{i}", "x")

    outcomes = ordered_map(lambda fn, chunk: _Done(fn(chunk)), stream(), chunk_size=5, window=3)
    first = next(outcomes)
    assert first.source == "in0"
    assert pulled <= 5 * 3  # never the whole corpus
    rest = list(outcomes)
    assert [o.source for o in rest] == [f"in{i}" for i in range(1, 1000)]


def test_ordered_map_waits_for_the_oldest_chunk_first():
    futures: list[Future] = []

    def submit(fn, chunk):
        future: Future = Future()
        futures.append(future)
        future.payload = fn(chunk)  # type: ignore[attr-defined]
        return future

    items = [InputError(f"in{i}", "x") for i in range(6)]
    outcomes = ordered_map(submit, items, chunk_size=2, window=3)
    # Complete the chunks in reverse: the output order is still the input order.
    gen = iter(outcomes)

    def finish():
        for f in reversed(futures):
            f.set_result(f.payload)  # type: ignore[attr-defined]

    timer = threading.Timer(0.05, finish)
    timer.start()
    assert [o.source for o in gen] == [f"in{i}" for i in range(6)]
    timer.join()


def test_workers_zero_means_all_cores():
    assert resolve_workers(0) >= 1
    assert resolve_workers(3) == 3
    with pytest.raises(ValueError):
        resolve_workers(-1)


def test_count_inputs(tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 7)
    (tmp_path / "a.txt").write_text("Russia sells weapons to India.", encoding="utf-8")
    assert count_inputs([str(corpus)]) == 7
    assert count_inputs([str(tmp_path)]) == 8
    assert count_inputs(["-"]) is None
    assert count_inputs(["https://example.org/x"]) is None
    assert count_inputs([str(corpus)], feeds=["f.xml"]) is None


def test_cli_workers_option_gives_the_same_summary_and_store(tmp_path: Path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12, bad_every=5)
    results = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("GEOKG_HOME", str(tmp_path / f"home-{workers}"))
        result = CliRunner().invoke(main, ["ingest", str(corpus), "--workers", workers])
        assert result.exit_code == 3, result.output  # the invalid lines
        with RdfStore(tmp_path / f"home-{workers}" / "store") as store:
            results[workers] = (result.output, claim_ids(store))
    assert results["1"] == results["2"]
    assert "articles: 12 new, 0 unchanged, 2 failed" in results["1"][0]
