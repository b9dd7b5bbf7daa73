"""The timeline chart: a dyad's cooperation and conflict per period, as a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot_timeline(rows: list[dict[str, Any]], title: str, path: Path) -> None:
    """Bars for cooperation (green, up) and conflict (red, down), a line for the net score."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display is needed or used
    import matplotlib.pyplot as plt

    periods = [r["period"] for r in rows]
    x = range(len(periods))
    fig, ax = plt.subplots(figsize=(max(6, len(periods) * 0.6), 4), dpi=100)
    ax.bar(x, [r["cooperation"] for r in rows], color="#2e7d32", label="cooperation")
    ax.bar(x, [r["conflict"] for r in rows], color="#c62828", label="conflict")
    ax.plot(x, [r["net"] for r in rows], color="black", marker="o", label="net")
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(list(x), periods, rotation=45 if len(periods) > 8 else 0)
    ax.set_ylabel("Goldstein score (sum)")
    ax.set_title(title)
    ax.legend(loc="best")
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
