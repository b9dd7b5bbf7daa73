"""Extraction speed and memory: sentences/s and articles/s on one core and on all cores, and
peak memory, on the dev articles of ../shared/eval repeated to at least 10 MB of text.

    python benchmarks/extract_speed.py [--eval-dir ../shared/eval/dev] [--mb 10]

The gold data is read from ../shared (it is never copied into the project)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from geokg.ingest.pipeline import extract_article

ROOT = Path(__file__).resolve().parent.parent


def load_corpus(eval_dir: Path, megabytes: float) -> list[dict]:
    records = [json.loads(line) for path in sorted((eval_dir / "articles").glob("*.jsonl"))
               for line in path.open(encoding="utf-8") if line.strip()]
    corpus, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        for record in records:
            # Each copy is a distinct article (a varied first line), as in a real stream.
            corpus.append({**record, "text": f"[{copy}] " + record["text"]})
            size += len(record["text"].encode("utf-8"))
        copy += 1
    return corpus


def extract_batch(records: list[dict]) -> tuple[int, int]:
    sentences = relations = 0
    for record in records:
        result = extract_article(record["text"], language=record["lang"], date=record.get("date"))
        sentences += len(result.sentences)
        relations += len(result.relations)
    return sentences, relations


def warm_up(records: list[dict]) -> None:
    # Gazetteers and lexicons are built once per process and language; that start-up is
    # measured apart from the steady rate.
    seen: set[str] = set()
    for record in records:
        if record["lang"] not in seen:
            seen.add(record["lang"])
            extract_batch([record])


def run(corpus: list[dict], workers: int) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds of this process (one worker only: 0 otherwise), sentences and
    relations. The CPU time is what one core costs even on a machine busy with other work."""
    start, cpu = time.perf_counter(), time.process_time()
    if workers == 1:
        sentences, relations = extract_batch(corpus)
        cpu = time.process_time() - cpu
    else:
        cpu = 0.0
        chunks = [corpus[i::workers * 8] for i in range(workers * 8)]
        with ProcessPoolExecutor(workers, initializer=warm_up, initargs=(corpus[:60],)) as pool:
            results = list(pool.map(extract_batch, chunks))
        sentences, relations = sum(r[0] for r in results), sum(r[1] for r in results)
    return time.perf_counter() - start, cpu, sentences, relations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--mb", type=float, default=10.0, help="text to extract, in MB")
    args = parser.parse_args()
    if not (args.eval_dir / "articles").is_dir():
        print(f"no dev articles at {args.eval_dir}", file=sys.stderr)
        return 2
    corpus = load_corpus(args.eval_dir, args.mb)
    megabytes = sum(len(r["text"].encode("utf-8")) for r in corpus) / 1_000_000
    t0 = time.perf_counter()
    warm_up(corpus)
    startup = time.perf_counter() - t0
    print(f"corpus: {len(corpus)} articles, {megabytes:.1f} MB; start-up (all languages) "
          f"{startup:.1f} s")
    for workers in sorted({1, os.cpu_count() or 1}):
        load = os.getloadavg()[0]
        seconds, cpu, sentences, relations = run(corpus, workers)
        per_cpu = f", {sentences / cpu:,.0f} sentences per CPU second" if cpu else ""
        print(f"workers={workers}: {seconds:.1f} s, {sentences / seconds:,.0f} sentences/s, "
              f"{len(corpus) / seconds:,.1f} articles/s, {megabytes / seconds:.2f} MB/s, "
              f"{relations} relations{per_cpu}; load {load:.1f} → {os.getloadavg()[0]:.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (main process), {children:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
