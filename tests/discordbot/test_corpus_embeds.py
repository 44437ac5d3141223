"""/stats and /article show as embeds (issue 13): figures as fields; an article's metadata as
fields with its full provenance, its title linked to the stored address, its text and dropped
lines paged within Discord's limits; the exports unchanged."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import button, dated_article, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.limits import message_problems
from tests.fake_discord.payloads import Json

CORE = ("cogs.corpus",)
STORED_URL = "https://news.example/long"
SENTENCE = "The harbour board met again to weigh the customs rules and the fees traders owe. "


def fields(embed: Json) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields") or []}


async def test_stats_are_fields(fake: FakeDiscord, start_bot: StartBot) -> None:
    alice = fake.user("alice")
    async with start_bot(cogs=CORE):
        result = await fake.slash("stats", user=alice)
        message = result.messages[-1]
        exported = await fake.click(message, button(message, "Export"), user=alice)
    embed = result.embeds[0]
    assert embed["title"] == "Corpus"
    assert embed["description"] == "5 articles from 4 outlets, published 2015–2024."
    shown = fields(embed)
    assert shown["Articles"] == "5 (2 dated, 3 undated)"
    assert shown["Published"] == "23 Nov 2015 to 15 Oct 2024"
    assert "• The Week — 1 article" in shown["Outlets (4)"]
    assert shown["People"].startswith("• Vladimir Putin — ")
    assert " mentions in 4 articles" in shown["People"]
    assert {"Places", "Organisations", "Sentences", "Distinct names"} <= set(shown)
    assert [f["inline"] for f in embed["fields"][:4]] == [True] * 4
    data = json.loads(exported.file("stats.json"))  # the CLI's --json, unchanged
    assert data["articles"] == 5 and data["undated"] == 3


async def test_article_show_keeps_provenance_as_fields(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        result = await fake.slash("article show", {"article": "3"})
    embed = result.embeds[0]
    shown = fields(embed)
    assert embed["title"].startswith("#3 Russia and Iran")
    assert shown["Article"] == "#3"
    assert shown["Outlet"] == "The Week"
    assert shown["Published"] == "15 Oct 2024 (from header)"
    assert shown["Source"].endswith("samples/russia-iran/002\\_7ff571d37752c8d2.txt")  # provenance
    assert "Turkmenistan" in shown["Title"] and "](" not in shown["Title"]  # a file: no link
    assert "Vladimir Putin (" in shown["Mentions"]
    assert embed["description"]  # the text opens above the metadata


async def test_a_long_linked_article_is_paged_with_its_title_linked(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin = fake.user("erin")
    text = "\n".join(f"Paragraph {n}. " + SENTENCE * 12 for n in range(60))
    long = dataclasses.replace(
        dated_article(950, date(2020, 5, 4), text, url=STORED_URL),
        title="A long report",
        dropped=((1, "Share this article", "boilerplate"), (2, "Sign up [now](http://x.y)", "ad")),
    )
    async with start_bot(cogs=CORE) as bot:
        await store(bot, long)
        asked = await fake.slash("article show", {"article": "6"}, user=erin)
        message = asked.messages[-1]
        footer = message["embeds"][0]["footer"]["text"]
        count = int(footer.rsplit(" ", 1)[-1])
        seen = [message["embeds"][0]]
        for _ in range(count - 1):
            clicked = await fake.click(message, button(message, "Next"), user=erin)
            edited = clicked.edits[-1] if clicked.edits else clicked.data
            seen += edited["embeds"]
            message = fake.world.messages[int(message["id"])]
        exported = await fake.click(message, button(message, "Export"), user=erin)
    first = seen[0]
    assert first["url"] == STORED_URL
    assert fields(first)["Title"] == f"[A long report]({STORED_URL})"
    assert count > 3
    body = "\n".join(e.get("description") or "" for e in seen)
    assert all(f"Paragraph {n}." in body for n in range(60))  # every paragraph, none cut
    last = seen[-1]["description"]
    assert last.startswith("**Dropped by cleaning** (2 lines)")
    assert "line 2 · ad: Sign up \\[now\\](http://x.y)" in last
    for embed in seen:
        assert message_problems({"embeds": [embed]}) == []
    data = json.loads(exported.file("article-6.json"))
    assert data["canonical_url"] == STORED_URL and data["text"] == text
