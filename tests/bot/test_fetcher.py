"""The fetcher against a real local web server: redirects, timeouts, caps, types, retries."""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator

import pytest
from aiohttp import web

from bot.services.fetcher import Fetcher, FetchError, FetchSettings, decode_page
from bot.services.url_guard import UrlGuard
from tests.bot.conftest import SAMPLES
from tests.threaded_site import ThreadedSite

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia and Iran sign 20-year partnership treaty | Global Desk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Global Desk">
<meta property="og:title" content="Russia and Iran sign 20-year partnership treaty">
<meta name="author" content="Maria Ivanova">
<meta property="article:published_time" content="2025-01-17T14:05:00+00:00">
<link rel="canonical" href="https://www.globaldesk.example/world/russia-iran-treaty-2025">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all</button> <a href="/privacy">Privacy policy</a></div>
<header class="site-header"><a class="logo" href="/">Global Desk</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<article class="story">
<h1>Russia and Iran sign 20-year partnership treaty</h1>
<p class="byline">By <span class="author">Maria Ivanova</span> ·
<time datetime="2025-01-17">January 17, 2025</time></p>
<figure><img src="/img/kremlin.jpg" alt="">
<figcaption>Vladimir Putin and Masoud Pezeshkian at the Kremlin on Friday.
(Photo: Pool)</figcaption>
</figure>
<p>Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a
comprehensive strategic partnership treaty in Moscow on Friday, deepening ties between two
countries that are both under heavy Western sanctions.</p>
<p>The 20-year agreement covers trade, military cooperation, science, education and culture.
Unlike the pact Russia signed with North Korea last year, it does not include a mutual defence
clause, officials in both capitals said.</p>
<p>"This treaty gives an additional impetus to our cooperation in almost every field," Putin told
reporters after the ceremony, adding that the two sides had agreed to build a gas pipeline
through Azerbaijan.</p>
<p>Pezeshkian, on his first official visit to Moscow since taking office in July, called the
document a new chapter in relations with "our friend and neighbour" and said Tehran would
expand payments in national currencies to get around Western banking restrictions.</p>
<p>Analysts said the treaty formalised a relationship that has grown closer since the war in
Ukraine began, with Iran supplying drones and Russia offering diplomatic cover at the United
Nations Security Council.</p>
<p>The signing came three days before the inauguration of Donald Trump in Washington, who has
promised to revive a policy of maximum pressure on Tehran.</p>
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/world/1">Iran's drones in Ukraine: what we know</a></li>
<li><a href="/world/2">Caspian trade corridor opens</a></li></ul></aside>
</main>
<footer><p>© 2025 Global Desk. All rights reserved.</p>
<a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body>
</html>
"""

INDEX_HTML = """<!DOCTYPE html><html lang="en"><head><title>World | Global Desk</title></head>
<body><div class="cookie-consent">We use cookies. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><h1>World</h1><ul class="headlines">
<li><a href="/world/1">Iran's drones in Ukraine: what we know</a></li>
<li><a href="/world/2">Caspian trade corridor opens</a></li>
<li><a href="/world/3">Oil prices rise after OPEC meeting</a></li>
<li><a href="/world/4">Election results in Moldova</a></li>
</ul><a href="/world?page=2">More stories</a></main>
<footer>© 2025 Global Desk</footer></body></html>
"""


class LocalSite(ThreadedSite):
    """A local site (tests/threaded_site.py) serving test pages."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.escape_port = 0
        self.gate_reached = threading.Event()  # a request to /gate arrived and waits
        self._gate: asyncio.Event | None = None

    def open_gate(self) -> None:
        """Let requests waiting at /gate (and later ones) have their page."""
        if self._gate is not None:
            self._loop.call_soon_threadsafe(self._gate.set)

    def url(self, path: str) -> str:
        """An address on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def app(self) -> web.Application:
        """Every test page; called on the site's own loop (the gate's event belongs to it)."""
        app = web.Application(middlewares=[self._count])
        html = {"content_type": "text/html"}
        pages = {
            "/article": lambda r: web.Response(text=ARTICLE_HTML, charset="utf-8", **html),
            "/mirror": lambda r: web.Response(text=ARTICLE_HTML, **html),
            "/index": lambda r: web.Response(text=INDEX_HTML, **html),
            "/loop-a": lambda r: _redirect("/loop-b"),
            "/loop-b": lambda r: _redirect("/loop-a"),
            "/escape": lambda r: _redirect(f"http://127.0.0.1:{self.escape_port}/article"),
            "/photo.png": lambda r: web.Response(body=PNG, content_type="image/png"),
            "/broken": lambda r: web.Response(status=503, text="down"),
            "/latin1": lambda r: web.Response(body=LATIN1_HTML, **html),
            "/plain.txt": lambda r: web.Response(text=ARTICLE_TEXT, content_type="text/plain"),
            "/big": lambda r: web.Response(body=b"<p>word</p>" * 30_000, **html),
            "/bomb": lambda r: web.Response(
                body=BOMB, headers={"Content-Encoding": "gzip"}, **html
            ),
        }
        for path, page in pages.items():
            app.router.add_get(path, _handler(page))
        app.router.add_get("/chain/{left}", _handler(_chain))
        app.router.add_get("/slow", _slow)
        app.router.add_get("/endless", _endless)
        app.router.add_get("/flaky", self._flaky)
        app.router.add_get("/trickle", _trickle)
        app.router.add_get("/gate", self._at_gate)
        self._gate = asyncio.Event()
        app.router.add_get("/fails-then-slow", self._fails_then_slow)
        return app

    @web.middleware
    async def _count(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.hits[request.path.lstrip("/")] += 1
        self.user_agents.append(request.headers.get("User-Agent", ""))
        return await handler(request)

    async def _flaky(self, request: web.Request) -> web.Response:
        if self.hits["flaky"] == 1:
            return web.Response(status=500, text="oops")
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def _at_gate(self, request: web.Request) -> web.Response:
        self.gate_reached.set()
        assert self._gate is not None
        await self._gate.wait()
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def _fails_then_slow(self, request: web.Request) -> web.Response:
        if self.hits["fails-then-slow"] == 1:
            return web.Response(status=503, text="busy")
        return await _slow(request)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
GZIPPED = {"Content-Encoding": "gzip"}
BOMB = gzip.compress(b"<p>" + b" " * 20_000_000 + b"</p>")  # 20 MB of spaces in ~20 KB
LATIN1_HTML = (
    ARTICLE_HTML.replace('charset="utf-8"', 'charset="windows-1252"')
    .replace("Tehran would", "Téhéran would")
    .encode("cp1252")
)


def _handler(page: Callable[[web.Request], web.StreamResponse]) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        return page(request)

    return handle


def _chain(request: web.Request) -> web.Response:
    left = int(request.match_info["left"])
    return _redirect("/article" if left <= 1 else f"/chain/{left - 1}")


async def _slow(request: web.Request) -> web.Response:
    await asyncio.sleep(3)
    return web.Response(text=ARTICLE_HTML, content_type="text/html")


async def _trickle(request: web.Request) -> web.StreamResponse:
    """A server sending its page a byte at a time: each byte comes in time, the page never does."""
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    await response.prepare(request)
    try:
        for byte in ARTICLE_HTML.encode()[:100]:
            await response.write(bytes([byte]))
            await asyncio.sleep(0.1)
    except ConnectionError:
        pass  # the client gave up, as it should
    return response


ARTICLE_TEXT = (SAMPLES / "001_a63fafeb041f58e2.txt").read_text(encoding="utf-8")


def _redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


async def _endless(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    await response.prepare(request)
    chunk = b"<p>" + b"more words " * 1000 + b"</p>\n"
    try:
        for _ in range(10_000):  # 110 MB at most, should the client never stop
            await response.write(chunk)
    except ConnectionError:
        pass  # the client stopped reading at its cap, as it should
    return response


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    """The allowed test server, plus a second loopback server it can redirect to."""
    other = LocalSite().start()
    main = LocalSite().start()
    main.escape_port = other.port
    yield main
    main.close()
    other.close()


def fetcher_for(site: LocalSite, **overrides: object) -> Fetcher:
    """A fetcher allowed to reach the test server, with short timeouts and retries."""
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "total_timeout": 0.5,
        "retries": 1,
        "retry_backoff": 0.01,
        "max_bytes": 200_000,
        "allow": (f"127.0.0.1:{site.port}",),
    }
    values.update(overrides)
    return Fetcher(FetchSettings(**values))  # type: ignore[arg-type]


async def failure(site: LocalSite, path: str, **overrides: object) -> str:
    """The one-line reason fetching a path fails."""
    with pytest.raises(FetchError) as caught:
        await fetcher_for(site, **overrides).fetch(site.url(path))
    return caught.value.message


async def test_a_saved_article_is_fetched_and_decoded(site: LocalSite) -> None:
    page = await fetcher_for(site).fetch(site.url("/article"))
    assert (page.kind, page.media_type, page.encoding) == ("html", "text/html", "utf-8")
    assert page.final_url == site.url("/article")
    assert "comprehensive strategic partnership treaty" in page.text
    assert site.user_agents[-1] == "AnalystBot/0.1"


async def test_a_redirect_chain_is_followed(site: LocalSite) -> None:
    page = await fetcher_for(site).fetch(site.url("/chain/5"))
    assert page.final_url == site.url("/article")
    assert page.url == site.url("/chain/5")


@pytest.mark.parametrize(
    ("path", "limit", "message"),
    [
        ("/chain/6", 5, "too many redirects (more than 5)"),
        ("/chain/3", 2, "too many redirects (more than 2)"),
        ("/loop-a", 5, "redirect loop: the page keeps sending us back to the same address"),
    ],
)
async def test_redirect_limits(site: LocalSite, path: str, limit: int, message: str) -> None:
    assert await failure(site, path, max_redirects=limit) == message


async def test_a_redirect_to_a_port_not_allowed_is_refused(site: LocalSite) -> None:
    before = site.hits["article"]
    assert await failure(site, "/escape") == "refused: 127.0.0.1 is a loopback address"
    assert site.hits["article"] == before


async def test_a_slow_server_times_out_once_for_the_whole_fetch(site: LocalSite) -> None:
    before = site.hits["slow"]
    assert await failure(site, "/slow") == "could not reach 127.0.0.1 in 0.5 s"
    assert site.hits["slow"] - before == 1  # the deadline is spent: no retry


async def test_a_trickling_server_costs_the_total_timeout_not_one_per_attempt(
    site: LocalSite,
) -> None:
    before = site.hits["trickle"]
    started = asyncio.get_running_loop().time()
    assert await failure(site, "/trickle", retries=3) == "could not reach 127.0.0.1 in 0.5 s"
    assert asyncio.get_running_loop().time() - started < 1.5  # per attempt it took 4 × 0.5 s
    assert site.hits["trickle"] - before == 1


async def test_retries_share_the_deadline_and_the_message_counts_them(site: LocalSite) -> None:
    message = await failure(site, "/fails-then-slow", retries=3)
    assert message == "could not reach 127.0.0.1 in 0.5 s (2 attempts)"
    assert site.hits["fails-then-slow"] == 2


async def test_a_retry_whose_wait_passes_the_deadline_gives_the_real_reason(
    site: LocalSite,
) -> None:
    before = site.hits["broken"]
    assert await failure(site, "/broken", retry_backoff=1.0) == "the site failed (HTTP 503)"
    assert site.hits["broken"] - before == 1


async def test_an_endless_body_stops_at_the_cap(site: LocalSite) -> None:
    assert await failure(site, "/endless", total_timeout=10.0) == "page too large: over 200 KB"


@pytest.mark.parametrize("path", ["/big", "/bomb"])
async def test_declared_and_compressed_sizes_are_capped(site: LocalSite, path: str) -> None:
    assert await failure(site, path, total_timeout=10.0) == "page too large: over 200 KB"


async def test_the_default_cap_is_five_megabytes(site: LocalSite) -> None:
    message = await failure(site, "/endless", total_timeout=20.0, max_bytes=5_000_000)
    assert message == "page too large: over 5 MB"


@pytest.mark.parametrize(
    ("path", "message", "attempts"),
    [
        ("/photo.png", "not an article: image/png", 1),
        ("/missing", "not found (HTTP 404)", 1),
        ("/broken", "the site failed (HTTP 503)", 2),
    ],
)
async def test_refused_answers(site: LocalSite, path: str, message: str, attempts: int) -> None:
    before = site.hits[path[1:]]
    assert await failure(site, path) == message
    assert site.hits[path[1:]] - before == attempts  # 4xx and wrong types are not retried


async def test_a_server_error_then_success_is_retried(site: LocalSite) -> None:
    page = await fetcher_for(site).fetch(site.url("/flaky"))
    assert "partnership treaty" in page.text
    assert site.hits["flaky"] == 2


async def test_without_the_allowlist_the_test_server_is_refused(site: LocalSite) -> None:
    message = await failure(site, "/article", allow=())
    assert message == "refused: 127.0.0.1 is a loopback address"


async def test_the_connection_goes_to_the_checked_address(site: LocalSite) -> None:
    """A made-up host name resolves only through the guard: one lookup, no DNS."""
    lookups: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    guard = UrlGuard([f"127.0.0.1:{site.port}"], resolve=resolve)
    fetcher = Fetcher(FetchSettings(total_timeout=2.0, retries=0), guard)
    page = await fetcher.fetch(f"http://news.invalid:{site.port}/article")
    assert "partnership treaty" in page.text
    assert lookups == ["news.invalid"]


async def test_charset_from_meta_and_plain_text(site: LocalSite) -> None:
    page = await fetcher_for(site).fetch(site.url("/latin1"))
    assert page.encoding == "cp1252"
    assert "Téhéran would" in page.text
    text = await fetcher_for(site).fetch(site.url("/plain.txt"))
    assert (text.kind, text.media_type) == ("text", "text/plain")


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        ("café".encode(), "utf-8", ("café", "utf-8")),
        ("café".encode("cp1252"), "iso-8859-1", ("café", "cp1252")),
        (b'<meta charset="windows-1251">' + "Москва".encode("cp1251"), None, None),
        ("\ufeffcafé".encode("utf-8"), "cp1251", ("café", "utf-8-sig")),
        ("café".encode(), "no-such-charset", ("café", "utf-8")),
    ],
)
def test_decode_page(data: bytes, header: str | None, expected: tuple[str, str] | None) -> None:
    text, encoding = decode_page(data, header, html=True)
    if expected is None:
        assert (text.endswith("Москва"), encoding) == (True, "cp1251")
    else:
        assert (text, encoding) == expected
