"""Event-date direction and background of issue 12's round 19, in new words: a passive
to-infinitive with its own subject under a plan word ('expects the well to be sealed on
Saturday') points ahead; a named occasion setting a possibility or a duty ahead ('may take
place on Sunday's anniversary') is ahead; 'supposed to' is a plan word; and a past participle
opening the sentence before a person ('Appointed chief justice in 1953, Warren turned out')
tells about the person, as 'who was appointed in 1953' does."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a passive to-infinitive with its own subject under a plan word (a Thursday)
        ("The company expects the pipeline to be fully repaired on Saturday.", date(2012, 5, 17),
         ["2012-05-19"]),
        # a named occasion setting a possibility or a duty ahead (a Thursday)
        ("Fresh rallies may take place on Sunday's anniversary of the uprising.",
         date(2012, 5, 17), ["2012-05-20"]),
        ("The proposal could be discussed at Tuesday's meeting of the council.",
         date(2012, 5, 17), ["2012-05-22"]),
        # 'supposed to' told in the past: the nearest such month (written in September)
        ("The levy was supposed to expire in November.", date(2012, 9, 12), ["2012-11-01"]),
    ],
)  # fmt: skip
def test_direction_rules(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Rule cases: each failed on the starting code (`bdbfd12`)."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an active to-infinitive under a plan word kept its reading
        ("Analysts expect the bank to report its results on Tuesday.", date(2012, 5, 17),
         ["2012-05-22"]),
        # a thing named in a possibility, not setting it: the last such day
        ("Officials may appeal Monday's ruling.", date(2012, 5, 17), ["2012-05-14"]),
        # a setting of a past clause, and of a negated ability: past
        ("At Monday's briefing, the spokesman said the talks had failed.", date(2012, 5, 17),
         ["2012-05-14"]),
        ("The issue could not be raised at Tuesday's meeting.", date(2012, 5, 17),
         ["2012-05-15"]),
    ],
)  # fmt: skip
def test_direction_guards(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Guards: shapes whose reading did not change."""
    assert dated(nlp, text, published) == expected


def test_an_opening_participle_before_a_person_is_background(nlp: Language) -> None:
    """'Appointed coach in 1998, Ortega went on to ...': the participle tells about the person."""
    text = "Appointed head coach in 1998, Luis Ortega went on to rebuild the team."
    assert dated(nlp, text, date(2012, 5, 17)) == []
    assert dated(nlp, "Born in Leeds in 1961, she moved to Canada as a child.",
                 date(2012, 5, 17)) == []  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the last days' news: kept
        ("Arrested on Saturday, the man appeared in court on Monday.", date(2012, 5, 17),
         ["2012-05-12", "2012-05-14"]),
        ("Arrested in April, Smith appeared in court on Monday.", date(2012, 5, 17),
         ["2012-04-01", "2012-05-14"]),
        # an opening participle before a thing, not a person: not this rule's shape
        ("Completed in 1931, the bridge carried traffic for decades.", date(2012, 5, 17),
         ["1931-01-01"]),
    ],
)  # fmt: skip
def test_opening_participle_guards(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """Guards: a recent date on an opening participle stays an event."""
    assert dated(nlp, text, published) == expected
