"""Event-date mechanisms of issue 12's sixteenth round, each on sentences of the shape seen on
unlabelled PolNeAR and Timeline17 text, in new words (the dates `analyst timeline` would show):
"N years ago this week", a yearless month a few months ahead on a thing, "ahead of" wherever the
parser hangs it, an old thing in a clause told now or ahead, an elliptical "as" clause and "the
same one ... in 2008", and "the week of" a day."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision
from tests.analysis.dated import event_dates

TUESDAY = date(2019, 3, 12)
THURSDAY = date(2019, 3, 14)
AUGUST = date(2019, 8, 20)
APRIL = date(2019, 4, 17)
NOVEMBER = date(2019, 11, 6)


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO; a month or a year as its first day) of a text's dated events."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


def with_precision(nlp: Language, text: str, published: date) -> list[tuple[str, str]]:
    """Each dated event's date and precision."""
    doc = nlp(text)
    events = extract_events(doc, analyse_doc(doc), published, Precision.DAY)
    return [(str(e.date), e.precision.value) for e in events if e.date is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the week or month of writing only narrows the old date: no line for this week
        ("The senator was shot ten years ago this week outside a diner.", ["2009-01-01"]),
        ("The plant closed three years ago this month, workers recalled.", ["2016-01-01"]),
        ("The levee broke two years ago this week, and the town still floods.", ["2017-01-01"]),
    ],
)
def test_ago_this_week_is_one_date(nlp: Language, text: str, expected: list[str]) -> None:
    """'Ten years ago this week' is one old date, not also the week of writing."""
    assert dated(nlp, text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: "this week" on its own, or after another date, is still this week
        ("The senator was shot this week outside a diner.", ["2019-03-11"]),
        (
            "The plant closed two years ago, and this week the owners sold it.",
            ["2017-01-01", "2019-03-11"],
        ),
    ],
)
def test_this_week_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """Only a 'this ...' straight after an 'ago' narrows it."""
    assert dated(nlp, text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month on a thing, a few months ahead, under a modal or a present: the coming one
        (
            "The chance of committee votes in October could look better to the chairman.",
            AUGUST,
            ["2019-10-01"],
        ),
        ("The odds of a party congress in June look good to the unions.", APRIL, ["2019-06-01"]),
        ("Heading into the last primaries in June, the governor leads.", APRIL, ["2019-06-01"]),
    ],
)
def test_month_ahead_on_a_thing(
    nlp: Language, text: str, published: date, expected: list[str]
) -> None:
    """A yearless month one to three months ahead, on a thing or a participle, is the coming one."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # guards: far ahead it is last year's; a past clause keeps the past; "will" as before
        ("The deal follows the minister's reply in March to the strike.", NOVEMBER, ["2019-03-01"]),
        ("The committee votes in June were close.", AUGUST, ["2019-06-01"]),
        ("The committee votes in October will be close.", AUGUST, ["2019-10-01"]),
    ],
)
def test_month_kept(nlp: Language, text: str, published: date, expected: list[str]) -> None:
    """Months farther ahead, or in a clause with a tense, keep the date reader's reading."""
    assert dated(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "ahead of" hung on a noun, or on the date's own clause under a copula
        "The governor has a commanding lead in the polls ahead of the state's May 7 runoff.",
        "The mayor has been busy as he tours the wards ahead of the city's May 7 vote.",
    ],
)
def test_ahead_of_is_a_reference(nlp: Language, text: str) -> None:
    """A thing the clause's happening lies ahead of is a reference point, not its date."""
    assert dated(nlp, text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: the thing's own day, and a date of the clause itself
        ("The state's May 7 runoff will decide the seat.", ["2019-05-07"]),
        ("The governor spoke on Monday ahead of the May 7 runoff.", ["2019-03-11"]),
        ("The stakes are high ahead of Thursday's runoff.", ["2019-03-14"]),
    ],
)
def test_ahead_of_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """A runoff's own sentence, a clause's own day and a copula keep their dates."""
    assert dated(nlp, text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an old thing in a clause told now or ahead: history mentioned, not the clause's time
        "The prime minister said Ruritania would preserve its 1994 peace with its neighbour.",
        "In the valley, people have long memories of a massacre in 1998, under the old regime.",
    ],
)
def test_old_thing_now_no_event(nlp: Language, text: str) -> None:
    """A thing of a year or more ago under a present, a modal or 'will' dates no event."""
    assert dated(nlp, text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a past clause, a scene, a copula, last year's thing
        ("Investigators reopened the 2012 case.", ["2012-01-01"]),
        (
            "In the March 2017 footage taken by a bystander, the officer is seen running.",
            ["2017-03-01"],
        ),
        ("The turning point was the 2008 collapse of the bank.", ["2008-01-01"]),
        ("The candidate vows to scrap last month's tax law.", ["2019-02-01"]),
    ],
)
def test_old_thing_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """A past clause, a scene-setting thing, a copula and recent things keep their dates."""
    assert dated(nlp, text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # likened, not told: an elliptical "as" clause, "the same one ... in 2008"
        "The governor has rebounded, just as his rival was four years ago.",
        "Her edge now is the same one her mentor held in 2008 after the recount.",
    ],
)
def test_likened_no_event(nlp: Language, text: str) -> None:
    """What a present clause is likened to dates no event."""
    assert dated(nlp, text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: an "as" of cause with its own complement; a past "as" clause of time
        ("Hopes are fading, as car sales were down sharply in February.", ["2019-02-01"]),
        ("As he was leaving on Monday, he waved.", ["2019-03-11"]),
    ],
)
def test_as_clause_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """A cause or a time told with 'as' keeps its date."""
    assert dated(nlp, text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the week of March 4, inspectors found cracks in two bridges.",
            [("2019-03-04", "week")],
        ),
        ("Talks are set for the week of April 10.", [("2019-04-08", "week")]),
        # guard: a day without "the week of" stays a day
        ("On March 6, inspectors found cracks in two bridges.", [("2019-03-06", "day")]),
    ],
)
def test_week_of_a_day(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    """'The week of March 4' is that week, at week precision."""
    assert with_precision(nlp, text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base of a comparison with "than", and a thing conceded, date no happening
        ("Exports grew 4 percent in February, faster than they did in January.", ["2019-02-01"]),
        ("Farmers sold more grain in March than they had in February.", ["2019-03-01"]),
        ("Whatever the verdict in the May 7 retrial, the family will appeal.", []),
        ("Regardless of the result of Tuesday's recount, the mayor will stay.", []),
        # a measure repeated with "so": the earlier reading is the base
        ("Now 61 percent call her honest, after 48 percent said so in January.", []),
        ("Most members now back the merger, while only a third did so in February.", []),
    ],
)
def test_compared_and_conceded(nlp: Language, text: str, expected: list[str]) -> None:
    """What a 'than' clause measures against, and what 'whatever' concedes, are no events."""
    assert dated(nlp, text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a hedge on the date itself, and a plain comparison told without "than"
        ("He left the firm more than a year ago.", ["2018-01-01"]),
        ("More than 20 rallies are planned for this week, organisers said.", ["2019-03-11"]),
        ("More than a dozen mayors joined the governor on Monday in the protest.", ["2019-03-11"]),
        (
            "Now 61 percent call her honest, and 48 percent said so in a poll on Monday.",
            ["2019-03-11"],
        ),
        ("Exports grew in February and again in March.", ["2019-02-01", "2019-03-01"]),
        ("The family will appeal the verdict of the May 7 retrial.", ["2019-05-07"]),
    ],
)
def test_compared_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """'More than a year ago' and dates with no 'than' or 'whatever' before them stay."""
    assert dated(nlp, text, THURSDAY) == expected


