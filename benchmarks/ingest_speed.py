"""Ingest speed and memory: articles/s and peak RSS of `geokg ingest` with 1 and 2 extraction
workers on at least 10k articles, into the embedded store (and into Neo4j when NEO4J_URI is
set); then peak RSS for a small and a ten times larger corpus, to show memory stays flat.

    python benchmarks/ingest_speed.py [--eval-dir ../shared/eval/dev] [--articles 10000]
        [--workers 1,2] [--memory 200,2000]

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--memory", default="200,2000",
                        help="corpus sizes for the flat-memory check (1 worker)")
    args = parser.parse_args()
    if not (args.eval_dir / "articles").is_dir():
        print(f"no dev articles at {args.eval_dir / 'articles'}: nothing to measure",
              file=sys.stderr)
        return 2
    records = dev_records(args.eval_dir)
    stores = ["embedded"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])
    print(f"{len(records)} dev articles, repeated to {args.articles}; cores: {os.cpu_count()}; "
          f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as tmp:
        work = Path(tmp)
        corpus = write_corpus(records, args.articles, work / "corpus.jsonl")
        print(f"{'store':9} {'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10} "
              f"{'main MB':>8} {'worker MB':>9}")
        for store in stores:
            for workers in (int(w) for w in args.workers.split(",")):
                if store == "neo4j":
                    # Each run starts from an empty graph, like the embedded store's new home.
                    subprocess.run([sys.executable, "-m", "geokg.cli", "cypher", "--write",
                                    "MATCH (n) DETACH DELETE n"], check=True,
                                   capture_output=True)
                r = run_ingest(corpus, workers, work / f"home-{store}-{workers}", store)
                print(f"{store:9} {workers:>7} {args.articles:>8} {r['seconds']:>8.1f} "
                      f"{args.articles / r['seconds']:>10.1f} {r['main_peak_mb']:>8.0f} "
                      f"{r['worker_peak_mb']:>9.0f}", flush=True)
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
                  "for ten times the articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
