"""The timeline queries: order, range overlap by precision, topic by alias or words, counts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import insert_article
from storage.records import NewArticle, NewEvent, NewMention
from storage.timeline import DateCount, EventQuery, EventRecord, TimelineRepository

PUTIN = ("vladimir putin", "person")
IRAN = ("iran", "place")


def mention(text: str, key: str, name: str, kind: str) -> NewMention:
    return NewMention(key=key, kind=kind, name=name, text=text, sentence=0, start=0, end=len(text))


MENTIONS = (
    mention("Putin", "vladimir putin", "Vladimir Putin", "person"),
    mention("Russian President Vladimir Putin", "vladimir putin", "Vladimir Putin", "person"),
    mention("Iran", "iran", "Iran", "place"),
)


def event(
    text: str,
    when: date | None,
    precision: str = "day",
    entities: tuple[tuple[str, str], ...] = (),
    sentence: int = 0,
) -> NewEvent:
    return NewEvent(
        date=when,
        precision=precision if when else "unknown",
        expression="expr",
        sentence=sentence,
        text=text,
        entity_keys=entities,
    )


def article(n: int, published: date | None, *events: NewEvent) -> NewArticle:
    return NewArticle(
        source=f"samples/{n}.txt",
        canonical_url=None,
        title=f"Article {n}",
        outlet=f"Outlet {n}",
        author=None,
        published=published,
        date_precision="day" if published else "unknown",
        date_source="header" if published else "",
        text=f"Body {n}.",
        content_hash=f"hash{n}",
        signature=b"\x00" * 8,
        band_keys=(f"0:{n}",),
        dropped=(),
        sentences=((0, 0, 7, f"Body {n}."),),
        mentions=MENTIONS,
        events=events,
    )


async def store(sessions: async_sessionmaker[AsyncSession], *articles: NewArticle) -> None:
    async with sessions.begin() as session:
        for new in articles:
            await insert_article(session, new)


@pytest.fixture
async def repo(sessions: async_sessionmaker[AsyncSession]) -> TimelineRepository:
    """Three articles: a 2015 one, a 2017 one, and an undated one."""
    await store(
        sessions,
        article(
            1,
            date(2015, 11, 23),
            event("Putin flew to Tehran.", date(2015, 11, 23), entities=(PUTIN,)),
            event("The deal was reached in July.", date(2015, 7, 1), "month"),
            event("Relations soured in 2014.", date(2014, 1, 1), "year"),
            event("Iran hosted talks this month.", date(2015, 11, 1), "month", (IRAN,)),
        ),
        article(
            2,
            date(2017, 4, 15),
            event("Ministers met in Moscow.", date(2017, 4, 14)),
            event("A caption: leaders met 100% agreed.", date(2017, 4, 10), "week", sentence=-1),
        ),
        article(3, None, event("Putin signed the treaty On January 17.", None, entities=(PUTIN,))),
    )
    return TimelineRepository(sessions)


def texts(events: list[EventRecord]) -> list[str]:
    return [e.text for e in events]


async def test_dated_events_oldest_first_finer_precision_first(repo: TimelineRepository) -> None:
    found = await repo.dated(EventQuery(), limit=50)
    assert texts(found) == [
        "Relations soured in 2014.",
        "The deal was reached in July.",
        "Iran hosted talks this month.",
        "Putin flew to Tehran.",
        "A caption: leaders met 100% agreed.",
        "Ministers met in Moscow.",
    ]
    assert found[3].article.outlet == "Outlet 1"
    assert found[3].article.published == date(2015, 11, 23)
    assert found[3].entities == (("vladimir putin", "Vladimir Putin", "person"),)
    assert found[4].sentence == -1


async def test_limit_is_applied_in_the_query(repo: TimelineRepository) -> None:
    assert texts(await repo.dated(EventQuery(), limit=2)) == [
        "Relations soured in 2014.",
        "The deal was reached in July.",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # a month-precision event overlaps a range starting mid-month
        (date(2015, 7, 15), date(2015, 7, 31), ["The deal was reached in July."]),
        # a year-precision event overlaps any range inside its year
        (date(2014, 6, 1), date(2014, 6, 30), ["Relations soured in 2014."]),
        # a week starting 2017-04-10 reaches 2017-04-12, a day of 2017-04-14 does not
        (date(2017, 4, 12), date(2017, 4, 12), ["A caption: leaders met 100% agreed."]),
        (
            date(2017, 1, 1),
            None,
            ["A caption: leaders met 100% agreed.", "Ministers met in Moscow."],
        ),
        (None, date(2014, 12, 31), ["Relations soured in 2014."]),
        (date(2016, 1, 1), date(2016, 12, 31), []),
    ],
)
async def test_range_keeps_events_whose_period_overlaps(
    repo: TimelineRepository, start: date | None, end: date | None, expected: list[str]
) -> None:
    assert texts(await repo.dated(EventQuery(start=start, end=end), limit=50)) == expected


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("putin", ["Putin flew to Tehran."]),  # an alias, case-insensitive
        ("Vladimir Putin", ["Putin flew to Tehran."]),  # the canonical name
        ("IRAN", ["Iran hosted talks this month."]),
        ("moscow ministers", ["Ministers met in Moscow."]),  # every word in the text
        ("100%", ["A caption: leaders met 100% agreed."]),  # LIKE wildcards are literal
        ("nobody", []),
    ],
)
async def test_topic_matches_linked_entities_or_words(
    repo: TimelineRepository, topic: str, expected: list[str]
) -> None:
    assert texts(await repo.dated(EventQuery(topic=topic), limit=50)) == expected


async def test_undated_events_and_counts(repo: TimelineRepository) -> None:
    undated = await repo.undated(EventQuery(topic="putin"), limit=10)
    assert texts(undated) == ["Putin signed the treaty On January 17."]
    assert undated[0].date is None and undated[0].article.published is None
    everything = await repo.count(EventQuery())
    assert (everything.dated, everything.undated) == (6, 1)
    in_2017 = await repo.count(EventQuery(start=date(2017, 1, 1), end=date(2017, 12, 31)))
    assert (in_2017.dated, in_2017.undated) == (2, 1)
    about_putin = await repo.count(EventQuery(topic="putin"))
    assert (about_putin.dated, about_putin.undated) == (1, 1)


async def test_span_and_date_counts(repo: TimelineRepository) -> None:
    span = await repo.span()
    assert (span.first, span.last) == (date(2014, 1, 1), date(2017, 4, 14))
    counts = await repo.date_counts(EventQuery(start=date(2017, 1, 1)))
    assert counts == [
        DateCount(date=date(2017, 4, 10), precision="week", events=1),
        DateCount(date=date(2017, 4, 14), precision="day", events=1),
    ]


async def test_empty_corpus(sessions: async_sessionmaker[AsyncSession]) -> None:
    repo = TimelineRepository(sessions)
    assert await repo.dated(EventQuery(topic="putin"), limit=5) == []
    assert (await repo.span()).first is None
    assert (await repo.count(EventQuery())).dated == 0
