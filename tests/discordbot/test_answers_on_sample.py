"""Every answer on the sample corpus, as a member sees it in Discord: it opens with a sentence
naming what it holds, and no message shows where the server keeps its files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
COGS = (
    "cogs.timeline",
    "cogs.people",
    "cogs.compare",
    "cogs.search",
    "cogs.summary",
    "cogs.corpus",
)


@pytest.mark.parametrize(
    ("command", "options", "opening_names"),
    [
        ("timeline", {}, ("2015", "2024")),
        ("quotes", {"speaker": "putin"}, ("5 quotes by Vladimir Putin", "2015–2024")),
        ("compare", {"a": "2015", "b": "2024"}, ("2015", "2024")),
        ("who", {"name": "putin"}, ("Vladimir Putin", "4 articles")),
        ("summary", {"article": "4"}, ("Syria on Vladimir Putin's Mind", "ABC News")),
        ("summary", {"topic": "putin"}, ("4 articles", "Vladimir Putin")),
        ("search", {"query": "nuclear deal"}, ("nuclear deal",)),
        ("stats", {}, ("5 articles",)),
    ],
)
async def test_an_answer_opens_with_what_it_holds_and_shows_no_server_path(
    fake: FakeDiscord,
    start_bot: StartBot,
    command: str,
    options: dict[str, str],
    opening_names: tuple[str, ...],
) -> None:
    async with start_bot(cogs=COGS):
        result = await fake.slash(command, options)
    first = result.embeds[0]
    opening = (first.get("description") or "").split("\n\n")[0]
    for name in opening_names:
        assert name in opening, opening
    assert opening != first.get("title")  # the first line never repeats the title
    everything = str(result.messages)
    assert str(ROOT) not in everything
    assert "samples/" not in everything and "russia-iran" not in everything
