"""A key date is never told by a sentence that is only a wire dateline (analysis.datelines)."""

from __future__ import annotations

from datetime import date

from analysis.key_date_summaries import key_dates
from analysis.key_dates import Candidate
from tests.analysis.test_key_date_story import row as story_row

DAY = date(2009, 4, 28)
# a wire page split into "sentences": the stamp and credit alone, the story's words after it
STUB = "MEXICO CITY | Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) -"
CUT = "MEXICO CITY | Tue"
TOLD = "Mexico City closed its schools as the swine flu outbreak spread in Mexico City"


def row(event_id: int, text: str, day: date = DAY, sentence: int = 0) -> Candidate:
    """A lead sentence of this wire day (test_key_date_story's candidate row)."""
    return story_row(event_id, text, day, sentence)


def the_day(found: list[Candidate], sentences: int = 1) -> tuple[int, ...]:
    (told,) = [d for d in key_dates(found, k=3, sentences=sentences) if d.ranked.date == DAY]
    return told.sentence_ids


def other_days() -> list[Candidate]:
    return [
        row(10, "Mexico City reported new swine flu cases", date(2009, 4, 25)),
        row(11, "the swine flu reached Spain from Mexico", date(2009, 4, 27)),
    ]


def test_a_stamp_alone_never_tells_the_day() -> None:
    found = [row(1, STUB), row(2, CUT), row(3, TOLD, sentence=4), *other_days()]
    assert the_day(found, sentences=3) == (3,)


def test_a_day_with_only_stamps_is_left_out() -> None:
    found = [row(1, STUB), row(2, CUT), *other_days()]
    assert DAY not in {d.ranked.date for d in key_dates(found, k=3)}


def test_a_dateline_before_the_story_still_tells_the_day() -> None:
    whole = "MEXICO CITY | Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) - " + TOLD
    assert the_day([row(1, whole), *other_days()]) == (1,)
