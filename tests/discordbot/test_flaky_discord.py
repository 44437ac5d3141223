"""A flaky Discord and a channel closed to the bot (issue 11), through the fake and the real client.

Discord answers 429 when the bot goes too fast and 5xx when it has a bad moment; a server may take
a permission from the bot in the watched channel. Members must still get every answer once the
fault clears, and admins must learn, once and plainly, what the bot cannot do.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

import discord
import pytest
from discord.http import HTTPClient, Route

from bot.client import AnalystBot
from bot.services.ingest import CREDENTIALS
from bot.services.outbox import OutboxItem
from bot.services.worker import QueueWorker
from tests.discordbot import test_watch
from tests.discordbot.test_watch import (
    ArticleSite,
    StartWatching,
    finished,
    read_card,
    replies_to,
    story,
)
from tests.fake_discord import FakeDiscord, pointed_at

site = test_watch.site  # the article server and the watching bot, as fixtures here too
start_watching = test_watch.start_watching

SEND = "POST /channels/*/messages"
REACT = "PUT /channels/*/messages/*/reactions/*/@me"
UNREACT = "DELETE /channels/*/messages/*/reactions/*/@me"
FAST = {"outbox_poll": 0.1}  # the outbox tries a failed row again after 0.2 s, not 4 s


async def eventually(check: Callable[[], Awaitable[bool]], *, within: float = 20) -> None:
    """Wait until a condition the fake cannot see (the database, the log) holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.05)


