"""A message with many links (issue 11, "nothing dropped silently"), through the fake Discord.

Every link read gets an outcome in one summary, packed into a few replies; links past the cap are
named, by count and reason, in one reply; ⏳ comes off only when every read link is answered.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import Any

from bot.client import AnalystBot
from bot.services.ingest import CREDENTIALS, MAX_KEY, MAX_LINK
from bot.services.link_watch import message_key
from tests.discordbot import test_watch
from tests.discordbot.test_watch import (
    ArticleSite,
    StartWatching,
    finished,
    read_card,
    replies_to,
    story,
)
from tests.fake_discord import FakeDiscord

site = test_watch.site  # the article server and the watching bot, as fixtures here too
start_watching = test_watch.start_watching

CAP = 25  # a smaller cap than MAX_LINKS keeps the test to 25 pages
POSTED = 28


def watch_of(bot: AnalystBot) -> Any:
    """The running Watch cog (loaded as an extension: not the class this module imports)."""
    cog = bot.get_cog("Watch")
    assert cog is not None
    return cog


async def test_many_links_get_one_summary_and_the_rest_one_not_read_reply(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    urls = [site.url(f"/story/{300 + n}") for n in range(POSTED)]
    async with start_watching(settings={"ingest_workers": 2}) as bot:
        watch_of(bot).max_links = CAP
        posted = await fake.post_message(fake.channel_id("links"), " ".join(urls))
        reactions = await finished(fake, posted, within=180)
        said = "\n".join(read_card(m["content"]) for m in replies_to(fake, posted))  # as ⏳ went
        counts = await bot.analyst.queue.counts()
    replies = replies_to(fake, posted)
    assert counts == {"done": 5 + CAP}  # the five samples and every link read; no more
    assert len(replies) <= 4  # not one reply per link
    assert sorted(reactions) == sorted(["✅", "❌"])  # added ones, and the three not read
    [unread] = [m["content"] for m in replies if "not read" in m["content"]]
    assert unread == "❌ 3 links were not read: at most 25 per message; post the rest again"
    assert "25 links answered: 25 added, 0 not added" in said
    for number, url in enumerate(urls[:CAP]):
        title, _page = story(300 + number)
        [line] = [line for line in said.splitlines() if f"<{url}>" in line]
        assert re.fullmatch(rf"✅ <{re.escape(url)}>: #\d+ Briefing {300 + number}: .*", line)
        assert title.startswith(line.split(": #", 1)[1].split(" ", 1)[1].rstrip("…"))
    assert all(f"<{url}>" not in said for url in urls[CAP:])
    assert all(len(m["content"]) <= 2000 for m in replies)
    assert fake.reaction_history(posted["id"])[-1] == ("-", "⏳")
    assert fake.reaction_history(posted["id"]).count(("+", "✅")) == 1


async def test_a_restart_before_the_last_answer_still_summarises_every_link(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    urls = [site.url(f"/story/{400 + n}") for n in range(6)]
    secret = site.url("/story/1").replace("//", "//reader:hunter2@")
    async with start_watching(run_worker=False) as bot:
        posted = await fake.post_message(fake.channel_id("links"), " ".join([*urls, secret]))
        await fake.wait_for_reaction(posted["id"], "⏳")
        ingest, key = bot.analyst.ingest, message_key(int(posted["id"]))
        half = [await ingest.enqueue_link(url, key=key, meta={}) for url in urls[:3]]
        await ingest.run([q.job.id for q in half if q.job is not None])
        outbox = bot.outbox.repo
        await eventually(lambda: outbox.undelivered_for_message(int(posted["id"])), 0)
        before = [m["content"] for m in replies_to(fake, posted)]
    async with start_watching():  # nothing in memory knows what was answered before
        assert sorted(await finished(fake, posted, within=120)) == sorted(["✅", "❌"])
    assert before == [
        f"❌ <{site.url('/story/1')}>: {CREDENTIALS}"
    ]  # three answered, none said yet
    [summary] = [m["content"] for m in replies_to(fake, posted)][1:]
    assert summary.startswith("6 links answered: 6 added, 0 not added\n✅ <")
    assert all(f"<{url}>" in summary for url in urls)
    assert "hunter2" not in summary


async def eventually(read: Callable[[], Awaitable[int]], expected: int) -> None:
    """Wait until a database count reaches `expected` (the fake sees no database writes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while await read() != expected:
        assert loop.time() < deadline, "the count never came"
        await asyncio.sleep(0.05)


async def test_two_long_queries_never_share_a_job(
    start_watching: StartWatching, site: ArticleSite
) -> None:
    long = site.url("/story/1?q=" + "a" * (MAX_LINK - 60))  # the longest links still read
    assert len(f"discord:1:url:{long}") > MAX_KEY  # so their job keys are shortened
    async with start_watching(run_worker=False) as bot:
        ingest = bot.analyst.ingest
        first = await ingest.enqueue_link(long + "1", key="discord:1", meta={})
        second = await ingest.enqueue_link(long + "2", key="discord:1", meta={})
        again = await ingest.enqueue_link(long + "1", key="discord:1", meta={})
        listed = await ingest.enqueue_urls([long + "1", long + "2"])
    assert first.job is not None and second.job is not None and again.job is not None
    assert first.job.id != second.job.id
    assert (again.job.id, again.created) == (first.job.id, False)
    assert len(set(listed.job_ids)) == 2 and listed.problems == []
