"""`geokg query timeline … --plot FILE`: the dyad's series as a table and as a PNG chart."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from geokg.cli import main

ARTICLES = [
    {"id": "m1", "lang": "en", "date": "2021-01-10", "text": "France praised Egypt."},
    {"id": "m2", "lang": "en", "date": "2021-03-02", "text": "France condemned Egypt."},
    {"id": "m3", "lang": "en", "date": "2021-03-20", "text": "France and Egypt met in Cairo."},
]


def test_timeline_by_month_with_a_chart(tmp_path: Path):
    records = tmp_path / "news.jsonl"
    records.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(records)]).exit_code == 0
    chart = tmp_path / "fra-egy.png"
    result = runner.invoke(main, ["query", "timeline", "France", "Egypt", "--format", "json",
                                  "--plot", str(chart)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["period"], r["relations"]) for r in rows] == [("2021-01", 1), ("2021-03", 2)]
    assert rows[1]["conflict"] < 0 < rows[1]["cooperation"]
    assert rows[1]["net"] == round(rows[1]["cooperation"] + rows[1]["conflict"], 2)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert result.stderr == f"chart written to {chart}\n"


def test_plot_is_for_the_timeline_only():
    result = CliRunner().invoke(main, ["query", "partners", "CHN", "--plot", "x.png"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --plot draws the timeline query only"
