"""The digest service on the sample corpus: windows, stories, schedule, exactly-once posting."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from bot.render.digest import digest_text, nothing_new_text
from bot.services.digest import (
    Digest,
    DigestService,
    DueDigest,
    Window,
    due_digest,
    key_events,
    zone_choices,
)
from bot.services.spikes import make_spike_service
from config.settings import Settings
from storage.digests import WindowEvent
from storage.guilds import GuildConfig
from storage.models import Article
from storage.records_cite import ArticleRef
from tests.bot.conftest import Invoke
from tests.storage.spike_corpus import DAY as SPIKE_DAY
from tests.storage.spike_corpus import KALLAS, NATO, build_series

GUILD = 42
CHANNEL = 4242
T = datetime(2030, 1, 10, 8, 0, 30, tzinfo=UTC)


@pytest.fixture
def db_url(sample_db: str, tmp_path: Path) -> str:
    """A private copy of the ingested samples."""
    copy = tmp_path / "digest.db"
    shutil.copy(sample_db.removeprefix("sqlite+aiosqlite:///"), copy)
    return f"sqlite+aiosqlite:///{copy}"


@pytest.fixture
async def analyst(db_url: str) -> AsyncIterator[Analyst]:
    async with open_analyst(Settings(database_url=db_url)) as app:  # type: ignore[call-arg]
        yield app


async def ingested(analyst: Analyst, moments: dict[int, datetime]) -> None:
    """Pretend each article was ingested at the given moment."""
    async with analyst.sessions.begin() as session:
        for article_id, moment in moments.items():
            await session.execute(
                update(Article).where(Article.id == article_id).values(ingested_at=moment)
            )


def story_ids(digest: Digest) -> list[int]:
    return sorted(ref.id for story in digest.stories for ref in story.articles)


class Outbox:
    """A sender that records what it would have posted."""

    def __init__(self) -> None:
        self.sent: list[tuple[DueDigest, Digest | None]] = []

    async def __call__(self, due: DueDigest, digest: Digest | None) -> int:
        self.sent.append((due, digest))
        return 1000 + len(self.sent)


async def schedule(analyst: Analyst, last: datetime | None) -> None:
    await analyst.guilds.update(
        GUILD,
        digest_channel_id=CHANNEL,
        digest_hour=8,
        digest_timezone="Europe/London",
        last_digest_at=last,
    )


async def test_a_window_with_two_of_five_articles_shows_exactly_those(analyst: Analyst) -> None:
    before, inside = T - timedelta(days=3), T - timedelta(hours=2)
    await ingested(analyst, {1: before, 2: inside, 3: inside, 4: before, 5: before})
    digest = await analyst.digest.compose(Window(T - timedelta(days=1), T, "UTC"))
    assert digest is not None
    assert digest.articles == 2
    assert story_ids(digest) == [2, 3]
    assert len(digest.stories) == 1  # Putin, Iran and Pezeshkian: one story
    assert {e.ref.id for e in digest.events} == {3}  # #2's one event is undated
    assert digest.quotes
    assert {q.ref.id for q in digest.quotes} <= {2, 3}
    # Rising goes by publication day: the samples were published in 2024, so nothing rose on
    # the day before this 2030 digest, however recently they were ingested
    assert digest.rising == ()


async def test_the_digest_text_cites_every_line(analyst: Analyst) -> None:
    inside = T - timedelta(hours=2)
    await ingested(analyst, dict.fromkeys(range(1, 6), inside))
    window = Window(T - timedelta(days=1), T, "Europe/London")
    digest = await analyst.digest.compose(window)
    assert digest is not None
    text = digest_text(digest)
    assert text.startswith("5 new articles since 2030-01-09 08:00 (Europe/London)")
    items = [line for line in text.splitlines() if line.startswith("• ")]
    assert items and all("[#" in line for line in items)
    assert (
        "• Russia and Iran 'up the ante' after meeting in Turkmenistan [#3 The Week, 2024-10-15]"
        in (text.splitlines())
    )
    assert "Notable quotes" in text and "New dated events" in text
    assert text.splitlines()[-5:][0].startswith("[#1 ")  # the sources list, with links


async def test_a_quiet_day_composes_nothing(analyst: Analyst) -> None:
    await ingested(analyst, {i: T - timedelta(days=3) for i in range(1, 6)})
    window = Window(T - timedelta(days=1), T, "UTC")
    assert await analyst.digest.compose(window) is None
    assert nothing_new_text(window) == "Nothing new since 2030-01-09 08:00 (UTC)."


async def test_the_next_digest_does_not_repeat_the_last_one(analyst: Analyst) -> None:
    await ingested(analyst, {2: T - timedelta(hours=2), 3: T - timedelta(hours=2)})
    await ingested(analyst, {i: T + timedelta(hours=3) for i in (1, 4, 5)})
    await schedule(analyst, last=T - timedelta(days=1))
    service, outbox = analyst.digest, Outbox()
    assert len(await service.run_due(T, outbox)) == 1
    assert await service.run_due(T + timedelta(minutes=1), outbox) == []
    assert await service.run_due(T + timedelta(hours=20), outbox) == []
    assert len(await service.run_due(T + timedelta(days=1), outbox)) == 1
    first, second = (digest for _, digest in outbox.sent)
    assert first is not None and second is not None
    assert (story_ids(first), story_ids(second)) == ([2, 3], [1, 4, 5])
    assert [due.day for due, _ in outbox.sent] == [date(2030, 1, 10), date(2030, 1, 11)]
    assert outbox.sent[1][0].window.start == T  # the second starts where the first ended
    assert (await analyst.guilds.get(GUILD)).last_digest_at == T + timedelta(days=1)


async def test_a_quiet_day_posts_nothing_unless_asked_to(analyst: Analyst) -> None:
    await ingested(analyst, {i: T - timedelta(days=3) for i in range(1, 6)})
    await schedule(analyst, last=T - timedelta(days=1))
    service, outbox = analyst.digest, Outbox()
    assert len(await service.run_due(T, outbox)) == 1
    assert outbox.sent == []  # skipped, yet recorded: it is not retried every minute
    assert (await analyst.guilds.get(GUILD)).last_digest_at == T
    later = T + timedelta(days=1)
    await service.run_due(later, outbox, post_empty=True)
    assert [(due.day, digest) for due, digest in outbox.sent] == [(later.date(), None)]


async def test_two_processes_racing_post_once(analyst: Analyst, db_url: str) -> None:
    await ingested(analyst, {i: T - timedelta(hours=1) for i in range(1, 6)})
    await schedule(analyst, last=T - timedelta(days=1))
    outbox = Outbox()
    async with open_analyst(Settings(database_url=db_url)) as other:  # type: ignore[call-arg]
        handled = await asyncio.gather(
            analyst.digest.run_due(T, outbox), other.digest.run_due(T, outbox)
        )
    assert sorted(len(h) for h in handled) == [0, 1]
    assert len(outbox.sent) == 1


async def test_a_failed_send_leaves_the_articles_for_the_next_digest(analyst: Analyst) -> None:
    await ingested(analyst, {i: T - timedelta(hours=1) for i in range(1, 6)})
    await schedule(analyst, last=T - timedelta(days=1))

    async def broken(due: DueDigest, digest: Digest | None) -> int:
        raise RuntimeError("channel gone")

    service, outbox = analyst.digest, Outbox()
    assert await service.run_due(T, broken) == []
    assert await service.run_due(T + timedelta(minutes=1), outbox) == []  # today's is claimed
    await service.run_due(T + timedelta(days=1), outbox)
    (due, digest), *_ = outbox.sent
    assert due.window.start == T - timedelta(days=1)
    assert digest is not None and digest.articles == 5


async def test_rising_shows_a_spiking_name_once_then_lets_it_cool_down(
    analyst: Analyst,
) -> None:
    """Built series (tests/storage/spike_corpus.py): Kallas 1 a day, then 12 on 5 Dec and 12
    again on 6 Dec; the digest of 6 Dec shows her, the one of 7 Dec does not (cool-down),
    though the rule still finds her: another guild would be shown her."""
    posted_at = datetime(2026, 12, 6, 8, 0, 30, tzinfo=UTC)
    corpus = await build_series(analyst.sessions)
    for _ in range(3):
        await corpus.article(SPIKE_DAY + timedelta(days=1), people={KALLAS: 4})
    series_ids = range(6, 27)  # after the five samples: the 21 articles of the series
    await ingested(analyst, dict.fromkeys(series_ids, posted_at - timedelta(hours=1)))
    await ingested(analyst, {i: posted_at + timedelta(hours=1) for i in (27, 28, 29)})
    await schedule(analyst, last=posted_at - timedelta(days=1))
    await analyst.guilds.update(GUILD, digest_timezone="UTC")
    service, outbox, spikes = analyst.digest, Outbox(), make_spike_service(analyst)
    next_day = SPIKE_DAY + timedelta(days=1)

    preview = await service.compose(await service.window_for(GUILD, posted_at))
    assert preview is not None  # a preview shows Rising and records nothing
    assert [r.name for r in preview.rising] == [KALLAS, NATO, "summit"]
    assert [s.name for s in await spikes.rising(next_day, guild_id=GUILD)] == [KALLAS]

    await service.run_due(posted_at, outbox)
    await service.run_due(posted_at + timedelta(days=1), outbox)
    (_, first), (_, second) = outbox.sent
    assert first is not None and second is not None
    kallas = first.rising[0]
    assert (kallas.name, kallas.now, kallas.baseline, kallas.day) == (KALLAS, 12, 1.0, SPIKE_DAY)
    assert [r.id for r in kallas.refs] == [20, 21, 22]  # the articles of 5 Dec naming her
    text = digest_text(first)
    assert "\nRising on 2026-12-05\n" in text
    assert "• Kaja Kallas: 12 mentions against 1 a day in the 14 days before [#20 " in text
    assert "[#22 The Week, 2026-12-05] https://news.example/17" in text  # in the sources

    assert second.rising == ()  # Kallas spiked on 6 Dec too, but was shown yesterday
    assert [s.name for s in await spikes.rising(next_day, guild_id=GUILD)] == []
    assert [s.name for s in await spikes.rising(next_day, guild_id=GUILD + 1)] == [KALLAS]


def config(hour: int, zone: str, last: datetime | None) -> GuildConfig:
    return GuildConfig(GUILD, None, CHANNEL, hour, zone, None, None, last)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in January 2030, UTC."""
    return datetime(2030, 1, day, hour, minute, tzinfo=UTC)


