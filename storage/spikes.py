"""What the spike rule reads and writes: daily mentions, the cool-down, spike alert fires.

Days are publication days (`articles.published`), and only day-precise ones: an article dated
"March 2026" is stored as 1 March and would pile onto that day. Undated articles never count,
and a bulk import of old articles lands on the days they were published, not on the day it
ran, so it cannot make a name spike today (the ingestion day would).

Cost. Counting starts from the articles of the day (`ix_articles_published`): the names used
at least `min_count` times in at least `min_articles` of them are the candidates, and only
their mentions in the days before are counted, reached through the articles of those days
(`ix_mentions_article_sentence`, `article_terms`' key). Fifteen days of articles, not the
corpus: no rollup is needed (docs/rising.md has the figures at 100,000 articles).

Cool-down. `spike_reports` holds, per guild (0: the command line), the last day each subject
was shown under "Rising". Spike alerts keep theirs in `alert_fires` ("spike:SUBJECT:DAY"),
each alert its own: an alert in one channel does not hide a name from the digest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import REF_COLUMNS, ref_from_row
from storage.entities import dialect_insert
from storage.models import Alert, AlertFire, Article, ArticleTerm, Entity, Mention, SpikeReport
from storage.outbox import OutboxRepository
from storage.records_cite import ArticleRef

SPIKE_ALERT = "spike_alert"  # the outbox kind
SPIKES = "spikes"  # alerts.kind of a spike alert
ENTITY_KINDS = {"person": "person", "org": "organisation"}  # stored kind -> the rule's kind


@dataclass(frozen=True)
class DailyMentions:
    """A subject's mentions per publication day, oldest first (the last is the day's)."""

    subject: str  # "entity:ID" | "term:WORD"
    name: str
    kind: str  # person | organisation | term
    counts: tuple[int, ...]
    articles: int  # articles of the day naming it


@dataclass(frozen=True)
class DayCounts:
    """The candidates of a day with their series, and how many days before it had articles."""

    day: date
    history_days: int
    subjects: tuple[DailyMentions, ...]


@dataclass(frozen=True)
class SpikeAlert:
    """A guild's `/alert add spikes`: where its cards go and whom they ping."""

    alert_id: int
    guild_id: int
    channel_id: int
    role_id: int | None


@dataclass(frozen=True)
class SpikeNotice:
    """One spike as an alert card tells it (the `spike_alert` body, less the alert's fields)."""

    subject: str
    name: str
    kind: str
    day: date
    today: int
    baseline: float


Cooling = Callable[[date, Iterable[date]], bool]
Query = Select[*tuple[Any, ...]]


def entity_subject(entity_id: int) -> str:
    """`entity:45`."""
    return f"entity:{entity_id}"


def term_subject(term: str) -> str:
    """`term:ceasefire`."""
    return f"term:{term}"


def fire_subject(subject: str, day: date) -> str:
    """The `alert_fires` subject of a spike: `spike:entity:45:2026-12-05`."""
    return f"spike:{subject}:{day.isoformat()}"


def _dated(first: date, last: date) -> ColumnElement[bool]:
    """Articles published on a day from `first` to `last`, to the day."""
    return and_(
        Article.published >= first, Article.published <= last, Article.date_precision == "day"
    )


def notice_body(alert: SpikeAlert, notice: SpikeNotice) -> dict[str, object]:
    """The `spike_alert` outbox body (docs: DESIGN's outbox kinds)."""
    return {
        "alert_id": alert.alert_id,
        "subject": notice.subject,
        "name": notice.name,
        "kind": notice.kind,
        "day": notice.day.isoformat(),
        "today": notice.today,
        "baseline": round(notice.baseline, 2),
        "role_id": alert.role_id,
    }


