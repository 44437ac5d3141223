"""Event-date mechanisms of issue 12's fifteenth round, each on sentences of the shape seen on
unlabelled PolNeAR and Timeline17 text, in new words (the dates `analyst timeline` would show):
the side a clause's modal or aspect gives a relative date, "this" and "last" before a weekday,
a thing's own day under "will", "the day after" a named thing, the year a relative year sets,
lists of old happenings and an old subject of a present, things talked "of", and readers'
comments and page stamps."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

MONDAY = date(2019, 3, 11)
WEDNESDAY = date(2019, 3, 13)
THURSDAY = date(2019, 3, 14)
FRIDAY = date(2019, 3, 15)


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's dated events."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a modal's perfect looks back, even reported: the Friday just past
        ("Friday would have been her 90th birthday, her son said.", MONDAY, ["2019-03-08"]),
        ("Thursday would have marked their 50th anniversary.", date(2019, 3, 16), ["2019-03-14"]),
        # a modal of duty or possibility before a bare verb looks ahead
        ("The board must approve the merger in June.", MONDAY, ["2019-06-01"]),
        ("Voters should go to the polls on Tuesday.", THURSDAY, ["2019-03-19"]),
        ("The two leaders may sign the accord in April.", MONDAY, ["2019-04-01"]),
        # a state under the modal says nothing of the side: the filing is the news
        (
            "The plan should be lawful, according to court filings Wednesday.",
            THURSDAY,
            ["2019-03-13"],
        ),
    ],
)
def test_modal_and_aspect_give_the_side(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """A modal's perfect is past; 'must', 'should', 'may' before a bare verb are ahead."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "this Tuesday" on the clause's side: written on a Friday, the coming one or the past one
        ("The mayor will tour the depot this Tuesday.", FRIDAY, ["2019-03-19"]),
        ("The mayor toured the depot this Tuesday.", FRIDAY, ["2019-03-12"]),
        ("The mayor will tour the depot this Friday.", MONDAY, ["2019-03-15"]),
        # "last Monday" written on a Wednesday is the week before's; from a Monday, "last
        # Friday" is three days back; from a Thursday, "last Thursday" a week back
        (
            "He was criticised for a lunch last Monday with the lobbyists.",
            WEDNESDAY,
            ["2019-03-04"],
        ),
        ("He was criticised for a lunch last Friday with the lobbyists.", MONDAY, ["2019-03-08"]),
        (
            "He was criticised for a lunch last Thursday with the lobbyists.",
            THURSDAY,
            ["2019-03-07"],
        ),
        # a bare day after the noun it times, subject of a "will": the nearest such day
        ("Her speech Tuesday on trade will dominate the week.", WEDNESDAY, ["2019-03-12"]),
        ("Their rally Sunday will set the tone for the race.", MONDAY, ["2019-03-10"]),
    ],
)
def test_weekday_side(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """A weekday's side follows its clause and its thing, not a fixed week."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the day after the fire" counts from the fire's day, not the last day written
        (
            "The fire broke out on Friday in the old mill. Police arrested a man on Sunday. "
            "The day after the fire, investigators returned to the site.",
            ["2019-03-08", "2019-03-10", "2019-03-09"],
        ),
        # a thing no sentence dates: the phrase is left undated
        (
            "Police arrested a man on Sunday. The day after the verdict, investigators returned.",
            ["2019-03-10"],
        ),
        # "the same day" a clause tells: a day the text does not give
        (
            "The parliament approved the budget on Monday. Its committee published a report the "
            "same day it approved the budget.",
            ["2019-03-11"],
        ),
        # the text moved to a month of another year after its last day
        (
            "The envoys met on Monday. They first met in May 2009, in Geneva. The day before, a "
            "bomb had exploded in the city.",
            ["2019-03-11", "2009-05-01"],
        ),
        # kept: the next day after the last day written, with nothing named
        (
            "The minister resigned on Friday. The next day, the prime minister named a successor.",
            ["2019-03-08", "2019-03-09"],
        ),
    ],
)
def test_day_phrase_counts_from_its_thing(nlp: Language, text: str, expected: list[str]) -> None:
    """'the day after X' is X's day plus one, or undated when the text dates no X."""
    assert dated(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a relative year sets the story's year for the yearless months after it
        ("Ten years ago, the party lost badly in March.", date(2016, 5, 2), ["2006-03-01"]),
        (
            "Six years ago, the league was nearly broke. In April, it signed a TV deal.",
            date(2016, 5, 2),
            ["2010-01-01", "2010-04-01"],
        ),
        # a year in a relative clause describes its noun and sets no story year
        (
            "The levy, which took effect in early 2012, raised $2 million in May.",
            date(2015, 6, 10),
            ["2015-05-01"],
        ),
    ],
)
def test_story_year(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """'Ten years ago' sets the year of a yearless month; a relative clause's year does not."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        # old happenings listed, each with its year, under a state or a present
        "The crash of the airliner in 1998, the flood in 2004 and the fire in 2011 all had one "
        "thing in common.",
        "He writes about the riots in 1992 and the strikes of 2001; he also paints.",
        # an old date on the subject of a simple present
        "The outbreak of cholera in 1991, centred in Peru, offers a warning of what could come.",
        "The storm in 2005 remains the costliest on record.",
        # what someone talks "of"
        '"They are the strongest in years," the coach said of the 2012 squad.',
    ],
)
def test_background_dates_no_event(nlp: Language, text: str) -> None:
    """Listed old happenings, an old subject of a present, a thing talked of: no event."""
    assert dated(nlp, text, date(2019, 5, 1)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # listed happenings the clause tells happening, and dates on verbs, stay
        (
            "Floods in 1993 and droughts in 2012 devastated the region.",
            ["1993-01-01", "2012-01-01"],
        ),
        ("She ran in 2001 for mayor and joined the cabinet in 2007.", ["2001-01-01", "2007-01-01"]),
        # a recent day on the subject of a present stays the story's news
        ("Tuesday's vote shows the party is divided.", ["2019-04-30"]),
    ],
)
def test_background_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """Happenings told as such keep their dates."""
    assert dated(nlp, text, date(2019, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a reader's comment counts its relative dates from its own stamp; the stamp is no event
        (
            "Great programme. At 09:12 5th Jun 2011, reader7 wrote: Watched it last night and "
            "loved it.",
            date(2011, 6, 3),
            ["2011-06-04"],
        ),
        # a BBC page's update stamp is no event
        (
            "Page last updated at 11:50 GMT, Friday, 29 January 2010 The minister has been "
            "speaking to reporters about the quake.",
            date(2010, 1, 29),
            [],
        ),
    ],
)
def test_comments_and_page_stamps(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """Comment headers anchor their comment; page stamps date nothing."""
    assert dated(nlp, text, published) == expected
