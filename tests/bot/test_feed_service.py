"""The feed service: following (checked once), removing, resuming, OPML, and a feed's card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from analysis.opml import OpmlFeed, read_opml, write_opml
from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from tests.bot.test_feed_poll import CHANNEL, GUILD, settings_for
from tests.feeds_server import FeedsServer, feeds_server

__all__ = ["feeds_server"]


@pytest.fixture
async def analyst(tmp_path: Path, feeds_server: FeedsServer) -> AsyncIterator[Analyst]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'analyst.db'}"
    async with open_analyst(settings_for(url, feeds_server)) as app:
        yield app


async def test_a_feed_is_checked_once_and_takes_its_title(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    url = feeds_server.feed_url("atom")
    feed = await analyst.feeds.add(url, guild_id=GUILD, channel_id=CHANNEL, as_threads=True)
    assert (feed.title, feed.mode, feed.as_threads, feed.status) == (
        "Harbour Desk: Business",
        "cards",
        True,
        "active",
    )
    assert feed.host == "127.0.0.1" and feed.next_poll_at == feed.created_at
    assert feeds_server.hits(feeds_server.feed_path("atom")) == 1
    with pytest.raises(
        UserFacingError, match=r"already following Harbour Desk: Business \(feed #1\)"
    ):
        await analyst.feeds.add(url, guild_id=GUILD, channel_id=CHANNEL)
    other = await analyst.feeds.add(url, mode="digest")  # another guild (the command line)
    assert other.id != feed.id and other.mode == "digest"


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ftp://example.org/feed", "not a web address: ftp://example.org/feed"),
        ("feeds please", "not a web address: feeds please"),
        ("https://user:pw@example.org/rss", "carries a user name or password"),
        ("https://example.org/" + "a" * 3000, "the feed address is too long (3,020 characters)"),
    ],
)
async def test_what_is_not_a_feed_address_is_refused_without_a_request(
    analyst: Analyst, address: str, message: str
) -> None:
    with pytest.raises(UserFacingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        await analyst.feeds.add(address)
    assert await analyst.feeds.list(0) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken", "not a feed: the address gives a web page"),
        ("garbage", "not a feed"),
        ("dies", "the site failed (HTTP 500)"),
        ("limited", "too many requests (HTTP 429)"),
    ],
)
async def test_a_page_that_is_no_feed_is_not_followed(
    analyst: Analyst, feeds_server: FeedsServer, name: str, message: str
) -> None:
    url = feeds_server.feed_url(name)
    with pytest.raises(UserFacingError) as caught:
        await analyst.feeds.add(url, guild_id=GUILD)
    assert caught.value.message.startswith(f"cannot follow {url}: ")
    assert message in caught.value.message
    assert await analyst.feeds.list(GUILD) == []


async def test_a_feed_is_found_by_number_or_address_within_its_guild(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    rss = await analyst.feeds.add(feeds_server.feed_url("rss"), guild_id=GUILD)
    json = await analyst.feeds.add(feeds_server.feed_url("json"), guild_id=GUILD)
    assert (await analyst.feeds.get(GUILD, f"#{rss.id}")).id == rss.id
    assert (await analyst.feeds.get(GUILD, json.url)).id == json.id
    for wrong in (str(rss.id), rss.url):
        with pytest.raises(UserFacingError, match=r"no feed .* here") as caught:
            await analyst.feeds.get(GUILD + 1, wrong)
        assert caught.value.for_cli().endswith(
            "`analyst feed list` shows the feeds and their numbers"
        )
    removed = await analyst.feeds.remove(GUILD, rss.id)
    assert removed.id == rss.id
    assert [f.id for f in await analyst.feeds.list(GUILD)] == [json.id]
    with pytest.raises(UserFacingError):
        await analyst.feeds.remove(GUILD, rss.id)
    resumed = await analyst.feeds.resume(GUILD, str(json.id))
    assert resumed.status == "active" and resumed.failures == 0


async def test_opml_round_trip(analyst: Analyst, feeds_server: FeedsServer) -> None:
    listed = [
        OpmlFeed(feeds_server.feed_url("rss"), "World & more <news>"),
        OpmlFeed(feeds_server.feed_url("atom"), None),
        OpmlFeed("https://name:secret@example.org/rss", "With a password"),
    ]
    document = write_opml(listed, "From another reader")
    result = await analyst.feeds.import_opml(document, guild_id=GUILD, channel_id=CHANNEL)
    assert [(f.url, f.title, f.channel_id) for f in result.added] == [
        (listed[0].url, "World & more <news>", CHANNEL),
        (listed[1].url, None, CHANNEL),
    ]
    assert result.skipped == ()
    assert [p.split(": ", 1)[0] for p in result.problems] == [listed[2].url]
    again = await analyst.feeds.import_opml(document, guild_id=GUILD)
    assert (again.added, again.skipped) == ((), (listed[0].url, listed[1].url))
    exported = await analyst.feeds.export_opml(GUILD)
    assert read_opml(exported) == listed[:2]
    elsewhere = await analyst.feeds.import_opml(exported, guild_id=GUILD + 1, mode="digest")
    assert [(f.url, f.title, f.mode) for f in elsewhere.added] == [
        (listed[0].url, "World & more <news>", "digest"),
        (listed[1].url, None, "digest"),
    ]
    with pytest.raises(UserFacingError, match="not an OPML file"):
        await analyst.feeds.import_opml(b"<rss></rss>", guild_id=GUILD)


async def test_the_card_of_a_feed_article_comes_from_the_stored_article(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    feed = await analyst.feeds.add(feeds_server.feed_url("rss"), guild_id=GUILD, channel_id=CHANNEL)
    report = await analyst.feeds.poll_once(feed.next_poll_at)
    [first, *_] = await analyst.ingest.run(report.job_ids)
    assert first.article_id is not None
    card = await analyst.feeds.article_card(first.article_id)
    assert card is not None
    [item] = [i for i in feeds_server.items("rss") if i.title == card.title]
    assert card.url == feeds_server.article_url(item)
    assert card.outlet == "Harbour Desk"
    assert item.published is not None and card.published == item.published.date()
    assert 1 <= len(card.summary) <= 2
    assert all(sentence in " ".join(item.paragraphs) for sentence in card.summary)
    assert item.author in card.people  # the person the story is about
    assert await analyst.feeds.article_card(9999) is None


async def test_the_feed_items_summary_fills_in_a_card_whose_article_gives_none(
    analyst: Analyst, feeds_server: FeedsServer
) -> None:
    feed = await analyst.feeds.add(feeds_server.feed_url("rss"), guild_id=GUILD, channel_id=CHANNEL)
    report = await analyst.feeds.poll_once(feed.next_poll_at)
    [first, *_] = await analyst.ingest.run(report.job_ids)
    assert first.article_id is not None
    told = "The feed's own two lines about the story. " * 20
    # the article's summary gives sentences: the item's summary is not used
    card = await analyst.feeds.article_card(first.article_id, told)
    assert card is not None and "feed's own" not in " ".join(card.summary)

    class NoSummary:
        async def article(self, article_id: int) -> None:
            raise RuntimeError("no summary today")

    analyst.feeds._summary = NoSummary  # type: ignore[assignment]  # a summary that fails
    card = await analyst.feeds.article_card(first.article_id, told)
    assert card is not None and len(card.summary) == 1
    assert card.summary[0].startswith("The feed's own two lines") and card.summary[0].endswith("…")
    assert len(card.summary[0]) <= 301
