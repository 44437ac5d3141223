"""The digest's storage: claims that let one process post, and the window queries, both backends."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.digests import DigestRepository
from storage.guilds import GuildRepository
from storage.models import Article
from storage.records import NewArticle, NewEvent, NewMention, NewQuote

Sessions = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


def person(key: str, name: str, times: int = 1, kind: str = "person") -> list[NewMention]:
    return [
        NewMention(key, kind, name, name, 0, i, i + 1, key.rsplit(maxsplit=1)[-1])
        for i in range(times)
    ]


def quote(text: str, kind: str, key: str, name: str) -> NewQuote:
    return NewQuote(
        text, kind, name, key, "person", name, key.rsplit(maxsplit=1)[-1], "say", 0, 0, 5
    )


def new_article(n: int, **extra: object) -> NewArticle:
    fields: dict[str, object] = {
        "source": f"samples/{n}.txt",
        "canonical_url": f"https://example.org/{n}",
        "title": f"Article {n}",
        "outlet": "The Week",
        "author": None,
        "published": date(2026, 3, n),
        "date_precision": "day",
        "date_source": "header",
        "text": f"Body of article {n}.",
        "content_hash": f"hash{n}",
        "signature": b"\x00" * 8,
        "band_keys": (f"0:{n}",),
        "dropped": (),
        "sentences": ((0, 0, 17, f"Body of article {n}."),),
    }
    fields.update(extra)
    return NewArticle(**fields)  # type: ignore[arg-type]


async def store(sessions: Sessions, article: NewArticle, ingested: datetime) -> int:
    async with sessions.begin() as session:
        article_id = await insert_article(session, article)
        await session.execute(
            update(Article).where(Article.id == article_id).values(ingested_at=ingested)
        )
    return article_id


async def corpus(sessions: Sessions) -> list[int]:
    """#1 in the week before the window, #2 and #3 in it, #4 after it."""
    putin = person("vladimir putin", "Vladimir Putin", 3)
    one = new_article(1, mentions=tuple(putin), terms=(("sanctions", 4), ("oil", 2)))
    two = new_article(
        2,
        mentions=tuple(person("masoud pezeshkian", "Masoud Pezeshkian", 3) + putin[:1]),
        quotes=(
            quote("a partial remark", "partial", "vladimir putin", "Vladimir Putin"),
            quote("We will cooperate.", "direct", "masoud pezeshkian", "Masoud Pezeshkian"),
        ),
        events=(NewEvent(date(2026, 3, 1), "day", "on March 1", 0, "They met on March 1."),),
        terms=(("oil", 3), ("treaty", 2)),
    )
    three = new_article(
        3,
        mentions=tuple(person("tehran", "Tehran", 2, kind="place")),
        events=(NewEvent(None, "unknown", "last week", 0, "Undated thing."),),
        terms=(("treaty", 1),),
    )
    four = new_article(4, mentions=tuple(person("masoud pezeshkian", "Masoud Pezeshkian")))
    return [
        await store(sessions, one, NOW - timedelta(days=3)),
        await store(sessions, two, NOW - timedelta(hours=5)),
        await store(sessions, three, NOW - timedelta(hours=1)),
        await store(sessions, four, NOW + timedelta(minutes=5)),
    ]


async def test_second_claim_for_the_same_day_loses(sessions: Sessions) -> None:
    repo = DigestRepository(sessions)
    start = NOW - timedelta(days=1)
    assert await repo.claim(7, DAY, start, NOW)
    assert not await repo.claim(7, DAY, start, NOW)
    assert await repo.claim(8, DAY, start, NOW)
    assert await repo.claim(7, DAY + timedelta(days=1), NOW, NOW + timedelta(days=1))


async def test_racing_claims_let_exactly_one_win(sessions: Sessions) -> None:
    repo = DigestRepository(sessions)
    results = await asyncio.gather(
        *(repo.claim(7, DAY, NOW - timedelta(days=1), NOW) for _ in range(4))
    )
    assert sorted(results) == [False, False, False, True]


async def test_mark_posted_records_the_message_and_moves_last_digest_at(
    sessions: Sessions,
) -> None:
    repo, guilds = DigestRepository(sessions), GuildRepository(sessions)
    await guilds.update(7, digest_channel_id=99, digest_hour=8, digest_timezone="UTC")
    assert await repo.last_posted(7) is None
    await repo.claim(7, DAY, NOW - timedelta(days=1), NOW)
    assert await repo.last_posted(7) is None  # claimed, not posted yet
    await repo.mark_posted(7, DAY, channel_id=99, message_id=12345678901234567, articles=2)
    posted = await repo.last_posted(7)
    assert posted is not None
    assert (posted.digest_day, posted.message_id, posted.articles) == (DAY, 12345678901234567, 2)
    assert posted.window_end == NOW
    assert (await guilds.get(7)).last_digest_at == NOW


async def test_window_articles_with_their_people_and_places(sessions: Sessions) -> None:
    await corpus(sessions)
    repo = DigestRepository(sessions)
    found = await repo.articles(NOW - timedelta(days=1), NOW, limit=10)
    assert [a.ref.id for a in found] == [2, 3]
    assert found[0].ref.url == "https://example.org/2"
    assert [(e.name, e.mentions) for e in found[0].entities] == [
        ("Masoud Pezeshkian", 3),
        ("Vladimir Putin", 1),
    ]
    assert [(e.name, e.kind) for e in found[1].entities] == [("Tehran", "place")]
    assert await repo.count_articles(NOW - timedelta(days=1), NOW) == 2
    assert [a.ref.id for a in await repo.articles(NOW - timedelta(days=1), NOW, limit=1)] == [2]


async def test_window_is_open_at_its_start_and_closed_at_its_end(sessions: Sessions) -> None:
    await corpus(sessions)
    repo = DigestRepository(sessions)
    two_at = NOW - timedelta(hours=5)
    assert [a.ref.id for a in await repo.articles(two_at, NOW, 10)] == [3]
    assert [a.ref.id for a in await repo.articles(two_at - timedelta(hours=1), two_at, 10)] == [2]


async def test_events_and_quotes_of_the_window_articles(sessions: Sessions) -> None:
    await corpus(sessions)
    repo = DigestRepository(sessions)
    events, total = await repo.events([2, 3], limit=5)
    assert total == 1  # the undated event of #3 is not a dated event
    assert [(e.date, e.text, e.ref.id) for e in events] == [
        (date(2026, 3, 1), "They met on March 1.", 2)
    ]
    quotes = await repo.quotes([2, 3], limit=5)
    assert [(q.speaker, q.kind) for q in quotes] == [
        ("Masoud Pezeshkian", "direct"),
        ("Vladimir Putin", "partial"),
    ]
    assert await repo.quotes([3], limit=5) == []
