"""Event-date rules of issue 12's ninth round: general shapes read from the errors of fresh
unlabelled news text (PolNeAR train, Timeline17), each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2022, 3, 10)  # a Thursday
SUNDAY = date(2022, 3, 13)


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reader comment's stamp: date, clock time, bar
        ("Mar 9, 2022 at 10:25 am | Reply Great article, thanks!!!", []),
        # a chat post's signature closing its line, a comment's header
        ("Not exactly a goat boarding a bus, but... -- March 09, 2022 2:03 PM", []),
        ("Do you get lost in her eyes? -- March 09, 2022 2:31 PM How do you feel about it?", []),
        ("At 4:15 pm on 9 Mar 2022, JamesJester wrote: 140 deaths so far, how many more?", []),
        # a wire dateline: the agency in brackets and a dash after the date
        ("Mar 10 (Reuters) - Rebels entered the capital on Tuesday.", ["2022-03-08"]),
        # a page's clock stamp before the dateline: the story's own date dates the line
        (
            "ATLANTA | Thu Mar 10, 2022 12:25 am EST ATLANTA Mar 10 (Reuters) - Environmental"
            " groups filed a suit on Wednesday against the company.",
            ["2022-03-09"],
        ),
        (
            "TOKYO | Wed Mar 9, 2022 8:21 pm EST TOKYO (Reuters) - Japan said on Thursday it"
            " had imposed sanctions.",
            ["2022-03-10"],
        ),
    ],
)
def test_stamps_and_wire_datelines(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline whose only date is its stamp keeps it: the day of its news
        ("Five schools shut because of flu Thursday 10 March 2022 14.37 GMT", ["2022-03-10"]),
        # a dated list's entry, a dash without an agency
        ("March 8 - Protesters marched through the city.", ["2022-03-08"]),
        # a clock time in prose, after a dash or opening the sentence
        ("The vote on Tuesday at 10:30 a.m. drew 300 people.", ["2022-03-08"]),
        ("The vote was held -- on Tuesday at 10:30 am", ["2022-03-08"]),
        ("At 9:30 a.m. on Tuesday, police arrived.", ["2022-03-08"]),
    ],
)
def test_no_stamp(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of the figure a change starts from, hung beside the 'from' phrase
        (
            "Stocks rose on Wednesday. The yield fell to 1.45 percent from 1.51 percent the day"
            " before.",
            ["2022-03-09"],
        ),
        (
            "Stocks rose on Wednesday. The euro rose to $1.1175 from $1.1074 the day before.",
            ["2022-03-09"],
        ),
        # the time a change is measured from
        ("While earnings dropped sharply from a year ago, the results beat forecasts.", []),
    ],
)
def test_base_of_a_change(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a start, a span and the day of the change itself stay
        ("The restrictions will come into force from Friday.", ["2022-03-11"]),
        ("Shares fell to 20 pence on Tuesday from 25 pence.", ["2022-03-08"]),
        ("Exports fell 3 percent in February from a year earlier.", ["2022-02-01"]),
    ],
)
def test_not_a_base_of_a_change(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date of a thing moved or called off is not when it was moved
        ("Her original June 15 campaign event was postponed after the shooting.", []),
        ("The council cancelled the Feb. 3 vote on Tuesday.", ["2022-03-08"]),
        # a thing of the last days is called off as the day's news
        ("Sunday's three league games have been postponed.", ["2022-03-06"]),
        # a thing that took place keeps its date
        ("The June 15 rally drew 5,000 people.", ["2021-06-15"]),
    ],
)
def test_thing_moved_or_called_off(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan in the passive: ahead
        ("A public memorial service is planned Friday in Louisville.", ["2022-03-11"]),
        ("The vote is scheduled Tuesday.", ["2022-03-15"]),
        # told in the past: the nearest such day
        ("The vote was scheduled for Tuesday, officials said.", ["2022-03-08"]),
        # a headline's infinitive: what will happen
        ("Obama, Biden to campaign for Clinton in September.", ["2022-09-01"]),
        ("Leaders to meet in Brussels on Monday.", ["2022-03-14"]),
        # a happening, and a thing a headline names, keep their past
        ("The record was set on Tuesday.", ["2022-03-08"]),
        ("Police to probe Tuesday's crash.", ["2022-03-08"]),
    ],
)
def test_plan_told_by_its_verb(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # on a Sunday, what will happen 'this week' is in the week ahead
        ("The exile will extend to this week's convention.", SUNDAY, ["2022-03-14"]),
        ("The convention will open this week in Philadelphia.", SUNDAY, ["2022-03-14"]),
        # told in the past, the week the Sunday ends; on a weekday, its own week
        ("Congress passed the bill this week.", SUNDAY, ["2022-03-07"]),
        ("The convention will open this week in Philadelphia.", PUBLISHED, ["2022-03-07"]),
    ],
)
def test_this_week_written_on_a_sunday(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'the same day as X' compares, it counts from no day: undated, on no day's line
        (
            "Police arrived on Friday. The game has aired the same day as the Super Bowl for"
            " seven years.",
            ["2022-03-04", "None"],
        ),
        # 'the same day' alone is the day told before
        (
            "Police arrived on Friday. The suspect was arrested the same day.",
            ["2022-03-04", "2022-03-04"],
        ),
    ],
)
def test_same_day_as(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


def test_short_title_with_the_sentence_full_stop(nlp: Language) -> None:
    # "Lopez Tonight." is a show's name, its full stop the sentence's
    text = "He stopped by in 2021 and spoke about his late night show “Lopez Tonight.”"
    assert dated(nlp, text) == ["2021-01-01"]


def test_quoted_headline_keeps_its_dates(nlp: Language) -> None:
    # a longer quotation in title case is a headline, its dates stay
    text = (
        "Shortly after 6 p.m., a campaign release declared: “Trump’s Abortion Agenda Cost"
        " Republicans Last Night and Will Cost Trump in 2024.”"
    )
    assert "2022-03-09" in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page stamp after a headline is the day of its news, even with a later date
        (
            "Schools shut over flu Thursday 10 March 2022 14.37 GMT The schools closed on"
            " Wednesday.",
            ["2022-03-10", "2022-03-09"],
        ),
        # a listed story's stamp of another day is the day its relative dates count from
        (
            "Sun Oct 23 2011 17:08:00 Tunisians vote Sunday to pick delegates as democracy comes.",
            ["2011-10-23"],
        ),
        # a stamp after an update's colon
        (
            "Prosecutors drop charges updated: Thu Mar 10 2022 21:41:00 Prosecutors dropped"
            " charges on Wednesday.",
            ["2022-03-09"],
        ),
    ],
)
def test_stamp_after_a_headline_or_an_update(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # when a photo was taken is no time of the story
        (
            "The minister (pictured above with the president last week; he wears no tie) was"
            " visibly relieved on Wednesday.",
            ["2022-03-09"],
        ),
        # a bracket that is no photo's note keeps its date
        ("The minister (who resigned last week) was seen on Wednesday.", ["2022-03-09"]),
    ],
)
def test_photo_note(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing named across the day of writing from its clause's tense
        ("The film will cover the 2012 Benghazi crisis.", []),
        ("She has been announced as the host of next month's gala.", []),
        ("Officials said the minister's March 28 meeting was scheduled on Monday.", ["2022-03-07"]),
        # a thing of the day of writing, or on the side its clause tells, keeps its date
        ("He declined to take part in Thursday night's debate.", ["2022-03-10"]),
        ("The film will premiere at the 2023 festival.", ["2023-01-01"]),
        ("The team lost the 2021 final.", ["2021-01-01"]),
    ],
)
def test_thing_across_the_day_of_writing(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


def test_listed_story_stamp_is_no_thing_named(nlp: Language) -> None:
    # a listed story's stamp the parser hangs on its headline keeps its day
    text = (
        "Prosecutors drop charges updated: Mon Jul 18 2011 21:41:00 Prosecutors dropped charges"
        " against six activists."
    )
    assert dated(nlp, text, date(2011, 1, 31)) == ["2011-07-18"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a state holds ahead of is not that day's state
        ("The senator is facing attack ads ahead of the May 3 primary.", []),
        # the time left out
        ("Aside from Tuesday night, Christie appears to embrace his new duties.", []),
    ],
)
def test_ahead_of_and_aside_from(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a happening 'ahead of' keeps its own day; a thing 'apart from' keeps its date
        ("The ads aired ahead of the primary on Tuesday.", ["2022-03-08"]),
        # a copula's state ahead of a day is that day's (as DEV judges it)
        ("The stakes are high for the candidates ahead of Tuesday's debate.", ["2022-03-15"]),
        ("Apart from a brief visit in 2009, he has never been to China.", ["2009-01-01"]),
    ],
)
def test_not_ahead_of_or_aside_from(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'today's' owning a place or an age is nowadays
        ("Nobody could get any of that done in today's Washington.", []),
        ("Facts are losing their value in today's world, he said.", []),
        # owning a happening or a paper, it is the day
        ("Today's speech shows that he is serious.", ["2022-03-10"]),
        ("In today's New York Times, she wrote that the plan failed.", ["2022-03-10"]),
    ],
)
def test_todays_place_or_age(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an old thing named under a simple present: no schedule lies in the past
        ("He still oversees a fund for the victims of the attacks of Sept. 11, 2001.", []),
        ("The museum marks the bombing of April 19, 1995 with a garden.", []),
        ("The film recounts the events of March 2003 in Baghdad.", []),
        # a narrative's present keeps the time it hangs on a noun
        ("In one exchange in April 2012, Mills forwards an email.", ["2012-04-01"]),
        ("Sullivan forwards an article in May 2012 to the secretary.", ["2012-05-01"]),
        ("In 2012, Obama wins a second term.", ["2012-01-01"]),
    ],
)
def test_old_thing_under_a_present(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
