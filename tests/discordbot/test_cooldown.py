"""Per-member cooldowns (issue 11, "honest limits") through the fake Discord, on a fake clock.

A member over the command allowance gets one ephemeral line while others are unaffected and
Manage Server is exempt; a message with more links than the allowance gets the allowed ones
queued and one reply for the rest; time moving on gives the allowance back.
"""

from __future__ import annotations

from bot.services.cooldown import COMMANDS, INGEST, Cooldown, Limit
from tests.bot.test_cooldown_service import FakeClock
from tests.discordbot import test_watch
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS
from tests.discordbot.test_query_commands import short
from tests.discordbot.test_watch import ArticleSite, StartWatching, finished, replies_to
from tests.fake_discord import FakeDiscord

site = test_watch.site  # the article server and the watching bot, as fixtures here too
start_watching = test_watch.start_watching

COMMAND_COGS = (*QUERY_COGS, "cogs.corpus")


def tiny(clock: FakeClock, *, links: int = 3, commands: int = 2) -> Cooldown:
    """Three links per 10 minutes and two heavy commands per minute."""
    return Cooldown({INGEST: Limit(links, 600), COMMANDS: Limit(commands, 60)}, clock=clock)


async def test_a_member_over_the_command_limit_is_told_to_slow_down(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    clock = FakeClock()
    alice, bob, erin = fake.user("alice"), fake.add_user("bob"), fake.user("erin")
    async with start_bot(cogs=COMMAND_COGS, cooldown=tiny(clock)):
        allowed = [
            await fake.slash("stats", user=alice),
            await fake.slash("search", {"query": "treaty"}, user=alice),
        ]
        refused = await fake.slash("timeline", {"from": "2017"}, user=alice)
        others = [await fake.slash("stats", user=bob) for _ in range(2)]
        admin = [await fake.slash("stats", user=erin) for _ in range(4)]
        clock.now += 30  # one command comes back every 30 s
        again = await fake.slash("stats", user=alice)
        still = await fake.slash("stats", user=alice)
    assert all(r.embeds and not r.ephemeral for r in [*allowed, *others, *admin, again])
    assert refused.ephemeral
    assert short(refused) == (
        "slow down: you can run 1 more command in 30 s (at most 2 per minute for these commands)"
    )
    assert still.ephemeral
    assert short(still).startswith("slow down: you can run 1 more command in 30 s")


async def test_links_past_the_allowance_are_not_queued_and_named_in_one_reply(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    clock = FakeClock()
    urls = [site.url(f"/story/{700 + n}") for n in range(5)]
    channel = fake.channel_id("links")
    async with start_watching(cooldown=tiny(clock)) as bot:
        posted = await fake.post_message(channel, " ".join(urls))
        await finished(fake, posted)
        counts = await bot.analyst.queue.counts()
        clock.now += 120  # one link comes back every 200 s: none yet
        early = await fake.post_message(channel, site.url("/story/710"))
        await fake.wait_for(lambda: replies_to(fake, early), what="the slow-down reply")
        clock.now += 280  # 400 s in all: two links
        later = await fake.post_message(channel, " ".join(urls[3:]))
        await finished(fake, later)
        after = await bot.analyst.queue.counts()
    said = [m["content"] for m in replies_to(fake, posted)]
    assert counts == {"done": 5 + 3}  # the five samples and the three links allowed
    assert sum("slow down" in line for line in said) == 1
    assert "❌ slow down: 2 links were not queued; you can add 1 more in 200 s" in said[0]
    assert "(at most 3 per 10 minutes per member)" in said[0]
    assert all(f"<{url}>" in "\n".join(said) for url in urls[:3])
    assert all(f"<{url}>" not in "\n".join(said) for url in urls[3:])
    assert [m["content"] for m in replies_to(fake, early)] == [
        "❌ slow down: 1 link was not queued; you can add 1 more in 80 s "
        "(at most 3 per 10 minutes per member)"
    ]
    assert "⏳" not in [e for _sign, e in fake.reaction_history(early["id"])]
    assert after == {"done": 5 + 5}
    assert not any("slow down" in m["content"] for m in replies_to(fake, later))


async def test_a_manage_server_member_may_post_past_the_allowance(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    urls = [site.url(f"/story/{720 + n}") for n in range(4)]
    async with start_watching(cooldown=tiny(FakeClock(), links=1)) as bot:
        posted = await fake.post_message(
            fake.channel_id("links"), " ".join(urls), user=fake.user("erin")
        )
        await finished(fake, posted)
        counts = await bot.analyst.queue.counts()
    assert counts == {"done": 5 + 4}
    assert not any("slow down" in m["content"] for m in replies_to(fake, posted))
