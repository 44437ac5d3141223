"""Feed posts when Discord says no: rate limits, a 503, a channel closed to the bot, one deleted.

discord.py waits out a 429 itself; a 503 leaves the card in the outbox for a later attempt; a
channel that refuses the bot (403) is noted once (`/settings show` lists it) and its cards are
given up, not retried, while a refused thread leaves the card posted without one; a channel that
no longer exists (404) gives its rows up. Each card is still posted at most once.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.app import open_analyst
from storage.models import OutboxMessage
from tests.discordbot.test_feeds import (
    INGEST,
    Clock,
    add_feed,
    card_urls,
    cards,
    feed_bot,
    settings_for,
    settled,
)
from tests.fake_discord import FakeDiscord
from tests.feeds_server import FeedsServer
from tests.feeds_server import feeds_server as server  # noqa: F401 - the fixture

COGS = ("cogs.feeds", "cogs.settings")


async def test_a_429_and_a_503_still_post_the_card_once(
    fake: FakeDiscord,
    database_url: str,
    server: FeedsServer,  # noqa: F811
) -> None:
    news = fake.channel_id("news")
    server.update("rss", items=server.items("rss")[:1])
    fake.fail_next("POST /channels/*/messages", 429, retry_after=0.2)
    fake.fail_next("POST /channels/*/messages", 503)
    clock = Clock()
    async with open_analyst(settings_for(database_url, server)) as analyst:  # noqa: SIM117
        async with feed_bot(fake, analyst, clock, outbox_poll=0.2) as bot:
            await add_feed(fake, server.feed_url("rss"))
            await fake.wait_for(lambda: cards(fake, news), timeout=INGEST, what="the card")
            await settled(analyst, bot)
    assert card_urls(fake, news) == [server.article_url(server.items("rss")[0])]
    assert [(r.status, r.scripted) for r in fake.refusals] == [(429, True), (503, True)]
    assert fake.faults.pending() == []


async def test_a_closed_channel_is_noted_once_and_its_cards_given_up(
    fake: FakeDiscord,
    database_url: str,
    server: FeedsServer,  # noqa: F811
) -> None:
    news, links = fake.channel_id("news"), fake.channel_id("links")
    erin = fake.user("erin")
    for name in ("rss", "atom"):
        server.update(name, items=server.items(name)[:1])
    clock = Clock()
    async with open_analyst(settings_for(database_url, server)) as analyst:  # noqa: SIM117
        async with feed_bot(fake, analyst, clock, cogs=COGS) as bot:
            await fake.deny(news, "send_messages")
            await fake.deny(links, "create_public_threads")
            warned = await add_feed(fake, server.feed_url("rss"))
            threads = await add_feed(fake, server.feed_url("atom"), channel=links, threads=True)
            await fake.wait_for(lambda: cards(fake, links), timeout=INGEST, what="a card")
            await settled(analyst, bot)
            problems = await fake.slash("settings show", user=erin)
            await fake.allow(news, "send_messages")
            [new] = server.add_items("rss", 1)
            clock.advance()
            await fake.wait_for(lambda: cards(fake, news), timeout=INGEST, what="the new card")
            await settled(analyst, bot)
            async with analyst.sessions() as session:
                rows = (await session.scalars(select(OutboxMessage))).all()
    assert f"\nI cannot post in <#{news}> yet: missing Send Messages" in warned
    assert threads.endswith(f"\nI cannot post in <#{links}> yet: missing Create Public Threads.")
    assert card_urls(fake, news) == [server.article_url(new)]  # the refused one is not resent
    assert len(cards(fake, links)) == 1 and fake.threads(links) == []
    shown = problems.messages[0]["content"]
    assert f"cannot post in <#{news}>: missing permission Send Messages" in shown
    assert f"cannot start threads in <#{links}>: missing permission Create Public Threads" in shown
    refused = [r for r in rows if r.channel_id == news and r.last_error]
    assert len(refused) == 1 and "missing permission Send Messages" in str(refused[0].last_error)
    assert all(r.delivered_at is not None for r in rows)


async def test_a_deleted_channel_gives_its_rows_up_and_a_bad_feed_is_refused(
    fake: FakeDiscord,
    database_url: str,
    server: FeedsServer,  # noqa: F811
) -> None:
    server.update("rss", items=server.items("rss")[:1])
    fake.expect_refusal("GET /channels/*", 404)
    clock = Clock()
    async with open_analyst(settings_for(database_url, server)) as analyst:  # noqa: SIM117
        async with feed_bot(fake, analyst, clock) as bot:
            gone = 424242424242
            await analyst.feeds.add(server.feed_url("rss"), guild_id=fake.guild_id, channel_id=gone)
            bot.get_cog("Feeds").poll_soon()  # type: ignore[union-attr]
            await fake.wait_for(
                lambda: ("GET", f"/api/v10/channels/{gone}") in fake.requests,
                timeout=INGEST,
                what="the bot looking for the channel",
            )
            await settled(analyst, bot)
            broken = await add_feed(fake, server.feed_url("broken"))
            again = await add_feed(fake, server.feed_url("rss"))
            async with analyst.sessions() as session:
                [row] = (await session.scalars(select(OutboxMessage))).all()
    assert row.kind == "feed_article" and row.delivered_at is not None
    assert row.last_error == f"channel {gone} is gone"
    assert broken.startswith(f"cannot follow {server.feed_url('broken')}: ")
    assert again.startswith("already following Harbour Desk: World (feed #1)")
