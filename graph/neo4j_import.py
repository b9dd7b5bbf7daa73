"""Files for `neo4j-admin database import full`: the embedded store as CSV node and
relationship files, for loading a large graph into an empty Neo4j database offline (far faster
than Bolt writes; `geokg load` stays the way to add to a database in use).

The graph is the one `Neo4jStore` writes (README, Neo4j section): Actor (+State|IGO|Person),
Article and Claim nodes; SOURCE, TARGET and IN_ARTICLE relationships; and one typed
relationship per (source, relation type, target) summing up its factual claims, computed
as `neo4j_store._AGGREGATE` computes it. The rows come from `graph.transfer.article_rows`
(SPARQL over `RdfStore.select`), the same rows `geokg load` sends, so both ways give one graph.

Values are written as the Bolt store holds them: dates as ISO strings, a missing value as an
empty unquoted field (no property), an empty string as a quoted "" (a property holding "")."""

from __future__ import annotations

import shlex
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from geokg.graph.model import FACTUAL_MODALITIES
from geokg.graph.neo4j_schema import KIND_LABELS, SCHEMA_STATEMENTS, checked_type
from geokg.graph.rdf_store import RdfStore
from geokg.graph.transfer import article_rows

ARRAY_DELIMITER = ";"  # neo4j-admin's default, also the :LABEL separator; ids never hold it

# (property, neo4j-admin type or None for string) per file, in column order.
ACTOR_COLUMNS = [("name", None), ("qid", None), ("kind", None)]
ARTICLE_COLUMNS = [("title", None), ("date", None), ("language", None), ("url", None),
                   ("source", None), ("ingested_at", None)]
CLAIM_COLUMNS = [("relation", None), ("modality", None), ("confidence", "float"),
                 ("symmetric", "boolean"), ("plover", None), ("cameo", None),
                 ("cameo_root", None), ("quad", None), ("goldstein", "float"),
                 ("sentence", None), ("start", "int"), ("end", "int"), ("date", None),
                 ("language", None), ("extractor", None), ("trigger", None)]
TYPED_COLUMNS = [("plover", None), ("cameo", None), ("cameo_root", None), ("goldstein", "float"),
                 ("quad", None), ("modality", None), ("confidence", "float"),
                 ("first_seen", None), ("last_seen", None), ("mentions", "int"),
                 ("claims", "string[]")]

NODE_FILES = ("actors.csv", "articles.csv", "claims.csv")
RELATIONSHIP_FILES = ("claim_source.csv", "claim_target.csv", "claim_article.csv",
                      "relations.csv")


def _field(value: Any) -> str:
    # Hand-made rather than csv.writer: 3.11's csv cannot tell None (no property) from ""
    # (an empty string property) in its output.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, list | tuple):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _write(handle: TextIO, values: Iterable[Any]) -> None:
    handle.write(",".join(_field(v) for v in values) + "\n")


def _header(columns: Sequence[tuple[str, str | None]]) -> list[str]:
    return [f"{name}:{kind}" if kind else name for name, kind in columns]


