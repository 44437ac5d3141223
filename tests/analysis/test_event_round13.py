"""Event-date rules of issue 12's thirteenth round, each on short sentences of the shape seen on
Postlight's parser fixtures (the dates `analyst timeline` would show): date words that name or
count nothing, a weekday that fixes a yearless day's year, and hopes that point ahead."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2016, 12, 22)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's events."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative word quoted alone names a folder, a list, a show
        ("Don't put emails in the “Today” folder that don't belong there.", []),
        ('She tried to keep the "Tomorrow" list short.', []),
        # ... but a quotation opening with it is still the speaker's day
        ("“Today’s charges should make one thing clear,” Levy said.", ["2016-12-22"]),
        # a capitalised relative word after a lower-case word: a title
        ("The Legends of Tomorrow cast is composed of characters from Arrow.", []),
        ("She hosted a special of Tonight on the network.", []),
        ("The storm will reach the coast tomorrow.", ["2016-12-23"]),
        # "on a Tuesday" names no week; the month and year beside it still date the sentence
        ("On a chilly Tuesday in December 1999, Thatcher rose to speak.", ["1999-12-01"]),
        ("He found himself in front of 75,000 people on a Sunday morning.", []),
        ("The council met on Tuesday to approve the budget.", ["2016-12-20"]),
        # a decade with an apostrophe is no year
        ("I took the train to work in the late 1980’s.", []),
        ("Sales fell in the 1990's as rivals grew.", []),
        ("Sales fell in 1990 as rivals grew.", ["1990-01-01"]),
        # "the last year": up to now, not the calendar year before
        ("It has been one of the most persistent narratives of the last year.", []),
        ("Prices have doubled over the past month.", []),
        ("Prices doubled last year.", ["2015-01-01"]),
        # "today's" before what holds nowadays
        ("No one calls it a money maker at today’s low interest rates.", []),
        ("Sign up to get today's top stories delivered to your inbox.", []),
        ("Today's vote was delayed by an hour.", ["2016-12-22"]),
        # the date of a magazine issue names the issue and lends no year
        ("*This article appears in the September 5, 2016 issue of New York Magazine.", []),
        ("GQ's January 2017 issue is on newsstands nationwide Dec. 20.", ["2016-12-20"]),
        ("The magazine's March issue sold out.", []),
        ("The magazine sold out in March.", ["2016-03-01"]),
    ],
)
def test_nameless_date_words(nlp: Language, text: str, expected: list[str]) -> None:
    """Date words that name or count nothing on the calendar date no event."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Dec. 14 was a Wednesday in 2016 and a Monday in 2015
        (
            "The drama began at 10:01 p.m. on Monday, Dec. 14, when the president received it.",
            PUBLISHED,
            ["2015-12-14"],
        ),
        # the weekday fits the year read: kept
        ("The board met on Wednesday, Dec. 14, to vote.", PUBLISHED, ["2016-12-14"]),
        # Jan. 20 was a Friday in 2017: a plan of January, read ahead, keeps its year
        ("The inauguration is on Friday, Jan. 20.", PUBLISHED, ["2017-01-20"]),
        # the year before does not fit either (Dec. 14, 2015 was a Monday): the reading stands
        ("The board met on Thursday, Dec. 14, to vote.", PUBLISHED, ["2016-12-14"]),
    ],
)
def test_weekday_fixes_year(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """A yearless day with its weekday takes the year (one either side) its weekday fits."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hope or an effort told now points ahead (written in December)
        ("SpaceX is hoping to return to flight in January.", ["2017-01-01"]),
        (
            "“We are working to safely and reliably return to flight in early January,” "
            "a spokesman said.",
            ["2017-01-01"],
        ),
        ("The company hopes to open the plant in March.", ["2017-03-01"]),
        # "come" brings the day ahead
        ("They would be prepared and armed with information come January 20.", ["2017-01-20"]),
        # told in the past, the tense rules keep their reading
        ("The company flew again in January.", ["2016-01-01"]),
    ],
)
def test_hopes_point_ahead(nlp: Language, text: str, expected: list[str]) -> None:
    """A date hoped or worked for now, or brought by 'come', lies ahead."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 'by' target still ahead is the reckoned thing's, not the reckoning's date
        ("Mosca pegged the odds of reaching the goal by 2026 at one in seven.", []),
        (
            "The agency may be ready to issue standards, a cryptographer estimated, by 2022.",
            [],
        ),
        # a 'by' date already past keeps the tense rules' reading
        ("The plant was closed by March.", ["2016-03-01"]),
        # a day is the happening's own deadline: not this rule's
        ("The board will finish the report by Friday.", ["2016-12-23"]),
        # who or what did it, not a deadline: left to the other rules
        ("The record will be broken, followed by 2027's games.", ["2027-01-01"]),
    ],
)
def test_deadline_ahead(nlp: Language, text: str, expected: list[str]) -> None:
    """A 'by' date of a month or longer after the day of writing dates no event."""
    assert dated(nlp, text) == expected
