"""Fetch one web page safely: the only network code in Analyst (aiohttp).

Every hop (the link and each redirect) passes the address guard first, and the connection goes
to the address the guard checked: a resolver that only knows the checked addresses replaces DNS
for the request. Each connection has a connect timeout, and one deadline covers the whole fetch:
every attempt, redirect, download and the waits between retries. The body is streamed and cut
off at the byte cap. Timeouts, failed connections and 5xx answers are retried with exponential
backoff while the deadline leaves time for it; 4xx answers and refusals are not.

Only HTML/XHTML and plain text are accepted. The charset comes from a byte-order mark, the
Content-Type header, then the page's `<meta charset>`, then detection.

`fetch_feed` is the feed poller's request: the same guard, pinned resolver, byte cap and
deadline, one attempt (the poller owns backoff), conditional (If-None-Match /
If-Modified-Since, a 304 is an answer), feed types accepted and the body left as bytes for the
feed parser. On 429 and 503 the FetchError carries the server's Retry-After in seconds.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import re
import socket
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from analysis.sources import SourceError, decode_bytes, format_size
from bot.services.url_guard import CheckedTarget, RefusedError, UrlGuard
from config.settings import Settings

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,"
    "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
)
# What a feed may come as; HTML and plain text only so that the parser can say "not a feed".
FEED_TYPES = frozenset((
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    "application/json", "application/xml", "text/xml", "text/html", "text/plain",
))  # fmt: skip
RETRY_AFTER_STATUSES = frozenset({429, 503})
CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_STATUS_WORDS = {
    400: "bad request",
    401: "login required",
    403: "access denied",
    404: "not found",
    410: "gone",
    429: "too many requests",
    451: "unavailable for legal reasons",
}


class FetchError(Exception):
    """A link that could not be fetched; the message is one short sentence for the user."""

    def __init__(
        self, message: str, *, retryable: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after  # seconds the server asked us to wait (429, 503)


@dataclass(frozen=True)
class FetchSettings:
    """How fetching behaves; built from the application settings."""

    connect_timeout: float = 10.0
    total_timeout: float = 20.0
    max_redirects: int = 5
    retries: int = 2
    retry_backoff: float = 1.0
    user_agent: str = "AnalystBot/0.1"
    max_bytes: int = 5_000_000
    allow: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchSettings:
        """The fetch settings within the application settings."""
        return cls(
            connect_timeout=settings.fetch_connect_timeout,
            total_timeout=settings.fetch_total_timeout,
            max_redirects=settings.fetch_max_redirects,
            retries=settings.fetch_retries,
            retry_backoff=settings.fetch_retry_backoff,
            user_agent=settings.fetch_user_agent,
            max_bytes=settings.max_file_bytes,
            allow=tuple(settings.fetch_allow),
        )


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page, decoded: what extraction needs and where it really came from."""

    url: str  # the link as asked for
    final_url: str  # after redirects
    kind: str  # "html" | "text"
    media_type: str  # e.g. "text/html"
    text: str
    encoding: str


@dataclass(frozen=True)
class FeedResponse:
    """A feed's answer: the document's bytes (b"" on 304) and the validators for next time."""

    url: str  # the address as asked for
    final_url: str  # after redirects
    status: int  # 200 or 304
    body: bytes
    content_type: str  # media type without parameters, "" when undeclared
    etag: str | None
    last_modified: str | None


T = TypeVar("T")
Reader = Callable[[aiohttp.ClientResponse, "_Hop"], Awaitable[T]]


class PinnedResolver(AbstractResolver):
    """A resolver that answers only with addresses the guard checked: no second DNS lookup."""

    def __init__(self) -> None:
        self._pins: dict[str, tuple[str, ...]] = {}

    def pin(self, target: CheckedTarget) -> None:
        """Remember the checked addresses of one host."""
        self._pins[target.host] = target.addresses

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """The pinned addresses of a checked host; any other host is an error."""
        addresses = self._pins.get(host.lower())
        if not addresses:
            raise OSError(f"{host} was not checked by the guard")
        return [_result(host, address, port) for address in addresses]

    async def close(self) -> None:
        """Nothing to release."""


def _result(host: str, address: str, port: int) -> ResolveResult:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    flags = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
    return ResolveResult(
        hostname=host, host=address, port=port, family=family, proto=0, flags=flags
    )


def seconds(value: float) -> str:
    """A duration as users read it: "20 s", "0.5 s"."""
    return f"{value:g} s"


