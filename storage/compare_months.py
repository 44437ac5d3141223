"""`/compare` counts read from the monthly rollups (`storage.rollups`), for whole-month periods.

Same numbers as summing every mention and term row of the two periods (the rollups hold those
sums per month), read from a few thousand rollup rows per month instead of millions of rows.
Periods made of whole years read the yearly rollups instead (`year_entity_rows`,
`year_term_rows`): a year of one kind is one index range, about ten times fewer rows than its
months. A period that starts or ends inside a month, or a topic (which narrows the articles),
still goes through the row-level queries of `storage.compare_repo`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Entity,
    EntityMonth,
    EntityYear,
    TermMonth,
    TermTotal,
    TermYear,
    YearTotal,
)

Row = tuple[Any, ...]
Years = tuple[int, int]  # first and last year of a period of whole years


def whole_months(start: date, end: date) -> bool:
    """Whether [start, end] is made of whole calendar months."""
    last = calendar.monthrange(end.year, end.month)[1]
    return start.day == 1 and end.day == last


def whole_years(start: date, end: date) -> Years | None:
    """The years [start, end] is made of, or None when it starts or ends inside a year."""
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return None
    return start.year, end.year


def _sum_in(column: Any, period: tuple[Any, Any], value: Any) -> ColumnElement[int]:
    """sum(value) over the rows whose column is in the period: one CASE per row (a 0/1 flag
    times the value cost SQLite twice as much per row)."""
    return func.sum(case((column.between(*period), value), else_=0))


def _either(column: Any, a: tuple[Any, Any], b: tuple[Any, Any]) -> ColumnElement[bool]:
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
            _sum_in(month, a, EntityMonth.mentions).label("count_a"),
            _sum_in(month, b, EntityMonth.mentions).label("count_b"),
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
                _sum_in(TermMonth.month, a, TermMonth.uses),
                _sum_in(TermMonth.month, b, TermMonth.uses),
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
    count_a = _sum_in(TermMonth.month, a, TermMonth.uses)
    count_b = _sum_in(TermMonth.month, b, TermMonth.uses)
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


def _in_years(column: Any, a: Years, b: Years) -> ColumnElement[bool]:
    """The years of either period as an IN list: one index seek per year on SQLite (an OR of
    ranges becomes a multi-index OR there, which reads each row through a second lookup)."""
    years = sorted({*range(a[0], a[1] + 1), *range(b[0], b[1] + 1)})
    return column.in_(years)


async def year_totals(
    session: AsyncSession, a: Years, b: Years, kinds: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """All mentions per entity kind used in either period, and all term uses, in each period."""
    year = YearTotal.year
    rows = await session.execute(
        select(
            YearTotal.kind,
            _sum_in(year, a, YearTotal.uses),
            _sum_in(year, b, YearTotal.uses),
        )
        .where(YearTotal.kind.in_([*kinds, "term"]), _in_years(year, a, b))
        .group_by(YearTotal.kind)
    )
    totals = {row[0]: (int(row[1] or 0), int(row[2] or 0)) for row in rows}
    totals.setdefault("term", (0, 0))
    return totals


async def year_entity_rows(
    session: AsyncSession, a: Years, b: Years, kind: str, n: tuple[int, int], *, limit: int
) -> list[Row]:
    """(id, name, corpus mentions, count a, count b) of one kind, most used first."""
    year = EntityYear.year
    per = (
        select(
            EntityYear.entity_id,
            _sum_in(year, a, EntityYear.mentions).label("count_a"),
            _sum_in(year, b, EntityYear.mentions).label("count_b"),
        )
        .where(EntityYear.kind == kind, _in_years(year, a, b))
        .group_by(EntityYear.entity_id)
        .subquery()
    )
    top = _top(per, per.c.entity_id, n, limit)
    rows = await session.execute(
        select(top.c.entity_id, _of_entity(Entity.name, top), _of_entity(Entity.mention_count, top))
        .add_columns(top.c.count_a, top.c.count_b)
        .order_by(top.c.relative.desc(), top.c.entity_id)
    )
    return [tuple(r) for r in rows]


def _top(per: Any, key: Any, n: tuple[int, int], limit: int) -> Any:
    """The `limit` rows of `per` (with count_a, count_b) most used relative to each period's
    size, with that measure as `relative`; ties by key."""
    relative = _relative(per.c.count_a, per.c.count_b, n)
    return (
        select(per, relative.label("relative"))
        .order_by(relative.desc(), key)
        .limit(limit)
        .subquery()
    )


def _of_entity(column: Any, top: Any) -> Any:
    """A column of the ranked row's entity, looked up by key: as a join, PostgreSQL hashed all
    of `entities` (130,000 rows) to name 2,000."""
    return select(column).where(Entity.id == top.c.entity_id).scalar_subquery()


async def year_term_rows(
    session: AsyncSession, a: Years, b: Years, n: tuple[int, int], *, limit: int
) -> list[Row]:
    """(term, count a, count b, corpus uses) most used first."""
    year = TermYear.year
    per = (
        select(
            TermYear.term,
            _sum_in(year, a, TermYear.uses).label("count_a"),
            _sum_in(year, b, TermYear.uses).label("count_b"),
        )
        .where(_in_years(year, a, b))
        .group_by(TermYear.term)
        .subquery()
    )
    top = _top(per, per.c.term, n, limit)
    rows = await session.execute(
        select(top.c.term, top.c.count_a, top.c.count_b, TermTotal.uses)
        .outerjoin(TermTotal, TermTotal.term == top.c.term)
        .order_by(top.c.relative.desc(), top.c.term)
    )
    return [tuple(r) for r in rows]
