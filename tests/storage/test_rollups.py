"""The monthly rollups `/compare` reads count what the rows count, and follow every change."""

from __future__ import annotations

from datetime import date

from storage.articles import ArticleRepository
from storage.compare_repo import CompareRepository, DateRange, PeriodCounts
from tests.storage.test_compare_repo import SYRIA_2015, TURKMEN_2024, UNDATED, store

WHOLE_2015 = DateRange(date(2015, 1, 1), date(2015, 12, 31))  # whole months: the rollups
ALMOST_2015 = DateRange(date(2015, 1, 2), date(2015, 12, 31))  # not: the mention rows
WHOLE_2024 = DateRange(date(2024, 1, 1), date(2024, 12, 31))
ALMOST_2024 = DateRange(date(2024, 1, 1), date(2024, 12, 30))


def shown(counts: PeriodCounts) -> tuple[object, ...]:
    items = sorted((i.name, i.kind, i.count_a, i.count_b, i.corpus) for i in counts.items)
    return counts.articles_a, counts.articles_b, tuple(items), dict(counts.totals)


async def test_rollups_count_what_the_rows_count(sessions) -> None:  # type: ignore[no-untyped-def]
    await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    repo = CompareRepository(sessions)
    monthly = await repo.counts(WHOLE_2015, WHOLE_2024)
    assert shown(monthly) == shown(await repo.counts(ALMOST_2015, ALMOST_2024))
    assert {i.name: i.corpus for i in monthly.items}["war"] == 9  # undated uses in the prior


async def test_forgetting_an_article_takes_its_counts_away(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    assert await ArticleRepository(sessions).forget(first)
    counts = await CompareRepository(sessions).counts(WHOLE_2015, WHOLE_2024)
    by_name = {i.name: i for i in counts.items}
    assert "Bashar al-Assad" not in by_name
    assert (by_name["war"].count_a, by_name["war"].count_b, by_name["war"].corpus) == (0, 1, 6)
    assert counts.totals["person"] == (0, 2)


async def test_a_corrected_date_moves_the_counts_to_its_month(sessions) -> None:  # type: ignore[no-untyped-def]
    first, *_ = await store(sessions, SYRIA_2015, TURKMEN_2024, UNDATED)
    await ArticleRepository(sessions).fix(first, published=date(2024, 3, 1))
    repo = CompareRepository(sessions)
    monthly = await repo.counts(WHOLE_2015, WHOLE_2024)
    assert shown(monthly) == shown(await repo.counts(ALMOST_2015, ALMOST_2024))
    assert (monthly.articles_a, monthly.articles_b) == (0, 2)
    assert monthly.totals["person"] == (0, 6)