YESTERDAY = T - timedelta(days=1)


@pytest.mark.parametrize(
    ("now", "hour", "zone", "last", "day"),
    [
        # 08:00 London in January is 08:00 UTC; not due a minute before
        (at(10, 7, 59), 8, "Europe/London", YESTERDAY, None),
        (at(10, 8), 8, "Europe/London", YESTERDAY, 10),
        # 08:00 in Kolkata is 02:30 UTC
        (at(10, 2, 31), 8, "Asia/Kolkata", YESTERDAY, 10),
        (at(10, 2, 29), 8, "Asia/Kolkata", YESTERDAY, None),
        # already posted today
        (at(10, 9), 8, "UTC", at(10, 8, 1), None),
        # missed while down for two days: posted once, for the latest day
        (at(12, 7), 8, "UTC", at(10, 8, 1), 11),
        # never posted: due within its hour only
        (at(10, 8, 30), 8, "UTC", None, 10),
        (at(10, 10), 8, "UTC", None, None),
    ],
)
def test_when_a_digest_is_due(
    now: datetime, hour: int, zone: str, last: datetime | None, day: int | None
) -> None:
    due = due_digest(config(hour, zone, last), now)
    assert (due.day.day if due else None) == day
    if due is not None:
        assert due.window.end == now
        assert due.window.start == (last or now - timedelta(days=1))


