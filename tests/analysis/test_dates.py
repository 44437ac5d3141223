"""Temporal expressions found in text and anchored to the publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.date_scenes import tweet_scenes
from analysis.dates import find_dates, read_dates
from analysis.types import Precision, ResolvedDate

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"
DAY, WEEK, MONTH, YEAR = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR


def seed(prefix: str) -> str:
    """The text of one sample article, found by its number."""
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def only(found: tuple[ResolvedDate, ...], expression: str) -> ResolvedDate:
    """The single date whose text is `expression`."""
    matching = [item for item in found if item.text == expression]
    assert len(matching) == 1, [item.text for item in found]
    return matching[0]


def summary(text: str, anchor: date | None) -> list[tuple[str, date | None, Precision]]:
    """What a reader sees: expression, value and precision of every date found."""
    return [(item.text, item.value, item.precision) for item in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("prefix", "anchor", "expression", "value", "precision"),
    [
        ("002", date(2024, 10, 15), "last week", date(2024, 10, 7), WEEK),
        ("002", date(2024, 10, 15), "2024-10-15", date(2024, 10, 15), DAY),
        ("003", date(2015, 11, 23), "Nov. 23, 2015", date(2015, 11, 23), DAY),
        ("003", date(2015, 11, 23), "on Monday morning", date(2015, 11, 23), DAY),
        ("003", date(2015, 11, 23), "Nov. 13", date(2015, 11, 13), DAY),
        ("003", date(2015, 11, 23), "in July", date(2015, 7, 1), MONTH),
        ("003", date(2015, 11, 23), "since 2007", date(2007, 1, 1), YEAR),
        ("003", date(2015, 11, 23), "today", date(2015, 11, 23), DAY),
        ("003", date(2015, 11, 23), "this month", date(2015, 11, 1), MONTH),
        ("004", None, "on Friday 14th April 2017", date(2017, 4, 14), DAY),
        ("004", None, "the day before", date(2017, 4, 13), DAY),
        ("000", None, "2014", date(2014, 1, 1), YEAR),
        ("004", date(2017, 4, 12), "On April 14", date(2017, 4, 14), DAY),
    ],
)
def test_seed_dates_resolve(
    prefix: str, anchor: date | None, expression: str, value: date, precision: Precision
) -> None:
    found = only(find_dates(seed(prefix), anchor), expression)
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    ("prefix", "expression", "precision"),
    [
        ("001", "On January 17", DAY),
        ("000", "this week", WEEK),
        ("000", "on Tuesday", DAY),
        ("004", "On April 14", DAY),
    ],
)
def test_seed_dates_without_publication_date_stay_undated(
    prefix: str, expression: str, precision: Precision
) -> None:
    found = only(find_dates(seed(prefix), None), expression)
    assert (found.value, found.precision) == (None, precision)


def test_seed_004_friday_without_anchor_is_never_guessed() -> None:
    fridays = [item for item in find_dates(seed("004"), None) if item.text == "on Friday"]
    assert len(fridays) == 2
    assert all(item.value is None for item in fridays)


def test_seed_offsets_point_at_the_expression() -> None:
    text = seed("003")
    for item in find_dates(text, date(2015, 11, 23)):
        assert text[item.start : item.end] == item.text


ANCHOR = date(2015, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on Nov. 23, 2015.", ("on Nov. 23, 2015", date(2015, 11, 23), DAY)),
        ("Signed November 23, 2015 in Tehran.", ("November 23, 2015", date(2015, 11, 23), DAY)),
        ("The deal of 23 November 2015 holds.", ("23 November 2015", date(2015, 11, 23), DAY)),
        ("They met Friday 14th April 2017.", ("Friday 14th April 2017", date(2017, 4, 14), DAY)),
        (
            "They met on Tuesday, March 3, 2020.",
            ("on Tuesday, March 3, 2020", date(2020, 3, 3), DAY),
        ),
        ("It ended on the 5th of May 2016.", ("on the 5th of May 2016", date(2016, 5, 5), DAY)),
        ("Talks began Sept. 5, 2015.", ("Sept. 5, 2015", date(2015, 9, 5), DAY)),
        ("Filed 2024-10-15 by staff.", ("2024-10-15", date(2024, 10, 15), DAY)),
        ("Filed 15/10/2024 by staff.", ("15/10/2024", date(2024, 10, 15), DAY)),
        ("Filed 10/15/2024 by staff.", ("10/15/2024", date(2024, 10, 15), DAY)),
        ("Filed 10/11/2024 by staff.", ("10/11/2024", date(2024, 1, 1), YEAR)),
        ("The deal was reached in July 2015.", ("in July 2015", date(2015, 7, 1), MONTH)),
        ("Troops left in early March 2014.", ("in early March 2014", date(2014, 3, 1), MONTH)),
        ("Relations soured in 2014.", ("in 2014", date(2014, 1, 1), YEAR)),
        ("His first visit since 2007.", ("since 2007", date(2007, 1, 1), YEAR)),
        ("Prices rose in mid-2016.", ("in mid-2016", date(2016, 1, 1), YEAR)),
        ("After the 2014 Ukraine crisis, ties grew.", ("2014", date(2014, 1, 1), YEAR)),
        ("Trade doubled from 2015-2017.", ("from 2015-2017", date(2015, 1, 1), YEAR)),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, date, Precision]) -> None:
    assert summary(text, ANCHOR) == [expected]
    assert summary(text, None) == [expected]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("They met today.", ANCHOR, ("today", ANCHOR, DAY)),
        ("They met yesterday.", ANCHOR, ("yesterday", date(2015, 11, 22), DAY)),
        ("They meet tomorrow.", ANCHOR, ("tomorrow", date(2015, 11, 24), DAY)),
        ("They spoke this morning.", ANCHOR, ("this morning", ANCHOR, DAY)),
        ("They met two days ago.", ANCHOR, ("two days ago", date(2015, 11, 21), DAY)),
        ("They met three weeks ago.", ANCHOR, ("three weeks ago", date(2015, 11, 2), WEEK)),
        ("They met a year ago.", ANCHOR, ("a year ago", date(2014, 1, 1), YEAR)),
        ("They met this week.", date(2015, 11, 26), ("this week", ANCHOR, WEEK)),
        ("They met last week.", ANCHOR, ("last week", date(2015, 11, 16), WEEK)),
        ("They meet next week.", ANCHOR, ("next week", date(2015, 11, 30), WEEK)),
        ("They met last week.", date(2025, 1, 2), ("last week", date(2024, 12, 23), WEEK)),
        ("They met earlier this month.", ANCHOR, ("earlier this month", date(2015, 11, 1), MONTH)),
        ("They met last month.", date(2025, 1, 2), ("last month", date(2024, 12, 1), MONTH)),
        ("They met last year.", date(2025, 1, 2), ("last year", date(2024, 1, 1), YEAR)),
        ("Talks resume next year.", ANCHOR, ("next year", date(2016, 1, 1), YEAR)),
        ("They met on Monday.", ANCHOR, ("on Monday", ANCHOR, DAY)),
        ("They met on Friday.", ANCHOR, ("on Friday", date(2015, 11, 20), DAY)),
        ("They met on Friday.", date(2025, 1, 2), ("on Friday", date(2024, 12, 27), DAY)),
        ("They will meet on Friday.", ANCHOR, ("on Friday", date(2015, 11, 27), DAY)),
        ("Putin said Tuesday that ties grew.", ANCHOR, ("Tuesday", date(2015, 11, 17), DAY)),
        ("They met last Monday.", ANCHOR, ("last Monday", date(2015, 11, 16), DAY)),
        ("They meet next Monday.", ANCHOR, ("next Monday", date(2015, 11, 30), DAY)),
        ("They meet this Thursday.", ANCHOR, ("this Thursday", date(2015, 11, 26), DAY)),
    ],
)
def test_relative_dates(text: str, anchor: date, expected: tuple[str, date, Precision]) -> None:
    assert summary(text, anchor) == [expected]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "On January 17, they signed.",
            date(2025, 2, 1),
            ("On January 17", date(2025, 1, 17), DAY),
        ),
        (
            "On December 28, they met.",
            date(2025, 1, 5),
            ("On December 28", date(2024, 12, 28), DAY),
        ),
        ("The Dec. 5 deadline passed.", ANCHOR, ("Dec. 5", date(2015, 12, 5), DAY)),
        (
            "On January 17, they will sign.",
            date(2024, 12, 20),
            ("On January 17", date(2025, 1, 17), DAY),
        ),
        (
            "It fell on the 14th of April.",
            date(2017, 5, 1),
            ("on the 14th of April", date(2017, 4, 14), DAY),
        ),
        ("The deal was reached in July.", ANCHOR, ("in July", date(2015, 7, 1), MONTH)),
        ("The deal was reached in July.", date(2025, 1, 5), ("in July", date(2024, 7, 1), MONTH)),
        ("Elections will be held in March.", ANCHOR, ("in March", date(2016, 3, 1), MONTH)),
        ("They met last November.", ANCHOR, ("last November", date(2014, 11, 1), MONTH)),
        ("They met in November.", ANCHOR, ("in November", date(2015, 11, 1), MONTH)),
        ("Talks stalled in late August.", ANCHOR, ("in late August", date(2015, 8, 1), MONTH)),
    ],
)
def test_yearless_dates_take_the_anchor_year(
    text: str, anchor: date, expected: tuple[str, date, Precision]
) -> None:
    assert summary(text, anchor) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On January 17, they signed.", ("On January 17", None, DAY)),
        ("The deal was reached in July.", ("in July", None, MONTH)),
        ("They met last week.", ("last week", None, WEEK)),
        ("They met yesterday.", ("yesterday", None, DAY)),
        ("They met two days ago.", ("two days ago", None, DAY)),
        ("They met last year.", ("last year", None, YEAR)),
        ("They met on Tuesday.", ("on Tuesday", None, DAY)),
        ("They met the day before.", ("the day before", None, DAY)),
    ],
)
def test_relative_and_yearless_dates_without_anchor_are_undated(
    text: str, expected: tuple[str, None, Precision]
) -> None:
    assert summary(text, None) == [expected]


@pytest.mark.parametrize(
    ("text", "expected_value"),
    [
        ("Talks opened on May 3, 2016. The day before, envoys arrived.", date(2016, 5, 2)),
        ("Talks opened on May 3, 2016. The next day, envoys left.", date(2016, 5, 4)),
        ("Talks opened on May 3, 2016. On the same day, envoys left.", date(2016, 5, 3)),
        ("On Friday, talks opened. The day before, envoys arrived.", date(2015, 11, 19)),
    ],
)
def test_day_before_counts_from_the_previous_date(text: str, expected_value: date) -> None:
    assert find_dates(text, ANCHOR)[-1].value == expected_value


def test_day_before_without_a_previous_date_is_undated() -> None:
    # what "the day before" counts from is a time the text tells, not the day it was written
    found = find_dates("Her neighbour had been woken the night before by a burglar.", ANCHOR)
    assert [(item.text, item.value) for item in found] == [("the night before", None)]


@pytest.mark.parametrize(
    ("text", "anchor_precision", "expected"),
    [
        ("They met yesterday.", Precision.MONTH, ("yesterday", None, DAY)),
        ("They met last month.", Precision.MONTH, ("last month", date(2015, 10, 1), MONTH)),
        ("They met in July.", Precision.MONTH, ("in July", date(2015, 7, 1), MONTH)),
        ("They met on Nov. 30.", Precision.MONTH, ("on Nov. 30", date(2015, 11, 30), DAY)),
        ("They met in July.", Precision.YEAR, ("in July", None, MONTH)),
        ("They met last year.", Precision.YEAR, ("last year", date(2014, 1, 1), YEAR)),
        ("They met last year.", Precision.UNKNOWN, ("last year", None, YEAR)),
        ("They met on Nov. 23, 2015.", Precision.UNKNOWN, ("on Nov. 23, 2015", ANCHOR, DAY)),
    ],
)
def test_a_coarse_anchor_resolves_only_what_it_can(
    text: str, anchor_precision: Precision, expected: tuple[str, date | None, Precision]
) -> None:
    found = find_dates(text, ANCHOR, anchor_precision)
    assert [(item.text, item.value, item.precision) for item in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Article 14 specifically commits them.",
        "He started on the football weekly 90 Minutes.",
        "Putin is in Iran for the first time in eight years.",
        "A solution to the four-year conflict.",
        "More than 1,000 people died.",
        "He has been a journalist for 25 years.",
        "The detailed forty-seven article document.",
        "Subscribe to The Week and read The Week's newsletters.",
        "The army sent the 2000 troops north.",
        "Rates rose 2.5% in the 1990s.",
        "Apply for the role at any time.",
        "You may march on, said Sun Tzu.",
        "Good Friday is a holiday in 18 countries.",
        "USA Today reported it.",
        "The report covers 2017-2015 oddly.",
        "Call 555-1234 or read page 2015-a.",
        "",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, ANCHOR) == ()


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), anchor=st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(text: str, anchor: date | None) -> None:
    for item in find_dates(text, anchor):
        assert text[item.start : item.end] == item.text
        if anchor is None and item.value is not None:
            assert item.precision in (DAY, MONTH, YEAR)


SALAD = (
    *("on", "Monday", "last", "week", "Nov.", "13", "2015", ",", "the", "day", "before", "in"),
    *("July", "ago", "two", "days", "14th", "April", "31", "Feb.", "29", "9999", "-", "2016"),
    *("10/11/2024", "0000-00-00", "will", "."),
)


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(SALAD),
        max_size=30,
    ),
    anchor=st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max])),
    precision=st.sampled_from(list(Precision)),
)
def test_never_raises_on_date_like_word_salad(
    words: list[str], anchor: date | None, precision: Precision
) -> None:
    text = " ".join(words)
    for item in find_dates(text, anchor, precision):
        assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2005, Hurricane Dennis made landfall on July 10.",
            [("In 2005", date(2005, 1, 1), YEAR), ("on July 10", date(2005, 7, 10), DAY)],
        ),
        (
            "In 1999, the protests grew. On the night of June 4, troops moved in.",
            [("In 1999", date(1999, 1, 1), YEAR), ("June 4", date(1999, 6, 4), DAY)],
        ),
        (
            "On June 3, 1999, they met, and in July they parted.",
            [("On June 3, 1999", date(1999, 6, 3), DAY), ("in July", date(1999, 7, 1), MONTH)],
        ),
        (
            "In 2005, Dennis hit Florida. Last summer, Barry hit Louisiana on July 13.",
            [("In 2005", date(2005, 1, 1), YEAR), ("on July 13", date(2015, 7, 13), DAY)],
        ),
        (
            "In 2005, Dennis hit Florida.\n\nThe tour resumed on July 13.",
            [("In 2005", date(2005, 1, 1), YEAR), ("on July 13", date(2015, 7, 13), DAY)],
        ),
        (
            "His first visit since 2007 follows the deal reached in July.",
            [("since 2007", date(2007, 1, 1), YEAR), ("in July", date(2015, 7, 1), MONTH)],
        ),
        (
            "In 2014, he moved the brewery. The next year, he distilled his first rye.",
            [("In 2014", date(2014, 1, 1), YEAR), ("The next year", date(2015, 1, 1), YEAR)],
        ),
        ("A man given months to live is still alive a year later.", []),
    ],
)
def test_a_yearless_date_takes_the_year_the_story_is_set_in(
    text: str, expected: list[tuple[str, date, Precision]]
) -> None:
    assert summary(text, ANCHOR) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every Friday my grandad got off work.", []),
        ("Each Sunday they met at the pub.", []),
        (
            "Welcome weekend was well over 15 days ago.",
            [("well over 15 days ago", date(2015, 11, 1), MONTH)],
        ),
        ("They met about two weeks ago.", [("about two weeks ago", date(2015, 11, 1), MONTH)]),
        ("Scott told “CBS This Morning” co-host Gayle King.", []),
        ("Speaking to the BBC Radio 4 Today programme, he said so.", []),
        ("He will be at Monday Night Foodball, the weekly pop-up.", []),
        ("She hosted Saturday Night Live once.", []),
        ("The poems include John Okrent's “Two Days in March,” a dispatch.", []),
        (
            "He said “we will meet in March” to reporters.",
            [("in March", date(2016, 3, 1), MONTH)],
        ),
        ("Trump is golfing today, Dale wrote.", [("today", ANCHOR, DAY)]),
    ],
)
def test_habits_hedges_and_names(text: str, expected: list[tuple[str, date, Precision]]) -> None:
    assert summary(text, ANCHOR) == expected


@pytest.mark.parametrize(
    ("way", "expected"),
    [
        ("future", date(2015, 11, 28)),
        ("past", date(2015, 11, 21)),
        ("nearest", date(2015, 11, 21)),
        (None, date(2015, 11, 28)),  # no word from the caller: "will" in the sentence decides
    ],
)
def test_a_caller_says_which_way_a_date_points(way: str | None, expected: date) -> None:
    (found,) = find_dates(
        "It will be fine, they said on Saturday.", ANCHOR, direction=lambda *_: way
    )
    assert found.value == expected


def test_a_plan_told_in_the_past_takes_the_nearest_month_and_day() -> None:
    text = "The talks were due in December and the vote on Nov. 20."
    found = find_dates(text, date(2016, 1, 4), direction=lambda *_: "nearest")
    assert [(item.text, item.value) for item in found] == [
        ("in December", date(2015, 12, 1)),
        ("on Nov. 20", date(2015, 11, 20)),
    ]


def test_a_quoted_tweet_counts_its_today_from_its_own_date() -> None:
    text = (
        "Trump tweeted on Tuesday.\n\n"
        "The Fake News said I played golf today, and I did NOT!\n\n"
        "— Donald J. Trump (@realDonaldTrump) December 31, 2019\n\n"
        "He played again today."
    )
    published = date(2020, 1, 2)
    found = read_dates(text, published, scenes=tweet_scenes(text))
    assert [(item.date.text, item.date.value, item.basis) for item in found] == [
        ("on Tuesday", date(2019, 12, 31), None),
        ("today", date(2019, 12, 31), "tweet of December 31, 2019"),
        ("December 31, 2019", date(2019, 12, 31), None),
        ("today", published, None),
    ]
