"""The fake REST API: login, application, commands, channels, messages, reactions, guild.

Responses carry `Content-Type: application/json` exactly (no charset): discord.py's
`json_or_text` compares the header verbatim and would otherwise hand the client a string.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from aiohttp import BodyPartReader, web

from tests.fake_discord import payloads as p
from tests.fake_discord.gateway import Gateway
from tests.fake_discord.limits import message_problems, thread_problems
from tests.fake_discord.payloads import Json
from tests.fake_discord.state import Upload, World

UNKNOWN_CHANNEL, UNKNOWN_MESSAGE, UNKNOWN_USER, INVALID_FORM = 10003, 10008, 10013, 50035
CANNOT_EDIT_OTHERS, NOT_TEXT_CHANNEL, THREAD_EXISTS = 50005, 50008, 160004


def reply(data: Any, status: int = 200) -> web.Response:
    """A JSON response discord.py will parse."""
    body = json.dumps(data).encode()
    return web.Response(status=status, body=body, headers={"Content-Type": "application/json"})


def error(status: int, code: int, message: str, problems: list[str] | None = None) -> web.Response:
    """A Discord-style error body; `problems` go under `errors` as the API nests them."""
    data: Json = {"code": code, "message": message}
    if problems:
        data["errors"] = {
            "_errors": [{"code": "BASE_TYPE_INVALID", "message": m} for m in problems]
        }
    return reply(data, status)


def no_content() -> web.Response:
    """The 204 Discord answers to deletes, reactions and typing."""
    return web.Response(status=204)


async def read_body(request: web.Request) -> tuple[Any, list[Upload]]:
    """JSON body, or multipart `payload_json` plus `files[n]` parts, as discord.py sends them."""
    if request.content_type.startswith("multipart/"):
        body: Any = {}
        uploads = []
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader) or not part.name:
                continue
            if part.name == "payload_json":
                body = json.loads(await part.text())
            elif part.name.startswith("files["):
                index = int(part.name[len("files[") : -1])
                data = bytes(await part.read(decode=False))
                name = part.filename or f"file{index}"
                uploads.append(Upload(index, name, data, part.headers.get("Content-Type")))
        return body, uploads
    text = await request.text() if request.can_read_body else ""
    return (json.loads(text) if text else {}), []


class RouteSet:
    """Shared plumbing for the REST route groups."""

    def __init__(self, world: World, gateway: Gateway) -> None:
        self.world = world
        self.gateway = gateway

    def reject(self, request: web.Request, problems: list[str]) -> web.Response:
        """Record and refuse a body Discord would refuse."""
        self.world.rejected.append((request.method, request.path, problems))
        self.world.notify()
        return error(400, INVALID_FORM, "Invalid Form Body", problems)

    async def echo(self, event: str, message: Json) -> None:
        """Send the gateway event Discord sends for a message the bot itself created or changed."""
        if self.gateway.session is None or message.get("flags", 0) & p.EPHEMERAL:
            return
        await self.gateway.dispatch(event, {**message, "member": _partial_member(self.world)})


def _partial_member(world: World) -> Json:
    """The `member` Discord attaches to guild MESSAGE_CREATE events (without `user`)."""
    member = p.member_payload(world.bot_user)
    del member["user"]
    return member


class Rest(RouteSet):
    """Bot-token routes."""

    def __init__(self, world: World, gateway: Gateway, gateway_url: Callable[[], str]) -> None:
        super().__init__(world, gateway)
        self.gateway_url = gateway_url

    def routes(self, prefix: str) -> list[web.RouteDef]:
        """Every route this group serves, under the API prefix."""
        msg = prefix + "/channels/{cid}/messages/{mid}"
        return [
            web.get(prefix + "/gateway", self.get_gateway),
            web.get(prefix + "/gateway/bot", self.get_gateway),
            web.get(prefix + "/users/@me", self.get_me),
            web.get(prefix + "/users/{uid}", self.get_user),
            web.get(prefix + "/oauth2/applications/@me", self.get_application),
            web.get(prefix + "/applications/@me", self.get_application),
            web.put(prefix + "/applications/{app}/commands", self.put_commands),
            web.get(prefix + "/applications/{app}/commands", self.get_commands),
            web.put(prefix + "/applications/{app}/guilds/{gid}/commands", self.put_commands),
            web.get(prefix + "/applications/{app}/guilds/{gid}/commands", self.get_commands),
            web.get(prefix + "/channels/{cid}", self.get_channel),
            web.post(prefix + "/channels/{cid}/typing", self.typing),
            web.post(prefix + "/channels/{cid}/messages", self.post_message),
            web.get(prefix + "/channels/{cid}/messages", self.list_messages),
            web.post(prefix + "/channels/{cid}/threads", self.start_thread),
            web.post(msg + "/threads", self.start_thread_from_message),
            web.get(msg, self.get_message),
            web.patch(msg, self.edit_message),
            web.delete(msg, self.delete_message),
            web.put(msg + "/reactions/{emoji}/@me", self.add_reaction),
            web.delete(msg + "/reactions/{emoji}/@me", self.remove_reaction),
            web.get(prefix + "/guilds/{gid}", self.get_guild),
            web.get(prefix + "/guilds/{gid}/channels", self.get_guild_channels),
            web.get(prefix + "/guilds/{gid}/roles", self.get_guild_roles),
            web.get(prefix + "/guilds/{gid}/members/{uid}", self.get_member),
            web.get("/attachments/{aid}/{filename}", self.get_attachment),
        ]

    async def get_gateway(self, request: web.Request) -> web.Response:
        """`GET /gateway` and `/gateway/bot` (the latter used by AutoShardedClient)."""
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return reply({"url": self.gateway_url(), "shards": 1, "session_start_limit": limit})

    async def get_me(self, request: web.Request) -> web.Response:
        """`static_login` checks the token here."""
        return reply(p.user_payload(self.world.bot_user))

    async def get_user(self, request: web.Request) -> web.Response:
        """A user by id."""
        uid = int(request.match_info["uid"])
        users = [self.world.bot_user, *self.world.users.values()]
        found = next((u for u in users if u.id == uid), None)
        if found is None:
            return error(404, UNKNOWN_USER, "Unknown User")
        return reply(p.user_payload(found))

    async def get_application(self, request: web.Request) -> web.Response:
        """`Client.login` reads the application id and owner here."""
        world = self.world
        return reply(p.application_payload(world.application_id, world.users["erin"]))

    async def put_commands(self, request: web.Request) -> web.Response:
        """Bulk overwrite: keep ids of commands whose name survives, as Discord does."""
        gid = int(request.match_info["gid"]) if "gid" in request.match_info else None
        body, _ = await read_body(request)
        old = {c["name"]: c["id"] for c in self.world.commands.get(gid, [])}
        stored = [self._command(c, old.get(c["name"]), gid) for c in body]
        self.world.commands[gid] = stored
        self.world.command_syncs.append((gid, body))
        self.world.notify()
        return reply(stored)

    def _command(self, command: Json, command_id: str | None, gid: int | None) -> Json:
        """A registered command object as the API returns it."""
        stored = {
            "type": 1,
            "default_member_permissions": None,
            "nsfw": False,
            **command,
            "id": command_id or str(self.world.ids.next()),
            "application_id": str(self.world.application_id),
            "version": str(self.world.ids.next()),
        }
        if gid is not None:
            stored["guild_id"] = str(gid)
        return stored

    async def get_commands(self, request: web.Request) -> web.Response:
        """The registered commands, global or for one guild."""
        gid = int(request.match_info["gid"]) if "gid" in request.match_info else None
        return reply(self.world.commands.get(gid, []))

    async def get_channel(self, request: web.Request) -> web.Response:
        """A channel or a thread by id."""
        channel = self.world.channel(int(request.match_info["cid"]))
        if channel is None:
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel")
        return reply(channel)

    async def typing(self, request: web.Request) -> web.Response:
        """`async with channel.typing()`."""
        return no_content()

    async def post_message(self, request: web.Request) -> web.Response:
        """The bot sends a message (JSON or multipart); it is echoed as MESSAGE_CREATE. With
        `enforce_nonce`, a nonce already used in the channel returns that message, as Discord
        does for a few minutes."""
        cid = int(request.match_info["cid"])
        channel = self.world.channel(cid)
        if channel is None:
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel")
        if channel["type"] == p.GUILD_FORUM:  # a forum takes posts (threads), not messages
            return error(400, NOT_TEXT_CHANNEL, "Cannot send messages in a non-text channel")
        body, uploads = await read_body(request)
        if problems := message_problems(body, has_files=bool(uploads)):
            return self.reject(request, problems)
        nonce = (cid, str(body.get("nonce"))) if body.get("enforce_nonce") else None
        if nonce in self.world.nonces and self.world.nonces[nonce] in self.world.messages:
            return reply(self.world.messages[self.world.nonces[nonce]])  # a resend: not again
        message = self.world.create_message(cid, self.world.bot_user, body, uploads)
        if nonce is not None:
            self.world.nonces[nonce] = int(message["id"])
        self.world.record_raw(int(message["id"]), body)
        await self.echo("MESSAGE_CREATE", message)
        return reply(message)

    async def start_thread(self, request: web.Request) -> web.Response:
        """`ForumChannel.create_thread` (a forum post: the thread and its first message, both
        with one id) or `TextChannel.create_thread` (a thread without a message)."""
        channel = self.world.channels.get(int(request.match_info["cid"]))
        if channel is None:
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel")
        body, uploads = await read_body(request)
        forum = channel["type"] == p.GUILD_FORUM
        if problems := thread_problems(body, forum=forum, has_files=bool(uploads)):
            return self.reject(request, problems)
        archive = body.get("auto_archive_duration") or channel["default_auto_archive_duration"]
        kind = p.PUBLIC_THREAD if forum else int(body.get("type") or p.PRIVATE_THREAD)
        if not forum:
            thread = self.world.start_thread(int(channel["id"]), body["name"], kind, archive)
            await self.echo_thread(thread)
            return reply(thread, 201)
        thread_id = self.world.ids.next()
        message = self.world.create_message(
            thread_id, self.world.bot_user, body["message"], uploads, thread_id
        )
        self.world.record_raw(thread_id, body["message"])
        thread = self.world.start_thread(int(channel["id"]), body["name"], kind, archive, thread_id)
        await self.echo_thread(thread)
        await self.echo("MESSAGE_CREATE", message)
        return reply({**thread, "message": message}, 201)

    async def start_thread_from_message(self, request: web.Request) -> web.Response:
        """`Message.create_thread`: a public thread under a message, with the message's id;
        Discord refuses a second thread on one message."""
        message = self._message(request)
        channel = self.world.channels.get(int(request.match_info["cid"]))
        if message is None or channel is None:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        body, _ = await read_body(request)
        if problems := thread_problems(body, forum=False):
            return self.reject(request, problems)
        if int(message["id"]) in self.world.threads:
            return error(400, THREAD_EXISTS, "A thread has already been created for this message")
        archive = body.get("auto_archive_duration") or channel["default_auto_archive_duration"]
        thread = self.world.start_thread(
            int(channel["id"]), body["name"], p.PUBLIC_THREAD, archive, int(message["id"])
        )
        await self.echo_thread(thread)
        await self.echo("MESSAGE_UPDATE", message)
        return reply(thread, 201)

    async def echo_thread(self, thread: Json) -> None:
        """THREAD_CREATE, as Discord sends it to the thread's creator."""
        if self.gateway.session is not None:
            await self.gateway.dispatch("THREAD_CREATE", {**thread, "newly_created": True})

    async def list_messages(self, request: web.Request) -> web.Response:
        """Channel history, newest first, honouring `limit`."""
        cid = request.match_info["cid"]
        found = [m for m in self.world.messages.values() if m["channel_id"] == cid]
        limit = int(request.query.get("limit", 50))
        return reply(sorted(found, key=lambda m: int(m["id"]), reverse=True)[:limit])

    def _message(self, request: web.Request) -> Json | None:
        """The message named by the path, if it exists in that channel."""
        message = self.world.messages.get(int(request.match_info["mid"]))
        if message is None or message["channel_id"] != request.match_info["cid"]:
            return None
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        """`channel.fetch_message`."""
        message = self._message(request)
        return reply(message) if message else error(404, UNKNOWN_MESSAGE, "Unknown Message")

    async def edit_message(self, request: web.Request) -> web.Response:
        """The bot edits one of its own messages."""
        message = self._message(request)
        if message is None:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        if message["author"]["id"] != str(self.world.bot_user.id):
            return error(403, CANNOT_EDIT_OTHERS, "Cannot edit a message authored by another user")
        body, uploads = await read_body(request)
        if problems := message_problems(body, has_files=bool(uploads), editing=True):
            return self.reject(request, problems)
        edited = self.world.edit_message(int(message["id"]), body, uploads)
        self.world.record_raw(int(message["id"]), body)
        await self.echo("MESSAGE_UPDATE", edited)
        return reply(edited)

    async def delete_message(self, request: web.Request) -> web.Response:
        """The bot deletes a message."""
        message = self._message(request)
        if message is None:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        del self.world.messages[int(message["id"])]
        self.world.notify()
        return no_content()

    async def add_reaction(self, request: web.Request) -> web.Response:
        """`message.add_reaction(emoji)`."""
        return self._react(request, add=True)

    async def remove_reaction(self, request: web.Request) -> web.Response:
        """`message.remove_reaction(emoji, bot.user)`."""
        return self._react(request, add=False)

    def _react(self, request: web.Request, *, add: bool) -> web.Response:
        """Record the bot's reaction change on an existing message."""
        message = self._message(request)
        if message is None:
            return error(404, UNKNOWN_MESSAGE, "Unknown Message")
        emoji = unquote(request.match_info["emoji"])
        self.world.react(int(message["id"]), emoji, add=add)
        return no_content()

    async def get_guild(self, request: web.Request) -> web.Response:
        """The guild (without members, as REST returns it)."""
        guild = self.world.guild()
        return reply({k: v for k, v in guild.items() if k not in ("members", "channels")})

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        """The guild's channels."""
        return reply(list(self.world.channels.values()))

    async def get_guild_roles(self, request: web.Request) -> web.Response:
        """The guild's roles."""
        return reply(list(self.world.roles.values()))

    async def get_member(self, request: web.Request) -> web.Response:
        """A member by user id (`guild.fetch_member`)."""
        uid = int(request.match_info["uid"])
        users = [self.world.bot_user, *self.world.users.values()]
        found = next((u for u in users if u.id == uid), None)
        if found is None:
            return error(404, 10007, "Unknown Member")
        return reply(p.member_payload(found))

    async def get_attachment(self, request: web.Request) -> web.Response:
        """Serve an uploaded file, so the bot can download what users attach."""
        data = self.world.files.get(int(request.match_info["aid"]))
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, content_type="application/octet-stream")
