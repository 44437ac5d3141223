"""A local feed server for tests: RSS, Atom and JSON Feed scenarios on 127.0.0.1.

It runs in its own thread with its own event loop on an ephemeral port, so sync tests (the CLI
through CliRunner) and async tests (a poller on the test's loop) can both use it::

    with FeedsServer() as server:                   # or the `feeds_server` fixture below
        settings = Settings(fetch_allow=server.allow, ...)
        url = server.feed_url("rss")                # http://127.0.0.1:PORT/feeds/rss
        new = server.add_items("rss", 2)            # two new items on top; the version changes
        server.fail("rss", 500)                     # the feed answers HTTP 500 from now on
        server.fail("rss", 429, retry_after="120")  # ... or 429 with Retry-After
        server.recover("rss")                       # back to 200
        server.hits(server.feed_path("rss"))        # requests received for a path
        server.requests("/feeds/conditional")[-1].headers.get("If-None-Match")  # on arrival
        await server.until(lambda: server.hits("/feeds/rss") >= 2)  # async tests: no sleeps
        server.wait_for(lambda: server.hits("/feeds/rss") >= 2)     # sync tests

Scenarios, served at `/feeds/NAME` (`DEFAULT_SCENARIOS`); each starts with three items, newest
first, whose links are article pages on this server (`/articles/SLUG`, real-looking HTML with
five distinct paragraphs per item, so extraction keeps them and dedup tells them apart):

- `rss` RSS 2.0, `rdf` RSS 1.0, `atom` Atom 1.0 (relative links), `json` JSON Feed 1.1;
- `conditional` RSS 2.0 with ETag and Last-Modified: 304 when either validator matches;
- `stuck` answers 304 to any request that carries a validator (servers that never change;
  `update("stuck", bare_304=True)` drops the ETag/Last-Modified from its 304s);
- `limited` 429 with `Retry-After: 120`; `unavailable` 503 with Retry-After as an HTTP date
  30 minutes ahead;
- `rewrites` RSS 2.0 without guids whose every item moves one hour later at each request;
- `broken` an HTML page served as text/html; `garbage` bytes that are no XML or JSON, served as
  application/rss+xml;
- `dies` HTTP 500 forever; `server.fail(name, disconnect=True)` makes a feed drop the
  connection instead, and `server.refused_url` is an address where nothing listens
  (connection refused; `server.allow` lets the fetcher try it).
`/redirect/NAME` answers 301 to `/feeds/NAME`. Scenarios can be added with `add_scenario` and
changed with `update(name, **fields)` (any `Scenario` field: `delay=2.0` makes a feed slow) at
any time; state is shared with the server thread under one lock.
"""

from __future__ import annotations

import asyncio
import html
import json
import random
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from aiohttp import web
from multidict import CIMultiDict

from tests.threaded_site import ThreadedSite

BASE_DATE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
SITE_NAME = "Harbour Desk"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
TYPES = {
    "rss20": "application/rss+xml",
    "rss10": "application/rdf+xml",
    "atom10": "application/atom+xml",
    "json1": "application/feed+json",
}


@dataclass
class Item:
    """One feed item and the article page its link points to."""

    slug: str  # the article page is /articles/SLUG
    title: str
    published: datetime | None
    summary: str  # may hold HTML, as real feeds do
    guid: str | None
    author: str | None
    paragraphs: tuple[str, ...]
    link: str | None = None  # None: /articles/SLUG (absolute, or relative in Atom)
    page_meta: bool = True  # the article page declares its title, date and author
    page_title: str | None = None  # the page's own title when it differs from the feed's
    page_published: datetime | None = None  # the page's own date when it differs from the feed's


