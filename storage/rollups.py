"""Monthly rollups of mentions and term uses, kept in step with the articles they count.

`entity_months` and `term_months` hold, per month of publication (its first day), how often each
entity is mentioned (and in how many articles) and how often each term is used; `term_totals`
holds each term's uses over the whole corpus. `/compare` sums them for periods made of whole
months instead of reading every mention and term row of the period (at 100,000 articles that is
the difference between seconds and tens of milliseconds); `entity_years` and `term_years` hold
the same per year, `year_totals` their sums per kind, and `term_articles` the articles using
each term (migration 0008). `entity_companions` holds, for every pair of entities, the
sentences naming both: the company `who` lists (migration 0007).
`event_days` holds how many dated events fall on each (date, precision): the counts and chart
of `/timeline` without a topic (migration 0006). `entities.mention_count` counts each entity's
mentions in the whole corpus: the order of autocomplete, the `/compare` prior and digest ranking;
`entities.article_count` the articles naming it and `corpus_totals` the sentences, for `/stats`
(migration 0010).

Every change goes through this module, inside the caller's transaction: an article stored adds
its counts, an article forgotten takes them away, a corrected publication date moves them to
the new month. Each step is one INSERT … SELECT (upsert) or UPDATE … FROM over the article's own
rows, so its cost is bounded by the article, not by the corpus. Rows are written in key order
so that two PostgreSQL workers upserting the same months wait on each other, never deadlock.
`rebuild` recomputes all of it from the rows; tests/storage/test_rollups.py checks that storing,
fixing a date and forgetting leave exactly what a rebuild gives.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import cast

from sqlalchemy import Date, Integer, Table, bindparam, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from storage.models import Entity

log = logging.getLogger(__name__)

_ADD = (
    "INSERT INTO entity_months (month, entity_id, mentions, articles)"
    " SELECT :month, entity_id, count(*), 1 FROM mentions"
    " WHERE article_id = :article GROUP BY entity_id ORDER BY entity_id"
    " ON CONFLICT (month, entity_id) DO UPDATE SET"
    " mentions = entity_months.mentions + excluded.mentions,"
    " articles = entity_months.articles + excluded.articles",
    "INSERT INTO term_months (month, term, uses)"
    ' SELECT :month, term, "count" FROM article_terms WHERE article_id = :article ORDER BY term'
    " ON CONFLICT (month, term) DO UPDATE SET uses = term_months.uses + excluded.uses",
)
_TAKE = (
    "UPDATE entity_months SET mentions = entity_months.mentions - c.n,"
    " articles = entity_months.articles - 1"
    " FROM (SELECT entity_id, count(*) AS n FROM mentions WHERE article_id = :article"
    " GROUP BY entity_id) AS c"
    " WHERE entity_months.month = :month AND entity_months.entity_id = c.entity_id",
    "DELETE FROM entity_months WHERE month = :month AND mentions <= 0",
    'UPDATE term_months SET uses = term_months.uses - t."count" FROM article_terms AS t'
    " WHERE t.article_id = :article AND term_months.month = :month"
    " AND term_months.term = t.term",
    "DELETE FROM term_months WHERE month = :month AND uses <= 0",
)
_ADD_TOTALS = (
    'INSERT INTO term_totals (term, uses) SELECT term, "count" FROM article_terms'
    " WHERE article_id = :article ORDER BY term"
    " ON CONFLICT (term) DO UPDATE SET uses = term_totals.uses + excluded.uses"
)
_TAKE_TOTALS = (
    'UPDATE term_totals SET uses = term_totals.uses - t."count" FROM article_terms AS t'
    " WHERE t.article_id = :article AND term_totals.term = t.term",
    "DELETE FROM term_totals WHERE uses <= 0"
    " AND term IN (SELECT term FROM article_terms WHERE article_id = :article)",
)


# in how many articles each term appears (migration 0008), for topic autocomplete
_ADD_TERM_ARTICLES = (
    "INSERT INTO term_articles (term, articles) SELECT term, 1 FROM article_terms"
    " WHERE article_id = :article ORDER BY term"
    " ON CONFLICT (term) DO UPDATE SET articles = term_articles.articles + 1"
)
_TAKE_TERM_ARTICLES = (
    "UPDATE term_articles SET articles = term_articles.articles - 1"
    " WHERE term IN (SELECT term FROM article_terms WHERE article_id = :article)",
    "DELETE FROM term_articles WHERE articles <= 0"
    " AND term IN (SELECT term FROM article_terms WHERE article_id = :article)",
)
# the yearly rollups of migration 0008 (year = the publication year), for /compare of years;
# `year_totals` sums them per kind of entity, and all term uses under the kind 'term'
_ADD_YEAR = (
    "INSERT INTO entity_years (kind, year, entity_id, mentions)"
    " SELECT e.kind, :year, m.entity_id, count(*) FROM mentions m"
    " JOIN entities e ON e.id = m.entity_id WHERE m.article_id = :article"
    " GROUP BY e.kind, m.entity_id ORDER BY e.kind, m.entity_id"
    " ON CONFLICT (kind, year, entity_id) DO UPDATE SET"
    " mentions = entity_years.mentions + excluded.mentions",
    "INSERT INTO term_years (year, term, uses)"
    ' SELECT :year, term, "count" FROM article_terms WHERE article_id = :article ORDER BY term'
    " ON CONFLICT (year, term) DO UPDATE SET uses = term_years.uses + excluded.uses",
    "INSERT INTO year_totals (kind, year, uses) SELECT c.kind, :year, c.n FROM ("
    " SELECT e.kind, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id"
    " WHERE m.article_id = :article GROUP BY e.kind UNION ALL"
    " SELECT 'term', sum(\"count\") FROM article_terms WHERE article_id = :article"
    " GROUP BY article_id) AS c WHERE true ORDER BY c.kind"
    " ON CONFLICT (kind, year) DO UPDATE SET uses = year_totals.uses + excluded.uses",
)
_TAKE_YEAR = (
    "UPDATE entity_years SET mentions = entity_years.mentions - c.n"
    " FROM (SELECT e.kind, m.entity_id, count(*) AS n FROM mentions m"
    " JOIN entities e ON e.id = m.entity_id WHERE m.article_id = :article"
    " GROUP BY e.kind, m.entity_id) AS c"
    " WHERE entity_years.kind = c.kind AND entity_years.year = :year"
    " AND entity_years.entity_id = c.entity_id",
    "DELETE FROM entity_years WHERE year = :year AND mentions <= 0"
    " AND entity_id IN (SELECT entity_id FROM mentions WHERE article_id = :article)",
    'UPDATE term_years SET uses = term_years.uses - t."count" FROM article_terms AS t'
    " WHERE t.article_id = :article AND term_years.year = :year AND term_years.term = t.term",
    "DELETE FROM term_years WHERE year = :year AND uses <= 0",
    "UPDATE year_totals SET uses = year_totals.uses - c.n FROM ("
    " SELECT e.kind, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id"
    " WHERE m.article_id = :article GROUP BY e.kind UNION ALL"
    " SELECT 'term', sum(\"count\") AS n FROM article_terms WHERE article_id = :article"
    " GROUP BY article_id) AS c WHERE year_totals.kind = c.kind AND year_totals.year = :year",
    "DELETE FROM year_totals WHERE year = :year AND uses <= 0",
)

# the article's pairs of entities named in one sentence, and in how many of its sentences
_PAIRS = (
    "SELECT a.entity_id, b.entity_id AS other_id, count(*) AS n"
    " FROM (SELECT DISTINCT sentence, entity_id FROM mentions WHERE article_id = :article) AS a"
    " JOIN (SELECT DISTINCT sentence, entity_id FROM mentions WHERE article_id = :article) AS b"
    " ON b.sentence = a.sentence WHERE b.entity_id <> a.entity_id"
    " GROUP BY a.entity_id, b.entity_id"
)
_ADD_COMPANIONS = (
    "INSERT INTO entity_companions (entity_id, other_id, sentences) "
    + _PAIRS
    + " ORDER BY a.entity_id, b.entity_id"
    " ON CONFLICT (entity_id, other_id) DO UPDATE SET"
    " sentences = entity_companions.sentences + excluded.sentences",
)
_TAKE_COMPANIONS = (  # built from the constant above only
    "UPDATE entity_companions SET sentences = entity_companions.sentences - c.n FROM ("  # noqa: S608
    + _PAIRS
    + ") AS c WHERE entity_companions.entity_id = c.entity_id"
    " AND entity_companions.other_id = c.other_id",
    "DELETE FROM entity_companions WHERE sentences <= 0"  # noqa: S608
    " AND (entity_id, other_id) IN (SELECT entity_id, other_id FROM (" + _PAIRS + ") AS c)",
)

# the article's dated events per (date, precision): what `event_days` sums for /timeline
_EVENT_DAYS = (
    'SELECT "date" AS day, "precision" AS kind, count(*) AS n FROM events'
    ' WHERE article_id = :article AND "date" IS NOT NULL GROUP BY "date", "precision"'
)
_ADD_EVENTS = (
    'INSERT INTO event_days ("date", "precision", events) '
    + _EVENT_DAYS
    + ' ORDER BY "date", "precision"'
    ' ON CONFLICT ("date", "precision") DO UPDATE SET events = event_days.events + excluded.events',
)
_TAKE_EVENTS = (  # built from the constant above only
    "UPDATE event_days SET events = event_days.events - c.n FROM ("  # noqa: S608
    + _EVENT_DAYS
    + ') AS c WHERE event_days."date" = c.day AND event_days."precision" = c.kind',
    'DELETE FROM event_days WHERE events <= 0 AND "date" IN'
    ' (SELECT "date" FROM events WHERE article_id = :article)',
)

# each entity's mentions in the article, in entity order: the counter is raised or lowered one
# row at a time in that order, so concurrent writers lock shared entities (Putin) alike
_ARTICLE_MENTIONS = (
    "SELECT entity_id, count(*) AS n FROM mentions WHERE article_id = :article"
    " GROUP BY entity_id ORDER BY entity_id"
)
_ENTITIES = cast(Table, Entity.__table__)  # Core, not ORM: an executemany of plain rows
_COUNT = (
    update(_ENTITIES)
    .where(_ENTITIES.c.id == bindparam("entity"))
    .values(
        mention_count=_ENTITIES.c.mention_count + bindparam("n"),
        article_count=_ENTITIES.c.article_count + bindparam("sign"),
    )
)
# the article's sentences added to (or taken from) the corpus total `/stats` reads (0010); last
# in a store, so the one shared row is locked for as short a time as the transaction allows
_ADD_SENTENCES = (
    "INSERT INTO corpus_totals (name, value)"
    " SELECT 'sentences', count(*) FROM sentences WHERE article_id = :article"
    " ON CONFLICT (name) DO UPDATE SET value = corpus_totals.value + excluded.value",
)
_TAKE_SENTENCES = (
    "UPDATE corpus_totals SET value = corpus_totals.value"
    " - (SELECT count(*) FROM sentences WHERE article_id = :article) WHERE name = 'sentences'",
)


def month_of(day: date) -> date:
    """The first day of the day's month: the key of the monthly rollups."""
    return day.replace(day=1)


