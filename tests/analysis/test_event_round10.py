"""Event-date rules of issue 12's tenth round: general shapes read from the errors of fresh
unlabelled news text (PolNeAR train, Timeline17), each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2022, 8, 9)  # a Tuesday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's events."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year naming a thing in the sentence before sets no year for the next one
        (
            "The court may overturn Brown, the 1954 ruling that ended segregation. In March,"
            " the governor said the state would appeal.",
            ["2022-03-01"],
        ),
        (
            "The park honours the 1969 landing on the moon. In June, the mayor opened it.",
            ["2022-06-01"],
        ),
        # a year opening its sentence still holds for the paragraph
        (
            "In 2005, the storm hit the coast. In July, the levees failed.",
            ["2005-01-01", "2005-07-01"],
        ),
    ],
)
def test_story_year_ends_with_its_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date that is the object of "after" bounds the happening's time
        ("Soon after March 2019, the agency changed its rules.", []),
        ("After June 2020, her letters were read with more care.", []),
        # a "by" target or deadline on a clause not told in the past
        ("The city may lift the fare to $3 by 2027.", []),
        ("By 2030, the river would be twice as wide.", []),
        ("The union has asked for the plant to be reopened by 2026.", []),
        ("Its membership could double by 2040.", []),
    ],
)
def test_bounds_not_dates(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time or a day part after "after" sets the happening's own day
        ("Shortly after 9 p.m. on Monday, the lights went out.", ["2022-08-08"]),
        ("The shooting began after midnight on Sunday.", ["2022-08-07"]),
        # "by" told in the past says what held then
        ("By early 2019, the engineers were having doubts.", ["2019-01-01"]),
        ("By Monday, the fire had reached the valley.", ["2022-08-08"]),
        # a gerund takes the tense of its clause
        (
            "The city had already spent $2.1 million responding to the floods by the end of June.",
            ["2022-06-01"],
        ),
        # a day "by" which a forecast puts its happening stays its date
        ("Crews expect to restore power by Friday.", ["2022-08-12"]),
        # "by" bringing the doer of a passive
        (
            "Six storms have formed, beginning with Ida in 2016, followed by 2017's Irma"
            " and Maria.",
            ["2016-01-01", "2017-01-01"],
        ),
    ],
)
def test_bounds_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present relating one thing to another: the nearest such month, not next year's
        ("The strike echoes a walkout in June by the city's bus drivers.", ["2022-06-01"]),
        ("That figure follows 1.2 million in May.", ["2022-05-01"]),
        # a "would" no one reports: the nearest such month
        ("The voters who would back her in November are worried.", ["2022-11-01"]),
        # a weekday naming the subject of a "will" clause: the nearest such day
        ("Monday's verdict will shape the next campaign.", ["2022-08-08"]),
        ("Thursday's summit will be a test for the new minister.", ["2022-08-11"]),
        # a quoted title read as a verb gives way to the clause it sits in
        ("The senator said on ''Meet the Press'' on Sunday that he would run.", ["2022-08-07"]),
    ],
)
def test_nearest_side(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a schedule in the present tense stays ahead
        ("The festival opens in June with a concert.", ["2023-06-01"]),
        # a reported "would" stays ahead; "will" on the clause's own date stays ahead
        ("Officials said the road would reopen on Monday.", ["2022-08-15"]),
        ("The council will vote on Monday.", ["2022-08-15"]),
        # a weekday naming the object of a "will" clause is not moved
        ("The minister will attend Saturday's summit in Rome.", ["2022-08-13"]),
    ],
)
def test_side_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause describing a noun that "since" brings is a reference point too
        (
            "Since the assaults that killed 40 people in Madrid last November, few cities have"
            " been more vigilant.",
            [],
        ),
        # a plan's participle describing a thing in passing
        ("The firm does not own the site, a mall scheduled to open this year.", []),
        # a noun of a clause below the main one, the date not written from the day of writing
        (
            "All these costs mean that a target set by the council in 2015 - cutting traffic by"
            " half - remains out of reach.",
            [],
        ),
        # a perfect main clause telling what was done, not a state
        ("Her charity, founded in 2012, has raised $3 million for schools.", []),
    ],
)
def test_description_stays(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state main clause still takes the date of a description of its subject
        ("The group, which was formed this month, has yet to report.", ["2022-08-01"]),
        ("The plan, drawn up in May, remains secret.", ["2022-05-01"]),
        ("The school, built in 1920, has been closed.", ["1920-01-01"]),
        # a date of the last days may sit at any depth under a present state
        (
            "The minister is in Rome, meeting leaders to press for a new effort to end the"
            " strike following clashes in Milan this week.",
            ["2022-08-08"],
        ),
        # a finite plan; a clause coordinated with the main one
        (
            "The fundraiser, which the mayor was set to attend Monday, costs $500 a seat.",
            ["2022-08-08"],
        ),
        (
            "He is not just a baker, but his bakery, which opened in a garage in 2010, is regarded"
            " as one of the best.",
            ["2010-01-01"],
        ),
    ],
)
def test_description_adopted(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month or a year naming a thing brought to a clause telling a state
        ("The militia has been tied to last month's bombing of the embassy.", []),
        ("Her testimony was central to a March 2019 report that found no fraud.", []),
        # a clause describing what "than" compares with
        ("The crowd was larger than at a similar rally held on Saturday.", []),
        ("He spoke more slowly than in a speech recorded on Monday.", []),
    ],
)
def test_named_in_passing(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day named is the story's news; a setting; a raid brought by "by"
        (
            "Their anger is fuelled by repeated raids, most recently a July 30 raid that"
            " destroyed a school.",
            ["2022-07-30"],
        ),
        ("The mayor spoke at last month's conference on housing.", ["2022-07-01"]),
        ("The stakes are high ahead of next month's vote.", ["2022-09-01"]),
    ],
)
def test_named_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone is invited, asked or agrees to do comes after the asking
        ("The chair has invited the minister to testify on Thursday.", ["2022-08-11"]),
        ("The board has asked staff to return to the office on Monday.", ["2022-08-15"]),
        ("The two leaders have agreed to meet in October.", ["2022-10-01"]),
        # told in the past: the nearest such day
        ("The court ordered him to appear on Friday.", ["2022-08-12"]),
        # a date of the asking itself stays behind
        ("She agreed on Monday to step down.", ["2022-08-08"]),
    ],
)
def test_directed_plans(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past 'as' clause likening a present or hoped-for case to another
        ("Aid must reach the city, as it happened in the 1995 siege of the town.", []),
        ("The world must stop the killing, as it did in Rwanda in 1994.", []),
        # a time, a cause, a source: the date stays
        ("As the storm moved in on Monday, the schools closed.", ["2022-08-08"]),
        ("Hopes are fading, as sales fell sharply in July.", ["2022-07-01"]),
        ("As the minister said on Monday, the plan is dead.", ["2022-08-08"]),
    ],
)
def test_likened_case(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "today" on what could or may be, or on what one can see: nowadays
        ("As you can see today, the ties between the two nations are strong.", []),
        ("A deal today may be far better for them than a fight next year.", []),
        ("Talks could resume today.", []),
        # the day's happening or plan stays
        ("The council will meet today.", ["2022-08-09"]),
        ("You can vote today at the town hall.", ["2022-08-09"]),
    ],
)
def test_possible_today(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "later Monday" is later on the day of writing, maybe the day before the page's date
        ("Obama may face a tough crowd when he speaks later Monday.", PUBLISHED, ["2022-08-08"]),
        ("The president will speak later Tuesday in Ohio.", PUBLISHED, ["2022-08-09"]),
        ("The president will speak later Monday in Ohio.", date(2022, 8, 8), ["2022-08-08"]),
        # without "later", a plan's weekday stays ahead
        ("The president will speak on Monday in Ohio.", PUBLISHED, ["2022-08-15"]),
    ],
)
def test_later_that_day(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of the figure a change starts from, written right after it, is a base
        ("Support rose from 38 percent on July 2 to 45 percent last week.", ["2022-08-01"]),
        ("Sales fell from $3 million in May to $2 million.", []),
        # a change with no end figure: the day it happened
        ("The index rose from 40 on Monday.", ["2022-08-08"]),
        ("The team moved from Leeds on Monday to London.", ["2022-08-08"]),
    ],
)
def test_change_start(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a recent day a plan comes after is no day of the plan
        (
            "Ministers are expected to approve the plan when they meet on Thursday after a first"
            " vote last week.",
            ["2022-08-11"],
        ),
        ("After talks on Monday, the ministers will sign the deal on Friday.", ["2022-08-12"]),
        # told in the past, the recent day still dates the sentence
        ("After a first vote last week, ministers approved the plan.", ["2022-08-01"]),
        # a clause a topic preposition brings is talked of, not told
        ("Critics should read the figures about where the city was in 2015.", []),
        ("He gave an account of what happened on Saturday.", ["2022-08-06"]),
    ],
)
def test_ahead_of_a_recent_day_and_topics(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a happening named by "of DATE" that a clause of now tells about
        ("The killings of June 4 remain a taboo subject.", []),
        ("The floods of March 2019 offer a warning.", []),
        ("Most of his allies consider the bitter fights of 2019 a useful lesson.", []),
        ("The events of Monday are still unclear.", []),
        # an example "such as" brings
        (
            "Storms have changed the coast before, such as the great flood in the delta in 1953.",
            [],
        ),
        # a happening told in the past; a time
        ("The attack of Tuesday killed nine people.", ["2022-08-09"]),
        ("In the summer of 2020, the city closed its parks.", ["2020-01-01"]),
    ],
)
def test_of_a_date_and_examples(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
