"""Watchlist alerts in storage, on SQLite and PostgreSQL: once per article, /search's semantics."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.alert_fires import ALERT, fire_alerts
from storage.alerts import (
    ENTITY,
    QUOTES,
    SEARCH,
    SPIKES,
    AlertExistsError,
    AlertRepository,
    Passage,
    search_passage,
)
from storage.articles import insert_article
from storage.jobs import DONE, JobQueue
from storage.models import AlertFire, Entity, OutboxMessage, QuoteRow
from storage.records import NewArticle, NewMention, NewQuote
from storage.search import SearchRepository, matches_article, parse_query
from tests.storage.test_search import corpus, new_article

Sessions = async_sessionmaker[AsyncSession]
GUILD, OTHER_GUILD, NEWS, DESK = 1, 2, 10, 11
PUTIN_SAYS = "“We will not back down,” Putin said."
PUTIN = "vladimir putin"
BODY = f"Vladimir Putin met Iran's president in Moscow about sanctions. {PUTIN_SAYS}"


def putin_article(n: int, body: str = BODY, *, quoted: bool = True) -> NewArticle:
    """An article naming Putin in its first two sentences (and quoting him when `quoted`)."""
    first = body.index(".") + 1
    sentences = ((0, 0, first, body[:first]), (1, first + 1, len(body), body[first + 1 :]))
    at = body.index("Putin said")
    mentions = (
        NewMention(PUTIN, "person", "Vladimir Putin", "Vladimir Putin", 0, 0, 14),
        NewMention(PUTIN, "person", "Vladimir Putin", "Putin", 1, at, at + 5),
    )
    quote = NewQuote(
        "We will not back down", "direct", "Putin", PUTIN, "person",
        "Vladimir Putin", "putin", "said", 1, first + 2, first + 24,
    )  # fmt: skip
    base = new_article(n, f"Article {n}", body, date(2026, 12, 4))
    changes = {"sentences": sentences, "mentions": mentions, "quotes": (quote,) if quoted else ()}
    return NewArticle(**{**vars(base), **changes})


async def store_and_fire(sessions: Sessions, article: NewArticle) -> tuple[int, int]:
    """Store an article and fire its alerts in one transaction, as a job's end does."""
    async with sessions.begin() as session:
        article_id = await insert_article(session, article)
        return article_id, await fire_alerts(session, article_id)


async def entity_id(sessions: Sessions, key: str) -> int:
    async with sessions() as session:
        found = await session.scalar(select(Entity.id).where(Entity.key == key))
        assert found is not None
        return found


async def alert_rows(sessions: Sessions) -> list[OutboxMessage]:
    async with sessions() as session:
        query = select(OutboxMessage).where(OutboxMessage.kind == ALERT).order_by(OutboxMessage.id)
        return list(await session.scalars(query))


async def test_a_channel_watches_a_thing_once(sessions: Sessions) -> None:
    await store_and_fire(sessions, putin_article(1))
    putin = await entity_id(sessions, "vladimir putin")
    repo = AlertRepository(sessions)
    first = await repo.add(GUILD, NEWS, ENTITY, "Vladimir Putin", entity_id=putin, role_id=5)
    assert (first.name, first.entity_kind, first.role_id, first.label) == (
        "Vladimir Putin", "person", 5, "Vladimir Putin",
    )  # fmt: skip
    with pytest.raises(AlertExistsError) as refused:  # the same entity, typed another way
        await repo.add(GUILD, NEWS, ENTITY, "putin", entity_id=putin)
    assert refused.value.existing == first
    await repo.add(GUILD, NEWS, QUOTES, "quotes:Vladimir Putin", entity_id=putin)
    await repo.add(GUILD, DESK, ENTITY, "Vladimir Putin", entity_id=putin)
    await repo.add(OTHER_GUILD, NEWS, ENTITY, "Vladimir Putin", entity_id=putin)
    await repo.add(GUILD, NEWS, SEARCH, "sanctions", query="sanctions")
    with pytest.raises(AlertExistsError):
        await repo.add(GUILD, NEWS, SEARCH, "sanctions", query="sanctions")
    await repo.add(GUILD, NEWS, SPIKES, "spikes")
    with pytest.raises(AlertExistsError):
        await repo.add(GUILD, NEWS, SPIKES, "spikes")
    mine = await repo.list(GUILD)
    assert [(a.kind, a.channel_id) for a in mine] == [
        (ENTITY, NEWS), (QUOTES, NEWS), (ENTITY, DESK), (SEARCH, NEWS), (SPIKES, NEWS),
    ]  # fmt: skip
    assert len(await repo.list()) == 6
    assert await repo.remove(first.id, guild_id=OTHER_GUILD) is None  # not that guild's
    assert await repo.remove(first.id, guild_id=GUILD) == first
    assert await repo.get(first.id) is None
    assert await repo.remove(first.id) is None


