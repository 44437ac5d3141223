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
