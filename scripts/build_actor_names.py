#!/usr/bin/env python3
"""Regenerate the generated parts of the actor gazetteer.

Writes, deterministically (sorted, no timestamps):

* ``graph/data/actors/names/<lang>/cldr.tsv`` for every language in LANGS:
  state names from CLDR (via Babel's territory names) and from pycountry's
  ISO 3166-1 names (name / official_name / common_name, translated with the
  gettext catalogues in ``pycountry.LOCALES_DIR``, domain ``iso3166-1``).
* the ``name_en`` column of ``graph/data/actors/states.tsv`` (English CLDR
  short name). The ``id``, ``alpha2`` and ``qid`` columns of states.tsv are
  curated by hand and are kept as they are (alpha2 is checked).

Hand-written data (``curated.tsv``, igos.tsv, persons.tsv, languages.toml)
is never touched.

Note: Babel's compiled CLDR data keeps only the default territory names; the
CLDR ``alt="short"`` / ``alt="variant"`` forms are not available through it.
Short forms come from pycountry's ``common_name``, from splitting
"Myanmar (Burma)"-style names, and from curated.tsv.

Usage:  .venv/bin/python scripts/build_actor_names.py
"""
from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "graph" / "data" / "actors"
STATES_TSV = ACTORS / "states.tsv"
NAMES_DIR = ACTORS / "names"

# language -> (Babel locales, pycountry gettext locales); "" = untranslated English
LANGS: dict[str, tuple[list[str], list[str]]] = {
    "id": (["id"], ["id"]),
    "en": (["en", "en_GB"], [""]),
    "es": (["es", "es_419"], ["es"]),
    "fr": (["fr"], ["fr"]),
    "de": (["de"], ["de"]),
    "pt": (["pt", "pt_PT"], ["pt", "pt_BR"]),
    "ru": (["ru"], ["ru"]),
    "pl": (["pl"], ["pl"]),
    "ar": (["ar"], ["ar"]),
    "zh": (["zh", "zh_Hant"], ["zh_CN", "zh_TW"]),
}

# English CLDR alt="short"/"variant" names Babel does not expose, used for name_en.
NAME_EN_OVERRIDE = {"PSE": "Palestine", "COD": "Congo (DRC)", "COG": "Congo (Republic)"}

# pycountry names that must not be used (misleading as surface forms).
PYCOUNTRY_SKIP_FIELDS = {"TWN": {"name", "official_name"}}  # "Taiwan, Province of China"

# Bare forms that are ambiguous between two states: never emitted.
AMBIGUOUS = {
    "congo", "kongo", "конго", "الكونغو", "刚果", "剛果", "congó",
}

# Generated forms that are common words / person or place names: emitted as cs.
CASE_SENSITIVE: dict[str, set[str]] = {
    "en": {"Chad", "Georgia", "Jordan", "Turkey", "Niger", "Guinea", "Dominica", "Togo", "Mali"},
    "id": {"Chad", "Georgia", "Mali", "Togo", "Niger"},
    "es": {"Chad", "Georgia", "Togo", "Mali", "Niger"},
    "fr": {"Tchad", "Géorgie", "Maurice", "Niger", "Togo", "Mali"},
    "de": {"Georgien", "Togo", "Mali", "Niger"},
    "pt": {"Chade", "Geórgia", "Togo", "Mali", "Níger"},
    "pl": {"Mali", "Togo", "Czad", "Gruzja", "Niger", "Kuba"},
    "ru": {"Того", "Мали", "Чад", "Нигер", "Грузия"},
    "ar": set(),
    "zh": set(),
}

KIND_RANK = {"name": 0, "short": 1, "official": 2}

PAREN_RE = re.compile(r"^(.*?)\s*[(（]([^)）]*)[)）]\s*$")
NO_INVERT_LANGS = {"ar", "zh", "pl"}  # pl: inflected genitive makes "X, Y" inversion wrong
MIN_PART = {"zh": 2}  # shortest usable piece of a split name ("刚果（金）" -> not "金")
ARABIC_MARKS_RE = re.compile("[\u064b-\u0652\u0670\u0640]")  # tashkeel + tatweel


def read_states() -> list[dict[str, str]]:
    text = STATES_TSV.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    assert header == ["id", "alpha2", "qid", "name_en"], header
    rows = []
    for line in lines[1:]:
        cells = (line.split("\t") + [""] * 4)[:4]
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def variants(raw: str, lang: str, kind: str) -> list[tuple[str, str]]:
    """Turn one CLDR/ISO name into the surface forms that can occur in text."""
    raw = norm(raw)
    out: list[tuple[str, str]] = []
    m = PAREN_RE.match(raw)
    if m:  # "Myanmar (Burma)" -> Myanmar, Burma; "Holy See (Vatican City State)"
        for part in (m.group(1), m.group(2)):
            if len(part) >= MIN_PART.get(lang, 3):
                out.extend(variants(part, lang, "short"))
        return out
    if " - " in raw:  # "Congo - Kinshasa": not a running-text form
        return out
    if "," in raw or "،" in raw or "，" in raw:
        if lang in NO_INVERT_LANGS or "," not in raw:
            return out
        head, tail = (p.strip() for p in raw.split(",", 1))
        if "," in tail or "province" in tail.lower():
            return out
        inv = tail + head if tail.endswith(("'", "’")) else f"{tail} {head}"
        inv = re.sub(r"^(The|the) ", "", inv)
        inv = inv[0].upper() + inv[1:]
        return [(inv, "official")]
    out.append((raw, kind))
    if lang == "ar":  # news text is mostly unvocalised
        bare = ARABIC_MARKS_RE.sub("", raw)
        if bare != raw:
            out.append((bare, kind))
        for form in [raw, bare]:  # لل + X = ل + الX (the article's alif is dropped)
            if form.startswith("ال"):
                out.append(("لل" + form[2:], kind))
    if lang == "ru" and "ё" in raw.lower():
        out.append((raw.replace("ё", "е").replace("Ё", "Е"), kind))
    if lang == "en" and " & " in raw:
        out.append((raw.replace(" & ", " and "), kind))
    if lang == "en" and raw.startswith("St. "):
        out.append(("Saint " + raw[4:].replace(" & ", " and "), kind))
    return out


