"""Writes canonical entities: one row per person, organisation or place across the whole corpus.

Within an article the analysis layer already folded "Putin" onto "Vladimir Putin". Across articles
this module applies the same surname rule against what is stored: a bare surname joins the one
stored full name with that surname, and a full name adopts a bare-surname row stored earlier when
no other full name shares the surname. The surname itself comes from the caller (analysis decides
that "bashar al-assad" has the surname "assad").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
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


async def _find(session: AsyncSession, key: str, kind: str) -> Entity | None:
    result = await session.execute(select(Entity).where(Entity.key == key, Entity.kind == kind))
    return result.scalar_one_or_none()


async def _people_with_surname(session: AsyncSession, last: str) -> list[Entity]:
    result = await session.execute(
        select(Entity).where(Entity.kind == PERSON, Entity.surname == last)
    )
    return list(result.scalars())


def _is_full(key: str) -> bool:
    return " " in key


async def _create(session: AsyncSession, key: str, kind: str, name: str, last: str) -> Entity:
    """Insert race-safely (another process may add the same entity) and return the row."""
    insert = dialect_insert(session)
    stmt = insert(Entity).values(key=key, kind=kind, name=name, surname=last, mention_count=0)
    await session.execute(stmt.on_conflict_do_nothing())
    entity = await _find(session, key, kind)
    assert entity is not None  # inserted above or by a concurrent writer
    return entity


async def _create_many(
    session: AsyncSession, new: dict[tuple[str, str], str]
) -> dict[tuple[str, str], tuple[int, str]]:
    """Insert entities that need no surname rule ((key, kind) -> name) in one executemany, race-
    safely, and read back their (id, name) in one query."""
    if not new:
        return {}
    insert = dialect_insert(session)
    rows = [
        {"key": key, "kind": kind, "name": name, "surname": "", "mention_count": 0}
        for (key, kind), name in sorted(new.items())
    ]
    await session.execute(insert(Entity.__table__).on_conflict_do_nothing(), rows)
    return await _stored(session, new)


async def _adopt_bare_surname(
    session: AsyncSession, key: str, name: str, last: str
) -> Entity | None:
    """A stored bare-surname person becomes this full name when no other full name claims it."""
    people = await _people_with_surname(session, last)
    bare = [p for p in people if not _is_full(p.key)]
    if len(bare) != 1 or any(_is_full(p.key) for p in people):
        return None
    bare[0].key, bare[0].name = key, name
    await session.flush()
    return bare[0]


async def resolve_entity(
    session: AsyncSession, key: str, kind: str, name: str, last: str = ""
) -> Entity:
    """The stored entity a canonical key stands for, creating or upgrading one as needed."""
    existing = await _find(session, key, kind)
    if existing is not None:
        return existing
    last = last or key
    if kind == PERSON and not _is_full(key):
        full = [p for p in await _people_with_surname(session, last) if _is_full(p.key)]
        if len(full) == 1:
            return full[0]
    if kind == PERSON and _is_full(key):
        adopted = await _adopt_bare_surname(session, key, name, last)
        if adopted is not None:
            return adopted
    return await _create(session, key, kind, name, last if kind == PERSON else "")


def _alias_rows(entity_id: int, aliases: Iterable[str]) -> list[dict[str, object]]:
    return [{"entity_id": entity_id, "alias": a, "alias_key": a.casefold()} for a in set(aliases)]


async def _add_aliases(session: AsyncSession, rows: list[dict[str, object]]) -> None:
    """Every new alias of the article in one statement (executemany), known ones skipped.

    In key order, like every multi-row write here: two PostgreSQL workers storing articles that
    share aliases then wait on each other in the same order instead of deadlocking.
    """
    if rows:
        insert = dialect_insert(session)
        rows = sorted(rows, key=lambda r: (str(r["alias_key"]), int(str(r["entity_id"]))))
        await session.execute(insert(EntityAlias.__table__).on_conflict_do_nothing(), rows)


async def _stored(
    session: AsyncSession, wanted: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, str]]:
    """The (id, name) of the wanted (key, kind) pairs already stored, in one query."""
    wanted = set(wanted)
    keys = sorted({key for key, _ in wanted})
    if not keys:
        return {}
    rows = await session.execute(
        select(Entity.id, Entity.key, Entity.kind, Entity.name).where(Entity.key.in_(keys))
    )
    return {(r.key, r.kind): (r.id, r.name) for r in rows if (r.key, r.kind) in wanted}


async def store_entities(
    session: AsyncSession,
    mentions: Iterable[NewMention],
    speakers: Iterable[tuple[str, str, str, str]] = (),
) -> dict[tuple[str, str], int]:
    """Resolve every (key, kind) of an article's mentions and quote speakers; returns entity ids.

    Speakers (key, kind, name, surname) are made to exist without counting as mentions: a
    quote's speaker may be named only in a way NER missed. Entities already stored under their
    key are found in one query; only new ones go through `resolve_entity` one by one. Aliases
    are written in one statement; the mention counts are `storage.rollups`'s, from the rows.
    """
    mentions = list(mentions)
    pairs = dict.fromkeys((m.key, m.kind) for m in mentions)  # in order, once each
    names = {(m.key, m.kind): (m.name, m.surname) for m in mentions}
    written: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        written.setdefault((m.key, m.kind), []).append(m.text)
    for key, kind, name, last in speakers:
        pairs.setdefault((key, kind))
        names.setdefault((key, kind), (name, last))
    stored = await _stored(session, pairs)
    plain = {p: names[p][0] for p in pairs if p not in stored and p[1] != PERSON}
    stored |= await _create_many(session, plain)
    ids: dict[tuple[str, str], int] = {}
    aliases: list[dict[str, object]] = []
    for key, kind in pairs:
        if (key, kind) in stored:
            entity_id, canonical = stored[(key, kind)]
        else:  # a new person: the surname rules decide, one by one
            name, last = names[(key, kind)]
            entity = await resolve_entity(session, key, kind, name, last)
            entity_id, canonical = entity.id, entity.name
        ids[(key, kind)] = entity_id
        aliases += _alias_rows(entity_id, [*written.get((key, kind), []), canonical])
    await _add_aliases(session, aliases)
    return ids
