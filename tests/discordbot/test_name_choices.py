"""Choosing, not retyping: an ambiguous name offers a menu, a mistyped one offers buttons, and a
pick runs the command again for the member who asked."""

from __future__ import annotations

import dataclasses
from datetime import date

from bot.client import AnalystBot
from storage.records import NewMention, NewQuote
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS, dated_article, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.payloads import Json

SAYS = "“We will open the border crossing,” Jordan said in Amman on 2 May 2019."


async def two_jordans(bot: AnalystBot) -> None:
    """One article naming Jordan the person (who is quoted) and Jordan the country."""
    article = dated_article(950, date(2019, 5, 2), SAYS, url="https://news.example/jordan")
    mentions = (
        NewMention("jordan-person", "person", "Jordan", "Jordan", 0, 38, 44),
        NewMention("jordan-place", "place", "Jordan", "Jordan", 0, 0, 0),
        NewMention("jordan-place", "place", "Jordan", "Jordan", 0, 0, 0),
    )
    quote = NewQuote(
        text="We will open the border crossing,",
        kind="direct",
        speaker_text="Jordan",
        speaker_key="jordan-person",
        speaker_kind="person",
        speaker_name="Jordan",
        speaker_surname="Jordan",
        cue="say",
        sentence=0,
        start=1,
        end=34,
    )
    await store(bot, dataclasses.replace(article, mentions=mentions, quotes=(quote,)))


def components(result: InteractionResult) -> list[Json]:
    """Every button and select of the answer, flattened."""
    found: list[Json] = []
    for message in result.messages:
        for row in message.get("components") or []:
            found += row.get("components") or []
    return found


async def test_an_ambiguous_name_offers_a_menu_and_a_pick_answers(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS) as bot:
        await two_jordans(bot)
        asked = await fake.slash("who", {"name": "jordan"})
        (menu,) = components(asked)
        labels = [o["label"] for o in menu["options"]]
        picked = next(o["value"] for o in menu["options"] if "(person," in o["label"])
        message = asked.original
        assert message is not None
        other = await fake.click(
            message, menu["custom_id"], values=[picked], user=fake.user("erin")
        )
        answer = await fake.click(message, menu["custom_id"], values=[picked])
    assert asked.ephemeral
    assert str(asked.data.get("content")).startswith(
        "“jordan” could be several: pick the one you mean."
    )
    assert sorted(labels) == ["Jordan (person, 1 mentions)", "Jordan (place, 2 mentions)"]
    assert other.ephemeral and "Only the person who asked" in str(other.data.get("content"))
    assert answer.embeds[0]["title"] == "Jordan (person)"


async def test_a_mistyped_name_offers_the_nearest_names_as_buttons(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        asked = await fake.slash("quotes", {"speaker": "Putn"})
        (button,) = components(asked)
        assert asked.original is not None
        answer = await fake.click(asked.original, button["custom_id"])
    assert asked.ephemeral
    assert asked.data.get("content") == "No one called “Putn” in the corpus. Did you mean:"
    assert button["label"] == "Vladimir Putin"
    assert answer.embeds[0]["title"] == "Quotes by Vladimir Putin"
    assert "This should be decided only by the Syrian people." in answer.embeds[0]["description"]


async def test_a_name_nobody_has_and_nothing_near_is_one_line(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        asked = await fake.slash("who", {"name": "Zzyzx Qwerty"})
    assert asked.data.get("content") == "No one called “Zzyzx Qwerty” in the corpus."
    assert not components(asked)


def labelled(result: InteractionResult, label: str) -> str:
    """The custom id of the button labelled `label` on the answer."""
    return next(str(c["custom_id"]) for c in components(result) if c.get("label") == label)


async def test_an_empty_period_offers_the_nearest_years_that_have_articles(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        empty = await fake.slash("compare", {"a": "2019", "b": "2024"})
        message = empty.messages[-1]
        answer = await fake.click(message, labelled(empty, "2015 instead of 2019"))
    assert [c["label"] for c in components(empty) if "instead" in str(c.get("label"))] == [
        "2015 instead of 2019"
    ]
    assert answer.embeds[0]["title"] == "2015 vs 2024"
    assert "People, 2015" in [f["name"] for f in answer.embeds[0]["fields"]]


async def test_an_empty_range_offers_all_dates(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        empty = await fake.slash("timeline", {"from": "2019", "to": "2020"})
        answer = await fake.click(empty.messages[-1], labelled(empty, "All dates"))
        quotes = await fake.slash("quotes", {"speaker": "putin", "topic": "zanzibar"})
        widened = await fake.click(quotes.messages[-1], labelled(quotes, "Any topic"))
    assert "No dated events match" in str(empty.embeds[0]["description"])
    assert "**13 Nov**" in str(answer.embeds[0]["description"])
    assert widened.embeds[0]["title"] == "Quotes by Vladimir Putin"
    assert "Syrian people" in str(widened.embeds[0]["description"])
