"""Event-date rules of issue 12's eleventh round: passing mentions read from where a date
attaches in the parse, each on invented sentences of that shape (the dates `analyst timeline`
would show)."""

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
        # a past day naming the subject of a prediction: the clause tells what it will bring
        ("Advocates said Monday's ruling could change the race for governor.", []),
        ("Sunday's vote is unlikely to settle the dispute.", []),
        ("Friday's storm could raise the price of grain, traders said.", []),
        ("The mayor's visit last Thursday would likely draw more investors.", []),
        # what the subject is 'of': the nearest such day, over before the writing
        ("The results of Monday's primaries would force the party to rethink.", []),
        (
            "The results of Thursday's vote will be known on Friday.",
            ["2022-08-11", "2022-08-12"],
        ),
        # the day of writing or later is the plan the sentence tells
        ("Tuesday's vote is unlikely to settle the dispute.", ["2022-08-09"]),
        ("The council's meeting on Thursday will decide the budget.", ["2022-08-11"]),
        # not a prediction: the past happening the subject did
        ("Monday's ruling changed the race for governor.", ["2022-08-08"]),
        # with a bare "will", what the subject is 'of' is read on its nearest side, then as a
        # past thing under a future clause (`event_clash`); the subject itself keeps its day
        ("The results of Monday's primaries will force the party to rethink.", []),
        ("Monday's ruling will change the race for governor.", ["2022-08-08"]),
        # a year or a month names a thing that may go on past it ("The 2019 season")
        ("The 2021 season will end late, the league said.", ["2021-01-01"]),
    ],
)
def test_predicted_past(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause the parser may hang on the verb as its complement
        ("She campaigned hard in the state that she won in 2008.", []),
        ("The senator toured the county that he carried in 2012.", []),
        # a true complement: what someone says or argues happened then
        ("She said that she won the state in 2008.", ["2008-01-01"]),
        ("He argued that tariffs rose in 2018.", ["2018-01-01"]),
    ],
)
def test_relative_complement(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an old date naming a thing 'of' another noun: the sentence tells about the other
        ("The regime survived sanctions in the aftermath of the 1986 raid on Tripoli.", []),
        ("The goals are as ambitious as those of the 1972 summit in Stockholm.", []),
        ("Critics questioned the legacy of the 2003 invasion of Iraq.", []),
        ("Police arrested the organisers of the 2019 protest.", []),
        # a time noun is a time
        ("The club collapsed at the end of the 2015 season.", ["2015-01-01"]),
        # a thing of the last year may be the story's own news
        ("Police arrested the organisers of last month's protest.", ["2022-07-01"]),
        # a date dating its clause stays
        ("The regime survived sanctions in 1986.", ["1986-01-01"]),
    ],
)
def test_old_thing_of(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause set off by dashes tells about a person in passing
        (
            "Ruiz — who was an author of the 2009 stimulus plan when the recession was at its"
            " worst — backs a larger rescue package.",
            [],
        ),
        (
            "Ruiz — who was an author of the stimulus plan in 2009 — backs a larger rescue"
            " package.",
            [],
        ),
        # the last days' news in such a clause still dates a state
        ("Ruiz — who was arrested on Friday — remains in custody.", ["2022-08-05"]),
    ],
)
def test_dashed_relative_about_person(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'concerning', 'regarding' read as verbs: a topic, as after 'about'
        (
            "The paper reports the two men fell out after Ruiz read an email on air she had"
            " sent him concerning the 2015 flood in Chennai.",
            [],
        ),
        ("The minister spoke to reporters concerning the 2015 flood.", []),
        ("Regarding last month's budget row, the minister said she had no regrets.", []),
        # a date of the clause itself stays
        ("The minister spoke to reporters concerning the flood on Monday.", ["2022-08-08"]),
    ],
)
def test_topic_participle(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a clause talks on or about, and what a verbless headline is news on
        ("She touched briefly on the 2016 presidential race.", []),
        ("The senator weighed in on last month's vote.", []),
        ("The mayor commented on the 2019 floods in a radio interview.", []),
        ("The Latest on the 2020 census, with counts in five states.", []),
        # a happening on the thing, or a date of the talking itself, stays
        ("The council voted on the 2023 budget on Monday.", ["2022-08-08"]),
        ("He spoke on Monday about the budget.", ["2022-08-08"]),
    ],
)
def test_spoken_on(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year naming a bill or a budget is its fiscal year, a name
        ("In the 2019 farm bill, lawmakers set aside $2 billion for drought relief.", []),
        ("Critics attacked her for backing the 1996 welfare bill.", []),
        ("The 2023 budget leaves little room for new hires.", []),
        # a date of the clause itself stays
        ("Lawmakers passed the farm bill in March.", ["2022-03-01"]),
    ],
)
def test_bill_year_names(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date inside what 'based on' brings is the source's
        ("Based on a survey of nurses in 2019, the report warns of shortages.", []),
        (
            "Based on the hearings held in 1998 that she helped organise, it was a play about"
            " the trial.",
            [],
        ),
        # the sentence's own date stays
        ("The film, based on a novel published in 1952, opens on Friday.", ["2022-08-12"]),
    ],
)
def test_based_on(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
