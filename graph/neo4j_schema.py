"""The Neo4j graph model: schema statements, relationship-type validation and the Browser style.

Nodes: ``(:Actor:State|:IGO|:Person {id, name, qid, kind})``, ``(:Article {...})`` and one
``(:Claim {...})`` per relation with ``SOURCE``, ``TARGET`` and ``IN_ARTICLE`` relationships.
For browsing, the factual claims of one (source, relation type, target) are also summed up in
one typed relationship ``(a)-[:SELLS_ARMS_TO {...}]->(b)``.

Relationship types are the only thing ever formatted into Cypher text, and only after
:func:`checked_type` has validated them against the ontology; every value is a parameter."""

from __future__ import annotations

import re
from pathlib import Path

from geokg.graph import ontology

# IF NOT EXISTS makes the schema step idempotent: it runs before every load.
SCHEMA_STATEMENTS: tuple[str, ...] = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE",
    "CREATE INDEX claim_relation IF NOT EXISTS FOR (c:Claim) ON (c.relation)",
    "CREATE INDEX claim_modality IF NOT EXISTS FOR (c:Claim) ON (c.modality)",
    "CREATE INDEX claim_date IF NOT EXISTS FOR (c:Claim) ON (c.date)",
    # Feed items already stored are skipped by URL.
    "CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url)",
    # A changed article finds the versions it replaces by origin.
    "CREATE INDEX article_origin IF NOT EXISTS FOR (a:Article) ON (a.origin)",
)
CONSTRAINT_NAMES = ("actor_id", "article_id", "claim_id")
INDEX_NAMES = ("claim_relation", "claim_modality", "claim_date", "article_url", "article_origin")

# Actor kind -> the extra label next to :Actor (unknown kinds get :Actor only).
KIND_LABELS = {"state": "State", "igo": "IGO", "person": "Person"}

_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")

BROWSER_DIR = Path(__file__).parent / "data" / "browser"
GRASS_FILE = BROWSER_DIR / "geokg.grass"


def checked_type(name: str) -> str:
    """`name` if it is a relation type of the ontology and a plain identifier, else ValueError.

    The guard that lets a relationship type be written into Cypher text (types cannot be
    parameters)."""
    if not _TYPE_RE.match(name) or name not in ontology.relation_types():
        raise ValueError(f"not a relation type of the ontology: {name!r}")
    return name


# ---------------------------------------------------------------------------- Browser style

_NODE_STYLES = {
    # label: (diameter, fill, border, caption)
    "Actor": ("50px", "#A5ABB6", "#9AA1AC", "{name}"),
    "State": ("65px", "#4C8EDA", "#2870C2", "{name}"),
    "IGO": ("80px", "#F79767", "#F36924", "{name}"),
    "Person": ("45px", "#C990C0", "#B261A5", "{name}"),
    "Article": ("35px", "#FFE081", "#9F8D55", "{title}"),
    "Claim": ("25px", "#D9D9D9", "#BFBFBF", "{relation}"),
}
_QUAD_COLOURS = {
    "verbal_cooperation": "#6DCE9E",  # light green
    "material_cooperation": "#2E9E5B",  # dark green
    "verbal_conflict": "#F16667",  # light red
    "material_conflict": "#C0262D",  # dark red
}
_NEUTRAL = "#A5ABB6"


def _block(selector: str, props: dict[str, str]) -> str:
    body = "\n".join(f"  {key}: {value};" for key, value in props.items())
    return f"{selector} {{\n{body}\n}}\n"


