"""The rollups `/compare` and topic autocomplete read count what the rows count, and follow
every change: monthly and yearly sums, their totals per kind, the articles using each term."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import text

from storage import rollups
from storage.articles import ArticleRepository
from storage.compare_repo import CompareRepository, DateRange, PeriodCounts
from storage.engine import create_engine
from storage.migrate import upgrade_database
from storage.topics import TopicRepository
from tests.storage.test_compare_repo import SYRIA_2015, TURKMEN_2024, UNDATED, article, store

WHOLE_2015 = DateRange(date(2015, 1, 1), date(2015, 12, 31))  # whole months: the rollups
ALMOST_2015 = DateRange(date(2015, 1, 2), date(2015, 12, 31))  # not: the mention rows
WHOLE_2024 = DateRange(date(2024, 1, 1), date(2024, 12, 31))
ALMOST_2024 = DateRange(date(2024, 1, 1), date(2024, 12, 30))


def shown(counts: PeriodCounts) -> tuple[object, ...]:
    items = sorted((i.name, i.kind, i.count_a, i.count_b, i.corpus) for i in counts.items)
    return counts.articles_a, counts.articles_b, tuple(items), dict(counts.totals)


async def test_rollups_count_what_the_rows_count(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    monthly = await repo.counts(WHOLE_2015, WHOLE_2024)
    assert shown(monthly) == shown(await repo.counts(ALMOST_2015, ALMOST_2024))
    assert {i.name: i.corpus for i in monthly.items}["war"] == 9  # undated uses in the prior


async def test_forgetting_an_article_takes_its_counts_away(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    assert await ArticleRepository(sessions).forget(first)
    counts = await CompareRepository(sessions).counts(WHOLE_2015, WHOLE_2024)
    by_name = {i.name: i for i in counts.items}
    assert "Bashar al-Assad" not in by_name
    assert (by_name["war"].count_a, by_name["war"].count_b, by_name["war"].corpus) == (0, 1, 6)
    assert counts.totals["person"] == (0, 2)


async def test_a_corrected_date_moves_the_counts_to_its_month(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    await ArticleRepository(sessions).fix(first, published=date(2024, 3, 1))
    repo = CompareRepository(sessions)
    monthly = await repo.counts(WHOLE_2015, WHOLE_2024)
    assert shown(monthly) == shown(await repo.counts(ALMOST_2015, ALMOST_2024))
    assert (monthly.articles_a, monthly.articles_b) == (0, 2)
    assert monthly.totals["person"] == (0, 6)


NOV_2015 = DateRange(date(2015, 11, 1), date(2015, 11, 30))  # whole months, not whole years
ALMOST_NOV_2015 = DateRange(date(2015, 11, 2), date(2015, 11, 30))
Q4_2024 = DateRange(date(2024, 10, 1), date(2024, 12, 31))
ALMOST_Q4_2024 = DateRange(date(2024, 10, 1), date(2024, 12, 30))


async def test_monthly_and_yearly_rollups_agree_with_the_rows(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    rows = shown(await repo.counts(ALMOST_NOV_2015, ALMOST_Q4_2024))
    assert shown(await repo.counts(NOV_2015, Q4_2024)) == rows  # entity_months, term_months
    assert shown(await repo.counts(WHOLE_2015, WHOLE_2024)) == rows  # entity_years, term_years
    span = DateRange(date(2014, 1, 1), date(2016, 12, 31))  # several years, overlapping b
    assert shown(await repo.counts(span, WHOLE_2015)) == shown(
        await repo.counts(DateRange(date(2014, 1, 2), span.end), ALMOST_2015)
    )


async def test_a_date_fixed_within_its_year_keeps_the_yearly_counts(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    before = shown(await repo.counts(WHOLE_2015, WHOLE_2024))
    await ArticleRepository(sessions).fix(first, published=date(2015, 2, 1))
    assert shown(await repo.counts(WHOLE_2015, WHOLE_2024)) == before
    assert (await repo.counts(NOV_2015, Q4_2024)).articles_a == 0
    feb = DateRange(date(2015, 2, 1), date(2015, 2, 28))
    assert shown(await repo.counts(feb, Q4_2024)) == shown(
        await repo.counts(DateRange(date(2015, 2, 1), date(2015, 2, 27)), ALMOST_Q4_2024)
    )
    await ArticleRepository(sessions).fix(first, published=None)  # undated: in no year
    counts = await repo.counts(WHOLE_2015, WHOLE_2024)
    assert (counts.articles_a, counts.totals.get("person"), counts.totals["term"]) == (
        0,
        (0, 2),
        (0, 3),
    )


async def test_topic_terms_count_the_articles_using_them(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    topics = TopicRepository(sessions)
    assert [(t.term, t.articles) for t in await topics.terms("wa")] == [("war", 3)]
    assert [(t.term, t.articles) for t in await topics.terms("ti")] == [("tie", 1)]
    assert await ArticleRepository(sessions).forget(first)
    assert [(t.term, t.articles) for t in await topics.terms("wa")] == [("war", 2)]
    assert await topics.terms("co") == []  # "conflict" was only in the article forgotten


async def test_topic_terms_put_the_exact_term_first_then_the_most_used(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(
        sessions,
        article(11, date(2020, 1, 1), ["One."], terms=(("war", 1), ("warm", 1), ("ward", 1))),
        article(12, date(2020, 1, 2), ["Two."], terms=(("warm", 1), ("ward", 1))),
        article(13, date(2020, 1, 3), ["Three."], terms=(("ward", 1),)),
    )
    found = await TopicRepository(sessions).terms("War")
    assert [(t.term, t.articles) for t in found] == [("war", 1), ("ward", 3), ("warm", 2)]


ROWS_AT_0004 = (
    "INSERT INTO articles (id, source, title, published, date_precision, date_source, text,"
    " word_count, content_hash, signature, dropped, ingested_at) VALUES"
    " (1, 'a.txt', 'March', :march, 'day', 'header', 'Body.', 1, 'h1', :sig, '[]', :t),"
    " (2, 'b.txt', 'May', :may, 'day', 'header', 'Body.', 1, 'h2', :sig, '[]', :t),"
    " (3, 'c.txt', 'Undated', NULL, 'unknown', '', 'Body.', 1, 'h3', :sig, '[]', :t)",
    'INSERT INTO entities (id, "key", kind, name, surname, mention_count)'
    " VALUES (7, 'putin', 'person', 'Vladimir Putin', 'putin', 4),"
    " (8, 'syria', 'place', 'Syria', '', 1)",
    'INSERT INTO mentions (article_id, entity_id, sentence, start, "end", text) VALUES'
    " (1, 7, 0, 0, 5, 'Putin'), (1, 7, 1, 0, 5, 'Putin'), (2, 7, 0, 0, 5, 'Putin'),"
    " (2, 8, 0, 9, 14, 'Syria'), (3, 7, 0, 0, 5, 'Putin')",
    'INSERT INTO article_terms (article_id, term, "count") VALUES'
    " (1, 'war', 3), (2, 'war', 1), (2, 'tie', 2), (3, 'war', 2)",
)


ROLLUP_ROWS = {
    "entity_years": "SELECT kind, year, entity_id, mentions FROM entity_years",
    "term_years": "SELECT year, term, uses FROM term_years",
    "year_totals": "SELECT kind, year, uses FROM year_totals",
    "term_articles": "SELECT term, articles FROM term_articles",
}


async def test_upgrade_to_0008_sums_the_stored_articles_per_year(database_url: str) -> None:
    """The yearly rollups start from the monthly ones, the article counts from the rows."""
    engine = create_engine(database_url)
    try:
        await upgrade_database(engine, "0004")
        params = {
            "march": date(2015, 3, 10),
            "may": date(2015, 5, 1),
            "sig": b"\x00",
            "t": datetime.now(UTC),
        }
        async with engine.begin() as conn:
            for statement in ROWS_AT_0004:
                await conn.execute(text(statement), params)
        await upgrade_database(engine)  # 0005 sums them per month, 0008 per year
        async with engine.connect() as conn:
            found = {
                table: sorted(tuple(r) for r in await conn.execute(text(query)))
                for table, query in ROLLUP_ROWS.items()
            }
        assert found == {
            "entity_years": [("person", 2015, 7, 3), ("place", 2015, 8, 1)],
            "term_years": [(2015, "tie", 2), (2015, "war", 4)],
            "year_totals": [("person", 2015, 3), ("place", 2015, 1), ("term", 2015, 6)],
            "term_articles": [("tie", 1), ("war", 3)],
        }
    finally:
        await engine.dispose()


ROLLUP_TABLES = (
    "entity_months",
    "term_months",
    "term_totals",
    "event_days",
    "entity_companions",
    "entity_years",
    "term_years",
    "year_totals",
    "term_articles",
)


COUNTERS = {  # autocomplete, prior, digest; /stats
    "entities": "SELECT id, mention_count, article_count FROM entities",
    "corpus_totals": "SELECT name, value FROM corpus_totals",
}
RECOUNT = (
    "SELECT e.id, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),"
    " (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id)"
    " FROM entities e"
)


async def _rollup_rows(engine) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    queries = {t: f"SELECT * FROM {t}" for t in ROLLUP_TABLES} | COUNTERS  # noqa: S608
    async with engine.connect() as conn:
        return {
            table: sorted(tuple(str(v) for v in row) for row in await conn.execute(text(query)))
            for table, query in queries.items()
        }


async def test_a_rebuild_from_the_rows_equals_the_rollups_kept_article_by_article(
    engine,
    sessions,  # type: ignore[no-untyped-def]
) -> None:
    """Store, fix a date, forget: every rollup and counter equals a recount from the rows."""
    first, second, _ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    await ArticleRepository(sessions).fix(first, published=date(2016, 2, 1))
    assert await ArticleRepository(sessions).forget(second)
    kept = await _rollup_rows(engine)
    async with engine.connect() as conn:
        recounted = sorted(tuple(str(v) for v in row) for row in await conn.execute(text(RECOUNT)))
    assert kept["entities"] == recounted  # Pezeshkian and Turkmenistan stay, named 0 times
    async with engine.connect() as conn:
        sentences = await conn.scalar(text("SELECT count(*) FROM sentences"))
    assert kept["corpus_totals"] == [("sentences", str(sentences))]
    async with engine.begin() as conn:
        await rollups.rebuild(conn)
    assert await _rollup_rows(engine) == kept
    assert kept["entity_months"] and kept["entity_companions"] and kept["year_totals"]


async def test_a_rebuild_recounts_the_mentions_of_every_entity(engine, sessions) -> None:  # type: ignore[no-untyped-def]
    """A bulk load that bypassed the counters (or a count gone wrong) is set right."""
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    kept = await _rollup_rows(engine)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE entities SET mention_count = 99, article_count = 7"))
        await conn.execute(text("UPDATE corpus_totals SET value = 5"))
        await rollups.rebuild(conn)
    assert await _rollup_rows(engine) == kept
