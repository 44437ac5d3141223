"""The daily digest: what arrived since the last posted digest, grouped by story, posted once.

Window. A digest covers the articles ingested after the guild's previous posted digest ended
(`last_digest_at`) up to now; the first one covers the 24 hours before it.

Schedule. A guild's digest is due once the latest `digest_hour:00` in its time zone has passed
and no digest was posted since; after a restart the missed one is therefore posted at once (one
digest covering the whole gap, never one per missed day). Before anything was ever posted it
is due only within its scheduled hour, so setting it up at 10:00 for 08:00 waits for tomorrow.
Exactly once: the process whose claim for (guild, local day) inserts first posts it.

Stories. An article's key entities are its three most-mentioned people and places (ties by
name). It joins the first story whose first article shares at least two of them, unless both
have publication dates more than 7 days apart; otherwise it starts a story. No chaining.

Rising. The people, organisations and terms that spiked on the last whole day before the
digest (the day before the window's end, in the guild's time zone) by the rule of
`analysis.spikes`: mentions in the articles published that day against the 14 days before.
Publication days, not the window: a name rises because the news did, not because an import
brought old articles in. A name the guild's digest showed within 3 days is left out (the
cool-down), and a posted digest records what it showed; a preview records nothing. Strongest
first, five of each kind, each with up to three articles of that day.

New dated events. The dated events of the window's articles, their dates ranked by the evidence
`/timeline`'s key dates weigh (`analysis.key_dates.rank_dates`: the articles and outlets naming
a date, from how far away in time, its precision); the best-evidenced event of each date in
rank order, then the dates' further events, EVENT_LIMIT in all, shown oldest first, each
starting after a wire dateline as `/timeline` shows it (`analysis.datelines`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Container, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from analysis.datelines import without_dateline
from analysis.key_dates import Candidate, rank_dates
from analysis.spikes import KINDS, Spike
from bot.errors import UserFacingError
from bot.services.spikes import SpikeService, make_spike_service
from storage.digests import (
    DigestRepository,
    WindowArticle,
    WindowEvent,
    WindowQuote,
)
from storage.guilds import GuildConfig, GuildRepository
from storage.records_cite import ArticleRef

log = logging.getLogger(__name__)

FIRST_WINDOW = timedelta(hours=24)
FIRST_GRACE = timedelta(hours=1)
STORY_KEYS = 3
STORY_OVERLAP = 2
STORY_DAYS = 7
ARTICLE_LIMIT = 100
EVENT_LIMIT = 12
EVENT_READ = 2000  # dated events of the window's articles read to rank their dates
QUOTE_LIMIT = 5
QUOTES_PER_SPEAKER = 2
RISING_LIMIT = 5  # names of each kind
RISING_REFS = 3
ZONE_EXAMPLE = "Europe/London"
ZONE_CHOICES = 25
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Asia/Tehran",
    "Asia/Dubai",
    "Asia/Jerusalem",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Africa/Cairo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
)


def utc_now() -> datetime:
    """The current moment in UTC (the digest loop's default clock)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class DigestOptions:
    """How the bot runs the digest: its clock, how often it checks, whether quiet days post."""

    now: Callable[[], datetime] = utc_now
    tick_seconds: float = 60.0
    post_empty: bool = False


@dataclass(frozen=True)
class Window:
    """The ingestion moments a digest covers, `(start, end]`, shown in a time zone, for a guild
    (whose cool-down of rising names applies; 0: the command line)."""

    start: datetime
    end: datetime
    zone: str = "UTC"
    guild_id: int = 0


@dataclass(frozen=True)
class DueDigest:
    """A guild's digest that should be posted now: the local day it is for and its window."""

    guild_id: int
    channel_id: int
    day: date
    window: Window


@dataclass(frozen=True)
class Story:
    """Articles about the same thing, labelled by the people and places they share."""

    label: tuple[str, ...]
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Rising:
    """A name mentioned far more on `day` than on the 14 days before, with articles of that day."""

    name: str
    kind: str  # person | organisation | term
    now: int  # mentions (a term: uses) on the day
    baseline: float  # mentions a day over the 14 days before
    refs: tuple[ArticleRef, ...]
    day: date | None = None
    subject: str = ""  # "entity:ID" | "term:WORD", what the cool-down records


@dataclass(frozen=True)
class Digest:
    """Everything new in a window: stories, dated events, quotes, rising people and terms."""

    window: Window
    articles: int  # all articles of the window (stories list at most ARTICLE_LIMIT)
    stories: tuple[Story, ...]
    events: tuple[WindowEvent, ...]
    events_total: int
    quotes: tuple[WindowQuote, ...]
    rising: tuple[Rising, ...]

    @property
    def listed(self) -> int:
        """How many articles the stories show."""
        return sum(len(story.articles) for story in self.stories)


Sender = Callable[[DueDigest, Digest | None], Awaitable[int | None]]


def parse_zone(name: str) -> ZoneInfo:
    """An IANA time zone, or a user error naming an example."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserFacingError(
            f"Unknown time zone “{name}”: use an IANA name such as {ZONE_EXAMPLE}."
        ) from exc


@lru_cache(maxsize=1)
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def zone_choices(current: str) -> list[str]:
    """Time zones for autocomplete: common ones first, then by prefix (of name or city), then
    any containing what was typed."""
    typed = current.strip().casefold().replace(" ", "_")
    if not typed:
        return list(COMMON_ZONES[:ZONE_CHOICES])

    def starts(zone: str) -> bool:
        folded = zone.casefold()
        return folded.startswith(typed) or folded.rsplit("/", 1)[-1].startswith(typed)

    tiers = (
        [z for z in COMMON_ZONES if starts(z)],
        [z for z in _all_zones() if starts(z)],
        [z for z in _all_zones() if typed in z.casefold()],
    )
    ranked = list(dict.fromkeys(z for tier in tiers for z in tier))
    return ranked[:ZONE_CHOICES]


def is_scheduled(config: GuildConfig) -> bool:
    """Whether the guild chose a channel, an hour and a time zone."""
    return None not in (config.digest_channel_id, config.digest_hour, config.digest_timezone)


def latest_slot(now: datetime, hour: int, zone: ZoneInfo) -> datetime:
    """The latest `hour:00` in that zone at or before `now`."""
    local = now.astimezone(zone)
    slot = datetime.combine(local.date(), time(hour), tzinfo=zone)
    if slot > local:
        slot = datetime.combine(local.date() - timedelta(days=1), time(hour), tzinfo=zone)
    return slot


def due_digest(config: GuildConfig, now: datetime) -> DueDigest | None:
    """The guild's digest if one is due at `now` (see the module docstring)."""
    if not is_scheduled(config):
        return None
    try:
        zone = ZoneInfo(str(config.digest_timezone))
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("guild %s has an unknown digest time zone", config.guild_id)
        return None
    slot = latest_slot(now, int(config.digest_hour or 0), zone)
    last = config.last_digest_at
    if (last is None and now >= slot + FIRST_GRACE) or (last is not None and last >= slot):
        return None
    window = Window(last or now - FIRST_WINDOW, now, zone.key, config.guild_id)
    return DueDigest(config.guild_id, int(config.digest_channel_id or 0), slot.date(), window)


def _keys(article: WindowArticle) -> set[int]:
    return {e.entity_id for e in article.entities[:STORY_KEYS]}


def _far_apart(a: ArticleRef, b: ArticleRef) -> bool:
    if a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) > STORY_DAYS


