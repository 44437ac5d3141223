"""The days an article names outright, and how later mentions lift a key date."""

from __future__ import annotations

from datetime import date

from analysis import named_days as module
from analysis.key_dates import Candidate, RankedDate, rank_dates, with_later_mentions
from analysis.named_days import named_days

PUBLISHED = date(2011, 6, 20)


def test_written_days_in_either_order_with_or_without_a_year() -> None:
    text = (
        "Protests began on March 15, 2011 in Deraa. Since 15 March the army has fired on "
        "crowds, as on the 3rd of April. Not since Sept. 11, 2001 had a city shut so fast. "
        "The Apr. 22nd raids and the 1st June strike followed."
    )
    assert named_days(text, PUBLISHED) == (
        date(2001, 9, 11),
        date(2011, 3, 15),
        date(2011, 4, 3),
        date(2011, 4, 22),
        date(2011, 6, 1),
    )


def test_a_yearless_day_after_publication_is_last_year_and_a_later_one_is_left_out() -> None:
    text = "The December 28 vote was annulled. A summit is set for January 9 and 12 March 2012."
    assert named_days(text, date(2012, 1, 3)) == (date(2011, 12, 28),)
    # "January 9" (within a week ahead: this year's) and "12 March 2012" are plans


def test_without_a_publication_date_only_days_with_a_year_count() -> None:
    assert named_days("On May 2 and on July 4, 1976.", None) == (date(1976, 7, 4),)


def test_words_that_only_look_like_dates_are_not_days() -> None:
    text = (
        "Omar 12 scored. They may 15 times refuse. February 30 never was; 31 April neither. "
        "Some 120 Marchers, Dec 2019 figures and June 150 votes."
    )
    assert named_days(text, PUBLISHED) == ()


def test_a_table_of_days_is_capped_to_its_latest() -> None:
    text = " ".join(f"January {d}, {y}." for y in range(1900, 1920) for d in range(1, 29))
    found = named_days(text, PUBLISHED)
    assert len(found) == module.MAX_DAYS
    assert found[-1] == date(1919, 1, 28)


def _row(event: int, day: date, article: int, published: date) -> Candidate:
    return Candidate(event, day, "day", article, f"outlet{article}", published, sentence=1)


UPRISING, BUSY = date(2011, 3, 15), date(2011, 3, 20)


def _ranked() -> list[RankedDate]:
    rows = [_row(1, UPRISING, 1, UPRISING)]  # one report of the uprising's day
    rows += [_row(10 + a, BUSY, a, BUSY) for a in (2, 3)]  # two reports of a busier day
    return rank_dates(rows)


def test_later_articles_naming_a_day_lift_it_above_a_busier_day() -> None:
    ranked = _ranked()
    assert [r.date for r in ranked] == [BUSY, UPRISING]
    published = {1: UPRISING, 2: BUSY, 3: BUSY, 4: date(2011, 6, 1), 5: date(2011, 9, 1)}
    lifted = with_later_mentions(ranked, {UPRISING: [4, 5]}, published)
    assert [r.date for r in lifted] == [UPRISING, BUSY]
    assert lifted[0].article_ids == ranked[1].article_ids  # evidence, not new sources


def test_the_days_own_reports_and_next_day_stories_add_nothing() -> None:
    ranked = _ranked()
    published = {1: UPRISING, 2: BUSY, 3: BUSY, 6: date(2011, 3, 17)}
    # article 1 holds the day's event; article 6 is published two days after: a report
    assert with_later_mentions(ranked, {UPRISING: [1, 6]}, published) == ranked


def test_only_days_are_lifted_and_unknown_publication_counts_nothing() -> None:
    month = Candidate(1, date(2011, 3, 1), "month", 1, "x", date(2011, 5, 1), sentence=1)
    ranked = rank_dates([month])
    published: dict[int, date | None] = {1: date(2011, 5, 1), 7: date(2012, 1, 1), 8: None}
    assert with_later_mentions(ranked, {date(2011, 3, 1): [7, 8]}, published) == ranked
    day = rank_dates([_row(1, UPRISING, 1, UPRISING)])
    assert with_later_mentions(day, {UPRISING: [8]}, published) == day
