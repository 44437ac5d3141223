"""/digest and the digest loop through the fake Discord, with a clock the test sets."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import open_analyst
from bot.client import AnalystBot
from bot.services.digest import DigestOptions
from tests.discordbot.conftest import StartBot
from tests.discordbot.conftest import test_settings as settings_for
from tests.fake_discord import FakeDiscord
from tests.fake_discord.payloads import Json

COGS = ("cogs.digest",)
TICK = 0.05


class Clock:
    """The digest loop's `now()`, moved by the test, and the options that make bots use it."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment
        self.options = DigestOptions(now=self, tick_seconds=TICK)

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock() -> Clock:
    """A clock for the digest loop, ticking every 50 ms; bots get it as `digest_options`."""
    return Clock(datetime.now(UTC))


async def rounds(bot: AnalystBot, count: int = 3) -> None:
    """Wait until the bot's digest loop has run `count` more rounds."""
    cog = bot.get_cog("Digest")
    assert cog is not None
    target = cog.poster.current_loop + count
    async with asyncio.timeout(10):
        while cog.poster.current_loop < target:  # noqa: ASYNC110  # a counter, no event to await
            await asyncio.sleep(TICK / 2)


def pages(fake: FakeDiscord, channel: str = "links") -> list[Json]:
    """The digest messages the bot posted in a channel: a head embed, then an embed per story
    (a digest with many stories is several messages)."""
    return [m for m in fake.sent_messages(fake.channel_id(channel)) if m["embeds"]]


def stories_told(head: Json) -> int:
    """How many stories a digest's head counts."""
    fields = {f["name"]: f["value"] for f in head.get("fields", [])}
    return int(fields.get("Stories", "0"))


def finished(fake: FakeDiscord, channel: str = "links") -> list[Json]:
    """The digest's messages once its last story is posted, else nothing."""
    posted = pages(fake, channel)
    embeds = [e for m in posted for e in m["embeds"]]
    return posted if embeds and len(embeds) == 1 + stories_told(embeds[0]) else []


def digests(fake: FakeDiscord, channel: str = "links") -> list[Json]:
    """The first message of each digest posted in a channel (the one with its head)."""
    return [m for m in pages(fake, channel) if m["embeds"][0]["title"].startswith("Daily digest")]


def everything(messages: list[Json]) -> str:
    """The descriptions and field values of every embed of some messages."""
    embeds = [e for m in messages for e in m["embeds"]]
    parts = [e.get("description") or "" for e in embeds]
    return "\n".join(parts + [f["value"] for e in embeds for f in e.get("fields", [])])


