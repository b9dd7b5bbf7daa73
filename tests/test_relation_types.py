"""Consistency checks for graph/data/relation_types.tsv."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

TSV = Path(__file__).resolve().parent.parent / "graph" / "data" / "relation_types.tsv"

HEADER = [
    "relation",
    "plover",
    "plover_mode",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad",
    "symmetric",
    "description",
]

# PLOVER event categories with their quad class ("" = CAMEO 02 APPEAL, no PLOVER category).
QUAD = {
    "": "verbal_cooperation",
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
PLOVER_CATEGORIES = set(QUAD) - {""}

# CAMEO root -> allowed PLOVER categories (annotation guidelines).
ROOT_TO_PLOVER = {
    "02": {""},
    "03": {"AGREE"},
    "04": {"CONSULT"},
    "05": {"SUPPORT"},
    "06": {"COOPERATE"},
    "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"},
    "09": {"ACCUSE"},
    "10": {"REQUEST"},
    "11": {"ACCUSE"},
    "12": {"REJECT"},
    "13": {"THREATEN"},
    "14": {"PROTEST"},
    "15": {"MOBILIZE"},
    "16": {"SANCTION"},
    "17": {"COERCE"},
    "18": {"ASSAULT"},
    "19": {"ASSAULT"},
    "20": {"ASSAULT"},
}

# PLOVER modes per category (as defined by PLOVER).
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}

# The relation names of the annotation guidelines.
GUIDELINE_RELATIONS = [
    "COOPERATES_WITH",
    "SELLS_ARMS_TO",
    "COURTS",
    "CRITICIZES",
    "SANCTIONS",
    "MEETS",
    "VISITS",
    "SIGNS_AGREEMENT_WITH",
    "TRADES_WITH",
    "IMPORTS_FROM",
    "EXPORTS_TO",
    "AIDS",
    "THREATENS",
    "ATTACKS",
    "ACCUSES",
    "DEMANDS",
    "REJECTS",
    "OPPOSES",
    "SUPPORTS",
    "PRAISES",
    "EXPELS",
    "CUTS_TIES_WITH",
    "REDUCES_COOPERATION_WITH",
    "DISPUTES_WITH",
    "MEMBER_OF",
]
# Further types the extractor relies on.
REQUIRED_RELATIONS = GUIDELINE_RELATIONS + [
    "HOSTS",
    "AGREES_WITH",
    "NEGOTIATES_WITH",
    "URGES",
    "APPEALS_TO",
    "CONDEMNS",
    "INVITES",
    "WARNS",
    "PROTESTS_AGAINST",
    "MOBILIZES_AGAINST",
    "COERCES",
    "BLOCKADES",
    "INVADES",
    "OCCUPIES",
    "FIGHTS",
    "BOMBS",
    "INVESTIGATES",
    "APOLOGIZES_TO",
    "CONCEDES_TO",
    "WITHDRAWS_FROM",
    "RETREATS_FROM",
    "EXTRADITES_TO",
    "RELEASES",
    "MEDIATES_BETWEEN",
    "CONSULTS",
    "CALLS",
    "RECOGNIZES",
    "ALLIES_WITH",
    "PROVIDES_MILITARY_AID_TO",
    "PROVIDES_ECONOMIC_AID_TO",
    "PROVIDES_HUMANITARIAN_AID_TO",
]

SYMMETRIC = {
    "MEETS",
    "NEGOTIATES_WITH",
    "TRADES_WITH",
    "DISPUTES_WITH",
    "FIGHTS",
    "ALLIES_WITH",
    "CONSULTS",
    "COOPERATES_WITH",
}
DIRECTED = {"SELLS_ARMS_TO", "SANCTIONS", "VISITS", "HOSTS", "IMPORTS_FROM", "EXPORTS_TO"}


def _load() -> tuple[list[str], list[dict[str, str]]]:
    with TSV.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t")
    header = next(reader)
    rows = [dict(zip(header, row, strict=True)) for row in reader if row]
    return header, rows


HEADER_READ, ROWS = _load()


def test_header() -> None:
    assert HEADER_READ == HEADER


def test_size() -> None:
    assert 60 <= len(ROWS) <= 100


def test_unique_upper_snake_names() -> None:
    names = [row["relation"] for row in ROWS]
    assert len(names) == len(set(names))
    for name in names:
        assert re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*", name), name


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["relation"])
def test_row_consistency(row: dict[str, str]) -> None:
    plover = row["plover"]
    assert plover in QUAD, plover
    assert re.fullmatch(r"\d{2,4}", row["cameo"]), row["cameo"]
    assert row["cameo_root"] == row["cameo"][:2]
    assert row["cameo_root"] in ROOT_TO_PLOVER, row["cameo_root"]
    assert plover in ROOT_TO_PLOVER[row["cameo_root"]]
    assert row["quad"] == QUAD[plover]
    assert -10.0 <= float(row["goldstein"]) <= 10.0
    assert row["symmetric"] in {"true", "false"}
    if row["plover_mode"]:
        assert row["plover_mode"] in MODES.get(plover, set()), row["plover_mode"]
    assert row["description"].strip()
    assert "\n" not in row["description"]


def test_every_plover_category_and_appeal_covered() -> None:
    used = {row["plover"] for row in ROWS}
    assert PLOVER_CATEGORIES.issubset(used)
    assert any(row["cameo_root"] == "02" and row["plover"] == "" for row in ROWS)


def test_guideline_relations_present() -> None:
    names = {row["relation"] for row in ROWS}
    assert len(GUIDELINE_RELATIONS) == 25
    assert set(GUIDELINE_RELATIONS) <= names
    assert not set(REQUIRED_RELATIONS) - names, set(REQUIRED_RELATIONS) - names


def test_symmetry_flags() -> None:
    by_name = {row["relation"]: row for row in ROWS}
    for name in SYMMETRIC:
        assert by_name[name]["symmetric"] == "true", name
    for name in DIRECTED:
        assert by_name[name]["symmetric"] == "false", name


def test_gold_practice_codes() -> None:
    roots = {row["relation"]: row["cameo_root"] for row in ROWS}
    expected = {
        "SELLS_ARMS_TO": "06",
        "COOPERATES_WITH": "03",
        "COURTS": "02",
        "REDUCES_COOPERATION_WITH": "16",
        "DISPUTES_WITH": "11",
        "TRADES_WITH": "06",
        "IMPORTS_FROM": "06",
        "MEMBER_OF": "05",
        "SANCTIONS": "16",
        "MEETS": "04",
        "URGES": "02",
        "OPPOSES": "11",
        "SIGNS_AGREEMENT_WITH": "05",
    }
    for name, root in expected.items():
        assert roots[name] == root, name
