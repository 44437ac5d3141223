"""The digest as Discord embeds (issue 13): a head with the window as Discord timestamps, then an
embed per story whose sources are masked links to the stored URLs, never a server path; a big
digest stays within Discord's limits."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.client import AnalystBot
from bot.services.digest import ARTICLE_LIMIT
from storage.articles import insert_article
from storage.records import NewArticle, NewEvent, NewMention, NewQuote
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_digest import COGS, Clock, rounds
from tests.discordbot.test_paging import button
from tests.fake_discord import FakeDiscord
from tests.fake_discord.limits import message_problems
from tests.fake_discord.payloads import Json


@pytest.fixture
def clock() -> Clock:
    """The digest loop's clock (moved to just after the test's articles are added)."""
    return Clock(datetime.now(UTC))


ROOT = Path(__file__).resolve().parents[2]
TIMESTAMP = re.compile(r"<t:\d+:f> → <t:\d+:f>")
EPHEMERAL = 64
LONG = "harbour fees and the long list of complaints that traders had filed during the winter"


def mentions(*names: str) -> tuple[NewMention, ...]:
    """Each name mentioned three times (people and places alike, as a story's keys)."""
    found = []
    for number, name in enumerate(names):
        kind = "place" if name.startswith("City") else "person"
        key = name.lower()
        found += [NewMention(key, kind, name, name, 0, number, number + 1) for _ in range(3)]
    return tuple(found)


def article(n: int, group: int, *, long: bool = False) -> NewArticle:
    """An article of story `group`, at a web address, with an event and a quote."""
    speaker = f"Speaker {group}"
    words = f"Statement {n}: " + (LONG * 3 if long else "we will talk.")
    title = f"Story {group} article {n}" + (f" about {LONG}" * 2 if long else "")
    text = f"Body of article {n}."
    return NewArticle(
        source=f"/srv/analyst/uploads/{n}.txt" if n % 3 == 0 else f"https://news.example/{n}",
        canonical_url=None if n % 3 == 0 else f"https://news.example/{n}",
        title=title,
        outlet="Test Wire",
        author=None,
        published=date(2026, 3, 1 + n % 20),
        date_precision="day",
        date_source="header",
        text=text,
        content_hash=f"digest-embeds-{n}",
        signature=b"\x00" * 8,
        band_keys=(f"digest-embeds:{n}",),
        dropped=(),
        sentences=((0, 0, len(text), text),),
        mentions=mentions(speaker, f"City {group}", f"Minister {group}"),
        quotes=(
            NewQuote(
                words, "direct", speaker, speaker.lower(), "person", speaker, "", "say", 0, 0, 5
            ),
        ),
        events=(NewEvent(date(2015, 7, 14), "day", "14 July 2015", 0, f"Event {n}: {LONG}"),),
    )


async def store(bot: AnalystBot, *articles: NewArticle) -> list[int]:
    """Write articles straight through the repository layer (no spaCy), ingested now."""
    ids = []
    async with bot.analyst.sessions.begin() as session:
        for new in articles:
            ids.append(await insert_article(session, new))
    return ids


def texts(message: Json) -> str:
    """Everything a member reads in a message: content, titles, descriptions, fields, footers."""
    return json.dumps(message, ensure_ascii=False)


def no_server_path(messages: list[Json]) -> None:
    for message in messages:
        text = texts(message)
        assert "/samples/" not in text
        assert str(ROOT) not in text
        assert "/srv/analyst" not in text


async def test_digest_now_is_a_head_and_an_embed_per_story(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        await store(bot, article(1, 1), article(2, 1))
        clock.moment = datetime.now(UTC)  # the window ends after they were added
        alice = fake.user("alice")
        result = await fake.slash("digest now", user=alice)
        message = result.messages[-1]
        exported = await fake.click(message, button(message, "Export"), user=alice)
    assert result.ephemeral
    head, *stories = result.embeds
    assert head["title"] == "Digest preview"
    assert head["description"].startswith("7 new articles since ")
    fields = {f["name"]: f["value"] for f in head["fields"]}
    assert TIMESTAMP.fullmatch(fields["Window"])
    assert fields["New articles"] == "7"
    assert len(stories) == int(fields["Stories"])  # one embed per story, all on the first page
    story = next(s for s in stories if s["title"] == "City 1 · Minister 1 · Speaker 1")
    assert story["description"].startswith("2 articles\n\n• Story 1 article 1 — ")
    assert "• Story 1 article 1 — [Test Wire, 2 Mar 2026](https://news.example/1)" in texts(story)
    story_fields = {f["name"]: f["value"] for f in story["fields"]}
    assert story_fields["New dated events"].startswith("• 14 Jul 2015 · Event ")  # plain date
    assert "• **Speaker 1**: “Statement " in story_fields["Notable quotes"]
    single = next(s for s in stories if s["title"].startswith("Lavrov invites"))
    assert single["description"] == "The Duran, undated · 004\\_31ae349b8af08f2e.txt"
    assert "Moscow on Friday 14th April 2017" in single["fields"][0]["value"]
    no_server_path(result.messages)
    data = json.loads(exported.file("digest.json"))  # the Export is digest_json, unchanged
    assert data["articles"] == 7 and data["window"]["zone"] == "UTC"


async def test_the_daily_post_has_timestamps_and_masked_links_and_no_paths(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        await store(bot, article(4, 2), article(5, 2), article(6, 2))
        clock.moment = datetime.now(UTC)
        await bot.analyst.guilds.update(
            fake.guild_id,
            digest_channel_id=fake.channel_id("news"),
            digest_hour=(clock.moment - timedelta(hours=1)).hour,
            digest_timezone="UTC",
            last_digest_at=clock.moment - timedelta(days=2),
        )
        await fake.wait_for(lambda: posts(fake), what="the digest")
        await rounds(bot)  # the round that posted it has ended
    messages = posts(fake)
    head = messages[0]["embeds"][0]
    assert head["title"].startswith("Daily digest — ")
    assert "<t:" in {f["name"]: f["value"] for f in head["fields"]}["Window"]
    embeds = [e for m in messages for e in m["embeds"]]
    assert len(embeds) - 1 == int({f["name"]: f["value"] for f in head["fields"]}["Stories"])
    story = next(e for e in embeds if e["title"] == "City 2 · Minister 2 · Speaker 2")
    assert "[Test Wire, 5 Mar 2026](https://news.example/" in story["description"]
    assert "Test Wire, 7 Mar 2026 · 6.txt" in story["description"]  # a file: its name only
    no_server_path(messages)
    assert all(fake.raw_payloads(m["id"])[0]["allowed_mentions"] == {"parse": []} for m in messages)


def posts(fake: FakeDiscord, channel: str = "news") -> list[Json]:
    """The digest's messages in a channel (not an ephemeral preview's)."""
    return [
        m
        for m in fake.sent_messages(fake.channel_id(channel))
        if m["embeds"] and not int(m.get("flags") or 0) & EPHEMERAL
    ]


async def test_a_big_digest_stays_within_every_limit(
    fake: FakeDiscord, start_bot: StartBot, clock: Clock
) -> None:
    many = [article(n, n // 4 if n < 60 else n, long=True) for n in range(10, 10 + 130)]
    async with start_bot(cogs=COGS, digest_options=clock.options) as bot:
        await store(bot, *many)
        clock.moment = datetime.now(UTC)
        preview = await fake.slash("digest now", user=fake.user("alice"))
        await bot.analyst.guilds.update(
            fake.guild_id,
            digest_channel_id=fake.channel_id("news"),
            digest_hour=(clock.moment - timedelta(hours=1)).hour,
            digest_timezone="UTC",
            last_digest_at=clock.moment - timedelta(days=2),
        )
        await fake.wait_for(lambda: posts(fake), what="the big digest")
        await rounds(bot)  # the round that posted it has ended
    messages = posts(fake)
    assert len(messages) > 2
    sent = [p for p in preview.payloads if p.get("embeds")]
    assert sent
    for body in [*messages, *sent]:  # the fake refuses what Discord would, too
        assert message_problems(body) == []
    head = messages[0]["embeds"][0]
    assert f"The first {ARTICLE_LIMIT} are listed." in head["description"]
    titles = [e["title"] for m in messages for e in m["embeds"]]
    assert "Other new articles" in titles
    no_server_path([*messages, *preview.messages])
