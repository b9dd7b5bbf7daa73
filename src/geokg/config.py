"""Where geokg keeps its data, and which store to use."""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """GEOKG_HOME, else the per-user data folder ($XDG_DATA_HOME/geokg or ~/.local/share/geokg)."""
    if os.environ.get("GEOKG_HOME"):
        return Path(os.environ["GEOKG_HOME"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "geokg"


def embedded_store_path() -> Path:
    return home() / "store"
