"""The Neo4j store: the same Store protocol as the embedded RDF store, over the Bolt driver.

Writes are batched ``UNWIND $rows AS row MERGE … SET …`` statements inside managed write
transactions (``session.execute_write``), so the driver may retry a transaction function and
the result is the same: every write is a MERGE, the aggregated typed relationships are
recomputed from the claims of the keys a batch touched, never incremented, and the articles a
changed version replaces are looked up inside the transaction that deletes them."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j
import neo4j.exceptions

from geokg.graph.actors import ActorRegistry, default_registry
from geokg.graph.model import FACTUAL_MODALITIES, Article, Relation
from geokg.graph.neo4j_schema import KIND_LABELS, SCHEMA_STATEMENTS, checked_type
from geokg.graph.store import NEW, REPLACED, UNCHANGED, Stored

# Claims per write transaction: in benchmarks/neo4j_load.py 5000 loaded about twice as fast as
# 1000 and 2.5x as fast as 200 (fewer round trips and per-type statements per claim), and a
# 5000-claim transaction stays far below a 1 GB heap.
DEFAULT_BATCH_SIZE = 5000

Row = dict[str, Any]


@dataclass(frozen=True)
class Neo4jConfig:
    """Where the Neo4j server is. The password comes only from the environment and is
    never part of repr() or any message."""

    uri: str
    user: str | None = None
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls) -> Neo4jConfig | None:
        uri = os.environ.get("NEO4J_URI", "").strip()
        if not uri:
            return None
        return cls(
            uri=uri,
            user=os.environ.get("NEO4J_USER") or None,
            password=os.environ.get("NEO4J_PASSWORD") or None,
            database=os.environ.get("NEO4J_DATABASE") or None,
        )

    @property
    def auth(self) -> tuple[str, str] | None:
        # No user and no password: a server with auth disabled (the test server).
        if self.user is None and self.password is None:
            return None
        return (self.user or "neo4j", self.password or "")

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return f"Neo4jConfig(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"


# ------------------------------------------------------------------------------- Cypher

_EXISTING_ARTICLES = "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id"

_MERGE_ARTICLES = """
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row
"""

# Labels are fixed text; FOREACH over a 0/1-element list is Cypher's conditional SET.
_MERGE_ACTORS = """
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.qid = row.qid, a.kind = row.kind
FOREACH (_ IN CASE WHEN row.kind = 'state' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN row.kind = 'igo' THEN [1] ELSE [] END | SET a:IGO)
FOREACH (_ IN CASE WHEN row.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
"""

_MERGE_CLAIMS = """
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Actor {id: row.source}), (t:Actor {id: row.target}), (art:Article {id: row.article})
USING INDEX s:Actor(id) USING INDEX t:Actor(id) USING INDEX art:Article(id)
MERGE (c:Claim {id: row.props.id})
SET c += row.props
MERGE (c)-[:SOURCE]->(s)
MERGE (c)-[:TARGET]->(t)
MERGE (c)-[:IN_ARTICLE]->(art)
"""

# The write statements are planned once (`replan=skip`): a growing database otherwise has
# every statement replanned again and again during a load (the statistics keep diverging),
# and planning ~80 per-type statements per batch cost far more than running them. The index
# hints make that one plan the right one whatever the statistics were when it was made.
# One statement per relationship type (types can't be parameters). The key's claims are the
# ones the relationship already lists plus the batch's new ones, looked up by their unique id:
# O(mentions) per key, where matching the actors' SOURCE/TARGET neighbourhoods would cost the
# degree of a busy actor. Recomputed from those Claim nodes (never incremented), so running it
# again, or after a retry, gives the same relationship.
_AGGREGATE = """
CYPHER replan=skip
UNWIND $keys AS key
MATCH (a:Actor {{id: key.source}}), (b:Actor {{id: key.target}})
USING INDEX a:Actor(id) USING INDEX b:Actor(id)
OPTIONAL MATCH (a)-[old:{type}]->(b)
UNWIND coalesce(old.claims, []) + key.ids AS claim_id
WITH DISTINCT a, b, claim_id
MATCH (c:Claim {{id: claim_id}}) USING INDEX c:Claim(id)
WHERE c.modality IN $factual
WITH a, b, c ORDER BY c.id
WITH a, b, collect(c) AS cs, max(c.confidence) AS confidence, min(c.date) AS first_seen,
     max(c.date) AS last_seen
