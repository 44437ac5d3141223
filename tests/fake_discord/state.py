"""Everything the fake remembers: the guild, messages, reactions, commands and interactions.

REST handlers write here, the gateway reads the guild from here, and tests wait on `changed`:
every write calls `notify()` so a waiting test re-checks its condition at once.
"""

# ruff: noqa: ASYNC109
# (a per-call timeout is this test API's contract: every wait names its own bound)

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fake_discord import payloads as p
from tests.fake_discord.payloads import FakeUser, Json


@dataclass
class InteractionRecord:
    """One interaction the fake sent, and everything the bot did with its token."""

    id: int
    token: str
    type: int
    channel_id: int
    created: float
    original_message_id: int | None = None
    callback: Json | None = None
    edits: list[Json] = field(default_factory=list)
    followup_ids: list[int] = field(default_factory=list)
    payloads: list[Json] = field(default_factory=list)
    last_activity: float = 0.0


@dataclass
class Upload:
    """A file part of a multipart request."""

    index: int
    filename: str
    data: bytes
    content_type: str | None


class World:
    """The fake Discord's state, one guild with channels, roles and members."""

    def __init__(self, token: str, origin: Callable[[], str]) -> None:
        self.ids = p.Snowflakes()
        self.token = token
        self._origin = origin
        self.bot_user = FakeUser(self.ids.next(), "Analyst", bot=True)
        self.application_id = self.bot_user.id
        self.guild_id = self.ids.next()
        self.roles: dict[int, Json] = {}
        self.channels: dict[int, Json] = {}
        self.threads: dict[int, Json] = {}  # threads and forum posts, by id (not in `channels`)
        self.users: dict[str, FakeUser] = {}
        self.messages: dict[int, Json] = {}
        self.raw: dict[int, list[Json]] = {}
        self.files: dict[int, bytes] = {}
        self.reactions: dict[int, list[str]] = {}
        self.reaction_log: dict[int, list[tuple[str, str]]] = {}
        self.commands: dict[int | None, list[Json]] = {}
        self.command_syncs: list[tuple[int | None, list[Json]]] = []
        self.interactions: dict[str, InteractionRecord] = {}
        self.unknown_routes: list[tuple[str, str]] = []
        self.rejected: list[tuple[str, str, list[str]]] = []
        self.requests: list[tuple[str, str]] = []
        self.nonces: dict[tuple[int, str], int] = {}  # (channel, nonce) -> the bot's message
        self._changed = asyncio.Event()
        self._populate()

    def _populate(self) -> None:
        """The starting guild: @everyone, an Editors role, #news and #links, alice and erin."""
        self.roles[self.guild_id] = p.role_payload(self.guild_id, "@everyone", p.MEMBER_PERMISSIONS)
        self.add_role("Editors", p.MANAGE_GUILD)
        self.add_channel("news")
        self.add_channel("links")
        self.add_user("alice")
        self.add_user("erin", roles=(self.role_id("Editors"),))

    def add_role(self, name: str, permissions: int) -> int:
        """Create a role; returns its id."""
        role_id = self.ids.next()
        self.roles[role_id] = p.role_payload(role_id, name, permissions, len(self.roles))
        return role_id

    def role_id(self, name: str) -> int:
        """The id of the role called `name`."""
        return next(int(r["id"]) for r in self.roles.values() if r["name"] == name)

    def add_channel(self, name: str, kind: int = p.GUILD_TEXT) -> int:
        """Create a text channel (or a forum channel, `kind` GUILD_FORUM); returns its id."""
        channel_id = self.ids.next()
        payload = p.channel_payload(channel_id, self.guild_id, name, len(self.channels), kind)
        self.channels[channel_id] = payload
        return channel_id

    def channel_id(self, name: str) -> int:
        """The id of the text channel called `name`."""
        return next(int(c["id"]) for c in self.channels.values() if c["name"] == name)

    def channel(self, channel_id: int) -> Json | None:
        """A guild channel or a thread by id."""
        return self.channels.get(channel_id) or self.threads.get(channel_id)

    def start_thread(
        self, parent_id: int, name: str, kind: int, archive_after: int, thread_id: int | None = None
    ) -> Json:
        """Open a thread under a channel as the bot; `thread_id` is the message it starts from
        (Discord gives a thread started from a message, and a forum post, that message's id)."""
        parent = self.channels[parent_id]
        thread_id = thread_id or self.ids.next()
        thread = p.thread_payload(
            thread_id, parent, self.bot_user, name, kind=kind, archive_after=archive_after
        )
        self.threads[thread_id] = thread
        started = self.messages.get(thread_id)
        if started is not None and started["channel_id"] == parent["id"]:  # shown under it
            started["flags"] = (started.get("flags") or 0) | p.HAS_THREAD
            started["thread"] = thread
        self.notify()
        return thread

    def add_user(
        self, name: str, roles: tuple[int, ...] = (), permissions: int = 0, *, bot: bool = False
    ) -> FakeUser:
        """Create a guild member (a human unless told otherwise)."""
        user = FakeUser(self.ids.next(), name, roles=roles, permissions=permissions, bot=bot)
        self.users[name] = user
        return user

    def denied_to_bot(self, channel_id: int) -> int:
        """The permission bits the channel's overwrite for the bot member denies (a thread's
        are its parent's, as Discord keeps no overwrites on threads)."""
        if channel_id in self.threads:
            channel_id = int(self.threads[channel_id]["parent_id"])
        bot_id = str(self.bot_user.id)
        overwrites = self.channels[channel_id]["permission_overwrites"]
        return sum(int(o["deny"]) for o in overwrites if o["type"] == 1 and o["id"] == bot_id)

    def bot_permissions(self, channel_id: int) -> int:
        """The bot's permissions in a channel: @everyone's, less what the channel denies it."""
        return self.permissions_of(self.bot_user) & ~self.denied_to_bot(channel_id)

    def overwrite_for_bot(self, channel_id: int, bits: int, *, deny: bool) -> Json:
        """Deny the bot `bits` in a channel (or lift that), as a member permission overwrite."""
        channel = self.channels[channel_id]
        denied = (
            (self.denied_to_bot(channel_id) | bits)
            if deny
            else (self.denied_to_bot(channel_id) & ~bits)
        )
        bot_id = str(self.bot_user.id)
        others = [o for o in channel["permission_overwrites"] if o["id"] != bot_id]
        mine = [{"id": bot_id, "type": 1, "allow": "0", "deny": str(denied)}] if denied else []
        channel["permission_overwrites"] = others + mine
        self.notify()
        return channel

    def permissions_of(self, user: FakeUser) -> int:
        """Guild-level permissions: @everyone, the member's roles, plus any extra bits."""
        bits = int(self.roles[self.guild_id]["permissions"]) | user.permissions
        for role_id in user.roles:
            bits |= int(self.roles[role_id]["permissions"])
        return bits

    def guild(self) -> Json:
        """The GUILD_CREATE payload."""
        members = [p.member_payload(u) for u in [self.bot_user, *self.users.values()]]
        return p.guild_payload(
            self.guild_id,
            name="Newsroom",
            owner_id=self.users["erin"].id,
            roles=list(self.roles.values()),
            channels=list(self.channels.values()),
            threads=list(self.threads.values()),
            members=members,
        )

    def store_upload(self, upload: Upload) -> Json:
        """Keep an uploaded file and describe it as an attachment served by the fake."""
        attachment_id = self.ids.next()
        self.files[attachment_id] = upload.data
        url = f"{self._origin()}/attachments/{attachment_id}/{upload.filename}"
        return p.attachment_payload(
            attachment_id, upload.filename, len(upload.data), url, upload.content_type
        )

    def create_message(
        self,
        channel_id: int,
        author: FakeUser,
        body: Json,
        uploads: list[Upload],
        message_id: int | None = None,
    ) -> Json:
        """Store a new message built from a request body and its files (`message_id`: a forum
        post's first message, which has the post's id)."""
        body = {**body, "attachments": [self.store_upload(u) for u in uploads]}
        message_id = message_id or self.ids.next()
        message = p.message_payload(message_id, channel_id, self.guild_id, author, body)
        self.messages[message_id] = message
        if thread := self.threads.get(channel_id):
            thread["message_count"] += 1
            thread["total_message_sent"] += 1
            thread["last_message_id"] = str(message_id)
        self.notify()
        return message

    def edit_message(self, message_id: int, body: Json, uploads: list[Upload]) -> Json:
        """Apply an edit: given keys replace, attachments kept by id, new files appended."""
        message = self.messages[message_id]
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                message[key] = body[key] if body[key] is not None else message[key]
        if "attachments" in body:
            keep = {str(a.get("id")) for a in body["attachments"] or []}
            message["attachments"] = [a for a in message["attachments"] if a["id"] in keep]
        message["attachments"] += [self.store_upload(u) for u in uploads]
        message["flags"] = (message.get("flags") or 0) & ~p.LOADING
        message["edited_timestamp"] = p.now_iso()
        self.notify()
        return message

    def member_edit(self, message_id: int, content: str | None, embeds: list[Json] | None) -> Json:
        """A member's edit (new content: `edited_timestamp` set) or Discord unfurling the links
        (embeds only: Discord leaves `edited_timestamp` alone)."""
        message = self.messages[message_id]
        if content is not None:
            message["content"] = content
            message["edited_timestamp"] = p.now_iso()
        if embeds is not None:
            message["embeds"] = embeds
        self.notify()
        return message

    def record_raw(self, message_id: int, body: Json) -> None:
        """Keep the request body as sent (allowed_mentions and all) for assertions."""
        self.raw.setdefault(message_id, []).append(body)

    def react(self, message_id: int, emoji: str, *, add: bool) -> None:
        """The bot adds or removes its own reaction."""
        current = self.reactions.setdefault(message_id, [])
        if add and emoji not in current:
            current.append(emoji)
        elif not add and emoji in current:
            current.remove(emoji)
        self.reaction_log.setdefault(message_id, []).append(("+" if add else "-", emoji))
        self.notify()

    def touch(self, record: InteractionRecord) -> None:
        """Note activity on an interaction so result collection knows the bot is still busy."""
        record.last_activity = asyncio.get_running_loop().time()
        self.notify()

    def notify(self) -> None:
        """Wake every waiter so it re-checks its condition."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, condition: Callable[[], Any], timeout: float, what: str) -> Any:
        """Wait until `condition()` is truthy and return it; TimeoutError names what was awaited."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (result := condition()):
            remaining = deadline - loop.time()
            if remaining <= 0:
                missing = (
                    f"; unknown routes so far: {self.unknown_routes}" if self.unknown_routes else ""
                )
                raise TimeoutError(
                    f"fake Discord: timed out after {timeout}s waiting for {what}{missing}"
                )
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)
        return result
