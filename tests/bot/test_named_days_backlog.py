"""Named days through the `analyst` CLI: ingestion stores what the reader finds, and a database
upgraded from before them (every article on the backlog) gets the same rows at the next command."""

from __future__ import annotations

import sqlite3
from datetime import date

from analysis.named_days import named_days
from tests.bot.conftest import Invoke


def _path(url: str) -> str:
    return url.removeprefix("sqlite+aiosqlite:///")


def _rows(url: str) -> list[tuple[int, str]]:
    with sqlite3.connect(_path(url)) as db:
        return sorted(db.execute("SELECT article_id, day FROM named_days"))


def _expected(url: str) -> list[tuple[int, str]]:
    with sqlite3.connect(_path(url)) as db:
        articles = db.execute("SELECT id, text, published FROM articles").fetchall()
    return sorted(
        (article, day.isoformat())
        for article, body, published in articles
        for day in named_days(body, date.fromisoformat(published[:10]) if published else None)
    )


def test_ingestion_stores_the_days_each_sample_article_names(sample_db: str) -> None:
    rows = _rows(sample_db)
    assert rows == _expected(sample_db)
    # the Paris attacks of Nov. 13 in the 2015 visit's report (its "Nov. 23, 2015" is in a
    # photo caption, not the stored text), and "Friday 14th April 2017" in the Lavrov invitation
    # (its yearless "April 20" lies after publication: a plan, not a reference)
    assert [day for _, day in rows] == ["2015-11-13", "2017-04-14"]


def test_an_upgraded_database_reads_its_articles_days_at_the_next_command(
    sample_db: str, sample_cli: Invoke
) -> None:
    stored = _rows(sample_db)
    with sqlite3.connect(_path(sample_db)) as db:  # as migration 0013 leaves an older corpus
        db.execute("DELETE FROM named_days")
        db.execute("INSERT INTO named_days_pending (article_id) SELECT id FROM articles")
    result = sample_cli("stats")
    assert result.exit_code == 0, result.output
    assert _rows(sample_db) == stored
    with sqlite3.connect(_path(sample_db)) as db:
        assert db.execute("SELECT count(*) FROM named_days_pending").fetchone() == (0,)
