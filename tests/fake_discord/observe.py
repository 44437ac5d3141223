"""What the bot did, as a test reads it: its messages, reactions, commands, and bounded waits.

`FakeDiscord` inherits these views; they read the `World` the REST handlers write.
"""

# ruff: noqa: ASYNC109
# (a per-call timeout is this test API's contract: every wait names its own bound)

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.fake_discord.payloads import Json
from tests.fake_discord.state import World


class BotActivity:
    """Read-only views of what the bot sent, and waits on them (each bounded by `timeout`)."""

    world: World
    timeout: float

    def sent_messages(self, channel_id: int) -> list[Json]:
        """The bot's messages in a channel (sends, replies, interaction responses), oldest first."""
        mine = str(self.world.bot_user.id)
        found = [
            m
            for m in self.world.messages.values()
            if m["channel_id"] == str(channel_id) and m["author"]["id"] == mine
        ]
        return sorted(found, key=lambda m: int(m["id"]))

    def threads(self, channel_id: int) -> list[Json]:
        """The threads (forum posts, threads from messages) opened under a channel, oldest
        first; a thread's first message, if it started from one, has the thread's id."""
        found = [t for t in self.world.threads.values() if t["parent_id"] == str(channel_id)]
        return sorted(found, key=lambda t: int(t["id"]))

    def starter_message(self, thread: Json) -> Json | None:
        """The message a thread started from (in its channel), or a forum post's first one."""
        return self.world.messages.get(int(thread["id"]))

    def raw_payloads(self, message_id: int | str) -> list[Json]:
        """The request bodies (create, then edits) the bot sent for a message."""
        return self.world.raw.get(int(message_id), [])

    def file(self, attachment: Json) -> bytes:
        """The bytes behind an attachment object."""
        return self.world.files[int(attachment["id"])]

    def reactions(self, message_id: int | str) -> list[str]:
        """The bot's reactions on a message now, in the order added."""
        return list(self.world.reactions.get(int(message_id), []))

    def reaction_history(self, message_id: int | str) -> list[tuple[str, str]]:
        """Every reaction change by the bot: ("+", "⏳"), ("-", "⏳"), ("+", "✅")…"""
        return list(self.world.reaction_log.get(int(message_id), []))

    def registered_commands(self, guild_id: int | None = None) -> list[Json]:
        """Commands registered globally (default) or for a guild."""
        return list(self.world.commands.get(guild_id, []))

    @property
    def command_syncs(self) -> list[tuple[int | None, list[Json]]]:
        """Each bulk overwrite: (guild id or None, the commands as sent)."""
        return list(self.world.command_syncs)

    @property
    def unknown_routes(self) -> list[tuple[str, str]]:
        """(method, path) of requests the fake had no route for."""
        return list(self.world.unknown_routes)

    @property
    def rejected(self) -> list[tuple[str, str, list[str]]]:
        """Requests refused as Discord would refuse them: (method, path, problems)."""
        return list(self.world.rejected)

    @property
    def requests(self) -> list[tuple[str, str]]:
        """Every (method, path) the bot requested, in order."""
        return list(self.world.requests)

    async def wait_for_message(
        self,
        channel_id: int,
        predicate: Callable[[Json], bool] = lambda m: True,
        *,
        timeout: float | None = None,
    ) -> Json:
        """Wait for a bot message in a channel matching `predicate`; returns the first."""
        found = lambda: next((m for m in self.sent_messages(channel_id) if predicate(m)), None)  # noqa: E731
        return await self._wait(found, timeout, f"a bot message in channel {channel_id}")

    async def wait_for_thread(
        self,
        channel_id: int,
        predicate: Callable[[Json], bool] = lambda t: True,
        *,
        timeout: float | None = None,
    ) -> Json:
        """Wait for a thread under a channel matching `predicate`; returns the first."""
        found = lambda: next((t for t in self.threads(channel_id) if predicate(t)), None)  # noqa: E731
        return await self._wait(found, timeout, f"a thread under channel {channel_id}")

    async def wait_for_reaction(
        self, message_id: int | str, emoji: str, *, timeout: float | None = None
    ) -> None:
        """Wait until the bot's reactions on a message include `emoji`."""
        await self._wait(lambda: emoji in self.reactions(message_id), timeout, f"reaction {emoji}")

    async def wait_for(
        self,
        condition: Callable[[], Any],
        *,
        timeout: float | None = None,
        what: str = "a condition",
    ) -> Any:
        """Wait until `condition()` (re-checked on every request the fake serves) is truthy."""
        return await self._wait(condition, timeout, what)

    async def _wait(self, condition: Callable[[], Any], timeout: float | None, what: str) -> Any:
        """`World.wait_until` with this fake's default timeout."""
        return await self.world.wait_until(condition, timeout or self.timeout, what)
