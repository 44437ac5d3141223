"""Event-date direction of issue 12's round 18b, in new words: a modal 'could' before a bare
verb points ahead like 'may' and 'might' ('The first doses could be administered in October'),
and when the parse reads no side from the date's own clause, a 'will' of another clause ('what
the effects will be', 'warning him that he will be') no longer sends a past day ahead."""

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
        # a possibility ahead: 'could' with a bare verb (seed 1819 shape)
        ("The first shots could be given to nurses in November.", date(2009, 7, 20),
         ["2009-11-01"]),
        # 'as early as' a weekday (seed 1818 shape), written on a Thursday
        ("A vote in the full chamber could come as early as Monday.", date(2009, 1, 22),
         ["2009-01-26"]),
        ("The new wells could start pumping in March, the company said.", date(2012, 1, 10),
         ["2012-03-01"]),
    ],
)  # fmt: skip
def test_could_before_a_bare_verb_points_ahead(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """'could' + a bare verb, not negated and not a perfect: the coming day or month."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past ability, a perfect, a perception: the last such day
        ("The senators could have voted on Tuesday.", date(2011, 6, 16), ["2011-06-14"]),
        ("From the roof we could see the smoke on Tuesday.", date(2011, 6, 16), ["2011-06-14"]),
        # 'may' and 'might' kept their reading
        ("The vote might take place in October.", date(2011, 6, 15), ["2011-10-01"]),
    ],
)  # fmt: skip
def test_could_guards(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Guards: what 'could' does not send ahead."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a dated list's entry: the 'will' is what someone says (seed 1885)
        ("March 30 - A company spokesman says the firm will pay for the whole cleanup.",
         date(2010, 6, 1), ["2010-03-30"]),
        # 'a letter ... sent Tuesday' read as hanging on 'warning' (seed 1819 shape)
        ("The report follows a letter the Speaker sent to the President Tuesday warning him "
         "that he will be in breach of the law.", date(2011, 6, 15), ["2011-06-14"]),
    ],
)  # fmt: skip
def test_a_will_of_another_clause_does_not_send_a_date_ahead(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """Without a side from the parse, only the date's own clauses' future words count."""
    assert expected[0] in dated(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the future words of the date's own clauses still send it ahead (written on a Monday)
        ("In a speech on Wednesday, Bush is expected to praise the troops.", date(2005, 6, 27),
         ["2005-06-29"]),
        # a clause of the date itself, and one joined to the date's clause (seed 1885)
        ("The company reports its results on 27 July, when it will say how much it will pay.",
         date(2010, 6, 3), ["2010-07-27"]),
        ("The crew should start the work Wednesday morning and they'll know by night if it "
         "works.", date(2010, 5, 24), ["2010-05-26"]),
    ],
)  # fmt: skip
def test_future_words_of_the_dates_clause_still_count(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """Guards: a future word on the date's clause or the clauses it hangs on."""
    assert expected[0] in dated(nlp, text, published)