def grass() -> str:
    """The GraSS (Neo4j Browser style sheet) for the geokg graph, generated from the ontology
    so that a new relation type is coloured by its quad class without editing the file.

    Later rules win in the Browser, so the generic :Actor rule comes before the kinds."""
    parts = [
        _block("node", {"diameter": "50px", "color": _NEUTRAL, "border-color": "#9AA1AC",
                        "border-width": "2px", "text-color-internal": "#FFFFFF",
                        "font-size": "10px"}),
        _block("relationship", {"color": _NEUTRAL, "shaft-width": "1px", "font-size": "8px",
                                "padding": "3px", "text-color-external": "#000000",
                                "text-color-internal": "#FFFFFF", "caption": '"<type>"'}),
    ]
    for label, (diameter, fill, border, caption) in _NODE_STYLES.items():
        parts.append(_block(f"node.{label}", {
            "diameter": diameter, "color": fill, "border-color": border, "border-width": "2px",
            "text-color-internal": "#000000" if label in ("Article", "Claim") else "#FFFFFF",
            "font-size": "11px" if label != "Claim" else "8px", "caption": f'"{caption}"',
        }))
    for name, rt in sorted(ontology.relation_types().items()):
        colour = _QUAD_COLOURS.get(rt.quad, _NEUTRAL)
        width = "3px" if rt.quad.startswith("material") else "2px"
        parts.append(_block(f"relationship.{checked_type(name)}", {
            "color": colour, "shaft-width": width, "caption": '"<type>"',
        }))
    for name in ("SOURCE", "TARGET", "IN_ARTICLE"):
        parts.append(_block(f"relationship.{name}", {"color": "#D9D9D9", "shaft-width": "1px",
                                                     "caption": '"<type>"'}))
    return "\n".join(parts)


# ------------------------------------------------------------------------- Browser help

# Example values shown as `:param` lines (the seed article's actors).
_EXAMPLES = {"actor": "CHN", "other": "RUS", "source": "RUS", "target": "IND",
             "relation": "SELLS_ARMS_TO"}
_QUERY_EXAMPLES = {"who": {"relation": "COOPERATES_WITH", "actor": "RUS"}}

WHY_QUERY = ("MATCH (:Actor {id:'RUS'})<-[:SOURCE]-(c:Claim {relation:'SELLS_ARMS_TO'})"
             "-[:TARGET]->(:Actor {id:'IND'}) RETURN c.sentence, c.date")
GRAPH_QUERY = "MATCH p=(:Actor {id:'RUS'})-[]-(:Actor) RETURN p"


def browser_url(bolt_uri: str | None) -> str:
    """The Browser served by the Neo4j named in NEO4J_URI: http://HOST:7474/browser/."""
    from urllib.parse import urlsplit

    host = (urlsplit(bolt_uri).hostname if bolt_uri else None) or "localhost"
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"http://{host}:7474/browser/"


def _cypher_literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def browser_help(url: str, bolt_uri: str | None, grass_path: Path = GRASS_FILE) -> str:
    """What `geokg browser` prints: where the Browser is, how to style it, what to paste."""
    from geokg.queries.catalog import catalog

    lines = [
        f"Neo4j Browser: {url}",
        f"Connect URL:   {bolt_uri or 'bolt://localhost:7687'}"
        "  (user and password as in NEO4J_USER / NEO4J_PASSWORD)",
        "",
        "Style: drag and drop this file onto the Browser, or type `:style` and drop it there:",
        f"  {grass_path}",
        "",
        "See a neighbourhood (Russia and its partners):",
        f"  {GRAPH_QUERY}",
        "Why does the graph say Russia sells arms to India?",
        f"  {WHY_QUERY}",
    ]
    for query in catalog().values():
        examples = {**_EXAMPLES, **_QUERY_EXAMPLES.get(query.name, {})}
        lines += ["", f"// {query.name}: {query.description}"]
        lines += [f":param {p.name} => {_cypher_literal(examples.get(p.name, ''))}"
                  for p in query.params]
        lines += [line for line in query.cypher.strip().splitlines()]
    return "\n".join(lines)


def write_grass(path: Path = GRASS_FILE) -> Path:
    """(Re)write the shipped style file; `python -m geokg.graph.neo4j_schema` runs this."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(grass(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_grass())
