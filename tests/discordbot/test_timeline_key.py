"""/timeline through the fake Discord: a busy range answers with its key dates, each citing its
articles as links, with an "All events" button for the full list (which has a "Key dates" button
back); the sample corpus, under the threshold, keeps today's list."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

from bot.client import AnalystBot
from bot.services.timeline import KEY_THRESHOLD
from storage.records import NewArticle, NewEvent
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import button, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.limits import message_problems
from tests.fake_discord.payloads import Json

COGS = ("cogs.timeline",)
PNG = b"\x89PNG\r\n\x1a\n"
OUTLETS = ("Harbour Wire", "Coast Post", "Island Times", "Port Daily")
MILESTONES = {  # each told by all four outlets, some of them days later
    date(2019, 3, 12): "The harbour treaty was signed in Valletta by the four island states",
    date(2020, 6, 5): "The new container terminal opened to ships after six years of work",
    date(2021, 9, 9): "Customs officers at the harbour went on a strike that closed it",
}
BUSY_DAY = date(2018, 1, 8)
SINGLES = 18  # one article every sixty days, each telling a small day of its own
FILLER = (
    "while delegations reviewed shipping schedules, customs rules, harbour fees and the long "
    "list of complaints that traders had filed during the winter months about delays"
)
SAMPLE_DATED = 8
LINK = re.compile(r"\]\((https?://[^)]+)\)")


def told(
    n: int, day: date, text: str, outlet: str, *, published: date, url: str | None
) -> NewArticle:
    """An article published on `published` whose one sentence is an event on `day`."""
    sentence = f"{text} on {day:%d %B %Y}, {FILLER} {n}."
    return NewArticle(
        source=url or f"/srv/analyst/uploads/key-{n}.txt",
        canonical_url=url,
        title=f"Harbour news {n}",
        outlet=outlet,
        author=None,
        published=published,
        date_precision="day",
        date_source="header",
        text=sentence,
        content_hash=f"key-{n}",
        signature=b"\x00" * 8,
        band_keys=(f"key:{n}",),
        dropped=(),
        sentences=((0, 0, len(sentence), sentence),),
        events=(NewEvent(day, "day", f"{day:%d %B %Y}", 0, sentence),),
    )


def corpus() -> list[NewArticle]:
    """Three milestones told four times each, and eighteen days told once: 30 dated events
    from 2018 to 2020."""
    articles = []
    for m, (day, text) in enumerate(MILESTONES.items()):
        for o, outlet in enumerate(OUTLETS):
            n = 10 * m + o
            link = f"https://news.example/key/{n}"
            articles.append(told(n, day, text, outlet, published=day + timedelta(days=o), url=link))
    for s in range(SINGLES):
        day = BUSY_DAY + timedelta(days=60 * s)
        url = f"https://news.example/key/single-{s}" if s % 2 else None  # half are files
        text = f"Harbour meeting number {s} was held"
        articles.append(told(100 + s, day, text, "Test Wire", published=day, url=url))
    return articles


async def busy(bot: AnalystBot) -> None:
    """The sample corpus with the harbour's 30 dated events on top."""
    await store(bot, *corpus())


DATED = SAMPLE_DATED + len(MILESTONES) * len(OUTLETS) + SINGLES


def body(result: InteractionResult) -> str:
    """Every embed description of the answer's last message (the answer, after any click)."""
    return "\n".join(e.get("description") or "" for e in result.messages[-1]["embeds"])


def labels(message: Json) -> list[str]:
    """The labels of a message's buttons."""
    return [
        c.get("label", "") for row in message.get("components") or [] for c in row["components"]
    ]


def fits(result: InteractionResult) -> None:
    """Every message within Discord's limits, no server path shown."""
    for message in result.messages:
        if message.get("embeds"):
            assert message_problems(message) == []
        assert "/srv/" not in str(message)


