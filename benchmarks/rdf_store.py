"""Which RDF store for the embedded graph: measured on synthetic articles and claims.

Compares
  (a) rdflib's in-memory Dataset, saved to a TriG file and re-read (rdflib-memory),
  (b) Oxigraph behind rdflib, written as RdfStore wrote it before this benchmark: an ASK for
      the article, then Dataset.addN with a Graph context per quad (oxrdflib),
  (c) pyoxigraph directly: a quad-pattern lookup, then one Store.extend per article
      (pyoxigraph; what RdfStore.add_article does now),
on articles in the shape graph/rdf_model.article_quads produces (10 claims an article, actors
from the real gazetteer, skewed toward a few big ones as in the news). It reports the ingest
rate, per-article ingest time as the store grows, start-up time and memory of opening the large
store (in a fresh process), the latency of every canned query of queries/catalog.toml (the
same SPARQL) and the size on disk.

    python benchmarks/rdf_store.py [--tiny 20] [--small 100] [--large 10000] [--memory-large 1000]
                                   [--oxrdflib-large 10000] [--workdir DIR] [--json FILE]
                                   [--stores pyoxigraph,oxrdflib,rdflib-memory] [--reuse]
    python benchmarks/rdf_store.py --ingest-breakdown 10000   # where add_article's time goes
    python benchmarks/rdf_store.py --rebuild STORE [--stale]  # the summary rebuild of a copy

Sizes are in articles (10 relations each). rdflib's SPARQL engine and its memory store cannot
hold the large store in reasonable time, so (a) is run at --memory-large articles instead."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDFS, Dataset, Literal, URIRef
from rdflib.graph import Graph

from geokg.graph import ontology
from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import Article, Evidence, Relation
from geokg.graph.rdf_model import GEOKG, article_quads
from geokg.graph.rdf_store import RdfStore, to_ox_term, with_parameter_binds
from geokg.queries import catalog as catalog_module
from geokg.queries.catalog import catalog

RELATIONS_PER_ARTICLE = 10
PREFIXES = {"geokg": str(GEOKG), "rdfs": str(RDFS)}
_BIG = ["USA", "CHN", "RUS", "IND", "IDN", "JPN", "GBR", "FRA", "DEU", "TUR", "IRN", "UKR",
        "KOR", "PRK", "ISR", "SAU", "BRA", "AUS", "PAK", "IGO:UN", "IGO:NATO", "IGO:EU"]
_SENTENCE = ("the minister said talks on trade energy security and defence would continue "
             "after a meeting in the capital where officials from both governments discussed "
             "sanctions aid border tensions and a new agreement")
_WORDS = _SENTENCE.split(" ")
_MODALITIES = (["asserted"] * 6) + (["intended"] * 2) + ["negated", "hypothetical"]
_LANGS = ("id", "en", "es", "fr", "de", "pt", "ru", "pl", "ar", "zh")


# ---------------------------------------------------------------- synthetic articles

def actor_pool(registry: ActorRegistry) -> tuple[list[str], list[float]]:
    """All states and IGOs, big ones first, with Zipf-like weights (news is skewed)."""
    ids = [a for a in _BIG if registry.get(a)]
    ids += sorted(a for a, actor in registry.actors.items()
                  if actor.kind in ("state", "igo") and a not in ids)
    return ids, [1.0 / (rank + 1) for rank in range(len(ids))]


def synthetic_articles(count: int, registry: ActorRegistry, seed: int = 7,
                       offset: int = 0) -> Iterator[tuple[Article, list[Relation]]]:
    rng = random.Random(seed + offset)
    ids, weights = actor_pool(registry)
    types = list(ontology.relation_types().values())
    for i in range(offset, offset + count):
        art_id = f"a{i:016x}"
        date = (dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))).isoformat()
        lang = rng.choice(_LANGS)
        article = Article(id=art_id, text="", language=lang, date=date,
                          title=f"Synthetic article {i}", url=f"https://news.example/{i}",
                          source=f"https://news.example/{i}")
        relations, pos = [], 0
        for _ in range(RELATIONS_PER_ARTICLE):
            source, target = rng.choices(ids, weights, k=2)
            while target == source:
                target = rng.choices(ids, weights)[0]
            rt = rng.choice(types)
            modality = rng.choice(_MODALITIES)
            code = ontology.coding(rt.name, modality)
            sentence = " ".join(rng.choices(_WORDS, k=24)).capitalize() + "."
            ev = Evidence(art_id, sentence, pos, pos + len(sentence), date, lang,
                          "geokg-rules/0.1.0")
            pos += len(sentence) + 1
            relations.append(Relation(
                source, rt.name, target, modality, round(rng.uniform(0.5, 0.95), 2), ev,
                symmetric=rt.symmetric, plover=code.plover, cameo=code.cameo,
                cameo_root=code.cameo_root, quad=code.quad, goldstein=code.goldstein,
                trigger="signed",
            ))
        yield article, relations


def canned_params() -> list[tuple[str, dict[str, Any]]]:
    """Three parameter sets per canned query (big and mid actors), bound as RdfStore does,
    plus one with the optional parameters left out where a query has some."""
    sets: dict[str, list[Any]] = {
        "actor": ["USA", "IDN", "IGO:EU"],
        "other": ["CHN", "RUS", "TUR"],
        "source": ["USA", "CHN", "IND"],
        "target": ["CHN", "RUS", "JPN"],
        "relation": ["COOPERATES_WITH", "SANCTIONS", "AGREE"],
        # Canonical values of the other kinds (as CannedQuery.bind makes them).
        "since": ["2019-12-31", "2023-06-01", "2024-06-01"],
        "by": [7, 4, 7],
        "top": [10, 10, 3],
        "kind": ["all", "conflict", "cooperation"],
        "depth": [1, 1, 2],
    }
    out = []
    for name, query in catalog().items():
        for k in range(3):
            values = {p.name: sets.get(p.name, sets["actor"])[k] for p in query.params}
            out.append((name, query.sparql_params(values)))
        if any(getattr(p, "optional", False) for p in query.params):
            values = {p.name: None if getattr(p, "optional", False) else sets[p.name][0]
                      for p in query.params}
            out.append((name, query.sparql_params(values)))
    return out


# ---------------------------------------------------------------- the three stores

class Backend:
    name = ""
    label = ""

    def __init__(self, path: Path):
        self.path = path
        self.check_s = 0.0  # time spent asking whether the article is there

    def add(self, article: Article, relations: list[Relation], now: str) -> None:
        raise NotImplementedError

    def query(self, sparql: str, params: dict[str, Any]) -> int:
        """Run a canned query; return the number of rows (all rows are materialised)."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def size_bytes(self) -> int:
        if self.path.is_file():
            return self.path.stat().st_size
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


