"""Event dates of issue 12's session 27 (`analysis.event_noun_content`): a clause inside a
noun's preposition, a past possession of a thing ahead, and a year's measured amount foreseen,
in invented sentences, each with guards that keep their dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


WRITTEN = date(2025, 10, 22)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause tells what the noun is about: its date names that content
        ("Barely a month into the season, and the first tally of how many tourists the island "
         "welcomed last year is already out.", []),
        ("The plan was unveiled earlier this month and sets out the costs of widening the "
         "harbour in 2040.", ["2025-10-01"]),
        # guards: the preposition on a verb, the clause's own happening, a plain nested noun
        ("After meeting the minister on Monday, the union called off the strike.",
         ["2025-10-20"]),
        ("The island welcomed two million tourists last year.", ["2024-01-01"]),
        ("Police gave an account of what the crowd did on Saturday night.", ["2025-10-18"]),
        ("The union called off the strike on Monday after meeting the minister.",
         ["2025-10-20"]),
        # a subjectless clause on a noun alone in its sentence: the parser may have hung the
        # main verb's time on it
        ("The senator spoke about the chances of passing the bill on Monday.", ["2025-10-20"]),
    ],
)  # fmt: skip
def test_a_clause_inside_a_nouns_preposition_names_its_content(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past state of holding something ahead: no happening of that day
        ("Her lawyer told reporters the late banker had a scheduled hearing next month.", []),
        ("The driver had a court date next week, police said.", []),
        # guards: a plan told now or ahead, a past possession of a past day
        ("The banker has a hearing scheduled for next month.", ["2025-11-01"]),
        ("The driver will have a court hearing next week.", ["2025-10-27"]),
        ("The driver had a court hearing last week.", ["2025-10-13"]),
    ],
)  # fmt: skip
def test_a_past_possession_of_a_thing_ahead_is_a_state(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year's measured amount foreseen: the year is the figure's period
        ("The utility expects to emit 12 million metric tons of carbon dioxide in 2025, "
         "including leaks from its pipelines.", []),
        ("The mine is projected to produce 40,000 tonnes of copper next year.", []),
        # guards: a count of things in a month, a plan without a measure, an amount told as
        # done, a year over
        ("The distillery expects to release fewer than a dozen casks of the blend in December.",
         ["2025-12-01"]),
        ("The retailer expects to open two stores in 2026.", ["2026-01-01"]),
        ("The utility emitted 12 million metric tons of carbon dioxide in 2024.",
         ["2024-01-01"]),
    ],
)  # fmt: skip
def test_a_years_measured_amount_foreseen_is_no_happening(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