@dataclass
class Scenario:
    """What one feed serves and how it answers."""

    name: str
    format: str  # "rss20" | "rss10" | "atom10" | "json1"
    title: str
    items: list[Item] = field(default_factory=list)
    validators: bool = False  # ETag + Last-Modified, 304 when one matches
    stuck_304: bool = False  # 304 whenever any validator is sent
    bare_304: bool = False  # 304s carry no ETag or Last-Modified (some servers)
    status: int = 200  # anything else: the feed fails with this status
    retry_after: str | timedelta | None = None  # a timedelta is sent as an HTTP date ahead
    disconnect: bool = False  # close the connection without answering
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    rewrite_dates: bool = False  # every request moves every item one hour later
    raw: tuple[bytes, str] | None = None  # (body, content type) served instead of the feed
    version: int = 1  # bumped by every change of content (the ETag and Last-Modified follow)
    serial: int = 0  # items made so far (slugs are NAME-1, NAME-2, ...)

    @property
    def etag(self) -> str:
        """The current entity tag."""
        return f'"{self.name}-v{self.version}"'

    @property
    def modified(self) -> datetime:
        """The current Last-Modified (one minute per version: HTTP dates have 1 s steps)."""
        return BASE_DATE + timedelta(minutes=self.version)


@dataclass
class RecordedRequest:
    """A request the server received (recorded on arrival): path, query, headers, answer."""

    method: str
    path: str
    query: str
    headers: CIMultiDict[str]  # case-insensitive
    status: int = 0  # 0 while the answer is pending, or when the connection was dropped