WITH a, b, cs, confidence, first_seen, last_seen,
     [x IN cs WHERE x.modality = 'asserted'] AS asserted
WITH a, b, cs, confidence, first_seen, last_seen, size(asserted) > 0 AS any_asserted,
     coalesce(head(asserted), head(cs)) AS rep
MERGE (a)-[r:{type}]->(b)
SET r.plover = rep.plover, r.cameo = rep.cameo, r.cameo_root = rep.cameo_root,
    r.goldstein = rep.goldstein, r.quad = rep.quad,
    r.modality = CASE WHEN any_asserted THEN 'asserted' ELSE 'intended' END,
    r.confidence = confidence, r.first_seen = first_seen, r.last_seen = last_seen,
    r.mentions = size(cs), r.claims = [x IN cs | x.id]
"""

# A changed article replaces the articles read from the same origin: they, their claims, the
# aggregated relationships only they supported and actors no claim mentions any more go, in
# the transaction that writes the new version (all values are parameters).
_FROM_ORIGINS = """
UNWIND $rows AS row
MATCH (a:Article {origin: row.origin})
WHERE NOT a.id IN row.keep
RETURN a.id AS id, a.origin AS origin,
       [(a)<-[:IN_ARTICLE]-(c:Claim) | {id: c.id, relation: c.relation, modality: c.modality,
        source: head([(c)-[:SOURCE]->(s:Actor) | s.id]),
        target: head([(c)-[:TARGET]->(t:Actor) | t.id])}] AS claims
"""

_DELETE_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)<-[:IN_ARTICLE]-(c:Claim)
DETACH DELETE c
WITH DISTINCT a
DETACH DELETE a
"""

# The relationship lists its claims: drop the deleted ones, and the relationship when none
# is left; _AGGREGATE then recomputes the properties of those that remain.
_PRUNE = """
UNWIND $keys AS key
MATCH (a:Actor {{id: key.source}})-[r:{type}]->(b:Actor {{id: key.target}})
WITH r, [x IN coalesce(r.claims, []) WHERE NOT x IN key.ids] AS rest
FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.claims = rest)
"""

_DELETE_ORPHAN_ACTORS = """
UNWIND $ids AS id
MATCH (x:Actor {id: id})
WHERE NOT EXISTS { (x)<-[:SOURCE|TARGET]-(:Claim) }
DETACH DELETE x
"""

_STATS = """
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (c:Claim) RETURN count(c) AS relations }
CALL () { MATCH (x:Actor) WHERE EXISTS { (x)<-[:SOURCE|TARGET]-(:Claim) }
       RETURN count(x) AS actors }
RETURN articles, actors, relations
"""

# The same keys and value types as RdfStore.claims().
_CLAIMS = """
MATCH (s:Actor)<-[:SOURCE]-(c:Claim)-[:TARGET]->(t:Actor), (c)-[:IN_ARTICLE]->(art:Article)
WHERE NOT $factual_only OR c.modality IN $factual
RETURN c.id AS id, s.id AS source, s.name AS source_name, s.kind AS source_kind,
       c.relation AS relation, t.id AS target, t.name AS target_name, t.kind AS target_kind,
       c.modality AS modality, c.confidence AS confidence, c.goldstein AS goldstein,
       c.quad AS quad, c.plover AS plover, c.cameo_root AS cameo_root,
       c.symmetric AS symmetric, c.date AS date, c.sentence AS sentence, art.id AS article
ORDER BY id
"""


# --------------------------------------------------------------------------- rows


