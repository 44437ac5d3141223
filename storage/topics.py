"""What a topic means, the same in every command, and topic suggestions for autocomplete.

Resolution. A topic (a name, an alias or words) is matched by its key: casefolded, spaces
collapsed (`topic_key`, as `entity_aliases.alias_key`). It names the entities with that alias,
that canonical key, or (people) that surname (`topic_entities`: one UNION of three indexed
look-ups, never a scan). `/timeline` reads the events naming those entities (`topic_events`)
plus the events whose text holds every word; `/compare` and `/summary` read the articles
mentioning them (`topic_articles`) plus the articles using the key as a term. So `putin`
finds the same entities in `timeline`, `compare` and `summary`.

Suggestions: the content terms the corpus uses, most used first.

Entity names come from `storage.entity_lookup.EntityLookup.suggest`; this module adds the
terms of `article_terms` (the vocabulary `/compare` weighs), ranked by the articles using them.
Those counts are read from the `term_articles` rollup (one row per term, kept by
`storage.rollups`): grouping `article_terms` itself read ten million rows at 100,000 articles.
Prefixes shorter than `MIN_PREFIX` are not looked up: too unspecific to be worth a list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import CompoundSelect, Select, and_, case, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.entity_lookup import normalise, starts_with
from storage.models import ArticleTerm, Entity, EntityAlias, EventEntity, Mention, TermArticles

MIN_PREFIX = 2
SUGGEST_LIMIT = 25


def topic_key(topic: str) -> str:
    """How a topic is matched: casefolded, spaces collapsed (as `entity_aliases.alias_key`)."""
    return " ".join(topic.casefold().split())


def topic_entities(topic: str) -> CompoundSelect:
    """Ids of the entities a topic names: by any alias, canonical key, or a person's surname.

    Three indexed look-ups (`entity_aliases.alias_key`, the (key, kind) unique index, the
    (kind, surname) index) in one UNION: an OR over `entities` would read every entity.
    """
    key = topic_key(topic)
    by_alias = select(EntityAlias.entity_id.label("id")).where(EntityAlias.alias_key == key)
    by_key = select(Entity.id).where(Entity.key == key)
    by_surname = select(Entity.id).where(and_(Entity.kind == "person", Entity.surname == key))
    return by_alias.union(by_key, by_surname)


def topic_events(topic: str) -> Select[int]:
    """Ids of the events naming an entity the topic names (from `event_entities`' index)."""
    return select(EventEntity.event_id.label("id")).where(
        EventEntity.entity_id.in_(topic_entities(topic))
    )


def topic_articles(topic: str) -> CompoundSelect:
    """Ids of articles that mention an entity the topic names, or use its key as a term."""
    named = select(Mention.article_id).where(Mention.entity_id.in_(topic_entities(topic)))
    by_term = select(ArticleTerm.article_id).where(ArticleTerm.term == topic_key(topic))
    return named.union(by_term)


@dataclass(frozen=True)
class TermCount:
    """A content term and in how many articles it appears."""

    term: str
    articles: int


class TopicRepository:
    """Terms for topic autocomplete, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def terms(self, prefix: str, limit: int = SUGGEST_LIMIT) -> list[TermCount]:
        """Terms starting with the prefix: the exact term first, then by articles using them."""
        key = normalise(prefix)
        if len(key) < MIN_PREFIX:
            return []
        exact = case((TermArticles.term == key, 0), else_=1)
        query = (
            select(TermArticles.term, TermArticles.articles)
            .where(starts_with(TermArticles.term, key), TermArticles.articles > 0)
            .order_by(exact, TermArticles.articles.desc(), TermArticles.term)
            .limit(max(1, min(limit, SUGGEST_LIMIT)))
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [TermCount(term=row[0], articles=int(row[1])) for row in rows]
