"""Key-date summaries as news-tls's DATEWISE makes them: what a day's reports and the sentences
naming it share, the sentences above the knee, a second sentence that adds something."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from analysis.key_date_summaries import key_dates, knee
from analysis.key_dates import Candidate

DAY = date(2021, 3, 2)


def sentence(
    event_id: int,
    text: str,
    article: int,
    position: int = 4,
    *,
    day: date = DAY,
    outlet: str = "Daily",
) -> Candidate:
    """A mention (positive id: an event on the day, reported that day) or a report's lead
    sentence (negative id)."""
    return Candidate(
        event_id=event_id,
        date=day,
        precision="day",
        article_id=article,
        outlet=outlet,
        published=day,
        sentence=position,
        text=text,
    )


MENTIONS = [
    sentence(1, "On Tuesday the council approved the flood barrier for the lower town.", 1),
    sentence(2, "On Tuesday the mayor's dog won first prize at the county fair.", 2),
    sentence(3, "Tickets for Tuesday's concert sold out within an hour.", 3),
]
LEADS = [
    sentence(-10, "The regional council approved a flood barrier after three years.", 1, 0),
    sentence(-11, "Residents of the lower town had asked for the flood barrier.", 4, 0),
    sentence(-12, "Weather was mild across the region.", 4, 1),
]


def told(rows: list[Candidate], sentences: int) -> set[int]:
    (chosen,) = key_dates(rows, k=1, sentences=sentences)
    return set(chosen.sentence_ids)


def test_a_day_is_told_by_what_its_reports_and_the_sentences_naming_it_share() -> None:
    assert told(MENTIONS + LEADS, 1) <= {1, -10, -11}  # the barrier, not the dog or the tickets
    assert not told(MENTIONS + LEADS, 3) & {2, 3, -12}  # below the knee even when more are asked


def test_without_reports_every_sentence_naming_the_day_may_tell_it() -> None:
    assert len(told(MENTIONS, 3)) == 3


@pytest.mark.parametrize(
    ("values", "index"),
    [
        ([0.9, 0.8, 0.1, 0.05, 0.0], 2),  # two close to the centroid, then the drop
        ([0.9, 0.2, 0.15, 0.1, 0.0], 1),  # one stands out
        ([0.5, 0.5, 0.5], 0),  # flat: nothing stands out (all are kept)
    ],
)
def test_the_knee_is_the_first_cosine_past_the_drop(values: list[float], index: int) -> None:
    assert knee(np.array(values)) == index


def flood(event_id: int, day: date, text: str, article: int) -> Candidate:
    """An event of the flood story's paper on its own day."""
    return sentence(event_id, text, article, position=3, day=day, outlet="Watch Tower")


FLOOD_NEWS = [  # the topic: flood, river, water, town, rain
    "Rain swelled the river and flood water rose above the north levee of the town.",
    "Flood water from the river entered the mill cellars as rain kept falling on the town.",
    "Volunteers filled sandbags by the river church while rain and flood water lapped the town.",
    "The river flood cut the railway at the town station after a night of rain and water.",
    "Boats rescued families from the harbour as river flood water spread through the rain town.",
    "Engineers closed the river bridge; flood water and rain kept traffic out of the town.",
    "The town park became a lake of flood water as the river burst after the rain.",
    "Army trucks carried food through flood water to river villages near the town in the rain.",
    "Insurers counted flood damage in the town once the rain stopped and the river water fell.",
]


def test_a_story_is_told_only_by_sentences_on_its_topic() -> None:
    days = [date(2021, 3, d) for d in range(1, 11)]
    news = zip(days[:9], FLOOD_NEWS, strict=True)
    rows = [flood(i, day, text, i) for i, (day, text) in enumerate(news, 1)]
    rows.append(flood(10, days[9], "Watch makers met the mayor about parking.", 10))
    rows.append(flood(11, days[9], "The flood closed the school, the mayor said.", 11))
    rows.append(flood(12, days[4], "A celebrity chef opened a restaurant downtown.", 12))
    rows.append(flood(13, days[3] - timedelta(days=9), "A chess club met downtown.", 13))
    chosen = {c.ranked.date: c.sentence_ids for c in key_dates(rows, k=20, one_story=True)}
    assert chosen[days[9]] == (11,)  # not the sentence without a word of the topic
    assert chosen[days[4]] == (5,)  # "flood" and "river" are the topic; "watch" is the outlet's
    assert len(chosen) == 10  # the chess club's day is not on the topic: no key date
    assert len(key_dates(rows, k=20)) == 11  # a corpus of many stories keeps every story's days