class RdflibMemory(Backend):
    name, label = "rdflib-memory", "(a) rdflib memory + TriG file"

    def __init__(self, path: Path):
        super().__init__(path)
        self.ds = Dataset(default_union=True)
        self.registry = default_registry()
        self.save_s = 0.0

    def add(self, article: Article, relations: list[Relation], now: str) -> None:
        t = time.perf_counter()
        found = next(self.ds.quads((None, GEOKG.articleId, Literal(article.id), None)), None)
        self.check_s += time.perf_counter() - t
        if found:
            return
        contexts: dict[URIRef, Graph] = {}
        self.ds.addN(
            (s, p, o, contexts.get(g) or contexts.setdefault(g, self.ds.graph(g)))
            for s, p, o, g in article_quads(article, relations, self.registry, now)
        )

    def query(self, sparql: str, params: dict[str, Any]) -> int:
        return len(list(self.ds.query(sparql, initNs=PREFIXES, initBindings=params)))

    def close(self) -> None:
        t = time.perf_counter()
        self.ds.serialize(destination=str(self.path), format="trig")
        self.save_s = time.perf_counter() - t


class OxRdflib(Backend):
    name, label = "oxrdflib", "(b) Oxigraph via rdflib (oxrdflib)"

    def __init__(self, path: Path):
        super().__init__(path)
        self.ds = Dataset(store="Oxigraph", default_union=True)
        self.ds.open(str(path), create=not path.exists())
        self.registry = default_registry()

    def add(self, article: Article, relations: list[Relation], now: str) -> None:
        # Exactly what RdfStore.add_article did: an ASK, then addN with a context per quad.
        t = time.perf_counter()
        found = self.ds.query(
            "ASK { GRAPH ?g { ?article a geokg:Article ; geokg:articleId ?id } }",
            initNs=PREFIXES, initBindings={"id": Literal(article.id)},
        ).askAnswer
        self.check_s += time.perf_counter() - t
        if found:
            return
        self.ds.addN([(s, p, o, self.ds.graph(g))
                      for s, p, o, g in article_quads(article, relations, self.registry, now)])

    def query(self, sparql: str, params: dict[str, Any]) -> int:
        return len(list(self.ds.query(sparql, initNs=PREFIXES, initBindings=params)))

    def close(self) -> None:
        self.ds.close()
        gc.collect()


