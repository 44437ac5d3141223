"""Event-date rules of issue 12's fourteenth round, each on short sentences of the shape seen on
unlabelled PolNeAR and Timeline17 text (the dates `analyst timeline` would show): named
holidays read as days, a level or a change a figure starts from, the September 11 attacks
named by their day, a source named by its period, a day naming a thing beside the clause's
own day, alternatives joined by "or", and transcript and post stamps."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.dates import find_dates
from analysis.types import Precision
from tests.analysis.dated import event_dates

PUBLISHED = date(2016, 4, 14)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's events."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # fixed days: the latest one not after the day of writing when told in the past ...
        ("He died on Christmas Eve.", date(2016, 12, 27), "2016-12-24"),
        ("They met on Christmas Eve.", date(2016, 12, 20), "2015-12-24"),
        ("The fireworks lit up the sky on New Year's Eve.", date(2019, 1, 3), "2018-12-31"),
        ("Crowds gathered on New Year’s Day.", date(2019, 1, 3), "2019-01-01"),
        ("Shops reopened on Boxing Day.", date(2019, 1, 3), "2018-12-26"),
        ("On Independence Day the president spoke in Ohio.", date(2019, 9, 1), "2019-07-04"),
        ("On America's Independence Day, he flew home.", date(2019, 9, 1), "2019-07-04"),
        ("Parades filled the streets on the Fourth of July.", date(2019, 9, 1), "2019-07-04"),
        ("Children went door to door on Halloween.", date(2019, 11, 2), "2019-10-31"),
        ("He proposed on Valentine's Day.", date(2019, 3, 2), "2019-02-14"),
        ("The ceasefire began on Veterans Day.", date(2018, 12, 1), "2018-11-11"),
        # ... the first one not before it when the clause looks ahead
        ("She will fly home on Christmas Eve.", date(2016, 12, 20), "2016-12-24"),
        ("The store will open on Black Friday.", date(2019, 11, 1), "2019-11-29"),
        # computed days: Easter (dateutil), US Thanksgiving and the Monday holidays
        ("The protest began on Easter Sunday.", date(2016, 5, 1), "2016-03-27"),
        ("Pilgrims filled the square on Good Friday.", date(2016, 5, 1), "2016-03-25"),
        ("Traffic was heavy on Easter Monday.", date(2019, 5, 1), "2019-04-22"),
        ("The family gathered on Thanksgiving Day.", date(2015, 12, 1), "2015-11-26"),
        ("Shoppers lined up on Black Friday.", date(2015, 12, 3), "2015-11-27"),
        ("The pool opened on Memorial Day.", date(2019, 6, 3), "2019-05-27"),
        ("The strike ended on Labor Day.", date(2019, 9, 20), "2019-09-02"),
        ("He spoke on Martin Luther King Jr. Day.", date(2020, 2, 1), "2020-01-20"),
        # a bare name after a preposition, "last" or "the day after"
        ("The shop was closed at Easter.", date(2019, 6, 3), "2019-04-21"),
        ("The troops came home over Thanksgiving.", date(2015, 12, 1), "2015-11-26"),
        ("He has not spoken since last Christmas.", date(2019, 9, 1), "2018-12-25"),
        ("The day after Easter, the shop reopened.", date(2019, 5, 1), "2019-04-22"),
        ("The night before Christmas, the roof collapsed.", date(2019, 12, 30), "2019-12-24"),
        ("On the day after Thanksgiving, the mall was full.", date(2015, 12, 3), "2015-11-27"),
        # the year written with the name, or the year the story is set in
        ("The protest began on Easter Sunday 2016.", date(2019, 5, 1), "2016-03-27"),
        ("It snowed on Christmas Day 2010.", date(2019, 5, 1), "2010-12-25"),
        ("In 2005, on Christmas Day, he left the country.", date(2019, 9, 1), "2005-12-25"),
    ],
)
def test_named_holiday_is_a_day(text: str, published: date, expected: str) -> None:
    """A named holiday is its day, in the year written, the story's or the anchor's."""
    found = [d for d in find_dates(text, published) if d.precision is Precision.DAY]
    assert [d.value.isoformat() for d in found if d.value] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell over the Christmas holidays.",
        "The Easter weekend brought heavy traffic.",
        "He wore a Halloween costume to work.",
        "Black Friday sales rose by 3 percent.",
        "Ukraine's Independence Day parade was cancelled.",
        "Crowds watched the Mexican Independence Day celebrations.",
        "On India's Independence Day, the prime minister spoke.",
        "The Good Friday Agreement was signed in Belfast.",
        "Christmas is a time for giving.",
        "She bought a Christmas tree.",
        "The Thanksgiving travel rush began.",
        "Good Friday is a holiday in 18 countries.",
        "Students may not be able to return home for Christmas.",
        "The choir sang carols on Christmas themes.",
        "Crowds gathered at Easter services across the city.",
    ],
)
def test_holiday_names_that_are_no_day(text: str) -> None:
    """A season, a thing named after a holiday or another nation's holiday gives no day."""
    found = [d for d in find_dates(text, date(2019, 12, 30)) if d.precision is Precision.DAY]
    assert found == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He died on Christmas Eve.", date(2016, 12, 27), ["2016-12-24"]),
        ("The day after Easter, the shop reopened.", date(2019, 5, 1), ["2019-04-22"]),
        ("The family gathered on Thanksgiving Day for dinner.", date(2015, 12, 1), ["2015-11-26"]),
        ("The Christmas holidays were quiet.", date(2016, 12, 27), []),
    ],
)
def test_holiday_events(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """A sentence telling what happened on a holiday is dated on that day."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base of a change by an amount, and the level a change starts from
        ("Support rose to 48 percent, a 10-point increase from December.", []),
        ("Exports reached $3 billion, a 12 percent drop from March.", []),
        ("Oil prices eased from a Thursday high on Friday.", ["2016-04-08"]),
        ("The index slipped from Tuesday's record.", []),
        ("Shares closed below Monday's close.", []),
        # kept: a change that starts at a time, and a record set on a day
        ("The shift from March to April surprised everyone.", ["2016-03-01"]),
        ("Oil hit a record high on Tuesday.", ["2016-04-12"]),
    ],
)
def test_change_and_level_bases(nlp: Language, text: str, expected: list[str]) -> None:
    """A date a change or a level is measured from is a reference point."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He denied any role in the Sept. 11 attacks.", []),
        ("Clinton noted the Sept. 11 attacks and her support for first responders.", []),
        ("The September 11th hijackers trained in Florida.", []),
        ("Families of 11 September victims gathered in London on Tuesday.", ["2016-04-12"]),
        ("Then she invoked the Sept. 11, 2001, terrorist attacks to defend herself.", []),
        # kept: the day itself, and another September 11
        ("The council will vote on Sept. 11.", ["2016-09-11"]),
        ("The attacks of Sept. 11, 2001 killed nearly 3,000 people.", ["2001-09-11"]),
        ("On Sept. 11, 2001, hijackers crashed planes into the towers.", ["2001-09-11"]),
    ],
)
def test_september_eleven_named(nlp: Language, text: str, expected: list[str]) -> None:
    """'the Sept. 11 attacks' names the 2001 attacks; its yearless day is no date."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last year's statistics show that crime fell.", []),
        ("The 2015 census shows that the city grew.", []),
        ("Last month's survey suggests voters are angry.", []),
        # kept: a past finding, a day's results, a source that happened
        ("Last year's survey found that crime fell.", ["2015-01-01"]),
        ("Tuesday's results show Trump ahead.", ["2016-04-12"]),
        ("Last year's flood destroyed the bridge.", ["2015-01-01"]),
    ],
)
def test_source_named_by_its_period(nlp: Language, text: str, expected: list[str]) -> None:
    """A month or year naming a source that speaks in the present dates no happening."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister's March 3 letter was read at the hearing on Tuesday.", ["2016-04-12"]),
        ("Last month's bombing was condemned by the council on Tuesday.", ["2016-04-12"]),
        # kept: the thing's own date when the clause has no other, and two days side by side
        ("The minister's March 3 letter was read at the hearing.", ["2016-03-03"]),
        ("He met the mayor on Monday and the governor on Tuesday.", ["2016-04-11", "2016-04-12"]),
    ],
)
def test_thing_named_beside_clause_day(nlp: Language, text: str, expected: list[str]) -> None:
    """A day or month modifying a thing gives way to the clause's own date as fine as itself."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Alex was expected to come ashore near the border late Wednesday or early Thursday.",
            date(2010, 6, 29),
            ["2010-06-30"],
        ),
        ("The talks will resume on Monday or Tuesday.", date(2010, 6, 29), ["2010-07-05"]),
        # kept: "and" joins two happenings
        (
            "The talks resumed on Monday and Tuesday.",
            date(2010, 6, 29),
            ["2010-06-28", "2010-06-29"],
        ),
    ],
)
def test_alternatives(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Of two dates offered as alternatives, only the first is the event's."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Obama Explains His Faith; Some Egyptians Willing To Die For Freedom Aired February"
            " 3, 2011 - 12:00 ET THIS IS A RUSH TRANSCRIPT.",
            [],
        ),
        ("May 15, 2009 14:06 UTC -- Paul Sousa is co-founder of the group.", []),
        # kept: a show that aired on a day, and a dated sentence with a clock time
        ("The show aired on February 3, 2011 to great reviews.", ["2011-02-03"]),
        ("The vote was held on February 3, 2011 at 10:30 am.", ["2011-02-03"]),
    ],
)
def test_transcript_and_post_stamps(nlp: Language, text: str, expected: list[str]) -> None:
    """A transcript's air stamp and a post's stamp opening its line are metadata."""
    assert dated(nlp, text, date(2011, 2, 3)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That is part of the reality of today's life on a global basis.", []),
        ("Today's society puts a premium on speed.", []),
        ("The statement urged leaders to avoid condemning today's refugees as a group.", []),
        ("Today's meeting was cancelled.", ["2016-04-14"]),
    ],
)
def test_todays_as_nowadays(nlp: Language, text: str, expected: list[str]) -> None:
    """'today's' before a word of what holds nowadays dates nothing."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span counted from a dated thing: the happening lies the span away
        (
            "Three months after the earthquake of January 2010, Haiti is still trying to recover.",
            [],
        ),
        ("The company collapsed two weeks after the March 3 fire.", []),
        ("He resigned a day after the vote on Tuesday.", []),
        # a thing likened to
        ("Saturday's gaffes were reminiscent of one from January 2013.", ["2016-04-09"]),
        ("The slump is similar to the one in 2008.", []),
        # kept: a day the clause itself happens on
        ("Shortly after the vote on Tuesday, he resigned.", ["2016-04-12"]),
        ("A year ago, he resigned.", ["2015-01-01"]),
    ],
)
def test_counted_from_or_likened(nlp: Language, text: str, expected: list[str]) -> None:
    """A date a span is counted from, or a thing likened to, is a reference point."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday with its week is one day of that week (PUBLISHED is Thursday, April 14)
        ("He spoke on Tuesday last week.", ["2016-04-05"]),
        ("Last week, on Tuesday, the council voted.", ["2016-04-05"]),
        ("On Monday of last week he resigned.", ["2016-04-04"]),
        ("He will speak on Tuesday next week.", ["2016-04-19"]),
        # kept: the weekday alone, and a week and a weekday of two clauses
        # (round 15: "last Tuesday" written on a Thursday is the week before's Tuesday)
        ("Last Tuesday he spoke.", ["2016-04-05"]),
        ("It ended last week, and on Tuesday he left.", ["2016-04-04", "2016-04-12"]),
    ],
)
def test_weekday_of_a_week(nlp: Language, text: str, expected: list[str]) -> None:
    """'on Tuesday last week' is the Tuesday of the week before the writing, one event."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices are back where they were more than six years ago.", []),
        ("The economy is not what it was five years ago.", []),
        ("Unemployment is now higher than where it was in 2009.", []),
        # kept: a past state set against nothing, and a happening in a free relative
        ("That is where he was on Tuesday.", ["2016-04-12"]),
        ("He returned to where he was born in 1950.", ["1950-01-01"]),
    ],
)
def test_then_against_now(nlp: Language, text: str, expected: list[str]) -> None:
    """A past state in a free relative set against the present is a reference point."""
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a show's title in two apostrophes, as wire copy writes quotation marks
        (
            "Mr. Obama sat for an interview with Chris Wallace on ''Fox News Sunday.''",
            date(2016, 7, 25),
            [],
        ),
        ("He told Fox News Sunday that he would run.", date(2016, 7, 25), []),
        # kept: a quotation in two apostrophes that is a sentence
        ("''I will run on Sunday,'' he said.", date(2016, 7, 25), ["2016-07-31"]),
        # a caption's or a list entry's date is the nearest such day, whatever the tense
        (
            "May 2: A sign on the side of a road calls for help to combat the spill.",
            date(2010, 5, 6),
            ["2010-05-02"],
        ),
        ("May 12: The tour resumes in Leeds.", date(2010, 5, 6), ["2010-05-12"]),
    ],
)
def test_titles_and_entries(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """A weekday in a show's title dates nothing; an entry's date is the nearest such day."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today, those links are beginning to point toward China.", []),
        ("Today, many of them are starting to leave.", []),
        # kept: a happening of the day, and a change not opened by "Today,"
        ("Today, the senate is voting on the bill.", ["2016-04-14"]),
        ("Today, the team is starting its season.", ["2016-04-14"]),
        ("The storm is becoming stronger today.", ["2016-04-14"]),
    ],
)
def test_today_a_change_under_way(nlp: Language, text: str, expected: list[str]) -> None:
    """An opening 'Today,' on a change under way in the present progressive means nowadays."""
    assert dated(nlp, text) == expected
