"""Per-guild settings: watched channel, digest schedule, roles that may ingest or administer."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import GuildSettings
from storage.records import as_utc


@dataclass(frozen=True)
class GuildConfig:
    """A guild's choices; None means not set."""

    guild_id: int
    watch_channel_id: int | None = None
    digest_channel_id: int | None = None
    digest_hour: int | None = None
    digest_timezone: str | None = None
    ingest_role_id: int | None = None
    admin_role_id: int | None = None
    last_digest_at: datetime | None = None


def _config(row: GuildSettings) -> GuildConfig:
    values = {f.name: getattr(row, f.name) for f in fields(GuildConfig)}
    if values["last_digest_at"] is not None:
        values["last_digest_at"] = as_utc(values["last_digest_at"])
    return GuildConfig(**values)


class GuildRepository:
    """Reads and updates guild settings, one short transaction each."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def get(self, guild_id: int) -> GuildConfig:
        """The guild's settings; defaults when it never set any."""
        async with self._sessions() as session:
            row = await session.get(GuildSettings, guild_id)
            return GuildConfig(guild_id=guild_id) if row is None else _config(row)

    async def update(self, guild_id: int, **changes: object) -> GuildConfig:
        """Set some fields (None clears one) and return the new settings."""
        known = {f.name for f in fields(GuildConfig)} - {"guild_id"}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown guild settings: {sorted(unknown)}")
        async with self._sessions.begin() as session:
            row = await session.get(GuildSettings, guild_id)
            if row is None:
                row = GuildSettings(guild_id=guild_id)
                session.add(row)
            for name, value in changes.items():
                setattr(row, name, value)
            await session.flush()
            return _config(row)

    async def all(self) -> list[GuildConfig]:
        """Every guild with settings (the digest loop walks them)."""
        async with self._sessions() as session:
            rows = await session.scalars(select(GuildSettings).order_by(GuildSettings.guild_id))
            return [_config(row) for row in rows]