def translator(loc: str):
    if not loc:
        return lambda s: s
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
    return t.gettext


def build_lang(
    lang: str, states: list[dict[str, str]]
) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    babel_locs, pyc_locs = LANGS[lang]
    cands: dict[tuple[str, str], str] = {}  # (surface, actor) -> kind

    def add(surface: str, actor: str, kind: str) -> None:
        if not surface or surface.casefold() in AMBIGUOUS:
            return
        key = (surface, actor)
        if key not in cands or KIND_RANK[kind] < KIND_RANK[cands[key]]:
            cands[key] = kind

    for bl in babel_locs:
        terr = Locale.parse(bl).territories
        for st in states:
            name = terr.get(st["alpha2"])
            if name:
                for s, k in variants(name, lang, "name"):
                    add(s, st["id"], k)
    for pl in pyc_locs:
        tr = translator(pl)
        for st in states:
            rec = pycountry.countries.get(alpha_3=st["id"])
            if rec is None:
                continue
            skip = PYCOUNTRY_SKIP_FIELDS.get(st["id"], set())
            fields = (("name", "name"), ("common_name", "short"), ("official_name", "official"))
            for field, kind in fields:
                if field in skip:
                    continue
                val = getattr(rec, field, None)
                if not val:
                    continue
                tval = tr(val)
                if pl and tval == val:  # no translation in this catalogue: English fallback
                    continue
                if val:
                    for s, k in variants(tval, lang, kind):
                        add(s, st["id"], k)

    # A surface that names two different states in one language is dropped.
    by_surface: dict[str, set[str]] = defaultdict(set)
    for (s, a) in cands:
        by_surface[s.casefold()].add(a)
    dropped = sorted(f"{s}->{'/'.join(sorted(a))}" for s, a in by_surface.items() if len(a) > 1)
    cs_set = {x.casefold() for x in CASE_SENSITIVE.get(lang, set())}
    rows = []
    for (s, a), k in cands.items():
        if len(by_surface[s.casefold()]) > 1:
            continue
        match = "cs" if (s.casefold() in cs_set or (s.isupper() and len(s) <= 4)) else "ci"
        rows.append((s, a, k, match))
    rows.sort(key=lambda r: (r[1], r[0].casefold(), r[0]))
    return rows, dropped


def write_cldr(lang: str, rows: list[tuple[str, str, str, str]]) -> None:
    d = NAMES_DIR / lang
    d.mkdir(parents=True, exist_ok=True)
    lines = [
        "# GENERATED by scripts/build_actor_names.py from Babel (CLDR territory names) and",
        "# pycountry ISO 3166-1 translations. Do not edit: put additions in curated.tsv.",
        "surface\tactor\tkind\tmatch",
    ]
    lines += ["\t".join(r) for r in rows]
    (d / "cldr.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_states(states: list[dict[str, str]]) -> None:
    en = Locale.parse("en").territories
    out = ["id\talpha2\tqid\tname_en"]
    for st in sorted(states, key=lambda r: r["id"]):
        if st["id"] != "XKX":
            rec = pycountry.countries.get(alpha_3=st["id"])
            if rec is None or rec.alpha_2 != st["alpha2"]:
                sys.exit(f"states.tsv: bad id/alpha2 {st['id']}/{st['alpha2']}")
        name = NAME_EN_OVERRIDE.get(st["id"]) or en.get(st["alpha2"], "")
        if not name:
            sys.exit(f"no English CLDR name for {st['alpha2']}")
        out.append("\t".join([st["id"], st["alpha2"], st["qid"], name]))
    STATES_TSV.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    states = read_states()
    write_states(states)
    print(f"states.tsv: {len(states)} states")
    for lang in LANGS:
        rows, dropped = build_lang(lang, states)
        write_cldr(lang, rows)
        n_states = len({r[1] for r in rows})
        msg = f"{lang}: {len(rows)} surfaces, {n_states} states"
        if dropped:
            msg += f"; dropped as ambiguous: {', '.join(dropped)}"
        print(msg)
    missing = [s["id"] for s in states if not s["qid"]]
    if missing:
        print(f"states without qid: {' '.join(missing)}")


if __name__ == "__main__":
    main()
