"""Watchlist alerts: what each guild watches, and the passages that show why an article matched.

An alert watches a person or organisation (`entity`), a speaker's quotes (`quotes`), a search in
the /search syntax (`search`) or names rising in the corpus (`spikes`). One channel watches a
thing once: the same entity (or the same query, or spikes) twice in one channel is refused with
the alert that already watches it. A search alert matches one article exactly as /search would:
the query's FTS5 expression or tsquery is tested against that article's row of the full-text
index, and its snippet is the one /search shows for it (same engine call, same spans).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import article_refs
from storage.entities import dialect_insert
from storage.models import Alert, Entity, Mention, QuoteRow, Sentence
from storage.records_cite import ArticleRef
from storage.search import SearchQuery, Spans, article_snippet

ENTITY, SEARCH, QUOTES, SPIKES = "entity", "search", "quotes", "spikes"
KINDS = (ENTITY, SEARCH, QUOTES, SPIKES)
LABEL_LIMIT = 300  # the column's size: a longer search is refused by the service
QUOTES_SHOWN = 3  # quotes a card quotes at most


@dataclass(frozen=True)
class AlertRecord:
    """One alert: where its cards go, whom they ping, and what it watches.

    `name` is the watched entity's canonical name (entity and quotes alerts), `entity_kind` its
    kind ("person", "org"); both None when the entity is gone from the corpus.
    """

    id: int
    guild_id: int
    channel_id: int
    role_id: int | None
    kind: str
    label: str
    entity_id: int | None
    name: str | None
    entity_kind: str | None
    query: str | None
    created_by: int | None
    created_at: datetime


@dataclass(frozen=True)
class Passage:
    """Article text that shows why an alert matched, plain, with the matched words as
    `(start, end)` spans (the shape of a /search snippet); a quote names its speaker."""

    text: str
    highlights: Spans = ()
    speaker: str | None = None
    quote_kind: str | None = None


class AlertExistsError(Exception):
    """The channel already has this alert; `existing` is it."""

    def __init__(self, existing: AlertRecord) -> None:
        super().__init__(f"already watching {existing.label} (alert #{existing.id})")
        self.existing = existing


_COLUMNS = (
    Alert.id,
    Alert.guild_id,
    Alert.channel_id,
    Alert.role_id,
    Alert.kind,
    Alert.label,
    Alert.entity_id,
    Entity.name,
    Entity.kind.label("entity_kind"),
    Alert.query,
    Alert.created_by,
    Alert.created_at,
)


def _record(row: Any) -> AlertRecord:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return AlertRecord(
        id=row.id,
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        role_id=row.role_id,
        kind=row.kind,
        label=row.label,
        entity_id=row.entity_id,
        name=row.name,
        entity_kind=row.entity_kind,
        query=row.query,
        created_by=row.created_by,
        created_at=created,
    )


def _select() -> Any:
    return select(*_COLUMNS).outerjoin(Entity, Entity.id == Alert.entity_id)


class AlertRepository:
    """Adds, lists and removes alerts, and reads what an alert card shows; a session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(
        self,
        guild_id: int,
        channel_id: int,
        kind: str,
        label: str,
        *,
        entity_id: int | None = None,
        query: str | None = None,
        role_id: int | None = None,
        created_by: int | None = None,
    ) -> AlertRecord:
        """Store a new alert; raises AlertExistsError when the channel already watches it."""
        if kind not in KINDS:
            raise ValueError(f"unknown alert kind {kind!r}")
        values = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "role_id": role_id,
            "kind": kind,
            "entity_id": entity_id,
            "query": query,
            "label": label[:LABEL_LIMIT],
            "created_by": created_by,
            "created_at": datetime.now(UTC),
        }
        async with self._sessions.begin() as session:
            existing = await _same(session, values)
            if existing is not None:
                raise AlertExistsError(existing)
            insert = dialect_insert(session)(Alert).values(**values).on_conflict_do_nothing()
            new_id = await session.scalar(insert.returning(Alert.id))
            if new_id is None:  # another process added it a moment ago
                raced = await _same(session, values)
                assert raced is not None
                raise AlertExistsError(raced)
            row = (await session.execute(_select().where(Alert.id == new_id))).one()
            return _record(row)

    async def list(self, guild_id: int | None = None) -> builtins.list[AlertRecord]:
        """A guild's alerts (every guild's with None), oldest first."""
        query = _select().order_by(Alert.guild_id, Alert.id)
        if guild_id is not None:
            query = query.where(Alert.guild_id == guild_id)
        async with self._sessions() as session:
            return [_record(row) for row in await session.execute(query)]

    async def get(self, alert_id: int) -> AlertRecord | None:
        """One alert by id."""
        async with self._sessions() as session:
            row = (await session.execute(_select().where(Alert.id == alert_id))).first()
            return None if row is None else _record(row)

    async def remove(self, alert_id: int, guild_id: int | None = None) -> AlertRecord | None:
        """Delete an alert (only of that guild when one is given); None when there is none."""
        async with self._sessions.begin() as session:
            query = _select().where(Alert.id == alert_id)
            if guild_id is not None:
                query = query.where(Alert.guild_id == guild_id)
            row = (await session.execute(query)).first()
            if row is None:
                return None
            await session.execute(delete(Alert).where(Alert.id == alert_id))
            return _record(row)

    async def article(self, article_id: int) -> ArticleRef | None:
        """The article a card is about, as a citation; None when it was removed."""
        async with self._sessions() as session:
            return (await article_refs(session, [article_id])).get(article_id)

    async def mention_passage(self, article_id: int, entity_id: int) -> Passage | None:
        """The first sentence of the article naming the entity, its mentions as spans."""
        async with self._sessions() as session:
            return await mention_passage(session, article_id, entity_id)

    async def quote_passages(
        self, article_id: int, quote_ids: builtins.list[int]
    ) -> builtins.list[Passage]:
        """The article's quotes among `quote_ids`, in the article's order."""
        async with self._sessions() as session:
            return await quote_passages(session, article_id, quote_ids)

    async def search_passage(self, query: SearchQuery, article_id: int) -> Passage | None:
        """The /search snippet of one article for the query; None when it does not match."""
        async with self._sessions() as session:
            return await search_passage(session, query, article_id)


