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
)
CONSTRAINT_NAMES = ("actor_id", "article_id", "claim_id")
INDEX_NAMES = ("claim_relation", "claim_modality", "claim_date")

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


def write_grass(path: Path = GRASS_FILE) -> Path:
    """(Re)write the shipped style file; `python -m geokg.graph.neo4j_schema` runs this."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(grass(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_grass())
