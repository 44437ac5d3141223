"""The Timeline17 mentions probe (eval.timeline17_mentions): which days an article names
outright, and how they raise a ranked day."""

from __future__ import annotations

import math
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from analysis import key_dates
from eval.timeline17_mentions import Mentions, boosted, day_mentions, window_mentions
from eval.timeline17_probe import main


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("Protests began on March 15 and spread.", date(2011, 4, 2), {date(2011, 3, 15)}),
        ("since the 15th of March", date(2011, 4, 2), {date(2011, 3, 15)}),
        ("the attacks of Sept. 11, 2001, changed it", date(2011, 4, 2), {date(2001, 9, 11)}),
        ("On 20 April 2010 the rig exploded.", date(2010, 6, 1), {date(2010, 4, 20)}),
        # a yearless day more than a week ahead of the writing is last year's
        ("the December 28 vote", date(2011, 1, 3), {date(2010, 12, 28)}),
        # a day after the writing is a plan, not evidence that the day mattered
        ("the vote on January 9, 2012", date(2011, 1, 3), set()),
        ("February 30 and 31 April are no days", date(2011, 5, 1), set()),
        ("In May the rains came.", date(2011, 6, 1), set()),
    ],
)
def test_day_mentions_reads_outright_days(text: str, published: date, days: set[date]) -> None:
    assert day_mentions(text, published) == days


def test_a_yearless_day_without_a_publication_date_is_not_read() -> None:
    assert day_mentions("on March 15 and on March 16, 2011", None) == {date(2011, 3, 16)}


def _candidate(event: int, day: date, article: int) -> key_dates.Candidate:
    return key_dates.Candidate(event, day, "day", article, f"outlet{article}", date(2011, 5, 1))


QUIET, BUSY = date(2011, 3, 15), date(2011, 4, 1)
ROWS = [_candidate(1, QUIET, 1), _candidate(2, BUSY, 2), _candidate(3, BUSY, 3)]


def test_a_day_named_by_more_articles_than_its_events_rises() -> None:
    later = date(2011, 5, 1)
    named: Mentions = {QUIET: dict.fromkeys([1, 4, 5, 6, 7], later), BUSY: {2: later, 3: later}}
    assert [r.date for r in key_dates.rank_dates(ROWS)] == [BUSY, QUIET]
    every = boosted(key_dates.rank_dates, lambda: named, 1.0, every_article=True)
    assert [r.date for r in every(ROWS)] == [QUIET, BUSY]
    # counting only the rows' articles, articles 4-7 are outside the topic
    topic = boosted(key_dates.rank_dates, lambda: named, 1.0, every_article=False)
    assert [r.date for r in topic(ROWS)] == [BUSY, QUIET]


def test_with_after_only_later_articles_without_the_days_events_count() -> None:
    # articles 4-7 name the quiet day: two report it (published the next day), two look back
    named: Mentions = {
        QUIET: {
            1: date(2011, 3, 16),
            4: date(2011, 3, 16),
            5: date(2011, 3, 16),
            6: date(2011, 4, 20),
            7: date(2011, 4, 25),
        },
    }
    every = boosted(key_dates.rank_dates, lambda: named, 1.0, every_article=True, after=2)
    ranked = {r.date: r.score for r in every(ROWS)}
    plain = {r.date: r.score for r in key_dates.rank_dates(ROWS)}
    assert ranked[BUSY] == plain[BUSY]
    assert ranked[QUIET] == pytest.approx(plain[QUIET] * (1 + math.log1p(2)))


def test_window_mentions_reads_the_stored_texts(tmp_path: Path) -> None:
    database = tmp_path / "w.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE articles (id INTEGER, text TEXT, published TEXT)")
        db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?)",
            [(1, "since March 15", "2011-04-02"), (2, "on 15 March 2011", None)],
        )
    assert window_mentions(database) == {date(2011, 3, 15): {1: date(2011, 4, 2), 2: None}}


def test_the_probe_needs_alpha_scope_and_after(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["mentions", "1", "0"])
    assert "mentions needs ALPHA SCOPE AFTER" in capsys.readouterr().err
