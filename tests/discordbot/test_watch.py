"""Links and files in the watched channel, and /ingest, through the fake Discord.

A local web server on 127.0.0.1 (allowed through `fetch_allow`) serves the articles; members see
⏳ on their message, then ✅ and a one-line card, or ❌ and the reason, as replies that ping no one.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import web

from bot.app import open_analyst
from bot.client import AnalystBot
from bot.services.ingest import CREDENTIALS
from bot.services.worker import QueueWorker
from tests.bot.test_fetcher import ARTICLE_HTML, INDEX_HTML
from tests.discordbot import conftest
from tests.discordbot.conftest import running_bot
from tests.fake_discord import FakeDiscord
from tests.threaded_site import ThreadedSite

Json = dict[str, Any]
_TIMESTAMP = re.compile(r"<t:(\d+):D>")
_OWN_LINK = re.compile(r"\[((?:\\.|[^\\\]\n])*)\]\((https?://[^\s()]+)\)")
COGS = ("cogs.help", "cogs.watch", "cogs.settings")
TREATY = "Russia and Iran sign 20-year partnership treaty"
PEOPLE = [
    "Lavrov",
    "Araghchi",
    "Putin",
    "Pezeshkian",
    "Erdogan",
    "Aliyev",
    "Tokayev",
    "Shoigu",
    "Larijani",
    "Zarif",
]
PLACES = [
    "Astana",
    "Baku",
    "Tehran",
    "Moscow",
    "Ankara",
    "Yerevan",
    "Ashgabat",
    "Kazan",
    "Tabriz",
    "Sochi",
    "Bandar",
    "Abbas",
]
TOPICS = [
    "gas pipelines",
    "grain exports",
    "rail corridors",
    "drone parts",
    "nuclear fuel",
    "banking links",
    "Caspian shipping",
    "wheat prices",
    "port tariffs",
    "visa rules",
    "power lines",
    "oil swaps",
]
VERBS = ["met", "called", "praised", "warned", "hosted", "criticised", "visited", "thanked"]


def story(number: int) -> tuple[str, str]:
    """A distinct made-up news story: (title, HTML page)."""
    rng = random.Random(number)
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    title = f"Briefing {number}: talks on {topic} in {place}"
    paragraphs = []
    for day in range(1, 9):
        a, b = rng.sample(PEOPLE, 2)
        paragraphs.append(
            f"<p>{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on March {day + number % 20}"
            f" to discuss {rng.choice(TOPICS)} and {rng.choice(TOPICS)}. Officials said the "
            f"{rng.choice(TOPICS)} plan for {rng.choice(PLACES)} would cost {rng.randint(2, 900)}"
            f" million dollars over {rng.randint(2, 30)} years.</p>"
        )
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="og:site_name" content="Steppe Wire">'
        f'<meta property="og:title" content="{title}">'
        '<meta property="article:published_time" content="2024-03-21T09:00:00+00:00"></head>'
        f"<body><article><h1>{title}</h1>{''.join(paragraphs)}</article></body></html>"
    )
    return title, page


class ArticleSite(ThreadedSite):
    """A local site (tests/threaded_site.py): /article, /index and /story/N."""

    def url(self, path: str) -> str:
        """An address on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def app(self) -> web.Application:
        """The article, the index and numbered stories."""
        app = web.Application()
        app.router.add_get("/article", self._page(ARTICLE_HTML))
        app.router.add_get("/index", self._page(INDEX_HTML))
        app.router.add_get("/story/{n}", self._story)
        return app

    @staticmethod
    def _page(html: str) -> Callable[[web.Request], Any]:
        async def handle(_request: web.Request) -> web.Response:
            return web.Response(text=html, content_type="text/html")

        return handle

    @staticmethod
    async def _story(request: web.Request) -> web.Response:
        _title, html = story(int(request.match_info["n"]))
        return web.Response(text=html, content_type="text/html")


@pytest.fixture(scope="module")
def site() -> Iterator[ArticleSite]:
    """The article server for this module."""
    server = ArticleSite().start()
    yield server
    server.close()


StartWatching = Callable[..., AbstractAsyncContextManager[AnalystBot]]


