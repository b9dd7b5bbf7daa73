"""End to end in Neo4j Browser: a real headless Chromium opens the test server's Browser,
connects over Bolt (no auth), imports the shipped GraSS style by drag and drop, runs a graph
query on the seed and finds China, Russia and India drawn. The screenshot is kept under
test-artifacts/ (git-ignored).

Uses Debian's chromium (/usr/bin/chromium) through Playwright's Python package with
`executable_path`: no browser is downloaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geokg.graph.neo4j_schema import GRAPH_QUERY, GRASS_FILE
from geokg.graph.neo4j_store import Neo4jConfig, Neo4jStore
from geokg.ingest.pipeline import extract_article
from geokg.ingest.sources import read_text_file
from tests.conftest import ROOT, SEED

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = ARTIFACTS / "neo4j-browser-seed.png"
TIMEOUT_MS = 60_000


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium_page():
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        _unavailable("no Debian chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install '.[test]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.is_file() else shutil.which("chromium")),
            headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(TIMEOUT_MS)
            yield page
        finally:
            browser.close()


def _run(page, text: str) -> None:
    """Type into the Browser's (Monaco) editor and press its Run button."""
    page.click('[data-testid="activeEditor"] .monaco-editor')
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)
    page.click('[data-testid="editor-Run"]')


def _drop_file(page, name: str, text: str) -> None:
    """What dragging a file onto the Browser does: a drop event carrying the file."""
    transfer = page.evaluate_handle(
        "([name, text]) => { const dt = new DataTransfer();"
        " dt.items.add(new File([text], name, {type: 'text/plain'})); return dt; }",
        [name, text])
    for event in ("dragenter", "dragover", "drop"):
        page.dispatch_event('[data-testid="main"]', event, {"dataTransfer": transfer})


def test_browser_draws_the_seed_graph(neo4j_server, neo4j_driver, chromium_page) -> None:
    result = extract_article(read_text_file(SEED))
    store = Neo4jStore(Neo4jConfig(neo4j_server.bolt_uri), driver=neo4j_driver)
    assert store.add_article(result.article, result.relations)

    page = chromium_page
    page.goto(neo4j_server.browser_url)
    # The connect form: scheme, host:port of the Bolt server, and "No authentication".
    page.wait_for_selector('[data-testid="boltaddress"]')
    page.select_option('[data-testid="bolt-scheme-select"]', "bolt://")
    page.fill('[data-testid="boltaddress"]', neo4j_server.bolt_uri.split("://", 1)[1])
    page.select_option('[data-testid="authenticationMethod"]', "NO_AUTH")
    page.click('[data-testid="connect"]')
    page.wait_for_selector("text=You are connected")

    _drop_file(page, GRASS_FILE.name, GRASS_FILE.read_text(encoding="utf-8"))
    page.wait_for_selector("text=node.State")  # the imported style is shown in a :style frame

    _run(page, GRAPH_QUERY)
    page.wait_for_function(
        "names => { const t = [...document.querySelectorAll('svg text')]"
        ".map(e => e.textContent.trim()).join(' ');"
        " return names.every(n => t.includes(n)); }",
        arg=["China", "Russia", "India"])
    page.wait_for_timeout(1500)  # let the force layout settle for the picture
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    texts = page.eval_on_selector_all("svg text", "els => els.map(e => e.textContent.trim())")
    assert {"China", "Russia", "India", "SELLS_ARMS_TO"} <= set(texts)
    # The GraSS took effect: states are drawn in its state colour.
    fills = page.eval_on_selector_all("svg circle", "els => els.map(e => e.getAttribute('fill'))")
    assert "#4C8EDA" in {str(f).upper() for f in fills}
    assert SCREENSHOT.stat().st_size > 10_000
