"""Event dates of issue 12's round 22 (the tenth batch, Postlight Parser's test pages), in new
words, each mechanism with the sentences it is written for and the guards that keep their dates:
a year a forecast gives a rate for is no happening (`analysis.event_forecast`)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


WRITTEN = date(2024, 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a) a verb of a figure's change under a verb of forecasting
        ("Output is projected to expand 1.9 percent next year, the ministry said.", []),
        ("The bank expects household spending to climb 2.4% this year.", []),
        ("The agency foresees Brazil's economy growing only 1.1% this year.", []),
        ("Exports are forecast to slow to 3.5% in 2025, still weak by past standards.", []),
        ("It sees joblessness rising to 6 percent next year and staying there.", []),
        # (b) the verb of forecasting itself, the rate its object
        ("The council expects modest 0.8% wage growth next year.", []),
        ("The central bank sees two rate cuts in 2025.", []),
        # (c) a forecast noun as the clause's object
        ("The lender trimmed its outlook for growth in Mexico to 1.2% this year.", []),
        # (d) a figure's change told with 'will'
        ("Germany, hit hard by the cost of gas, will grow just 0.3% in 2025.", []),
        # (e) the figure marked as projected
        ("The projected two rate cuts next year would be followed by three more cuts in 2026.",
         []),
        # guards: a plan or a scheduled happening with no rate keeps its year
        ("The company expects to launch its new tablet next year.", ["2025-01-01"]),
        ("The country is expected to hold a referendum in 2025.", ["2025-01-01"]),
        # an action done to a figure is a decision, not a figure's change
        ("The board will raise the fees by 5% next year.", ["2025-01-01"]),
        ("The firm expects to sell a 20% stake in the unit next year.", ["2025-01-01"]),
        # a figure told in the past, even in a year not over
        ("The central bank has raised its key rate four times this year.", ["2024-01-01"]),
        ("Retail sales grew 3.1% this year, the agency said.", ["2024-01-01"]),
        # a year over: a result measured against a projection
        ("The economy fell short of the projected growth of 4% in 2023.", ["2023-01-01"]),
        # a day or a month a forecast names keeps its date
        ("Most analysts had expected a rate cut on Oct. 9.", ["2024-10-09"]),
        ("The fund said on Tuesday it expects growth of 2% next year.", ["2024-10-15"]),
    ],
)  # fmt: skip
def test_a_year_a_forecast_gives_a_rate_for_is_no_happening(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a 'whose' clause the parser reads as what the verb reports: a relative clause
        ("The coach said the players — whose season ended in March — trained hard.",
         date(2024, 10, 15), []),
        ("Ana insisted she and her sister — whose first bakery in 2009 sold only bread — "
         "never gave up.", date(2024, 10, 15), []),
        # guards: an indirect question with 'whose'; a sentence's own 'whose' question
        ("Officials asked whose car was towed on Monday.", date(2024, 10, 15), ["2024-10-14"]),
        ("The mayor said her brother, whose shop burned down on Monday, is safe.",
         date(2024, 10, 15), ["2024-10-14"]),
    ],
)  # fmt: skip
def test_a_whose_clause_read_as_a_report_describes(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a counterfactual perfect in a relative clause under a present state: never happened
        ("Owners are still asking for rents they might have charged a year ago.",
         date(2024, 10, 15), []),
        ("Farmers are still waiting for prices they could have fetched three months ago.",
         date(2024, 10, 15), []),
        # guards: what did happen, told in the past, dates the present state as before
        ("Owners are still asking for rents they charged a year ago.", date(2024, 10, 15),
         ["2023-01-01"]),
        ("Farmers are still waiting for prices they fetched three months ago.",
         date(2024, 10, 15), ["2024-07-01"]),
    ],
)  # fmt: skip
def test_a_counterfactual_relative_clause_dates_nothing(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a present when-clause on a prospect told inside a participle clause of a past sentence
        ("The deputy, seen as likely to succeed him when his term ends in 2026, declined to "
         "comment.", date(2024, 10, 15), []),
        ("The coach criticised the board, suggesting that the club will suffer when the "
         "contract expires in June.", date(2024, 10, 15), []),
        ("Smith left the firm on Monday, saying he will return when his contract ends in "
         "June.", date(2024, 10, 15), ["2024-10-14"]),
        # guards: a when-clause on the sentence's own clause or on what it reports
        ("The company is expected to cut jobs when the merger closes in March.",
         date(2024, 10, 15), ["2025-03-01"]),
        ("The mayor said the road will reopen when the repairs end in May.", date(2024, 10, 15),
         ["2025-05-01"]),
        ("The storm season officially begins June 1.", date(2024, 5, 15), ["2024-06-01"]),
    ],
)  # fmt: skip
def test_a_when_clause_of_a_prospect_aside_dates_nothing(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecasting verb told in the past, for a year still to come
        ("The central bank cut rates on Oct. 9 and signaled a slower pace of cuts in 2025.",
         ["2024-10-09"]),
        ("The agency estimated two rate hikes next year.", []),
        # guards: 'sees' a figure of the year of writing is an observation
        ("The resort town sees 12% more visitors this year than last.", ["2024-01-01"]),
        # a rise told with 'will' may be a scheduled change, not a forecast
        ("The state pension will rise 8.5% next year.", ["2025-01-01"]),
        ("The corporate tax will fall to 21% next year.", ["2025-01-01"]),
        # an estimate of what a year of writing did, told in the past, keeps its year
        ("The agency estimated 3% rate hikes this year.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_forecast_guards_of_tense_and_schedule(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a single change marked as expected that takes effect: a plan
        ("The expected 5% pay rise will take effect next year.", ["2025-01-01"]),
        # a rate in a clause below the date's own: not the date's figure
        ("The tariff is expected to take effect next year, adding 10% to prices.",
         ["2025-01-01"]),
        ("Voters will decide next year whether to raise the sales tax by 1%.", ["2025-01-01"]),
        ("The company expects to complete its purchase of a 49% stake in 2025.",
         ["2025-01-01"]),
        # a figure of the year of writing told in the past, reported
        ("The agency said growth was 3% this year.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_forecast_guards_of_plans_with_a_rate(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate's moves in a year still to come, whoever tells them, in any tense
        ("Traders are pricing in at least two and possibly three cuts in 2025.", []),
        ("He said the board can get away with three hikes next year.", []),
        ("With futures markets pricing in two rate hikes in 2025, the bank appeared calm.", []),
        # guards: changes of a thing named; moves in the year of writing, told as done
        ("Workers will get two pay increases next year.", ["2025-01-01"]),
        ("The firm will make two cuts to its workforce next year.", ["2025-01-01"]),
        ("The bank made three rate hikes this year.", ["2024-01-01"]),
    ],
)  # fmt: skip
def test_a_rates_moves_in_a_year_to_come_are_foreseen(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecast in a clause describing a noun, under a present state: not adopted back
        ("Their tone does show that there is more confidence that they can manage three hikes "
         "next year.", []),
        ("There is a growing belief that the economy will grow 2% in 2025.", []),
    ],
)  # fmt: skip
def test_a_forecast_describing_a_noun_is_not_adopted(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
