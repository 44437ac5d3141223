"""The query commands through the fake Discord on the sample corpus: the CLI's answers as embeds."""

from __future__ import annotations

from datetime import date

from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS, dated_article, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult

PNG = b"\x89PNG\r\n\x1a\n"


def text(result: InteractionResult) -> str:
    """Every embed description of the answer, in order."""
    return "\n".join(e.get("description") or "" for e in result.embeds)


def everything(result: InteractionResult) -> str:
    """All a member reads in the answer's embeds: titles, descriptions, fields, footers."""
    parts: list[str] = []
    for embed in result.embeds:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        for fld in embed.get("fields") or []:
            parts += [fld["name"], fld["value"]]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def fields(result: InteractionResult) -> dict[str, str]:
    """The first embed's fields by name."""
    return {f["name"]: f["value"] for f in result.embeds[0].get("fields") or []}


def short(result: InteractionResult) -> str:
    """The one-line (error) message of an ephemeral response."""
    return str(result.data.get("content") or "")


async def test_timeline_lists_events_in_order_with_a_chart(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("timeline")
        ranged = await fake.slash("timeline", {"from": "2017", "to": "2017"})
    body = text(result)
    years = [body.index(f"**{year}**") for year in (2015, 2017, 2024)]
    assert years == sorted(years)
    assert years[0] < body.index("**13 Nov**") < years[1] < body.index("**14 Apr**") < years[2]
    assert body.index("**week of 7 Oct**") > years[2]
    assert "ABC News, 23 Nov 2015 · 003\\_" in body  # a sample file: its name, not its path
    assert "samples/" not in everything(result)
    assert result.file("timeline.png").startswith(PNG)
    assert result.embeds[0]["image"]["url"] == "attachment://timeline.png"
    assert result.embeds[0]["title"] == "Timeline"
    ranged_body = text(ranged)
    lines = ranged_body.splitlines()
    dates = [line.split(" · ")[0] for line in lines if line.startswith(("**1", "**2 "))]
    assert dates == ["**13 Apr**", "**14 Apr**"]
    assert "**2017** · 2 events" in ranged_body and "2015" not in ranged_body


async def test_a_malformed_date_is_an_ephemeral_one_liner(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("timeline", {"from": "last spring"})
    assert result.ephemeral
    assert short(result).startswith("cannot read 'last spring' as a period")
    assert "\n" not in short(result)


async def test_quotes_gives_only_the_speakers_words(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("quotes", {"speaker": "putin"})
        typo = await fake.slash("quotes", {"speaker": "Putn"})
        choices = await fake.autocomplete("quotes", {"speaker": "pu"}, "speaker")
    body = text(result)
    assert result.type == 5  # deferred once the name is known
    assert "This should be decided only by the Syrian people." in body
    assert "decline of the West" not in body
    assert result.embeds[0]["title"] == "Quotes by Vladimir Putin"
    assert typo.ephemeral
    assert short(typo) == "No one called “Putn” in the corpus. Did you mean:"  # and a button
    assert choices[0]["value"] == "Vladimir Putin"
    assert choices[0]["name"].startswith("Vladimir Putin (person, ")
    assert len(choices) <= 25


async def test_topic_and_name_autocomplete(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        topics = await fake.autocomplete("timeline", {"topic": "ir"}, "topic")
        terms = await fake.autocomplete(
            "compare", {"a": "2015", "b": "2024", "topic": "mis"}, "topic"
        )
        names = await fake.autocomplete("who", {"name": "Pez"}, "name")
        titles = await fake.autocomplete("summary", {"article": "Putin"}, "article")
    assert topics[0]["value"] == "Iran"
    assert "missile" in [c["value"] for c in terms]
    assert [c["value"] for c in names] == ["Masoud Pezeshkian"]
    assert [c["value"] for c in titles] == ["4"]


async def test_compare_two_years_and_an_empty_one(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("compare", {"a": "2015", "b": "2024"})
        empty = await fake.slash("compare", {"a": "2019", "b": "2024"})
        bad = await fake.slash("compare", {"a": "next year", "b": "2024"})
        same = await fake.slash("compare", {"a": "2015", "b": "2015-01..2015-12"})
    opening = text(result).split("\n")[0]
    assert "Syria" in opening or "Assad" in opening
    assert "Turkmenistan" in opening or "Pezeshkian" in opening
    assert "Bashar al-Assad · 5 (vs 0)" in fields(result)["People, 2015"]
    assert "Masoud Pezeshkian · 1 (vs 0)" in fields(result)["People, 2024"]
    assert "Syria" in fields(result)["Places, 2015"]
    assert result.file("compare.png").startswith(PNG)
    assert result.embeds[0]["image"]["url"] == "attachment://compare.png"
    assert text(empty).startswith("No articles in 2019. Years with articles: 2015, 2024.")
    assert not empty.attachments
    assert bad.ephemeral
    assert short(bad).startswith("cannot read 'next year' as a period")
    assert same.ephemeral
    assert short(same) == (
        "the two periods are the same (2015 and 2015-01..2015-12): "
        "choose two different periods to compare"
    )


async def test_search_keeps_the_bold_highlights(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("search", {"query": '"nuclear deal"'})
        empty = await fake.slash("search", {"query": "-nuclear"})
    body = text(result)
    assert result.type == 5  # deferred once the query is understood
    assert empty.ephemeral and empty.type == 4  # a query that finds nothing to look for
    assert short(empty) == "say what to search for, not only what to leave out"
    assert "**1.** Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years" in body
    assert "**nuclear** **deal**" in body
    assert "\\*" not in body


async def test_summary_of_an_article_and_of_nothing(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("summary", {"article": "4"})
        topic = await fake.slash("summary", {"topic": "putin", "from": "2015", "to": "2015"})
        neither = await fake.slash("summary")
    assert "Vladimir Putin is in Iran for the first time in eight years" in text(result)
    assert result.embeds[0]["title"] == "Summary of article #4"
    assert fields(result)["People (mentions)"].startswith("Vladimir Putin (8)")
    assert topic.embeds[0]["title"] == "Summary: putin"
    assert "\n\n1 article: ABC News, 23 Nov 2015" in text(topic)
    assert neither.ephemeral
    assert short(neither).startswith("Give an article")


async def test_who_lists_aliases_with_a_chart(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("who", {"name": "putin"})
        unknown = await fake.slash("who", {"name": "Nobody Atall"})
    assert fields(result)["Written as"] == "Vladimir Putin, Putin"
    assert result.embeds[0]["title"] == "Vladimir Putin (person)"
    assert text(result).startswith("Vladimir Putin (person) is mentioned 18 times in 4 articles")
    assert (
        "This should be decided only by the Syrian people."
        in fields(result)["Latest quotes (3 of 5)"]
    )
    assert result.file("who.png").startswith(PNG)
    assert result.embeds[0]["image"]["url"] == "attachment://who.png"
    assert unknown.ephemeral
    assert short(unknown).startswith("No one called “Nobody Atall” in the corpus.")


async def test_article_text_pings_nobody_and_its_markdown_is_escaped(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    says = "@everyone look: *bold* claims and _x_ marks were made on 1 May 1999."
    url = "https://news.example/world/at_everyone"
    async with start_bot(cogs=QUERY_COGS) as bot:
        await store(bot, dated_article(900, date(1999, 5, 1), says, url=url))
        result = await fake.slash("timeline", {"from": "1999", "to": "1999"})
    body = text(result)
    assert "@everyone look: \\*bold\\* claims and \\_x\\_ marks" in body
    assert f"· [Test Wire, 1 May 1999]({url})\n" in body
    sent = [payload for payload in result.payloads if payload.get("embeds")]
    assert sent
    assert all(payload["allowed_mentions"] == {"parse": []} for payload in sent)


async def test_an_unknown_article_points_at_search_not_at_the_terminal(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=(*QUERY_COGS, "cogs.corpus")):
        summary = await fake.slash("summary", {"article": "99"})
        shown = await fake.slash("article show", {"article": "99"})
    assert short(summary) == "no article #99; /search finds articles by their words"
    assert short(shown) == "No article #99; /search finds articles by their words"
    assert "analyst" not in short(summary) + short(shown)
