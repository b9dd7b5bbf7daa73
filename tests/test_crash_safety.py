"""A real `geokg ingest` killed with SIGKILL half-way, then run again, leaves the store a
clean run makes: no duplicate and no half-written article.

When the kill comes is told by the ingest's own output, not by a clock: every tenth line of
the corpus is invalid JSON, and the single writer prints its `error:` line in input order,
so seeing the error of line L means the articles before it have been handed to the store."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from geokg.graph.rdf_store import RdfStore
from tests.test_parallel_ingest import write_corpus

ARTICLES = 300
BAD_EVERY = 10
HANG_GUARD = 600  # seconds; only so that a broken ingest cannot hang the suite
_ERROR_LINE = re.compile(r"error: .*:(\d+): invalid JSON")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def geokg(home: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "GEOKG_HOME": str(home)}
    env.pop("NEO4J_URI", None)
    return subprocess.Popen([sys.executable, "-m", "geokg.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kwargs)


def run_to_end(home: Path, *args: str) -> tuple[int, str]:
    process = geokg(home, *args)
    out, err = process.communicate(timeout=HANG_GUARD)
    return process.returncode, out + err


def store_content(home: Path) -> tuple[dict, set, Counter]:
    with RdfStore(home / "store") as store:
        rows = store.select("SELECT ?a ?c WHERE { GRAPH ?g { ?g geokg:articleId ?a . "
                            "OPTIONAL { ?x a geokg:Claim ; geokg:claimId ?c } } }")
        articles = {str(r["a"]) for r in store.select(
            "SELECT ?a WHERE { GRAPH ?g { ?g a geokg:Article ; geokg:articleId ?a } }")}
        claims = {(str(r["a"]), str(r["c"])) for r in rows if r["c"] is not None}
        per_article = Counter(a for a, _ in claims)
        return store.stats(), {"articles": articles, "claims": claims}, per_article


def _lines(stream, sink: queue.Queue) -> None:
    for line in stream:
        sink.put(line)
    sink.put(None)


def test_sigkill_half_way_then_rerun_equals_one_clean_run(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES, bad_every=BAD_EVERY)
    total_lines = sum(1 for _ in corpus.open(encoding="utf-8"))
    crashed, clean = tmp_path / "crashed", tmp_path / "clean"

    process = geokg(crashed, "ingest", str(corpus), "--workers", "2")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(process.stderr, lines), daemon=True).start()
    killed_after = None
    try:
        while killed_after is None:
            line = lines.get(timeout=HANG_GUARD)
            assert line is not None, "the ingest ended before it could be killed"
            match = _ERROR_LINE.search(line)
            if match and int(match.group(1)) >= total_lines // 3:
                os.kill(process.pid, signal.SIGKILL)
                killed_after = int(match.group(1))
        assert process.wait(timeout=HANG_GUARD) == -signal.SIGKILL
    finally:
        # Our own session: end whatever of it is left (the pool's workers end by themselves
        # when their parent dies; this is only a guard).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    # The RocksDB LOCK file is left behind, but the lock went with the process: the store
    # opens, and holds only whole articles.
    partial_stats, partial, partial_per_article = store_content(crashed)
    assert 0 < partial_stats["articles"] < ARTICLES
    assert partial_stats["articles"] >= killed_after * (BAD_EVERY - 1) // BAD_EVERY - 1

    code, output = run_to_end(crashed, "ingest", str(corpus), "--workers", "2")
    assert code == 3, output  # the invalid lines, again
    summary = re.search(r"articles: (\d+) new, (\d+) unchanged, (\d+) failed", output)
    assert summary, output
    new, unchanged, failed = map(int, summary.groups())
    assert unchanged == partial_stats["articles"]
    assert new + unchanged == ARTICLES

    code, clean_output = run_to_end(clean, "ingest", str(corpus))
    assert code == 3, clean_output
    assert f"articles: {ARTICLES} new, 0 unchanged, {failed} failed" in clean_output

    crashed_stats, crashed_ids, crashed_per_article = store_content(crashed)
    clean_stats, clean_ids, clean_per_article = store_content(clean)
    assert crashed_stats == clean_stats
    assert crashed_ids == clean_ids
    assert crashed_per_article == clean_per_article
    # What the killed run had stored was already whole: each article as many claims as in
    # the clean store.
    assert all(clean_per_article[a] == n for a, n in partial_per_article.items())
    assert partial["articles"] <= clean_ids["articles"]
