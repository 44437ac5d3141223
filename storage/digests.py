"""What the daily digest reads and the claims that make each digest post exactly once.

A digest covers the articles ingested in a window `(start, end]` of `articles.ingested_at`; the
next digest starts where the last posted one ended (`guild_settings.last_digest_at`), so nothing
falls in a gap or appears twice. Before posting, a process inserts a `digest_posts` row for
(guild, local day) in its own transaction: the unique key lets exactly one process win, even
when two race. Counts are aggregated in SQL; only the window's articles are read row by row.
The names rising under "Rising" are counted by publication day, in `storage.spikes`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.entities import dialect_insert
from storage.models import (
    Article,
    DigestPost,
    Entity,
    EventRow,
    GuildSettings,
    Mention,
    QuoteRow,
)
from storage.records import as_utc
from storage.records_cite import ArticleRef

STORY_KINDS = ("person", "place")


@dataclass(frozen=True)
class DigestPostRecord:
    """A claimed digest; `posted_at` is None until it was posted (or skipped as empty)."""

    guild_id: int
    digest_day: date
    window_start: datetime
    window_end: datetime
    posted_at: datetime | None
    channel_id: int | None
    message_id: int | None
    articles: int


@dataclass(frozen=True)
class EntityWeight:
    """A person or place and how often one article mentions it."""

    entity_id: int
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True)
class WindowArticle:
    """An article of the window, with its people and places, most mentioned first."""

    ref: ArticleRef
    ingested_at: datetime
    entities: tuple[EntityWeight, ...]


@dataclass(frozen=True)
class WindowEvent:
    """A dated event reported by an article of the window."""

    date: date
    precision: str
    text: str
    ref: ArticleRef
    id: int = 0  # the stored event's id
    sentence: int = 0  # its place in the article; -1 a photo caption


@dataclass(frozen=True)
class WindowQuote:
    """A quote from an article of the window, with its speaker's corpus-wide mention count."""

    speaker_id: int
    speaker: str
    text: str
    kind: str
    speaker_mentions: int
    ref: ArticleRef


def utc(moment: datetime) -> datetime:
    """A moment in UTC, the way every timestamp is stored."""
    return as_utc(moment).astimezone(UTC)


