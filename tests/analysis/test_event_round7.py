"""Event-date rules of issue 12's seventh round (session 10): general shapes read from the errors
of the fifth batch once it joined DEV, each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates

PUBLISHED = date(2022, 3, 10)  # a Thursday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    return event_dates(nlp, text, published)


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


@pytest.mark.parametrize(
    "text",
    [
        # a participle talking of a thing: the date is the thing's, the talking undated
        "Pointing to Monday's poor results, the coach said the team must improve.",
        "The minister defended the plan, citing last week's survey of voters.",
        "The mayor closed the meeting by blaming the council for Tuesday night's defeat.",
        "The senator opened the hearing by attacking the mayor, blaming her for the poor showing"
        " in a string of races on Tuesday night.",
        # ... and "today" after the object of a comparing or describing participle is nowadays
        "He praised the staff, comparing the hospital today with the one he knew as a boy.",
        "The author ended the talk by describing the city today as a place of hope.",
    ],
)
def test_talked_of(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle of being somewhere is set by its date
        ("Speaking at Tuesday's rally, the senator promised lower taxes.", ["2022-03-08"]),
        # the main clause's own date stays
        ("The mayor cancelled the parade on Monday, citing the storm.", ["2022-03-07"]),
        ("Pointing to the report, the minister resigned on Friday.", ["2022-03-04"]),
        # a finite clause of talking is not a participle
        ("The coach blamed the referee for Monday's defeat.", ["2022-03-07"]),
    ],
)
def test_not_talked_of(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date on the participle itself dates it
        ("The governor has backed the claim, citing it on Tuesday without proof.", ["2022-03-08"]),
        # an account of a happening tells it
        (
            "Describing a trip to her parents' farm in May 2001, the author admits she was afraid.",
            ["2001-05-01"],
        ),
    ],
)
def test_participle_dated(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year naming a thing set in another noun ("her rise in the 2024 race"), under a
        # clause telling a state, names it in passing
        (
            "In a sign of the senator's rise in the 2024 presidential race, she was again at the"
            " centre of attention.",
            [],
        ),
        ("The governor is a leading voice in the 2026 budget debate.", []),
        # the setting of a happening, or of a state's clause itself, stays
        ("She won her first seat in the 2019 election.", ["2019-01-01"]),
        ("Turnout was high in the 2019 election.", ["2019-01-01"]),
    ],
)
def test_year_setting_a_noun(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present tense of pointing to a thing is no schedule: the thing pointed to, dated
        # without a year, lies in the past
        ("She cites a High Court judgment in May that said the ban was unlawful.", ["2021-05-01"]),
        (
            "The lawyer points to a Supreme Court decision in May that found the law unfair.",
            ["2021-05-01"],
        ),
        # a present tense with a date is still a schedule
        ("The tour resumes in May with a show in Leeds.", ["2022-05-01"]),
    ],
)
def test_present_pointing_to(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or a month followed by "last year", "this year" or "next year" is one date of
        # that year, counted from the day of writing, not a yearless date plus a year
        ("The factory closed on March 3 last year.", ["2021-03-03"]),
        ("The company was founded in May last year.", ["2021-05-01"]),
        ("The factory will reopen in June next year.", ["2023-06-01"]),
        ("The law took effect on 1 January this year.", ["2022-01-01"]),
        ("The talks ran from October 4-8 last year.", ["2021-10-04"]),
        # ... and keeps its role: a reference point stays one
        ("Prices have risen since May last year.", []),
    ],
)
def test_day_of_a_relative_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a main clause's verb the tagger read as a participle, with a subject and no
        # auxiliary, is a simple past: its yearless month lies behind, whatever plans it names
        (
            "In May, Trump called Nabisco’s plans to move a $1.2 billion bakery to Mexico a"
            " disgrace.",
            ["2021-05-01"],
        ),
        (
            "In May, Trump called Boeing’s plans to open a $2 billion factory in China a disgrace.",
            ["2021-05-01"],
        ),
    ],
)
def test_participle_read_as_past(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with no tense of its own (a participle, a gerund, a bare infinitive) points
        # the way of the clause it hangs on, not of a "will" or "going to" elsewhere
        (
            "“We are going to win this state,” Warren said while campaigning in Ohio on Tuesday.",
            ["2022-03-08"],
        ),
        (
            "After meeting the union leaders on Monday, the minister said talks will continue.",
            ["2022-03-07"],
        ),
        (
            "Police said they had seen two men run from the bank on Tuesday night and will"
            " review the footage.",
            ["2022-03-08"],
        ),
        # a past participle tells a thing done, whatever the clause above it
        ("The mayor leads the race, according to a poll released Sunday.", ["2022-03-06"]),
        ("An ad aired Monday accuses the mayor of lying.", ["2022-03-07"]),
        # ... and a plan stays ahead, or a sequence of plans
        (
            "She had been scheduled to speak in Leeds on Friday, followed by a rally in York on"
            " Saturday.",
            ["2022-03-11", "2022-03-12"],
        ),
        ("The minister is due to speak after meeting the mayor on Friday.", ["2022-03-11"]),
        ("He will visit the plant after meeting the mayor on Friday.", ["2022-03-11"]),
    ],
)
def test_untensed_verb_takes_its_clause(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day describing a thing of a clause told in the past lies in the past, whatever
        # "will" the sentence says elsewhere
        (
            "Hundreds of nurses marched through the city on the first day of the annual congress"
            " on Monday, and more will join them.",
            ["2022-03-07"],
        ),
        (
            "Police used tear gas on the crowd in the early hours of Wednesday morning, and the"
            " mayor said she will ask for an inquiry.",
            ["2022-03-09"],
        ),
        # ... and a thing of a clause told in the future lies ahead
        (
            "The nurses will march on the first day of the annual congress on Monday.",
            ["2022-03-14"],
        ),
    ],
)
def test_thing_of_a_past_clause(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative year naming a thing of a clause that tells a state, as a written year does
        # ("The 2016 election remains a sore point"), names it in passing
        ("But this year's race has not been the contest many had expected.", []),
        ("Last year's budget included deep cuts to schools.", []),
        ("The stakes in this year's vote could not be higher.", []),
        # ... a happening stays
        ("Last year's storm destroyed three bridges.", ["2021-01-01"]),
    ],
)
def test_relative_year_naming_a_thing(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of last year" after a month or a day, as "last year" alone
        ("The plant opened in February of last year.", ["2021-02-01"]),
        ("The plant opened on 3 February of last year.", ["2021-02-03"]),
    ],
)
def test_month_of_a_relative_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone saw or heard happen takes the time of the seeing, also when the tagger
        # reads the bare infinitive as a present ("heard three shells explode") and when the
        # date hangs on a noun of the seen clause ("collide at the junction on Tuesday night")
        (
            "Residents said they heard three shells explode near the market on Tuesday night,"
            " and the army will respond.",
            ["2022-03-08"],
        ),
        (
            "Witnesses said they had seen two cars collide at the junction on Tuesday night, and"
            " police will investigate.",
            ["2022-03-08"],
        ),
        # a present that is no bare infinitive is still a schedule
        ("Officials say the shops reopen on Tuesday.", ["2022-03-15"]),
    ],
)
def test_seen_happening(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected
