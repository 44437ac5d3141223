"""Channels closed to the bot: one warning per refusal, and a notice admins can read.

Discord answers 403 (Missing Permissions) when a server takes a permission from the bot in a
channel: replies, cards and reactions in the watched channel stop. Each refused (guild, channel,
action) is logged once, as one WARNING line naming what is missing, not once per message, and
listed under "Problems" in `/settings show` until the same action succeeds there again. Kept in
the bot process's memory: a restart forgets, and the next refusal is noted again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

POST, REACT = "post", "react"  # what the bot was doing in the channel


@dataclass(frozen=True)
class AccessProblem:
    """The bot could not `action` in a channel; `missing` names the permissions it lacks."""

    guild_id: int
    channel_id: int
    channel_name: str
    action: str
    missing: tuple[str, ...]

    def describe(self, channel: str) -> str:
        """`cannot post in #links: missing permission Send Messages`, the channel as given."""
        permission = "permission" if len(self.missing) == 1 else "permissions"
        return f"cannot {self.action} in {channel}: missing {permission} {' / '.join(self.missing)}"

    @property
    def log_line(self) -> str:
        """The warning an operator reads in the log."""
        where = f"#{self.channel_name} (guild {self.guild_id})"
        return self.describe(where)

    @property
    def notice(self) -> str:
        """The line an admin reads in Discord (the channel as a mention)."""
        return self.describe(f"<#{self.channel_id}>")


class ChannelAccess:
    """The refusals still standing, per guild, channel and action."""

    def __init__(self) -> None:
        self._problems: dict[tuple[int, int, str], AccessProblem] = {}

    def refused(self, problem: AccessProblem) -> bool:
        """Note a refusal; logs it (once) and returns True when it is news."""
        key = (problem.guild_id, problem.channel_id, problem.action)
        known = self._problems.get(key)
        self._problems[key] = problem
        if known is not None:
            return False
        log.warning("%s", problem.log_line)
        return True

    def succeeded(self, guild_id: int, channel_id: int, action: str) -> None:
        """The action went through: forget its refusal, so a new one is logged again."""
        gone = self._problems.pop((guild_id, channel_id, action), None)
        if gone is not None:
            log.info("can %s in #%s (guild %s) again", action, gone.channel_name, guild_id)

    def problem(self, guild_id: int, channel_id: int, action: str) -> AccessProblem | None:
        """The standing refusal of one action in one channel."""
        return self._problems.get((guild_id, channel_id, action))

    def problems(self, guild_id: int) -> list[AccessProblem]:
        """A guild's standing refusals, by channel then action."""
        found = [p for p in self._problems.values() if p.guild_id == guild_id]
        return sorted(found, key=lambda p: (p.channel_name, p.action))