async def _same(session: AsyncSession, values: dict[str, Any]) -> AlertRecord | None:
    """The channel's alert of this kind on the same entity, or with the same label."""
    query = _select().where(
        Alert.guild_id == values["guild_id"],
        Alert.channel_id == values["channel_id"],
        Alert.kind == values["kind"],
    )
    same = Alert.label == values["label"]
    if values["entity_id"] is not None:
        same |= Alert.entity_id == values["entity_id"]
    row = (await session.execute(query.where(same))).first()
    return None if row is None else _record(row)


async def mention_passage(session: AsyncSession, article_id: int, entity_id: int) -> Passage | None:
    """See `AlertRepository.mention_passage`; in the caller's session."""
    first = (
        select(func.min(Mention.sentence))
        .where(Mention.article_id == article_id, Mention.entity_id == entity_id)
        .scalar_subquery()
    )
    rows = (
        await session.execute(
            select(Sentence.text, Sentence.start, Mention.start.label("at"), Mention.end)
            .join(Mention, Mention.article_id == Sentence.article_id)
            .where(Mention.sentence == Sentence.position)
            .where(Sentence.article_id == article_id, Mention.entity_id == entity_id)
            .where(Mention.sentence == first)
            .order_by(Mention.start)
        )
    ).all()
    if not rows:
        return None
    sentence, offset = rows[0].text, rows[0].start
    spans = [(r.at - offset, r.end - offset) for r in rows]
    kept = tuple((a, b) for a, b in spans if 0 <= a < b <= len(sentence))
    return Passage(sentence, kept)


async def quote_passages(
    session: AsyncSession, article_id: int, quote_ids: builtins.list[int]
) -> builtins.list[Passage]:
    """See `AlertRepository.quote_passages`; in the caller's session."""
    if not quote_ids:
        return []
    rows = await session.execute(
        select(QuoteRow.text, QuoteRow.kind, QuoteRow.speaker_text, Entity.name)
        .outerjoin(Entity, Entity.id == QuoteRow.entity_id)
        .where(QuoteRow.article_id == article_id, QuoteRow.id.in_(quote_ids))
        .order_by(QuoteRow.sentence, QuoteRow.start, QuoteRow.id)
        .limit(QUOTES_SHOWN)
    )
    return [Passage(r.text, (), r.name or r.speaker_text, r.kind) for r in rows]


async def search_passage(
    session: AsyncSession, query: SearchQuery, article_id: int
) -> Passage | None:
    """See `AlertRepository.search_passage`: /search's own snippet, kept to one article."""
    found = await article_snippet(session, query, article_id)
    return None if found is None else Passage(*found)