async def _run(session: AsyncSession, statements: tuple[str, ...], **params: object) -> None:
    for statement in statements:
        sql = text(statement)
        if "month" in params:
            sql = sql.bindparams(bindparam("month", type_=Date))
        if "year" in params:
            sql = sql.bindparams(bindparam("year", type_=Integer))
        await session.execute(sql, params)


async def _count_mentions(session: AsyncSession, article_id: int, sign: int) -> None:
    """Raise (sign 1) or lower (sign -1) `entities.mention_count` by the article's mentions,
    and `entities.article_count` by one for each entity it names."""
    found = await session.execute(text(_ARTICLE_MENTIONS), {"article": article_id})
    rows = [{"entity": r.entity_id, "n": sign * r.n, "sign": sign} for r in found]
    if rows:
        await session.execute(_COUNT, rows)


async def add_article(session: AsyncSession, article_id: int, published: date | None) -> None:
    """Count a newly stored article (its mentions and terms are already written)."""
    await _count_mentions(session, article_id, 1)
    await _run(
        session,
        (_ADD_TOTALS, _ADD_TERM_ARTICLES, *_ADD_COMPANIONS, *_ADD_EVENTS),
        article=article_id,
    )
    if published is not None:
        await _run(session, _ADD, article=article_id, month=month_of(published))
        await _run(session, _ADD_YEAR, article=article_id, year=published.year)
    await _run(session, _ADD_SENTENCES, article=article_id)


