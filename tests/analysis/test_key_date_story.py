"""A key date told in its story's words (analysis.key_date_story)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis import key_date_story
from analysis.key_date_story import Story
from analysis.key_date_summaries import content_words, key_dates
from analysis.key_dates import Candidate
from analysis.summary import Tfidf

SPILL = [  # the story's other days, each in its words: the well, the oil, the gulf, BP
    "BP engineers lowered a dome over the leaking oil well in the gulf",
    "oil from the BP well reached the marshes on the gulf coast",
    "BP said the cost of the gulf oil spill had passed three billion dollars",
    "fishermen on the gulf were paid by BP to skim oil from the well site",
]
# two sentences of one day, equally close to that day's centroid (no word shared): one tells
# the day in the story's words, the other is an aside that could be told of any day, earlier in
# its article (which the form prior prefers)
CAPPED = "BP capped the leaking gulf oil well with a sealing cap"
ASIDE = "a reporter's hotel in Houston lost power during the storm overnight"
DAY = date(2010, 7, 15)


def row(event_id: int, text: str, day: date = DAY, sentence: int = 3) -> Candidate:
    return Candidate(
        event_id=event_id,
        date=day,
        precision="day",
        article_id=event_id,
        outlet=f"Outlet {event_id}",
        published=day,
        sentence=sentence,
        text=text,
    )


def rows() -> list[Candidate]:
    others = [row(10 + n, text, date(2010, 5, 1 + n)) for n, text in enumerate(SPILL)]
    return [row(1, ASIDE), row(2, CAPPED, sentence=6), *others]  # the aside comes earlier


def the_day(found: list[Candidate], one_story: bool) -> tuple[int, ...]:
    (told,) = [d for d in key_dates(found, k=5, one_story=one_story) if d.ranked.date == DAY]
    return told.sentence_ids


def test_a_sentence_in_the_storys_words_is_closer_to_it() -> None:
    found = rows()
    vectors = Tfidf([r.text for r in found], content_words)
    texts = [r.text for r in found]
    told = [texts.index(CAPPED), texts.index(ASIDE)]
    capped, aside = Story(vectors).closeness(vectors.rows(told))
    assert capped > 1.5 * aside


def test_a_storys_day_is_told_in_its_words_not_by_an_aside() -> None:
    assert the_day(rows(), one_story=True) == (2,)


def test_without_the_lean_the_earlier_sentence_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(key_date_story, "STORY_PULL", 0.0)
    assert the_day(rows(), one_story=True) == (1,)


def test_a_corpus_of_many_stories_has_no_story_to_lean_to() -> None:
    assert the_day(rows(), one_story=False) == (1,)


def test_the_second_sentence_leans_too() -> None:
    found = [*rows(), row(3, "power came back to the city by the morning after the storm")]
    (told,) = [
        d for d in key_dates(found, k=5, sentences=2, one_story=True) if d.ranked.date == DAY
    ]
    assert told.sentence_ids[0] == 2