async def test_digest_set_needs_an_admin_and_a_real_time_zone(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    links = fake.channel_id("links")
    options = {"channel": links, "hour": 8, "timezone": "Europe/London"}
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        choices = await fake.autocomplete("digest set", {"timezone": "Europe/Lo"}, "timezone")
        refused = await fake.slash("digest set", options, user=fake.user("alice"))
        unknown = await fake.slash(
            "digest set", {**options, "timezone": "Mars/Olympus"}, user=fake.user("erin")
        )
        accepted = await fake.slash("digest set", options, user=fake.user("erin"))
        saved = await bot.analyst.guilds.get(fake.guild_id)
        off_refused = await fake.slash("digest off", user=fake.user("alice"))
        off = await fake.slash("digest off", user=fake.user("erin"))
        cleared = await bot.analyst.guilds.get(fake.guild_id)
    assert choices[0]["value"] == "Europe/London"
    assert refused.ephemeral
    assert refused.data["content"].startswith("You need the Manage Server permission")
    assert unknown.ephemeral
    assert "such as Europe/London" in unknown.data["content"]
    assert not accepted.ephemeral
    assert accepted.data["content"].startswith(
        f"The digest will be posted in <#{links}> every day at 08:00 (Europe/London)"
    )
    assert (saved.digest_channel_id, saved.digest_hour, saved.digest_timezone) == (
        links,
        8,
        "Europe/London",
    )
    assert off_refused.data["content"].startswith("You need the Manage Server permission")
    assert off.data["content"].startswith("The daily digest is off")
    assert cleared.digest_channel_id is None


async def test_digest_now_is_an_ephemeral_preview_of_the_samples(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    async with start_bot(cogs=COGS, digest_options=clock.options):
        result = await fake.slash("digest now", user=fake.user("alice"))
    assert result.ephemeral
    embed = result.embeds[0]
    assert embed["title"] == "Digest preview"
    assert embed["description"].startswith("5 new articles since ")
    assert "after meeting in Turkmenistan — The Week, 15 Oct 2024 · " in everything(result.messages)
    sent = [p for p in result.payloads if "embeds" in p]
    assert sent and all(p["allowed_mentions"] == {"parse": []} for p in sent)
    assert digests(fake, "news") == []


async def test_the_loop_posts_at_the_hour_once_even_across_a_restart(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    zone = ZoneInfo("Asia/Kolkata")  # UTC+05:30: the hour is the guild's, not the server's
    local = clock.moment.astimezone(zone)
    slot = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    options = {"channel": fake.channel_id("links"), "hour": slot.hour, "timezone": zone.key}
    clock.moment = slot - timedelta(minutes=1)
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        await fake.slash("digest set", options, user=fake.user("erin"))
        await rounds(bot)
        assert digests(fake) == []
        clock.moment = slot + timedelta(seconds=30)
        posted = await fake.wait_for(lambda: finished(fake), what="the digest")
        await rounds(bot)
    assert len(digests(fake)) == 1
    embed = posted[0]["embeds"][0]
    assert embed["title"] == f"Daily digest — {slot.date().isoformat()}"
    assert "5 new articles since" in embed["description"]
    assert "Turkmenistan — The Week, 15 Oct 2024 · " in everything(posted)
    assert fake.raw_payloads(posted[0]["id"])[0]["allowed_mentions"] == {"parse": []}

    clock.moment += timedelta(minutes=5)
    async with start_bot(cogs=COGS, digest_options=clock.options) as restarted:
        await fake.wait_ready(2)
        await rounds(restarted)
        config = await restarted.analyst.guilds.get(fake.guild_id)
    assert len(digests(fake)) == 1
    assert config.last_digest_at == slot + timedelta(seconds=30)


async def test_a_digest_missed_while_down_is_posted_once_at_start_up(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock, database_url: str
) -> None:
    two_days_ago = clock.moment - timedelta(days=2)
    async with open_analyst(settings_for(database_url)) as analyst:
        await analyst.guilds.update(
            fake.guild_id,
            digest_channel_id=fake.channel_id("news"),
            digest_hour=(clock.moment - timedelta(hours=1)).hour,
            digest_timezone="UTC",
            last_digest_at=two_days_ago,
        )
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        posted = await fake.wait_for(lambda: finished(fake, "news"), what="the missed digest")
        await rounds(bot)
        config = await bot.analyst.guilds.get(fake.guild_id)
    assert len(digests(fake, "news")) == 1
    text = posted[0]["embeds"][0]["description"]
    assert text.startswith(f"5 new articles since {two_days_ago:%Y-%m-%d %H:%M} (UTC)")
    assert config.last_digest_at == clock.moment


async def test_a_digest_channel_closed_to_the_bot_is_one_warning_and_a_notice(
    fake: FakeDiscord,
    start_bot: StartBot,
    clock: Clock,
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A 403 on the digest is noted like the watched channel's: one line, a /settings notice."""
    news = fake.channel_id("news")
    async with open_analyst(settings_for(database_url)) as analyst:
        await analyst.guilds.update(
            fake.guild_id,
            digest_channel_id=news,
            digest_hour=(clock.moment - timedelta(hours=1)).hour,
            digest_timezone="UTC",
            last_digest_at=clock.moment - timedelta(days=2),
        )
    await fake.deny(news, "send_messages")
    async with start_bot(cogs=(*COGS, "cogs.settings"), digest_options=clock.options) as bot:
        await fake.wait_for(lambda: fake.refusals, what="the refused digest")
        await rounds(bot)
        shown = await fake.slash("settings show", user=fake.user("erin"))
        config = await bot.analyst.guilds.get(fake.guild_id)
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("bot", "cogs"))]
    line = f"cannot post in #news (guild {fake.guild_id}): missing permission Send Messages"
    assert [m for m in ours if m.startswith("cannot")] == [line]
    assert shown.callback["data"]["content"].splitlines()[-1] == (
        f"Problems: cannot post in <#{news}>: missing permission Send Messages"
    )
    assert [r.status for r in fake.refusals] == [403]  # tried once, not every round
    assert digests(fake, "news") == []
    assert config.last_digest_at == clock.moment  # the day is over; tomorrow tries again
