"""Every query command on a 1,000-article corpus through the fake Discord: long answers are
paged, every message within Discord's limits (the fake refuses any that is not, and fails the
test at teardown), every citation a link to its stored URL or a file name."""

from __future__ import annotations

import asyncio
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.app import open_analyst
from storage.articles import insert_article
from storage.records import NewArticle, NewEvent, NewMention, NewQuote
from tests.discordbot import conftest
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS, button
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.limits import message_problems

ARTICLES = 1000
FIRST_DAY = date(2016, 1, 4)
WORDS = (
    "ministers met at the harbour to review shipping schedules customs rules and the long list "
    "of complaints traders filed during the winter months about fees delays and inspections"
)
PAGE = re.compile(r"Page 1 of (\d+)")


def big_article(n: int) -> NewArticle:
    """Article `n`: one dated event, Anna Keller quoted, a place, at a URL or in a file."""
    day = FIRST_DAY + timedelta(days=n * 3)
    said = f"We will keep the harbour open for ship number {n}, whatever the cost,"
    text = f"{said} Keller said in Port City on {day:%d %B %Y}. The {WORDS} {n}."
    mentions = (
        NewMention(
            "anna keller", "person", "Anna Keller", "Keller", 0, len(said) + 1, len(said) + 7
        ),
        NewMention("port city", "place", "Port City", "Port City", 0, 0, 0),
    )
    quote = NewQuote(
        text=said,
        kind="direct",
        speaker_text="Keller",
        speaker_key="anna keller",
        speaker_kind="person",
        speaker_name="Anna Keller",
        speaker_surname="Keller",
        cue="say",
        sentence=0,
        start=0,
        end=len(said),
    )
    event = NewEvent(day, "day", f"{day:%d %B %Y}", 0, text, (("anna keller", "person"),))
    url = f"https://news.example/harbour/{n}" if n % 4 else None
    return NewArticle(
        source=url or f"/srv/analyst/uploads/harbour-{n}.txt",
        canonical_url=url,
        title=f"Harbour report {n}: " + WORDS[:60],
        outlet="Harbour Wire" if n % 2 else None,
        author=None,
        published=day,
        date_precision="day",
        date_source="header",
        text=text,
        content_hash=f"harbour-{n}",
        signature=b"\x00" * 8,
        band_keys=(f"harbour:{n}",),
        dropped=(),
        sentences=((0, 0, len(text), text),),
        mentions=mentions,
        quotes=(quote,),
        events=(event,),
        terms=(("harbour", 2), ("schedule", 1)),
    )


async def _build(url: str) -> None:
    async with (
        open_analyst(conftest.test_settings(url)) as analyst,
        analyst.sessions.begin() as session,
    ):
        for n in range(ARTICLES):
            await insert_article(session, big_article(n))


@pytest.fixture(scope="module")
def big_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 1,000 articles stored once for the module (no spaCy); tests work on copies."""
    path = tmp_path_factory.mktemp("long-answers") / "analyst.db"
    asyncio.run(_build(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def database_url(big_db_file: Path, tmp_path: Path) -> str:
    """A private copy of the big corpus (instead of the samples) for one test."""
    copy = tmp_path / "analyst.db"
    shutil.copy(big_db_file, copy)
    return f"sqlite+aiosqlite:///{copy}"


def check(result: InteractionResult) -> int:
    """The answer's pages: each message within limits, no server path; returns the page count."""
    for message in result.messages:
        if message.get("embeds"):  # not the "thinking…" message a deferral leaves
            assert message_problems(message) == []
        text = str(message)
        assert "/srv/" not in text
    footer = (result.embeds[0].get("footer") or {}).get("text") or ""
    found = PAGE.search(footer)
    return int(found.group(1)) if found else 1


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("timeline", {"topic": "Anna Keller"}),  # key dates: past KEY_THRESHOLD events
        ("timeline", {"topic": "Anna Keller", "view": "all"}),
        ("quotes", {"speaker": "keller"}),
        ("who", {"name": "Anna Keller"}),
        ("compare", {"a": "2016", "b": "2020-2024"}),
        ("search", {"query": "harbour"}),
        ("summary", {"topic": "harbour"}),
    ],
)
async def test_every_answer_on_a_thousand_articles_fits_discord(
    fake: FakeDiscord, start_bot: StartBot, command: str, options: dict[str, str]
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash(command, options)
        pages = check(result)
        if pages > 1:
            message = result.messages[-1]
            turned = await fake.click(message, button(message, "Next"))
            assert f"Page 2 of {pages}" in str(turned.messages[-1]["embeds"][0]["footer"])
            assert message_problems(turned.messages[-1]) == []
    assert result.embeds, f"/{command} answered nothing"
    links = re.findall(r"\]\((https?://[^)]+)\)", str(result.embeds))
    assert all(link.startswith("https://news.example/harbour/") for link in links)
    if options.get("view") == "all":
        assert pages > 1  # a long answer is paged, not cut
    if command in ("quotes", "search") or options.get("view") == "all":
        assert links