def in_window(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Articles ingested after `start` and up to `end`."""
    return and_(Article.ingested_at > utc(start), Article.ingested_at <= utc(end))


def _post(row: DigestPost) -> DigestPostRecord:
    return DigestPostRecord(
        guild_id=row.guild_id,
        digest_day=row.digest_day,
        window_start=as_utc(row.window_start),
        window_end=as_utc(row.window_end),
        posted_at=as_utc(row.posted_at) if row.posted_at else None,
        channel_id=row.channel_id,
        message_id=row.message_id,
        articles=row.articles,
    )


class DigestRepository:
    """Claims, posts and the window queries of the digest, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        """The session factory, for the repositories a digest reads beside this one (spikes)."""
        return self._sessions

    # -- exactly once ----------------------------------------------------------------------
    async def claim(
        self, guild_id: int, key: date, window_start: datetime, window_end: datetime
    ) -> bool:
        """Insert the claim for (guild, day) in its own transaction; False if one exists."""
        async with self._sessions.begin() as session:
            insert = dialect_insert(session)
            stmt = (
                insert(DigestPost)
                .values(
                    guild_id=guild_id,
                    digest_day=key,
                    window_start=utc(window_start),
                    window_end=utc(window_end),
                    claimed_at=datetime.now(UTC),
                    articles=0,
                )
                .on_conflict_do_nothing(index_elements=["guild_id", "digest_day"])
                .returning(DigestPost.id)
            )
            return (await session.scalar(stmt)) is not None

    async def mark_posted(
        self,
        guild_id: int,
        key: date,
        *,
        channel_id: int | None,
        message_id: int | None,
        articles: int,
    ) -> None:
        """Record the post (message None: skipped as empty) and move `last_digest_at` on."""
        async with self._sessions.begin() as session:
            row = await session.scalar(
                select(DigestPost).where(
                    DigestPost.guild_id == guild_id, DigestPost.digest_day == key
                )
            )
            if row is None:
                raise LookupError(f"no digest claimed for guild {guild_id} on {key}")
            row.posted_at = datetime.now(UTC)
            row.channel_id, row.message_id, row.articles = channel_id, message_id, articles
            settings = await session.get(GuildSettings, guild_id)
            end = as_utc(row.window_end)
            if settings is not None and (
                settings.last_digest_at is None or as_utc(settings.last_digest_at) < end
            ):
                settings.last_digest_at = end

    async def last_posted(self, guild_id: int) -> DigestPostRecord | None:
        """The guild's latest posted (or skipped) digest."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(DigestPost)
                .where(DigestPost.guild_id == guild_id, DigestPost.posted_at.is_not(None))
                .order_by(DigestPost.window_end.desc())
                .limit(1)
            )
            return None if row is None else _post(row)

    async def claims(self, guild_id: int) -> list[DigestPostRecord]:
        """Every claim of a guild, oldest day first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(DigestPost)
                .where(DigestPost.guild_id == guild_id)
                .order_by(DigestPost.digest_day)
            )
            return [_post(row) for row in rows]

    # -- what the window holds -------------------------------------------------------------
    async def count_articles(self, start: datetime, end: datetime) -> int:
        """How many articles were ingested in the window."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(func.count(Article.id)).where(in_window(start, end))
            )
            return int(found or 0)

    async def articles(self, start: datetime, end: datetime, limit: int) -> list[WindowArticle]:
        """The window's articles in ingestion order, each with its people and places."""
        query = (
            select(*REF_COLUMNS, Article.ingested_at)
            .where(in_window(start, end))
            .order_by(Article.ingested_at, Article.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
            weights = await _entity_weights(session, [row.id for row in rows])
        return [
            WindowArticle(ref_from_row(r), as_utc(r.ingested_at), tuple(weights.get(r.id, ())))
            for r in rows
        ]

    async def events(self, article_ids: Sequence[int], limit: int) -> tuple[list[WindowEvent], int]:
        """The newest-dated events of these articles (up to `limit`) and how many there are.

        The digest reads them all (its window holds at most a hundred articles) and ranks their
        dates itself.
        """
        dated = and_(EventRow.article_id.in_(article_ids), EventRow.date.is_not(None))
        query = (
            select(
                EventRow.id.label("event_id"),
                EventRow.date.label("event_date"),
                EventRow.precision,
                EventRow.sentence,
                EventRow.text.label("event_text"),
                *REF_COLUMNS,
            )
            .join(Article, Article.id == EventRow.article_id)
            .where(dated)
            .order_by(EventRow.date.desc(), Article.id, EventRow.sentence, EventRow.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
            total = await session.scalar(select(func.count(EventRow.id)).where(dated))
        events = [
            WindowEvent(
                r.event_date, r.precision, r.event_text, ref_from_row(r), r.event_id, r.sentence
            )
            for r in rows
        ]
        return events, int(total or 0)

    async def quotes(self, article_ids: Sequence[int], limit: int) -> list[WindowQuote]:
        """Quotes of these articles by known speakers: direct first, then most-mentioned speaker."""
        query = (
            select(
                QuoteRow.entity_id,
                QuoteRow.text.label("quote_text"),
                QuoteRow.kind,
                Entity.name.label("speaker"),
                Entity.mention_count,
                *REF_COLUMNS,
            )
            .join(Article, Article.id == QuoteRow.article_id)
            .join(Entity, Entity.id == QuoteRow.entity_id)
            .where(QuoteRow.article_id.in_(article_ids))
            .order_by(
                (QuoteRow.kind == "direct").desc(),
                Entity.mention_count.desc(),
                Entity.name,
                Article.id,
                QuoteRow.start,
            )
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [
            WindowQuote(
                r.entity_id, r.speaker, r.quote_text, r.kind, r.mention_count, ref_from_row(r)
            )
            for r in rows
        ]


async def _entity_weights(
    session: AsyncSession, article_ids: list[int]
) -> dict[int, list[EntityWeight]]:
    """People and places per article with their mention counts, most mentioned first."""
    found: dict[int, list[EntityWeight]] = defaultdict(list)
    if not article_ids:
        return found
    mentions = func.count(Mention.id)
    rows = await session.execute(
        select(Mention.article_id, Entity.id, Entity.name, Entity.kind, mentions)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.article_id.in_(article_ids), Entity.kind.in_(STORY_KINDS))
        .group_by(Mention.article_id, Entity.id, Entity.name, Entity.kind)
        .order_by(Mention.article_id, mentions.desc(), Entity.name)
    )
    for article_id, entity_id, name, kind, count in rows:
        found[article_id].append(EntityWeight(entity_id, name, kind, int(count)))
    return found
