"""Articles, entities and their lookups, as the ingest service and commands use them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import (
    ArticleRepository,
    find_exact_duplicate,
    insert_article,
    near_duplicate_candidates,
)
from storage.models import Entity, EntityAlias, Mention, Sentence
from storage.records import NewArticle, NewMention, NewQuote
from storage.stats import StatsRepository


def mention(text: str, key: str, name: str, kind: str = "person", surname: str = "") -> NewMention:
    return NewMention(
        key=key,
        kind=kind,
        name=name,
        text=text,
        sentence=0,
        start=0,
        end=len(text),
        surname=surname,
    )


def article(n: int, *mentions: NewMention, published: date | None = None, **extra) -> NewArticle:  # type: ignore[no-untyped-def]
    fields = {
        "source": f"samples/{n}.txt",
        "canonical_url": None,
        "title": f"Article {n}",
        "outlet": "The Week",
        "author": None,
        "published": published,
        "date_precision": "day" if published else "unknown",
        "date_source": "header" if published else "",
        "text": f"Body of article {n}. Putin met Pezeshkian.",
        "content_hash": f"hash{n}",
        "signature": b"\x00" * 8,
        "band_keys": (f"0:{n}", "1:shared"),
        "dropped": ((3, "Subscribe now", "subscribe prompt"),),
        "sentences": ((0, 0, 17, f"Body of article {n}."),),
        "mentions": mentions,
    }
    fields.update(extra)
    return NewArticle(**fields)  # type: ignore[arg-type]


PUTIN_FULL = mention(
    "Russian President Vladimir Putin", "vladimir putin", "Vladimir Putin", surname="putin"
)
PUTIN_BARE = mention("Putin", "putin", "Putin", surname="putin")


async def store(sessions: async_sessionmaker[AsyncSession], new: NewArticle) -> int:
    async with sessions.begin() as session:
        return await insert_article(session, new)


async def entity_keys(sessions: async_sessionmaker[AsyncSession]) -> list[str]:
    async with sessions() as session:
        return sorted((await session.scalars(select(Entity.key))).all())


async def test_article_roundtrip_keeps_metadata_and_dropped_lines(sessions) -> None:  # type: ignore[no-untyped-def]
    article_id = await store(sessions, article(1, PUTIN_FULL, published=date(2024, 10, 15)))
    detail = await ArticleRepository(sessions).get(article_id)
    assert detail is not None
    assert detail.summary.title == "Article 1"
    assert detail.summary.published == date(2024, 10, 15)
    assert detail.dropped == ((3, "Subscribe now", "subscribe prompt"),)
    assert detail.sentence_count == 1
    assert detail.top_entities == (("Vladimir Putin", "person", 1),)


async def test_bare_surname_joins_the_full_name_stored_earlier(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, article(1, PUTIN_FULL))
    await store(sessions, article(2, PUTIN_BARE))
    assert await entity_keys(sessions) == ["vladimir putin"]


async def test_full_name_adopts_a_bare_surname_stored_earlier(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, article(1, PUTIN_BARE))
    await store(sessions, article(2, PUTIN_FULL))
    assert await entity_keys(sessions) == ["vladimir putin"]
    async with sessions() as session:
        aliases = set((await session.scalars(select(EntityAlias.alias))).all())
        mentions = await session.scalar(select(func.count(Mention.id)))
    assert {"Putin", "Russian President Vladimir Putin", "Vladimir Putin"} <= aliases
    assert mentions == 2


async def test_ambiguous_surname_stays_apart(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(
        sessions,
        article(1, mention("Ali Khamenei", "ali khamenei", "Ali Khamenei", surname="khamenei")),
    )
    await store(
        sessions,
        article(
            2,
            mention("Mojtaba Khamenei", "mojtaba khamenei", "Mojtaba Khamenei", surname="khamenei"),
        ),
    )
    await store(
        sessions, article(3, mention("Khamenei", "khamenei", "Khamenei", surname="khamenei"))
    )
    assert await entity_keys(sessions) == ["ali khamenei", "khamenei", "mojtaba khamenei"]


async def test_quote_speaker_becomes_an_entity_without_a_mention(sessions) -> None:  # type: ignore[no-untyped-def]
    quote = NewQuote(
        text="truly ground-breaking",
        kind="partial",
        speaker_text="Putin",
        speaker_key="vladimir putin",
        speaker_kind="person",
        speaker_name="Vladimir Putin",
        speaker_surname="putin",
        cue="call",
        sentence=0,
        start=0,
        end=10,
    )
    await store(sessions, article(1, quotes=(quote,)))
    async with sessions() as session:
        entity = (await session.scalars(select(Entity))).one()
    assert (entity.key, entity.mention_count) == ("vladimir putin", 0)


async def test_duplicate_lookups(sessions) -> None:  # type: ignore[no-untyped-def]
    first = await store(sessions, article(1, canonical_url="https://example.com/a"))
    await store(sessions, article(2, band_keys=("0:other",)))
    async with sessions() as session:
        assert await find_exact_duplicate(session, "https://example.com/a", "nope") == first
        assert await find_exact_duplicate(session, None, "hash1") == first
        assert await find_exact_duplicate(session, None, "hash9") is None
        candidates = await near_duplicate_candidates(session, ("1:shared",))
    assert [c.id for c in candidates] == [first]


async def test_forget_removes_children(sessions) -> None:  # type: ignore[no-untyped-def]
    article_id = await store(sessions, article(1, PUTIN_FULL))
    repo = ArticleRepository(sessions)
    assert await repo.forget(article_id) is True
    assert await repo.forget(article_id) is False
    async with sessions() as session:
        assert await session.scalar(select(func.count(Sentence.id))) == 0
        assert await session.scalar(select(func.count(Mention.id))) == 0


async def test_list_orders_newest_first_undated_last(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, article(1))
    await store(sessions, article(2, published=date(2015, 11, 23)))
    await store(sessions, article(3, published=date(2024, 10, 15)))
    listed = await ArticleRepository(sessions).list()
    assert [a.title for a in listed] == ["Article 3", "Article 2", "Article 1"]


async def test_stats(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, article(1, PUTIN_FULL, mention("Moscow", "moscow", "Moscow", "place")))
    await store(sessions, article(2, PUTIN_BARE, published=date(2024, 10, 15)))
    stats = await StatsRepository(sessions).corpus()
    assert (stats.articles, stats.undated) == (2, 1)
    assert stats.first_published == stats.last_published == date(2024, 10, 15)
    assert stats.outlets == (("The Week", 2),)
    assert [(p.name, p.mentions, p.articles) for p in stats.people] == [("Vladimir Putin", 2, 2)]
    assert [p.name for p in stats.places] == ["Moscow"]
