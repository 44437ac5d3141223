"""Event dates of issue 12's round 21 (the ninth batch, trafilatura's news pages), in new words,
each mechanism with the sentences it is written for and the guards that keep their dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a year or span right after a plan's noun names the plan
        ("The minister presented the national energy strategy 2022-2030 to the cabinet.",
         date(2022, 5, 10), []),
        ("She outlined a housing plan 2021-2026 and a transport policy 2023-2028.",
         date(2022, 5, 10), []),
        # guard: a preposition between: a time, not a name
        ("The government launched the plan in 2021.", date(2023, 6, 9), ["2021-01-01"]),
    ],
)  # fmt: skip
def test_years_right_after_a_plan_noun_name_the_plan(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bound on years ago is no year
        ("The company was founded more than 40 years ago by two brothers.", date(2022, 5, 10),
         []),
        ("The mill closed over 20 years ago.", date(2022, 5, 10), []),
        # guard: an exact count keeps its year
        ("The company was founded 40 years ago by two brothers.", date(2022, 5, 10),
         ["1982-01-01"]),
    ],
)  # fmt: skip
def test_a_bound_on_years_ago_is_no_year(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bare to-infinitive setting out a thing's plan points ahead of a sentence told now
        ("The ministers are preparing the agenda of the summit, to take place on June 8.",
         date(2022, 4, 20), ["2022-06-08"]),
        ("The envoys met to lay the groundwork for the summit, to be held June 8-9 in Madrid.",
         date(2022, 4, 20), ["2022-06-08"]),
        # guards: in a sentence told in the past the nearest such day, here past
        ("The envoys met to lay the groundwork for the summit, to be held June 8 in Madrid.",
         date(2022, 10, 20), ["2022-06-08"]),
        # 'was to be held' is the tense rules' (a past plan)
        ("The vote was to be held on June 8 but was postponed.", date(2022, 4, 20),
         ["2021-06-08"]),
    ],
)  # fmt: skip
def test_a_to_infinitive_of_a_plan_points_ahead(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a yearless day within a month after the one scene day with its year: that year
        ("The electrician fitted the heater on March 3, 2015.\n\nTests later found a leak in "
         "the pipe.\n\nShe came back to the flat on March 12 and fell ill.", date(2017, 6, 1),
         ["2015-03-03", "2015-03-12"]),
        # guards: a day before the scene day, beyond a month after it, after the writing's
        # present comes back ('Last week'), or after a year alone: the writing's year
        ("The electrician fitted the heater on March 3, 2015.\n\nShe came back to the flat "
         "on March 1 and fell ill.", date(2017, 6, 1), ["2015-03-03", "2017-03-01"]),
        ("The electrician fitted the heater on March 3, 2015.\n\nShe came back to the flat "
         "on May 12 and fell ill.", date(2017, 6, 1), ["2015-03-03", "2017-05-12"]),
        ("The electrician fitted the heater on March 3, 2015.\n\nLast week the court heard "
         "the case. The jury met on March 12.", date(2017, 6, 1),
         ["2015-03-03", "2017-05-22", "2017-03-12"]),
        ("The law was passed in 2015.\n\nThe court met on March 12.", date(2017, 6, 1),
         ["2015-01-01", "2017-03-12"]),
    ],
)  # fmt: skip
def test_a_yearless_day_soon_after_a_scene_day_takes_its_year(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a season's yearly span told in the present: a habit of every year
        ("The monsoon season lasts from June to September.", date(2019, 8, 21), []),
        ("Tourist season on the island is under way; it runs from May through September.",
         date(2019, 6, 2), []),
        # guards: no season, one season's plan, a season told ahead
        ("The exhibition runs from August through October at the city museum.",
         date(2019, 7, 21), ["2019-08-01", "2019-10-01"]),
        ("The new season runs from August through October.", date(2019, 7, 21),
         ["2019-08-01", "2019-10-01"]),
        ("The season will run from August through October.", date(2019, 7, 21),
         ["2019-08-01", "2019-10-01"]),
    ],
)  # fmt: skip
def test_a_seasons_yearly_span_told_now_is_a_habit(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # 'on the Monday': a day of the story's period, not of the writing's week
        ("The delegates will meet in Geneva for the week-long summit, and the main debate "
         "will be held on the Monday.", date(2022, 4, 26), []),
        ("They flew to Rome for the final week of the tour and left on the Friday, tired "
         "but happy.", date(2022, 4, 26), []),
        # guards: 'on Monday', and 'on the Monday after ...' left to the other rules
        ("The debate will be held on Monday.", date(2022, 4, 26), ["2022-05-02"]),
        ("The vote will be held on the Monday after the election.", date(2022, 4, 26),
         ["2022-05-02"]),
    ],
)  # fmt: skip
def test_on_the_monday_is_a_day_of_the_storys_period(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a recent day of what the happening follows: no day of it
        ("The council will review its rules following complaints filed on Tuesday.",
         date(2022, 4, 22), []),
        ("Police will patrol the estate after a robbery and an arrest made earlier this week.",
         date(2022, 4, 22), []),
        # guard: a recent participle on the sentence's object still dates it
        ("The party issued nine press releases blasting Republicans on Wednesday.",
         date(2022, 4, 22), ["2022-04-20"]),
    ],
)  # fmt: skip
def test_a_recent_day_of_what_a_happening_follows_is_no_day_of_it(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected
