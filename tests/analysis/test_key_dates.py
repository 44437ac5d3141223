"""Key dates ranked from built rows: evidence beyond raw counts, summaries that never repeat."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from analysis.key_date_summaries import key_dates
from analysis.key_dates import Candidate, article_weight, choose_k, rank_dates

MILESTONE = date(2016, 3, 1)
BUSY = date(2016, 6, 10)


def row(
    event_id: int,
    day: date,
    article: int,
    outlet: str | None,
    published: date | None,
    *,
    text: str = "",
    entities: tuple[str, ...] = (),
    precision: str = "day",
) -> Candidate:
    return Candidate(
        event_id=event_id,
        date=day,
        precision=precision,
        article_id=article,
        outlet=outlet,
        published=published,
        sentence=1,
        text=text,
        entities=entities,
    )


def test_a_date_many_outlets_name_from_later_outranks_a_busy_single_outlet_day() -> None:
    later = MILESTONE + timedelta(days=400)
    milestone = [row(i, MILESTONE, 100 + i, f"Outlet {i}", later) for i in range(4)]
    busy = [row(10 + i, BUSY, 200 + i, "Daily Wire Service", BUSY) for i in range(10)]
    ranked = rank_dates(milestone + busy)
    assert [r.date for r in ranked] == [MILESTONE, BUSY]
    assert (ranked[0].articles, ranked[0].outlets) == (4, 4)
    assert (ranked[1].articles, ranked[1].outlets) == (10, 1)


@pytest.mark.parametrize(
    ("published", "weight"),
    [
        (date(2016, 3, 1), 1.0),  # the day's own news
        (date(2016, 3, 10), 1.0),  # "last week"
        (date(2017, 3, 1), 2.0),  # a year later: a milestone
        (date(2016, 2, 1), 0.5),  # before: a plan
        (None, 0.75),
    ],
)
def test_article_weight(published: date | None, weight: float) -> None:
    assert article_weight(MILESTONE, "day", published) == pytest.approx(weight, abs=0.01)


def test_no_near_identical_sentence_on_two_dates() -> None:
    same = "Putin and Rouhani signed the gas pipeline agreement in Tehran"
    rows = [
        row(1, date(2016, 1, 5), 1, "A", date(2016, 1, 5), text=same, entities=("putin",)),
        row(
            2,
            date(2016, 1, 5),
            2,
            "B",
            date(2016, 1, 5),
            text=same + " on Tuesday",
            entities=("putin",),
        ),
        row(
            3,
            date(2016, 2, 9),
            3,
            "C",
            date(2016, 2, 9),
            text=same + " on Monday",
            entities=("putin",),
        ),
        row(
            4,
            date(2016, 2, 9),
            4,
            "D",
            date(2016, 2, 9),
            text="Lavrov flew to Damascus for talks with Assad about the ceasefire",
            entities=("lavrov",),
        ),
    ]
    chosen = key_dates(rows, k=2, sentences=2)
    texts = {r.event_id: r.text for r in rows}
    picked = [texts[i] for c in chosen for i in c.sentence_ids]
    assert [c.ranked.date for c in chosen] == [date(2016, 1, 5), date(2016, 2, 9)]
    assert [i for c in chosen for i in c.sentence_ids][-1] == 4  # not a third pipeline sentence
    assert sum("pipeline" in t for t in picked) == 1


def test_a_date_whose_every_sentence_repeats_another_gives_way_to_the_next() -> None:
    same = "Putin and Rouhani signed the gas pipeline agreement in Tehran"
    rows = [
        row(1, date(2016, 1, 5), 1, "A", date(2016, 1, 5), text=same),
        row(2, date(2016, 1, 5), 2, "B", date(2016, 1, 5), text=same),
        row(3, date(2016, 2, 9), 3, "C", date(2016, 2, 9), text=same),
        row(4, date(2016, 3, 9), 4, "D", date(2016, 3, 9), text="Lavrov flew to Damascus"),
    ]
    chosen = key_dates(rows, k=2)
    assert [c.ranked.date for c in chosen] == [date(2016, 1, 5), date(2016, 3, 9)]


def test_the_sentence_that_states_the_event_is_preferred_to_a_later_reference() -> None:
    day = date(2016, 1, 5)
    rows = [
        row(
            1,
            day,
            1,
            "A",
            day + timedelta(days=700),
            text="Since the deal of January 5 prices rose",
        ),
        row(2, day, 2, "B", day, text="The deal was signed on Tuesday in Vienna"),
    ]
    (chosen,) = key_dates(rows, k=1)
    assert chosen.sentence_ids == (2,)


@pytest.mark.parametrize(
    ("dates", "events", "k"),
    [(0, 0, 0), (3, 4, 3), (7, 8, 5), (40, 100, 11), (400, 2000, 25), (5000, 90000, 25)],
)
def test_k_follows_the_range_size(dates: int, events: int, k: int) -> None:
    assert choose_k(dates, events) == k


def test_a_dropped_date_gives_way_to_the_next_day_before_a_month() -> None:
    same = "Putin and Rouhani signed the gas pipeline agreement in Tehran"
    deal, repeat, talks, april = (
        date(2016, 1, 5),
        date(2016, 2, 9),
        date(2016, 3, 9),
        date(2016, 4, 1),
    )
    rows = [
        *(row(n, deal, n, f"A{n}", deal, text=same) for n in (1, 2, 3)),  # 3 outlets: first
        *(row(n, repeat, n, f"B{n}", repeat, text=same) for n in (4, 5)),  # second, a repeat
        *(  # six outlets name April: third (a month weighs a quarter of a day)
            row(n, april, n, f"C{n}", date(2016, 4, 20), text="Oil prices rose", precision="month")
            for n in range(6, 12)
        ),
        row(12, talks, 12, "D", talks, text="Lavrov flew to Damascus"),  # one article: fourth
    ]
    assert [(r.date, r.precision) for r in rank_dates(rows)] == [
        (deal, "day"),
        (repeat, "day"),
        (april, "month"),
        (talks, "day"),
    ]
    two = key_dates(rows, k=2)
    assert [(c.ranked.date, c.ranked.precision) for c in two] == [(deal, "day"), (talks, "day")]
    three = key_dates(rows, k=3)  # April is among the best three: it keeps its place
    assert [c.ranked.date for c in three] == [deal, talks, april]
