"""How far the event rules reach (issue 12): the shapes where rules written from the first pages
over-reached on unseen ones, and the reference points they missed. Invented sentences, one per
shape, run through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision

DAY, WEEK, MONTH, YEAR = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR
FRIDAY = date(2023, 11, 3)  # the day each sentence was published, a Friday

Found = list[tuple[str, date | None, Precision]]


def events(nlp: Language, text: str, published: date = FRIDAY) -> Found:
    """Expression, date and precision of every event of `text`."""
    doc = nlp(text)
    found = extract_events(doc, analyse_doc(doc), published, DAY)
    return [(event.expression, event.date, event.precision) for event in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past state that ended then: its end is the happening
        ("Sales were climbing — until today.", [("today", FRIDAY, DAY)]),
        (
            "The couple lived in a flat in Leeds until last year when a fire destroyed it.",
            [("last year", date(2022, 1, 1), YEAR)],
        ),
        # a deadline, a period still running, a "not before" stay reference points
        ("The ban lasts until May 3.", []),
        ("The judge has given him until July 28 to reply.", []),
        ("The agency could not answer anything until September.", []),
        ("The council will punt the talks until Dec. 11.", []),
    ],
)
def test_until_ends_a_past_state(nlp: Language, text: str, expected: Found) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "has been" is a state as much as "is": the relative clause's date is the news
        (
            "One of the busiest carriers has been Orion Air, a small company relaunched earlier"
            " this year.",
            [("earlier this year", date(2023, 1, 1), YEAR)],
        ),
        # a negated main clause tells no happening
        (
            "Senators never took up the bill the House passed in May.",
            [("in May", date(2023, 5, 1), MONTH)],
        ),
    ],
)
def test_a_main_clause_without_a_happening_takes_its_relative_clause_date(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In a letter dated Oct. 12 and signed by its director, the agency said the rule"
            " still applies.",
            [("Oct. 12", date(2023, 10, 12), DAY)],
        ),
        # the document's date is the frame's; what it shows is its content
        (
            "A report published by the ministry after 5pm on Wednesday shows the funds were"
            " requested in February.",
            [("on Wednesday", date(2023, 11, 1), DAY)],
        ),
        # a source named in passing dates nothing
        (
            "The ring relied on two websites, according to an affidavit unsealed in court"
            " Wednesday.",
            [],
        ),
    ],
)
def test_the_date_of_a_document_dates_what_it_says(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Jane Miller, outside the Capitol on Monday, told reporters the talks had"
            " stalled.",
            [("on Monday", date(2023, 10, 30), DAY)],
        ),
        (
            "The boy's uncle, who was at the house Wednesday, said the family was devastated.",
            [("Wednesday", date(2023, 11, 1), DAY)],
        ),
    ],
)
def test_where_the_speaker_was_that_day_dates_what_he_said(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "After earning her degree in 1995, she went on to study social work.",
        "Before becoming a judge last year, he often criticized the law.",
        "The ministry, after the discussion in June, launched a review.",
        "They said they would let it respond as it sees fit after the Oct. 7 attack.",
        "The office had not filed charges in the case as of Wednesday afternoon.",
        "The agency that as of last week said the state is ideal for investors.",
        "Staff asked for the papers well ahead of a Nov. 29 meeting.",
        # the start of a state, a comparison, an assumption
        "Officials said the rebels are holding 20 people captive since their raid last month.",
        "Prosecutors allege that the ring dates back to at least July 2020.",
        "The projection would match the estimate for flu deaths between October 2019 to March"
        " 2020.",
        "Some want to wait, assuming they will win the House in November, he said.",
        "Obviously, this was a change from where we were even a month ago.",
        "“The assumption has to be that we will still have this June 1,” he said.",
        # a possibility told in a relative clause under a negated main clause
        "He has not ruled out resigning, which could prompt a special election next year.",
    ],
)
def test_a_happening_after_or_before_a_dated_one_is_not_dated_by_it(
    nlp: Language, text: str
) -> None:
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As of Thursday, the department has brought back 6,000 citizens.",
            [("Thursday", date(2023, 11, 2), DAY)],
        ),
        (
            "Health officials are testing all residents after two cases were reported on Saturday.",
            [("on Saturday", date(2023, 10, 28), DAY)],
        ),
        (
            "The response came after the lawyer told the court this month that the rule applies.",
            [("this month", date(2023, 11, 1), MONTH)],
        ),
        # two dated happenings in sequence each count
        (
            "The state held two special elections in 2019 before undergoing redistricting in"
            " November.",
            [("in 2019", date(2019, 1, 1), YEAR), ("in November", date(2019, 11, 1), MONTH)],
        ),
        (
            "Shortly after midnight on Oct. 19, the senator posted a video.",
            [("on Oct. 19", date(2023, 10, 19), DAY)],
        ),
    ],
)
def test_a_state_or_a_sequence_after_a_dated_happening_keeps_its_date(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported "would" puts a thing's date in the future
        (
            "The union said details would be made public after a meeting on Saturday.",
            [("on Saturday", date(2023, 11, 4), DAY)],
        ),
        # an imperative
        (
            "I can finally say it: watch my documentary Saturday night at 8!",
            [("Saturday night", date(2023, 11, 4), DAY)],
        ),
    ],
)
def test_a_plan_points_forward(nlp: Language, text: str, expected: Found) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "New cases surpassed 60,000 for the first time on Wednesday.",
            [("on Wednesday", date(2023, 11, 1), DAY)],
        ),
        (
            "Eight of them are up for re-election in states that could be flipped later this year.",
            [("later this year", date(2023, 1, 1), YEAR)],
        ),
    ],
)
def test_the_news_of_a_comparison_or_a_state_stays(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator will leave the chamber for a post in the cabinet, a decision he disclosed"
            " in an interview with a radio station that aired on Oct. 19.",
            [("on Oct. 19", date(2023, 10, 19), DAY)],
        ),
        (
            "Those left out include the war film “Ridge,” the big winner at the guild awards on"
            " Saturday, as well as “Harbour.”",
            [("on Saturday", date(2023, 10, 28), DAY)],
        ),
    ],
)
def test_a_dated_description_is_the_news_of_an_undated_clause(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


def test_tonight_in_a_quote_of_the_night_before_is_that_night(nlp: Language) -> None:
    thursday = date(2023, 11, 9)
    text = (
        "The candidates met on Wednesday night in Miami.\n\n"
        '"Everybody attacked her tonight, which shows her rise is real,” an adviser said.'
    )
    assert events(nlp, text, thursday) == [
        ("on Wednesday night", date(2023, 11, 8), DAY),
        (
            "tonight (said the night of November 8, 2023 ('Wednesday night'))",
            date(2023, 11, 8),
            DAY,
        ),
    ]


def test_tonight_stays_the_day_of_publication_without_a_night_before(nlp: Language) -> None:
    thursday = date(2023, 11, 9)
    text = "The candidates meet in Miami.\n\n“Everybody will attack her tonight,” he said."
    assert events(nlp, text, thursday) == [("tonight", thursday, DAY)]


def test_a_with_clause_describes_in_passing(nlp: Language) -> None:
    text = (
        "The firm made headlines earlier this year when it paid 43 million euros for the"
        " painting, with the painting classified as a national treasure in 2020."
    )
    assert events(nlp, text) == [("earlier this year", date(2023, 1, 1), YEAR)]


def test_a_coordinated_dated_clause_leaves_the_root_its_relative_clause_date(
    nlp: Language,
) -> None:
    text = (
        "Senators never took up the bill the House passed in May, and the smaller offer was"
        " blocked by Democrats on Sept. 10."
    )
    assert events(nlp, text) == [
        ("in May", date(2023, 5, 1), MONTH),
        ("on Sept. 10", date(2023, 9, 10), DAY),
    ]


def test_a_day_after_what_a_forecast_names_is_the_nearest_such_day(nlp: Language) -> None:
    sunday = date(2020, 8, 16)
    text = (
        "The coming days will test the grid as the operator forecast electricity demand Monday"
        " at near record levels."
    )
    assert events(nlp, text, sunday) == [("Monday", date(2020, 8, 17), DAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the period of a ranking
        (
            "What matters is that these actors were acknowledged as the best ensemble cast of"
            " this year.",
            [],
        ),
        (
            "She was an upset winner for her role in the series, bringing the second award this"
            " year for the streaming service.",
            [],
        ),
        # a possibility
        (
            "He said they can begin at the beginning of next year at the latest, perhaps even"
            " already at the end of this year.",
            [("next year", date(2024, 1, 1), YEAR)],
        ),
        # a year holding the main clause's date
        (
            "After denying the rumors in the summer of 2004, the congressman announced his"
            " resignation in mid-August.",
            [("in mid-August", date(2004, 8, 1), MONTH)],
        ),
    ],
)
def test_a_ranking_a_possibility_or_a_context_is_no_date_of_its_own(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By one count, he visited his golf resorts at least 86 days in 2019.",
            [("in 2019", date(2019, 1, 1), YEAR)],
        ),
        (
            "The boy was 10 days shy of his second birthday last month when he died.",
            [("last month", date(2023, 10, 1), MONTH)],
        ),
    ],
)
def test_a_count_or_an_age_is_no_ranking(nlp: Language, text: str, expected: Found) -> None:
    assert events(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new map for the 2020 race reunites the city, but the seat still favors them.", []),
        (
            "She said she was delighted to be heading to a restaurant for the first time after"
            " lockdown on Wednesday.",
            [("on Wednesday", date(2023, 11, 1), DAY)],
        ),
    ],
)
def test_a_thing_for_another_is_mentioned_in_passing(
    nlp: Language, text: str, expected: Found
) -> None:
    assert events(nlp, text) == expected


def test_a_date_restating_another_is_no_second_event(nlp: Language) -> None:
    monday = date(2019, 12, 30)
    text = "He said he broke the news to his staff on Dec. 18, a Wednesday and the day of the vote."
    assert events(nlp, text, monday) == [("on Dec. 18", date(2019, 12, 18), DAY)]