class Fetcher:
    """Fetches links for ingestion; one fresh connection pool per link, nothing shared."""

    def __init__(self, settings: FetchSettings, guard: UrlGuard | None = None) -> None:
        self.settings = settings
        self.guard = guard or UrlGuard(settings.allow)

    async def fetch(self, url: str) -> FetchedPage:
        """Fetch a page, retrying timeouts and server errors; raises FetchError saying why not.

        One deadline (`total_timeout`) covers every attempt and the waits between them.
        """
        hop = _Hop(url)
        return await self._within_deadline(hop, lambda deadline: self._attempts(hop, deadline))

    async def fetch_feed(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FeedResponse:
        """Fetch a feed once, conditionally; a 304 is a FeedResponse, any failure a FetchError."""
        hop = _Hop(url, {"Accept": FEED_ACCEPT, **_validators(etag, last_modified)})
        hop.attempts = 1

        async def read(response: aiohttp.ClientResponse, hop: _Hop) -> FeedResponse:
            return await self._read_feed(response, hop, etag, last_modified)

        return await self._within_deadline(hop, lambda _deadline: self._attempt(hop, read))

    async def _within_deadline(self, hop: _Hop, work: Callable[[float], Awaitable[T]]) -> T:
        """Run the work under one deadline (`total_timeout`); running out is a FetchError."""
        deadline = asyncio.get_running_loop().time() + self.settings.total_timeout
        limit = asyncio.timeout_at(deadline)
        try:
            async with limit:
                return await work(deadline)
        except TimeoutError as exc:
            if not limit.expired():
                raise
            raise FetchError(self._timed_out(hop), retryable=True) from exc

    async def _attempts(self, hop: _Hop, deadline: float) -> FetchedPage:
        """Attempt, back off and retry; a retry whose wait would pass the deadline is not made."""
        loop = asyncio.get_running_loop()
        while True:
            hop.attempts += 1
            hop.url = hop.first
            try:
                return await self._attempt(hop, self._read)
            except FetchError as exc:
                wait = self.settings.retry_backoff * 2 ** (hop.attempts - 1)
                last = hop.attempts > self.settings.retries or loop.time() + wait >= deadline
                if not exc.retryable or last:
                    raise
                log.info("fetching %s failed (%s); retrying", hop.first, exc.message)
            await asyncio.sleep(wait)

    def _timed_out(self, hop: _Hop) -> str:
        """Why a fetch ran out of time: the deadline, and how many attempts it covered."""
        message = f"could not reach {hop.host} in {seconds(self.settings.total_timeout)}"
        return message if hop.attempts == 1 else f"{message} ({hop.attempts} attempts)"

    async def _attempt(self, hop: _Hop, read: Reader[T]) -> T:
        """One attempt: follow redirects and read the answer; the caller holds the deadline."""
        resolver = PinnedResolver()
        connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, limit=2)
        timeout = aiohttp.ClientTimeout(
            total=None, connect=self.settings.connect_timeout, sock_connect=None
        )
        headers = {"User-Agent": self.settings.user_agent, "Accept": ACCEPT, **hop.headers}
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, headers=headers, trust_env=False
        ) as session:
            return await self._follow(session, resolver, hop, read)

    async def _follow(
        self, session: aiohttp.ClientSession, resolver: PinnedResolver, hop: _Hop, read: Reader[T]
    ) -> T:
        """Request the link, checking and following each redirect, up to the limit."""
        chain: list[str] = []
        while True:
            try:
                target = await self.guard.check(hop.url)
            except RefusedError as exc:
                raise FetchError(exc.message) from exc
            resolver.pin(target)
            async with await self._get(session, target.url, hop) as response:
                location = _redirect(response)
                if location is None:
                    return await read(response, hop)
            chain.append(str(target.url))
            if len(chain) > self.settings.max_redirects:
                raise FetchError(_too_many(chain, self.settings.max_redirects))
            hop.url = str(location)

    async def _get(
        self, session: aiohttp.ClientSession, url: URL, hop: _Hop
    ) -> aiohttp.ClientResponse:
        """Send one GET without following redirects; connection problems become FetchErrors."""
        try:
            return await session.get(url, allow_redirects=False)
        except aiohttp.ServerTimeoutError as exc:
            wait = seconds(self.settings.connect_timeout)
            raise FetchError(f"could not connect to {hop.host} in {wait}", retryable=True) from exc
        except aiohttp.ClientConnectorDNSError as exc:
            raise FetchError(f"could not find the site {hop.host}") from exc
        except aiohttp.ClientConnectorError as exc:
            log.info("connecting to %s failed: %s", hop.host, exc)
            raise FetchError(f"could not connect to {hop.host}", retryable=True) from exc
        except aiohttp.ClientError as exc:
            log.info("requesting %s failed: %s", hop.url, exc)
            raise FetchError(f"{hop.host} broke off the connection", retryable=True) from exc

    async def _read(self, response: aiohttp.ClientResponse, hop: _Hop) -> FetchedPage:
        """Check status and type, then stream the body under the cap and decode it."""
        _check_status(response.status)
        declared = response.headers.get("Content-Type")
        media_type = response.content_type if declared else ""
        kind = _kind(media_type)
        length = response.content_length
        if length is not None and length > self.settings.max_bytes:
            raise FetchError(_too_large(self.settings.max_bytes))
        data = await self._body(response, hop)
        text, encoding = decode_page(data, response.charset, kind != "text")
        if not kind:
            kind, media_type = _sniff(text)
        return FetchedPage(hop.first, str(response.url), kind, media_type, text, encoding)

    async def _read_feed(
        self,
        response: aiohttp.ClientResponse,
        hop: _Hop,
        etag: str | None,
        last_modified: str | None,
    ) -> FeedResponse:
        """A 304, or a feed's bytes under the cap; the validators the server gave (or kept)."""
        final = str(response.url)
        new_etag = response.headers.get("ETag") or None
        new_modified = response.headers.get("Last-Modified") or None
        if response.status == 304:
            kept = (new_etag or etag, new_modified or last_modified)
            return FeedResponse(hop.first, final, 304, b"", "", *kept)
        retry_after = None
        if response.status in RETRY_AFTER_STATUSES:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
        _check_status(response.status, retry_after)
        media_type = response.content_type if response.headers.get("Content-Type") else ""
        if media_type and not _is_feed_type(media_type):
            raise FetchError(f"not a feed: {media_type}")
        length = response.content_length
        if length is not None and length > self.settings.max_bytes:
            raise FetchError(_too_large(self.settings.max_bytes))
        body = await self._body(response, hop)
        return FeedResponse(hop.first, final, 200, body, media_type, new_etag, new_modified)

    async def _body(self, response: aiohttp.ClientResponse, hop: _Hop) -> bytes:
        """Read the body in chunks, stopping as soon as it passes the byte cap."""
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in response.content.iter_chunked(CHUNK):
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FetchError(_too_large(self.settings.max_bytes))
                chunks.append(chunk)
        except aiohttp.ClientPayloadError as exc:
            raise FetchError(f"{hop.host} sent a broken page", retryable=True) from exc
        return b"".join(chunks)


