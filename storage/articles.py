"""The article repository: store analysed articles, find duplicates, list and show them."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import rollups
from storage.entities import store_entities
from storage.models import (
    Article,
    ArticleBand,
    ArticleTerm,
    Entity,
    EventEntity,
    EventRow,
    Mention,
    QuoteRow,
    Sentence,
)
from storage.named_days import add_named_days, replace_named_days
from storage.records import (
    ArticleDetail,
    ArticleSummary,
    DuplicateCandidate,
    NewArticle,
    NewMention,
    NewQuote,
    as_utc,
)
from storage.records_cite import ArticleRef


def _summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        date_precision=article.date_precision,
        source=article.source,
        word_count=article.word_count,
        ingested_at=as_utc(article.ingested_at),
    )


async def find_exact_duplicate(
    session: AsyncSession, canonical_url: str | None, content_hash: str
) -> int | None:
    """The id of a stored article with the same canonical URL or the same cleaned text."""
    if canonical_url:
        found = await session.scalar(
            select(Article.id).where(Article.canonical_url == canonical_url)
        )
        if found is not None:
            return found
    return await session.scalar(select(Article.id).where(Article.content_hash == content_hash))


async def near_duplicate_candidates(
    session: AsyncSession, band_keys: tuple[str, ...]
) -> list[DuplicateCandidate]:
    """Stored articles sharing at least one LSH band: the only ones worth comparing."""
    if not band_keys:
        return []
    ids = select(ArticleBand.article_id).where(ArticleBand.band_key.in_(band_keys)).distinct()
    rows = await session.execute(select(Article.id, Article.signature).where(Article.id.in_(ids)))
    return [DuplicateCandidate(id=row.id, signature=row.signature) for row in rows]


async def insert_article(session: AsyncSession, new: NewArticle) -> int:
    """Write an article and everything found in it; the caller owns the transaction."""
    article = Article(
        source=new.source,
        canonical_url=new.canonical_url,
        title=new.title,
        outlet=new.outlet,
        author=new.author,
        published=new.published,
        date_precision=new.date_precision,
        date_source=new.date_source,
        text=new.text,
        word_count=len(new.text.split()),
        content_hash=new.content_hash,
        signature=new.signature,
        dropped=[list(row) for row in new.dropped],
        ingested_at=datetime.now(UTC),
    )
    session.add(article)
    await session.flush()
    await _insert_children(session, article.id, new)
    await rollups.add_article(session, article.id, new.published)
    return article.id


async def _bulk(session: AsyncSession, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """One executemany INSERT for many rows of a table (no ORM objects, no per-row flush)."""
    if rows:
        await session.execute(insert(model), rows)


async def _insert_children(session: AsyncSession, article_id: int, new: NewArticle) -> None:
    await _bulk(
        session,
        ArticleBand,
        [{"article_id": article_id, "band_key": k} for k in sorted(set(new.band_keys))],
    )
    await _bulk(
        session,
        Sentence,
        [
            {"article_id": article_id, "position": p, "start": s, "end": e, "text": t}
            for p, s, e, t in new.sentences
        ],
    )
    speakers = [
        (q.speaker_key, q.speaker_kind, q.speaker_name or q.speaker_key, q.speaker_surname)
        for q in new.quotes
        if q.speaker_key is not None
    ]
    entity_ids = await store_entities(session, new.mentions, speakers)
    await _bulk(session, Mention, [_mention_row(article_id, m, entity_ids) for m in new.mentions])
    await _bulk(session, QuoteRow, [_quote_row(article_id, q, entity_ids) for q in new.quotes])
    await _bulk(
        session,
        ArticleTerm,
        [{"article_id": article_id, "term": t, "count": n} for t, n in new.terms],
    )
    await add_named_days(session, {article_id: new.named_days})
    await _insert_events(session, article_id, new, entity_ids)


def _mention_row(
    article_id: int, m: NewMention, entity_ids: dict[tuple[str, str], int]
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "entity_id": entity_ids[(m.key, m.kind)],
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "text": m.text[:300],
    }


def _quote_row(
    article_id: int, q: NewQuote, entity_ids: dict[tuple[str, str], int]
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "entity_id": entity_ids.get((q.speaker_key, q.speaker_kind)) if q.speaker_key else None,
        "speaker_text": q.speaker_text[:300],
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "sentence": q.sentence,
        "start": q.start,
        "end": q.end,
    }


async def _insert_events(
    session: AsyncSession, article_id: int, new: NewArticle, entity_ids: dict[tuple[str, str], int]
) -> None:
    """Events and the entities each names (only entities the article mentions are linked).

    The events go in one INSERT … RETURNING (ids in input order), their links in one more.
    """
    if not new.events:
        return
    rows = [
        {
            "article_id": article_id,
            "date": event.date,
            "precision": event.precision,
            "expression": event.expression[:200],
            "sentence": event.sentence,
            "text": event.text,
        }
        for event in new.events
    ]
    returning = insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True)
    event_ids = list(await session.scalars(returning, rows))
    links = [
        {"event_id": event_id, "entity_id": entity_id}
        for event_id, event in zip(event_ids, new.events, strict=True)
        for entity_id in sorted({entity_ids[k] for k in event.entity_keys if k in entity_ids})
    ]
    await _bulk(session, EventEntity, links)


class ArticleRepository:
    """Read access to stored articles, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def count(self) -> int:
        """How many articles are stored."""
        async with self._sessions() as session:
            return int(await session.scalar(select(func.count(Article.id))) or 0)

    async def exists(self, article_id: int) -> bool:
        """Whether an article has this number (one primary-key probe, no text read)."""
        async with self._sessions() as session:
            found = await session.scalar(select(Article.id).where(Article.id == article_id))
            return found is not None

    async def list(self, limit: int = 50, offset: int = 0) -> list[ArticleSummary]:
        """Articles newest publication first, undated last, ties by id."""
        query = (
            select(Article)
            .order_by(Article.published.is_(None), Article.published.desc(), Article.id)
            .limit(limit)
            .offset(offset)
        )
        async with self._sessions() as session:
            return [_summary(a) for a in (await session.scalars(query))]

    async def get(self, article_id: int) -> ArticleDetail | None:
        """One article with its text, dropped lines and most mentioned entities."""
        async with self._sessions() as session:
            article = await session.get(Article, article_id)
            if article is None:
                return None
            sentences = await session.scalar(
                select(func.count(Sentence.id)).where(Sentence.article_id == article_id)
            )
            top = await session.execute(
                select(Entity.name, Entity.kind, func.count(Mention.id).label("n"))
                .join(Mention, Mention.entity_id == Entity.id)
                .where(Mention.article_id == article_id)
                .group_by(Entity.id, Entity.name, Entity.kind)
                .order_by(func.count(Mention.id).desc(), Entity.name)
                .limit(8)
            )
            return ArticleDetail(
                summary=_summary(article),
                canonical_url=article.canonical_url,
                date_source=article.date_source,
                text=article.text,
                dropped=tuple((int(r[0]), str(r[1]), str(r[2])) for r in article.dropped),  # type: ignore[call-overload]
                sentence_count=int(sentences or 0),
                top_entities=tuple((r.name, r.kind, int(r.n)) for r in top),
            )

    async def fix(
        self,
        article_id: int,
        named_days: Callable[[str, date | None], Iterable[date]] | None = None,
        **changes: object,
    ) -> ArticleSummary | None:
        """Correct metadata by hand (title, outlet, author, published, date_precision); with a
        new publication date, `named_days` reads the days the text names again (a yearless day
        takes the publication year), in the same transaction."""
        allowed = {"title", "outlet", "author", "published", "date_precision"}
        if set(changes) - allowed:
            raise ValueError(f"cannot fix {sorted(set(changes) - allowed)}")
        async with self._sessions.begin() as session:
            article = await session.get(Article, article_id)
            if article is None:
                return None
            before = article.published
            for name, value in changes.items():
                setattr(article, name, value)
            if "published" in changes:
                article.date_source = "fixed by hand" if changes["published"] else ""
                await rollups.move_article(session, article_id, before, article.published)
                if named_days is not None:
                    days = tuple(named_days(article.text, article.published))
                    await replace_named_days(session, {article_id: days})
            await session.flush()
            return _summary(article)

    async def titles(self, prefix: str, limit: int = 25) -> builtins.list[ArticleSummary]:
        """Articles whose title contains the text, newest first (autocomplete)."""
        query = select(Article).order_by(Article.published.desc(), Article.id.desc()).limit(limit)
        if prefix.strip():
            query = query.where(Article.title.ilike(f"%{prefix.strip()}%"))
        async with self._sessions() as session:
            return [_summary(a) for a in await session.scalars(query)]

    async def forget(self, article_id: int) -> bool:
        """Delete an article and everything found in it; False when there was none."""
        async with self._sessions.begin() as session:
            published = await session.scalar(
                select(Article.published).where(Article.id == article_id)
            )
            await rollups.take_article(session, article_id, published)
            result = await session.execute(delete(Article).where(Article.id == article_id))
            return bool(result.rowcount)  # type: ignore[attr-defined]


REF_COLUMNS = (
    Article.id,
    Article.title,
    Article.outlet,
    Article.published,
    Article.date_precision,
    Article.canonical_url,
    Article.source,
)


def ref_from_row(row: Any) -> ArticleRef:
    """A citation from a row selected with REF_COLUMNS, or from an `Article` itself."""
    return ArticleRef(
        id=row.id,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        date_precision=row.date_precision,
        url=row.canonical_url,
        source=row.source,
    )


async def article_refs(session: AsyncSession, ids: Iterable[int]) -> dict[int, ArticleRef]:
    """Citations for many articles in one query."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await session.execute(select(*REF_COLUMNS).where(Article.id.in_(wanted)))
    return {row.id: ref_from_row(row) for row in rows}