@pytest.fixture
def start_watching(fake: FakeDiscord, database_url: str, site: ArticleSite) -> StartWatching:
    """`async with start_watching() as bot:` the bot with #links watched and the site allowed."""

    @asynccontextmanager
    async def start(
        *, watch: bool = True, settings: dict[str, Any] | None = None, **options: Any
    ) -> AsyncIterator[AnalystBot]:
        overrides = {"fetch_allow": [f"127.0.0.1:{site.port}"], "fetch_retries": 0}
        config = conftest.test_settings(database_url, **overrides, **(settings or {}))
        async with open_analyst(config) as analyst:
            if watch:
                links = fake.channel_id("links")
                await analyst.guilds.update(fake.guild_id, watch_channel_id=links)
            async with running_bot(fake, analyst, cogs=COGS, **options) as bot:
                yield bot

    return start


def read_card(text: str) -> str:
    """A card as a plain line reads: masked links as their label, Discord timestamps as the
    ISO day they show in UTC."""
    text = _OWN_LINK.sub(lambda m: m.group(1), text)
    return _TIMESTAMP.sub(
        lambda m: datetime.fromtimestamp(int(m.group(1)), UTC).date().isoformat(), text
    )


def replies_to(fake: FakeDiscord, message: Json) -> list[Json]:
    """The bot's replies to a message, oldest first."""
    return [
        m
        for m in fake.sent_messages(int(message["channel_id"]))
        if (m.get("message_reference") or {}).get("message_id") == message["id"]
    ]


async def finished(fake: FakeDiscord, message: Json, *, within: float = 30) -> list[str]:
    """Wait until the bot took ⏳ off a message it had marked; returns its reactions."""
    mid = message["id"]
    await fake.wait_for(
        lambda: ("+", "⏳") in fake.reaction_history(mid) and "⏳" not in fake.reactions(mid),
        timeout=within,
        what=f"the end of work on message {mid}",
    )
    return fake.reactions(mid)


async def answered_barrier(fake: FakeDiscord, site: ArticleSite) -> Json:
    """Post a fresh link in #links (as erin, so no member cooldown applies) and wait until the
    bot has answered it and taken its ⏳ off. Events are handled in order and the one queue
    worker claims jobs oldest first, so by then the bot has acted on every message delivered
    before, and finished and answered any job it queued for one: a 'nothing happened' assert
    after this tests something, however slow the machine."""
    barrier = await fake.post_message(
        fake.channel_id("links"), site.url("/story/999"), user=fake.user("erin")
    )
    assert await finished(fake, barrier) == ["✅"]
    return barrier