async def take_article(session: AsyncSession, article_id: int, published: date | None) -> None:
    """Stop counting an article about to be deleted (call before its rows go)."""
    await _count_mentions(session, article_id, -1)
    await _run(
        session,
        (*_TAKE_TOTALS, *_TAKE_TERM_ARTICLES, *_TAKE_COMPANIONS, *_TAKE_EVENTS, *_TAKE_SENTENCES),
        article=article_id,
    )
    if published is not None:
        await _run(session, _TAKE, article=article_id, month=month_of(published))
        await _run(session, _TAKE_YEAR, article=article_id, year=published.year)


async def move_article(
    session: AsyncSession, article_id: int, old: date | None, new: date | None
) -> None:
    """Move an article's counts when its publication date was corrected to another month/year."""
    before = month_of(old) if old else None
    after = month_of(new) if new else None
    if before != after:
        if before is not None:
            await _run(session, _TAKE, article=article_id, month=before)
        if after is not None:
            await _run(session, _ADD, article=article_id, month=after)
    year_before = old.year if old else None
    year_after = new.year if new else None
    if year_before != year_after:
        if year_before is not None:
            await _run(session, _TAKE_YEAR, article=article_id, year=year_before)
        if year_after is not None:
            await _run(session, _ADD_YEAR, article=article_id, year=year_after)