def test_time_zone_choices_rank_common_zones_and_prefixes() -> None:
    assert zone_choices("")[:2] == ["UTC", "Europe/London"]
    assert zone_choices("Europe/Lo")[0] == "Europe/London"
    assert zone_choices("london") == ["Europe/London"]
    assert zone_choices("teh")[0] == "Asia/Tehran"
    assert len(zone_choices("a")) == 25


async def test_configure_validates_the_time_zone(analyst: Analyst) -> None:
    service: DigestService = analyst.digest
    with pytest.raises(UserFacingError, match="such as Europe/London"):
        await service.configure(GUILD, CHANNEL, 8, "Mars/Olympus")
    saved = await service.configure(GUILD, CHANNEL, 8, "Asia/Tehran")
    assert (saved.digest_channel_id, saved.digest_hour, saved.digest_timezone) == (
        CHANNEL,
        8,
        "Asia/Tehran",
    )
    off = await service.turn_off(GUILD)
    assert off.digest_channel_id is None and off.last_digest_at is None


def test_cli_previews_the_digest(sample_cli: Invoke) -> None:
    text = sample_cli("digest", "--since", "2000-01-01")
    assert text.exit_code == 0, text.output
    assert text.output.startswith("5 new articles since 2000-01-01 00:00 (UTC)")
    data = json.loads(sample_cli("digest", "--since", "2000-01-01", "--json").output)
    assert data["articles"] == 5
    quiet = sample_cli("digest", "--since", "2999-01-01T00:00")
    assert quiet.output.strip() == "Nothing new since 2999-01-01 00:00 (UTC)."
    bad = sample_cli("digest", "--since", "yesterday")
    assert bad.exit_code == 1 and "--since takes a date" in bad.output