def _aggregate(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """One typed relationship from its factual claims, as neo4j_store._AGGREGATE makes it."""
    claims = sorted(claims, key=lambda c: c["id"])
    asserted = [c for c in claims if c["modality"] == "asserted"]
    rep = (asserted or claims)[0]
    dates = [c["date"] for c in claims if c.get("date")]
    return {
        "plover": rep.get("plover"), "cameo": rep.get("cameo"),
        "cameo_root": rep.get("cameo_root"), "goldstein": rep.get("goldstein"),
        "quad": rep.get("quad"), "modality": "asserted" if asserted else "intended",
        "confidence": max(c["confidence"] for c in claims),
        "first_seen": min(dates) if dates else None, "last_seen": max(dates) if dates else None,
        "mentions": len(claims), "claims": [c["id"] for c in claims],
    }


def write_neo4j_import(store: RdfStore, out_dir: Path) -> list[Path]:
    """Write the import files into `out_dir` (created; files there of the same names are
    replaced); returns their paths, node files first (see import_command)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / name for name in (*NODE_FILES, *RELATIONSHIP_FILES)]
    handles = {p.name: p.open("w", encoding="utf-8", newline="") for p in paths}
    try:
        _write_all(store, handles)
    finally:
        for handle in handles.values():
            handle.close()
    return paths


def _write_all(store: RdfStore, out: dict[str, TextIO]) -> None:
    out["articles.csv"].write(",".join(["id:ID(Article)", *_header(ARTICLE_COLUMNS), ":LABEL"])
                              + "\n")
    out["claims.csv"].write(",".join(["id:ID(Claim)", *_header(CLAIM_COLUMNS), ":LABEL"]) + "\n")
    for name, end in (("claim_source.csv", "Actor"), ("claim_target.csv", "Actor"),
                      ("claim_article.csv", "Article")):
        out[name].write(f":START_ID(Claim),:END_ID({end}),:TYPE\n")
    actors: dict[str, dict[str, Any]] = {}
    typed: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in article_rows(store):
        article = item.article
        _write(out["articles.csv"],
               [article["id"], *(article.get(k) for k, _ in ARTICLE_COLUMNS), "Article"])
        for actor in item.actors:
            actors.setdefault(actor["id"], actor)
        for claim in item.claims:
            props = claim["props"]
            checked_type(props["relation"])  # a relationship type must be the ontology's
            _write(out["claims.csv"],
                   [props["id"], *(props.get(k) for k, _ in CLAIM_COLUMNS), "Claim"])
            _write(out["claim_source.csv"], [props["id"], claim["source"], "SOURCE"])
            _write(out["claim_target.csv"], [props["id"], claim["target"], "TARGET"])
            _write(out["claim_article.csv"], [props["id"], claim["article"], "IN_ARTICLE"])
            if props["modality"] in FACTUAL_MODALITIES:
                typed[claim["source"], props["relation"], claim["target"]].append(props)
    out["actors.csv"].write(",".join(["id:ID(Actor)", *_header(ACTOR_COLUMNS), ":LABEL"]) + "\n")
    for actor_id in sorted(actors):
        actor = actors[actor_id]
        labels = ["Actor"] + ([KIND_LABELS[actor["kind"]]] if actor["kind"] in KIND_LABELS
                              else [])
        _write(out["actors.csv"], [actor_id, *(actor.get(k) for k, _ in ACTOR_COLUMNS),
                                   labels])
    out["relations.csv"].write(
        ",".join([":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", *_header(TYPED_COLUMNS)]) + "\n")
    for (source, rel_type, target), claims in sorted(typed.items()):
        summary = _aggregate(claims)
        _write(out["relations.csv"],
               [source, target, rel_type, *(summary[k] for k, _ in TYPED_COLUMNS)])


def import_command(paths: Sequence[Path], database: str = "neo4j",
                   admin: str = "neo4j-admin") -> str:
    """The `neo4j-admin database import full` command line for the files of
    write_neo4j_import. The database name comes right after `full`, as Neo4j 5.19+ requires
    (older 5.x accept it there too). Run it with the DBMS stopped, into a database that does
    not exist yet (or add --overwrite-destination)."""
    nodes = [p for p in paths if p.name in NODE_FILES]
    relationships = [p for p in paths if p.name in RELATIONSHIP_FILES]
    parts = [admin, "database", "import", "full", database,
             f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true",
             *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in relationships)]
    return shlex.join(parts)


def import_instructions(paths: Sequence[Path], database: str = "neo4j") -> str:
    """What to print after writing the files: the import command, then the constraints and
    indexes geokg's queries rely on (the import tool creates none)."""
    lines = ["# with the Neo4j DBMS stopped:", import_command(paths, database),
             "# then start it (CREATE DATABASE for a non-default database) and run in "
             "cypher-shell:"]
    lines += [f"{statement};" for statement in SCHEMA_STATEMENTS]
    return "\n".join(lines)
