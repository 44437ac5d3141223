"""Hostile input in Discord is a one-line ephemeral answer or a clean one, never 'went wrong'."""

from __future__ import annotations

import pytest

from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult

CORE = ("cogs.help", "cogs.corpus")


def short(result: InteractionResult) -> str:
    """The one-line message of an ephemeral response."""
    return str(result.data.get("content") or "")


def shown(result: InteractionResult) -> str:
    """Everything the member sees: the short message and every embed description."""
    return short(result) + "".join(e.get("description") or "" for e in result.embeds)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("99999999999999999999", "99999999999999999999"),
        ("2147483648", "2147483648"),
        ("²", "²"),
        ("#0", "0"),
    ],
)
async def test_article_show_of_no_possible_article(
    fake: FakeDiscord, start_bot: StartBot, typed: str, number: str
) -> None:
    async with start_bot(cogs=CORE):
        result = await fake.slash("article show", {"article": typed})
    assert result.ephemeral
    assert short(result).lower().startswith(f"no article #{number}")
    assert "\n" not in short(result)


async def test_summary_of_no_possible_article(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("summary", {"article": "99999999999999999999"})
    assert result.ephemeral
    assert short(result).lower().startswith("no article #99999999999999999999")


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("search", {"query": "lav\x00rov"}),
        ("search", {"query": "\x00"}),
        ("search", {"query": "\ud800putin"}),
        ("who", {"name": "lav\x00rov"}),
        ("quotes", {"speaker": "put\x00in"}),
        ("quotes", {"speaker": "putin", "topic": "\x00"}),
        ("timeline", {"topic": "lav\x00rov"}),
        ("summary", {"topic": "lav\x00rov"}),
    ],
    ids=lambda v: v if isinstance(v, str) else repr(v),
)
async def test_nul_and_surrogates_never_go_wrong(
    fake: FakeDiscord, start_bot: StartBot, command: str, options: dict[str, str]
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash(command, options)
    seen = shown(result)
    assert "Something went wrong" not in seen
    assert "\x00" not in seen
    assert "\ud800" not in seen
    if result.ephemeral:
        assert "\n" not in short(result)


async def test_search_echoes_what_it_searched(fake: FakeDiscord, start_bot: StartBot) -> None:
    async with start_bot(cogs=QUERY_COGS):
        hostile = await fake.slash("search", {"query": "put\x01in"})
        plain = await fake.slash("search", {"query": "put in"})
        empty = await fake.slash("search", {"query": "\x00\x01"})
    assert shown(hostile) == shown(plain)
    assert empty.ephemeral
    assert short(empty) == "the query holds no words, only control characters"


@pytest.mark.parametrize(
    ("command", "options", "focused"),
    [
        ("who", {"name": "pu\x00"}, "name"),
        ("quotes", {"speaker": "\ud800pu"}, "speaker"),
        ("timeline", {"topic": "\x00"}, "topic"),
        ("summary", {"article": "Pu\x00tin"}, "article"),
        ("summary", {"article": "²"}, "article"),
    ],
)
async def test_autocomplete_takes_hostile_text(
    fake: FakeDiscord, start_bot: StartBot, command: str, options: dict[str, str], focused: str
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        choices = await fake.autocomplete(command, options, focused)
    assert isinstance(choices, list)
    assert len(choices) <= 25


async def test_article_autocomplete_takes_hostile_text(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=CORE):
        nul = await fake.autocomplete("article show", {"article": "Turk\x00men"}, "article")
        sup = await fake.autocomplete("article show", {"article": "²"}, "article")
    assert isinstance(nul, list)
    assert isinstance(sup, list)
