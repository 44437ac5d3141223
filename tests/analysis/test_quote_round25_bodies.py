"""Speaker rules of issue 12's twenty-fifth round, bodies written by their kind: "the bureau
said", "a bureau spokesperson said", "the institution said" speak for the one organisation the
article names with that word or, for a noun any organisation answers to, the one the sentence
before names; with guards where several fit or none is named. Each test asserts what a member
sees: the speaker key every quote of an invented text is stored under."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analysis.quote_keys import speaker_keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # "the bureau": the one organisation the article names with that word
        (
            "Two boats were chased near the reef, the National Bureau of Coastal Patrols "
            "reported on Monday.\n\nThe foreign vessels “made dangerous turns and tried to "
            "block the path” of the boats, the bureau said.",
            "national bureau of coastal patrols",
        ),
        # "a bureau spokesperson": the organisation the sentence before makes a subject
        (
            "The FBI opened an inquiry into the stations in March.\n\nThe FBI told reporters "
            "that it had received the letter.\n\n“We take these threats very seriously and we "
            "will act,” a bureau spokesperson said.",
            "fbi",
        ),
        # "the institution": any organisation answers to it, the one the sentence before names
        (
            "Lakeshore University has closed two of its campuses this month.\n\n“This is a "
            "painful but necessary step for us,” the institution said.",
            "lakeshore university",
        ),
    ],
)
def test_a_body_written_by_its_kind_speaks_for_the_one_named(
    nlp: Language, text: str, key: str
) -> None:
    assert speaker_keys(nlp, text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        # two bureaus named, neither a subject: no one of them
        (
            "Figures from the Bureau of Road Statistics and the Bureau of Rail Statistics were "
            "released on Monday.\n\nTraffic fell in both.\n\n“The decline is the sharpest in a "
            "decade,” the bureau said."
        ),
        # "the institution" with no organisation in the sentence before: no one
        (
            "Lakeshore University has closed two of its campuses this month.\n\nStudents "
            "protested outside the gates on Friday.\n\n“This is a painful but necessary step "
            "for us,” the institution said."
        ),
    ],
)
def test_a_body_written_by_its_kind_stays_unlinked_when_none_or_several_fit(
    nlp: Language, text: str
) -> None:
    assert speaker_keys(nlp, text) in ([], [None])
