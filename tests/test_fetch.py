"""Fetching URLs from a real HTTP server on 127.0.0.1 (no internet): pages, redirects, dead
URLs, timeouts, size limits and robots.txt, through the Fetcher and through `geokg ingest`."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from geokg import __version__
from geokg.cli import main
from geokg.ingest.fetch import Fetcher, FetchError

ARTICLE_HTML = """<!doctype html><html lang="en"><head>
<title>Russia and India sign arms deal | Example News</title>
<meta property="og:title" content="Russia and India sign arms deal">
<meta property="article:published_time" content="2021-03-04T10:00:00+01:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Russia and India sign arms deal</h1>
<p>Russia sold fighter jets to India on Thursday, officials in New Delhi said, in a deal worth
several billion dollars that both governments described as a milestone.</p>
<p>The Indian defence ministry said the aircraft would be delivered over the next three years,
and that Russia would also help India build spare parts locally.</p>
</article><footer><a href="/privacy">Privacy policy</a> Copyright 2021 Example News</footer>
</body></html>"""


def article_html(topic: str) -> str:
    """A distinct article per topic (an article's id is a hash of its text)."""
    return ARTICLE_HTML.replace("Thursday", f"Thursday ({topic})")


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalServer:
    """http.server in a thread on a free port; routes are set by the test, hits are counted."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.user_agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.hits.append(self.path)
                server.user_agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(self.path) or Route(b"not found", 404, "text/plain")
                try:
                    if route.delay:
                        time.sleep(route.delay)
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def page(self, path: str, html: str) -> str:
        self.routes[path] = Route(html.encode("utf-8"))
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    yield srv
    srv.close()


def ingest(*args: str):
    return CliRunner().invoke(main, ["ingest", *args])


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


# --- the Fetcher --------------------------------------------------------------------------

def test_fetch_ok_page_with_user_agent(server: LocalServer):
    url = server.page("/a", ARTICLE_HTML)
    fetched = Fetcher().fetch(url)
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert b"fighter jets" in fetched.body
    assert server.user_agents[-1] == f"geokg/{__version__} (+https://github.com/geokg/geokg)"
    assert server.hits == ["/robots.txt", "/a"]


def test_robots_txt_is_read_once_per_host(server: LocalServer):
    fetcher = Fetcher()
    fetcher.fetch(server.page("/a", ARTICLE_HTML))
    fetcher.fetch(server.page("/b", ARTICLE_HTML))
    assert server.hits == ["/robots.txt", "/a", "/b"]


def test_redirects_are_followed(server: LocalServer):
    url = server.page("/final", ARTICLE_HTML)
    server.routes["/old"] = Route(status=301, headers={"Location": url})
    fetched = Fetcher().fetch(server.base + "/old")
    assert fetched.final_url == url
    assert fetched.url == server.base + "/old"


def test_too_many_redirects(server: LocalServer):
    for n in range(8):
        server.routes[f"/r{n}"] = Route(status=302, headers={"Location": f"/r{n + 1}"})
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 5\)$"):
        Fetcher().fetch(server.base + "/r0")


def test_too_large_by_content_length(server: LocalServer):
    server.routes["/big"] = Route(b"x" * 5000, content_type="text/plain")
    with pytest.raises(FetchError, match=r"^too large \(over 1000 bytes\)$"):
        Fetcher(max_bytes=1000).fetch(server.base + "/big")


def test_robots_401_forbids_everything(server: LocalServer):
    server.routes["/robots.txt"] = Route(b"", status=401, content_type="text/plain")
    with pytest.raises(FetchError, match="^disallowed by robots.txt$"):
        Fetcher().fetch(server.page("/a", ARTICLE_HTML))


def test_connection_refused():
    srv = LocalServer()
    base = srv.base
    srv.close()
    with pytest.raises(FetchError, match=r"^cannot connect"):
        Fetcher(timeout=2).fetch(base + "/gone")


def test_not_a_url():
    with pytest.raises(FetchError, match="^not an http"):
        Fetcher().fetch("ftp://example.org/x")


# --- geokg ingest URL ---------------------------------------------------------------------

def test_ingest_url_stores_the_page_with_its_url(server: LocalServer):
    url = server.page("/news/deal.html", ARTICLE_HTML)
    result = ingest(url)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 0 failed")
    ask = CliRunner().invoke(main, [
        "sparql", "SELECT ?url ?date ?title WHERE { ?a geokg:url ?url ; geokg:date ?date ; "
        "geokg:title ?title }", "--format", "json"])
    rows = json.loads(ask.output)
    assert rows == [{"url": url, "date": "2021-03-04", "title": "Russia and India sign arms deal"}]


def test_ingest_url_through_a_redirect(server: LocalServer):
    url = server.page("/final", ARTICLE_HTML)
    server.routes["/short"] = Route(status=302, headers={"Location": url})
    result = ingest(server.base + "/short")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles: 1 new")


def test_ingest_plain_text_url(server: LocalServer):
    server.routes["/a.txt"] = Route(
        b"Russia sold fighter jets to India on Thursday, officials said.",
        content_type="text/plain; charset=utf-8")
    result = ingest(server.base + "/a.txt")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles: 1 new")


def test_ingest_dead_url(server: LocalServer):
    url = server.base + "/missing"
    result = ingest(url)
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {url}: HTTP 404 Not Found"]
    assert "Traceback" not in result.output


def test_ingest_timeout(server: LocalServer):
    server.routes["/slow"] = Route(ARTICLE_HTML.encode(), delay=3)
    started = time.monotonic()
    result = ingest("--timeout", "0.5", server.base + "/slow")
    assert time.monotonic() - started < 3
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {server.base}/slow: timed out after 0.5 s"]


def test_ingest_too_large_page(server: LocalServer):
    body = b"<html><body><p>" + b"a " * (5 * 1024 * 1024 + 10) + b"</p></body></html>"
    server.routes["/huge"] = Route(body)
    result = ingest(server.base + "/huge")
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {server.base}/huge: too large (over 10 MB)"]


def test_ingest_robots_disallow(server: LocalServer):
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                         content_type="text/plain")
    private = server.page("/private/a", ARTICLE_HTML)
    public = server.page("/public/a", ARTICLE_HTML)
    result = ingest(private, public)
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {private}: disallowed by robots.txt"]
    assert "/private/a" not in server.hits
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 1 failed")


def test_ingest_unsupported_content_type(server: LocalServer):
    server.routes["/img"] = Route(b"\x89PNG\r\n", content_type="image/png")
    result = ingest(server.base + "/img")
    assert error_lines(result) == [f"error: {server.base}/img: unsupported content type image/png"]
