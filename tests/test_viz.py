"""The HTML picture: self-contained and offline, drawn from the seed's real graph, and shown
by a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.graph import network
from geokg.stores import open_embedded
from geokg.viz import CONFLICT, COOPERATION, render_html
from tests.conftest import EXAMPLES, ROOT

ARTIFACTS = ROOT / "test-artifacts"  # git-ignored; screenshots are kept for people to look at


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def seed_claims() -> list[dict]:
    assert run("ingest", str(EXAMPLES)).exit_code == 0
    with open_embedded() as store:
        return store.claims()


def edge_group(html: str, a: str, b: str) -> str:
    match = re.search(rf'<g class="edge" data-a="{re.escape(a)}" data-b="{re.escape(b)}">'
                      r".*?</g>", html, re.S)
    assert match, (a, b)
    return match.group(0)


def node_group(html: str, code: str) -> str:
    match = re.search(rf'<g class="node [^"]*" data-id="{re.escape(code)}".*?</g>', html, re.S)
    assert match, code
    return match.group(0)


def assert_offline(html: str) -> None:
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"\b(?:src|href)\s*=", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # and the page forbids itself any request


def test_html_is_self_contained_and_draws_the_seed(seed_claims):
    html = render_html(seed_claims)
    assert_offline(html)
    assert html.count('<g class="node ') == 5
    assert html.count('<g class="edge" ') == 6
    assert "5 actors · 6 dyads" in html
    # Kinds by shape: states are circles, the UN Human Rights Council a square.
    assert "<circle" in node_group(html, "CHN") and "<rect" in node_group(html, "IGO:UNHRC")
    # Edges by the sign of their net Goldstein sum.
    assert f'stroke="{CONFLICT}"' in edge_group(html, "CHN", "USA")
    assert f'stroke="{COOPERATION}"' in edge_group(html, "CHN", "RUS")
    assert f'stroke="{COOPERATION}"' in edge_group(html, "IND", "RUS")


def test_tooltips_carry_relations_counts_and_evidence(seed_claims):
    html = render_html(seed_claims)
    arms = unescape(edge_group(html, "IND", "RUS"))
    assert "India — Russia" in arms
    assert "net Goldstein +7.4 (cooperation) · 1 claim" in arms
    assert "RUS → IND: SELLS_ARMS_TO" in arms
    assert "Rusia melakukan penjualan senjata ke India" in arms
    opposes = unescape(edge_group(html, "CHN", "USA"))
    assert "CHN → USA: OPPOSES×2" in opposes
    assert "DEMANDS" not in opposes  # negated: not a fact, not drawn
    china = unescape(node_group(html, "CHN"))
    assert "<title>China (CHN)\nstate · " in china
    assert "<text y=" in china and ">CHN</text>" in china


def test_rendering_is_deterministic(seed_claims):
    assert render_html(seed_claims) == render_html(list(reversed(seed_claims)))


def test_viz_command_ego_since_and_errors(seed_claims, tmp_path: Path):
    out = tmp_path / "china.html"
    result = run("viz", "-o", str(out), "--ego", "Tiongkok")
    assert result.exit_code == 0
    ego = network.ego_claims(seed_claims, "CHN")
    expected = network.dyad_graph(ego)
    assert result.stdout == (f"wrote {out} ({expected.number_of_nodes()} actors, "
                             f"{expected.number_of_edges()} dyads)\n")
    html = out.read_text(encoding="utf-8")
    assert_offline(html)
    assert 'data-id="IND"' not in html  # India is Russia's partner, not China's
    assert "ego network of China (CHN)" in html and 'class="ego"' in html

    later = tmp_path / "later.html"
    assert run("viz", "-o", str(later), "--since", "2021-01-01").exit_code == 0
    assert "No factual relations to draw." in later.read_text(encoding="utf-8")

    bad = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "x.html"), "--ego", "Atlantis"])
    assert bad.exit_code == 2 and "unknown actor 'Atlantis'" in bad.output
    absent = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "x.html"), "--ego", "DEU"])
    assert absent.exit_code == 2 and "DEU has no factual relations" in absent.output
    date = CliRunner().invoke(main, ["viz", "-o", str(tmp_path / "x.html"), "--since", "2020-13"])
    assert date.exit_code == 2 and "--since takes a date" in date.output


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed (apt-get install -y chromium)")
    pytest.skip("chromium is not installed (apt-get install -y chromium); browser test skipped")


def headless(*args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_chromium_renders_the_picture_and_runs_its_script(seed_claims):
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "viz-seed.html"
    page.write_text(render_html(seed_claims), encoding="utf-8")
    shots = {"viz-seed.png": page.as_uri(),
             # #focus= shows a tooltip without a mouse: the screenshot proves the script ran.
             "viz-seed-tooltip.png": page.as_uri() + "#focus=IND,RUS"}
    for name, url in shots.items():
        shot = ARTIFACTS / name
        shot.unlink(missing_ok=True)
        result = headless(f"--screenshot={shot}", "--window-size=1200,900", url)
        assert shot.exists(), result.stderr[-2000:]
        assert png_size(shot) == (1200, 900)
        # A blank 1200×900 page compresses to a few kB; a drawn graph is far larger.
        assert shot.stat().st_size > 20_000
    assert (ARTIFACTS / "viz-seed-tooltip.png").read_bytes() != (
        ARTIFACTS / "viz-seed.png").read_bytes()
    # The DOM after the script ran: the <title>s became data-tip attributes, none left over.
    dom = headless("--dump-dom", page.as_uri()).stdout
    assert dom.count("data-tip=") == 5 + 6
    assert "<svg" in dom and "<title>geokg" in dom and dom.count("<title>") == 1
