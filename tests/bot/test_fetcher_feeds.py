"""The conditional feed fetch against the local feeds server: 304s, Retry-After, no retries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from analysis.feeds import FeedParseError, parse_feed
from bot.services.fetcher import Fetcher, FetchError, FetchSettings, parse_retry_after
from tests.feeds_server import FeedsServer, Scenario


@pytest.fixture
def server() -> Iterator[FeedsServer]:
    """A fresh feeds server for each test (tests change its scenarios)."""
    with FeedsServer() as running:
        yield running


def fetcher_for(server: FeedsServer, **overrides: object) -> Fetcher:
    """A fetcher allowed to reach the feeds server, with retries it must not use for feeds."""
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "total_timeout": 5.0,
        "retries": 3,
        "retry_backoff": 0.01,
        "max_bytes": 200_000,
        "allow": tuple(server.allow),
    }
    values.update(overrides)
    return Fetcher(FetchSettings(**values))  # type: ignore[arg-type]


async def failure(server: FeedsServer, url: str, **overrides: object) -> FetchError:
    """The FetchError fetching a feed raises."""
    with pytest.raises(FetchError) as caught:
        await fetcher_for(server, **overrides).fetch_feed(url)
    return caught.value


@pytest.mark.parametrize(
    ("name", "content_type", "kind"),
    [
        ("rss", "application/rss+xml", "rss20"),
        ("rdf", "application/rdf+xml", "rss10"),
        ("atom", "application/atom+xml", "atom10"),
        ("json", "application/feed+json", "json11"),
    ],
)
async def test_each_format_is_fetched_and_parsed(
    server: FeedsServer, name: str, content_type: str, kind: str
) -> None:
    answer = await fetcher_for(server).fetch_feed(server.feed_url(name))
    assert (answer.status, answer.content_type) == (200, content_type)
    assert answer.url == answer.final_url == server.feed_url(name)
    feed = parse_feed(answer.body, url=answer.final_url, content_type=answer.content_type)
    assert feed.format == kind
    items = server.items(name)
    assert [e.link for e in feed.entries] == [server.article_url(i) for i in items]
    assert [e.title for e in feed.entries] == [i.title for i in items]
    assert [e.published for e in feed.entries] == [i.published for i in items]
    assert all(e.summary and "<" not in e.summary for e in feed.entries)
    headers = server.requests(server.feed_path(name))[-1].headers
    assert "application/rss+xml" in headers["Accept"]
    assert headers["User-Agent"] == "AnalystBot/0.1"
    assert "If-None-Match" not in headers


async def test_validators_are_sent_and_a_304_has_no_body(server: FeedsServer) -> None:
    fetcher = fetcher_for(server)
    url = server.feed_url("conditional")
    first = await fetcher.fetch_feed(url)
    assert first.status == 200
    assert first.etag == '"conditional-v1"'
    assert first.last_modified is not None

    again = await fetcher.fetch_feed(url, etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.body, again.etag) == (304, b"", first.etag)
    sent = server.requests("/feeds/conditional")[-1].headers
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == first.last_modified

    by_date = await fetcher.fetch_feed(url, last_modified=first.last_modified)
    assert by_date.status == 304
    assert "If-None-Match" not in server.requests("/feeds/conditional")[-1].headers

    server.add_items("conditional", 2)
    changed = await fetcher.fetch_feed(url, etag=first.etag, last_modified=first.last_modified)
    assert changed.status == 200
    assert changed.etag == '"conditional-v2"'
    assert len(parse_feed(changed.body, url=url).entries) == 5


async def test_a_304_gives_the_servers_validators_else_keeps_ours(server: FeedsServer) -> None:
    fetcher = fetcher_for(server)
    ours = {"etag": '"old"', "last_modified": "Mon, 30 Nov 2026 08:00:00 GMT"}
    answer = await fetcher.fetch_feed(server.feed_url("stuck"), **ours)
    assert (answer.status, answer.etag) == (304, '"stuck-v1"')
    assert answer.last_modified == "Tue, 01 Dec 2026 08:01:00 GMT"
    server.update("stuck", bare_304=True)
    bare = await fetcher.fetch_feed(server.feed_url("stuck"), **ours)
    assert (bare.status, bare.etag, bare.last_modified) == (304, *ours.values())


async def test_429_gives_retry_after_in_seconds_and_is_not_retried(server: FeedsServer) -> None:
    error = await failure(server, server.feed_url("limited"))
    assert error.message == "too many requests (HTTP 429)"
    assert error.retry_after == 120.0
    assert not error.retryable
    assert server.hits("/feeds/limited") == 1


async def test_503_gives_retry_after_from_an_http_date(server: FeedsServer) -> None:
    error = await failure(server, server.feed_url("unavailable"))
    assert error.message == "the site failed (HTTP 503)"
    assert error.retry_after is not None
    assert 1700 < error.retry_after <= 1800
    assert server.hits("/feeds/unavailable") == 1  # the poller owns retries


async def test_a_dead_feed_fails_once_per_poll(server: FeedsServer) -> None:
    error = await failure(server, server.feed_url("dies"))
    assert (error.message, error.retry_after) == ("the site failed (HTTP 500)", None)
    assert server.hits("/feeds/dies") == 1
    server.fail("rss", disconnect=True)
    dropped = await failure(server, server.feed_url("rss"))
    assert dropped.message == "127.0.0.1 broke off the connection"
    refused = await failure(server, server.refused_url)
    assert refused.message == "could not connect to 127.0.0.1"


async def test_without_the_allowlist_the_local_server_is_refused(server: FeedsServer) -> None:
    error = await failure(server, server.feed_url("rss"), allow=())
    assert error.message == "refused: 127.0.0.1 is a loopback address"
    assert server.hits("/feeds/rss") == 0


async def test_redirects_are_followed_with_the_validators(server: FeedsServer) -> None:
    url = server.url("/redirect/conditional")
    answer = await fetcher_for(server).fetch_feed(url, etag='"conditional-v1"')
    assert (answer.status, answer.url, answer.final_url) == (
        304,
        url,
        server.feed_url("conditional"),
    )
    assert server.requests("/feeds/conditional")[-1].headers["If-None-Match"] == '"conditional-v1"'


async def test_a_slow_feed_runs_out_of_the_one_deadline(server: FeedsServer) -> None:
    server.update("rss", delay=3.0)
    error = await failure(server, server.feed_url("rss"), total_timeout=0.5)
    assert error.message == "could not reach 127.0.0.1 in 0.5 s"
    assert server.hits("/feeds/rss") == 1


async def test_types_and_sizes(server: FeedsServer) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    server.add_scenario(Scenario("photo", "rss20", "Photo", raw=(png, "image/png")))
    server.add_scenario(Scenario("huge", "rss20", "Huge", raw=(b" " * 300_000, "text/xml")))
    server.add_scenario(Scenario("odd", "rss20", "Odd", raw=(b"<rss/>", "application/x-rss+xml")))
    assert (await failure(server, server.feed_url("photo"))).message == "not a feed: image/png"
    assert (await failure(server, server.feed_url("huge"))).message == "page too large: over 200 KB"
    odd = await fetcher_for(server).fetch_feed(server.feed_url("odd"))
    assert (odd.content_type, odd.body) == ("application/x-rss+xml", b"<rss/>")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken", "not a feed: the address gives a web page, not RSS, Atom or JSON"),
        ("garbage", "not a feed: the answer is neither XML nor JSON"),
    ],
)
async def test_a_broken_feed_is_fetched_and_the_parser_says_why(
    server: FeedsServer, name: str, message: str
) -> None:
    answer = await fetcher_for(server).fetch_feed(server.feed_url(name))
    assert answer.status == 200
    with pytest.raises(FeedParseError, match=message):
        parse_feed(answer.body, url=answer.final_url, content_type=answer.content_type)


async def test_rewritten_dates_keep_links_and_keys(server: FeedsServer) -> None:
    fetcher = fetcher_for(server)
    url = server.feed_url("rewrites")
    first = parse_feed((await fetcher.fetch_feed(url)).body, url=url)
    second = parse_feed((await fetcher.fetch_feed(url)).body, url=url)
    assert [e.link for e in first.entries] == [e.link for e in second.entries]
    assert all(e.guid is None for e in second.entries)
    moved = [
        b.published - a.published
        for a, b in zip(first.entries, second.entries, strict=True)
        if a.published and b.published
    ]
    assert [delta.total_seconds() for delta in moved] == [3600.0] * 3


async def test_article_pages_are_real_looking_html(server: FeedsServer) -> None:
    item = server.items("rss")[0]
    page = await fetcher_for(server).fetch(server.article_url(item))
    assert page.kind == "html"
    assert all(paragraph in page.text for paragraph in item.paragraphs)
    assert len(item.paragraphs) == 5


NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Sat, 05 Dec 2026 12:30:00 GMT", 1800.0),
        ("Sat, 05 Dec 2026 11:00:00 GMT", 0.0),  # already past
        ("-5", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds
