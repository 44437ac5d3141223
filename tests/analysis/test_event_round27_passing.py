"""Event dates of issue 12's round 27 (passing mentions, reference points and second dates drawn
from the wrong events left on every development set), in invented sentences, each shape with
the guards that keep their dates."""

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
        # 'most' or 'least' grading the adjective of a noun: the year is the period ranked, as
        # it is for 'the biggest rally of 2024'
        ("Ortiz will need big donors in what is likely to be one of the most expensive House "
         "races of 2026.", []),
        ("It was one of the most expensive Senate races of 2024.", []),
        ("The garden is one of the least visited parks of 2025.", []),
        # guards: 'most' as a determiner, a grading of a verb, a day ranked, and a plain year
        ("Most members voted against the plan in 2024.", ["2024-01-01"]),
        ("The senator most strongly opposed the bill in 2024.", ["2024-01-01"]),
        ("The city held the most expensive parade on Saturday.", ["2025-10-18"]),
        ("The council held an expensive race in 2024.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_a_year_a_most_graded_noun_ranks_is_no_event(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a purpose clause on a dated verb: its later date is what the happening brings about
        ("In December 2024, the ministry approved the fund to enable loans to farmers during "
         "2025.", ["2024-12-01"]),
        ("On Monday, the board approved a grant to allow repairs to the bridge in November.",
         ["2025-10-20"]),
        # guards: a coordinated happening, an open complement, a purpose of the same day, a
        # purpose clause with no other date, and a purpose clause with its own subject
        ("The city approved the plan in May and began work in June.",
         ["2025-05-01", "2025-06-01"]),
        ("On Monday, police closed the road to clear the wreck that morning.", ["2025-10-20"]),
        ("The board met to approve the budget in November.", ["2025-11-01"]),
    ],
)  # fmt: skip
def test_a_later_date_in_a_dated_happenings_purpose_is_its_content(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause the parser lifted to the root or hung as a verb's complement, its
        # 'that' after a comma: its date describes the thing the dated clause announced
        ("Shaken by the record spike in infections, Assam on Monday ordered a fresh lockdown in "
         "several districts, including the worst-affected Kamrup district, that will take effect "
         "later this week.", ["2025-10-20"]),
        ("Worried by the sharp rise in cases, Kerala on Monday announced fresh curbs in several "
         "towns, including the worst-hit Kochi district, that will come into force later this "
         "week.", ["2025-10-20"]),
        # guards: a relative clause parsed as one, and a plan told by a main clause
        ("The company announced on Tuesday a new plant, which will open next year.",
         ["2025-10-21"]),
        ("Kerala announced fresh curbs on Monday, and they will come into force on Friday.",
         ["2025-10-20", "2025-10-24"]),
    ],
)  # fmt: skip
def test_a_lifted_relative_clause_describes_what_was_announced(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare date after the object of a state's preposition, another clause dated: the date
        # names the object (the endorsement), the state has no day
        ("He said the senator looked confident tonight, and he thinks that is tied to the "
         "governor's endorsement this week.", ["2025-10-22"]),
        ("She said the mayor seemed calmer tonight, and I think that’s directly linked to the "
         "council vote this week.", ["2025-10-22"]),
        # guards: a date with a preposition, a happening, and the only date of the sentence
        ("He looked tired tonight, and that is linked to the storm on Monday.",
         ["2025-10-22", "2025-10-20"]),
        ("The senator spoke well tonight, and he met the governor at the fair this week.",
         ["2025-10-22", "2025-10-20"]),
        ("The rise in prices is linked to the strike this week.", ["2025-10-20"]),
    ],
)  # fmt: skip
def test_a_bare_date_after_a_states_object_names_it(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an effect a thing is foretold to have on someone: a prediction, no happening
        ("Analysts say the scandal will hurt Republicans in November.", []),
        ("The ruling could cost the party in 2026.", []),
        ("Critics warned the tax would hurt farmers next year.", []),
        ("A campaign memo said: “The Tariff Plan Cost Farmers Last Week and Will Cost The "
         "Governor in 2026.”", ["2025-10-13"]),
        # guards: an effect told as done, a person's help (a plan), a help that does something,
        # and a happening foretold
        ("The scandal cost Republicans in November 2024.", ["2024-11-01"]),
        ("Maria Lopez will help the team on Friday.", ["2025-10-24"]),
        ("The mayor will help the volunteers on Saturday.", ["2025-10-25"]),
        ("The grant will help rebuild the bridge next year.", ["2026-01-01"]),
        ("The storm will hit Florida on Friday.", ["2025-10-24"]),
    ],
)  # fmt: skip
def test_a_foretold_effect_is_no_event(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening participle of measure: the date names the standard judged by
        ("Judged by last year's takings, the closure cost the region 2 billion euros.", []),
        ("Measured by last year's sales, the firm shrank by half.", []),
        ("Measured by 2024 sales, the firm shrank by half.", []),
        # guards: a participle of a happening, and the clause's own date
        ("Hit by last year's floods, the town rebuilt its bridge.", ["2024-01-01"]),
        ("Judged by sales, the firm shrank in 2024.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_an_opening_participle_of_measure_brings_a_reference_point(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
