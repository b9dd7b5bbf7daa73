"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds → the links of their items, with stdlib xml.etree.

The expat bundled with Python ≥ 3.11 limits entity amplification ("billion laughs"), and
xml.etree never fetches external entities, so a hostile feed cannot blow up or reach out."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_FEED_MEDIA_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                     "application/xml", "text/xml", "application/x-rss+xml"}


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, a fallback for pages that carry none


def looks_like_feed(head: bytes, content_type: str | None = None) -> bool:
    """A cheap sniff of the first bytes: is this an RSS or Atom document?"""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", start):
        return True
    return content_type in ("application/rss+xml", "application/atom+xml")


def is_feed_media_type(content_type: str) -> bool:
    return content_type in _FEED_MEDIA_TYPES


def parse_feed(data: bytes, base_url: str | None = None) -> list[FeedItem]:
    """The items of a feed, in feed order; ValueError for anything that is not a feed."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not an RSS or Atom feed (not XML: {exc})") from None
    tag = root.tag.lower()
    if tag == "rss":
        items = [_rss_item(e) for e in root.iter("item")]
    elif root.tag == f"{_ATOM}feed":
        items = [_atom_entry(e) for e in root.iter(f"{_ATOM}entry")]
    elif tag.endswith("}rdf"):
        items = [_rss_item(e, _RSS1) for e in root.iter(f"{_RSS1}item")]
    else:
        raise ValueError(f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
    # Relative links are resolved against the feed's own URL, as feed readers do.
    return [
        FeedItem(urljoin(base_url or "", item.link), item.title, item.date)
        for item in items if item and item.link
    ]


def _rss_item(item: ET.Element, ns: str = "") -> FeedItem | None:
    link = _text(item.find(f"{ns}link"))
    if not link:  # RSS 2.0 allows an item whose permalink guid is its only link
        guid = item.find("guid")
        if guid is not None and guid.get("isPermaLink", "true") != "false":
            link = _text(guid)
    date = _rfc822_date(_text(item.find("pubDate"))) or _iso_date(_text(item.find(_DC_DATE)))
    return FeedItem(link, _text(item.find(f"{ns}title")), date) if link else None


def _atom_entry(entry: ET.Element) -> FeedItem | None:
    links = entry.findall(f"{_ATOM}link")
    chosen = next((x for x in links if x.get("rel", "alternate") == "alternate"), None)
    link = chosen.get("href") if chosen is not None else None
    date = (_iso_date(_text(entry.find(f"{_ATOM}published")))
            or _iso_date(_text(entry.find(f"{_ATOM}updated"))))
    return FeedItem(link.strip(), _text(entry.find(f"{_ATOM}title")), date) if link else None


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _rfc822_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _iso_date(value: str | None) -> str | None:
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
