"""What the spike rule reads and writes: daily mentions, the cool-down, spike alert fires.

Days are publication days (`articles.published`), and only day-precise ones: an article dated
"March 2026" is stored as 1 March and would pile onto that day. Undated articles never count,
and a bulk import of old articles lands on the days they were published, not on the day it
ran, so it cannot make a name spike today (the ingestion day would).

Cost. One pass per kind over the mentions (term uses) of the 15 days' articles, found by date
(`ix_articles_published`) and then by article (`ix_mentions_article_sentence`, the key of
`article_terms`), grouped per name with a column per day; only the names used `min_count`
times in `min_articles` articles of the day come back. Going from a candidate to its mentions
instead would read every mention of a much-named one (1 s against 0.2 s on SQLite at 100,000
articles). Fifteen days of articles, not the corpus: no rollup is needed (docs/rising.md).

Cool-down. `spike_reports` holds, per guild (0: the command line), the last day each subject
was shown under "Rising". Spike alerts keep theirs in `alert_fires` ("spike:SUBJECT:DAY"),
each alert its own: an alert in one channel does not hide a name from the digest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
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
    of_day = select(Article.id).where(_dated(day, day))
    return (
        select(subject.label("subject"), *REF_COLUMNS)
        .join(Article, Article.id == Mention.article_id)
        .where(Mention.article_id.in_(of_day), Mention.entity_id.in_(ids))
        .group_by(Mention.entity_id, *REF_COLUMNS)
        .order_by(Mention.entity_id, func.count(Mention.id).desc(), Article.id)
    )


def _term_articles(day: date, terms: Sequence[str]) -> Query | None:
    """The day's articles using these terms, each term's most-using first."""
    if not terms:
        return None
    of_day = select(Article.id).where(_dated(day, day))
    return (
        select((literal("term:") + ArticleTerm.term).label("subject"), *REF_COLUMNS)
        .join(Article, Article.id == ArticleTerm.article_id)
        .where(ArticleTerm.article_id.in_(of_day), ArticleTerm.term.in_(terms))
        .order_by(ArticleTerm.term, ArticleTerm.count.desc(), Article.id)
    )


def _per_day(first: date, day: date, value: Any) -> list[Any]:
    """One column per day from `first` to `day`: the sum of `value` over that day's rows."""
    days = [first + timedelta(days=n) for n in range((day - first).days + 1)]
    return [
        func.coalesce(func.sum(case((Article.published == d, value), else_=0)), 0).label(f"d{n}")
        for n, d in enumerate(days)
    ]


def _of_day(day: date, article_id: Any) -> Any:
    """How many of the day's articles a group's rows come from."""
    return func.count(distinct(case((Article.published == day, article_id)))).label("articles")


async def _entity_series(
    session: AsyncSession, day: date, first: date, min_count: int, min_articles: int
) -> list[DailyMentions]:
    """People and organisations of the day's candidates, with their 15 days of mentions.

    One pass over the mentions of the period's articles (found by date, then by article):
    grouped per entity, a column per day, only the day's candidates kept. Reaching a
    candidate's mentions by entity instead would read every mention of a much-named one.
    """
    days = _per_day(first, day, 1)
    counts = (
        select(Mention.entity_id, *days, _of_day(day, Mention.article_id))
        .join(Article, Article.id == Mention.article_id)
        .where(_dated(first, day))
        .group_by(Mention.entity_id)
        .having(days[-1] >= min_count, _of_day(day, Mention.article_id) >= min_articles)
        .subquery()
    )
    columns = [counts.c[f"d{n}"] for n in range(len(days))]
    rows = await session.execute(
        select(Entity.id, Entity.name, Entity.kind, counts.c.articles, *columns)
        .join(counts, counts.c.entity_id == Entity.id)
        .where(Entity.kind.in_(ENTITY_KINDS))
        .order_by(Entity.id)
    )
    return [
        DailyMentions(
            entity_subject(key), name, ENTITY_KINDS[kind], tuple(map(int, series)), int(n)
        )
        for key, name, kind, n, *series in rows
    ]


async def _term_series(
    session: AsyncSession, day: date, first: date, min_count: int, min_articles: int
) -> list[DailyMentions]:
    """Terms of the day's candidates, with their 15 days of uses (one pass, as above)."""
    days = _per_day(first, day, ArticleTerm.count)
    rows = await session.execute(
        select(ArticleTerm.term, _of_day(day, ArticleTerm.article_id), *days)
        .join(Article, Article.id == ArticleTerm.article_id)
        .where(_dated(first, day))
        .group_by(ArticleTerm.term)
        .having(days[-1] >= min_count, _of_day(day, ArticleTerm.article_id) >= min_articles)
        .order_by(ArticleTerm.term)
    )
    return [
        DailyMentions(term_subject(term), term, "term", tuple(map(int, series)), int(n))
        for term, n, *series in rows
    ]
