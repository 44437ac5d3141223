"""Finding a stored entity by a name someone typed: "putin", "Vladimir Putin's", "the kremlin".

Matching is case-insensitive through `entity_aliases.alias_key` (the casefolded alias, indexed),
tried in tiers and stopping at the first that finds anything:

1. exact: the name (or its variant without a possessive, a leading "the", other apostrophes) is
   an alias or canonical key; a bare surname kept apart as its own entity ("khamenei", stored
   apart because two Khameneis exist) also brings the full names sharing it, so it reads as
   ambiguous rather than hiding them;
2. surname: a person whose surname it is ("pezeshkian");
3. title + name: a person with an alias equal to the name's trailing words
   ("president putin" finds "putin");
4. prefix: an alias starting with the name ("vlad").

The caller decides what several matches mean (ambiguous) and what none means (suggest).
Prefix look-ups are range scans on the index: `alias_key >= p AND alias_key < p⁺` is exact prefix
semantics under a binary/"C" collation (SQLite, and PostgreSQL databases created with C.UTF-8).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Entity, EntityAlias

Query = Select[*tuple[Any, ...]]
PERSON = "person"
SUGGEST_LIMIT = 25
CLOSE_POOL = 3000  # aliases difflib compares against, most mentioned entities first
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_QUOTES = " \t\"'“”‘’«»"


@dataclass(frozen=True)
class EntityMatch:
    """A stored entity a typed name stands for, with how often the corpus mentions it."""

    id: int
    name: str
    kind: str
    mentions: int


def normalise(name: str) -> str:
    """The typed name as an alias key: casefolded, single-spaced, outer quotes stripped."""
    return " ".join(name.casefold().split()).strip(_QUOTES)


def name_variants(name: str) -> tuple[str, ...]:
    """Keys a name may be stored under: as typed, without possessive or "the", either apostrophe."""
    base = normalise(name)
    forms = {base, _POSSESSIVE.sub("", base).strip()}
    forms |= {f.removeprefix("the ") for f in forms} | {f"the {f}" for f in forms}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return tuple(sorted(f for f in forms if f and f != "the "))


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def starts_with(column: Any, prefix: str) -> Any:
    """An index-friendly prefix test on a casefolded key column."""
    return (column >= prefix) & (column < _after(prefix))


def _matches(query: Query, kind: str | None) -> Query:
    query = select(Entity.id, Entity.name, Entity.kind, Entity.mention_count).where(
        Entity.id.in_(query)
    )
    if kind is not None:
        query = query.where(Entity.kind == kind)
    return query.order_by(Entity.mention_count.desc(), Entity.name, Entity.id)


def _exact(keys: Sequence[str]) -> Query:
    """Aliases and keys equal to the name; a bare surname stored apart brings its namesakes."""
    by_alias = select(EntityAlias.entity_id).where(EntityAlias.alias_key.in_(keys))
    by_key = select(Entity.id).where(Entity.key.in_(keys))
    bare = select(Entity.key).where(
        Entity.kind == PERSON, Entity.key.in_(keys), Entity.key.not_like("% %")
    )
    namesakes = select(Entity.id).where(Entity.kind == PERSON, Entity.surname.in_(bare))
    return by_alias.union(by_key, namesakes)  # type: ignore[return-value]


def _surname(keys: Sequence[str]) -> Query:
    return select(Entity.id).where(Entity.kind == PERSON, Entity.surname.in_(keys))


def _titled(words: Sequence[str]) -> Query:
    """People with an alias equal to a trailing part of a multi-word name."""
    tails = [" ".join(words[i:]) for i in range(1, len(words))]
    return (
        select(EntityAlias.entity_id)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(Entity.kind == PERSON, EntityAlias.alias_key.in_(tails or [""]))
    )


def _prefixed(prefix: str) -> Query:
    return select(EntityAlias.entity_id).where(starts_with(EntityAlias.alias_key, prefix))


def _record(row: Any) -> EntityMatch:
    return EntityMatch(id=row.id, name=row.name, kind=row.kind, mentions=int(row.mention_count))


def _tiers(name: str) -> Iterable[Query]:
    keys = name_variants(name)
    base = normalise(name)
    yield _exact(keys)
    yield _surname(keys)
    words = _POSSESSIVE.sub("", base).split()
    if len(words) > 1:
        yield _titled(words)
    yield _prefixed(base)


class EntityLookup:
    """Name look-ups for commands and autocomplete, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def find_entities(self, name: str, kind: str | None = None) -> tuple[EntityMatch, ...]:
        """The entities of the best matching tier, most mentioned first; empty when none match."""
        if not normalise(name):
            return ()
        async with self._sessions() as session:
            for tier in _tiers(name):
                rows = (await session.execute(_matches(tier, kind))).all()
                if rows:
                    return tuple(_record(r) for r in rows)
        return ()

    async def get(self, entity_id: int) -> EntityMatch | None:
        """One entity by id."""
        query = select(Entity.id, Entity.name, Entity.kind, Entity.mention_count)
        async with self._sessions() as session:
            row = (await session.execute(query.where(Entity.id == entity_id))).first()
        return _record(row) if row else None

    async def suggest(
        self, prefix: str, kind: str | None = None, limit: int = SUGGEST_LIMIT
    ) -> tuple[EntityMatch, ...]:
        """Autocomplete: entities with an alias starting with the prefix, exact hits first."""
        key = normalise(prefix)
        limit = max(1, min(limit, SUGGEST_LIMIT))
        async with self._sessions() as session:
            rows = (await session.execute(_suggest_query(key, kind, limit))).all()
        return tuple(_record(r) for r in rows)

    async def close_names(self, name: str, kind: str | None = None, limit: int = 3) -> list[str]:
        """Canonical names whose aliases look like a mistyped `name` (difflib), best first."""
        key = normalise(name).removeprefix("the ")
        if not key:
            return []
        async with self._sessions() as session:
            pool = (await session.execute(_pool_query(key[0], kind))).all()
        names: dict[str, str] = {}
        for alias_key, canonical in pool:
            names.setdefault(alias_key, canonical)
        close = difflib.get_close_matches(key, list(names), n=limit * 4, cutoff=0.6)
        return list(dict.fromkeys(names[k] for k in close))[:limit]


