"""Long answers through the fake Discord: Previous/Next for the asker only, Export as JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta

from bot.client import AnalystBot
from storage.articles import insert_article
from storage.records import NewArticle, NewEvent
from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord
from tests.fake_discord.payloads import Json

ALL_OF_1990 = {"from": "1990", "to": "1990", "view": "all"}  # the full list, not key dates
QUERY_COGS = ("cogs.timeline", "cogs.people", "cogs.compare", "cogs.search", "cogs.summary")
FILLER = (
    "delegations from several capitals gathered to review shipping schedules, customs rules, "
    "harbour fees and the long list of complaints that traders had filed during the winter months"
)


def dated_article(n: int, day: date, event_text: str, url: str | None = None) -> NewArticle:
    """A stored article with one event on `day`, ready for `insert_article`."""
    text = event_text
    return NewArticle(
        source=url or f"tests/paging/{n}.txt",
        canonical_url=url,
        title=f"Paging article {n}",
        outlet="Test Wire",
        author=None,
        published=day,
        date_precision="day",
        date_source="header",
        text=text,
        content_hash=f"paging-{n}",
        signature=b"\x00" * 8,
        band_keys=(f"paging:{n}",),
        dropped=(),
        sentences=((0, 0, len(text), text),),
        events=(NewEvent(day, "day", day.isoformat(), 0, event_text),),
    )


async def store(bot: AnalystBot, *articles: NewArticle) -> None:
    """Write articles straight through the repository layer (no spaCy)."""
    async with bot.analyst.sessions.begin() as session:
        for new in articles:
            await insert_article(session, new)


def button(message: Json, label: str) -> str:
    """The custom id of the button labelled `label` on a message."""
    stack = list(message.get("components") or [])
    while stack:
        item = stack.pop()
        if item.get("label") == label:
            return str(item["custom_id"])
        stack += item.get("components") or []
    raise LookupError(f"no {label!r} button on message {message['id']}")


def paged_message(messages: list[Json]) -> Json:
    """The answer message that carries the pager's buttons."""
    return next(m for m in messages if m.get("components"))


def footer(message: Json) -> str:
    """The page footer of a message's embed."""
    return str(message["embeds"][0]["footer"]["text"])


async def busy_1990(bot: AnalystBot) -> None:
    """Forty long events in 1990, one a day: more than one embed can hold."""
    start = date(1990, 1, 1)
    await store(
        bot,
        *(
            dated_article(100 + i, start + timedelta(days=i), f"Meeting {i}: {FILLER}.")
            for i in range(40)
        ),
    )


async def test_next_and_previous_turn_pages_for_the_asker_only(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin, alice = fake.user("erin"), fake.user("alice")
    async with start_bot(cogs=QUERY_COGS) as bot:
        await busy_1990(bot)
        asked = await fake.slash("timeline", ALL_OF_1990, user=erin)
        message = paged_message(asked.messages)
        first = footer(message)
        refused = await fake.click(message, button(message, "Next"), user=alice)
        after_refusal = footer(fake.world.messages[int(message["id"])])
        turned = await fake.click(message, button(message, "Next"), user=erin)
        second = footer(turned.original or {})
        back = await fake.click(message, button(message, "Previous"), user=erin)
    assert first.startswith("Page 1 of ")
    assert refused.ephemeral
    assert refused.data["content"].startswith("Only the person who asked")
    assert after_refusal == first
    assert second.startswith("Page 2 of ")
    assert footer(back.original or {}) == first
    assert "Meeting 0:" in message["embeds"][0]["description"]


async def test_export_returns_the_whole_answer_as_json(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin = fake.user("erin")
    async with start_bot(cogs=QUERY_COGS) as bot:
        await busy_1990(bot)
        asked = await fake.slash("timeline", ALL_OF_1990, user=erin)
        message = paged_message(asked.messages)
        exported = await fake.click(message, button(message, "Export"), user=erin)
    data = json.loads(exported.file("timeline.json"))
    assert exported.ephemeral
    assert data["dated_total"] == 40
    assert len(data["events"]) == 25
    assert data["events"][0]["date"] == "1990-01-01"
    assert data["events"][0]["sources"][0]["title"] == "Paging article 100"


async def test_the_pager_survives_discord_echoing_its_edits(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin = fake.user("erin")
    async with start_bot(cogs=QUERY_COGS) as bot:
        await busy_1990(bot)
        asked = await fake.slash("timeline", ALL_OF_1990, user=erin)
        message = paged_message(asked.messages)
        await fake.click(message, button(message, "Next"), user=erin)
        # Discord follows every edit of a message with MESSAGE_UPDATE (the fake leaves it out).
        edited = fake.world.messages[int(message["id"])]
        await fake.dispatch("MESSAGE_UPDATE", {**edited, "guild_id": str(fake.guild_id)})
        back = await fake.click(message, button(message, "Previous"), user=erin)
    assert footer(back.original or {}).startswith("Page 1 of ")
