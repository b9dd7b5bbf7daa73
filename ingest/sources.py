"""Reading inputs: files, folders, JSONL record files, HTML pages, URLs, RSS/Atom feeds and
standard input become documents to extract from. Anything unreadable becomes an InputError that
names the input and the reason; the batch goes on past it.

Encodings: UTF-8 (with or without BOM) and BOM-marked UTF-16 are read as they are. A file that
is not valid UTF-8 but holds no valid UTF-8 multi-byte sequence either is taken for a legacy
single-byte file and read as Windows-1252 (a superset of Latin-1 for text), with a note, if the
result looks like text; a file that mixes valid UTF-8 with invalid bytes is refused ("mixed
encodings"), since no single decoding reads it right."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from geokg.ingest.feeds import FeedItem, is_feed_media_type, looks_like_feed, parse_feed
from geokg.ingest.fetch import Fetched, Fetcher, FetchError, is_url
from geokg.ingest.html import extract_page, looks_like_html

MAX_BYTES = 20 * 1024 * 1024  # larger files are not news articles
RECORD_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
STDIN = "-"
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Document:
    text: str
    source: str  # path, URL or "file.jsonl#id"
    record_id: str | None = None
    language: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None  # from a page's metadata; not stored yet
    sitename: str | None = None
    note: str | None = None  # something the user should know, e.g. an encoding fallback


@dataclass(frozen=True)
class InputError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """An input left alone on purpose (a feed item whose URL is already in the store)."""
    source: str
    reason: str


Item = Document | InputError | Skipped


# --- bytes → text -------------------------------------------------------------------------

def decode_text(data: bytes) -> tuple[str, str | None]:
    """The text of some bytes and a note when a fallback encoding was used; ValueError saying
    why they are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise ValueError("not UTF-16 text despite its byte order mark") from None
    if _looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(data)) >= invalid:
        raise ValueError(f"mixed encodings (UTF-8 with invalid bytes, the first at offset {bad})")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if not _looks_like_prose(text):
        raise ValueError(f"not UTF-8 text (invalid byte at offset {bad})")
    return text, "not UTF-8; read as Windows-1252"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return controls > max(2, len(sample) // 50)


def _looks_like_prose(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and sum(c.isalpha() for c in visible) >= 0.5 * len(visible)


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or ValueError when it is too large or empty."""
    size = path.stat().st_size
    if size > limit:
        raise ValueError(f"too large ({size / 1_048_576:.0f} MB; the limit is "
                         f"{limit // 1_048_576} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    return data


def read_text_file(path: Path) -> str:
    """The text of a file, or ValueError saying why it is not an article."""
    text, _note = decode_text(read_bytes(path))
    if not text.strip():
        raise ValueError("empty file")
    return text


# --- the reader ---------------------------------------------------------------------------

@dataclass
class Reader:
    """Turns the command line's inputs into documents. `seen_url` tells whether a URL is
    already in the store, so that feed items already ingested are not fetched again."""

    glob: str = "**/*"
    fetcher: Fetcher = field(default_factory=Fetcher)
    seen_url: Callable[[str], bool] = lambda url: False
    stdin: BinaryIO | None = None
    max_file_bytes: int = MAX_BYTES

    def read(self, inputs: Iterable[str], feeds: Iterable[str] = ()) -> Iterator[Item]:
        for name in inputs:
            source = "<stdin>" if name == STDIN else name
            yield from self._guard(source, lambda n=name: self._input(n))
        for name in feeds:
            yield from self._guard(name, lambda n=name: self._feed_input(n))

    def _guard(self, source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
        # One bad input is one InputError; whatever it yielded before failing is kept.
        try:
            yield from produce()
        except FetchError as exc:
            yield InputError(source, str(exc))
        except (OSError, ValueError) as exc:
            yield InputError(source, _os_reason(exc))

    def _input(self, name: str) -> Iterator[Item]:
        if name == STDIN:
            yield from self._stdin()
        elif is_url(name):
            yield from self._url(name)
        else:
            path = Path(name)
            if not path.exists():
                yield InputError(name, "no such file or folder")
            elif path.is_dir():
                for file in iter_files([path], self.glob):
                    yield from self._guard(str(file), lambda f=file: self._file(f))
            else:
                yield from self._file(path)

    def _feed_input(self, name: str) -> Iterator[Item]:
        if is_url(name):
            fetched = self.fetcher.fetch(name)
            yield from self._feed(fetched.body, name, base_url=fetched.final_url)
        else:
            yield from self._feed(read_bytes(Path(name), self.max_file_bytes), name)

    def _file(self, path: Path) -> Iterator[Item]:
        source = str(path)
        suffix = path.suffix.lower()
        if suffix in RECORD_SUFFIXES:
            yield from read_records(path)
            return
        data = read_bytes(path, self.max_file_bytes)
        if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(data)):
            yield from self._feed(data, source)
        elif suffix in HTML_SUFFIXES or looks_like_html(data[:1024]):
            yield _page_document(data, source)
        else:
            # Any other file is tried as plain text; binary files are refused by content.
            yield _text_document(data, source)

    def _url(self, url: str) -> Iterator[Item]:
        fetched = self.fetcher.fetch(url)
        if _is_feed_response(fetched):
            yield from self._feed(fetched.body, url, base_url=fetched.final_url)
        else:
            yield _fetched_document(fetched)

    def _feed(self, data: bytes, source: str, base_url: str | None = None) -> Iterator[Item]:
        for item in parse_feed(data, base_url):
            yield from self._guard(item.link, lambda i=item: self._feed_item(i))

    def _feed_item(self, item: FeedItem) -> Iterator[Item]:
        if self.seen_url(item.link):
            yield Skipped(item.link, "already ingested")
            return
        fetched = self.fetcher.fetch(item.link)
        if _is_feed_response(fetched):
            raise ValueError("a feed item that is itself a feed is not followed")
        doc = _fetched_document(fetched)
        # The page's own metadata wins; the feed's fills in what the page lacks.
        yield replace(doc, date=doc.date or item.date, title=doc.title or item.title)

    def _stdin(self) -> Iterator[Item]:
        if self.stdin is None:
            raise ValueError("no standard input")
        data = self.stdin.read(self.max_file_bytes + 1)
        if len(data) > self.max_file_bytes:
            raise ValueError(f"too large (the limit is {self.max_file_bytes // 1_048_576} MB)")
        if not data.strip():
            raise ValueError("empty input")
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            text, _note = decode_text(data)
            yield from parse_records(text.splitlines(), "<stdin>")
        elif looks_like_html(data[:1024]):
            yield _page_document(data, "<stdin>")
        else:
            yield _text_document(data, "<stdin>")


def _is_feed_response(fetched: Fetched) -> bool:
    if fetched.content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    return (is_feed_media_type(fetched.content_type) or fetched.content_type == "text/plain"
            ) and looks_like_feed(fetched.body)


def _fetched_document(fetched: Fetched) -> Document:
    if fetched.content_type in _HTML_TYPES or (
            fetched.content_type in ("", "application/octet-stream")
            and looks_like_html(fetched.body[:1024])):
        return _page_document(fetched.body, fetched.url, url=fetched.url)
    if fetched.content_type == "text/plain":
        if not fetched.body.strip():
            raise ValueError("empty page")
        if fetched.charset and fetched.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
            try:
                text = fetched.body.decode(fetched.charset)
            except (LookupError, UnicodeDecodeError):
                raise ValueError(f"not {fetched.charset} text as the server says") from None
            return Document(text, fetched.url, url=fetched.url)
        return replace(_text_document(fetched.body, fetched.url), url=fetched.url)
    raise ValueError(f"unsupported content type {fetched.content_type or '(none)'}")


def _page_document(data: bytes, source: str, url: str | None = None) -> Document:
    page = extract_page(data, url=url)
    return Document(
        text=page.text, source=source, language=page.language, date=page.date,
        # A fetched page keeps the URL it was asked for, so that a feed's link is found again.
        url=url or page.url, title=page.title, author=page.author, sitename=page.sitename,
    )


def _text_document(data: bytes, source: str) -> Document:
    text, note = decode_text(data)
    if not text.strip():
        raise ValueError("empty file")
    return Document(text, source, note=note)


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (invalid byte at offset {exc.start})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


# --- files and records --------------------------------------------------------------------

def iter_files(paths: Iterable[Path], glob: str = "**/*") -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.glob(glob) if p.is_file() and
                              not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def read_records(path: Path) -> Iterator[Document | InputError]:
    """JSONL records {"id", "text", "url"?, "date"?, "lang"?, "title"?}, one per line."""
    with path.open("rb") as handle:
        yield from parse_records(handle, str(path))


def parse_records(lines: Iterable[str | bytes], name: str) -> Iterator[Document | InputError]:
    for number, raw in enumerate(lines, 1):
        where = f"{name}:{number}"
        try:
            # Decoded line by line, so that one bad line fails alone and says where it is.
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8") if isinstance(
                raw, bytes) else raw
        except UnicodeDecodeError as exc:
            yield InputError(where, f"not UTF-8 text (invalid byte at column {exc.start + 1})")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            yield InputError(where, 'record has no "text"')
            continue
        rid = str(record["id"]) if record.get("id") is not None else None
        yield Document(
            text=record["text"], source=f"{name}#{rid}" if rid else where, record_id=rid,
            language=record.get("lang"), date=record.get("date"), url=record.get("url"),
            title=record.get("title"),
        )