def _suggest_query(key: str, kind: str | None, limit: int) -> Query:
    """One indexed query: aliases in the prefix range, grouped by entity."""
    exact = func.min(case((EntityAlias.alias_key == key, 0), else_=1)) if key else literal(1)
    query = select(Entity.id, Entity.name, Entity.kind, Entity.mention_count)
    if key:
        query = query.join(EntityAlias, EntityAlias.entity_id == Entity.id).where(
            starts_with(EntityAlias.alias_key, key)
        )
    if kind is not None:
        query = query.where(Entity.kind == kind)
    return (
        query.group_by(Entity.id, Entity.name, Entity.kind, Entity.mention_count)
        .order_by(exact, Entity.mention_count.desc(), Entity.name)
        .limit(limit)
    )


def _pool_query(first: str, kind: str | None) -> Query:
    """Aliases and surnames sharing the first letter (typos rarely start a name), indexed."""
    aliases = (
        select(EntityAlias.alias_key.label("key"), Entity.name, Entity.mention_count)
        .join(Entity, Entity.id == EntityAlias.entity_id)
        .where(starts_with(EntityAlias.alias_key, first))
    )
    surnames = select(Entity.surname.label("key"), Entity.name, Entity.mention_count).where(
        Entity.kind == PERSON, starts_with(Entity.surname, first)
    )
    if kind is not None:
        aliases = aliases.where(Entity.kind == kind)
        surnames = surnames.where(Entity.kind == kind)
    pool = aliases.union_all(surnames).subquery()
    return select(pool.c.key, pool.c.name).order_by(pool.c.mention_count.desc()).limit(CLOSE_POOL)
