"""Writes canonical entities: one row per person, organisation or place across the whole corpus.

Within an article the analysis layer already folded "Putin" onto "Vladimir Putin". Across articles
this module applies the same surname rule against what is stored: a bare surname joins the one
stored full name that ends with it, and a full name adopts a bare-surname row stored earlier.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Entity, EntityAlias
from storage.records import NewMention

PERSON = "person"


def dialect_insert(session: AsyncSession) -> Any:
    """The INSERT construct of the session's dialect, for ON CONFLICT clauses."""
    bind = session.get_bind()
    return pg_insert if bind.dialect.name == "postgresql" else sqlite_insert


def surname(key: str) -> str:
    """The last word of a person key: how a later bare mention ("putin") finds its full name."""
    return key.rsplit(" ", 1)[-1]


async def _find(session: AsyncSession, key: str, kind: str) -> Entity | None:
    result = await session.execute(select(Entity).where(Entity.key == key, Entity.kind == kind))
    return result.scalar_one_or_none()


async def _full_names_with_surname(session: AsyncSession, last: str) -> list[Entity]:
    result = await session.execute(
        select(Entity).where(Entity.kind == PERSON, Entity.surname == last, Entity.key != last)
    )
    return list(result.scalars())


async def _create(session: AsyncSession, key: str, kind: str, name: str) -> Entity:
    """Insert race-safely (another process may add the same entity) and return the row."""
    insert = dialect_insert(session)
    last = surname(key) if kind == PERSON else ""
    stmt = insert(Entity).values(key=key, kind=kind, name=name, surname=last, mention_count=0)
    await session.execute(stmt.on_conflict_do_nothing())
    entity = await _find(session, key, kind)
    assert entity is not None  # inserted above or by a concurrent writer
    return entity


async def _adopt_bare_surname(session: AsyncSession, key: str, name: str) -> Entity | None:
    """A stored bare-surname person becomes this full name when no other full name claims it."""
    last = surname(key)
    bare = await _find(session, last, PERSON)
    if bare is None or await _full_names_with_surname(session, last):
        return None
    bare.key, bare.name = key, name
    await session.flush()
    return bare


async def resolve_entity(session: AsyncSession, key: str, kind: str, name: str) -> Entity:
    """The stored entity a canonical key stands for, creating or upgrading one as needed."""
    existing = await _find(session, key, kind)
    if existing is not None:
        return existing
    if kind == PERSON and " " not in key:
        candidates = await _full_names_with_surname(session, key)
        if len(candidates) == 1:
            return candidates[0]
    if kind == PERSON and " " in key:
        adopted = await _adopt_bare_surname(session, key, name)
        if adopted is not None:
            return adopted
    return await _create(session, key, kind, name)


async def _add_aliases(session: AsyncSession, entity_id: int, aliases: Iterable[str]) -> None:
    insert = dialect_insert(session)
    rows = [{"entity_id": entity_id, "alias": a, "alias_key": a.casefold()} for a in set(aliases)]
    if rows:
        await session.execute(insert(EntityAlias).values(rows).on_conflict_do_nothing())


async def store_entities(
    session: AsyncSession,
    mentions: Iterable[NewMention],
    speakers: Iterable[tuple[str, str, str]] = (),
) -> dict[tuple[str, str], int]:
    """Resolve every (key, kind) of an article's mentions and quote speakers; returns entity ids.

    Speakers (key, kind, name) are made to exist without counting as mentions: a quote's speaker
    may be named only in a way NER missed.
    """
    mentions = list(mentions)
    counts: Counter[tuple[str, str]] = Counter((m.key, m.kind) for m in mentions)
    names = {(m.key, m.kind): m.name for m in mentions}
    for key, kind, name in speakers:
        counts.setdefault((key, kind), 0)
        names.setdefault((key, kind), name)
    ids: dict[tuple[str, str], int] = {}
    for (key, kind), count in counts.items():
        entity = await resolve_entity(session, key, kind, names[(key, kind)])
        ids[(key, kind)] = entity.id
        await session.execute(
            update(Entity)
            .where(Entity.id == entity.id)
            .values(mention_count=Entity.mention_count + count)
        )
        written = [m.text for m in mentions if (m.key, m.kind) == (key, kind)]
        await _add_aliases(session, entity.id, [*written, entity.name])
    return ids