def _event(n: int, day: date, outlet: str, published: date) -> WindowEvent:
    ref = ArticleRef(n, f"Story {n}", outlet, published, "day", None, f"story-{n}.txt")
    return WindowEvent(day, "day", f"Event sentence {n}.", ref, id=n, sentence=1)


def test_new_dated_events_keep_the_dates_most_outlets_report() -> None:
    today, news = date(2026, 12, 4), date(2026, 12, 3)
    events = [
        _event(1, news, "Reuters", today),
        _event(2, news, "AP", today),
        _event(3, news, "BBC", today),
        *(_event(n, date(2026, 11, 20 + n - 4), "Local Gazette", today) for n in range(4, 9)),
    ]
    # the day three outlets report outranks five days one outlet mentions once each
    [best] = key_events(events, 1)
    assert best.date == news
    kept = key_events(events, 3)  # the best event of each of the three best dates
    assert len({e.date for e in kept}) == 3 and news in {e.date for e in kept}
    assert [e.date for e in kept] == sorted(e.date for e in kept)  # oldest first
    assert key_events(events, 20) == tuple(
        sorted(events, key=lambda e: (e.date, e.ref.id, e.sentence))
    )


def test_new_dated_events_start_after_a_wire_dateline() -> None:
    day = date(2026, 12, 3)
    ref = ArticleRef(1, "Strike ends", "Reuters", day, "day", None, "strike.txt")
    told = "Dock workers ended their strike on Thursday after a wage deal was agreed."
    wire = WindowEvent(day, "day", f"ROTTERDAM, Dec 3 (Reuters) - {told}", ref, id=1, sentence=0)
    [shown] = key_events([wire], 1)
    assert shown.text == told
    assert (shown.id, shown.ref) == (1, ref)