def actor_row(actor_id: str, registry: ActorRegistry) -> Row:
    """An actor as the RDF store writes it: registry name, kind and QID (fallbacks alike)."""
    actor = registry.get(actor_id)
    kind = actor.kind if actor else ("igo" if actor_id.startswith("IGO:") else "state")
    return {
        "id": actor_id,
        "name": actor.name if actor else actor_id,
        "qid": (actor.qid if actor else "") or "",
        "kind": kind if kind in KIND_LABELS else "actor",
    }


def article_row(article: Article, ingested_at: str, origin: str | None = None) -> Row:
    """The Article node's properties; `origin` (ingest.batch.article_origin) is what a later,
    changed version of the article is recognised by."""
    row = {
        "id": article.id, "title": article.title, "date": article.date,
        "language": article.language, "url": article.url, "source": article.source,
        "ingested_at": ingested_at, "origin": origin,
    }
    return {k: v for k, v in row.items() if v is not None}


def claim_row(rel: Relation) -> Row:
    ev = rel.evidence
    props = {
        "id": rel.id, "relation": checked_type(rel.relation), "modality": rel.modality,
        "confidence": float(rel.confidence), "symmetric": bool(rel.symmetric),
        "plover": rel.plover, "cameo": rel.cameo, "cameo_root": rel.cameo_root,
        "quad": rel.quad, "goldstein": float(rel.goldstein), "sentence": ev.sentence,
        "start": int(ev.start), "end": int(ev.end), "date": ev.date, "language": ev.language,
        "extractor": ev.extractor, "trigger": rel.trigger or None,
    }
    return {
        "source": rel.source, "target": rel.target, "article": ev.article_id,
        "props": {k: v for k, v in props.items() if v is not None},
    }


@dataclass
class ArticleRows:
    """One article ready for Neo4j: written whole, in one transaction, or not at all."""

    article: Row
    actors: list[Row]
    claims: list[Row]
    # With an origin in `article`: other articles of that origin are replaced, except these.
    keep: frozenset[str] = field(default_factory=frozenset)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- the store


