"""Event-date mechanisms of issue 12's seventeenth round, each on sentences of the shape seen on
the development draws (seeds 1771 and 1772 of `eval.events_draw`), in new words (the dates
`analyst timeline` would show): a thing of last year named by a clause told now or ahead is a
passing mention, as round 16 read things a year or more old."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

THURSDAY = date(2019, 3, 14)


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's dated events."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


@pytest.mark.parametrize(
    "text",
    [
        # 'would slow the pace following last year's drilling moratorium' (seed 1771)
        "Critics say the new rules would further slow drilling following last year's moratorium.",
        "Lawmakers could revisit last year's vote on the budget.",
        "The company hopes to reverse last year's losses.",
        "The board will review the 2018 audit of the agency.",
    ],
)
def test_last_years_thing_of_a_clause_told_ahead_is_no_event(nlp: Language, text: str) -> None:
    """A thing of last year under 'would', 'could' or a bare verb ahead, written in March."""
    assert dated(nlp, text, THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told in the past: the thing's date is the clause's happening
        ("The board reviewed last year's audit of the agency.", ["2018-01-01"]),
        # a month, a week or a day of the last year keeps its reading (earlier rounds)
        ("Lawmakers could revisit Tuesday's vote on the budget.", ["2019-03-12"]),
        ("The company hopes to reverse last month's losses.", ["2019-02-01"]),
        ("The senator voted against the bill last month.", ["2019-02-01"]),
        # the date on the clause itself, not on a thing
        ("Analysts will study the figures released on Tuesday.", ["2019-03-12"]),
        # ahead of the writing, or reaching it: not before it
        ("The board will meet next week to vote.", ["2019-03-18"]),
    ],
)
def test_recent_dates_that_keep_their_reading(
    nlp: Language, text: str, expected: list[str]
) -> None:
    """A past clause, a date on the clause, a date ahead keep their event."""
    assert dated(nlp, text, THURSDAY) == expected


AUGUST = date(2016, 8, 1)


@pytest.mark.parametrize(
    "text",
    [
        # 'Schmidt, born in February 1967 in Montana, is a Federation Fellow' (seed 1774)
        "The governor, elected in 2014, faces a recall vote.",
        "The senator, elected in 2010, is running again.",
        "Dr. Lee, born in March 1961 in Ohio, is a professor at the university.",
    ],
)
def test_a_participle_set_off_on_a_person_is_background(nlp: Language, text: str) -> None:
    """A past participle set off by commas on a person reads as 'who was ...': background."""
    assert dated(nlp, text, AUGUST) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last days' news stays, as for 'who was arrested on Tuesday'
        ("The suspect, arrested on Saturday, remains in custody.", ["2016-07-30"]),
        # a happening of the main clause keeps its own date
        ("Mr. Jones, appointed in March, resigned on Friday.", ["2016-07-29"]),
        ("Smith, born in 1950, studied law in Chicago.", ["1950-01-01"]),
    ],
)
def test_participles_that_keep_their_reading(nlp: Language, text: str, expected: list[str]) -> None:
    """Recent news in the participle, or a main clause telling a happening."""
    assert dated(nlp, text, AUGUST) == expected


WEDNESDAY = date(2016, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        # 'laid plans for an assault ... in a series of states holding contests on March 15'
        "Donors drew up plans for attacks in a series of states holding primaries on March 15.",
        "Aides met officials from the states voting on March 15.",
        "The union sent letters to workers attending the rally on March 20.",
    ],
)
def test_a_participle_ahead_under_a_past_describes_a_noun(nlp: Language, text: str) -> None:
    """A date after the writing on a participle describing a noun, under a simple past."""
    assert dated(nlp, text, WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the main clause ahead: the participle's date may be its time
        ("Donors will target states holding primaries on March 15.", ["2016-03-15"]),
        # a past date on the participle: the last days' news ('blasting Republicans on Monday')
        ("The party sent releases blasting Republicans on Monday.", ["2016-02-29"]),
        # the date on the past clause itself
        ("Donors met on Monday with officials representing the states.", ["2016-02-29"]),
    ],
)
def test_participles_ahead_that_keep_their_reading(
    nlp: Language, text: str, expected: list[str]
) -> None:
    """A main clause ahead, a past date, a date on the main clause."""
    assert dated(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "''Captain Khan, killed 12 years ago, was a hero,'' Mr. Trump wrote" (seed 1772)
        "Sergeant Miller, killed 12 years ago, was a hero.",
        "''Sergeant Miller, killed 12 years ago, was a hero,'' the senator wrote.",
        "John Smith, killed in 2004, was buried in Arlington.",
    ],
)
def test_a_participle_read_as_the_verb_is_background(nlp: Language, text: str) -> None:
    """'X, killed ..., was' that the parser reads 'X killed ..., was': about the person."""
    assert dated(nlp, text, AUGUST) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith, arrested on Saturday, remains in custody.", ["2016-07-30"]),  # recent
        ("John Smith won in 2004 and was re-elected in 2008.", ["2004-01-01", "2008-01-01"]),
    ],
)
def test_verbs_after_a_person_that_keep_their_reading(
    nlp: Language, text: str, expected: list[str]
) -> None:
    """Recent news, and a real verb with its own conjunct."""
    assert dated(nlp, text, AUGUST) == expected