def _same_story(first: WindowArticle, other: WindowArticle) -> bool:
    shared = _keys(first) & _keys(other)
    return len(shared) >= STORY_OVERLAP and not _far_apart(first.ref, other.ref)


def _label(group: Sequence[WindowArticle]) -> tuple[str, ...]:
    common = set.intersection(*(_keys(a) for a in group))
    top = group[0].entities[:STORY_KEYS]
    return tuple(e.name for e in top if e.entity_id in common)


def group_stories(articles: Sequence[WindowArticle]) -> list[Story]:
    """Stories by shared key entities (rule in the module docstring), biggest first."""
    groups: list[list[WindowArticle]] = []
    for article in articles:
        home = next((g for g in groups if _same_story(g[0], article)), None)
        if home is None:
            groups.append([article])
        else:
            home.append(article)
    stories = [Story(_label(g), tuple(a.ref for a in g)) for g in groups]
    return sorted(stories, key=lambda s: -len(s.articles))


def rising_day(window: Window) -> date:
    """The day whose spikes a digest shows: the last whole day before its end, in its zone."""
    try:
        zone = ZoneInfo(window.zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return window.end.astimezone(zone).date() - timedelta(days=1)


def pick_rising(spikes: Sequence[Spike]) -> list[Spike]:
    """The strongest RISING_LIMIT of each kind: people, then organisations, then terms."""
    picked: list[Spike] = []
    for kind in KINDS:
        picked += [spike for spike in spikes if spike.kind == kind][:RISING_LIMIT]
    return picked


def key_events(events: Sequence[WindowEvent], limit: int) -> tuple[WindowEvent, ...]:
    """The events of the best-ranked dates (rule in the module docstring), oldest first."""
    rows = [
        Candidate(i, e.date, e.precision, e.ref.id, e.ref.outlet, e.ref.published, e.sentence)
        for i, e in enumerate(events)
    ]
    ranked = rank_dates(rows)
    first = [item.event_ids[0] for item in ranked]
    rest = [i for item in ranked for i in item.event_ids[1:]]
    picked = [events[i] for i in (first + rest)[:limit]]
    shown = [replace(e, text=without_dateline(e.text)) for e in picked]
    return tuple(sorted(shown, key=lambda e: (e.date, e.ref.id, e.sentence)))


def notable_quotes(quotes: Sequence[WindowQuote]) -> tuple[WindowQuote, ...]:
    """The first quotes (already ranked) with at most two per speaker."""
    kept: list[WindowQuote] = []
    for quote in quotes:
        if sum(q.speaker_id == quote.speaker_id for q in kept) < QUOTES_PER_SPEAKER:
            kept.append(quote)
    return tuple(kept[:QUOTE_LIMIT])


class DigestService:
    """Composes digests, keeps the per-guild schedule and posts each due digest once."""

    def __init__(
        self, repo: DigestRepository, guilds: GuildRepository, spikes: SpikeService | None = None
    ) -> None:
        self._repo = repo
        self._guilds = guilds
        self._spikes = spikes or make_spike_service(repo)

    async def compose(self, window: Window) -> Digest | None:
        """The digest of a window; None when nothing was ingested in it."""
        total = await self._repo.count_articles(window.start, window.end)
        if total == 0:
            return None
        articles = await self._repo.articles(window.start, window.end, ARTICLE_LIMIT)
        ids = [a.ref.id for a in articles]
        events, events_total = await self._repo.events(ids, EVENT_READ)
        quotes = await self._repo.quotes(ids, QUOTE_LIMIT * 4)
        rising = await self._rising(window)
        return Digest(
            window=window,
            articles=total,
            stories=tuple(group_stories(articles)),
            events=key_events(events, EVENT_LIMIT),
            events_total=events_total,
            quotes=notable_quotes(quotes),
            rising=tuple(rising),
        )

    async def _rising(self, window: Window) -> list[Rising]:
        """The guild's rising names of the digest's day, each cited by articles of that day."""
        spikes = pick_rising(
            await self._spikes.rising(rising_day(window), guild_id=window.guild_id)
        )
        refs = await self._spikes.articles(spikes, RISING_REFS)
        return [
            Rising(s.name, s.kind, s.today, s.baseline, refs.get(s.subject, ()), s.day, s.subject)
            for s in spikes
        ]

    async def window_for(self, guild_id: int, now: datetime) -> Window:
        """What a digest posted now would cover for this guild (the preview's window)."""
        config = await self._guilds.get(guild_id)
        start = config.last_digest_at or now - FIRST_WINDOW
        return Window(start, now, config.digest_timezone or "UTC", guild_id)

    async def configure(
        self, guild_id: int, channel_id: int, hour: int, timezone: str
    ) -> GuildConfig:
        """Post the guild's digest in this channel every day at `hour` local time."""
        zone = parse_zone(timezone)
        if not 0 <= hour <= 23:
            raise UserFacingError("The hour is 0–23 (e.g. 8 for 08:00).")
        return await self._guilds.update(
            guild_id, digest_channel_id=channel_id, digest_hour=hour, digest_timezone=zone.key
        )

    async def turn_off(self, guild_id: int) -> GuildConfig:
        """Stop the guild's digest; a later `set` starts afresh with the last 24 hours."""
        return await self._guilds.update(
            guild_id,
            digest_channel_id=None,
            digest_hour=None,
            digest_timezone=None,
            last_digest_at=None,
        )

    async def run_due(
        self,
        now: datetime,
        send: Sender,
        *,
        post_empty: bool = False,
        guild_ids: Container[int] | None = None,
    ) -> list[DueDigest]:
        """Post every due digest this process wins the claim for; returns those it handled."""
        handled = []
        for config in await self._guilds.all():
            due = due_digest(config, now)
            if due is None or (guild_ids is not None and due.guild_id not in guild_ids):
                continue
            try:
                if await self._post(due, send, post_empty=post_empty):
                    handled.append(due)
            except Exception:  # one guild's failure must not stop the others
                log.exception("digest for guild %s (%s) failed", due.guild_id, due.day)
        return handled

    async def _post(self, due: DueDigest, send: Sender, *, post_empty: bool) -> bool:
        """Claim, compose, send, record (and start the cool-down of the rising names it
        showed); False when another process claimed it first."""
        window = due.window
        if not await self._repo.claim(due.guild_id, due.day, window.start, window.end):
            return False
        digest = await self.compose(window)
        message_id = await send(due, digest) if digest is not None or post_empty else None
        await self._repo.mark_posted(
            due.guild_id,
            due.day,
            channel_id=due.channel_id,
            message_id=message_id,
            articles=digest.articles if digest else 0,
        )
        log.info("digest for guild %s (%s) posted as %s", due.guild_id, due.day, message_id)
        if message_id is not None and digest is not None:
            await self._record_rising(due.guild_id, digest.rising)
        return True

    async def _record_rising(self, guild_id: int, rising: Sequence[Rising]) -> None:
        """Start the cool-down of the names a posted digest showed."""
        by_day: dict[date, list[str]] = {}
        for item in rising:
            if item.day is not None and item.subject:
                by_day.setdefault(item.day, []).append(item.subject)
        for day, subjects in by_day.items():
            await self._spikes.record(guild_id, day, subjects)