class FeedsServer(ThreadedSite):
    """The feed scenarios on 127.0.0.1:PORT in a thread of their own."""

    def __init__(self, scenarios: list[Scenario] | None = None) -> None:
        super().__init__()
        self.refused_port = _closed_port()
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        self._requests: list[RecordedRequest] = []
        self.scenarios: dict[str, Scenario] = {}
        for scenario in scenarios if scenarios is not None else default_scenarios():
            self.add_scenario(scenario)

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> FeedsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- addresses ---------------------------------------------------------------------------
    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    @property
    def allow(self) -> list[str]:
        """The `fetch_allow` entries that let the fetcher reach this server (and the dead port)."""
        return [f"127.0.0.1:{self.port}", f"127.0.0.1:{self.refused_port}"]

    @property
    def refused_url(self) -> str:
        """A feed address where nothing listens: connection refused."""
        return f"http://127.0.0.1:{self.refused_port}/feeds/gone"

    def url(self, path: str) -> str:
        """An absolute address on this server."""
        return self.base + path

    @staticmethod
    def feed_path(name: str) -> str:
        """The path of a scenario's feed."""
        return f"/feeds/{name}"

    def feed_url(self, name: str) -> str:
        """The address of a scenario's feed."""
        return self.url(self.feed_path(name))

    def article_url(self, item: Item | str) -> str:
        """The address of an item's article page (an Item or its slug)."""
        slug = item.slug if isinstance(item, Item) else item
        return self.url(f"/articles/{slug}")

    # -- scenario control --------------------------------------------------------------------
    def add_scenario(self, scenario: Scenario, items: int = 0) -> Scenario:
        """Serve another scenario (replacing one of the same name), with `items` new items."""
        with self._lock:
            self.scenarios[scenario.name] = scenario
        if items:
            self.add_items(scenario.name, items)
        return scenario

    def add_items(self, name: str, count: int = 1, **fields: Any) -> list[Item]:
        """Put `count` new items on top of a feed; `fields` override Item fields of each."""
        with self._lock:
            scenario = self.scenarios[name]
            made = [replace(_make_item(scenario), **fields) for _ in range(count)]
            scenario.items[:0] = reversed(made)
            scenario.version += 1
            return made

    def items(self, name: str) -> list[Item]:
        """A copy of a feed's items as served now, newest first."""
        with self._lock:
            return [replace(item) for item in self.scenarios[name].items]

    def update(self, name: str, **fields: Any) -> None:
        """Change scenario fields (status, validators, raw...); content changes bump the version."""
        with self._lock:
            scenario = self.scenarios[name]
            for key, value in fields.items():
                setattr(scenario, key, value)
            if {"items", "raw", "format", "title"} & fields.keys():
                scenario.version += 1

    def fail(
        self,
        name: str,
        status: int = 500,
        *,
        retry_after: str | timedelta | None = None,
        disconnect: bool = False,
    ) -> None:
        """Make a feed fail from now on: an HTTP status, or a dropped connection."""
        self.update(name, status=status, retry_after=retry_after, disconnect=disconnect)

    def recover(self, name: str) -> None:
        """Make a failing feed answer 200 again."""
        self.update(name, status=200, retry_after=None, disconnect=False)

    # -- what was asked ----------------------------------------------------------------------
    def requests(self, path: str | None = None) -> list[RecordedRequest]:
        """Requests received (for one path, or all), oldest first."""
        with self._lock:
            return [r for r in self._requests if path is None or r.path == path]

    def hits(self, path: str) -> int:
        """How many requests a path received."""
        return len(self.requests(path))

    def wait_for(self, predicate: Callable[[], bool], seconds: float = 10.0) -> None:
        """Block until the predicate holds (checked at each request); for sync tests."""
        with self._changed:
            if not self._changed.wait_for(predicate, seconds):
                raise AssertionError("the feeds server did not see what was awaited in time")

    async def until(self, predicate: Callable[[], bool], seconds: float = 10.0) -> None:
        """Wait without blocking the loop until the predicate holds (checked at each request)."""
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(seconds):
            while True:
                event = asyncio.Event()
                with self._lock:
                    if predicate():
                        return
                    self._waiters.append((loop, event))
                await event.wait()

    # -- the server thread -------------------------------------------------------------------
    def app(self) -> web.Application:
        """The feeds, the article pages and the redirects, every request recorded."""
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/feeds/{name}", self._feed)
        app.router.add_get("/articles/{slug}", self._article)
        app.router.add_get("/redirect/{name}", _redirect)
        return app

    @web.middleware
    async def _record(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        headers = CIMultiDict(request.headers)
        record = RecordedRequest(request.method, request.path, request.query_string, headers)
        self._note(record)
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            self._note(record, exc.status)
            raise
        self._note(record, response.status)
        return response

    def _note(self, record: RecordedRequest, status: int | None = None) -> None:
        """Record a request on arrival (status None) or its answer; wake whoever waits."""
        with self._lock:
            if status is None:
                self._requests.append(record)
            else:
                record.status = status
            waiters, self._waiters = self._waiters, []
            self._changed.notify_all()
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            scenario = self.scenarios.get(request.match_info["name"])
            if scenario is None:
                raise web.HTTPNotFound(text="no such feed")
            if scenario.rewrite_dates:
                _move_dates(scenario)
            answer = self._answer(scenario, request)
            delay = scenario.delay
        if delay:
            await asyncio.sleep(delay)
        if answer is None:  # drop the connection
            assert request.transport is not None
            request.transport.close()
            raise asyncio.CancelledError
        return answer

    def _answer(self, scenario: Scenario, request: web.Request) -> web.Response | None:
        if scenario.disconnect:
            return None
        if scenario.status != 200:
            headers = {"Retry-After": _retry_after(scenario.retry_after)}
            return web.Response(
                status=scenario.status,
                text="error",
                headers=headers if scenario.retry_after is not None else None,
            )
        validators = {
            "ETag": scenario.etag,
            "Last-Modified": format_datetime(scenario.modified, usegmt=True),
        }
        sent = None if scenario.bare_304 else validators
        if scenario.stuck_304 and _sends_validator(request):
            return web.Response(status=304, headers=sent)
        if scenario.validators and _not_modified(scenario, request):
            return web.Response(status=304, headers=sent)
        body, content_type = scenario.raw or (render(scenario, self.base), TYPES[scenario.format])
        response = web.Response(body=body, content_type=content_type)
        if scenario.validators or scenario.stuck_304:
            response.headers.update(validators)
        return response

    async def _article(self, request: web.Request) -> web.Response:
        slug = request.match_info["slug"]
        with self._lock:
            found = [i for s in self.scenarios.values() for i in s.items if i.slug == slug]
        if not found:
            raise web.HTTPNotFound(text="no such article")
        return web.Response(text=article_html(found[0]), content_type="text/html", charset="utf-8")


@pytest.fixture
def feeds_server() -> Iterator[FeedsServer]:
    """A fresh feeds server with the default scenarios, for one test."""
    with FeedsServer() as server:
        yield server


def default_scenarios() -> list[Scenario]:
    """The scenarios of the module docstring, three items each."""
    made = [
        Scenario("rss", "rss20", "Harbour Desk: World"),
        Scenario("rdf", "rss10", "Harbour Desk: Science"),
        Scenario("atom", "atom10", "Harbour Desk: Business"),
        Scenario("json", "json1", "Harbour Desk: Politics"),
        Scenario("conditional", "rss20", "Harbour Desk: Cities", validators=True),
        Scenario("stuck", "rss20", "Harbour Desk: Archive", stuck_304=True),
        Scenario("limited", "rss20", "Harbour Desk: Sports", status=429, retry_after="120"),
        Scenario(
            "unavailable",
            "atom10",
            "Harbour Desk: Weather",
            status=503,
            retry_after=timedelta(minutes=30),
        ),
        Scenario("rewrites", "rss20", "Harbour Desk: Latest", rewrite_dates=True),
        Scenario("broken", "rss20", "broken", raw=(article_page("Not a feed"), "text/html")),
        Scenario("garbage", "rss20", "garbage", raw=(bytes(range(256)) * 4, TYPES["rss20"])),
        Scenario("dies", "rss20", "Harbour Desk: Gone", status=500),
    ]
    for scenario in made:
        for _ in range(3):
            scenario.items.insert(0, _make_item(scenario))
        if scenario.rewrite_dates:
            for item in scenario.items:
                item.guid = None
    return made


# -- feed documents ---------------------------------------------------------------------------
def render(scenario: Scenario, base: str) -> bytes:
    """The feed document of a scenario, with links on `base`."""
    if scenario.format == "json1":
        return _json_feed(scenario, base)
    if scenario.format == "atom10":
        return _atom(scenario, base)
    if scenario.format == "rss10":
        return _rdf(scenario, base)
    return _rss(scenario, base)


def _link(item: Item, base: str, relative: bool = False) -> str:
    path = item.link or f"/articles/{item.slug}"
    return path if relative or "://" in path else base + path


def _rss(scenario: Scenario, base: str) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>',
        f"<title>{escape(scenario.title)}</title><link>{base}/</link>",
        "<description>Stories from the harbour desk</description><language>en</language>",
    ]
    for item in scenario.items:
        parts.append(f"<item><title>{escape(item.title)}</title>")
        parts.append(f"<link>{escape(_link(item, base))}</link>")
        if item.guid is not None:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.published is not None:
            parts.append(f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>")
        if item.author:
            parts.append(f"<dc:creator>{escape(item.author)}</dc:creator>")
        parts.append(f"<description>{escape(item.summary)}</description></item>")
    parts.append("</channel></rss>\n")
    return "\n".join(parts).encode()


def _rdf(scenario: Scenario, base: str) -> bytes:
    links = [_link(item, base) for item in scenario.items]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'<channel rdf:about="{base}/"><title>{escape(scenario.title)}</title>',
        f"<link>{base}/</link><description>Stories</description><items><rdf:Seq>",
        *(f"<rdf:li rdf:resource={quoteattr(link)}/>" for link in links),
        "</rdf:Seq></items></channel>",
    ]
    for item, link in zip(scenario.items, links, strict=True):
        parts.append(f"<item rdf:about={quoteattr(item.guid or link)}>")
        parts.append(f"<title>{escape(item.title)}</title><link>{escape(link)}</link>")
        if item.published is not None:
            parts.append(f"<dc:date>{item.published.isoformat()}</dc:date>")
        if item.author:
            parts.append(f"<dc:creator>{escape(item.author)}</dc:creator>")
        parts.append(f"<description>{escape(item.summary)}</description></item>")
    parts.append("</rdf:RDF>\n")
    return "\n".join(parts).encode()


