"""The spike storage on both backends: daily counts, the cool-down, spike alert fires once."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from analysis.spikes import cooling
from storage.engine import create_engine, session_factory
from storage.models import Alert, AlertFire, OutboxMessage
from storage.spikes import (
    SPIKE_ALERT,
    DailyMentions,
    SpikeAlert,
    SpikeNotice,
    SpikeRepository,
    entity_subject,
)
from tests.storage.spike_corpus import DAY, KALLAS, MACRON, NATO, Sessions, build_series

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
GUILD, CHANNEL, ROLE = 1_000_000_000_000_001, 2_001, 3_001


async def counts(sessions: Sessions, day: date = DAY) -> dict[str, DailyMentions]:
    found = await SpikeRepository(sessions).daily_counts(
        day, before=14, min_count=5, min_articles=2
    )
    return {s.name: s for s in found.subjects}


async def test_daily_counts_of_the_candidates_by_publication_day(sessions: Sessions) -> None:
    await build_series(sessions)
    repo = SpikeRepository(sessions)
    found = await repo.daily_counts(DAY, before=14, min_count=5, min_articles=2)
    assert found.history_days == 14
    series = {s.name: s for s in found.subjects}
    # Karis is new but below the minimum; Tallinn is a place; undated and month-dated
    # articles (twenty Kallas mentions each) count nowhere
    assert sorted(series) == sorted([KALLAS, MACRON, NATO, "summit", "budget"])
    assert series[KALLAS].counts == (1,) * 14 + (12,)
    assert (series[KALLAS].kind, series[KALLAS].articles) == ("person", 3)
    assert series[MACRON].counts == (10,) * 14 + (12,)
    assert (series[NATO].kind, series[NATO].counts[-1]) == ("organisation", 6)
    assert series["summit"].counts == (1,) * 14 + (9,)
    assert (series["summit"].subject, series["summit"].kind) == ("term:summit", "term")
    assert series[KALLAS].subject.startswith("entity:")


async def test_counts_of_a_day_before_the_corpus_are_empty(sessions: Sessions) -> None:
    await build_series(sessions)
    found = await SpikeRepository(sessions).daily_counts(
        DAY - timedelta(days=30), before=14, min_count=5, min_articles=2
    )
    assert (found.history_days, found.subjects) == (0, ())
    # the day after: the baseline holds DAY, nothing was published that day
    after = await counts(sessions, DAY + timedelta(days=1))
    assert after == {}


async def test_day_articles_name_each_subject_most_naming_first(sessions: Sessions) -> None:
    await build_series(sessions)
    repo = SpikeRepository(sessions)
    kallas = (await counts(sessions))[KALLAS].subject
    refs = await repo.day_articles(DAY, [kallas, "term:summit", "term:none"], limit=2)
    assert sorted(refs) == [kallas, "term:summit"]
    assert [r.id for r in refs[kallas]] == [15, 16]
    assert all(r.published == DAY for r in refs["term:summit"])


async def test_the_cool_down_is_per_guild_and_never_moves_back(sessions: Sessions) -> None:
    repo = SpikeRepository(sessions)
    await repo.record(GUILD, DAY, ["entity:1", "term:summit"])
    await repo.record(GUILD, DAY - timedelta(days=2), ["entity:1"])  # an older digest
    await repo.record(0, DAY + timedelta(days=1), ["entity:1"])
    assert await repo.reported(GUILD, ["entity:1", "term:summit", "term:x"]) == {
        "entity:1": DAY,
        "term:summit": DAY,
    }
    assert await repo.reported(0, ["entity:1"]) == {"entity:1": DAY + timedelta(days=1)}
    await repo.record(GUILD, DAY + timedelta(days=4), ["entity:1"])
    assert (await repo.reported(GUILD, ["entity:1"]))["entity:1"] == DAY + timedelta(days=4)


async def add_alert(sessions: Sessions, kind: str = "spikes", label: str = "spikes") -> SpikeAlert:
    async with sessions.begin() as session:
        row = Alert(
            guild_id=GUILD,
            channel_id=CHANNEL,
            role_id=ROLE,
            kind=kind,
            label=label,
            created_at=NOW,
        )
        session.add(row)
        await session.flush()
        return SpikeAlert(row.id, GUILD, CHANNEL, ROLE)


def told(subject: str, day: date = DAY, today: int = 12) -> SpikeNotice:
    return SpikeNotice(subject, subject.title(), "term", day, today, 1.4285714)


async def outbox(sessions: Sessions) -> list[OutboxMessage]:
    async with sessions() as session:
        return list(await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


async def fire(repo: SpikeRepository, alert: SpikeAlert, *notices: SpikeNotice) -> int:
    return await repo.fire(alert, notices, cooling=cooling, per_day=5, now=NOW)


async def test_spike_alerts_are_the_spikes_kind_only(sessions: Sessions) -> None:
    spikes = await add_alert(sessions)
    await add_alert(sessions, kind="entity", label="Kaja Kallas")
    assert await SpikeRepository(sessions).spike_alerts() == [spikes]


async def test_a_spike_fires_once_per_alert_subject_and_day(sessions: Sessions) -> None:
    repo, alert = SpikeRepository(sessions), await add_alert(sessions)
    summit = told("term:summit")
    assert await fire(repo, alert, summit, told(entity_subject(7))) == 2
    assert await fire(repo, alert, summit) == 0
    rows = await outbox(sessions)
    assert [(r.kind, r.guild_id, r.channel_id, r.message_id, r.job_id) for r in rows] == [
        (SPIKE_ALERT, GUILD, CHANNEL, None, None)
    ] * 2
    assert rows[0].body == {
        "alert_id": alert.alert_id,
        "subject": "term:summit",
        "name": "Term:Summit",
        "kind": "term",
        "day": "2026-12-05",
        "today": 12,
        "baseline": 1.43,
        "role_id": ROLE,
    }
    async with sessions() as session:
        subjects = set(await session.scalars(select(AlertFire.subject)))
    assert subjects == {"spike:term:summit:2026-12-05", "spike:entity:7:2026-12-05"}


async def test_each_alert_has_its_own_cool_down_and_a_daily_cap(sessions: Sessions) -> None:
    repo = SpikeRepository(sessions)
    first, second = await add_alert(sessions), await add_alert(sessions, label="spikes 2")
    assert await fire(repo, first, told("term:summit")) == 1
    for later, expected in ((1, 0), (3, 0), (4, 1)):
        day = DAY + timedelta(days=later)
        assert await fire(repo, first, told("term:summit", day)) == expected, later
    assert await fire(repo, second, told("term:summit", DAY + timedelta(days=1))) == 1
    many = [told(f"term:word{i}", DAY + timedelta(days=9)) for i in range(8)]
    assert await fire(repo, first, *many) == 5
    assert await fire(repo, first, *many) == 0  # the day's five are told


async def test_a_removed_alert_fires_nothing(sessions: Sessions) -> None:
    repo = SpikeRepository(sessions)
    gone = SpikeAlert(999, GUILD, CHANNEL, None)
    assert await fire(repo, gone, told("term:summit")) == 0
    assert await outbox(sessions) == []


async def test_two_processes_firing_at_once_write_each_spike_once(
    sessions: Sessions, database_url: str
) -> None:
    alert = await add_alert(sessions)
    other_engine = create_engine(database_url)
    try:
        ours, theirs = SpikeRepository(sessions), SpikeRepository(session_factory(other_engine))
        notices = [told("term:summit"), told("term:summit", DAY + timedelta(days=1))]
        notices += [told(entity_subject(i)) for i in range(3)]
        results = await asyncio.gather(
            *(
                repo.fire(alert, notices, cooling=cooling, per_day=5, now=NOW)
                for repo in (ours, theirs, ours, theirs)
            )
        )
    finally:
        await other_engine.dispose()
    assert sorted(results) == [0, 0, 0, 4]  # the next day's summit is in its cool-down
    async with sessions() as session:
        fires = await session.scalar(select(func.count()).select_from(AlertFire))
    assert fires == 4
    assert len(await outbox(sessions)) == 4
