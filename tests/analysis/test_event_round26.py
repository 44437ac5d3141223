"""Event dates of issue 12's round 26 (general mechanisms drawn from the wrong events left on
every development set), in invented sentences, each shape with the guards that keep their
dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


WRITTEN = date(2025, 10, 21)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an 'as of' date on a clause in the simple present: the time a state is counted at
        ("As of July 2025, the region has 14 working airports.", []),
        ("The pension fund holds $3 billion in assets as of March.", []),
        ("As of September, the league counts 40 clubs across the country.", []),
        # guards: a tally in a perfect or told in the past dates the report; an 'as of' on a
        # plain past happening and a date of the same clause without 'as of' stay as they were
        ("As of Thursday, the ministry has brought back 6,000 citizens from abroad.",
         ["2025-10-16"]),
        ("There were 760 patients in hospital as of Saturday.", ["2025-10-18"]),
        ("In July, the region has 14 working airports.", ["2025-07-01"]),
    ],
)  # fmt: skip
def test_an_as_of_date_on_a_present_state_is_a_cut_off(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing described by a dated past clause in what someone says now: the saying is
        # the sentence's happening, undated; the older date only says which thing
        ("Okafor says the new mine contradicts the land-use plan adopted by the council in "
         "2019.", []),
        ("The mayor argues that the zoning rules passed in 2018 are too weak.", []),
        ("The union says the agreement signed in March 2022 protects its members.", []),
        # guards: a saying told in the past, a source that speaks (the described noun is the
        # saying's subject), a date of the last days, a state with no saying, and a date of
        # the reported clause itself keep their dates
        ("The mayor argued that the zoning rules passed in 2018 are too weak.", ["2018-01-01"]),
        ("A study published in 2019 shows that the drug works.", ["2019-01-01"]),
        ("The mayor says the plan announced on Monday is too weak.", ["2025-10-20"]),
        ("This includes the new lounge that the airline opened in 2019.", ["2019-01-01"]),
        ("Okafor says the council adopted the plan in 2019.", ["2019-01-01"]),
        ("The minister says police are investigating the riots that began in mid-March.",
         ["2025-03-01"]),
    ],
)  # fmt: skip
def test_a_thing_described_in_a_present_saying_is_no_event(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