def _atom(scenario: Scenario, base: str) -> bytes:
    updated = max((i.published for i in scenario.items if i.published), default=BASE_DATE)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(scenario.title)}</title><link href={quoteattr(base + '/')}/>",
        f"<id>tag:harbour.test,2026:{scenario.name}</id><updated>{updated.isoformat()}</updated>",
    ]
    for item in scenario.items:
        parts.append(f"<entry><title>{escape(item.title)}</title>")
        parts.append(f'<link rel="alternate" href={quoteattr(_link(item, base, True))}/>')
        parts.append(f"<id>{escape(item.guid or _link(item, base))}</id>")
        if item.published is not None:
            stamp = item.published.isoformat()
            parts.append(f"<published>{stamp}</published><updated>{stamp}</updated>")
        if item.author:
            parts.append(f"<author><name>{escape(item.author)}</name></author>")
        parts.append(f'<summary type="html">{escape(item.summary)}</summary></entry>')
    parts.append("</feed>\n")
    return "\n".join(parts).encode()


def _json_feed(scenario: Scenario, base: str) -> bytes:
    items: list[dict[str, object]] = []
    for item in scenario.items:
        entry: dict[str, object] = {"id": item.guid or _link(item, base), "url": _link(item, base)}
        entry |= {"title": item.title, "content_html": item.summary}
        if item.published is not None:
            entry["date_published"] = item.published.isoformat()
        if item.author:
            entry["authors"] = [{"name": item.author}]
        items.append(entry)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": scenario.title,
        "home_page_url": base + "/",
        "feed_url": f"{base}/feeds/{scenario.name}",
        "items": items,
    }
    return json.dumps(document, indent=1).encode()


