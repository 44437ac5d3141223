"""One topic, one meaning: `timeline`, `compare` and `summary` resolve a topic to the same
entities (alias, canonical key or a person's surname), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.compare_repo import CompareRepository
from storage.models import Entity
from storage.records import NewArticle, NewEvent, NewMention
from storage.summary_repo import SummaryRepository
from storage.timeline import EventQuery, TimelineRepository
from storage.topics import topic_entities, topic_key

Sessions = async_sessionmaker[AsyncSession]
PUTIN = ("vladimir putin", "person")


def putin(sentence: int, written: str = "Vladimir Putin") -> NewMention:
    """A mention of Vladimir Putin as written (the alias), his surname stored beside it."""
    return NewMention(PUTIN[0], "person", "Vladimir Putin", written, sentence, 0, 5, "putin")


def article(n: int, published: date, sentences: list[str], **extra) -> NewArticle:  # type: ignore[no-untyped-def]
    fields = {
        "source": f"samples/{n}.txt",
        "canonical_url": None,
        "title": f"Article {n}",
        "outlet": "ABC News",
        "author": None,
        "published": published,
        "date_precision": "day",
        "date_source": "header",
        "text": " ".join(sentences),
        "content_hash": f"hash{n}",
        "signature": b"\x00" * 8,
        "band_keys": (f"0:{n}",),
        "dropped": (),
        "sentences": tuple((i, 0, len(s), s) for i, s in enumerate(sentences)),
    }
    fields.update(extra)
    return NewArticle(**fields)  # type: ignore[arg-type]


# "putin" is no alias here (only "Vladimir Putin" and "the Russian president" are written):
# every command must find him by his surname; the 2015 event does not hold the word "putin".
TEHRAN_2015 = article(
    1,
    date(2015, 11, 23),
    ["The Russian president flew to Tehran.", "Vladimir Putin met Khamenei."],
    mentions=(putin(0, "the Russian president"), putin(1)),
    events=(
        NewEvent(
            date(2015, 11, 23), "day", "today", 0, "The Russian president flew to Tehran.", (PUTIN,)
        ),
    ),
)
ASHGABAT_2024 = article(
    2,
    date(2024, 10, 15),
    ["Vladimir Putin met Masoud Pezeshkian in Ashgabat.", "Ties grow."],
    mentions=(putin(0),),
    terms=(("tie", 2),),
    events=(
        NewEvent(
            date(2024, 10, 11),
            "day",
            "Oct. 11",
            0,
            "Vladimir Putin met Masoud Pezeshkian in Ashgabat.",
            (PUTIN,),
        ),
    ),
)
OTHER = article(3, date(2024, 10, 20), ["Ties grow in trade."], terms=(("tie", 1),))


async def store(sessions: Sessions) -> list[int]:
    async with sessions.begin() as session:
        return [await insert_article(session, a) for a in (TEHRAN_2015, ASHGABAT_2024, OTHER)]


async def resolved(sessions: Sessions, topic: str) -> set[int]:
    async with sessions() as session:
        return set(await session.scalars(topic_entities(topic)))


@pytest.mark.parametrize("topic", ["putin", "Putin", "vladimir  putin", "the russian president"])
async def test_a_name_alias_or_surname_names_the_same_entity(
    sessions: Sessions, topic: str
) -> None:
    await store(sessions)
    async with sessions() as session:
        putin_id = await session.scalar(select(Entity.id).where(Entity.key == PUTIN[0]))
    assert await resolved(sessions, topic) == {putin_id}


@pytest.mark.parametrize("topic", ["putin", "Vladimir Putin", "the Russian president"])
async def test_timeline_compare_and_summary_find_the_same_articles(
    sessions: Sessions, topic: str
) -> None:
    ids = await store(sessions)
    events = await TimelineRepository(sessions).dated(EventQuery(topic=topic), limit=10)
    assert {e.article.id for e in events} == set(ids[:2])  # the 2015 event by entity alone
    assert await CompareRepository(sessions).years_with_articles(topic) == [2015, 2024]
    summary = SummaryRepository(sessions)
    assert {r.id for r in await summary.topic_articles(topic, None, None)} == set(ids[:2])
    assert {"putin", "vladimir putin"} <= set(await summary.topic_aliases(topic))


async def test_words_still_match_text_and_terms(sessions: Sessions) -> None:
    ids = await store(sessions)
    assert await resolved(sessions, "tie") == set()
    timeline = TimelineRepository(sessions)
    tehran = await timeline.dated(EventQuery(topic="tehran"), limit=10)
    assert [e.article.id for e in tehran] == [ids[0]]  # the words of the event's text
    assert await CompareRepository(sessions).years_with_articles("tie") == [2024]  # the term
    found = await SummaryRepository(sessions).topic_articles("Tie", None, None)
    assert {r.id for r in found} == set(ids[1:])
    assert topic_key("  Tie  Ties ") == "tie ties"
