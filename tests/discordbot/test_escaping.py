"""A hostile article through the fake Discord: its title, site name and sentences stay text."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cogs.watch import Watch
from tests.bot.discord_markup import answer_markup
from tests.bot.test_ui_escape import live_markup
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS, dated_article, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult

EVIL = "[x](http://evil.example)"
STORED_URL = "https://news.example/a_b"
SAYS = f"Envoys signed the zanzibar treaty {EVIL} ||secret|| <@1> @here on 3 March 2001."


def outgoing(result: InteractionResult) -> list[str]:
    """Every text the bot sent for a command: contents, embed titles, descriptions and fields."""
    texts = [str(result.data.get("content") or "")]
    for embed in result.embeds:
        texts += [embed.get("title") or "", embed.get("description") or ""]
        for fld in embed.get("fields") or []:
            texts += [fld["name"], fld["value"]]
    return texts


async def test_a_hostile_article_renders_no_link_spoiler_or_mention(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    hostile = dataclasses.replace(
        dated_article(901, date(2001, 3, 3), SAYS, url=STORED_URL),
        title=f"Treaty {EVIL}",
        outlet=f"Wire {EVIL} @everyone",
    )
    async with start_bot(cogs=(*QUERY_COGS, "cogs.corpus")) as bot:
        await store(bot, hostile)
        answers = [
            await fake.slash("timeline", {"from": "2001", "to": "2001"}),
            await fake.slash("search", {"query": "zanzibar"}),
            await fake.slash("summary", {"article": "6"}),
            await fake.slash("article show", {"article": "6"}),
        ]
    for answer in answers:
        texts = outgoing(answer)
        assert any("zanzibar" in text for text in texts)
        assert all(answer_markup(text, [STORED_URL]) == [] for text in texts), texts
        sent = [payload for payload in answer.payloads if payload.get("embeds")]
        assert sent
        assert all(payload["allowed_mentions"] == {"parse": []} for payload in sent)
    timeline = "\n".join(outgoing(answers[0]))
    label = "Wire \\[x\\](http: //evil.example) \\@everyone, 3 Mar 2001"
    assert f"[{label}]({STORED_URL})" in timeline  # the source links to the stored URL only


@settings(max_examples=200, deadline=None)
@given(source=st.text(max_size=80), card=st.text(max_size=400))
def test_ingest_replies_and_cards_render_no_live_markup(source: str, card: str) -> None:
    for named in (True, False):
        for url in (f"https://news.example/{source}", source):
            line = Watch._line("✅", url, f"#6 {card}", 2 if named else 1, named)
            own = re.sub(r"^✅ (?:/ingest )?<https?://[^\s<>]+>", "✅", line)  # the bot's <link>
            assert live_markup(own) == [], line
            assert len(line) <= 2000


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("HTTP://", "HTTP://"),  # no host: no link Discord would make, so plain escaped text
        ("http://", "http://"),
        ("HTTP://news.example/x", "<http://news.example/x>"),  # Discord links lower case only
    ],
)
def test_a_reply_names_a_link_only_when_discord_would_link_it(source: str, named: str) -> None:
    line = Watch._line("✅", source, "#6 x", 2, True)
    assert line == f"✅ {named}: #6 x"
    assert live_markup(line.replace(named, "", 1) if named.startswith("<") else line) == []


def test_a_card_keeps_its_number_and_escapes_the_title() -> None:
    line = Watch._line("✅", "https://a.example/x", f"#6 Treaty {EVIL}", 2, True)
    assert line == "✅ <https://a.example/x>: #6 Treaty \\[x\\]\\(http://evil.example)"
