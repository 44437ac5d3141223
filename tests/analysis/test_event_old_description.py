"""Issue 12, round 30 (`analysis.event_old_description`): a year wholly past in a relative
clause on a noun of a clause that sets its own now against it ('now', 'today') is a reference
point, no happening of the sentence; invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

WRITTEN = date(2025, 10, 23)


def dated(nlp: Language, text: str) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, WRITTEN) if found != "None"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past year describing a noun of a present with its own now
        ("The drought cycle which began in 2011 now appears to be over.", []),
        ("The fund, which was set up in 1998, has now grown tenfold.", []),
        # the parser hangs the relative clause on the verb, its subject still 'which'
        ("Several vaccines exist today which did not exist in 1957, however.", []),
        # guards: a past happening under a present with no now (the development pages judge it
        # right), a recent time of the noun, a main clause told in the past, this year's month,
        # a sentence told ahead, a participle on the subject
        ("The fund, which was set up in 1998, has grown tenfold.", ["1998-01-01"]),
        ("The terminal includes the new lounge that the airline opened in 2019.",
         ["2019-01-01"]),
        ("The man who was arrested last week is now in custody.", ["2025-10-13"]),
        ("The law, which passed in 2019, took effect on Monday.", ["2025-10-20"]),
        ("The fund, which was set up in March, now holds $2 billion.", ["2025-03-01"]),
        ("The fund, which was set up in 1998, will close next year.", ["2026-01-01"]),
        ("A survey published in 2019 shows the risk is small.", ["2019-01-01"]),
    ],
)  # fmt: skip
def test_a_past_year_against_the_sentences_now_is_a_reference(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text) == expected