async def test_a_busy_range_answers_with_its_key_dates_linked(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    assert DATED > KEY_THRESHOLD
    async with start_bot(cogs=COGS) as bot:
        await busy(bot)
        result = await fake.slash("timeline")
        answer = result.messages[-1]
        exported = await fake.click(answer, button(answer, "Export"))
    fits(result)
    embed = answer["embeds"][0]
    text = body(result)
    assert embed["title"] == "Key dates"
    opening = re.match(
        rf"(\d+) key dates \(2015–20\d\d\) of {DATED} dated events, oldest first", text
    )
    assert opening is not None and int(opening.group(1)) >= len(MILESTONES)
    for day in MILESTONES:
        assert f"**{day.day} {day:%b %Y}** · 4 articles, 4 outlets\n" in text
    assert "The harbour treaty was signed in Valletta" in text
    links = LINK.findall(str(result.embeds))
    assert links and all(link.startswith("https://news.example/key/") for link in links)
    assert "[Harbour Wire, 12 Mar 2019](https://news.example/key/0)" in text
    assert embed["image"]["url"] == "attachment://timeline.png"
    assert result.file("timeline.png").startswith(PNG)
    assert "All events" in labels(answer)
    assert "Key dates" not in labels(answer)
    data = json.loads(exported.file("timeline.json"))  # the CLI's `--key --json` document
    assert (data["mode"], data["dated_total"]) == ("key", DATED)
    assert len(data["key_dates"]) == len(re.findall(r"^\*\*", text, re.MULTILINE))


async def test_all_events_lists_every_event_for_the_asker_only(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin, alice = fake.user("erin"), fake.user("alice")
    async with start_bot(cogs=COGS) as bot:
        await busy(bot)
        asked = await fake.slash("timeline", user=erin)
        message = asked.messages[-1]
        refused = await fake.click(message, button(message, "All events"), user=alice)
        full = await fake.click(message, button(message, "All events"), user=erin)
    assert refused.ephemeral
    assert str(refused.data["content"]).startswith("Only the person who asked")
    fits(full)
    listed = full.messages[-1]
    assert listed["embeds"][0]["title"] == "Timeline"
    listing = body(full)
    assert listing.startswith(f"{DATED} dated events")
    assert "**2018** · " in listing and "**8 Jan** · Harbour meeting number 0 was held" in listing
    assert "All events" not in labels(listed)


async def test_the_list_all_events_shows_has_key_dates_back(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=COGS) as bot:
        await busy(bot)
        asked = await fake.slash("timeline")
        message = asked.messages[-1]
        full = await fake.click(message, button(message, "All events"))
        listed = full.messages[-1]
        assert "Key dates" in labels(listed)
        back = await fake.click(listed, button(listed, "Key dates"))
    assert back.messages[-1]["embeds"][0]["title"] == "Key dates"


async def test_view_all_asks_for_the_full_list_at_once(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=COGS) as bot:
        await busy(bot)
        listed = await fake.slash("timeline", {"view": "all"})
        ranged = await fake.slash("timeline", {"from": "2019", "to": "2021"})
    fits(listed)
    assert listed.messages[-1]["embeds"][0]["title"] == "Timeline"
    assert "Key dates" in labels(listed.messages[-1])
    in_range = body(ranged)  # 12 milestone reports and 12 small days: still more than 20
    assert ranged.messages[-1]["embeds"][0]["title"] == "Key dates"
    assert " in range" not in in_range and " from 2019 to 2021" in in_range
    assert "2018" not in in_range


async def test_the_sample_corpus_keeps_todays_timeline(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=COGS):
        result = await fake.slash("timeline")
        listed = await fake.slash("timeline", {"view": "all"})
        keyed = await fake.slash("timeline", {"view": "key"})
    answer = result.messages[-1]
    assert answer["embeds"][0]["title"] == "Timeline"
    assert body(result).startswith(f"{SAMPLE_DATED} dated events")
    assert "**13 Nov**" in body(result)
    assert not {"All events", "Key dates"} & set(labels(answer))
    assert result.messages[-1]["embeds"] == listed.messages[-1]["embeds"]
    fits(keyed)  # asked for, key dates are given under the threshold too
    assert keyed.messages[-1]["embeds"][0]["title"] == "Key dates"
    assert "All events" in labels(keyed.messages[-1])
    assert "**23 Nov 2015**" in body(keyed)
