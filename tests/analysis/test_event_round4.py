"""Event-date rules of issue 12's fourth round (session 7): general mechanisms read from the
parse, each on invented sentences of the shape counted on the enlarged DEV (80 pages)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2020, 6, 11)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    "text",
    [
        # a preposition before a possessive date governs the noun the date names: "from
        # Monday's elections" is no starting point, and the elections are a thing in passing
        "For the full results from Monday's council elections, see our live page.",
        # a relative clause set off by a comma tells a person's background, not the news of a
        # main clause that has none
        "The shortlist does not include Anna Novak, who won the prize last year.",
        # a year ending a law's name is no time
        "The judge cited the Clean Water Act of 1972 in her ruling.",
        # a four-digit count of things is no year
        "The village has around 1900 homes and two schools.",
        # a list of other pages, each headline with its publication date after a dash
        "The mayor talked about the plan.\n\n- City To Open Free Clinics For Artists - June 9, 2020"
        "\n\n- Theaters Refuse To Reopen Over Ban - June 8, 2020",
        # what a clause likens its subject to is a reference point
        "The new contract is similar to one signed earlier this year with the drivers' union.",
        "Officials said the deal was comparable to the 2019 agreement.",
        # a target a noun carries ("a cut by 2030") is a deadline, not a happening
        "The plan includes a 30% cut in emissions by 2030.",
        # the thing despite which a clause happens is background
        "Despite an injury in 2018, she had won three titles by then.",
        # "today" on a present tense with "do" means nowadays
        "If you lose your job today, you don't get any help from the state.",
        "Today you don't need a car to live here.",
        # a thing the clause's happening comes ahead of is a reference point, whatever its day
        "Ahead of Tuesday's vote, protesters gathered outside parliament.",
        "Looking ahead to next year's summit, the minister praised the new treaty.",
        # a past when-clause under a clause set in the future describes what it mentions
        "The insurer will pay for the statue the town lost when thieves took it last March.",
        # what the object of an undated happening did is passing, but for its outcome that day
        "He recalled a storm that hit the town on Aug. 29, 2005.",
        "She bought a house that was built on May 5, 1920.",
        "He read a book that described the war in 1944.",
        # "tonight" on a present state is an opinion about tonight, not a happening
        "Nothing tonight matters more than the result.",
        "The city seems calm tonight.",
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive date naming the setting of a happening keeps dating it
        ("Fans gathered on Saturday's final day of the festival.", ["2020-06-06"]),
        # a person's relative clause telling the last days' news is the news
        ("Anna Novak, who was arrested on Tuesday, remains in custody.", ["2020-06-09"]),
        # a relative clause without a comma says which people the story is about
        ("Residents who spoke at Tuesday's hearing are worried about the plan.", ["2020-06-09"]),
        # the year naming the thing gives way to the finer date of the clause
        (
            "Two teams will meet Saturday afternoon in the opening game of the 2021 league season.",
            ["2020-06-13"],
        ),
        # "last May" said in June is May of the year before ("this May" is this year's)
        ("The council changed its mind last May and backed the plan.", ["2019-05-01"]),
        ("The council changed its mind this May and backed the plan.", ["2020-05-01"]),
        # a past when-clause under a past clause sets its time
        (
            "When the storm hit on Monday, officials said they would rebuild the pier.",
            ["2020-06-08"],
        ),
        # the outcome of an undated past happening, told by its object, falls on its day
        ("The two sides reached a deal that ended the strike on June 2.", ["2020-06-02"]),
        # the time of what a happening comes ahead of, hung by the parser beside "ahead of"
        (
            "She announced her bid in an interview on Monday, "
            "ahead of the filing deadline at noon on June 19.",
            ["2020-06-08"],
        ),
        # "tonight" on a present happening is its schedule
        ("The team plays its final game tonight.", ["2020-06-11"]),
        # years listed side by side each stay
        (
            "Storms formed in 2016, followed by 2017's Irma and 2018's Michael.",
            ["2016-01-01", "2017-01-01", "2018-01-01"],
        ),
        # a number of people is counted, a date beside it is kept
        ("Around 1900 people marched through the town on Sunday.", ["2020-06-07"]),
    ],
)
def test_event_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday in brackets says which day the statement's "today" was
        ("“I will meet the minister today (Tuesday) to discuss it,” she said.", ["2020-06-09"]),
        ("“We spoke to the family yesterday (Monday),” the council said.", ["2020-06-08"]),
        # a quotation's "this morning" in a report set on the day before publication
        (
            "The clinic opened on Wednesday.\n\n"
            "“I came in this morning and the queue was already outside,” a nurse said.",
            ["2020-06-10", "2020-06-10"],
        ),
        # or whose quoted statement names it: "today (Wednesday)"
        (
            "“I will meet the residents today (Wednesday),” the councillor said.\n\n"
            "A spokesman said: “We had a useful meeting with residents this afternoon.”",
            ["2020-06-10", "2020-06-10"],
        ),
        # not when the report's own words name the day of publication as well
        (
            "The clinic opened on Wednesday.\n\n"
            "“I came in this morning,” a nurse said on Thursday.",
            ["2020-06-10", "2020-06-11"],
        ),
        # nor in a report that does not name the day before
        (
            "“I came in this morning and the queue was already outside,” a nurse said.",
            ["2020-06-11"],
        ),
    ],
)
def test_a_quoted_day_counts_from_the_day_it_was_said(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        # dated on a Monday, "earlier this week" was written the week before
        (date(2020, 6, 8), ["2020-06-01"]),
        (date(2020, 6, 11), ["2020-06-08"]),
    ],
)
def test_earlier_this_week_on_the_first_day_of_the_week(
    nlp: Language, published: date, expected: list[str]
) -> None:
    text = "The health department announced earlier this week that two schools would close."
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told in the past after a plan, "the night before" counts from the story's last past day
        (
            "Tom vanished on Sunday, March 1, 2015.\n\n"
            "Police will hold a press conference on Friday.\n\n"
            "He had walked to a party the night before he vanished.",
            ["2015-03-01", "2020-06-12", "2015-02-28"],
        ),
        # told as a plan, it counts from the plan's day
        (
            "The committee met on Tuesday.\n\nThe vote will be held on Friday.\n\n"
            "The day before, the mayor will address the council.",
            ["2020-06-09", "2020-06-12", "2020-06-11"],
        ),
    ],
)
def test_the_day_before_counts_from_a_day_of_its_tense(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected
