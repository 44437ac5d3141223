"""One article looking back is a chronology, not a milestone (issue 15): a 2008 corpus's key
dates were 16 of 25 from 1933–1980, each named once, by a Roosevelt chronology and a profile."""

from __future__ import annotations

from datetime import date

from analysis.key_dates import Candidate, rank_dates

PUBLISHED = date(2008, 10, 16)


def row(event_id: int, day: date, article: int, published: date, outlet: str = "Post") -> Candidate:
    return Candidate(event_id, day, "day", article, outlet, published, sentence=event_id)


def test_one_article_naming_old_dates_ranks_below_the_days_the_corpus_reports() -> None:
    chronology = [row(i, date(1933, 3, 4 + i), 1, PUBLISHED) for i in range(8)]
    reported = [row(20 + i, date(2008, 10, 13), 30 + i, date(2008, 10, 14)) for i in range(2)]
    ranked = rank_dates(chronology + reported)
    assert ranked[0].date == date(2008, 10, 13)


def test_a_date_one_article_names_twice_from_years_later_is_still_one_reference() -> None:
    old = date(1958, 8, 29)
    fact_box = [row(1, old, 1, PUBLISHED), row(2, old, 1, PUBLISHED)]
    reported = [row(3, date(2008, 10, 15), 2, date(2008, 10, 15))]
    ranked = rank_dates(fact_box + reported)
    # one article, two sentences: NEWS plus one SAME_ARTICLE step, no reference weight
    assert ranked[0].score < 1.5 * ranked[1].score


def test_two_articles_naming_a_date_years_later_keep_the_milestone_weight() -> None:
    milestone = date(2001, 9, 11)
    named = [row(1, milestone, 1, PUBLISHED, "Post"), row(2, milestone, 2, PUBLISHED, "Times")]
    reported = [row(10 + i, date(2008, 10, 13), 20 + i, date(2008, 10, 14)) for i in range(2)]
    ranked = rank_dates(named + reported)
    assert ranked[0].date == milestone
