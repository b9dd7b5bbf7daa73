"""Shared fixtures. Every test runs with its own GEOKG_HOME, never the user's store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SEED = EXAMPLES / "000_942de4ff9731234c.txt"
SHARED = Path(os.environ.get("GEOKG_SHARED", ROOT.parent / "shared"))

if (Path(__file__).parent / "conftest_neo4j.py").exists():
    pytest_plugins = ["tests.conftest_neo4j"]


@pytest.fixture(autouse=True)
def geokg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "geokg-home"
    monkeypatch.setenv("GEOKG_HOME", str(home))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return home


@pytest.fixture
def shared() -> Path:
    """../shared (gold data); tests that need it skip in a user's clone, which has none."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"no gold data at {SHARED} (only in the developers' workspace)")
    return SHARED
