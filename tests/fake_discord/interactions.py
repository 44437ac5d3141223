"""Build INTERACTION_CREATE payloads the way Discord does, and view what the bot answered.

Options are typed from the command the bot registered, so a test passes plain values
(`{"topic": "putin", "channel": fake.channel_id("links")}`) and a mistyped or unknown option
fails here, loudly, as the Discord client would refuse to send it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from tests.fake_discord import payloads as p
from tests.fake_discord.payloads import FakeUser, Json
from tests.fake_discord.state import InteractionRecord, Upload, World

SUB_COMMAND, SUB_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(3, 12)
APPLICATION_COMMAND, COMPONENT, AUTOCOMPLETE = 2, 3, 4


@dataclass
class InteractionResult:
    """What the bot did with one interaction; a live view, so later activity shows up too."""

    record: InteractionRecord
    world: World

    @property
    def callback(self) -> Json | None:
        """The raw callback body (`type`, `data`)."""
        return self.record.callback

    @property
    def type(self) -> int | None:
        """Callback type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal."""
        return self.record.callback["type"] if self.record.callback else None

    @property
    def data(self) -> Json:
        """The callback's `data` (message fields, choices or modal)."""
        return (self.record.callback or {}).get("data") or {}

    @property
    def original(self) -> Json | None:
        """The response message as it stands now (after edits), if there is one."""
        mid = self.record.original_message_id
        return self.world.messages.get(mid) if mid is not None else None

    @property
    def followups(self) -> list[Json]:
        """Follow-up messages, oldest first, as they stand now."""
        return [
            self.world.messages[i] for i in self.record.followup_ids if i in self.world.messages
        ]

    @property
    def messages(self) -> list[Json]:
        """The original response (if any) then the follow-ups."""
        return [m for m in [self.original, *self.followups] if m is not None]

    @property
    def payloads(self) -> list[Json]:
        """Every message body the bot sent for this interaction, as sent (for allowed_mentions)."""
        return list(self.record.payloads)

    @property
    def edits(self) -> list[Json]:
        """Bodies of edits to the original response (how a deferral is answered)."""
        return list(self.record.edits)

    @property
    def choices(self) -> list[Json]:
        """Autocomplete choices."""
        return self.data.get("choices", [])

    @property
    def embeds(self) -> list[Json]:
        """All embeds across the response messages."""
        return [e for m in self.messages for e in m["embeds"]]

    @property
    def attachments(self) -> list[Json]:
        """All attachments across the response messages."""
        return [a for m in self.messages for a in m["attachments"]]

    @property
    def ephemeral(self) -> bool:
        """Whether the response message is visible only to the invoker."""
        return bool(((self.original or {}).get("flags") or 0) & p.EPHEMERAL)

    def file(self, filename: str) -> bytes:
        """The bytes of an attachment the bot sent, by file name."""
        found = next(a for a in self.attachments if a["filename"] == filename)
        return self.world.files[int(found["id"])]


def find_command(world: World, name: str) -> Json:
    """The registered command called `name`: guild commands first, then global ones."""
    for scope in (world.guild_id, None):
        for command in world.commands.get(scope, []):
            if command["name"] == name:
                return command
    known = sorted(c["name"] for cs in world.commands.values() for c in cs)
    raise LookupError(f"/{name} is not registered with the fake Discord (registered: {known})")


def check_visible(world: World, command: Json, user: FakeUser) -> None:
    """Discord hides a command from members lacking its default_member_permissions."""
    needed = int(command.get("default_member_permissions") or 0)
    have = world.permissions_of(user)
    if needed and not have & p.ADMINISTRATOR and have & needed != needed:
        raise PermissionError(f"Discord would not offer /{command['name']} to {user.name}")


