"""The relation ontology: readable relation types mapped to PLOVER, CAMEO, Goldstein and quad
class, read from graph/data/relation_types.tsv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RELATION_TYPES_FILE = Path(__file__).parent / "data" / "relation_types.tsv"

# PLOVER: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future
# tense are also taken to imply intentions and should be coded as AGREE." CAMEO does the same
# for yielding ("will withdraw", "would free prisoners": 035 express intent to yield).
_INTENDED_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
COOPERATION_QUADS = ("verbal_cooperation", "material_cooperation")
CONFLICT_QUADS = ("verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class RelationType:
    name: str
    plover: str
    plover_mode: str
    cameo: str
    cameo_root: str
    goldstein: float
    quad: str
    symmetric: bool
    description: str

    @property
    def cooperative(self) -> bool:
        return self.quad in COOPERATION_QUADS


@dataclass(frozen=True)
class Coding:
    """What one relation is coded as, once its modality is known."""

    plover: str
    cameo: str
    cameo_root: str
    quad: str
    goldstein: float


@cache
def relation_types(path: Path = RELATION_TYPES_FILE) -> dict[str, RelationType]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {
        row["relation"]: RelationType(
            name=row["relation"],
            plover=row["plover"] or "",
            plover_mode=row["plover_mode"] or "",
            cameo=row["cameo"],
            cameo_root=row["cameo_root"],
            goldstein=float(row["goldstein"]),
            quad=row["quad"],
            symmetric=row["symmetric"].strip().lower() == "true",
            description=row["description"] or "",
        )
        for row in rows
    }


def get(name: str) -> RelationType:
    try:
        return relation_types()[name]
    except KeyError:
        raise KeyError(f"unknown relation type {name!r}") from None


def coding(name: str, modality: str) -> Coding:
    """The PLOVER/CAMEO coding of a relation type said with a modality."""
    rt = get(name)
    if modality == "intended" and rt.plover in _INTENDED_AS_AGREE:
        agree = relation_types().get("AGREES_WITH")
        if agree:
            return Coding("AGREE", agree.cameo, agree.cameo_root, agree.quad, agree.goldstein)
    return Coding(rt.plover, rt.cameo, rt.cameo_root, rt.quad, rt.goldstein)
