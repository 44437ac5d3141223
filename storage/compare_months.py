"""`/compare` counts read from the monthly rollups (`storage.rollups`), for whole-month periods.

Same numbers as summing every mention and term row of the two periods (the rollups hold those
sums per month), read from a few thousand rollup rows per month instead of millions of rows.
A period that starts or ends inside a month, or a topic (which narrows the articles), still goes
through the row-level queries of `storage.compare_repo`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Entity, EntityMonth, TermMonth, TermTotal

Row = tuple[Any, ...]


def whole_months(start: date, end: date) -> bool:
    """Whether [start, end] is made of whole calendar months."""
    last = calendar.monthrange(end.year, end.month)[1]
    return start.day == 1 and end.day == last


def _flag(column: Any, period: tuple[date, date]) -> ColumnElement[int]:
    return case((column.between(*period), 1), else_=0)


def _either(column: Any, a: tuple[date, date], b: tuple[date, date]) -> ColumnElement[bool]:
    return or_(column.between(*a), column.between(*b))


def _per_entity(a: tuple[date, date], b: tuple[date, date]) -> Any:
    """Each entity's mentions in either period, summed over the rollup rows of those months.

    Aggregated before joining `entities`: SQLite, without planner statistics, would otherwise
    start from every entity of the kind and read each one's months.
    """
    month = EntityMonth.month
    return (
        select(
            EntityMonth.entity_id,
            func.sum(_flag(month, a) * EntityMonth.mentions).label("count_a"),
            func.sum(_flag(month, b) * EntityMonth.mentions).label("count_b"),
        )
        .where(_either(month, a, b))
        .group_by(EntityMonth.entity_id)
        .subquery()
    )


async def kind_totals(
    session: AsyncSession, a: tuple[date, date], b: tuple[date, date], kinds: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """All mentions per entity kind, and all term uses, in each period."""
    per = _per_entity(a, b)
    rows = await session.execute(
        select(Entity.kind, func.sum(per.c.count_a), func.sum(per.c.count_b))
        .join(per, per.c.entity_id == Entity.id)
        .where(Entity.kind.in_(kinds))
        .group_by(Entity.kind)
    )
    totals = {row[0]: (int(row[1] or 0), int(row[2] or 0)) for row in rows}
    terms = (
        await session.execute(
            select(
                func.sum(_flag(TermMonth.month, a) * TermMonth.uses),
                func.sum(_flag(TermMonth.month, b) * TermMonth.uses),
            ).where(_either(TermMonth.month, a, b))
        )
    ).one()
    totals["term"] = (int(terms[0] or 0), int(terms[1] or 0))
    return totals


def _relative(count_a: Any, count_b: Any, n: tuple[int, int]) -> Any:
    return count_a * max(n[1], 1) + count_b * max(n[0], 1)


async def entity_rows(
    session: AsyncSession,
    a: tuple[date, date],
    b: tuple[date, date],
    kind: str,
    n: tuple[int, int],
    *,
    limit: int,
) -> list[Row]:
    """(id, name, corpus mentions, count a, count b) of one kind, most used first."""
    per = _per_entity(a, b)
    count_a, count_b = per.c.count_a, per.c.count_b
    rows = await session.execute(
        select(Entity.id, Entity.name, Entity.mention_count, count_a, count_b)
        .join(per, per.c.entity_id == Entity.id)
        .where(Entity.kind == kind)
        .order_by(_relative(count_a, count_b, n).desc(), Entity.id)
        .limit(limit)
    )
    return [tuple(r) for r in rows]


async def term_rows(
    session: AsyncSession,
    a: tuple[date, date],
    b: tuple[date, date],
    n: tuple[int, int],
    limit: int,
) -> list[Row]:
    """(term, count a, count b) most used first."""
    count_a = func.sum(_flag(TermMonth.month, a) * TermMonth.uses)
    count_b = func.sum(_flag(TermMonth.month, b) * TermMonth.uses)
    rows = await session.execute(
        select(TermMonth.term, count_a, count_b)
        .where(_either(TermMonth.month, a, b))
        .group_by(TermMonth.term)
        .order_by(_relative(count_a, count_b, n).desc(), TermMonth.term)
        .limit(limit)
    )
    return [tuple(r) for r in rows]


async def corpus_uses(session: AsyncSession, terms: Sequence[str]) -> Mapping[str, int]:
    """Each term's uses in the whole corpus, from `term_totals`."""
    if not terms:
        return {}
    rows = await session.execute(
        select(TermTotal.term, TermTotal.uses).where(TermTotal.term.in_(list(terms)))
    )
    return {row[0]: int(row[1]) for row in rows}