class PyOxigraph(Backend):
    name, label = "pyoxigraph", "(c) pyoxigraph directly (RdfStore)"

    def __init__(self, path: Path):
        super().__init__(path)
        # RdfStore itself: its writes keep the per-dyad summary the canned queries read
        # (opening a store built without one rebuilds it; the time is reported).
        t = time.perf_counter()
        self.rdf = RdfStore(path, default_registry())
        self.open_s = time.perf_counter() - t
        self.store = self.rdf.oxigraph

    def add(self, article: Article, relations: list[Relation], now: str) -> None:
        t = time.perf_counter()
        found = self.rdf.has_article(article.id)
        self.check_s += time.perf_counter() - t
        if found:
            return
        self.rdf.add_article(article, relations)

    def query(self, sparql: str, params: dict[str, Any]) -> int:
        result = self.store.query(
            sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
            substitutions={ox.Variable(k): to_ox_term(v) for k, v in params.items()},
        )
        return sum(1 for _ in result)

    def close(self) -> None:
        self.store.flush()
        del self.store
        self.rdf.close()
        del self.rdf
        gc.collect()


BACKENDS: dict[str, type[Backend]] = {
    b.name: b for b in (RdflibMemory, OxRdflib, PyOxigraph)
}


# ---------------------------------------------------------------- measurements

def ingest(backend: Backend, count: int, registry: ActorRegistry,
           deadline: float | None = None) -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    per_article: list[float] = []
    quads = 0
    for article, relations in synthetic_articles(count, registry):
        # Generating the rdflib terms is part of add (RdfStore does it too); making the
        # synthetic Article/Relation objects is not.
        t = time.perf_counter()
        backend.add(article, relations, now)
        per_article.append(time.perf_counter() - t)
        if deadline and time.perf_counter() > deadline:
            break
    quads = sum(1 for _ in article_quads(*next(synthetic_articles(1, registry)), registry, now))
    total = sum(per_article)
    n = len(per_article)
    out: dict[str, Any] = {
        "articles": n, "relations": n * RELATIONS_PER_ARTICLE,
        "quads_per_article": quads, "seconds": round(total, 2),
        "articles_per_s": round(n / total, 1), "triples_per_s": round(n * quads / total),
        "check_share": round(backend.check_s / total, 3),
    }
    if n >= 2000:
        first, last = per_article[:1000], per_article[-1000:]
        out["first_1k_ms"] = _summary(first)
        out["last_1k_ms"] = _summary(last)
    return out