async def test_each_matching_alert_fires_once_per_article(sessions: Sessions) -> None:
    _, fired = await store_and_fire(sessions, putin_article(1))  # before any alert: nothing
    assert fired == 0
    putin = await entity_id(sessions, "vladimir putin")
    repo = AlertRepository(sessions)
    named = await repo.add(GUILD, NEWS, ENTITY, "Vladimir Putin", entity_id=putin, role_id=7)
    quotes = await repo.add(GUILD, DESK, QUOTES, "quotes:Vladimir Putin", entity_id=putin)
    searched = await repo.add(
        OTHER_GUILD, NEWS, SEARCH, "moscow sanctions", query="moscow sanctions"
    )
    await repo.add(GUILD, NEWS, SEARCH, "embargo", query="embargo")  # matches nothing
    await repo.add(GUILD, NEWS, SEARCH, "sanctions -moscow", query="sanctions -moscow")
    await repo.add(GUILD, NEWS, SPIKES, "spikes")  # never fires from an article
    article_id, fired = await store_and_fire(sessions, putin_article(2))
    assert fired == 3
    async with sessions.begin() as session:  # a second run (a redelivered end): nothing new
        assert await fire_alerts(session, article_id) == 0
    rows = await alert_rows(sessions)
    assert [(r.guild_id, r.channel_id, r.message_id, r.job_id) for r in rows] == [
        (GUILD, NEWS, None, None), (GUILD, DESK, None, None), (OTHER_GUILD, NEWS, None, None),
    ]  # fmt: skip
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AlertFire)) == 3
    bodies = [r.body for r in rows]
    assert bodies[0] == {
        "alert_id": named.id, "label": "Vladimir Putin", "kind": ENTITY,
        "article_id": article_id, "role_id": 7, "entity_id": putin,
    }  # fmt: skip
    assert bodies[1]["alert_id"] == quotes.id and bodies[1]["kind"] == QUOTES
    assert len(bodies[1]["quote_ids"]) == 1 and bodies[1]["role_id"] is None
    assert bodies[2] == {
        "alert_id": searched.id, "label": "moscow sanctions", "kind": SEARCH,
        "article_id": article_id, "role_id": None, "entity_id": None,
    }  # fmt: skip
    unquoted, fired = await store_and_fire(sessions, putin_article(3, quoted=False))
    assert fired == 2  # named and searched; no quotes in it
    assert [r.body["article_id"] for r in await alert_rows(sessions)][3:] == [unquoted] * 2


async def test_a_job_ending_done_fires_in_its_own_transaction(sessions: Sessions) -> None:
    repo = AlertRepository(sessions)
    await repo.add(GUILD, NEWS, SEARCH, "sanctions", query="sanctions")
    queue = JobQueue(sessions)
    job = await queue.enqueue("file:a.txt", "file", {"path": "a.txt"})
    [claimed] = await queue.claim()
    assert claimed.id == job.id
    async with sessions.begin() as session:
        article_id = await insert_article(session, putin_article(1))
        assert await queue.finish(job.id, DONE, article_id=article_id, session=session)
    assert not await queue.finish(job.id, DONE, article_id=article_id)  # ended once
    [row] = await alert_rows(sessions)
    assert row.body["article_id"] == article_id


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements run on the engine meanwhile."""
    statements: list[str] = []

    def note(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", note)


async def test_no_alerts_cost_one_query(engine: AsyncEngine, sessions: Sessions) -> None:
    await AlertRepository(sessions).add(GUILD, NEWS, SPIKES, "spikes")
    async with sessions.begin() as session:
        article_id = await insert_article(session, putin_article(1))
        with counted(engine) as statements:
            assert await fire_alerts(session, article_id) == 0
    assert len(statements) == 1
    assert "alerts.kind IN" in statements[0]


QUERIES = [
    "sanctions",
    "nuclear deal",
    '"nuclear deal"',
    "treaty OR embargo",
    "iran treaty OR embargo",
    "iran -treaty",
    "U.S.",
    "al-Assad",
    "moscow",
    "signed",
    "sanction",
    "nothing-like-this",
]


@pytest.mark.parametrize("raw", QUERIES)
async def test_a_search_alert_matches_what_search_finds(sessions: Sessions, raw: str) -> None:
    ids = await corpus(sessions)
    query = parse_query(raw)
    page = await SearchRepository(sessions).search(query, limit=50)
    hits = {hit.article.id: hit for hit in page.hits}
    async with sessions() as session:
        for article_id in range(min(ids.values()), max(ids.values()) + 3):
            matches = await matches_article(session, query, article_id)
            assert matches == (article_id in hits), (raw, article_id)
            passage = await search_passage(session, query, article_id)
            if article_id in hits:  # the card shows /search's own snippet for it
                hit = hits[article_id]
                assert passage == Passage(hit.snippet, hit.highlights)
            else:
                assert passage is None


async def test_the_passages_a_card_shows(sessions: Sessions) -> None:
    article_id, _ = await store_and_fire(sessions, putin_article(1))
    putin = await entity_id(sessions, "vladimir putin")
    repo = AlertRepository(sessions)
    named = await repo.mention_passage(article_id, putin)
    assert named == Passage(BODY[: BODY.index(".") + 1], ((0, 14),))
    assert await repo.mention_passage(article_id, putin + 1000) is None
    async with sessions() as session:
        quote_ids = list(await session.scalars(select(QuoteRow.id)))
    [quote] = await repo.quote_passages(article_id, quote_ids)
    assert quote == Passage("We will not back down", (), "Vladimir Putin", "direct")
    assert await repo.quote_passages(article_id + 1, quote_ids) == []
    found = await repo.search_passage(parse_query("moscow"), article_id)
    assert found is not None
    assert found.text[slice(*found.highlights[0])].lower() == "moscow"
