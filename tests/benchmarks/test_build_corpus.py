"""The benchmark corpus builder grows real analysed rows into a consistent, queryable corpus.

On the sample corpus (5 articles) grown to 12, on both backends: what `benchmarks.build_corpus`
does at 100,000 articles, small enough for every run of the suite, so the benchmarks cannot rot.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from benchmarks.build_corpus import copy_seed_postgres, copy_seed_sqlite, grow
from benchmarks.query_latency import calls, pick
from bot.app import open_analyst
from bot.cli import app
from bot.errors import UserFacingError
from config.settings import Settings
from storage.engine import create_engine
from storage.migrate import upgrade_database
from tests.bot.conftest import SAMPLES
from tests.databases import BACKENDS, fresh_database

SIZE = 12  # two whole copies of the five samples and a partial one
NEW_ARTICLE = "date 2025-06-02\n\nLisbon harbour reopens after storm repairs\n\n" + " ".join(
    f"Harbour master Ana Costa said on Monday that berth {n} was open again after the "
    "winter storms, and that ferries to the islands would keep their summer timetable."
    for n in range(1, 9)
)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus through the full pipeline: the seed every copy is made from."""
    path = tmp_path_factory.mktemp("bench-seed") / "seed.db"
    result = CliRunner().invoke(
        app,
        ["ingest", str(SAMPLES)],
        env={"ANALYST_DATABASE_URL": f"sqlite+aiosqlite:///{path}"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return path


async def _build(url: str, seed: Path) -> None:
    engine = create_engine(url)
    try:
        await upgrade_database(engine)
        if engine.dialect.name == "sqlite":
            copy_seed_sqlite(Path(str(make_url(url).database)), seed)
        else:
            await copy_seed_postgres(url, seed)
        await grow(engine, SIZE)
    finally:
        await engine.dispose()


async def _scalar(engine: AsyncEngine, sql: str) -> object:
    async with engine.connect() as conn:
        return await conn.scalar(text(sql))


@pytest.mark.parametrize("backend", BACKENDS)
async def test_grown_corpus_is_consistent_and_answers_every_command(
    backend: str, seed: Path, tmp_path: Path
) -> None:
    async with fresh_database(backend, tmp_path) as url:
        await _build(url, seed)
        engine = create_engine(url)
        try:
            assert await _scalar(engine, "SELECT count(*) FROM articles") == SIZE
            hashes = await _scalar(engine, "SELECT count(DISTINCT content_hash) FROM articles")
            assert hashes == SIZE
            first = await _scalar(engine, "SELECT min(published) FROM articles")
            last = await _scalar(engine, "SELECT max(published) FROM articles")
            assert date(2015, 1, 1) <= date.fromisoformat(str(first))
            assert date.fromisoformat(str(last)) <= date(2025, 12, 31)
            mentions = await _scalar(engine, "SELECT count(*) FROM mentions")
            assert await _scalar(engine, "SELECT sum(mention_count) FROM entities") == mentions
            dated = await _scalar(
                engine,
                "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE a.published IS NOT NULL",
            )
            assert await _scalar(engine, "SELECT sum(mentions) FROM entity_months") == dated
            # a copy's event dated "in 2017" or "in March" stays on its period's first day
            coarse = await _scalar(
                engine,
                "SELECT count(*) FROM events WHERE (\"precision\" = 'year'"
                " AND substr(CAST(\"date\" AS TEXT), 6) <> '01-01')"
                " OR (\"precision\" = 'month' AND substr(CAST(\"date\" AS TEXT), 9) <> '01')",
            )
            assert coarse == 0
        finally:
            await engine.dispose()
        settings = Settings.model_validate({"database_url": url})
        async with open_analyst(settings, migrate=False) as analyst:
            picks = await pick(analyst)
            assert picks.speaker == "Vladimir Putin"
            answered = []
            for command, (service, floor) in calls(analyst, backend, picks).items():
                await floor()
                try:
                    await service()
                except UserFacingError:  # nothing found: said plainly, as a user would see it
                    continue
                answered.append(command)
            assert {"timeline", "quotes", "compare", "who", "autocomplete"} <= set(answered)
            # the id sequences moved past the copies: a new article still gets stored
            (tmp_path / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
            enqueued = await analyst.ingest.enqueue_paths([tmp_path / "new.txt"])
            outcomes = await analyst.ingest.run(enqueued.job_ids)
            assert [o.status for o in outcomes] == ["new"], outcomes
            assert await analyst.articles.count() == SIZE + 1