def command_data(
    world: World, command: Json, path: list[str], values: dict[str, Any], focused: str | None
) -> Json:
    """`data` for a slash command or autocomplete: subcommand nesting, typed options, resolved."""
    schema = command.get("options") or []
    chain = []
    for sub in path:
        option = _option(schema, sub, command["name"])
        chain.append(option)
        schema = option.get("options") or []
    resolved: dict[str, dict[str, Json]] = {}
    options = [
        _option_value(world, _option(schema, k, command["name"]), v, resolved)
        for k, v in values.items()
    ]
    for option in options:
        if option["name"] == focused:
            option["focused"] = True
            option["value"] = str(values[option["name"]])
    for option in reversed(chain):
        options = [{"type": option["type"], "name": option["name"], "options": options}]
    data: Json = {"id": command["id"], "name": command["name"], "type": 1, "options": options}
    if resolved:
        data["resolved"] = resolved
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return data


def _option(schema: list[Json], name: str, command: str) -> Json:
    """The schema entry for option (or subcommand) `name`."""
    for option in schema:
        if option["name"] == name:
            return option
    known = [o["name"] for o in schema]
    raise ValueError(f"/{command} has no option or subcommand {name!r} (has {known})")


def _option_value(
    world: World, option: Json, value: Any, resolved: dict[str, dict[str, Json]]
) -> Json:
    """One option as Discord sends it, adding users, channels or roles to `resolved`."""
    kind = option["type"]
    if kind in (USER, MENTIONABLE) and isinstance(value, FakeUser):
        resolved.setdefault("users", {})[str(value.id)] = p.user_payload(value)
        member = p.member_payload(value, world.permissions_of(value))
        del member["user"]
        resolved.setdefault("members", {})[str(value.id)] = member
        value = str(value.id)
    elif kind == CHANNEL:
        channel = world.channels[int(value)]
        entry = {k: channel[k] for k in ("id", "name", "type", "parent_id")}
        resolved.setdefault("channels", {})[channel["id"]] = {
            **entry,
            "permissions": str(p.MEMBER_PERMISSIONS),
        }
        value = channel["id"]
    elif kind == ATTACHMENT:  # (filename, bytes[, content type]): uploaded, then resolved
        name, data, *content_type = value
        attachment = world.store_upload(Upload(0, name, data, (content_type or [None])[0]))
        resolved.setdefault("attachments", {})[attachment["id"]] = attachment
        value = attachment["id"]
    elif kind in (ROLE, MENTIONABLE):
        role = world.roles[int(value)]
        resolved.setdefault("roles", {})[role["id"]] = role
        value = role["id"]
    elif kind == INTEGER:
        value = int(value)
    elif kind == NUMBER:
        value = float(value)
    elif kind == BOOLEAN:
        value = bool(value)
    elif kind == STRING:
        value = str(value)
    return {"type": kind, "name": option["name"], "value": value}


def new_record(world: World, kind: int, channel_id: int, now: float) -> InteractionRecord:
    """Register an interaction so its callback and webhook calls can be matched to it."""
    record = InteractionRecord(world.ids.next(), secrets.token_urlsafe(24), kind, channel_id, now)
    record.last_activity = now
    world.interactions[record.token] = record
    return record


def interaction_payload(
    world: World, record: InteractionRecord, user: FakeUser, data: Json, message: Json | None = None
) -> Json:
    """The INTERACTION_CREATE body around `data`."""
    member = p.member_payload(user, world.permissions_of(user))
    payload: Json = {
        "id": str(record.id),
        "application_id": str(world.application_id),
        "type": record.type,
        "data": data,
        "guild_id": str(world.guild_id),
        "guild": {"id": str(world.guild_id), "locale": "en-US", "features": []},
        "channel_id": str(record.channel_id),
        "channel": world.channels[record.channel_id],
        "member": member,
        "token": record.token,
        "version": 1,
        "app_permissions": str(world.bot_permissions(record.channel_id)),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(world.guild_id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if message is not None:
        payload["message"] = message
    return payload


def find_component(message: Json, custom_id: str) -> Json:
    """The component with `custom_id` on a message, searching rows and layout containers."""
    stack = list(message.get("components") or [])
    while stack:
        item = stack.pop()
        if item.get("custom_id") == custom_id:
            return item
        stack += item.get("components") or []
        if item.get("accessory"):
            stack.append(item["accessory"])
    raise LookupError(f"message {message['id']} has no component {custom_id!r}")
