"""The spike service on a built series: rising names, the guild's cool-down, spike alerts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from bot.app import Analyst, open_analyst
from bot.services.spikes import SpikeService, make_spike_service
from config.settings import Settings
from storage.models import Alert, OutboxMessage
from storage.spikes import SPIKE_ALERT
from tests.storage.spike_corpus import DAY, KALLAS, MACRON, NATO, SpikeCorpus, build_series

GUILD, OTHER, CHANNEL, ROLE = 42, 43, 4242, 77
NOON = datetime.combine(DAY, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)


@pytest.fixture
async def analyst(tmp_path: Path) -> AsyncIterator[Analyst]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'spikes.db'}"
    async with open_analyst(Settings(database_url=url)) as app:  # type: ignore[call-arg]
        yield app


@pytest.fixture
async def service(analyst: Analyst) -> SpikeService:
    """The service on the series of tests/storage/spike_corpus.py."""
    await build_series(analyst.sessions)
    return make_spike_service(analyst)


async def spike_next_day(
    analyst: Analyst, day: date = DAY + timedelta(days=1), times: int = 4
) -> None:
    """Kallas keeps spiking: three more articles naming her four times each, on `day`."""
    corpus = SpikeCorpus(analyst.sessions)
    corpus.count = 1000 + 10 * (day - DAY).days  # numbers no other article has
    for _ in range(3):
        await corpus.article(day, people={KALLAS: times})


async def test_rising_lists_the_spikes_strongest_first_with_their_figures(
    service: SpikeService,
) -> None:
    found = await service.rising(DAY, guild_id=GUILD)
    assert [(s.name, s.kind, s.today) for s in found] == [
        (KALLAS, "person", 12),  # 12 against 1 a day: 6 times the smoothed baseline
        ("summit", "term", 9),
        (NATO, "organisation", 6),
    ]
    kallas = found[0]
    assert (kallas.baseline, kallas.ratio, kallas.articles, kallas.day) == (1.0, 6.0, 3, DAY)
    assert MACRON not in {s.name for s in found}  # 12 is his usual day


async def test_report_cools_a_name_down_for_that_guild_only(
    analyst: Analyst, service: SpikeService
) -> None:
    await spike_next_day(analyst)
    after = DAY + timedelta(days=1)
    assert [s.name for s in await service.spikes(after)] == [KALLAS]
    assert [s.name for s in await service.rising(DAY, guild_id=GUILD)] == [KALLAS, "summit", NATO]
    assert [s.name for s in await service.rising(after, guild_id=GUILD)] == [KALLAS]  # not told
    shown = await service.report(DAY, GUILD)
    assert len(shown) == 3
    assert await service.rising(after, guild_id=GUILD) == []  # told yesterday
    assert [s.name for s in await service.rising(after, guild_id=OTHER)] == [KALLAS]
    assert len(await service.rising(DAY, guild_id=GUILD)) == 3  # the day itself: a preview


async def test_an_import_of_old_articles_does_not_spike_today(analyst: Analyst) -> None:
    corpus = SpikeCorpus(analyst.sessions)
    for back in range(1, 15):
        await corpus.article(DAY - timedelta(days=back), terms={"weather": 1})
    for _ in range(50):  # ingested today, published in 2019
        await corpus.article(date(2019, 3, 4), people={KALLAS: 5})
    service = make_spike_service(analyst)
    assert await service.spikes(DAY) == []
    assert [s.name for s in await service.spikes(date(2019, 3, 4))] == []  # no history then


async def test_a_new_corpus_has_no_baseline_and_nothing_rises(analyst: Analyst) -> None:
    corpus = SpikeCorpus(analyst.sessions)
    for _ in range(3):
        await corpus.article(DAY, people={KALLAS: 4})
    assert await make_spike_service(analyst).spikes(DAY) == []


async def add_alert(analyst: Analyst, guild_id: int = GUILD, role_id: int | None = ROLE) -> int:
    async with analyst.sessions.begin() as session:
        row = Alert(
            guild_id=guild_id,
            channel_id=CHANNEL,
            role_id=role_id,
            kind="spikes",
            label="spikes",
            created_at=NOON,
        )
        session.add(row)
        await session.flush()
        return row.id


async def spike_rows(analyst: Analyst) -> list[dict[str, Any]]:
    async with analyst.sessions() as session:
        rows = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == SPIKE_ALERT).order_by("id")
        )
        return [{"guild": r.guild_id, **r.body} for r in rows]


class Statements:
    """Counts the SQL statements an engine runs."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1


@pytest.fixture
def statements(analyst: Analyst) -> Iterator[Statements]:
    counter = Statements()
    event.listen(analyst.engine.sync_engine, "before_cursor_execute", counter)
    yield counter
    event.remove(analyst.engine.sync_engine, "before_cursor_execute", counter)


async def test_without_a_spikes_alert_a_round_is_one_query(
    service: SpikeService, statements: Statements
) -> None:
    assert await service.fire_alerts(NOON) == 0
    assert statements.count == 1


async def test_each_spike_alert_gets_each_spike_once(
    analyst: Analyst, service: SpikeService
) -> None:
    first, second = await add_alert(analyst), await add_alert(analyst, OTHER, role_id=None)
    assert await service.fire_alerts(NOON) == 6
    assert await service.fire_alerts(NOON + timedelta(minutes=15)) == 0
    rows = await spike_rows(analyst)
    assert [(r["alert_id"], r["name"]) for r in rows] == [
        (first, KALLAS),
        (first, "summit"),
        (first, NATO),
        (second, KALLAS),
        (second, "summit"),
        (second, NATO),
    ]
    assert rows[0] == {
        "guild": GUILD,
        "alert_id": first,
        "subject": rows[0]["subject"],
        "name": KALLAS,
        "kind": "person",
        "day": "2026-12-05",
        "today": 12,
        "baseline": 1.0,
        "role_id": ROLE,
    }
    assert rows[3]["role_id"] is None and rows[3]["guild"] == OTHER


async def test_an_alert_tells_a_name_again_only_after_its_cool_down(
    analyst: Analyst, service: SpikeService
) -> None:
    await add_alert(analyst)
    assert await service.fire_alerts(NOON) == 3
    for later in (1, 2, 3):
        await spike_next_day(analyst, DAY + timedelta(days=later))
    await spike_next_day(analyst, DAY + timedelta(days=4), times=8)  # 24 against 4.1 a day
    told = [await service.fire_alerts(NOON + timedelta(days=d)) for d in (1, 2, 3, 4)]
    assert told == [0, 0, 0, 1]  # Kallas again on the fourth day after
    assert [r["day"] for r in await spike_rows(analyst)][-1] == "2026-12-09"


async def test_yesterdays_late_articles_still_fire(analyst: Analyst, service: SpikeService) -> None:
    await add_alert(analyst)
    just_after_midnight = NOON + timedelta(hours=12, minutes=5)
    assert await service.fire_alerts(just_after_midnight) == 3
    assert {r["day"] for r in await spike_rows(analyst)} == {"2026-12-05"}