class SpikeRepository:
    """Daily counts, the per-guild cool-down and spike alert fires; one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._outbox = OutboxRepository(sessions)

    # -- counts ----------------------------------------------------------------------------
    async def daily_counts(
        self, day: date, *, before: int, min_count: int, min_articles: int
    ) -> DayCounts:
        """Names used `min_count`+ times in `min_articles`+ articles of `day`, each with its
        mentions on the `before` days before and on the day."""
        first = day - timedelta(days=before)
        async with self._sessions() as session:
            history = await session.scalar(
                select(func.count(distinct(Article.published))).where(
                    _dated(first, day - timedelta(days=1))
                )
            )
            entities = await _entity_series(session, day, first, min_count, min_articles)
            terms = await _term_series(session, day, first, min_count, min_articles)
        return DayCounts(day, int(history or 0), tuple(entities + terms))

    async def day_articles(
        self, day: date, subjects: Sequence[str], limit: int
    ) -> dict[str, list[ArticleRef]]:
        """Up to `limit` articles of `day` naming each subject, those naming it most first."""
        ids = [int(s.split(":", 1)[1]) for s in subjects if s.startswith("entity:")]
        terms = [s.split(":", 1)[1] for s in subjects if s.startswith("term:")]
        found: dict[str, list[ArticleRef]] = defaultdict(list)
        async with self._sessions() as session:
            for query in _entity_articles(day, ids), _term_articles(day, terms):
                if query is not None:
                    for row in await session.execute(query):
                        found[row.subject].append(ref_from_row(row))
        return {subject: refs[:limit] for subject, refs in found.items()}

    # -- the digest's cool-down ------------------------------------------------------------
    async def reported(self, guild_id: int, subjects: Iterable[str]) -> dict[str, date]:
        """The day each of these subjects was last shown under "Rising" for the guild."""
        wanted = sorted(set(subjects))
        if not wanted:
            return {}
        query = select(SpikeReport.subject, SpikeReport.day).where(
            SpikeReport.guild_id == guild_id, SpikeReport.subject.in_(wanted)
        )
        async with self._sessions() as session:
            return {row.subject: row.day for row in await session.execute(query)}

    async def record(self, guild_id: int, day: date, subjects: Iterable[str]) -> None:
        """Note these subjects as shown on `day` for the guild (a later day is never undone)."""
        rows = [{"guild_id": guild_id, "subject": s, "day": day} for s in sorted(set(subjects))]
        if not rows:
            return
        async with self._sessions.begin() as session:
            insert = dialect_insert(session)(SpikeReport)
            later = case(
                (insert.excluded.day > SpikeReport.day, insert.excluded.day),
                else_=SpikeReport.day,
            )
            stmt = insert.values(rows).on_conflict_do_update(
                index_elements=["guild_id", "subject"], set_={"day": later}
            )
            await session.execute(stmt)

    # -- spike alerts ----------------------------------------------------------------------
    async def spike_alerts(self) -> list[SpikeAlert]:
        """Every `spikes` alert of every guild (usually none: then nothing else is read)."""
        query = (
            select(Alert.id, Alert.guild_id, Alert.channel_id, Alert.role_id)
            .where(Alert.kind == SPIKES)
            .order_by(Alert.id)
        )
        async with self._sessions() as session:
            return [SpikeAlert(*row) for row in await session.execute(query)]

    async def fire(
        self,
        alert: SpikeAlert,
        notices: Sequence[SpikeNotice],
        *,
        cooling: Cooling,
        per_day: int,
        now: datetime,
    ) -> int:
        """Write an alert fire and a `spike_alert` outbox row for each notice, in order, that
        the alert has not told yet: not that subject on that day (the fire's key), not one
        `cooling` says is too close to a day it was told, and at most `per_day` a day.

        One transaction per alert, which first locks the alert's row: two processes firing
        at once take turns, and the second sees what the first wrote. Returns rows written.
        """
        if not notices:
            return 0
        async with self._sessions.begin() as session:
            lock = update(Alert).where(Alert.id == alert.alert_id).values(label=Alert.label)
            if (await session.execute(lock)).rowcount == 0:  # type: ignore[attr-defined]
                return 0  # removed meanwhile
            told, per = await _told(session, alert.alert_id, notices)
            written = 0
            for notice in notices:
                days = told[notice.subject]
                if notice.day in days or per[notice.day] >= per_day:
                    continue
                if cooling(notice.day, days):
                    continue
                if await self._fire_once(session, alert, notice, now):
                    written += 1
                    days.add(notice.day)
                    per[notice.day] += 1
        return written

    async def _fire_once(
        self, session: AsyncSession, alert: SpikeAlert, notice: SpikeNotice, now: datetime
    ) -> bool:
        """Insert the fire; when it is new, its outbox row too. False when it was there."""
        insert = dialect_insert(session)
        stmt = (
            insert(AlertFire)
            .values(
                alert_id=alert.alert_id,
                subject=fire_subject(notice.subject, notice.day),
                fired_at=now.astimezone(UTC),
            )
            .on_conflict_do_nothing(index_elements=["alert_id", "subject"])
            .returning(AlertFire.alert_id)
        )
        if (await session.scalar(stmt)) is None:
            return False
        await self._outbox.add(
            SPIKE_ALERT,
            alert.guild_id,
            alert.channel_id,
            notice_body(alert, notice),
            session=session,
        )
        return True


async def _told(
    session: AsyncSession, alert_id: int, notices: Sequence[SpikeNotice]
) -> tuple[defaultdict[str, set[date]], defaultdict[date, int]]:
    """The days this alert told each notice's subject, and how many spikes it told per day."""
    prefixes = sorted({f"spike:{n.subject}:" for n in notices})
    suffixes = sorted({f":{n.day.isoformat()}" for n in notices})
    matches = or_(
        *(AlertFire.subject.startswith(p, autoescape=True) for p in prefixes),
        *(AlertFire.subject.endswith(s, autoescape=True) for s in suffixes),
    )
    rows = await session.scalars(
        select(AlertFire.subject).where(AlertFire.alert_id == alert_id, matches)
    )
    told: defaultdict[str, set[date]] = defaultdict(set)
    per: defaultdict[date, int] = defaultdict(int)
    for subject in rows:
        rest, _, day_text = subject.removeprefix("spike:").rpartition(":")
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            continue  # not a spike fire
        told[rest].add(day)
        per[day] += 1
    return told, per


def _entity_articles(day: date, ids: Sequence[int]) -> Query | None:
    """The day's articles naming these entities, each entity's most-naming first."""
    if not ids:
        return None
    subject = literal("entity:") + cast(Mention.entity_id, String)
    return (
        select(subject.label("subject"), *REF_COLUMNS)
        .join(Article, Article.id == Mention.article_id)
        .where(_dated(day, day), Mention.entity_id.in_(ids))
        .group_by(Mention.entity_id, *REF_COLUMNS)
        .order_by(Mention.entity_id, func.count(Mention.id).desc(), Article.id)
    )


def _term_articles(day: date, terms: Sequence[str]) -> Query | None:
    """The day's articles using these terms, each term's most-using first."""
    if not terms:
        return None
    return (
        select((literal("term:") + ArticleTerm.term).label("subject"), *REF_COLUMNS)
        .join(Article, Article.id == ArticleTerm.article_id)
        .where(_dated(day, day), ArticleTerm.term.in_(terms))
        .order_by(ArticleTerm.term, ArticleTerm.count.desc(), Article.id)
    )


def _series(
    first: date, before: int, named: dict[Any, DailyMentions], daily: Iterable[Any]
) -> list[DailyMentions]:
    """Fill each candidate's counts from (key, day, count) rows of the days up to the day."""
    counts = {key: [0] * (before + 1) for key in named}
    for key, day, count in daily:
        counts[key][(day - first).days] += int(count)
    return [replace(found, counts=tuple(counts[key])) for key, found in named.items()]


async def _entity_series(
    session: AsyncSession, day: date, first: date, min_count: int, min_articles: int
) -> list[DailyMentions]:
    mentions, articles = func.count(Mention.id), func.count(distinct(Mention.article_id))
    of_day = (
        select(Entity.id, Entity.name, Entity.kind, articles)
        .join(Mention, Mention.entity_id == Entity.id)
        .join(Article, Article.id == Mention.article_id)
        .where(_dated(day, day), Entity.kind.in_(ENTITY_KINDS))
        .group_by(Entity.id, Entity.name, Entity.kind)
        .having(mentions >= min_count, articles >= min_articles)
    )
    before = (day - first).days
    named = {
        key: DailyMentions(entity_subject(key), name, ENTITY_KINDS[kind], (0,) * (before + 1), n)
        for key, name, kind, n in await session.execute(of_day.order_by(Entity.id))
    }
    if not named:
        return []
    daily = await session.execute(
        select(Mention.entity_id, Article.published, mentions)
        .join(Article, Article.id == Mention.article_id)
        .where(_dated(first, day), Mention.entity_id.in_(of_day.with_only_columns(Entity.id)))
        .group_by(Mention.entity_id, Article.published)
    )
    return _series(first, before, named, daily)


async def _term_series(
    session: AsyncSession, day: date, first: date, min_count: int, min_articles: int
) -> list[DailyMentions]:
    uses, articles = func.sum(ArticleTerm.count), func.count(ArticleTerm.article_id)
    of_day = (
        select(ArticleTerm.term, articles)
        .join(Article, Article.id == ArticleTerm.article_id)
        .where(_dated(day, day))
        .group_by(ArticleTerm.term)
        .having(uses >= min_count, articles >= min_articles)
    )
    before = (day - first).days
    named = {
        term: DailyMentions(term_subject(term), term, "term", (0,) * (before + 1), n)
        for term, n in await session.execute(of_day.order_by(ArticleTerm.term))
    }
    if not named:
        return []
    daily = await session.execute(
        select(ArticleTerm.term, Article.published, uses)
        .join(Article, Article.id == ArticleTerm.article_id)
        .where(_dated(first, day), ArticleTerm.term.in_(of_day.with_only_columns(ArticleTerm.term)))
        .group_by(ArticleTerm.term, Article.published)
    )
    return _series(first, before, named, daily)