def test_list_member_the_parser_left_stray(nlp: Language) -> None:
    """A list's first member the parser hung as a clause still makes a list of old things."""
    text = (
        "The raid on a U.S. Army depot in Germany in 1985, the raid on the Kandahar air base in "
        "Afghanistan in 1999, and the deadly bombings of July 7, 2005 all had something in common."
    )
    assert dated(nlp, text, date(2016, 6, 30)) == []


def test_list_told_happening_kept(nlp: Language) -> None:
    """Guard: old things listed as what happened keep their years."""
    text = "Floods hit the valley in 1985, and fires swept it in 1999."
    assert dated(nlp, text, date(2016, 6, 30)) == ["1985-01-01", "1999-01-01"]


@pytest.mark.parametrize(
    "text",
    [
        # a thing compared with "than", or pointed back to by a present: history, no event
        "The leak is ten times larger than the Ixtoc spill in 1979.",
        "The slowdown echoes the Latin American debt crisis in 1982.",
        "The slump recalls the Asian financial crisis in 1997.",
    ],
)
def test_thing_compared_or_recalled(nlp: Language, text: str) -> None:
    """An old thing a present likens to or recalls dates no event."""
    assert dated(nlp, text, date(2016, 6, 30)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: a count after "than", a gerund of what is recalled, a past of pointing back
        ("The city recorded more than 200 murders in 2012.", ["2012-01-01"]),
        ("He recalls meeting her in 1982.", ["1982-01-01"]),
    ],
)
def test_thing_compared_kept(nlp: Language, text: str, expected: list[str]) -> None:
    """Counts and recalled happenings of the clause's own keep their dates."""
    assert dated(nlp, text, date(2016, 6, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a verb of pointing back names, old, in any tense: the pointing has its own time
        ("Her speech evoked John Major's speech at the 1992 Tory conference.", []),
        ("The senator cited the 2008 crash as a warning.", []),
        ("She compared the storm to the 1998 hurricane on Monday.", ["2016-06-27"]),
        # guards: a date of the pointing itself, and a recent thing pointed to
        ("Obama praised the act in 2009.", ["2009-01-01"]),
        ("The senator cited last month's report as a warning.", ["2016-05-01"]),
    ],
)
def test_pointing_back_in_any_tense(nlp: Language, text: str, expected: list[str]) -> None:
    """'Evoked the 1992 speech', 'cited the 2008 crash': the old thing dates no event."""
    assert dated(nlp, text, date(2016, 6, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page's print or correction note is metadata, not the story's happening
        ("Rates fell. A version appeared on p22 of the City section of the Guardian on 9 May.", []),
        ("Rates fell. A version of this article appears in print on May 9, 2019, on page B3.", []),
        ("Rates fell. This article was amended on 9 May 2019 to correct a figure.", []),
        (  # the Guardian's print note with the clock of its web copy before the date
            "Rates fell. This article appeared on p12 of the Guardian review section of the "
            "Guardian on 01.35 GMT on Saturday 9 March 2019",
            [],
        ),
        # guards: other things that appeared or were amended on a day
        ("The bill appeared on the agenda on 9 May 2019.", ["2019-05-09"]),
        ("The budget was amended on Monday by the committee.", ["2019-03-11"]),
    ],
)
def test_print_notes(nlp: Language, text: str, expected: list[str]) -> None:
    """'appeared on p22 of the ... section of the Guardian on 9 May' dates no event."""
    assert dated(nlp, text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb of frequency on the date's own clause: a habit, no event
        ("The index is normally published on the first Friday of the month.", []),
        ("The board usually meets on Wednesday.", []),
        ("Retail sales typically slump in February.", []),
        ("The ferry often runs late on Sunday.", []),
        # guards: the adverb on another clause, a report's "generally", a thing named
        ("The board met on Monday, as it usually does.", ["2019-03-11"]),
        ("Shares were generally lower on Monday.", ["2019-03-11"]),
        ("Monday's vote was always going to be close.", ["2019-03-11"]),
    ],
)
def test_habits(nlp: Language, text: str, expected: list[str]) -> None:
    """'usually meets on Wednesday' tells a habit, not a day's happening."""
    assert dated(nlp, text, TUESDAY) == expected


def test_past_habit_in_a_period_kept(nlp: Language) -> None:
    """Guard: a habit told in the past within a period took place then."""
    text = "Earlier this year, the mayor regularly cited the report in speeches."
    assert dated(nlp, text, TUESDAY) == ["2019-01-01"]
