"""Event dates of issue 12's round 24 (relative dates from the wrong moment): a quotation's
"yesterday" said by a speaker the article places on its story's day, the day before it was
published, counts from that day; in new words, with the guards that keep the publication's."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.analysis.dated import event_dates


def dated(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, leaving out undated ones."""
    return [found for found in event_dates(nlp, text, published) if found != "None"]


PRINTED = date(2022, 4, 22)  # a Friday: the story is Thursday's, April 21

AT_THE_SCENE = (
    "A man was shot dead outside a bakery yesterday.\n\n"
    "At the scene, police spokeswoman Inspector Carla Mendes said officers arrived within "
    "minutes.\n\n"
    "“We arrested two men yesterday for having a rifle in this area,” Inspector Mendes said.\n\n"
)
TOLD_YESTERDAY = (
    "Fire destroyed a warehouse on the harbour yesterday.\n\n"
    "Chief Tomas Rilke told reporters yesterday that the alarm had failed.\n\n"
    "“The owners called us yesterday about a smell of smoke,” Rilke said.\n\n"
)
RUNNING_ON = (
    "A man was shot dead outside a bakery yesterday.\n\n"
    "At the scene, police spokeswoman Inspector Carla Mendes said officers arrived within "
    "minutes.\n\n"
    "“This is a hotspot for us,” Inspector Mendes said.\n\n"
    "“I can say that yesterday we arrested two men for having a rifle in this area.”\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (AT_THE_SCENE, ["2022-04-21", "2022-04-20"]),
        (TOLD_YESTERDAY, ["2022-04-21", "2022-04-21", "2022-04-20"]),
        (RUNNING_ON, ["2022-04-21", "2022-04-20"]),
    ],
)
def test_a_placed_speakers_yesterday_counts_from_the_story_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, PRINTED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker the article does not place: the publication's yesterday
        ("A man was shot dead outside a bakery yesterday.\n\n"
         "“Yesterday we lost a son,” his mother Ana Duval said.\n\n", ["2022-04-21", "2022-04-21"]),
        # a placed speaker, but another speaker's quotation
        (AT_THE_SCENE + "“He was arrested yesterday and let go,” neighbour Ruth Okafor said.\n\n",
         ["2022-04-21", "2022-04-20", "2022-04-21"]),
        # the text names the publication day: its quotations may be of that day
        ("A man was shot dead outside a bakery yesterday. Police said today that an arrest was "
         "made.\n\n"
         "At the scene, Inspector Carla Mendes said officers arrived within minutes.\n\n"
         "“We arrested two men yesterday,” Inspector Mendes said.\n\n",
         ["2022-04-21", "2022-04-22", "2022-04-21"]),
        # a quotation with no speaker placed on any day keeps the publication day
        ("Inspector Carla Mendes said the inquiry goes on.\n\n"
         "“We arrested two men yesterday,” Inspector Mendes said.\n\n", ["2022-04-21"]),
    ],
)  # fmt: skip
def test_an_unplaced_quotation_keeps_the_publication_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, PRINTED) == expected


WRITTEN = date(2022, 4, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quotation's own attribution dates the speaking: the relative days of its
        # sentences count from then (a sentence of the quotation telling only 'yesterday')
        ("“We arrested two men yesterday. They will be charged,” Inspector Mendes said on "
         "Tuesday.", ["2022-04-18", "2022-04-19"]),
        ("Inspector Mendes told reporters on Tuesday: “The raid went well. We arrested two men "
         "yesterday.”", ["2022-04-19", "2022-04-18"]),
        ("Speaking at the scene on Monday, the chief said: “It was calm. We made an arrest last "
         "night.”", ["2022-04-18", "2022-04-17"]),
        ("“We signed the deal this morning. Work starts soon,” the minister said on Monday.",
         ["2022-04-18", "2022-04-18"]),
    ],
)  # fmt: skip
def test_a_quotation_dated_by_its_attribution_counts_from_the_speaking_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported speech, outside quotation marks: the writer's own days
        ("The mayor said on Tuesday that ballots were counted. Voters queued today, she said.",
         ["2022-04-19", "2022-04-21"]),
        # no day for the speaking, or the publication's own: the publication day
        ("“We arrested two men yesterday. They will be charged,” Inspector Mendes said.",
         ["2022-04-20"]),
        ("“We arrested two men yesterday. They will be charged,” Inspector Mendes said on "
         "Thursday.", ["2022-04-20", "2022-04-21"]),
        # a weekday that is not the speaking's ('said of the Tuesday raid')
        ("“We arrested two men yesterday. They will be charged,” the chief said of the Tuesday "
         "raid.", ["2022-04-20"]),
    ],
)  # fmt: skip
def test_reported_speech_and_undated_attributions_keep_the_publication_day(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert dated(nlp, text, WRITTEN) == expected
