"""JSON shapes the fake hands to discord.py, built the way Discord's API documents them.

Kept free of discord.py imports: the fake describes Discord, the client under test parses it.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Json = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADD_REACTIONS = 1 << 6
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38
MEMBER_PERMISSIONS = (  # what Discord's @everyone has by default, as far as the bot needs
    ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | SEND_MESSAGES_IN_THREADS
)

EPHEMERAL = 1 << 6
LOADING = 1 << 7
HAS_THREAD = 1 << 5  # a message flag: a thread was started from it
SUPPRESS_EMBEDS = 1 << 2

# Channel types (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).
GUILD_TEXT, PUBLIC_THREAD, PRIVATE_THREAD, GUILD_FORUM = 0, 11, 12, 15
THREAD_TYPES = (PUBLIC_THREAD, PRIVATE_THREAD)


class Snowflakes:
    """Time-based, strictly increasing ids, so discord.py's `created_at` looks like now."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def next(self) -> int:
        """A fresh snowflake."""
        millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (millis << 22) | (next(self._counter) & 0x3FFFFF)


def now_iso() -> str:
    """A timestamp in the ISO form Discord sends."""
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True)
class FakeUser:
    """A person (or the bot) in the fake guild; `permissions` adds to those of the roles."""

    id: int
    name: str
    roles: tuple[int, ...] = ()
    permissions: int = 0
    bot: bool = False
    joined_at: str = field(default_factory=now_iso)

    @property
    def mention(self) -> str:
        """How Discord writes a mention of this user."""
        return f"<@{self.id}>"


def user_payload(user: FakeUser) -> Json:
    """A user object."""
    return {
        "id": str(user.id),
        "username": user.name,
        "global_name": user.name,
        "discriminator": "0",
        "avatar": None,
        "bot": user.bot,
        "flags": 0,
        "public_flags": 0,
        "verified": True,
        "mfa_enabled": False,
    }


def member_payload(user: FakeUser, permissions: int | None = None) -> Json:
    """A guild member object; `permissions` is included as interactions carry it."""
    member: Json = {
        "user": user_payload(user),
        "roles": [str(r) for r in user.roles],
        "nick": None,
        "avatar": None,
        "joined_at": user.joined_at,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        member["permissions"] = str(permissions)
    return member


def role_payload(role_id: int, name: str, permissions: int, position: int = 0) -> Json:
    """A role object."""
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


def channel_payload(
    channel_id: int, guild_id: int, name: str, position: int = 0, kind: int = GUILD_TEXT
) -> Json:
    """A guild text channel object, or a forum channel's (`kind` GUILD_FORUM)."""
    channel: Json = {
        "id": str(channel_id),
        "guild_id": str(guild_id),
        "type": kind,
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "flags": 0,
        "default_auto_archive_duration": 1440,
    }
    if kind == GUILD_FORUM:
        channel |= {
            "available_tags": [],
            "default_reaction_emoji": None,
            "default_sort_order": None,
            "default_forum_layout": 0,
            "default_thread_rate_limit_per_user": 0,
        }
    return channel


def thread_payload(
    thread_id: int, parent: Json, owner: FakeUser, name: str, *, kind: int, archive_after: int
) -> Json:
    """A thread channel object (a thread from a message, a standalone one, or a forum post)."""
    now = now_iso()
    return {
        "id": str(thread_id),
        "guild_id": parent["guild_id"],
        "parent_id": parent["id"],
        "owner_id": str(owner.id),
        "type": kind,
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "flags": 0,
        "applied_tags": [],
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": archive_after,
            "archive_timestamp": now,
            "locked": False,
            "create_timestamp": now,
        },
    }


def guild_payload(
    guild_id: int,
    *,
    name: str,
    owner_id: int,
    roles: list[Json],
    channels: list[Json],
    members: list[Json],
    threads: list[Json] | None = None,
) -> Json:
    """A GUILD_CREATE payload: the guild with its roles, channels, active threads and members."""
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "owner_id": str(owner_id),
        "unavailable": False,
        "large": False,
        "member_count": len(members),
        "roles": roles,
        "channels": channels,
        "threads": threads or [],
        "members": members,
        "emojis": [],
        "stickers": [],
        "features": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "joined_at": now_iso(),
        "preferred_locale": "en-US",
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "system_channel_flags": 0,
        "afk_timeout": 300,
    }


def application_payload(app_id: int, owner: FakeUser) -> Json:
    """What `GET /oauth2/applications/@me` returns (and READY's `application`)."""
    return {
        "id": str(app_id),
        "name": owner.name,
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user_payload(owner),
        "team": None,
        "summary": "",
        "verify_key": "0" * 64,
        "flags": 0,
        "interactions_endpoint_url": None,
    }


def attachment_payload(
    attachment_id: int, filename: str, size: int, url: str, content_type: str | None
) -> Json:
    """An attachment object whose url the fake itself serves."""
    return {
        "id": str(attachment_id),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
        "description": None,
    }


def message_payload(
    message_id: int, channel_id: int, guild_id: int, author: FakeUser, body: Json
) -> Json:
    """A message object; `body` supplies content, embeds, components, attachments, flags."""
    message: Json = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "guild_id": str(guild_id),
        "author": user_payload(author),
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": body.get("attachments", []),
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "reactions": [],
        "pinned": False,
        "type": 19 if body.get("message_reference") else 0,
        "flags": body.get("flags") or 0,
    }
    for key in ("webhook_id", "application_id", "interaction_metadata"):
        if body.get(key) is not None:
            message[key] = body[key]
    if body.get("message_reference"):
        # Clients may send ids as numbers; Discord always answers with strings.
        reference = body["message_reference"]
        message["message_reference"] = {
            k: str(v) if k.endswith("_id") else v for k, v in reference.items() if v is not None
        }
    return message


def link_embed(url: str) -> Json:
    """The preview embed Discord adds when it unfurls a link in a message."""
    return {"type": "link", "url": url, "title": f"Preview of {url}", "description": ""}
