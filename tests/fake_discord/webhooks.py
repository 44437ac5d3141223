"""Interaction callbacks and the interaction webhook (original response and follow-ups).

Enforces the rules that bite real bots: one callback per interaction, sent within Discord's
3 seconds, and follow-ups only after it. discord.py posts callbacks with `?with_response=1`
and reads `interaction.response_message_id` to attach a view to the message it created.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiohttp import web

from tests.fake_discord import payloads as p
from tests.fake_discord.gateway import Gateway
from tests.fake_discord.limits import choices_problems, message_problems
from tests.fake_discord.payloads import Json
from tests.fake_discord.rest import UNKNOWN_MESSAGE, RouteSet, error, no_content, read_body, reply
from tests.fake_discord.state import InteractionRecord, Upload, World

UNKNOWN_WEBHOOK, UNKNOWN_INTERACTION, ALREADY_ACKNOWLEDGED = 10015, 10062, 40060
MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE = 4, 5, 6, 7, 8


class Webhooks(RouteSet):
    """Routes authenticated by the interaction token rather than the bot token."""

    def __init__(self, world: World, gateway: Gateway, deadline: Callable[[], float]) -> None:
        super().__init__(world, gateway)
        self.deadline = deadline  # read per callback, so a test can shorten the window for a while

    def routes(self, prefix: str) -> list[web.RouteDef]:
        """Every route this group serves, under the API prefix."""
        hook = prefix + "/webhooks/{app}/{token}"
        return [
            web.post(prefix + "/interactions/{iid}/{token}/callback", self.callback),
            web.post(hook, self.followup),
            web.get(hook + "/messages/{mid}", self.get_message),
            web.patch(hook + "/messages/{mid}", self.edit_message),
            web.delete(hook + "/messages/{mid}", self.delete_message),
        ]

    async def callback(self, request: web.Request) -> web.Response:
        """The bot's one response to an interaction (types 4-9)."""
        record = self.world.interactions.get(request.match_info["token"])
        if record is None or str(record.id) != request.match_info["iid"]:
            return error(404, UNKNOWN_INTERACTION, "Unknown interaction")
        body, uploads = await read_body(request)
        if record.callback is not None:
            self.world.rejected.append((request.method, request.path, ["already acknowledged"]))
            return error(400, ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.")
        if asyncio.get_running_loop().time() - record.created > self.deadline():
            self.world.rejected.append((request.method, request.path, ["callback too late"]))
            return error(404, UNKNOWN_INTERACTION, "Unknown interaction")
        if problems := _callback_problems(body, uploads):
            return self.reject(request, problems)
        record.callback = body
        record.payloads.append(body.get("data") or {})
        message = await self._apply(record, body, uploads)
        self.world.touch(record)
        return reply(_callback_response(record, body["type"], message))

    async def _apply(
        self, record: InteractionRecord, body: Json, uploads: list[Upload]
    ) -> Json | None:
        """Create or edit the message a callback implies."""
        kind, data = body["type"], body.get("data") or {}
        world = self.world
        if kind == UPDATE_MESSAGE and record.original_message_id is not None:
            world.record_raw(record.original_message_id, data)
            return world.edit_message(record.original_message_id, data, uploads)
        if kind not in (MESSAGE, DEFERRED_MESSAGE):
            return None
        if kind == DEFERRED_MESSAGE:
            data = {"content": "", "flags": p.LOADING | ((data.get("flags") or 0) & p.EPHEMERAL)}
        message = world.create_message(
            record.channel_id, world.bot_user, _hooked(world, data), uploads
        )
        record.original_message_id = int(message["id"])
        world.record_raw(record.original_message_id, data)
        await self.echo("MESSAGE_CREATE", message)
        return message

    async def followup(self, request: web.Request) -> web.Response:
        """`interaction.followup.send`: a new message, returned when `?wait=1`."""
        record = self.world.interactions.get(request.match_info["token"])
        if record is None or record.callback is None:
            return error(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        body, uploads = await read_body(request)
        if problems := message_problems(body, has_files=bool(uploads)):
            return self.reject(request, problems)
        world = self.world
        message = world.create_message(
            record.channel_id, world.bot_user, _hooked(world, body), uploads
        )
        record.followup_ids.append(int(message["id"]))
        record.payloads.append(body)
        world.record_raw(int(message["id"]), body)
        world.touch(record)
        await self.echo("MESSAGE_CREATE", message)
        if request.query.get("wait", "0").lower() in ("1", "true"):
            return reply(message)
        return no_content()

    def _target(self, request: web.Request) -> tuple[InteractionRecord | None, int | None]:
        """The interaction and message id a webhook message path names (`@original` or an id)."""
        record = self.world.interactions.get(request.match_info["token"])
        if record is None:
            return None, None
        mid = request.match_info["mid"]
        if mid == "@original":
            return record, record.original_message_id
        message_id = int(mid)
        owned = message_id == record.original_message_id or message_id in record.followup_ids
        return record, message_id if owned else None

    async def get_message(self, request: web.Request) -> web.Response:
        """`interaction.original_response()` and fetching a follow-up."""
        record, message_id = self._target(request)
        if record is None:
            return error(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        message = self.world.messages.get(message_id or 0)
        return reply(message) if message else error(404, UNKNOWN_MESSAGE, "Unknown Message")

    async def edit_message(self, request: web.Request) -> web.Response:
        """`edit_original_response` (also the answer to a deferral) and follow-up edits."""
        record, message_id = self._target(request)
        if record is None:
            return error(404, UNKNOWN_WEBHOOK, "Unknown Webhook")
        if message_id is None or message_id not in self.world.messages:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        body, uploads = await read_body(request)
        if problems := message_problems(body, has_files=bool(uploads), editing=True):
            return self.reject(request, problems)
        message = self.world.edit_message(message_id, body, uploads)
        record.edits.append(body)
        record.payloads.append(body)
        self.world.record_raw(message_id, body)
        self.world.touch(record)
        await self.echo("MESSAGE_UPDATE", message)
        return reply(message)

    async def delete_message(self, request: web.Request) -> web.Response:
        """`delete_original_response` and follow-up deletes."""
        record, message_id = self._target(request)
        if record is None or message_id is None or message_id not in self.world.messages:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        del self.world.messages[message_id]
        self.world.touch(record)
        return no_content()


def _hooked(world: World, body: Json) -> Json:
    """Mark a message as sent through the application's interaction webhook."""
    app_id = str(world.application_id)
    return {**body, "webhook_id": app_id, "application_id": app_id}


def _callback_problems(body: Json, uploads: list[Upload]) -> list[str]:
    """Validation for the callback's `data`, by callback type."""
    kind, data = body.get("type"), body.get("data") or {}
    if kind == MESSAGE:
        return message_problems(data, has_files=bool(uploads))
    if kind == UPDATE_MESSAGE:
        return message_problems(data, has_files=bool(uploads), editing=True)
    if kind == AUTOCOMPLETE:
        return choices_problems(data)
    if kind not in (DEFERRED_MESSAGE, DEFERRED_UPDATE, 9, 10, 12):
        return [f"unknown callback type {kind}"]
    return []


def _callback_response(record: InteractionRecord, kind: int, message: Json | None) -> Json:
    """The `with_response=1` body: the interaction summary and the resource it created."""
    flags = (message or {}).get("flags") or 0
    interaction: Json = {
        "id": str(record.id),
        "type": record.type,
        "response_message_loading": kind == DEFERRED_MESSAGE,
        "response_message_ephemeral": bool(flags & p.EPHEMERAL),
    }
    if message is not None:
        interaction["response_message_id"] = message["id"]
    resource: Json = {"type": kind}
    if message is not None and kind in (MESSAGE, UPDATE_MESSAGE):
        resource["message"] = message
    return {"interaction": interaction, "resource": resource}