# -- articles ---------------------------------------------------------------------------------
def article_html(item: Item) -> str:
    """The article page of an item: head metadata, navigation, the story, a footer."""
    title = html.escape(item.page_title or item.title)
    published = item.page_published or item.published
    meta = ""
    if item.page_meta:
        meta = f'<meta property="og:title" content="{title}">\n'
        if published is not None:
            stamp = published.isoformat()
            meta += f'<meta property="article:published_time" content="{stamp}">\n'
        if item.author:
            meta += f'<meta name="author" content="{html.escape(item.author)}">\n'
    story = "\n".join(f"<p>{html.escape(p)}</p>" for p in item.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title if item.page_meta else SITE_NAME}</title>
<meta property="og:site_name" content="{SITE_NAME}">
{meta}</head>
<body><div class="cookie-consent">We use cookies. <button>Accept</button></div>
<header><a class="logo" href="/">{SITE_NAME}</a><nav><a href="/world">World</a>
<a href="/business">Business</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article class="story"><h1>{title}</h1>
{story}
</article><aside><h2>Most read</h2><ul><li><a href="/world/1">Ferry timetable changes</a></li>
</ul></aside></main>
<footer><p>© 2026 {SITE_NAME}. All rights reserved.</p><a href="/terms">Terms</a></footer>
</body></html>
"""


def article_page(title: str) -> bytes:
    """An ordinary HTML page (a site's front page), for 'not a feed'."""
    item = Item("front", title, None, "", None, None, ("Welcome to the harbour desk.",))
    return article_html(replace(item, page_meta=False)).encode()


_PEOPLE = (
    "Elena Marsh", "Tomas Reyes", "Amira Haddad", "Jonas Lindqvist", "Priya Raman",
    "Kwame Asante", "Sofia Duarte", "Henrik Vogel", "Mei Tanaka", "Daniel Okafor",
)  # fmt: skip
_PLACES = (
    "Port Alder", "Kestrel Bay", "Norhaven", "Saltmere", "Gullrock", "Brindle Point",
    "Westerly", "Cape Morrow",
)  # fmt: skip
_BODIES = (
    "the harbour authority", "the regional council", "the port workers' union",
    "the fisheries board", "the coastal trust", "the chamber of commerce",
)  # fmt: skip
_TOPICS = (
    "ferry subsidies", "a new breakwater", "dredging contracts", "the fish quota",
    "container fees", "the tidal energy plan", "wharf housing", "storm repairs",
)  # fmt: skip
_SENTENCES = (
    "{person} said on {day} that {body} would decide on {topic} before the end of the month.",
    "The plan for {topic} in {place} has been debated for {n} years without a vote.",
    "Residents of {place} packed a hall on {day} evening to hear {person} explain the costs.",
    "According to figures released by {body}, about {n} hundred jobs depend on the decision.",
    "{person}, who has led {body} since {year}, called the proposal a fair compromise.",
    "Critics in {place} argue that {topic} would mostly benefit owners of large vessels.",
    "A spokesperson for {body} declined to comment on the leaked draft.",
    "The vote on {topic} is expected after the winter storms, officials in {place} said.",
    "Insurance costs for boats moored at {place} rose by {n} percent last year.",
    "{person} told reporters that the talks with {body} had been difficult but honest.",
    "Engineers hired by {body} warned that the old quay at {place} could fail within {n} years.",
    "Local shops in {place} reported their busiest {day} since the summer festival.",
    "The dispute over {topic} began when {body} published its budget in {year}.",
    "{person} rejected claims that the study on {topic} had been rushed.",
    "Several families in {place} have already moved inland, the survey by {body} found.",
    "Fishermen in {place} said the new rules on {topic} came without warning.",
    "The regional newspaper first reported the plan for {topic} on {day}.",
    "{person} promised a public consultation on {topic} early next year.",
    "Auditors found that {body} had spent {n} million on consultants since {year}.",
    "A petition against {topic} collected {n} thousand signatures in {place} within a week.",
    "The ferry from {place} was cancelled {n} times in November because of high winds.",
    "Opposition members asked {person} to publish the full contract with {body}.",
    "Tourism officials in {place} expect {n} percent more visitors if the works end on time.",
    "{body} will hold its next open meeting in {place} on {day}.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _make_item(scenario: Scenario) -> Item:
    """The next item of a scenario: a distinct headline, date and story (seeded by its slug)."""
    scenario.serial += 1
    slug = f"{scenario.name}-{scenario.serial}"
    rng = random.Random(slug)
    slots = {
        "person": rng.choice(_PEOPLE),
        "place": rng.choice(_PLACES),
        "body": rng.choice(_BODIES),
        "topic": rng.choice(_TOPICS),
    }
    title = f"{slots['place']}: {slots['person']} on {slots['topic']} ({slug})"
    sentences = [_fill(rng, s, slots) for s in rng.sample(_SENTENCES, 15)]
    paragraphs = tuple(" ".join(sentences[i : i + 3]) for i in range(0, 15, 3))
    published = BASE_DATE + timedelta(hours=scenario.serial)
    summary = f"<p>{html.escape(sentences[0])} <a href='/more'>Read&nbsp;more</a></p>"
    guid = f"urn:harbour:{slug}"
    return Item(slug, title, published, summary, guid, slots["person"], paragraphs)


def _fill(rng: random.Random, sentence: str, slots: dict[str, str]) -> str:
    values = dict(slots, day=rng.choice(_DAYS), n=str(rng.randint(2, 90)))
    values["year"] = str(rng.randint(2004, 2024))
    if rng.random() < 0.4:  # a second person or place now and then, as real stories have
        values["person"], values["place"] = rng.choice(_PEOPLE), rng.choice(_PLACES)
    return sentence.format(**values)


# -- helpers ----------------------------------------------------------------------------------
def _move_dates(scenario: Scenario) -> None:
    for item in scenario.items:
        if item.published is not None:
            item.published += timedelta(hours=1)
    scenario.version += 1


def _retry_after(value: str | timedelta | None) -> str:
    if isinstance(value, timedelta):
        return format_datetime(datetime.now(UTC) + value, usegmt=True)
    return value or ""


def _sends_validator(request: web.Request) -> bool:
    return "If-None-Match" in request.headers or "If-Modified-Since" in request.headers


def _not_modified(scenario: Scenario, request: web.Request) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    tags = request.headers.get("If-None-Match")
    if tags is not None:
        given = {tag.strip().removeprefix("W/") for tag in tags.split(",")}
        return scenario.etag in given or "*" in given
    since = request.headers.get("If-Modified-Since")
    if since is None:
        return False
    try:
        return parsedate_to_datetime(since) >= scenario.modified
    except (TypeError, ValueError):
        return False


async def _redirect(request: web.Request) -> web.Response:
    location = f"/feeds/{request.match_info['name']}"
    return web.Response(status=301, headers={"Location": location})


def _closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