_MONTH = {
    "sqlite": "date(a.published, 'start of month')",
    "postgresql": "CAST(date_trunc('month', a.published) AS DATE)",
}
_REBUILD = (  # the sums the backfills of migrations 0005-0008 compute, all at once
    "DELETE FROM entity_months",
    "DELETE FROM term_months",
    "DELETE FROM term_totals",
    "INSERT INTO entity_months (month, entity_id, mentions, articles)"
    " SELECT {month}, m.entity_id, count(*), count(DISTINCT m.article_id)"
    " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.published IS NOT NULL"
    " GROUP BY {month}, m.entity_id",
    "INSERT INTO term_months (month, term, uses)"
    ' SELECT {month}, t.term, sum(t."count")'
    " FROM article_terms t JOIN articles a ON a.id = t.article_id WHERE a.published IS NOT NULL"
    " GROUP BY {month}, t.term",
    'INSERT INTO term_totals (term, uses) SELECT term, sum("count") FROM article_terms'
    " GROUP BY term",
    # migration 0006: dated events per (date, precision), for /timeline
    "DELETE FROM event_days",
    'INSERT INTO event_days ("date", "precision", events)'
    ' SELECT "date", "precision", count(*) FROM events WHERE "date" IS NOT NULL'
    ' GROUP BY "date", "precision"',
    # migration 0007: sentences each pair of entities shares, for who
    "DELETE FROM entity_companions",
    "INSERT INTO entity_companions (entity_id, other_id, sentences)"
    " SELECT a.entity_id, b.entity_id, count(*)"
    " FROM (SELECT DISTINCT article_id, sentence, entity_id FROM mentions) AS a"
    " JOIN (SELECT DISTINCT article_id, sentence, entity_id FROM mentions) AS b"
    " ON b.article_id = a.article_id AND b.sentence = a.sentence"
    " WHERE b.entity_id <> a.entity_id"
    " GROUP BY a.entity_id, b.entity_id",
    # migration 0008: the monthly sums per year (the year of an ISO date text on both backends),
    # their totals per kind, and the articles using each term, for /compare and autocomplete
    "DELETE FROM entity_years",
    "DELETE FROM term_years",
    "DELETE FROM year_totals",
    "DELETE FROM term_articles",
    "INSERT INTO entity_years (kind, year, entity_id, mentions)"
    " SELECT e.kind, CAST(substr(CAST(m.month AS TEXT), 1, 4) AS INTEGER), m.entity_id,"
    " sum(m.mentions) FROM entity_months m JOIN entities e ON e.id = m.entity_id"
    " GROUP BY e.kind, CAST(substr(CAST(m.month AS TEXT), 1, 4) AS INTEGER), m.entity_id",
    "INSERT INTO term_years (year, term, uses)"
    " SELECT CAST(substr(CAST(month AS TEXT), 1, 4) AS INTEGER), term, sum(uses) FROM term_months"
    " GROUP BY CAST(substr(CAST(month AS TEXT), 1, 4) AS INTEGER), term",
    "INSERT INTO year_totals (kind, year, uses)"
    " SELECT kind, year, sum(mentions) FROM entity_years GROUP BY kind, year",
    "INSERT INTO year_totals (kind, year, uses)"
    " SELECT 'term', year, sum(uses) FROM term_years GROUP BY year",
    "INSERT INTO term_articles (term, articles) SELECT term, count(*) FROM article_terms"
    " GROUP BY term",
    # each entity's mentions and articles (0 for a speaker never named, or whose articles were
    # forgotten), and the corpus's sentences (migration 0010), for /stats
    "UPDATE entities SET mention_count = c.n, article_count = c.a FROM (SELECT e.id,"
    " count(m.entity_id) AS n, count(DISTINCT m.article_id) AS a"
    " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id) AS c"
    " WHERE c.id = entities.id"
    " AND (entities.mention_count <> c.n OR entities.article_count <> c.a)",
    "DELETE FROM corpus_totals",
    "INSERT INTO corpus_totals (name, value) SELECT 'sentences', count(*) FROM sentences",
)


async def rebuild(conn: AsyncConnection) -> None:
    """Recompute every rollup and `entities.mention_count` from the rows, for bulk loads that
    bypass `add_article` (the benchmark corpora). The migrations keep their own copy of this
    SQL, frozen."""
    for statement in _REBUILD:
        await conn.execute(text(statement.format(month=_MONTH[conn.dialect.name])))
