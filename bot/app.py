"""The application object: one engine, its repositories and services, opened and migrated once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.errors import DatabaseUnavailableError
from bot.services.named_days import read_backlog
from bot.services.nlp_runtime import NlpRuntime
from config.settings import DEFAULT_DATABASE_URL, Settings
from storage.articles import ArticleRepository
from storage.engine import DatabaseUrlError, MissingFolderError, create_engine, session_factory
from storage.guilds import GuildRepository
from storage.jobs import JobQueue
from storage.migrate import upgrade_database
from storage.named_days import NamedDayRepository
from storage.stats import StatsRepository

if TYPE_CHECKING:
    from bot.services.alerts import AlertService
    from bot.services.compare import CompareService
    from bot.services.digest import DigestService
    from bot.services.feeds import FeedService
    from bot.services.fetcher import Fetcher
    from bot.services.ingest import IngestService
    from bot.services.people import PeopleService
    from bot.services.search import SearchService
    from bot.services.spikes import SpikeService
    from bot.services.summary import SummaryService
    from bot.services.timeline import TimelineService

log = logging.getLogger(__name__)


@dataclass
class Analyst:
    """Everything a command needs, built once per process from the settings.

    The ingest service is built on first use: it pulls in spaCy, trafilatura and datasketch,
    which a query command should not wait for.
    """

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    articles: ArticleRepository
    stats: StatsRepository
    queue: JobQueue
    guilds: GuildRepository
    nlp: NlpRuntime = field(repr=False)

    @cached_property
    def ingest(self) -> IngestService:
        """The ingestion service on this application's database and spaCy runtime."""
        from bot.services.analyzer import make_analyzer
        from bot.services.ingest import IngestService

        return IngestService(
            self.sessions,
            self.queue,
            make_analyzer(self.settings, self.nlp),
            self.fetcher,
            max_bytes=self.settings.max_file_bytes,
            batch_size=self.settings.nlp_batch_size,
            near_duplicate_threshold=self.settings.near_duplicate_threshold,
        )

    async def close(self) -> None:
        """Stop what this application started (analysis and feed-reading processes), if any."""
        if "feeds" in vars(self):
            await self.feeds.close()
        if "ingest" in vars(self):
            await self.ingest.close()

    @cached_property
    def fetcher(self) -> Fetcher:
        """The web fetcher (address guard, timeouts, byte cap) for links from the CLI and bot."""
        from bot.services.fetcher import Fetcher, FetchSettings

        return Fetcher(FetchSettings.from_settings(self.settings))

    @cached_property
    def timeline(self) -> TimelineService:
        """Dated events for `timeline`, merged across articles."""
        from bot.services.timeline import TimelineService
        from storage.timeline import TimelineRepository

        return TimelineService(TimelineRepository(self.sessions))

    @cached_property
    def people(self) -> PeopleService:
        """Name look-ups, quotes and profiles for `quotes` and `who`."""
        from bot.services.people import PeopleService

        return PeopleService(self.sessions)

    @cached_property
    def search(self) -> SearchService:
        """Ranked full-text search for `search`."""
        from bot.services.search import SearchService
        from storage.search import SearchRepository

        return SearchService(SearchRepository(self.sessions))

    @cached_property
    def compare(self) -> CompareService:
        """Two periods side by side for `compare`."""
        from bot.services.compare import CompareService
        from storage.compare_repo import CompareRepository

        return CompareService(CompareRepository(self.sessions))

    @cached_property
    def digest(self) -> DigestService:
        """The daily digest: composing, scheduling and claiming each guild's post."""
        from bot.services.digest import DigestService
        from storage.digests import DigestRepository

        return DigestService(DigestRepository(self.sessions), self.guilds, self.spikes)

    @cached_property
    def summary(self) -> SummaryService:
        """Extractive summaries of an article or a topic for `summary`."""
        from bot.services.summary import SummaryService
        from storage.summary_repo import SummaryRepository

        return SummaryService(SummaryRepository(self.sessions))

    @cached_property
    def feeds(self) -> FeedService:
        """Followed feeds: adding, listing, OPML, and polling them into the ingest queue."""
        from bot.services.feeds import make_feed_service

        return make_feed_service(self)

    @cached_property
    def alerts(self) -> AlertService:
        """Watchlist alerts: what a guild watches, and the cards their fires become."""
        from bot.services.alerts import make_alert_service

        return make_alert_service(self)

    @cached_property
    def spikes(self) -> SpikeService:
        """Names rising above their baseline: the digest's "Rising" and spike alerts."""
        from bot.services.spikes import make_spike_service

        return make_spike_service(self)


def safe_url(url: str) -> str:
    """The database URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  # an unparsable URL is shown as the user typed it
        return url


def _short_reason(exc: BaseException) -> str:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return reason[0] if reason else type(exc).__name__


def build(settings: Settings, engine: AsyncEngine) -> Analyst:
    """Wire repositories and services onto one engine."""
    sessions = session_factory(engine)
    queue = JobQueue(sessions, max_attempts=settings.job_max_attempts)
    return Analyst(
        settings=settings,
        engine=engine,
        sessions=sessions,
        articles=ArticleRepository(sessions),
        stats=StatsRepository(sessions),
        queue=queue,
        guilds=GuildRepository(sessions),
        nlp=NlpRuntime(settings.spacy_model),
    )


@asynccontextmanager
async def open_analyst(settings: Settings, *, migrate: bool = True) -> AsyncIterator[Analyst]:
    """Open the database, bring it to the newest schema, and close it afterwards."""
    own_folder = settings.database_url == DEFAULT_DATABASE_URL  # ./data/ is ours to create
    try:
        engine = create_engine(settings.database_url, create_folder=own_folder)
    except MissingFolderError as exc:
        where = safe_url(settings.database_url)
        raise DatabaseUnavailableError(f"cannot open the database {where}: {exc}") from exc
    except DatabaseUrlError as exc:
        raise DatabaseUnavailableError(str(exc)) from exc
    try:
        if migrate:
            await upgrade_database(engine)
            await read_backlog(NamedDayRepository(session_factory(engine)))
    except (SQLAlchemyError, OSError) as exc:
        await engine.dispose()
        where = safe_url(settings.database_url)
        raise DatabaseUnavailableError(
            f"cannot open the database {where}: {_short_reason(exc)}"
        ) from exc
    analyst = build(settings, engine)
    try:
        yield analyst
    finally:
        try:
            await analyst.close()
        finally:
            await engine.dispose()
