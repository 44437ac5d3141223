"""Event-date rules of issue 12's eighth round (session 10): general shapes read from the errors
of a fresh sample of unlabelled news text (PolNeAR train, Timeline17), each on invented
sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2022, 3, 10)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a figure is set against after 'than' is a comparison's reference point
        ("The company sold 2 million cars in 2021, a tenth fewer than in 2019.", ["2021-01-01"]),
        ("Turnout on Tuesday was far higher than in 2018, officials said.", ["2022-03-08"]),
        (
            "The bank lent $3 billion last year, more than in 2015, when it overtook its rival.",
            ["2021-01-01"],
        ),
        ("The vote was held in June rather than in May.", ["2021-06-01"]),
    ],
)
def test_than_a_date(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'more than' an amount, and a date after it that dates the clause, stay
        ("The river rose by more than two metres in 2021.", ["2021-01-01"]),
        ("More than 300 people marched on Tuesday.", ["2022-03-08"]),
        ("Sales were higher in 2021 than a decade earlier.", ["2021-01-01"]),
        # the parser may hang an undated day on 'than': no phrase of its own, it stays
        ("More people voted for Lee than for Park in two towns Tuesday night.", ["2022-03-08"]),
    ],
)
def test_not_than_a_date(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a weekday's part in the plural is a habit, no particular day
        "The league has stopped scheduling games on Saturday nights.",
        "She hosted a radio show Sunday mornings for a decade.",
        "The market opened on Friday evenings in 2021.",
    ],
)
def test_weekday_parts_in_the_plural(nlp: Language, text: str) -> None:
    assert "2022-03-05" not in dated(nlp, text)
    assert "2022-03-06" not in dated(nlp, text)
    assert "2022-03-04" not in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The league scheduled the final on Saturday night.", ["2022-03-05"]),
        ("She spoke on the radio Sunday morning.", ["2022-03-06"]),
    ],
)
def test_weekday_part_in_the_singular(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # '2 years ago' is not the end of a fraction: 4-1/2 years ago, 4 1/2 years ago
        "The minister was appointed 4-1/2 years ago by the last government.",
        "The minister was appointed 4 1/2 years ago by the last government.",
    ],
)
def test_fraction_of_years_ago(nlp: Language, text: str) -> None:
    assert "2020-01-01" not in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a progressive present of pointing to names is there already: no schedule
        (
            "Lee is highlighting his win over Park on Feb. 1 as he urges voters to unite.",
            ["2022-02-01"],
        ),
        ("The mayor is citing a court ruling in January as she appeals.", ["2022-01-01"]),
        # a progressive of another verb is still a plan
        ("The band is playing in Leeds on Saturday.", ["2022-03-12"]),
    ],
)
def test_progressive_pointing_to(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'expect X to do' is a plan even when the parser makes X the infinitive's subject
        ("Analysts expect the bank to report higher profits on Tuesday.", ["2022-03-15"]),
        ("Analysts expect BP to report $5bn profits on Tuesday.", ["2022-03-15"]),
        # told in the past, the nearest such day; done, the past one
        ("Analysts expected the bank to report higher profits on Tuesday.", ["2022-03-08"]),
        ("The bank reported higher profits on Tuesday.", ["2022-03-08"]),
    ],
)
def test_expected_to_do(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what could or might happen if something else does is no happening
        "And if the mayor wins in May, she could very well move the council to Leeds in 2023.",
        "Unless the talks resume, the union might strike on Monday, its leader warned.",
        "If the bill passes, the agency would close its offices in June.",
    ],
)
def test_consequence_of_a_condition(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan under a condition and a saying dated on its own stay
        ("If it rains, the final will be played on Sunday.", ["2022-03-13"]),
        # "if not better" is a hedge of the finish, no condition
        ("But he may need a second-place finish, if not better, next Saturday.", ["2022-03-12"]),
        (
            "She said on Monday that if the bill passes, the agency could close its offices.",
            ["2022-03-07"],
        ),
    ],
)
def test_not_a_consequence(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare 'today' on a participle describing a thing of a present clause is nowadays
        "“Flooding remains one of the biggest threats facing our city today,” Lee said.",
        "The dangers facing small farmers today are many.",
    ],
)
def test_participle_today_nowadays(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # under a past clause, or as the clause's own adjunct, 'today' is the day
        ("Workers facing layoffs today walked out in protest.", ["2022-03-10"]),
        ("Speaking in Leeds today, the minister said the plan had failed.", ["2022-03-10"]),
    ],
)
def test_participle_today_the_day(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'Month of YYYY' is one month, not a month of the anchor's year plus a second event
        ("In February of 1986, the bank was going to take the family farm.", ["1986-02-01"]),
        ("The plant closed in late March of 2019, the company said.", ["2019-03-01"]),
        ("The plant closed in March 2019.", ["2019-03-01"]),
    ],
)
def test_month_of_a_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing due or expected at a time is planned: ahead
        (
            "The referendum due in October and the election due in December are deemed a sham.",
            ["2022-10-01", "2022-12-01"],
        ),
        ("The report, expected in June, is likely to criticise the ministry.", ["2022-06-01"]),
        # told in the past, and a thing done at a time, stay behind
        ("The referendum was due in October.", ["2021-10-01"]),
        ("The referendum was held in October.", ["2021-10-01"]),
    ],
)
def test_thing_due_or_expected(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an update or post stamp (a bracket, a bar or a line opened by 'Updated' or 'Posted by
        # NAME |', a clock time before the date) is page furniture
        (
            "The council voted to close the pool on Tuesday.\n\n(Updated: 1:30 a.m. Monday, Leeds)",
            ["2022-03-08"],
        ),
        (
            "The council voted to close the pool on Tuesday.\n\n"
            "Posted by: zippy | March 9, 2022 3:08 PM | Report abuse It is hard to believe. -- Ann"
            " Lee, the mayor Posted by : kim22 | March 9, 2022 4:10 PM | Report abuse Sad.",
            ["2022-03-08"],
        ),
        # 'updated' in a sentence tells a happening
        ("The council updated its rules on Monday.", ["2022-03-07"]),
        ("The rules were updated on Monday, the council said.", ["2022-03-07"]),
    ],
)
def test_update_and_post_stamps(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
