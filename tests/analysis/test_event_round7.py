"""Event-date rules of issue 12's seventh round (session 10): general shapes read from the errors
of the fifth batch once it joined DEV, each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision

PUBLISHED = date(2022, 3, 10)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    doc = nlp(text)
    return [str(e.date) for e in extract_events(doc, analyse_doc(doc), published, Precision.DAY)]


ARTICLE = "The council approved the new budget on Tuesday, officials said.\n\n"


@pytest.mark.parametrize(
    "card",
    [
        # a list of other stories after the body: each card ends with its byline (and a
        # "Published" whose date the page lost), glued to its teaser
        "The morning briefing: March 9, 2022 By Tom Keller, The Daily Wire Published",
        "Today's Big Question Why the mayor may lose the vote By Anna Novak, The Daily Published",
        "Where does the party go from here? Today's big question The senator has dropped her bid"
        " By Maria Lopez, Metro Today",
        "Weekly roundup: March 3, 2022 It was not all bad! By Sam Ortiz, Metro Today Published",
    ],
)
def test_story_card_with_its_byline(nlp: Language, card: str) -> None:
    assert dated(nlp, ARTICLE + card) == ["2022-03-08"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence naming who did something is no byline, nor a photo credit
        # without an outlet or a "Published"
        (
            "The report was published on Monday. It was written by Anna Novak",
            ["2022-03-07"],
        ),
        ("The bridge reopened on Monday, the city said. Photo By Tom Keller", ["2022-03-07"]),
    ],
)
def test_no_story_card(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
