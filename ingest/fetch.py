"""Fetching web pages politely: a named User-Agent, a timeout, a size limit, at most five
redirects, and robots.txt obeyed. Every failure is a FetchError whose message is the reason."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from geokg import __version__

USER_AGENT = f"geokg/{__version__} (+https://github.com/geokg/geokg)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news page is far smaller; anything bigger is not one
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; str() is the reason, for one error line."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.status = status  # the HTTP status, when there was one


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # lower-case media type, without parameters
    charset: str | None
    body: bytes


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS  # urllib's own default is 10


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


@dataclass
class Fetcher:
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_LimitedRedirects())

    def fetch(self, url: str) -> Fetched:
        if not is_url(url):
            raise FetchError("not an http(s) URL")
        if not self.allowed(url):
            raise FetchError("disallowed by robots.txt")
        return self._get(url)

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host, read once per run. A missing robots.txt (4xx) allows
        everything, a 401/403 forbids everything (robotparser's rules); an unreachable one
        allows, since the page fetch itself will then report the real problem."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(urljoin(origin, "/robots.txt"))
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _read_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            fetched = self._get(robots_url)
        except FetchError as exc:
            if exc.status in (401, 403):
                parser.disallow_all = True
                return parser
            return None
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _get(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        })
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                headers: Message = response.headers
                length = headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(self._too_large())
                body = self._read(response, deadline)
                return Fetched(
                    url=url, final_url=response.geturl(),
                    content_type=(headers.get_content_type() or "").lower(),
                    charset=headers.get_content_charset(), body=body,
                )
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308):
                reason = f"too many redirects (more than {MAX_REDIRECTS})"
            else:
                reason = f"HTTP {exc.code} {exc.reason}"
            raise FetchError(reason, exc.code) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise FetchError(self._timed_out()) from None
            if isinstance(reason, socket.gaierror):
                raise FetchError(f"unknown host {urlsplit(url).hostname}") from None
            if isinstance(reason, OSError):
                raise FetchError(f"cannot connect ({reason.strerror or reason})") from None
            raise FetchError(f"cannot fetch ({reason})") from None
        except TimeoutError:
            raise FetchError(self._timed_out()) from None
        except OSError as exc:  # connection reset mid-body, bad status line …
            raise FetchError(f"cannot fetch ({exc.__class__.__name__}: {exc})") from None

    def _read(self, response, deadline: float) -> bytes:
        # The socket timeout bounds each read; the deadline bounds the whole body, so a server
        # dripping one byte at a time cannot hold us forever.
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(self._too_large())
            if time.monotonic() > deadline:
                raise FetchError(self._timed_out())
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self) -> str:
        limit = (f"{self.max_bytes / 1_048_576:g} MB" if self.max_bytes >= 1_048_576
                 else f"{self.max_bytes} bytes")
        return f"too large (over {limit})"

    def _timed_out(self) -> str:
        return f"timed out after {self.timeout:g} s"
