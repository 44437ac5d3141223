"""Alerts fired by a newly stored article, written in the transaction that stored it.

Called by `storage.jobs` when a job ends done, after `insert_article` wrote the article, its
mentions, quotes and full-text row (an SQLite trigger, a PostgreSQL generated column) in the
same transaction: every alert the article matches gets one `alert_fires` row and, only when that
row is new, one `alert` outbox row. The fire's primary key (alert, "article:ID") is what makes an
alert fire once per article across restarts and processes.

Matching: an entity alert when the article mentions the entity; a quotes alert when it holds
quotes whose speaker is the entity; a search alert when /search of its query finds the article
(the same FTS5 expression or tsquery, tested on this article's row alone). Spike alerts fire
from the spike watch, never here. With no alert set anywhere this is one query on the kind index.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.alerts import ENTITY, QUOTES, SEARCH
from storage.entities import dialect_insert
from storage.models import Alert, AlertFire, Mention, OutboxMessage, QuoteRow
from storage.search import SearchQueryError, matches_article, parse_query

log = logging.getLogger(__name__)

ALERT = "alert"  # the outbox kind a fire writes


def article_subject(article_id: int) -> str:
    """The fire's subject for an article: an alert fires once per subject."""
    return f"article:{article_id}"


async def fire_alerts(session: AsyncSession, article_id: int) -> int:
    """Fire the alerts a just-stored article matches; returns how many fired."""
    alerts = (
        await session.execute(
            select(
                Alert.id,
                Alert.guild_id,
                Alert.channel_id,
                Alert.role_id,
                Alert.kind,
                Alert.label,
                Alert.entity_id,
                Alert.query,
            ).where(Alert.kind.in_((ENTITY, QUOTES, SEARCH)))
        )
    ).all()
    if not alerts:
        return 0
    fired = 0
    for alert, extra in await _matching(session, article_id, alerts):
        fired += await _fire(session, alert, article_id, extra)
    if fired:
        log.info("article %s fired %d alert(s)", article_id, fired)
    return fired


Found = list[tuple[Any, dict[str, object]]]  # (alert row, what its outbox body adds)


async def _matching(session: AsyncSession, article_id: int, alerts: Sequence[Any]) -> Found:
    """The alerts the article matches, each with what its outbox body adds."""
    found: Found = []
    watched = {a.entity_id for a in alerts if a.kind == ENTITY and a.entity_id is not None}
    if watched:
        named = set(
            await session.scalars(
                select(Mention.entity_id)
                .where(Mention.article_id == article_id, Mention.entity_id.in_(watched))
                .distinct()
            )
        )
        found += [(a, {}) for a in alerts if a.kind == ENTITY and a.entity_id in named]
    speakers = {a.entity_id for a in alerts if a.kind == QUOTES and a.entity_id is not None}
    if speakers:
        quotes: dict[int | None, list[int]] = {}
        rows = await session.execute(
            select(QuoteRow.id, QuoteRow.entity_id)
            .where(QuoteRow.article_id == article_id, QuoteRow.entity_id.in_(speakers))
            .order_by(QuoteRow.id)
        )
        for quote_id, speaker in rows:
            quotes.setdefault(speaker, []).append(quote_id)
        found += [
            (a, {"quote_ids": quotes[a.entity_id]})
            for a in alerts
            if a.kind == QUOTES and a.entity_id in quotes
        ]
    matched = await _queries_matching(session, article_id, alerts)
    found += [(a, {}) for a in alerts if a.kind == SEARCH and a.query in matched]
    return found


async def _queries_matching(
    session: AsyncSession, article_id: int, alerts: Sequence[Any]
) -> set[str]:
    """The search alerts' queries (each tested once) that find the article."""
    matched: set[str] = set()
    for raw in sorted({a.query for a in alerts if a.kind == SEARCH and a.query}):
        try:
            query = parse_query(raw)
        except SearchQueryError:  # stored when valid; a later rule may refuse it: skip, say so
            log.warning("search alert query %r no longer parses; skipped", raw)
            continue
        if await matches_article(session, query, article_id):
            matched.add(raw)
    return matched


async def _fire(
    session: AsyncSession, alert: Any, article_id: int, extra: dict[str, object]
) -> int:
    """Record the fire and, when it is new, its outbox row; 1 when it fired now, else 0."""
    now = datetime.now(UTC)
    new = await session.scalar(
        dialect_insert(session)(AlertFire)
        .values(alert_id=alert.id, subject=article_subject(article_id), fired_at=now)
        .on_conflict_do_nothing()
        .returning(AlertFire.alert_id)
    )
    if new is None:
        return 0
    body: dict[str, object] = {
        "alert_id": alert.id,
        "label": alert.label,
        "kind": alert.kind,
        "article_id": article_id,
        "role_id": alert.role_id,
        "entity_id": alert.entity_id,
        **extra,
    }
    if alert.kind == QUOTES:
        body.setdefault("quote_ids", [])
    await session.execute(
        insert(OutboxMessage).values(
            kind=ALERT,
            guild_id=alert.guild_id,
            channel_id=alert.channel_id,
            message_id=None,
            job_id=None,
            body=body,
            created_at=now,
            attempts=0,
        )
    )
    return 1
