"""The lexicon format is data a contributor writes by hand: every key the loader reads is
documented in ingest/data/lexicons/README.md, and every key a lexicon file uses is one the loader
reads (a misspelt key would otherwise be ignored without a word)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from geokg.ingest import lexicon

SOURCE = Path(lexicon.__file__).read_text(encoding="utf-8")
README = (lexicon.LEXICON_DIR / "README.md").read_text(encoding="utf-8")
LEXICONS = sorted(lexicon.LEXICON_DIR.glob("*.toml"))


def _read_keys(table: str) -> set[str]:
    return set(re.findall(rf'\b{table}\.get\("([a-z_]+)"', SOURCE))


GRAMMAR_KEYS = _read_keys("grammar")
RELATION_KEYS = _read_keys("item") | {"type"}


def test_the_loader_reads_keys_at_all() -> None:
    assert {"oblique", "pronouns", "window"} <= GRAMMAR_KEYS
    assert {"triggers", "target", "nouns"} <= RELATION_KEYS


@pytest.mark.parametrize("key", sorted(GRAMMAR_KEYS | RELATION_KEYS))
def test_every_key_the_loader_reads_is_documented(key: str) -> None:
    assert f"`{key}`" in README


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.stem)
def test_every_key_a_lexicon_uses_is_read(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(raw.get("grammar", {})) <= GRAMMAR_KEYS
    for entry in raw.get("relation", []):
        assert set(entry) <= RELATION_KEYS, entry.get("triggers", [])[:3]
