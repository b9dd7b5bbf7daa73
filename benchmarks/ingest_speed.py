"""Ingest speed and memory: articles/s and peak RSS of `geokg ingest` with 1 and 2 extraction
workers on at least 10k articles, into the embedded store and into Neo4j; then peak RSS for a
small and a ten times larger corpus, to show memory stays flat.

    python benchmarks/ingest_speed.py [--eval-dir ../shared/eval/dev] [--articles 10000]
        [--workers 1,2] [--stores embedded,neo4j] [--neo4j-articles N] [--memory 200,2000]

Neo4j is the server NEO4J_URI names (NEO4J_USER, NEO4J_PASSWORD), else the test server of
tests/neo4j_server.py, started here and stopped at the end (Java and Maven needed); its own
memory (a JVM) is not in the figures. `--neo4j-articles` runs Neo4j on the first N articles
only, when the whole corpus would take too long.

The corpus is the dev articles of ../shared/eval/dev/articles/*.jsonl repeated, each copy with
its own id and a varied first line (so its own article id), written to a temporary JSONL file
outside the project; the gold data is never copied into the project. Every run is a real
`geokg ingest` subprocess with its own GEOKG_HOME; peak RSS (VmHWM) of the main process and of
its largest worker is read from /proc while it runs (Linux). The wall time includes each
worker's start-up (loading gazetteers and lexicons, several seconds per language)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dev_records(eval_dir: Path) -> list[dict]:
    return [json.loads(line) for path in sorted((eval_dir / "articles").glob("*.jsonl"))
            for line in path.open(encoding="utf-8") if line.strip()]


def repeated(records: list[dict], count: int) -> Iterator[dict]:
    for n in range(count):
        record = records[n % len(records)]
        copy = n // len(records)
        yield {**record, "id": f"{record['id']}#{copy}", "text": f"[{copy}] " + record["text"]}


def write_corpus(records: list[dict], count: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in repeated(records, count):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            out.append(child)
            todo.append(child)
    return out


def run_ingest(corpus: Path, workers: int, home: Path, store: str) -> dict:
    env = {**os.environ, "GEOKG_HOME": str(home)}
    command = [sys.executable, "-m", "geokg.cli", "ingest", str(corpus), "--quiet",
               "--workers", str(workers), "--store", store]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    main_peak, worker_peak = 0, 0
    while process.poll() is None:
        # VmHWM only grows: the last reading before exit is the peak (within one interval).
        main_peak = max(main_peak, _hwm_kb(process.pid))
        for child in _descendants(process.pid):
            worker_peak = max(worker_peak, _hwm_kb(child))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    _out, err = process.communicate()
    if process.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({process.returncode}): {err[-2000:]}")
    return {"seconds": seconds, "main_peak_mb": main_peak / 1024,
            "worker_peak_mb": worker_peak / 1024}


def _load() -> str:
    # Others may share the machine: every figure goes with the load it was measured under.
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _neo4j_server():
    """The server NEO4J_URI names (None: nothing to stop), else a test server started here."""
    if os.environ.get("NEO4J_URI"):
        return None
    sys.path.insert(0, str(ROOT))
    from tests.neo4j_server import start_neo4j

    server = start_neo4j()
    os.environ["NEO4J_URI"] = server.bolt_uri
    for name in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(name, None)  # the test server has auth disabled
    return server


def _empty_neo4j() -> None:
    # In batches: one transaction deleting 10k articles' graph overflows a 1 GB heap (the
    # test server's), and `geokg cypher` runs only in a single transaction.
    import neo4j

    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    auth = (user or "neo4j", password or "") if user or password else None
    with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver, \
            driver.session(database=os.environ.get("NEO4J_DATABASE") or None) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS"
                    ).consume()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--neo4j-articles", type=int, default=None,
                        help="articles for the Neo4j runs (default: --articles)")
    parser.add_argument("--memory", default="200,2000",
                        help="corpus sizes for the flat-memory check (1 worker)")
    args = parser.parse_args()
    if not (args.eval_dir / "articles").is_dir():
        print(f"no dev articles at {args.eval_dir / 'articles'}: nothing to measure",
              file=sys.stderr)
        return 2
    records = dev_records(args.eval_dir)
    stores = [s for s in args.stores.split(",") if s]
    print(f"{len(records)} dev articles, repeated to {args.articles}; cores: {os.cpu_count()}; "
          f"load average at start: {_load()}")
    server = _neo4j_server() if "neo4j" in stores else None
    try:
        with tempfile.TemporaryDirectory(prefix="geokg-bench-") as tmp:
            _measure(args, records, stores, Path(tmp))
    finally:
        if server is not None:
            server.stop()
    return 0


def _measure(args: argparse.Namespace, records: list[dict], stores: list[str],
             work: Path) -> None:
    corpus = write_corpus(records, args.articles, work / "corpus.jsonl")
    neo4j_count = min(args.neo4j_articles or args.articles, args.articles)
    neo4j_corpus = corpus if neo4j_count == args.articles else write_corpus(
        records, neo4j_count, work / "corpus-neo4j.jsonl")
    print(f"{'store':9} {'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10} "
          f"{'main MB':>8} {'worker MB':>9}  load (1/5/15 min, at start > at end)")
    for store in stores:
        for workers in (int(w) for w in args.workers.split(",")):
            count, path = (neo4j_count, neo4j_corpus) if store == "neo4j" else (
                args.articles, corpus)
            if store == "neo4j":
                _empty_neo4j()  # each run starts from an empty graph, like a new home
            before = _load()
            r = run_ingest(path, workers, work / f"home-{store}-{workers}", store)
            print(f"{store:9} {workers:>7} {count:>8} {r['seconds']:>8.1f} "
                  f"{count / r['seconds']:>10.1f} {r['main_peak_mb']:>8.0f} "
                  f"{r['worker_peak_mb']:>9.0f}  {before} > {_load()}", flush=True)
    if args.memory:
        _flat_memory(args, records, work)


def _flat_memory(args: argparse.Namespace, records: list[dict], work: Path) -> None:
    print("\nflat memory (embedded store, 1 worker and 2 workers):")
    for workers in (1, 2):
        peaks = []
        for size in (int(s) for s in args.memory.split(",")):
            small = write_corpus(records, size, work / f"corpus-{size}.jsonl")
            r = run_ingest(small, workers, work / f"mem-{workers}-{size}", "embedded")
            peaks.append(r)
            print(f"  workers {workers}: {size:>6} articles: main peak "
                  f"{r['main_peak_mb']:.0f} MB, worker peak {r['worker_peak_mb']:.0f} MB, "
                  f"{size / r['seconds']:.1f} articles/s", flush=True)
        first, last = peaks[0]["main_peak_mb"], peaks[-1]["main_peak_mb"]
        print(f"  workers {workers}: main peak grows {100 * (last - first) / first:+.1f}% "
              f"for ten times the articles (load {_load()})")


if __name__ == "__main__":
    sys.exit(main())
