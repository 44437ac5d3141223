"""Key-date summaries as news-tls's DATEWISE makes them: what a day's reports and the sentences
naming it share, the sentences above the knee, a second sentence that adds something."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from analysis.key_dates import Candidate, key_dates, knee

DAY = date(2021, 3, 2)


def sentence(event_id: int, text: str, article: int, position: int = 4) -> Candidate:
    """A mention (positive id: an event on DAY) or a report's lead sentence (negative id)."""
    return Candidate(
        event_id=event_id,
        date=DAY,
        precision="day",
        article_id=article,
        outlet="Daily",
        published=DAY,
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
