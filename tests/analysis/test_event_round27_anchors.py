"""Event dates of issue 12's round 27 (relative anchors): the moment a relative date counts from,
settled by the article's own words. A happening told twice, once by its weekday and once by
"yesterday", says the day the article was written; "earlier this month" on a month's first or
second day was written in the month before. In new words, with guards."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision
from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


COPIED = date(2021, 3, 11)  # a Thursday; the copy was written on Wednesday, March 10

RIVER = (
    "This story first ran on our sister site.\n\n"
    "On Tuesday afternoon, the river through Oldbridge burst its banks.\n\n"
    "Shops on the high street were flooded and the bridge was closed.\n\n"
    "According to farmer Ada Lin, the river burst its banks around 4 PM yesterday.\n\n"
)
DARK = (
    "In the middle of the day on Monday, the sky above the valley went dark.\n\n"
    "Smoke from the fires drifted over the hills, residents said.\n\n"
    "According to one resident, the sky went completely dark around noon yesterday.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RIVER, ["2021-03-09", "2021-03-09"]),
        # published Thursday, written Tuesday: "yesterday" is the lead's Monday
        (DARK, ["2021-03-08", "2021-03-08"]),
    ],
)
def test_a_happening_told_twice_dates_its_relative_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    published = COPIED if text is RIVER else date(2021, 3, 10)
    assert dated(nlp, text, published) == expected


def test_the_event_says_what_its_relative_day_counted_from(nlp: Language) -> None:
    doc = nlp(RIVER)
    events = extract_events(doc, analyse_doc(doc), COPIED, Precision.DAY)
    assert "the same happening is dated 'On Tuesday afternoon'" in events[-1].expression


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two arrests, not one told twice: their objects are counted apart
        (
            "Police arrested two men on Monday after the robbery.\n\n"
            "Police arrested a third man yesterday, a spokesman said.\n\n",
            ["2021-03-08", "2021-03-10"],
        ),
        # a verb of saying: two statements on two days
        (
            "The mayor said on Monday that the bridge was safe.\n\n"
            "The mayor said yesterday that the bridge would reopen.\n\n",
            ["2021-03-08", "2021-03-10"],
        ),
        # another subject: another happening
        (
            "On Tuesday afternoon, the river through Oldbridge burst its banks.\n\n"
            "The canal burst its banks yesterday.\n\n",
            ["2021-03-09", "2021-03-10"],
        ),
        # a pronoun subject says nothing of which thing it is
        (
            "On Tuesday afternoon, the river through Oldbridge burst its banks.\n\n"
            "It burst its banks again yesterday.\n\n",
            ["2021-03-09", "2021-03-10"],
        ),
        # the dated telling a week before: another flood, not a copy's lag
        (
            "On March 2, the river through Oldbridge burst its banks.\n\n"
            "The river burst its banks yesterday.\n\n",
            ["2021-03-02", "2021-03-10"],
        ),
        # a quotation's "yesterday" is the speaker's, left to the quotation rules
        (
            "On Tuesday afternoon, the river through Oldbridge burst its banks.\n\n"
            "“The river burst its banks yesterday,” farmer Ada Lin said.\n\n",
            ["2021-03-09", "2021-03-10"],
        ),
    ],
)
def test_other_happenings_keep_the_publication_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, COPIED) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2023, 11, 2), "2023-10-01"),  # the month's second day: written in October
        (date(2023, 11, 1), "2023-10-01"),
        (date(2023, 11, 3), "2023-11-01"),  # a day or two of the month came earlier
        (date(2023, 11, 20), "2023-11-01"),
    ],
)
def test_earlier_this_month_on_its_first_days(
    nlp: Language, published: date, expected: str
) -> None:
    text = "The boy was struck by lightning at a tournament earlier this month.\n\n"
    assert dated(nlp, text, published) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The club will hold a tournament later this month.\n\n",
        "The club held a tournament this month.\n\n",
    ],
)
def test_other_months_of_the_first_days_stay(nlp: Language, text: str) -> None:
    assert dated(nlp, text, date(2023, 11, 2)) == ["2023-11-01"]


FAIR = (
    "The trade fair, which is scheduled for June 13 to 17, will take place at the harbour hall.\n\n"
    "The organisers said two highlights will come on days one and four of the fair.\n\n"
    "“A new export council will be launched on the Monday. Also, there is a seminar for port "
    "managers that is going to be held on Thursday,” said Ms Oduya.\n\n"
)
SPRING = date(2022, 4, 26)  # a Tuesday, seven weeks before the fair


def test_a_weekday_of_a_dated_stretch_ahead(nlp: Language) -> None:
    doc = nlp(FAIR)
    events = extract_events(doc, analyse_doc(doc), SPRING, Precision.DAY)
    thursday = [event for event in events if event.expression.startswith("on Thursday")]
    assert [str(event.date) for event in thursday] == ["2022-06-16"]
    assert "June 13 to June 17, 2022" in thursday[0].expression


@pytest.mark.parametrize(
    "text",
    [
        # nothing ties the sale to the fair's days
        "The trade fair is scheduled for June 13 to 17 at the harbour hall.\n\n"
        "Tickets will go on sale on Thursday, the organisers said.\n\n",
        # two stretches: which one is the weekday's is not said
        "The trade fair is scheduled for June 13 to 17, the boat show for July 4 to 8.\n\n"
        "On the first day, a seminar is going to be held on Thursday.\n\n",
        # the stretch holds no Sunday
        "The trade fair is scheduled for June 13 to 17 at the harbour hall.\n\n"
        "On the first day of the fair, a boat will be launched on Sunday.\n\n",
    ],
)
def test_other_weekdays_keep_the_coming_one(nlp: Language, text: str) -> None:
    doc = nlp(text)
    events = extract_events(doc, analyse_doc(doc), SPRING, Precision.DAY)
    weekdays = [str(e.date) for e in events if "day" in e.expression and "(" not in e.expression]
    assert all(not found.startswith("2022-06") for found in weekdays)
    assert all("stretch" not in event.expression for event in events)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "On October 2, a boy was struck by lightning at a tournament in Hertford.\n\n"
            "The boy was struck by lightning earlier this month, his mother said.\n\n",
            date(2023, 11, 10),
            ["2023-10-02", "2023-10-01"],
        ),
        (
            "On Tuesday, March 2, the council approved the budget for the new school.\n\n"
            "The council approved the budget last week after a long debate.\n\n",
            date(2021, 3, 17),
            ["2021-03-02", "2021-03-01"],
        ),
    ],
)
def test_a_period_told_twice_holds_the_dated_telling(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # another object: another approval
        (
            "On Tuesday, March 2, the council approved the budget for the new school.\n\n"
            "The council approved the plan last week after a long debate.\n\n",
            date(2021, 3, 17),
            ["2021-03-02", "2021-03-08"],
        ),
        # the two tellings agree already
        (
            "On Tuesday, March 9, the council approved the budget for the new school.\n\n"
            "The council approved the budget last week after a long debate.\n\n",
            date(2021, 3, 17),
            ["2021-03-09", "2021-03-08"],
        ),
        # the dated telling months before: another month's lightning
        (
            "On July 2, a boy was struck by lightning at a tournament in Hertford.\n\n"
            "The boy was struck by lightning earlier this month, his mother said.\n\n",
            date(2023, 11, 10),
            ["2023-07-02", "2023-11-01"],
        ),
    ],
)
def test_periods_of_other_happenings_stay(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2024, 1, 2), "2023-01-01"), (date(2024, 1, 5), "2024-01-01")],
)
def test_earlier_this_year_on_its_first_days(nlp: Language, published: date, expected: str) -> None:
    text = "The museum reopened its east wing earlier this year.\n\n"
    assert dated(nlp, text, published) == [expected]
