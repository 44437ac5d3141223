"""Event dates of issue 12's round 23 (the twelfth batch, more of trafilatura's test pages, and
the tenth's remaining errors), in new words, each mechanism with the sentences it is written for
and the guards that keep their dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


WRITTEN = date(2022, 4, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date the parser split ('Sunday' the object of 'on', 'May' hung on a verb further
        # up): the preposition before it holds all of it, so the date is the time of the thing
        # the clause comes 'ahead of', not of the announcement
        ("The union has announced two nominees running for the chair ahead of the members' "
         "annual meeting on Sunday May 1.", []),
        # guards: the same date on the clause's own verb keeps it
        ("The band announced a new drummer on Sunday May 1 at a press event.", ["2022-05-01"]),
        ("The mayor opened the bridge on Sunday May 1 after years of delays.", ["2022-05-01"]),
        ("The club will hold its annual meeting on Sunday May 1.", ["2022-05-01"]),
        # a copula's state 'ahead of' a dated thing is no sequence: it keeps the thing's day
        ("The stakes are high for a governor facing voters ahead of the primary on Tuesday "
         "May 3.", ["2022-05-03"]),
        ("Crowds gathered ahead of the concert on Friday April 29.", ["2022-04-29"]),
    ],
)  # fmt: skip
def test_a_date_the_parser_split_is_held_by_its_preposition(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening participle taking its object 'as' something, beside a dated main clause:
        # the participle's date describes the thing, the main clause's is the event
        ("Calling the reopening of the mines two months ago as the real test, the agency said "
         "yesterday it was satisfied with the safety record.", ["2022-04-20"]),
        ("Describing the merger two years ago as a mistake, the chairman said yesterday he "
         "would step down.", ["2022-04-20"]),
        # guards: a participle of a happening keeps its date; no dated main clause, no change
        ("After meeting the mayor on Friday, the minister said yesterday the plan would go "
         "ahead.", ["2022-04-15", "2022-04-20"]),
        ("Describing the merger two years ago as a mistake, the chairman said he would step "
         "down.", ["2020-01-01"]),
    ],
)  # fmt: skip
def test_an_opening_participle_that_characterises_a_thing_is_a_second_date(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'the' before a weekday with its part of the day, as an adverb: a day of the story's
        # own period, not of the writing's week
        ("“He left the Thursday night on his tractor and he said he was going to hunt.”", []),
        ("She said he went out the Friday night with his dog and never came back.", []),
        ("They met the Tuesday evening at a hotel in the capital.", []),
        # guards: a noun after it names a thing; 'on Thursday night' is the writing's week
        ("The Friday night game was cancelled because of the storm.", ["2022-04-15"]),
        ("He left on Thursday night with his dog.", ["2022-04-21"]),
    ],
)  # fmt: skip
def test_the_weekday_with_its_part_of_the_day_is_a_day_of_the_storys_period(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the years a passive 'anchored/premised/predicated on ...' clause names: the scope a
        # plan or an account rests on, not a happening
        ("The reform package, unveiled after the crisis, was anchored on rapid expansion from "
         "2023 to 2026 to win back investors.", []),
        ("The strategy was premised on steady growth from 2019 to 2022.", []),
        ("The budget is predicated on a return to growth in 2023.", []),
        # guards: a happening over the years; a day a basis names; a building; a year before
        # the 'on'
        ("The programme ran from 2017 to 2020 in four regions.", ["2017-01-01", "2020-01-01"]),
        ("The decision was based on a vote on Tuesday.", ["2022-04-19"]),
        ("The bridge was built on the river from 2017 to 2020.", ["2017-01-01", "2020-01-01"]),
        ("In 2019 the plan was anchored on growth.", ["2019-01-01"]),
    ],
)  # fmt: skip
def test_the_years_a_plan_rests_on_are_no_happening(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