async def test_a_posted_link_gets_a_card_and_a_repeat_is_refused(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    links = fake.channel_id("links")
    async with start_watching():
        posted = await fake.post_message(links, f"Big news: {site.url('/article')}.")
        assert await finished(fake, posted) == ["✅"]
        again = await fake.post_message(links, f"<{site.url('/article?utm_source=chat')}>")
        assert await finished(fake, again) == ["❌"]
    assert fake.reaction_history(posted["id"]) == [("+", "⏳"), ("+", "✅"), ("-", "⏳")]
    [card] = replies_to(fake, posted)
    assert read_card(card["content"]).startswith(f"✅ #6 {TREATY} · Global Desk · 2025-01-17 · ")
    assert "Putin" in card["content"]
    [body] = fake.raw_payloads(card["id"])
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert body["flags"] & 4  # SUPPRESS_EMBEDS: a link in a title unfurls no preview
    [refusal] = replies_to(fake, again)
    assert read_card(refusal["content"]) == f"❌ already have it: #6 {TREATY}"


async def test_refused_and_non_article_links_say_why_each(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    links = fake.channel_id("links")
    forbidden = "http://127.0.0.1:9/article"  # loopback, and not the allowed port
    async with start_watching():
        posted = await fake.post_message(links, f"two: {forbidden} and ({site.url('/index')})")
        assert await finished(fake, posted) == ["❌"]
        elsewhere = await fake.post_message(fake.channel_id("news"), site.url("/article"))
        await answered_barrier(fake, site)
    said = dict(m["content"].split(">: ", 1) for m in replies_to(fake, posted))
    assert said[f"❌ <{forbidden}"] == "refused: 127.0.0.1 is a loopback address"
    assert said[f"❌ <{site.url('/index')}"].startswith("not an article (")
    assert fake.reaction_history(elsewhere["id"]) == []  # #news is not watched


async def test_text_files_are_ingested_and_oversized_ones_refused(
    fake: FakeDiscord, start_watching: StartWatching
) -> None:
    title, page = story(101)
    lines = [title, "", *(p.removeprefix("<p>") for p in page.split("</p>")[:-1][1:])]
    text = "\n\n".join(lines).encode()
    files = [("briefing.txt", text), ("photo.png", b"\x89PNG"), ("huge.md", b"word " * 60_000)]
    async with start_watching(settings={"max_file_bytes": 200_000}):
        posted = await fake.post_message(fake.channel_id("links"), attachments=files)
        assert sorted(await finished(fake, posted)) == sorted(["✅", "❌"])
    said = dict(m["content"].split(": ", 1) for m in replies_to(fake, posted))
    assert said.keys() == {"✅ briefing.txt", "❌ huge.md"}  # the photo is not read
    assert said["❌ huge.md"] == "file too large: 300 KB (limit 200 KB)"
    assert said["✅ briefing.txt"].startswith(f"#6 {title} · undated · ")


async def test_a_message_delivered_twice_is_ingested_once(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching() as bot:
        posted = await fake.post_message(fake.channel_id("links"), site.url("/story/7"))
        await fake.redeliver(posted)
        await finished(fake, posted)
        await fake.redeliver(posted)  # and once more after it was done
        await answered_barrier(fake, site)
        counts = await bot.analyst.queue.counts()
    assert fake.reaction_history(posted["id"]) == [("+", "⏳"), ("+", "✅"), ("-", "⏳")]
    assert len(replies_to(fake, posted)) == 1
    assert counts == {"done": 7}  # the five samples, this link once, and the barrier


async def test_a_restart_mid_queue_finishes_on_the_original_message(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching(run_worker=False) as bot:
        posted = await fake.post_message(fake.channel_id("links"), site.url("/story/8"))
        await fake.wait_for_reaction(posted["id"], "⏳")
        assert (await bot.analyst.queue.counts())["pending"] == 1
    async with start_watching():
        reactions = await finished(fake, posted)
    assert reactions == ["✅"]
    title, _page = story(8)
    [card] = replies_to(fake, posted)
    assert read_card(card["content"]).startswith(f"✅ #6 {title} · Steppe Wire · 2024-03-21 · ")


async def test_after_a_restart_the_hourglass_stays_until_every_link_is_answered(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching(run_worker=False):
        two = f"{site.url('/story/11')} {site.url('/story/12')}"
        posted = await fake.post_message(fake.channel_id("links"), two)
        await fake.wait_for_reaction(posted["id"], "⏳")
    async with start_watching():  # nothing in memory knows this message's jobs any more
        assert await finished(fake, posted) == ["✅"]
    assert fake.reaction_history(posted["id"]) == [
        ("+", "⏳"),
        ("+", "✅"),
        ("+", "✅"),
        ("-", "⏳"),
    ]
    replies = replies_to(fake, posted)
    assert len(replies) == 2
    assert all(fake.raw_payloads(r["id"])[0]["nonce"].startswith("outbox-") for r in replies)


@pytest.mark.solo  # stress under a 3-second deadline: it timed out once on a loaded machine
async def test_a_burst_of_fifty_links_all_end_well_and_the_bot_stays_responsive(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    links = fake.channel_id("links")
    async with start_watching(settings={"ingest_workers": 2}):
        posted = [await fake.post_message(links, site.url(f"/story/{n}")) for n in range(50)]
        answered = 0
        while not all("✅" in fake.reactions(m["id"]) for m in posted[-5:]):
            help_answer = await fake.slash("help", settle=0)  # fails if later than 3 s
            assert help_answer.ephemeral
            answered += 1
            await asyncio.sleep(0.5)
        for message in posted:
            assert await finished(fake, message, within=120) == ["✅"]
    assert answered >= 1
    assert fake.rejected == []
    cards = [replies_to(fake, m)[0]["content"] for m in posted]
    assert all(card.startswith("✅ #") for card in cards)
    assert len({card.split(" ")[1] for card in cards}) == 50  # fifty distinct articles


async def test_ingest_command_answers_with_the_card_or_the_reason(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching(watch=False):
        added = await fake.slash("ingest", {"url": site.url("/article")}, timeout=40)
        again = await fake.slash("ingest", {"url": site.url("/article")})
        refused = await fake.slash("ingest", {"url": "http://127.0.0.1:9/x"})
        nonsense = await fake.slash("ingest", {"url": "see my notes"})
        secret = await fake.slash("ingest", {"url": "http://me:hunter2@127.0.0.1:9/x"})
    assert added.type == 5  # deferred: fetching may take a while
    card = read_card(added.messages[-1]["content"])
    assert card.startswith(f"✅ #6 {TREATY} · Global Desk · 2025-01-17")
    assert read_card(again.messages[-1]["content"]) == f"❌ already have it: #6 {TREATY}"
    assert refused.messages[-1]["content"] == ("❌ refused: 127.0.0.1 is a loopback address")
    assert nonsense.messages[-1]["content"] == "❌ see my notes: not a web address"
    assert secret.messages[-1]["content"] == f"❌ <http://127.0.0.1:9/x>: {CREDENTIALS}"
    assert added.payloads[-1]["allowed_mentions"] == {"parse": []}
    assert added.payloads[-1]["flags"] & 4  # SUPPRESS_EMBEDS


async def test_ingest_that_takes_long_reports_in_the_channel_later(
    fake: FakeDiscord,
    start_watching: StartWatching,
    site: ArticleSite,
) -> None:
    news = fake.channel_id("news")
    async with start_watching(watch=False, run_worker=False) as bot:
        bot.get_cog("Watch").ingest_wait = 0.5  # type: ignore[union-attr]
        waited = await fake.slash("ingest", {"url": site.url("/story/9")}, channel_id=news)
        bot.worker = QueueWorker(bot.analyst.ingest, bot._ingest_outcome)
        bot.worker.start()
        later = await fake.wait_for_message(news, lambda m: m["content"].startswith("✅ /ingest"))
    assert waited.messages[-1]["content"] == (
        f"⏳ Queued <{site.url('/story/9')}>: the result will be posted in this channel."
    )
    title, _page = story(9)
    assert read_card(later["content"]).startswith(
        f"✅ /ingest <{site.url('/story/9')}>: #6 {title}"
    )


async def test_the_ingest_role_limits_the_command_and_the_channel(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    async with start_watching() as bot:
        editors = fake.role_id("Editors")
        await bot.analyst.guilds.update(fake.guild_id, ingest_role_id=editors)
        refused = await fake.slash("ingest", {"url": site.url("/article")}, user=fake.user("alice"))
        posted = await fake.post_message(
            fake.channel_id("links"), site.url("/story/3"), user=fake.user("alice")
        )
        [reply] = [await fake.wait_for_message(fake.channel_id("links"))]
        by_erin = await fake.post_message(
            fake.channel_id("links"), site.url("/story/4"), user=fake.user("erin")
        )
        assert await finished(fake, by_erin) == ["✅"]
    assert refused.ephemeral
    assert refused.callback["data"]["content"].startswith("Adding articles here is limited")
    assert reply["message_reference"]["message_id"] == posted["id"]
    assert reply["content"].startswith("❌ Adding articles here is limited")
    assert fake.reaction_history(posted["id"]) == []


async def test_each_link_is_answered_as_posted_and_never_with_another_pages_outcome(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    secret = site.url("/article").replace("//", "//reader@")
    gallery = [site.url(f"/story/21?gallery={'g' * 900}{n}") for n in (1, 2)]
    async with start_watching():
        posted = await fake.post_message(
            fake.channel_id("links"), f"{secret} {site.url('/article')}"
        )
        assert sorted(await finished(fake, posted)) == sorted(["✅", "❌"])
        both = await fake.post_message(fake.channel_id("links"), " ".join(gallery))
        await finished(fake, both)
    said = dict(read_card(m["content"]).split(">: ", 1) for m in replies_to(fake, posted))
    assert said.keys() == {f"❌ <{site.url('/article')}", f"✅ <{site.url('/article')}"}
    assert said[f"❌ <{site.url('/article')}"].startswith("refused: the link carries a user name")
    assert said[f"✅ <{site.url('/article')}"].startswith(f"#6 {TREATY}")
    named = [m["content"].split(">: ", 1)[0][3:] for m in replies_to(fake, both)]
    assert sorted(named) == sorted(gallery)  # two pages, two jobs, each reply names its own
