"""Event-date rules of issue 12's sixth round (session 9): general shapes read from the errors of
the fourth held-out batch once it joined DEV, each on invented sentences of that shape."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from analysis.date_scenes import night_scenes
from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision
from tests.analysis.dated import event_dates

PUBLISHED = date(2020, 5, 16)  # a Saturday


def dated(nlp: Language, text: str, published: date = PUBLISHED) -> list[str]:
    """The dates (ISO) of a text's events, published on `published`."""
    return event_dates(nlp, text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day (or a run of days) followed by "in YEAR" is one date of that year: the year is
        # the day's, not a second event of the sentence
        ("The festival will take place June 4-7 in 2022, the organisers said.", ["2022-06-04"]),
        ("The final was first planned to run from August 6-15 in 2021.", ["2021-08-06"]),
        ("The summit is now set for October 3 in 2021.", ["2021-10-03"]),
        ("The talks were held on 12 March in 2019.", ["2019-03-12"]),
    ],
)
def test_day_with_its_year(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what a sentence likens its subject to: a free relative under a predicative noun
        "The vote was a repeat of what happened last year.",
        "Voters chose Biden — basically the reverse of what happened in 2016.",
        "The result is another illustration of what seems to have happened in the 2019 primary.",
        "The single is just a fragment of what’s to come from the band this year.",
        "The album is a taste of what's to come next month.",
        # a possessive date names its noun even where the parser hung it on the verb: here the
        # candidates and the winners, people described by the year
        "Moreover, we have enough endorsements now to start making some tentative hypotheses"
        " about how this year’s candidates are viewed by the party elite.",
        "Analysts are still trying to work out how last year’s winners are doing in the polls.",
        # the figure a change starts from, or a figure is up or down from, is a reference point
        "Profit was $4 million, down from last year’s $5 million.",
        "Prices are up from last year, the survey found.",
        # a past perfect by a time says what was done before it: a cut-off
        "By April, the sector had already shed 100,000 jobs.",
        "The union said that by March the firm had closed ten shops.",
        # a title in single quotes (British style), up to a dozen words, is a name: its years
        # date nothing
        "The bank set out its plans in its document"
        " ‘Technology Vision for Cyber Security for Small Lenders 2021-2024’.",
        # a year naming a thing of a clause that tells a state describes the thing
        "The brand is currently showing off its Fall/Winter 2021 collections.",
        "The 2021 budget has been approved by the council.",
        "The 2016 election remains a sore point for the party.",
        # ... also a relation told in the past tense
        "The crowded field at the start of the 2020 race reflected doubts about the frontrunner.",
        "The 2019 budget included deep cuts to schools.",
        # the writer's own question tells no happening
        "Still need convincing on why it’s our top song this week?",
        "Will the council finally approve the plan on Monday?",
        # a thing named in a gerund a preposition brings, under a state, is named in passing
        "The owner is waiting for clear rules before committing to a June 3 opening.",
        "The club is thinking about moving to a May 30 start.",
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a free relative under the object of a happening is the story's happening
        ("Police gave an account of what happened on Saturday night.", ["2020-05-16"]),
        # a possessive date naming the subject of a happening dates it
        ("Officials said Saturday’s game was postponed.", ["2020-05-16"]),
        ("Last week’s storm killed three people.", ["2020-05-04"]),
        # a year naming the subject gives way to the finer date of its clause, also when the
        # clause runs through an open complement ("is scheduled to be held", "are due to begin")
        ("The 2021 Summit is scheduled to be held in Rome on October 30.", ["2021-10-30"]),
        ("The 2022 Games are due to begin on July 28.", ["2022-07-28"]),
        ("The 2020 Olympics were set to open in Tokyo on July 24.", ["2020-07-24"]),
        # and a year setting the scene holds the finer date of the same clause
        ("In 2019, the company tried to sell the plant on March 3.", ["2019-03-03"]),
        # where a dated moving puts a thing is the thing's new time, a second date; an undated
        # move still gives the plan's day
        ("Organisers last month moved the festival to 2022.", ["2020-04-01"]),
        ("The board last week delayed the launch to next year.", ["2020-05-04"]),
        ("The vote was postponed to Friday.", ["2020-05-22"]),
        # ... of two dated figures of a change, only the new one is its event
        ("The index rose to 101 in August, up from July’s 98.8 reading.", ["2019-08-01"]),
        ("Sales fell 3% in May from April’s 2.1% gain.", ["2020-05-01"]),
        # a count of things named by a day is no figure compared
        ("Officials counted 300 ballots from Tuesday’s 12 polling stations.", ["2020-05-12"]),
        # what a dated telling reports is its content, also told in the passive, and also when
        # the date names the telling's setting ("in Tuesday’s episode", "at Monday’s briefing")
        (
            "In Tuesday’s episode, viewers were told that the character had died last year.",
            ["2020-05-12"],
        ),
        ("Staff were told on Friday that the office would close in March.", ["2020-05-15"]),
        (
            "At Monday’s briefing, the minister said that the plant had closed in March.",
            ["2020-05-11"],
        ),
        # a day naming the setting of a past clause lies in the past, whatever "will" follows
        (
            "At Monday’s briefing, the minister announced that the plant will close in March.",
            ["2020-05-11"],
        ),
        (
            "The minister spoke at Monday’s briefing about plans that will change the law.",
            ["2020-05-11"],
        ),
        ("At Tuesday’s meeting, the board will vote on the plan.", ["2020-05-19"]),
        # ... and a present progressive leaves it to the sentence (found on PolNeAR texts)
        (
            "Donald Trump is raising questions about his microphone problems during Monday’s"
            " debate with Hillary Clinton.",
            ["2020-05-11"],
        ),
        # a coarser date naming a thing in a clause under a dated main clause describes it
        (
            "Shares rose on Tuesday as investors sought to recover from the selloff of last week.",
            ["2020-05-12"],
        ),
        (
            "Shares rose on Tuesday as investors sought to recover from last week’s selloff.",
            ["2020-05-12"],
        ),
        # a dated thing a dated happening comes after is a reference point
        ("The minister resigned on Friday after the scandal of last month.", ["2020-05-15"]),
        ("On Monday, two weeks after the May 1 attack, police made an arrest.", ["2020-05-11"]),
        # a simple past by a time keeps it
        ("The plant closed by March.", ["2020-03-01"]),
        # a day of what a clause foresees lies ahead (the nearest such day when told in the past)
        ("The new rules foresee the opening Monday of bars and shops.", ["2020-05-18"]),
        ("The plan envisages a vote Thursday on the budget.", ["2020-05-21"]),
        ("The council approved the opening Monday of the new bridge.", ["2020-05-11"]),
        # a quoted phrase that is no title keeps the sentence's date
        ("Officials called Monday’s parade ‘a great success’.", ["2020-05-11"]),
        # ... not of a happening
        ("Trump lost the 2016 election.", ["2016-01-01"]),
        ("The 2019 season will start late.", ["2019-01-01"]),
        ("The 2016 vote drew millions of new voters.", ["2016-01-01"]),
        # a question quoted is what someone asked, that day
        ("Anna Novak asked on Tuesday “Why has this taken four months?”", ["2020-05-12"]),
        # a run-on the sentence splitter left, a teaser's question at its end
        (
            "Over 150,000 displaced people who have fled Swat, Buner and Lower Dir, face harsh"
            " living conditions in camps The prime minister has confirmed that Christopher Graham"
            " will start as information commissioner for five years from 29 June Cabinet"
            " ministers to offer advice and guidance to third sector organizations struggling"
            " with the recession Did you soak up the news, or the sunshine instead?",
            ["2020-06-29"],
        ),
        # ... but a day of the last days is the news the state is about
        ("The club is proud of winning Sunday’s final.", ["2020-05-10"]),
        # a caption's date after its place names no thing of the gerund
        (
            "Mickey Mouse leads other characters in dancing down Main Street during the"
            " re-dedication of the Magic Kingdom at Walt Disney World in Orlando, Florida"
            " October 1 1996.",
            ["1996-10-01"],
        ),
        # a past perfect by a day of the last days is that day's tally, its news
        (
            "About a half dozen tar balls had been collected by Saturday afternoon at Dauphin"
            " Island, officials said.",
            ["2020-05-16"],
        ),
    ],
)
def test_kept(nlp: Language, text: str, expected: list[str]) -> None:
    assert dated(nlp, text) == expected


# A quotation continued in the next paragraph has no closing mark at the end of its first: its
# "tonight" is still a quotation's, said the night the article's own words name ("last night").
RUNNING_ON = (
    "Police closed the park after a fight broke out last night.\n\nA police spokesman said: "
    "“Officers have closed the park tonight. We have received many calls from residents.\n\n"
    "“We ask anyone with information to call us.”"
)


def test_quotation_running_on_is_a_scene() -> None:
    scenes = night_scenes(RUNNING_ON, PUBLISHED)
    assert [scene.anchor for scene in scenes] == [date(2020, 5, 15)]
    assert RUNNING_ON[scenes[0].start : scenes[0].end].endswith("many calls from residents.")


def test_tonight_of_a_quotation_running_on(nlp: Language) -> None:
    doc = nlp(RUNNING_ON)
    events = extract_events(doc, analyse_doc(doc), PUBLISHED, Precision.DAY)
    assert [str(e.date) for e in events if e.expression.startswith("tonight")] == ["2020-05-15"]
