"""Event dates of issue 12's session 27: a possessive the parser read as the verb and a
'like' comparison read as a coordinated clause (`analysis.event_misparsed_clauses`), and a
weekday restated by a numeric date (`analysis.dates`), in invented sentences, each with guards
that keep their dates."""

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
        # the possessive ending read as the root: the year names what the memo is about
        ("A leaked memo on last year’s sudden closure of the city pools shows a muddled chain "
         "of command among council staff.", []),
        # guards: a possessive on the subject of a happening, a possessive under a topic
        # preposition beside the clause's own date, and the same memo read as a noun phrase
        ("Last year’s flooding destroyed hundreds of homes in the valley.", ["2024-01-01"]),
        ("The mayor spoke about last year’s flooding on Monday.", ["2025-10-20"]),
        ("The council closed the city pools last year.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_a_possessive_read_as_the_verb_names_a_thing(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 'like' comparison the parser read as a clause coordinated with the root
        ("In local lore, the dam has become a byword, a promise broken, like the old canal "
         "turned out to be in 1998.", []),
        ("In the popular mind, the scheme has become a joke, a pledge unkept, like the old "
         "tram line turned out to be in 2009.", []),
        # guards: a plain coordinated clause, one after 'and', and a 'like' inside the first
        # clause with the date on the root
        ("The dam burst in the night, the water reached the town in 1998.", ["1998-01-01"]),
        ("The senator resigned in March, like many colleagues, and left politics in 2020.",
         ["2025-03-01", "2020-01-01"]),
        ("Like many towns, the village flooded in 1998.", ["1998-01-01"]),
    ],
)  # fmt: skip
def test_a_like_clause_read_as_coordinated_is_a_comparison(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        # a weekday restated by a numeric date: the reading on that weekday, a two-digit year
        # of the century nearer the day of writing
        ("The notice said the clinic closed on Tuesday, 12/15/15, after a leak.",
         date(2016, 12, 13), ["2015-12-15"]),
        ("The board met on Monday, 10/11/21, to set the budget.", date(2022, 3, 9),
         ["2021-10-11"]),
        ("The board met on Friday, 12/11/2021, to set the budget.", date(2022, 3, 9),
         ["2021-11-12"]),
        # guards: a bare weekday, a numeric date with a four-digit year, and a score
        ("The board met on Monday to set the budget.", date(2022, 3, 9), ["2022-03-07"]),
        ("The board met on 15/10/2021 to set the budget.", date(2022, 3, 9), ["2021-10-15"]),
        ("The team won 12/15/15 in the sets on Monday.", date(2022, 3, 9), ["2022-03-07"]),
    ],
)  # fmt: skip
def test_a_weekday_restated_by_a_numeric_date_takes_its_reading(
    nlp: Language, text: str, written: date, expected: list[str]
) -> None:
    assert dated(nlp, text, written) == expected
