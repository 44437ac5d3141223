"""Event dates of issue 12's round 20 (speeches of 2022), in new words: an opening 'Last year,'
sets the year of the yearless day after it; a relative day restated by a written one ('On the
same day, April 3,') is that day; another nation's Independence Day named after it ('of the
State of Israel') is no July 4; a day word used as a noun of an age ('a better tomorrow',
'Ukraine of today') is no day; a period with 'every' on the date's verb ('Every year in May')
tells a habit; what no one 'can predict' today is an opinion of now; and a 'not' right before
a date ('not yesterday', 'not on Monday but on Tuesday') denies the date. Written after the
held-aside was read: Easter in a text of the Eastern churches is the Orthodox Easter."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.dates import find_dates
from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an opening 'Last year,' sets the year of a yearless day or month after it
        ("Last year, on June 2, the museum opened its doors for the first time.",
         date(2023, 6, 9), ["2022-06-02"]),
        ("Last year, in March, the plant closed for repairs.", date(2023, 6, 9),
         ["2022-03-01"]),
        # a relative day restated by the written day after it: that day alone
        ("The council met today. On the same day, June 3, the mayor resigned.",
         date(2023, 6, 9), ["2023-06-09", "2023-06-03"]),
        ("We spoke today. Yesterday, June 8, the dam was breached.", date(2023, 6, 9),
         ["2023-06-09", "2023-06-08"]),
        # another nation's Independence Day named after the holiday's name
        ("She congratulated him on the Independence Day of the Republic of Chile.",
         date(2023, 9, 20), []),
        # a day word as a noun of an age
        ("They are fighting for a brighter tomorrow for their children.", date(2023, 6, 9), []),
        ("On May 9, this grim \"tomorrow\" finally came for the town.", date(2023, 6, 9),
         ["2023-05-09"]),
        ("Poland of today is a strong and confident country.", date(2023, 6, 9), []),
        # a period with 'every' or 'each' on the date's verb: a habit
        ("Every year in September, the villagers celebrate the harvest.", date(2023, 6, 9), []),
        # what no one can predict or know today: an opinion of now
        ("No one today can predict when the markets will recover.", date(2023, 6, 9), []),
        # Easter in a text of the Eastern churches is the Orthodox one (2023: April 16)
        ("Orthodox Christians filled the churches. The city was shelled on Easter.",
         date(2023, 4, 18), ["2023-04-16"]),
        # a 'not' right before the date denies the date, not the happening (a Thursday)
        ("The storm hit the coast not on Monday but on Tuesday.", date(2023, 6, 8),
         ["2023-06-06"]),
        ("The trouble began not yesterday and not the day before yesterday.", date(2023, 6, 8),
         []),
    ],
)  # fmt: skip
def test_round20_rules(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Rule cases: each failed on the starting code (`28f93be`)."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # 'last year' inside a clause sets no story year for the day after it
        ("He won last year, and on June 2 he spoke again.", date(2023, 6, 9),
         ["2022-01-01", "2023-06-02"]),
        # a relative day and a written day joined by 'and' are two dates
        ("The talks began yesterday, and on June 2, 2020, they had failed.", date(2023, 6, 9),
         ["2023-06-08", "2020-06-02"]),
        # a weekday and its date are one date already
        ("On Saturday, June 3, the mayor resigned.", date(2023, 6, 9), ["2023-06-03"]),
        # the US's own Independence Day keeps July 4
        ("The parade was held on Independence Day of the United States.", date(2023, 9, 20),
         ["2023-07-04"]),
        ("The parade was held on Independence Day.", date(2023, 9, 20), ["2023-07-04"]),
        # 'of today' after a thing of the day, and 'the end of today': the day
        ("The events of today shocked the whole country.", date(2023, 6, 9), ["2023-06-09"]),
        ("By the end of today, the results will be known.", date(2023, 6, 9), ["2023-06-09"]),
        # a habit adverb elsewhere, and a dated happening with 'every' elsewhere
        ("In May, the town held its fair, as it does every year.", date(2023, 6, 9),
         ["2023-05-01"]),
        # Easter elsewhere is the Western one (2023: April 9)
        ("The city was shelled on Easter.", date(2023, 4, 18), ["2023-04-09"]),
        # a 'not' on the verb keeps the day
        ("The minister did not attend the meeting yesterday.", date(2023, 6, 8),
         ["2023-06-07"]),
        # a report 'can' give today is the day's
        ("Today we can report that the bridge was repaired.", date(2023, 6, 9), ["2023-06-09"]),
    ],
)  # fmt: skip
def test_round20_guards(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Guards: shapes whose reading did not change."""
    assert dated(nlp, text, published) == expected


def test_last_year_opening_in_the_reader() -> None:
    """The date reader alone: the opening 'Last year,' gives its year to the day after it."""
    found = find_dates("Last year, on June 2, the museum opened.", date(2023, 6, 9))
    assert [(d.text, str(d.value)) for d in found] == [
        ("Last year", "2022-01-01"),
        ("on June 2", "2022-06-02"),
    ]
