"""The rollups `who` and `/summary TOPIC` read give what the rows give, and follow every change.

Every test runs on SQLite and PostgreSQL (the `sessions` / `database_url` fixtures).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import ArticleRepository
from storage.engine import create_engine
from storage.migrate import downgrade_database, upgrade_database
from storage.profiles import ProfileRepository
from storage.quotes_repo import QuotesRepository
from storage.summary_repo import SummaryRepository
from tests.storage.test_compare_repo import (
    SYRIA_2015,
    TURKMEN_2024,
    UNDATED,
    article,
    mentions,
    quote,
    store,
)

Sessions = async_sessionmaker[AsyncSession]

# what `entity_companions` must hold: the sentences each pair shares, read from the mentions
FROM_MENTIONS = (
    "SELECT a.entity_id, b.entity_id, count(*)"
    " FROM (SELECT DISTINCT article_id, sentence, entity_id FROM mentions) AS a"
    " JOIN (SELECT DISTINCT article_id, sentence, entity_id FROM mentions) AS b"
    " ON b.article_id = a.article_id AND b.sentence = a.sentence"
    " WHERE b.entity_id <> a.entity_id GROUP BY a.entity_id, b.entity_id"
)
ROLLUP = "SELECT entity_id, other_id, sentences FROM entity_companions"

SYRIA_AGAIN = article(
    4,
    date(2015, 11, 23),
    ["Putin and Assad met in Syria.", "Assad thanked Putin."],
    mentions=mentions(("putin", 0), ("assad", 0), ("syria", 0), ("assad", 1), ("putin", 1)),
    terms=(("war", 3),),
    quotes=(quote("We won.", "putin"),),
)


async def _rows(sessions: Sessions, sql: str) -> list[tuple[int, ...]]:
    async with sessions() as session:
        return sorted(tuple(r) for r in await session.execute(text(sql)))


async def _entity(sessions: Sessions, key: str) -> int:
    async with sessions() as session:
        found = await session.scalar(text('SELECT id FROM entities WHERE "key" = :k'), {"k": key})
        assert found is not None
        return int(found)


async def test_companions_follow_store_forget_and_fix(sessions: Sessions) -> None:
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED, SYRIA_AGAIN)
    expected = await _rows(sessions, FROM_MENTIONS)
    assert expected  # the articles do share sentences
    assert await _rows(sessions, ROLLUP) == expected
    articles = ArticleRepository(sessions)
    await articles.fix(ids[3], published=date(2020, 1, 1))  # dates do not move company
    assert await _rows(sessions, ROLLUP) == expected
    assert await articles.forget(ids[0])
    assert await _rows(sessions, ROLLUP) == await _rows(sessions, FROM_MENTIONS)
    for article_id in ids[1:]:
        assert await articles.forget(article_id)
    assert await _rows(sessions, ROLLUP) == []  # no pair left at zero


async def test_who_counts_shared_sentences_across_articles(sessions: Sessions) -> None:
    await store(sessions, SYRIA_2015, TURKMEN_2024, SYRIA_AGAIN)
    profile = await ProfileRepository(sessions).profile(await _entity(sessions, "vladimir putin"))
    assert profile is not None
    # Assad shares both sentences of SYRIA_AGAIN (none of SYRIA_2015), Pezeshkian one
    assert [(c.name, c.sentences) for c in profile.people] == [
        ("Bashar al-Assad", 2),
        ("Masoud Pezeshkian", 1),
    ]
    assert [(c.name, c.sentences) for c in profile.others] == [("Syria", 1), ("Turkmenistan", 1)]


async def test_who_months_and_edges_follow_forget_and_fix(sessions: Sessions) -> None:
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024, SYRIA_AGAIN)
    putin = await _entity(sessions, "vladimir putin")
    profiles, articles = ProfileRepository(sessions), ArticleRepository(sessions)

    async def seen() -> tuple[object, ...]:
        p = await profiles.profile(putin)
        assert p is not None
        months = [(m.year, m.month, m.mentions, m.articles) for m in p.months]
        return months, p.first and p.first.id, p.last and p.last.id

    # two articles on the same day: the first is the lower id
    assert await seen() == ([(2015, 11, 4, 2), (2024, 10, 1, 1)], ids[0], ids[1])
    await articles.fix(ids[1], published=None)
    assert await seen() == ([(2015, 11, 4, 2), (None, None, 1, 1)], ids[0], ids[2])
    await articles.fix(ids[0], published=date(2015, 12, 1))
    assert await seen() == (
        [(2015, 11, 2, 1), (2015, 12, 2, 1), (None, None, 1, 1)],
        ids[2],
        ids[0],
    )
    assert await articles.forget(ids[1])
    assert (await seen())[0] == [(2015, 11, 2, 1), (2015, 12, 2, 1)]
    for article_id in (ids[0], ids[2]):
        assert await articles.forget(article_id)
    assert await seen() == ([], None, None)


async def test_who_quote_count_is_the_speakers_total(sessions: Sessions) -> None:
    await store(sessions, SYRIA_2015, TURKMEN_2024, SYRIA_AGAIN)
    putin = await _entity(sessions, "vladimir putin")
    counts = await QuotesRepository(sessions).counts(putin)
    assert await ProfileRepository(sessions).quote_count(putin) == counts.total == 2
    assert await ProfileRepository(sessions).quote_count(999) == 0


async def test_summary_topic_keeps_ties_in_date_order_past_the_cut(sessions: Sessions) -> None:
    ids = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED, SYRIA_AGAIN)
    repo = SummaryRepository(sessions)
    # war: UNDATED 5, SYRIA_2015 3, SYRIA_AGAIN 3 (same day, higher id), TURKMEN_2024 1
    ranked = [ids[2], ids[0], ids[3], ids[1]]
    for limit in range(1, 6):
        found = await repo.topic_articles("war", None, None, limit=limit)
        assert [r.id for r in found] == ranked[:limit]
    dated = await repo.topic_articles("war", date(2015, 1, 1), date(2024, 12, 31), limit=2)
    assert [r.id for r in dated] == [ids[0], ids[3]]
    assert await repo.topic_aliases("nobody at all") == []
    assert await repo.topic_aliases("Putin") == ["putin", "vladimir putin"]


ROWS_AT_0006 = (
    "INSERT INTO articles (id, source, title, published, date_precision, date_source, text,"
    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
    " (1, 'a.txt', 'Dated', :day, 'day', 'header', 'Body.', 1, 'h1', :sig, '[]', :t)",
    'INSERT INTO entities (id, "key", kind, name, surname, mention_count) VALUES'
    " (7, 'putin', 'person', 'Vladimir Putin', 'putin', 3), (8, 'syria', 'place', 'Syria', '', 1)",
    'INSERT INTO mentions (article_id, entity_id, sentence, start, "end", text) VALUES'
    " (1, 7, 0, 0, 5, 'Putin'), (1, 7, 0, 9, 14, 'Putin'), (1, 8, 0, 20, 25, 'Syria'),"
    " (1, 7, 1, 0, 5, 'Putin')",
)


async def test_upgrade_to_0007_counts_the_stored_sentences(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0006")
        params = {"day": date(2015, 3, 10), "sig": b"\x00", "t": datetime.now(UTC)}
        async with engine.begin() as conn:
            for statement in ROWS_AT_0006:
                await conn.execute(text(statement), params)
        await upgrade_database(engine)
        async with engine.connect() as conn:
            rows = sorted(tuple(r) for r in await conn.execute(text(ROLLUP)))
        assert rows == [(7, 8, 1), (8, 7, 1)]  # Putin twice in sentence 0 still one sentence
        await downgrade_database(engine, "0006")
        await upgrade_database(engine)
        async with engine.connect() as conn:
            assert sorted(tuple(r) for r in await conn.execute(text(ROLLUP))) == rows
    finally:
        await engine.dispose()
