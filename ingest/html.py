"""Web pages → article text and metadata, with trafilatura. The page's own metadata (its
structured data, its <html lang>) is preferred to anything guessed later from the text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from geokg.ingest.language import SUPPORTED

# schema.org types whose datePublished is the article's own (not a breadcrumb's or a video's).
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "report",
                  "socialmediaposting", "liveblogposting"}
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
MIN_TEXT_CHARS = 20  # less is a menu or a caption ("Home"), not an article


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None  # YYYY-MM-DD
    language: str | None = None  # a supported language code, or None to detect
    url: str | None = None  # the page's canonical URL, when it names one


def extract_page(data: bytes | str, url: str | None = None) -> Page:
    """The main text and metadata of a page; ValueError when it holds no article text."""
    import trafilatura  # imported here: it takes a second, and most inputs are not HTML

    if isinstance(data, bytes) and not data.strip():
        raise ValueError("empty page")
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False,
            # Precision over recall: readers' comments, related-article lists and share
            # buttons are worse for relation extraction than a missed paragraph. No
            # deduplicate: trafilatura's is a process-wide cache, so the fourth reading of a
            # page in one process came back empty ("no article text").
            favor_precision=True, deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds
        raise ValueError(f"cannot parse HTML ({exc.__class__.__name__})") from None
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise ValueError("no article text found in the page")
    tree = _parse(data)
    return Page(
        text=text, title=_clean(doc.title), author=_clean(doc.author),
        sitename=_clean(doc.sitename),
        date=_structured_date(tree) or doc.date,
        language=_page_language(tree), url=_clean(doc.url),
    )


def looks_like_html(head: bytes) -> bool:
    start = head.lstrip()[:512].lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start


def _parse(data: bytes | str):
    try:
        return lxml_html.fromstring(data)
    except Exception:  # noqa: BLE001 - metadata is optional; the text is already out
        return None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _page_language(tree) -> str | None:
    """<html lang>, <meta http-equiv=content-language> or og:locale, if it is one geokg reads;
    anything else is left to detection."""
    if tree is None:
        return None
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath('//meta[translate(@http-equiv,"CONTENTLAGU","contentlagu")'
                             '="content-language"]/@content')
    candidates += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in candidates:
        code = re.split(r"[-_]", (value or "").strip().lower())[0]
        if code in SUPPORTED:
            return code
    return None


def _structured_date(tree) -> str | None:
    """datePublished of the page's schema.org article, as written (the page's local date:
    converting "2023-11-06T18:19+01:00" to UTC could move it to another day)."""
    if tree is None:
        return None
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in _walk(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(str(k).lower() in _ARTICLE_TYPES for k in kinds):
                continue
            match = _ISO_DATE.match(str(item.get("datePublished") or ""))
            if match:
                return match.group(1)
    return None


def _walk(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)