class _Hop:
    """Where a fetch is: the current link and its host, the attempt, and its extra headers."""

    def __init__(self, url: str, headers: Mapping[str, str] | None = None) -> None:
        self.first = url
        self.url = url
        self.attempts = 0
        self.headers = dict(headers or {})

    @property
    def host(self) -> str:
        """The current link's host as the user would write it."""
        try:
            return URL(self.url).host or self.url
        except ValueError:
            return self.url


def _redirect(response: aiohttp.ClientResponse) -> URL | None:
    """The absolute address a redirect points to, None when the answer is not a redirect."""
    if response.status not in REDIRECTS:
        return None
    location = response.headers.get("Location")
    if not location:
        raise FetchError(f"redirect without a destination (HTTP {response.status})")
    try:
        return response.url.join(URL(location))
    except ValueError as exc:
        raise FetchError("redirect to an invalid address") from exc


def _too_many(chain: list[str], limit: int) -> str:
    """Say why redirects stopped: a loop when an address came back, else just too many."""
    if len(set(chain)) < len(chain):
        return "redirect loop: the page keeps sending us back to the same address"
    return f"too many redirects (more than {limit})"


def _too_large(limit: int) -> str:
    return f"page too large: over {format_size(limit)}"


def _check_status(status: int, retry_after: float | None = None) -> None:
    """Refuse answers that are not a page: 4xx for good, 5xx worth a retry."""
    if 200 <= status < 300:
        return
    if status >= 500:
        message = f"the site failed (HTTP {status})"
        raise FetchError(message, retryable=True, retry_after=retry_after)
    words = _STATUS_WORDS.get(status, "the site refused the page")
    raise FetchError(f"{words} (HTTP {status})", retry_after=retry_after)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None if neither."""
    text = (value or "").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The conditional-request headers for the validators we kept."""
    headers = {"If-None-Match": etag} if etag else {}
    return headers | ({"If-Modified-Since": last_modified} if last_modified else {})


def _is_feed_type(media_type: str) -> bool:
    """A type a feed may come as (`application/x-rss+xml` and other +xml/+json too)."""
    return media_type in FEED_TYPES or media_type.endswith(("+xml", "+json"))


def _kind(media_type: str) -> str:
    """ "html" or "text" for the types we read; "" when undeclared; refuse everything else."""
    if not media_type:
        return ""
    if media_type in HTML_TYPES:
        return "html"
    if media_type in TEXT_TYPES:
        return "text"
    raise FetchError(f"not an article: {media_type}")


def _sniff(text: str) -> tuple[str, str]:
    """Guess the kind of a page served without a Content-Type."""
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html", "text/html"
    return "text", "text/plain"


def decode_page(data: bytes, header_charset: str | None, html: bool) -> tuple[str, str]:
    """Decode a page: BOM, then the header's charset, then <meta charset>, then detection."""
    labels: list[str | None] = [] if _has_bom(data) else [header_charset]
    if html and not _has_bom(data):
        labels.append(meta_charset(data))
    for label in labels:
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            log.info("page declared %s but is not; detecting", codec)
    try:
        return decode_bytes(data)
    except SourceError as exc:
        raise FetchError("not an article: binary data") from exc


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _has_bom(data: bytes) -> bool:
    return data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def _codec(label: str | None) -> str | None:
    """A Python codec for a charset label; latin-1 and ASCII are read as Windows-1252 (WHATWG)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith("utf-16"):
        return None  # a page that can be read to find this label is not UTF-16 (WHATWG)
    return name
