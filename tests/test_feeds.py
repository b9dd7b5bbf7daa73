"""RSS and Atom feeds: parsing with xml.etree, and `geokg ingest --feed` against a local
server, skipping items whose URL is already in the store without fetching them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import main
from geokg.ingest.batch import has_url
from geokg.ingest.feeds import FeedItem, looks_like_feed, parse_feed
from geokg.stores import open_embedded
from tests.test_fetch import LocalServer, Route, article_html, error_lines, server  # noqa: F401

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World news</title><link>{base}/</link>
<item><title>Deal one</title><link>{base}/news/1</link>
  <pubDate>Thu, 04 Mar 2021 10:00:00 +0100</pubDate></item>
<item><title>Deal two</title><guid>{base}/news/2</guid></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
<entry><title>One</title><link rel="alternate" href="/news/1"/>
  <link rel="enclosure" href="/img/1.jpg"/><published>2021-03-04T10:00:00Z</published></entry>
<entry><title>Two</title><link href="https://example.org/news/2"/>
  <updated>2021-03-05T10:00:00Z</updated></entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>W</title></channel>
<item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>
  <dc:date>2021-03-04</dc:date></item>
</rdf:RDF>"""


def test_rss_items_links_titles_dates():
    items = parse_feed(RSS.format(base="https://example.org").encode())
    assert items == [
        FeedItem("https://example.org/news/1", "Deal one", "2021-03-04"),
        FeedItem("https://example.org/news/2", "Deal two", None),
    ]


def test_atom_entries_resolve_relative_links():
    items = parse_feed(ATOM.encode(), base_url="https://example.org/feed.xml")
    assert items == [
        FeedItem("https://example.org/news/1", "One", "2021-03-04"),
        FeedItem("https://example.org/news/2", "Two", "2021-03-05"),
    ]


def test_rss1_rdf_feed():
    assert parse_feed(RDF.encode()) == [FeedItem("https://example.org/1", "One", "2021-03-04")]


def test_not_xml_is_one_clear_error():
    with pytest.raises(ValueError, match=r"^not an RSS or Atom feed \(not XML: "):
        parse_feed(b"this is plain text, not a feed")


def test_xml_that_is_not_a_feed():
    with pytest.raises(ValueError, match=r"^not an RSS or Atom feed \(root element <svg>\)$"):
        parse_feed(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')


def test_sniffing():
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(ATOM.encode())
    assert not looks_like_feed(b"<!doctype html><html>")


def _serve_feed(server: LocalServer) -> str:  # noqa: F811
    server.page("/news/1", article_html("one"))
    server.page("/news/2", article_html("two"))
    server.routes["/feed.xml"] = Route(RSS.format(base=server.base).encode(),
                                       content_type="application/rss+xml")
    return server.base + "/feed.xml"


def test_feed_items_are_ingested_then_skipped_without_fetching(server: LocalServer):  # noqa: F811
    feed = _serve_feed(server)
    first = CliRunner().invoke(main, ["ingest", "--feed", feed])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("articles: 2 new, 0 unchanged, 0 failed")
    assert {"/news/1", "/news/2"} <= set(server.hits)
    server.hits.clear()
    again = CliRunner().invoke(main, ["ingest", "--feed", feed])
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("articles: 0 new, 2 unchanged, 0 failed")
    assert server.hits == ["/robots.txt", "/feed.xml"]


def test_feed_url_is_detected_as_an_input(server: LocalServer):  # noqa: F811
    result = CliRunner().invoke(main, ["ingest", _serve_feed(server)])
    assert result.stdout.startswith("articles: 2 new"), result.output


def test_feed_file_with_a_dead_item(server: LocalServer, tmp_path: Path):  # noqa: F811
    _serve_feed(server)
    del server.routes["/news/2"]
    feed = tmp_path / "world.rss"
    feed.write_text(RSS.format(base=server.base), encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(feed)])
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {server.base}/news/2: HTTP 404 Not Found"]
    assert result.stdout.startswith("articles: 1 new, 0 unchanged, 1 failed")


def test_non_xml_feed_is_one_error_line(server: LocalServer, tmp_path: Path):  # noqa: F811
    bad = tmp_path / "bad.xml"
    bad.write_text("surely not <xml", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--feed", str(bad)])
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"error: {bad}: not an RSS or Atom feed (not XML: syntax error: line 1, column 0)"]
    assert "Traceback" not in result.output


def test_has_url_asks_the_store(server: LocalServer):  # noqa: F811
    url = server.page("/news/1", article_html("one"))
    assert CliRunner().invoke(main, ["ingest", url]).exit_code == 0
    store = open_embedded()
    try:
        assert has_url(store, url)
        assert not has_url(store, url + "?other")
        assert not has_url(store, '"> } DROP ALL #')  # bound as a literal, never pasted
    finally:
        store.close()
