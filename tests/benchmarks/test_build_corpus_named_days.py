"""The corpus builder copies each article's named days (`named_days`) with the article.

Three short dated articles that name days outright go through the full pipeline; grown to 8
articles (two whole copies and a partial one) on both backends, every copy names the days its
seed article names, moved by the days its publication date moved, under the copy's own id; and
no backlog of unread named days is left.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from benchmarks.build_corpus import check_seed, copy_seed_postgres, copy_seed_sqlite, grow
from bot.cli import app
from storage.engine import create_engine
from storage.migrate import upgrade_database
from tests.databases import BACKENDS, fresh_database

SIZE = 8
SEED_TEXTS = {
    "harbour.txt": (
        "2021-03-20",
        "Lisbon harbour reopens after storm repairs",
        "Harbour master Ana Costa said the berths damaged on March 15 were open again, and that "
        "the storm of 2 February 2020 had done worse. Ferries to the islands keep their timetable.",
    ),
    "vote.txt": (
        "2019-11-08",
        "Council vote on the new bridge delayed again",
        "The council, which first debated the bridge on Sept. 11, 2018, put off its vote until "
        "after the October 30 hearing. Engineers said the river crossing would take three years.",
    ),
    "festival.txt": (
        "2023-07-02",
        "Harvest festival draws record crowds to the valley",
        "Organisers said the festival, founded on 4 July 1998, sold out by June 20. Farmers from "
        "the valley brought cheese, honey and wine to the market square for the weekend.",
    ),
}


def _article(published: str, title: str, body: str, n: int) -> str:
    filler = " ".join(
        f"Residents interviewed in street {n} {i} described the week in some detail to reporters."
        for i in range(1, 7)
    )
    return f"date {published}\n\n{title}\n\n{body} {filler}\n"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three articles through the full pipeline."""
    folder = tmp_path_factory.mktemp("named-days-texts")
    for n, (name, (published, title, body)) in enumerate(SEED_TEXTS.items()):
        (folder / name).write_text(_article(published, title, body, n), encoding="utf-8")
    path = tmp_path_factory.mktemp("named-days-seed") / "seed.db"
    result = CliRunner().invoke(
        app,
        ["ingest", str(folder)],
        env={"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{path}"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return path


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


async def _read(url: str) -> tuple[dict[int, date], dict[int, set[date]], int]:
    """Each article's publication date, each article's named days, the backlog's size."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            published = {
                a: _as_date(p)
                for a, p in await conn.execute(text("SELECT id, published FROM articles"))
            }
            days: dict[int, set[date]] = {}
            for a, d in await conn.execute(text('SELECT article_id, "day" FROM named_days')):
                days.setdefault(a, set()).add(_as_date(d))
            pending = await conn.scalar(text("SELECT count(*) FROM named_days_pending"))
    finally:
        await engine.dispose()
    return published, days, int(pending or 0)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_copies_name_their_seed_days_shifted_with_publication(
    backend: str, seed: Path, tmp_path: Path
) -> None:
    check_seed(seed)  # made at the current schema, no backlog
    seed_published, seed_days, _ = await _read(f"sqlite+aiosqlite:///{seed}")
    assert len(seed_published) == len(SEED_TEXTS)
    assert sum(map(len, seed_days.values())) >= 6, seed_days  # the fixtures name days
    seed_max = max(seed_published)
    async with fresh_database(backend, tmp_path) as url:
        engine = create_engine(url)
        try:
            await upgrade_database(engine)
            if backend == "sqlite":
                copy_seed_sqlite(Path(str(make_url(url).database)), seed)
            else:
                await copy_seed_postgres(url, seed)
            await grow(engine, SIZE)
        finally:
            await engine.dispose()
        published, days, pending = await _read(url)
    assert len(published) == SIZE
    assert pending == 0
    assert set(days) <= set(published)
    copies = 0
    for article, when in published.items():
        origin = (article - 1) % seed_max + 1  # copy k's ids are the seed's + k x its largest
        moved = when - seed_published[origin]
        assert days.get(article, set()) == {d + moved for d in seed_days.get(origin, set())}
        if article > seed_max:
            copies += 1
            assert moved != timedelta(0)
            assert all(d <= when for d in days.get(article, set()))
    assert copies == SIZE - len(SEED_TEXTS)
    assert sum(map(len, days.values())) > sum(map(len, seed_days.values()))


def test_a_seed_from_an_older_schema_or_with_a_backlog_is_refused(
    seed: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    old.write_bytes(seed.read_bytes())
    with closing(sqlite3.connect(old)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '0012'")
    with pytest.raises(SystemExit, match=r"made at schema 0012.*delete it and run again"):
        check_seed(old)
    waiting = tmp_path / "waiting.db"
    waiting.write_bytes(seed.read_bytes())
    with closing(sqlite3.connect(waiting)) as db, db:
        db.execute("INSERT INTO named_days_pending (article_id) SELECT min(id) FROM articles")
    with pytest.raises(SystemExit, match="holds 1 articles whose named days were never read"):
        check_seed(waiting)