def _summary(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    return {"mean": round(statistics.fmean(ms), 2), "p50": round(ms[len(ms) // 2], 2),
            "p95": round(ms[int(len(ms) * 0.95)], 2)}


def ingest_breakdown(path: Path, count: int, registry: ActorRegistry) -> dict[str, Any]:
    """Where RdfStore.add_article's time goes as the store grows: the same steps, timed one by
    one (has_article, building the quads, the summary change, the one-transaction update, the
    flush every _FLUSH_EVERY articles), as wall time and as this thread's CPU time (less
    sensitive to other processes on a busy machine; RocksDB's background compaction runs in
    other threads, so it shows in the process CPU time only)."""
    from geokg.graph import rdf_store as rs

    if path.exists():
        shutil.rmtree(path)
    store = rs.RdfStore(path, registry)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    phases = ("has_article", "quads", "summary", "update", "flush")
    wall: dict[str, list[float]] = {k: [] for k in phases}
    cpu: dict[str, list[float]] = {k: [] for k in phases}
    process: list[float] = []
    for n, (article, relations) in enumerate(synthetic_articles(count, registry), 1):
        p0 = time.process_time()
        marks = [(time.perf_counter(), time.thread_time())]
        assert not store.has_article(article.id)
        marks.append((time.perf_counter(), time.thread_time()))
        quads = [rs.to_ox_quad(q) for q in article_quads(article, relations, registry, now)]
        marks.append((time.perf_counter(), time.thread_time()))
        delete, insert = rs.summary_change(store.oxigraph, rs.facts_from_quads(quads), [], set())
        marks.append((time.perf_counter(), time.thread_time()))
        store.oxigraph.update(rs.replace_update([], quads, [], delete, insert))
        marks.append((time.perf_counter(), time.thread_time()))
        if n % rs._FLUSH_EVERY == 0:
            store.oxigraph.flush()
        marks.append((time.perf_counter(), time.thread_time()))
        for k, phase in enumerate(phases):
            wall[phase].append(marks[k + 1][0] - marks[k][0])
            cpu[phase].append(marks[k + 1][1] - marks[k][1])
        process.append(time.process_time() - p0)
    store.close()

    def per_1k(values: list[float], part: slice) -> float:
        # Mean ms an article (the flush is shared out over the articles it follows).
        chunk = values[part]
        return round(sum(chunk) * 1000 / len(chunk), 2)

    first, last = slice(0, 1000), slice(-1000, None)
    out: dict[str, Any] = {"articles": count}
    for phase in phases:
        out[phase] = {"wall_first_1k": per_1k(wall[phase], first),
                      "wall_last_1k": per_1k(wall[phase], last),
                      "cpu_first_1k": per_1k(cpu[phase], first),
                      "cpu_last_1k": per_1k(cpu[phase], last)}
    out["process_cpu"] = {"first_1k": per_1k(process, first), "last_1k": per_1k(process, last)}
    return out


def print_breakdown(b: dict[str, Any]) -> None:
    print(f"\n== RdfStore.add_article, step by step, {b['articles']} articles: mean ms an article "
          "in the first and the last 1k ==")
    print(f"{'step':<12} {'wall first':>10} {'wall last':>10} {'cpu first':>10} {'cpu last':>10}")
    for phase in ("has_article", "quads", "summary", "update", "flush"):
        r = b[phase]
        print(f"{phase:<12} {r['wall_first_1k']:>10} {r['wall_last_1k']:>10} "
              f"{r['cpu_first_1k']:>10} {r['cpu_last_1k']:>10}")
    pc = b["process_cpu"]
    print(f"{'process cpu':<12} {'':>10} {'':>10} {pc['first_1k']:>10} {pc['last_1k']:>10}  "
          "(all threads, RocksDB's included)")


def query_variants() -> dict[str, str]:
    """The canned queries as in the catalog, plus rewrites that split the actors graph pattern
    in two (Oxigraph otherwise joins every pair of actors with every claim)."""
    out = {name: q.sparql for name, q in catalog().items()}
    rewrites = {
        "relations": ("GRAPH ?actors { ?s geokg:code ?source . ?o geokg:code ?target }",
                      "GRAPH ?a1 { ?s geokg:code ?source } GRAPH ?a2 { ?o geokg:code ?target }"),
        "who": ("GRAPH ?actors { ?s geokg:code ?source ; rdfs:label ?name . "
                "?actor geokg:code ?target }",
                "GRAPH ?a1 { ?s geokg:code ?source ; rdfs:label ?name } "
                "GRAPH ?a2 { ?actor geokg:code ?target }"),
    }
    for name, (old, new) in rewrites.items():
        if name in out and old in out[name]:
            out[name + "*"] = out[name].replace(old, new)
    # relations**: also the two directions as a UNION of index lookups instead of a FILTER.
    both = ("?c a geokg:Claim ; geokg:subject ?s ; geokg:object ?o ;",
            "{ ?c geokg:subject ?actor ; geokg:object ?other . BIND(?actor AS ?s) "
            "BIND(?other AS ?o) } UNION { ?c geokg:subject ?other ; geokg:object ?actor . "
            "BIND(?other AS ?s) BIND(?actor AS ?o) }\n    ?c a geokg:Claim ;")
    flt = "FILTER((?s = ?actor && ?o = ?other) || (?s = ?other && ?o = ?actor))"
    if "relations*" in out and both[0] in out["relations*"] and flt in out["relations*"]:
        out["relations**"] = out["relations*"].replace(*both).replace(flt, "")
    return out


def query_latencies(backend: Backend, budget_s: float, skip: set[str],
                    binding: str = "values") -> tuple[list[dict[str, Any]], set[str]]:
    """Latency of every canned query (3 parameter sets; median of 3 runs when under 1 s).
    A query whose first run exceeds budget_s is run once only and returned in `slow`."""
    rows, slow = [], set()
    variants = query_variants()
    for name, params in canned_params():
        for variant in (name, name + "*", name + "**"):
            if variant not in variants:
                continue
            if variant in skip or variant in slow:
                rows.append({"query": variant, "params": _params(params), "rows": None,
                             "ms": None})
                continue
            sparql = variants[variant]
            if binding == "values":
                sparql, bound = with_parameter_binds(sparql, params), {}
            else:
                bound = params
            times, count = [], 0
            for _ in range(3):
                t = time.perf_counter()
                count = backend.query(sparql, bound)
                times.append(time.perf_counter() - t)
                if times[0] > 1.0:
                    break
            if times[0] > budget_s:
                slow.add(variant)
            rows.append({"query": variant, "params": _params(params), "rows": count,
                         "ms": round(statistics.median(times) * 1000, 2)})
    return rows, slow


def _params(params: dict[str, Any]) -> str:
    return " ".join(_short(v) for v in params.values())


def _short(value: Any) -> str:
    return str(value).rsplit("/", 1)[-1]


_OPEN_SNIPPET = r"""
import gc, json, sys, time
def status(key):
    # VmHWM, not ru_maxrss: Linux keeps the parent's ru_maxrss across fork+exec.
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
kind, path = sys.argv[1], sys.argv[2]
import pyoxigraph as ox
from rdflib import Dataset, Literal
gc.collect()
base = status("VmRSS")
ask = "ASK { GRAPH ?g { ?a <https://w3id.org/geokg/ontology#articleId> ?id } }"
t = time.perf_counter()
if kind == "rdflib-memory":
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    opened = time.perf_counter()
    answer = ds.query(ask, initBindings={"id": Literal("a0000000000000000")}).askAnswer
elif kind == "oxrdflib":
    ds = Dataset(store="Oxigraph", default_union=True)
    ds.open(path)
    opened = time.perf_counter()
    answer = ds.query(ask, initBindings={"id": Literal("a0000000000000000")}).askAnswer
else:
    store = ox.Store(path)
    opened = time.perf_counter()
    sub = {ox.Variable("id"): ox.Literal("a0000000000000000")}
    answer = bool(store.query(ask, substitutions=sub))
done = time.perf_counter()
print(json.dumps({"open_s": round(opened - t, 3), "first_ask_s": round(done - opened, 3),
                  "answer": answer, "rss_added_mb": round((status("VmRSS") - base) / 2**20, 1),
                  "peak_rss_mb": round(status("VmHWM") / 2**20, 1)}))
"""


_REBUILD_SNIPPET = r"""
import json, sys, time
import pyoxigraph as ox
from geokg.graph.rdf_summary import MARKER, SUMMARY_GRAPH, SUMMARY_VERSION_PROP
from geokg.graph.rdf_store import RdfStore
path, stale = sys.argv[1], sys.argv[2] == "1"
store = ox.Store(path)
store.remove(MARKER)
if stale:  # as after a version change: none of the stored summary can stay
    store.add(ox.Quad(SUMMARY_GRAPH, SUMMARY_VERSION_PROP, ox.Literal("0"), SUMMARY_GRAPH))
store.flush()
del store
t = time.perf_counter()
RdfStore(path).close()  # opened without marker: rebuilds the summary
took = time.perf_counter() - t
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"rebuild_s": round(took, 1), "peak_rss_mb": round(hwm / 1024)}))
"""


def rebuild_in_fresh_process(store: Path, workdir: Path, stale: bool) -> dict[str, Any]:
    """Copy `store` (left as it is) and time the rebuild of the copy's summary, forced by
    deleting the marker (and with `stale`, by a marker of another version)."""
    copy = workdir / "rebuild-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    try:
        out = subprocess.run([sys.executable, "-c", _REBUILD_SNIPPET, str(copy),
                              "1" if stale else "0"], capture_output=True, text=True, check=True)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    return {"store": str(store), "stale": stale, **json.loads(out.stdout),
            "load": os.getloadavg()[0]}


def open_in_fresh_process(kind: str, path: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _OPEN_SNIPPET, kind, str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(kind: str, articles: int, workdir: Path, registry: ActorRegistry,
            deadline_s: float | None, budget_s: float, skip: set[str],
            reuse: bool = False) -> dict[str, Any]:
    suffix = ".trig" if kind == "rdflib-memory" else ""
    path = workdir / f"{kind}-{articles}{suffix}"
    # Reusing a finished store skips minutes of ingest when only the queries changed.
    done = path.with_name(path.name + ".ingest.json")
    reused = reuse and kind != "rdflib-memory" and path.is_dir() and done.exists()
    if path.exists() and not reused:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    backend = BACKENDS[kind](path)
    deadline = time.perf_counter() + deadline_s if deadline_s else None
    if reused:
        ingested = json.loads(done.read_text(encoding="utf-8"))
    else:
        ingested = ingest(backend, articles, registry, deadline)
        done.write_text(json.dumps(ingested), encoding="utf-8")
    result: dict[str, Any] = {"store": kind, "ingest": ingested}
    if isinstance(backend, PyOxigraph):
        result["open_rdfstore_s"] = round(backend.open_s, 2)
    result["queries"], result["slow"] = query_latencies(backend, budget_s, skip)
    if kind == "pyoxigraph" and articles <= 100:
        # The binding alone: Oxigraph's substitutions (oxrdflib's initBindings) vs VALUES.
        result["queries_substitutions"], _ = query_latencies(backend, budget_s, skip,
                                                             binding="substitutions")
    backend.close()
    if isinstance(backend, RdflibMemory):
        result["save_trig_s"] = round(backend.save_s, 2)
    result["disk_mb"] = round(backend.size_bytes() / 2**20, 1)
    result["open"] = open_in_fresh_process(kind, path)
    return result


# ---------------------------------------------------------------- report

def print_report(results: list[dict[str, Any]]) -> None:
    print("\n== ingest ==")
    print(f"{'store':<15} {'articles':>8} {'relations':>9} {'quads/art':>9} {'s':>8} "
          f"{'art/s':>8} {'triples/s':>10} {'check%':>6}  first 1k ms (mean/p95)  "
          "last 1k ms (mean/p95)")
    for r in results:
        i = r["ingest"]
        first = i.get("first_1k_ms")
        last = i.get("last_1k_ms")
        growth = (f"  {first['mean']:>8} / {first['p95']:<8}      {last['mean']:>8} / "
                  f"{last['p95']:<8}" if first else "")
        print(f"{r['store']:<15} {i['articles']:>8} {i['relations']:>9} "
              f"{i['quads_per_article']:>9} {i['seconds']:>8} {i['articles_per_s']:>8} "
              f"{i['triples_per_s']:>10} {i['check_share'] * 100:>5.1f}%{growth}")
    print("\n== open the store in a fresh process, then one ASK ==")
    for r in results:
        o = r["open"]
        extra = f", save TriG {r['save_trig_s']} s" if "save_trig_s" in r else ""
        print(f"{r['store']:<15} {r['ingest']['relations']:>7} relations: open "
              f"{o['open_s']:>7} s + first ASK {o['first_ask_s']:>7} s, RSS +"
              f"{o['rss_added_mb']} MB (process peak {o['peak_rss_mb']} MB); on disk "
              f"{r['disk_mb']} MB{extra}")
        if "open_rdfstore_s" in r:
            print(f"{'':<15} RdfStore open (rebuilds a missing summary): {r['open_rdfstore_s']} s")
    print("\n== canned query latency, ms (rows); parameters bound as RdfStore binds them; "
          "* = actors pattern split; - = skipped (over budget at a smaller size or an earlier "
          "parameter set) ==")
    columns = [(r["store"], r["ingest"]["relations"], r["queries"]) for r in results]
    sub = next((r for r in results if "queries_substitutions" in r), None)
    if sub:
        columns.append(("pyox-subst", sub["ingest"]["relations"], sub["queries_substitutions"]))
    header = "".join(f"{s[:10] + '@' + _k(n):>19}" for s, n, _ in columns)
    print(f"{'query':<12} {'params':<28}{header}")
    for k, q in enumerate(results[0]["queries"]):
        cells = "".join(_cell(rows[k]) for _, _, rows in columns)
        print(f"{q['query']:<12} {q['params'][:28]:<28}{cells}")


def _cell(row: dict[str, Any]) -> str:
    if row["ms"] is None:
        return f"{'-':>19}"
    return f"{row['ms']:>12.1f} ({row['rows']:>4})"


def _k(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 else str(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", type=int, default=20, help="articles in the tiny store")
    parser.add_argument("--small", type=int, default=100, help="articles in the small store")
    parser.add_argument("--large", type=int, default=10_000, help="articles in the large store")
    parser.add_argument("--memory-large", type=int, default=1_000,
                        help="articles for rdflib-memory's large run")
    parser.add_argument("--oxrdflib-large", type=int, default=10_000,
                        help="articles for oxrdflib's large run")
    parser.add_argument("--oxrdflib-budget", type=float, default=300.0,
                        help="stop oxrdflib's large ingest after this many seconds")
    parser.add_argument("--query-budget", type=float, default=10.0,
                        help="a query slower than this is run once and skipped at larger sizes")
    parser.add_argument("--workdir", type=Path, help="where the stores go (default: a temp dir)")
    parser.add_argument("--stores", default=",".join(BACKENDS),
                        help="comma-separated stores to measure (default: all three)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --workdir: query the stores a previous run left there "
                             "instead of ingesting them again")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--catalog", type=Path, metavar="TOML",
                        help="measure the canned queries of this catalog file instead "
                             "(e.g. an older queries/catalog.toml, for before/after figures)")
    parser.add_argument("--ingest-breakdown", type=int, metavar="N",
                        help="only time RdfStore.add_article step by step over N articles")
    parser.add_argument("--rebuild", type=Path, metavar="STORE",
                        help="only time the summary rebuild (and its peak memory) of a copy "
                             "of this pyoxigraph store, forced by deleting the marker")
    parser.add_argument("--stale", action="store_true",
                        help="with --rebuild: as after a version change (none of it kept)")
    args = parser.parse_args(argv)

    if args.catalog:
        catalog_module.CATALOG_FILE = args.catalog
        catalog_module.catalog.cache_clear()
    registry = default_registry()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="geokg-rdfbench-"))
    workdir.mkdir(parents=True, exist_ok=True)

    def finish(figures: object) -> int:
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
        return 0

    if args.rebuild:
        figures = rebuild_in_fresh_process(args.rebuild, workdir, args.stale)
        print(json.dumps(figures))
        return finish(figures)
    if args.ingest_breakdown:
        breakdown = ingest_breakdown(workdir / "breakdown", args.ingest_breakdown, registry)
        print_breakdown(breakdown)
        return finish(breakdown)
    started = time.perf_counter()
    # The tiny stage finds the pathological queries (over 2 s at 200 relations) so that the
    # larger stores do not spend minutes on them.
    plan: list[tuple[str, int, float | None]] = [
        ("rdflib-memory", args.tiny, None), ("oxrdflib", args.tiny, None),
        ("pyoxigraph", args.tiny, None),
        ("rdflib-memory", args.small, None), ("oxrdflib", args.small, None),
        ("pyoxigraph", args.small, None),
        ("rdflib-memory", args.memory_large, None),
        ("oxrdflib", args.oxrdflib_large, args.oxrdflib_budget),
        ("pyoxigraph", args.large, None),
    ]
    stores = {k.strip() for k in args.stores.split(",") if k.strip()}
    unknown = stores - set(BACKENDS)
    if unknown:
        parser.error(f"unknown store(s) {', '.join(sorted(unknown))}; known: {', '.join(BACKENDS)}")
    plan = [step for step in plan if step[0] in stores]
    results = []
    slow: dict[str, set[str]] = {}
    for kind, articles, budget in plan:
        t = time.perf_counter()
        print(f"… {kind}: {articles} articles", file=sys.stderr, flush=True)
        query_budget = 2.0 if articles == args.tiny else args.query_budget
        result = measure(kind, articles, workdir, registry, budget, query_budget,
                         slow.get(kind, set()), reuse=args.reuse and bool(args.workdir))
        slow.setdefault(kind, set()).update(result.pop("slow"))
        results.append(result)
        print(f"  done in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    print(f"python {sys.version.split()[0]}, pyoxigraph {ox.__version__}, "
          f"{os.cpu_count()} CPUs; {RELATIONS_PER_ARTICLE} relations an article; "
          f"total {time.perf_counter() - started:.0f} s")
    print_report(results)
    return finish(results)


if __name__ == "__main__":
    sys.exit(main())