def warnings_from_us(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """WARNING and worse from the bot's own loggers (discord.py logs its retries itself)."""
    ours = ("bot", "cogs", "storage")
    return [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith(ours)]


# -- the fake itself ------------------------------------------------------------------------------
async def test_the_fake_answers_429_as_discord_does_so_discord_py_retries_by_itself() -> None:
    async with FakeDiscord() as fake:
        fake.fail_next("GET /users/@me", 429, retry_after=0.2, times=2)
        fake.fail_next("GET /gateway", 429, retry_after=0.1, global_=True)
        with pointed_at(fake.api_base, fake.gateway_url):
            http = HTTPClient(asyncio.get_running_loop())
            try:
                me = await http.static_login(fake.token)  # GET /users/@me
                gateway = await http.request(Route("GET", "/gateway"))
            finally:
                await http.close()
        refused = [(r.path, r.status, r.scripted) for r in fake.refusals]
        fake.check_refusals()
    assert me["id"] == str(fake.bot_user.id)
    assert gateway["url"] == fake.gateway_url
    assert refused == [("/users/@me", 429, True)] * 2 + [("/gateway", 429, True)]


async def test_the_fake_fails_a_test_on_a_refusal_nobody_expected() -> None:
    async with FakeDiscord() as fake:
        with pointed_at(fake.api_base, fake.gateway_url):
            http = HTTPClient(asyncio.get_running_loop())
            try:
                await http.static_login(fake.token)
                with pytest.raises(discord.NotFound):
                    await http.request(Route("GET", "/voice/regions"))
                with pytest.raises(discord.HTTPException):
                    await http.send_message(fake.channel_id("links"), params=_empty())
            finally:
                await http.close()
        with pytest.raises(AssertionError) as failed:
            fake.check_refusals()
        fake.expect_refusal("GET /voice/regions", 404)
        fake.expect_refusal(SEND, 400)
        fake.check_refusals()  # declared: the test meant them
    assert str(failed.value).splitlines()[1:] == [
        "  GET /voice/regions -> 404 (404: Not Found)",
        f"  POST /channels/{fake.channel_id('links')}/messages -> 400"
        " (Invalid Form Body; Cannot send an empty message)",
    ]


def _empty() -> discord.http.MultipartParameters:
    """The parameters of a message with nothing in it (Discord refuses it)."""
    return discord.http.handle_message_parameters(content=None)


# -- rate limits and server errors -----------------------------------------------------------
@pytest.mark.parametrize(
    "fault",
    [
        pytest.param((SEND, 429, {"times": 2}), id="reply-rate-limited"),
        pytest.param((SEND, 429, {"global_": True}), id="reply-global-rate-limit"),
        pytest.param((REACT, 429, {"times": 3}), id="reaction-rate-limited"),
        pytest.param((SEND, 500, {}), id="reply-500"),
        pytest.param((SEND, 502, {}), id="reply-502"),
        pytest.param((SEND, 503, {"times": 2}), id="reply-503"),
        pytest.param((REACT, 503, {}), id="reaction-503"),
        pytest.param((UNREACT, 503, {}), id="hourglass-removal-503"),
    ],
)
async def test_a_card_still_arrives_once_after_a_rate_limit_or_a_server_error(
    fake: FakeDiscord,
    start_watching: StartWatching,
    site: ArticleSite,
    caplog: pytest.LogCaptureFixture,
    fault: tuple[str, int, dict[str, object]],
) -> None:
    route, status, options = fault
    async with start_watching(run_worker=False, **FAST) as bot:
        posted = await fake.post_message(fake.channel_id("links"), site.url("/story/41"))
        await fake.wait_for_reaction(posted["id"], "⏳")
        fake.fail_next(route, status, retry_after=0.2, **options)  # type: ignore[arg-type]
        bot.worker = QueueWorker(bot.analyst.ingest, bot._ingest_outcome)  # the fault is set
        bot.worker.start()
        assert await finished(fake, posted) == ["✅"]
        await eventually(lambda: _all_stamped(bot, [posted]))  # stamped after the answer
        rows = await _rows(bot, posted)
    [card] = replies_to(fake, posted)  # a resend of the row's reply is dropped by its nonce
    assert read_card(card["content"]).startswith(
        f"✅ #6 {story(41)[0]} · Steppe Wire · 2024-03-21 · "
    )
    assert fake.reactions(posted["id"]) == ["✅"]
    history = fake.reaction_history(posted["id"])  # the outbox may add ✅ again: Discord's no-op
    assert list(dict.fromkeys(history)) == [("+", "⏳"), ("+", "✅"), ("-", "⏳")]
    assert history[-1] == ("-", "⏳")
    times = int(str(options.get("times", 1)))
    assert [r.status for r in fake.refusals] == [status] * times
    [row] = rows  # delivered, after as many failed attempts as 503s (discord.py retries the rest)
    assert (row.delivered_at is not None, row.last_error) == (True, None)
    assert row.attempts == (times if status == 503 else 0)
    assert not [r for r in warnings_from_us(caplog) if r.exc_info]  # no traceback


async def test_a_refusal_said_at_once_survives_a_server_error(
    fake: FakeDiscord, start_watching: StartWatching
) -> None:
    async with start_watching():
        fake.fail_next(SEND, 503)  # no outbox row behind this reply: the cog tries again itself
        posted = await fake.post_message(fake.channel_id("links"), "http://me:pw@127.0.0.1:9/x")
        [reply] = [await fake.wait_for_message(fake.channel_id("links"))]
        await fake.wait_for_reaction(posted["id"], "❌")
    assert reply["message_reference"]["message_id"] == posted["id"]
    assert reply["content"] == f"❌ {CREDENTIALS}"
    assert [r.status for r in fake.refusals] == [503]


# -- a channel closed to the bot -------------------------------------------------------------
async def test_a_channel_without_send_messages_is_one_warning_and_a_notice_until_it_works(
    fake: FakeDiscord,
    start_watching: StartWatching,
    site: ArticleSite,
    caplog: pytest.LogCaptureFixture,
) -> None:
    links = fake.channel_id("links")
    async with start_watching(**FAST) as bot:
        await fake.deny(links, "send_messages")
        posted = [await fake.post_message(links, site.url(f"/story/{n}")) for n in (42, 43)]
        for message in posted:
            assert await finished(fake, message) == ["✅"]  # reactions still show the outcome
        await eventually(lambda: _all_stamped(bot, posted))
        shown = await fake.slash("settings show", user=fake.user("erin"))
        await fake.allow(links, "send_messages")
        later = await fake.post_message(links, site.url("/story/44"))
        assert await finished(fake, later) == ["✅"]
        after = await fake.slash("settings show", user=fake.user("erin"))
        reasons = [row.last_error for m in posted for row in await _rows(bot, m)]
    guild = fake.guild_id
    line = f"cannot post in #links (guild {guild}): missing permission Send Messages"
    assert [r.getMessage() for r in warnings_from_us(caplog)] == [line]
    assert shown.callback["data"]["content"].splitlines()[-1] == (
        f"Problems: cannot post in <#{links}>: missing permission Send Messages"
    )
    assert "Problems" not in after.callback["data"]["content"]
    assert reasons == [line, line]  # given up with the reason, not retried against the 403
    assert [r.status for r in fake.refusals] == [403, 403]
    assert all(replies_to(fake, m) == [] for m in posted)
    [card] = replies_to(fake, later)
    assert read_card(card["content"]).startswith(f"✅ #8 {story(44)[0]}")


async def test_a_channel_without_add_reactions_still_gets_its_cards(
    fake: FakeDiscord,
    start_watching: StartWatching,
    site: ArticleSite,
    caplog: pytest.LogCaptureFixture,
) -> None:
    links = fake.channel_id("links")
    async with start_watching():
        await fake.deny(links, "add_reactions")
        posted = [await fake.post_message(links, site.url(f"/story/{n}")) for n in (45, 46)]
        cards = [await fake.wait_for_message(links, _reply_to(m)) for m in posted]
        shown = await fake.slash("settings show", user=fake.user("alice"))
    guild = fake.guild_id
    line = f"cannot react in #links (guild {guild}): missing permission Add Reactions"
    assert [r.getMessage() for r in warnings_from_us(caplog)] == [line]
    for card, number in zip(cards, (45, 46), strict=True):  # either may be stored first
        assert re.fullmatch(
            rf"✅ #[67] {re.escape(story(number)[0])}", read_card(card["content"]).split(" · ")[0]
        )
    assert shown.callback["data"]["content"].splitlines()[-1] == (
        f"Problems: cannot react in <#{links}>: missing permission Add Reactions"
    )
    assert all(fake.reactions(m["id"]) == [] for m in posted)


def _reply_to(message: dict[str, object]) -> Callable[[dict[str, object]], bool]:
    def replies(m: dict[str, object]) -> bool:
        return (m.get("message_reference") or {}).get("message_id") == message["id"]  # type: ignore[union-attr]

    return replies


async def _rows(bot: AnalystBot, message: dict[str, object]) -> list[OutboxItem]:
    return await bot.outbox.repo.for_message(int(str(message["id"])))


async def _all_stamped(bot: AnalystBot, messages: list[dict[str, object]]) -> bool:
    """Every message's one row is stamped delivered (or given up)."""
    rows = [row for m in messages for row in await _rows(bot, m)]
    return len(rows) == len(messages) and all(row.delivered_at for row in rows)