class Neo4jStore:
    name = "neo4j"

    def __init__(self, config: Neo4jConfig, registry: ActorRegistry | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, driver: neo4j.Driver | None = None):
        self.config = config
        self.registry = registry or default_registry()
        self.batch_size = batch_size
        self._own_driver = driver is None
        self.driver = driver or neo4j.GraphDatabase.driver(config.uri, auth=config.auth)
        self._schema_done = False

    # -- sessions

    def session(self, read: bool = False) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self.driver.session(database=self.config.database, default_access_mode=mode)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [record.data() for record in tx.run(cypher, params or {})]

        with self.session(read=True) as session:
            return session.execute_read(work)

    def ensure_schema(self) -> None:
        """Constraints and indexes (IF NOT EXISTS), then wait until they are online."""
        if self._schema_done:
            return
        with self.session() as session:
            for statement in SCHEMA_STATEMENTS:
                session.run(statement).consume()  # schema commands need auto-commit
            session.run("CALL db.awaitIndexes(300)").consume()
        self._schema_done = True

    # -- the Store protocol

    def has_article(self, article_id: str) -> bool:
        return bool(self.read(_EXISTING_ARTICLES, {"ids": [article_id]}))

    def has_url(self, url: str) -> bool:
        return bool(self.read("MATCH (a:Article {url: $url}) RETURN a.id LIMIT 1", {"url": url}))

    def add_article(self, article: Article, relations: list[Relation]) -> bool:
        return self.add_articles([(article, relations)])[0]

    def add_articles(self, batch: Iterable[tuple[Article, list[Relation]]]) -> list[bool]:
        """Store many articles; for each, whether it was new (False: already stored)."""
        now = _now()
        return self.write_rows(
            ArticleRows(article_row(article, now),
                        [actor_row(a, self.registry)
                         for a in sorted({x for r in rels for x in (r.source, r.target)})],
                        [claim_row(r) for r in rels])
            for article, rels in batch
        )

    def store_article(self, article: Article, relations: list[Relation],
                      origin: str | None = None, keep: Collection[str] = ()) -> Stored:
        """Store an article read from `origin`, replacing the other articles read from there
        (except the ids in `keep`) in the same transaction; see graph.store.Store."""
        actors = sorted({x for r in relations for x in (r.source, r.target)})
        rows = ArticleRows(article_row(article, _now(), origin),
                           [actor_row(a, self.registry) for a in actors],
                           [claim_row(r) for r in relations], frozenset(keep))
        return self.write_items([rows])[0]

    def write_rows(self, items: Iterable[ArticleRows], skip_existing: bool = True) -> list[bool]:
        """Write articles in transactions of about `batch_size` claims each (an article is
        never split). `skip_existing=False` re-merges stored articles (what a retried
        transaction does; the benchmark times it)."""
        return [s.status != UNCHANGED for s in self.write_items(items, skip_existing)]

    def write_items(self, items: Iterable[ArticleRows], skip_existing: bool = True
                    ) -> list[Stored]:
        """write_rows, telling for each article whether it was new, unchanged or replaced."""
        self.ensure_schema()
        results: list[Stored] = []
        with self.session() as session:
            for chunk in _chunks(items, self.batch_size):
                results += session.execute_write(_write_chunk, chunk, skip_existing)
        return results

    def stats(self) -> dict[str, int]:
        row = self.read(_STATS)[0]
        return {k: int(row[k]) for k in ("articles", "actors", "relations")}

    def run_canned(self, name: str, params: dict[str, Any]) -> list[Row]:
        from geokg.queries.catalog import get_query

        query = get_query(name)
        if not query.cypher.strip():
            raise NotImplementedError(f"query {name} has no Cypher form")
        return query.finish(self.read(query.cypher, query.cypher_params(params)), params)

    def claims(self, factual_only: bool = True) -> list[Row]:
        return self.read(_CLAIMS, {"factual_only": factual_only,
                                   "factual": list(FACTUAL_MODALITIES)})

    def run_cypher(self, text: str, params: dict[str, Any] | None = None,
                   write: bool = False) -> tuple[list[str], list[Row]]:
        """Ad-hoc Cypher from a user: a READ transaction unless `write`, so that the server
        itself refuses a writing query (PermissionError); returns (columns, plain rows)."""
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[Row]]:
            result = tx.run(text, params or {})
            keys = list(result.keys())
            return keys, [{k: plain(record[k]) for k in keys} for record in result]

        with self.session(read=not write) as session:
            try:
                if write:
                    return session.execute_write(work)
                return session.execute_read(work)
            except neo4j.exceptions.ClientError as exc:
                if exc.code == "Neo.ClientError.Statement.AccessMode":
                    raise PermissionError(
                        "this query writes to the graph; it runs only with --write") from None
                raise

    def relationship_count(self) -> int:
        """Every relationship in the graph (claim links and aggregated typed ones)."""
        return int(self.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"])

    def close(self) -> None:
        if self._own_driver:
            self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def plain(value: Any) -> Any:
    """A driver value as plain JSON-ready data: nodes and relationships become dicts of
    their properties (with _labels or _type), paths their nodes and relationships."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        ends = [n.get("id") if n is not None else None for n in value.nodes]
        return {"_type": value.type, "_start": ends[0], "_end": ends[1],
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration …
        return value.iso_format()
    return value


def _chunks(items: Iterable[ArticleRows], size: int) -> Iterator[list[ArticleRows]]:
    chunk: list[ArticleRows] = []
    claims = 0
    for item in items:
        chunk.append(item)
        claims += max(len(item.claims), 1)
        if claims >= size:
            yield chunk
            chunk, claims = [], 0
    if chunk:
        yield chunk


def _write_chunk(tx: neo4j.ManagedTransaction, chunk: Sequence[ArticleRows],
                 skip_existing: bool) -> list[Stored]:
    """One transaction function: may run more than once (driver retries); every statement is
    a MERGE, a recomputation or a deletion of what this same transaction looked up, so the
    outcome does not depend on how often it ran."""
    ids = [item.article["id"] for item in chunk]
    existing = set()
    if skip_existing:
        existing = {r["id"] for r in tx.run(_EXISTING_ARTICLES, ids=ids)}
    new = [item for item in chunk if item.article["id"] not in existing]
    # An id repeated within the batch is written once: the first occurrence is "new".
    seen: set[str] = set()
    unique = []
    for item in new:
        if item.article["id"] not in seen:
            seen.add(item.article["id"])
            unique.append(item)
    keys: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    removed, orphans = _remove_replaced(tx, unique, keys)
    if unique:
        actors = {a["id"]: a for item in unique for a in item.actors}
        claims = [c for item in unique for c in item.claims]
        tx.run(_MERGE_ARTICLES, rows=[item.article for item in unique]).consume()
        tx.run(_MERGE_ACTORS, rows=list(actors.values())).consume()
        tx.run(_MERGE_CLAIMS, rows=claims).consume()
        for c in claims:
            if c["props"]["modality"] in FACTUAL_MODALITIES:
                keys[c["props"]["relation"]][c["source"], c["target"]].append(c["props"]["id"])
    for rel_type, pairs in sorted(keys.items()):
        tx.run(_AGGREGATE.format(type=checked_type(rel_type)),
               factual=list(FACTUAL_MODALITIES),
               keys=[{"source": s, "target": t, "ids": ids}
                     for (s, t), ids in sorted(pairs.items())]).consume()
    if orphans:
        tx.run(_DELETE_ORPHAN_ACTORS, ids=sorted(orphans)).consume()
    first = {item.article["id"]: item for item in unique}
    out: list[Stored] = []
    for i in ids:
        if first.pop(i, None) is None:
            out.append(Stored(UNCHANGED))
        elif i in removed:
            out.append(Stored(REPLACED, removed[i]))
        else:
            out.append(Stored(NEW))
    return out


def _remove_replaced(tx: neo4j.ManagedTransaction, items: Sequence[ArticleRows],
                     keys: dict[str, dict[tuple[str, str], list[str]]]
                     ) -> tuple[dict[str, int], set[str]]:
    """Delete the articles that `items` replace (same origin, other id, not kept) with their
    claims, and prune the aggregated relationships of those claims; the keys to recompute are
    added to `keys`. Returns {replacing article id: claims removed} and the removed claims'
    actors (deleted at the end if no claim mentions them any more)."""
    by_origin: dict[str, ArticleRows] = {}
    for item in items:
        origin = item.article.get("origin")
        if origin:
            by_origin.setdefault(origin, item)
    if not by_origin:
        return {}, set()
    batch_ids = [item.article["id"] for item in items]
    old = [r.data() for r in tx.run(_FROM_ORIGINS, rows=[
        {"origin": origin, "keep": sorted(item.keep) + batch_ids}
        for origin, item in sorted(by_origin.items())])]
    if not old:
        return {}, set()
    removed: dict[str, int] = defaultdict(int)
    actors: set[str] = set()
    pruned: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in old:
        removed[by_origin[row["origin"]].article["id"]] += len(row["claims"])
        for c in row["claims"]:
            actors.update(x for x in (c["source"], c["target"]) if x)
            if c["modality"] in FACTUAL_MODALITIES and c["source"] and c["target"]:
                pruned[c["relation"]][c["source"], c["target"]].append(c["id"])
    tx.run(_DELETE_ARTICLES, ids=[row["id"] for row in old]).consume()
    for rel_type, pairs in sorted(pruned.items()):
        tx.run(_PRUNE.format(type=checked_type(rel_type)),
               keys=[{"source": s, "target": t, "ids": ids}
                     for (s, t), ids in sorted(pairs.items())]).consume()
        for pair in pairs:
            keys[rel_type].setdefault(pair, [])  # recomputed from the claims left
    return dict(removed), actors
