"""How the timeline reads rows: Core statements on the session's connection, ids as one array
on PostgreSQL, and the entities a set of events names, for the timeline lines and the key dates
alike."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Integer, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Entity, EventEntity

Named = tuple[str, str, str]  # an entity as an event names it: (key, display name, kind)


async def core(session: AsyncSession, stmt: Any) -> Any:
    """Run a Core statement on the session's connection: its rows are plain tuples, and the
    ORM's execution layer (events, identity map, result wrapping) costs a key-dates answer
    more than some of its queries do."""
    return await (await session.connection()).execute(stmt)


def one_of(column: Any, ids: Iterable[int], backend: str) -> ColumnElement[bool]:
    """`column IN ids`. On PostgreSQL one array parameter (`= ANY`): an IN list is a parameter
    per id, so each answer's statement had another text, and was parsed and planned again
    (5-10 ms for a thousand ids); the array's statement is prepared once per connection."""
    if backend == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    return column.in_(list(ids))


async def backend_of(session: AsyncSession) -> str:
    """The dialect name of the session's connection ("sqlite", "postgresql")."""
    return (await session.connection()).dialect.name


async def entities_of(session: AsyncSession, ids: list[int]) -> dict[int, list[Named]]:
    """The entities each event names, for all the events at once, most mentioned first.

    Two index reads, the links and then the few entities they name, joined here: joined in
    SQL, PostgreSQL hashes the whole entities table (120,000 rows at 100k articles) to
    match a few thousand links, and that took a key-dates answer 50 ms.
    """
    found: dict[int, list[Named]] = defaultdict(list)
    if not ids:
        return found
    backend = await backend_of(session)
    links = (
        await core(
            session,
            select(EventEntity.event_id, EventEntity.entity_id).where(
                one_of(EventEntity.event_id, ids, backend)
            ),
        )
    ).all()
    if not links:
        return found
    entities = sorted({entity for _, entity in links})
    named = {
        row.id: row
        for row in await core(
            session,
            select(Entity.id, Entity.key, Entity.name, Entity.kind, Entity.mention_count).where(
                one_of(Entity.id, entities, backend)
            ),
        )
    }
    order = sorted(
        (event, -named[entity].mention_count, named[entity].name, entity)
        for event, entity in links
        if entity in named
    )
    for event, _, _, entity in order:
        row = named[entity]
        found[event].append((row.key, row.name, row.kind))
    return found
