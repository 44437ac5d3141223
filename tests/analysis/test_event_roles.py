"""Which date of a sentence is its event, and which way it points (issue 12): one sentence of
each shape that went wrong on real pages, run through the real pipeline, with its events."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision

DAY, WEEK, MONTH, YEAR = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR
FRIDAY = date(2023, 11, 3)  # the day each sentence was published, a Friday

Found = list[tuple[str, date | None, Precision]]


def events(nlp: Language, text: str, published: date = FRIDAY) -> Found:
    """Expression, date and precision of every event of `text`."""
    doc = nlp(text)
    found = extract_events(doc, analyse_doc(doc), published, DAY)
    return [(event.expression, event.date, event.precision) for event in found]


@pytest.mark.parametrize(
    "text",
    [
        "He has not debated since 2009, and that was against one opponent.",
        "It was the first time since 1921 that the river froze over.",
        "The two leaders had not met since 1958.",
        "The number of dirty cars has fallen by 77,000 since June.",
        "Since the 2008 recession, local health department workforces have shrunk.",
        "Israel said it has killed dozens of militants since ground operations expanded on Friday.",
        "Support among black voters fell from 54% in November to 35%.",
        "Biden is doing badly with young voters compared to 2020, according to polls.",
        "We will be opening and closing campuses for the next year or longer.",
        "Peak hurricane season runs August through October.",
        "Before the Nov. 3 election, he campaigned in Ohio.",
        "The council set a deadline of November 6 for the bids.",
        "The administration touts costs down 60% from a year ago.",
        "Applications must be submitted by Friday.",
        "Companies are required to file their returns by Jan. 31.",
    ],
)
def test_a_reference_point_is_no_event(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump was warned that his vaping ban could hurt him in the 2020 election.",
            [],
        ),
        ("He writes of Previn, whom he married in 1997.", []),
        (
            "Noah Wall, advocacy director for FreedomWorks, which in 2009 organized a Tea Party"
            " protest, said the groups were united.",
            [],
        ),
        (
            "Carol Hefner, who helped organize a protest last week in Oklahoma City, cited the"
            " state's flat terrain.",
            [],
        ),
        ("Officials cited figures released in May 2017.", []),
        (
            "The 2016 film will be shown again at the festival on Saturday.",
            [("on Saturday", date(2023, 11, 4), DAY)],
        ),
        (
            "She read from her 2005 memoir at the festival on Saturday.",
            [("on Saturday", date(2023, 10, 28), DAY)],
        ),
        (
            "A November 2 report found that the agency had lost track of 300 files.",
            [("November 2", date(2023, 11, 2), DAY)],
        ),
        (
            "At an April 12 hearing, senators asked about the minister's March 3 letter.",
            [("April 12", date(2023, 4, 12), DAY)],
        ),
        (
            "The author and 2020 Democratic presidential candidate laid off her staff on Tuesday.",
            [("on Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "Scott told “CBS This Morning” co-host Gayle King that she would run.",
            [],
        ),
        (
            "Speaking to the BBC Radio 4 Today programme, Anwar said the pauses were not enough.",
            [],
        ),
        (
            "Other poems include John Okrent's “Two Days in March,” a dispatch from a hospital.",
            [],
        ),
        (
            "The DJ will be at Ludlow Liquors for Monday Night Foodball on December 11.",
            [("on December 11", date(2023, 12, 11), DAY)],
        ),
    ],
)
def test_a_date_describing_a_thing_in_passing_is_no_event(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Phoenix said on Sunday, referring to the actor who won a posthumous Oscar in 2009.",
            [("on Sunday", date(2023, 10, 29), DAY)],
        ),
        (
            "The mayor spent Tuesday answering questions about Saturday's crash.",
            [("Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "Women's right to abortion will be enshrined in the constitution from next year,"
            " President Emmanuel Macron pledged this week.",
            [("this week", date(2023, 10, 30), WEEK)],
        ),
        (
            "The charity revealed this week that fees will be waived from 6 November.",
            [("this week", date(2023, 10, 30), WEEK)],
        ),
        (
            "In 2005, Hurricane Dennis made landfall near Navarre Beach, Florida, on July 10.",
            [("on July 10", date(2005, 7, 10), DAY)],
        ),
        (
            "This week, the CDC released new data on a tragic trend: more than 3,700 cases were"
            " reported in 2022.",
            [("This week", date(2023, 10, 30), WEEK)],
        ),
    ],
)
def test_a_sentence_is_dated_once_when_one_date_is_its_event(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Blinken was also due to meet Jordan's foreign minister in Amman on Saturday.",
            [("on Saturday", date(2023, 11, 4), DAY)],
        ),
        (
            "The storm is expected to clear by Wednesday evening.",
            [("by Wednesday evening", date(2023, 11, 8), DAY)],
        ),
        ("The Lakers host the Celtics on Sunday.", [("on Sunday", date(2023, 11, 5), DAY)]),
        ("The tour resumes March 12th.", [("March 12th", date(2024, 3, 12), DAY)]),
        (
            "The charity is making its reserves free to young people from Monday.",
            [("from Monday", date(2023, 11, 6), DAY)],
        ),
        (
            "He expects to release a dozen cases in February.",
            [("in February", date(2024, 2, 1), MONTH)],
        ),
        (
            "The stakes are high for the candidates ahead of Tuesday's debate.",
            [("Tuesday", date(2023, 11, 7), DAY)],
        ),
        (
            "On Tuesday, Trump said of the upcoming ban that it will protect families.",
            [("On Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "The debate will give voters a live demonstration, she said Tuesday.",
            [("Tuesday", date(2023, 10, 31), DAY)],
        ),
        (
            "The hurricane is forecast to make landfall on Thursday.",
            [("on Thursday", date(2023, 11, 9), DAY)],
        ),
        (
            "The bill is likely to pass the Senate on Monday.",
            [("on Monday", date(2023, 11, 6), DAY)],
        ),
        (
            "The vote was postponed to Thursday.",
            [("Thursday", date(2023, 11, 9), DAY)],
        ),
        (
            "Officials said the road would reopen on Monday.",
            [("on Monday", date(2023, 11, 6), DAY)],
        ),
        (
            "The anthology is coming in e-book formats June 9 and as a hardcover in November.",
            [("June 9", date(2024, 6, 9), DAY), ("in November", date(2023, 11, 1), MONTH)],
        ),
    ],
)
def test_a_relative_date_points_the_way_its_clause_does(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


def test_a_plan_told_in_the_past_takes_the_nearest_day(nlp: Language) -> None:
    monday = date(2019, 12, 30)
    text = "The minister was due to sign the deal on Saturday."
    assert events(nlp, text, monday) == [("on Saturday", date(2019, 12, 28), DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Every Friday my grandad got off work and went to the bar.",
        "She is worried about where help will come from if there is another storm this year.",
        "Koon said there may be no cavalry for storm victims this year.",
        "Ukraine has threatened not to hold elections this year.",
        "Today he carries Fox's beers and spirits at the cafe.",
        "“Today there are no medicines for treatment at all,” the director said.",
        "Those groups could energize the right in the same way the Tea Party did in 2009.",
    ],
)
def test_habits_conditions_and_speculation_are_no_events(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump is indeed golfing today.", [("today", FRIDAY, DAY)]),
        (
            "The group, which was created this month, has yet to report any financial activity.",
            [("this month", date(2023, 11, 1), MONTH)],
        ),
        (
            "Colorado State University, which released its forecast Thursday, is also predicting"
            " an above normal season.",
            [("Thursday", date(2023, 11, 2), DAY)],
        ),
        (
            "Biden's campaign issued nine press releases blasting Republicans on Wednesday.",
            [("on Wednesday", date(2023, 11, 1), DAY)],
        ),
        (
            "At a June 25 hearing in Connolly's subcommittee, Rep. Jody Hice pushed for a faster"
            " pace.",
            [("June 25", date(2023, 6, 25), DAY)],
        ),
        (
            "Long dealt with more than 220 disasters in 2017 and 2018.",
            [("in 2017", date(2017, 1, 1), YEAR), ("2018", date(2018, 1, 1), YEAR)],
        ),
        (
            "Prices rose from January 2015 through December 2019.",
            [
                ("from January 2015", date(2015, 1, 1), MONTH),
                ("through December 2019", date(2019, 12, 1), MONTH),
            ],
        ),
        (
            "Chicago imposed a curfew on alcohol sales from 21:00 local time on Thursday.",
            [("on Thursday", date(2023, 11, 2), DAY)],
        ),
        (
            "They met on Monday and signed a deal in July.",
            [("on Monday", date(2023, 10, 30), DAY), ("in July", date(2023, 7, 1), MONTH)],
        ),
    ],
)
def test_the_events_of_a_sentence_stay(nlp: Language, text: str, expected: Found) -> None:
    assert events(nlp, text) == expected


def test_today_in_a_quoted_tweet_is_the_tweets_day(nlp: Language) -> None:
    text = (
        "The Fake News said I played golf today, and I did NOT!\n\n"
        "— Donald J. Trump (@realDonaldTrump) December 31, 2019\n\n"
        "Trump visited his golf club on Thursday."
    )
    assert events(nlp, text, date(2020, 1, 2)) == [
        ("today (tweet of December 31, 2019)", date(2019, 12, 31), DAY),
        ("on Thursday", date(2020, 1, 2), DAY),
    ]
