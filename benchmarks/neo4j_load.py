"""How fast the Neo4j loader writes: 100k synthetic relations (claims), first load and repeat.

Starts the test server (tests/neo4j_server.py), then for each batch size (claims per write
transaction) loads the same synthetic articles into an empty database and prints
relationships/s for

* the first load (every claim new: Claim node, SOURCE/TARGET/IN_ARTICLE, aggregated types),
* the repeated load (same articles again: skipped, as `add_article` does; nothing changes),
* a forced re-merge of everything (what a retried transaction does; nothing changes either).

Run: .venv/bin/python benchmarks/neo4j_load.py [--claims 100000] [--sizes 500,2000,5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import neo4j  # noqa: E402

from geokg.graph import ontology  # noqa: E402
from geokg.graph.model import Article, Evidence, Relation  # noqa: E402
from geokg.graph.neo4j_store import (  # noqa: E402
    ArticleRows,
    Neo4jConfig,
    Neo4jStore,
    actor_row,
    article_row,
    claim_row,
)
from tests.neo4j_server import start_neo4j  # noqa: E402

CLAIMS_PER_ARTICLE = 10
ACTORS = ["CHN", "RUS", "IND", "USA", "IDN", "MYS", "JPN", "AUS", "DEU", "FRA", "GBR", "TUR",
          "GRC", "BRA", "ZAF", "EGY", "SAU", "IRN", "ISR", "UKR", "POL", "KOR", "PRK", "VNM",
          "PHL", "THA", "SGP", "PAK", "NGA", "MEX", "CAN", "ARG", "IGO:UN", "IGO:EU", "IGO:NATO"]
MODALITIES = ["asserted"] * 6 + ["intended"] * 2 + ["negated", "hypothetical"]


def synthetic(claims: int, seed: int = 7) -> list[tuple[Article, list[Relation]]]:
    rng = random.Random(seed)
    types = sorted(ontology.relation_types().values(), key=lambda rt: rt.name)
    out = []
    for a in range(claims // CLAIMS_PER_ARTICLE):
        date = f"20{10 + a % 15:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        article = Article(id=f"abench{a:011d}", text="", language="en", date=date,
                          title=f"Synthetic article {a}", source="benchmark")
        rels = []
        for i in range(CLAIMS_PER_ARTICLE):
            source, target = rng.sample(ACTORS, 2)
            rt = rng.choice(types)
            ev = Evidence(article.id, f"Sentence {i} of article {a}: {source} {rt.name} {target}.",
                          i * 100, i * 100 + 60, date, "en", "benchmark")
            rels.append(Relation(source, rt.name, target, rng.choice(MODALITIES),
                                 round(rng.uniform(0.5, 1.0), 2), ev, rt.symmetric, rt.plover,
                                 rt.cameo, rt.cameo_root, rt.quad, rt.goldstein))
        out.append((article, rels))
    return out


def timed(label: str, n: int, store: Neo4jStore, rows: list[ArticleRows],
          skip_existing: bool = True) -> float:
    start = time.perf_counter()
    store.write_rows(rows, skip_existing=skip_existing)
    seconds = time.perf_counter() - start
    print(f"  {label:<34} {seconds:7.2f} s  {n / seconds:9.0f} relationships/s", flush=True)
    return n / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sizes", default="1000,5000",
                        help="batch sizes to try (claims per transaction)")
    args = parser.parse_args()
    batch = synthetic(args.claims)
    claims = sum(len(r) for _, r in batch)
    print(f"{len(batch)} articles, {claims} claims", flush=True)
    results = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        # A fresh server per size: every first load starts from an empty database (deleting
        # 100k claims and their dense actors in place needs more memory than the test heap).
        print(f"batch size {size}:", flush=True)
        with start_neo4j() as server:
            driver = neo4j.GraphDatabase.driver(server.bolt_uri, auth=None)
            store = Neo4jStore(Neo4jConfig(server.bolt_uri), driver=driver, batch_size=size)
            rows = [ArticleRows(article_row(a, "2026-01-01T00:00:00+00:00"),
                                [actor_row(x, store.registry)
                                 for x in sorted({y for r in rels for y in (r.source, r.target)})],
                                [claim_row(r) for r in rels]) for a, rels in batch]
            first = timed("first load", claims, store, rows)
            counts = (store.stats(), store.relationship_count())
            repeat = timed("repeated load (skips stored)", claims, store, rows)
            remerge = timed("forced re-merge (a retry)", claims, store, rows,
                            skip_existing=False)
            assert (store.stats(), store.relationship_count()) == counts, "not idempotent"
            print(f"  counts unchanged: {counts[0]}, {counts[1]} relationships in the graph")
            results[size] = (first, repeat, remerge)
            driver.close()
    best = max(results, key=lambda s: results[s][0])
    print(f"fastest first load: batch size {best} ({results[best][0]:.0f} relationships/s)")


if __name__ == "__main__":
    main()
