"""`FakeDiscord`: a local Discord (REST + gateway) on 127.0.0.1 that the real discord.py drives.

Tests start it with `async with FakeDiscord() as fake`, point discord.py at `fake.api_base` and
`fake.gateway_url` (see `tests.fake_discord.patching`), run a bot with `fake.token`, and then act
as Discord's users: slash commands, autocomplete, button clicks, posted messages. Every wait is
bounded; a timeout names what was awaited and any routes the fake did not know.
"""

# ruff: noqa: ASYNC109
# (a per-call timeout is this test API's contract: every wait names its own bound)

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from tests.fake_discord import interactions as ix
from tests.fake_discord import payloads as p
from tests.fake_discord.gateway import Gateway
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.payloads import FakeUser, Json
from tests.fake_discord.rest import Rest, error
from tests.fake_discord.state import Upload, World
from tests.fake_discord.webhooks import Webhooks

API_PREFIX = "/api/v10"
FAKE_TOKEN = "fake-bot-token"  # noqa: S105 - not a secret: the fake's own test token
Attachment = tuple[str, bytes] | tuple[str, bytes, str]


class FakeDiscord:
    """One guild (#news, #links; alice, and erin of the Editors role) and the bot's application."""

    def __init__(
        self, *, token: str = FAKE_TOKEN, interaction_deadline: float = 3.0, timeout: float = 10.0
    ) -> None:
        self.token = token
        self.timeout = timeout
        self.world = World(token, lambda: self.origin)
        self.port = 0
        self._deadline = interaction_deadline
        self._runner: web.AppRunner | None = None
        self.gateway = Gateway(self.world, resume_url="")

    # -- lifecycle -------------------------------------------------------------------------
    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Serve on an ephemeral port of 127.0.0.1."""
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        app.add_routes(Webhooks(self.world, self.gateway, self._deadline).routes(API_PREFIX))
        app.add_routes(Rest(self.world, self.gateway, lambda: self.gateway_url).routes(API_PREFIX))
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.gateway.resume_url = f"ws://127.0.0.1:{self.port}/resume"

    async def stop(self) -> None:
        """Close the bot's sockets and the server."""
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def origin(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """The REST base to give `point_discord_at` (Discord's is `https://discord.com/api/v10`)."""
        return self.origin + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """The gateway URL to give `point_discord_at`; READY hands out `/resume` for resuming."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Log every request and check the bot token where Discord checks it."""
        self.world.requests.append((request.method, request.path))
        path = request.path
        token_routes = (API_PREFIX + "/interactions/", API_PREFIX + "/webhooks/")
        needs_bot_token = path.startswith(API_PREFIX) and not path.startswith(token_routes)
        if needs_bot_token and request.headers.get("Authorization") != f"Bot {self.token}":
            return error(401, 0, "401: Unauthorized")
        return await handler(request)

    async def _unknown(self, request: web.Request) -> web.Response:
        """Catch-all: record the route so a test can see what the fake is missing."""
        self.world.unknown_routes.append((request.method, request.path))
        self.world.notify()
        return error(404, 0, "404: Not Found")

    # -- the guild ------------------------------------------------------------------------
    @property
    def guild_id(self) -> int:
        """The one guild's id."""
        return self.world.guild_id

    @property
    def bot_user(self) -> FakeUser:
        """The bot's own user."""
        return self.world.bot_user

    def user(self, name: str = "alice") -> FakeUser:
        """A member by name: `alice` (plain member) or `erin` (Editors, Manage Server)."""
        return self.world.users[name]

    def add_user(self, name: str, roles: Sequence[str] = (), permissions: int = 0) -> FakeUser:
        """Add a member before the bot connects (after, interactions still carry the member)."""
        role_ids = tuple(self.world.role_id(r) for r in roles)
        return self.world.add_user(name, role_ids, permissions)

    def add_role(self, name: str, permissions: int = 0) -> int:
        """Add a role (before the bot connects, so GUILD_CREATE carries it)."""
        return self.world.add_role(name, permissions)

    def add_channel(self, name: str) -> int:
        """Add a text channel (before the bot connects, so GUILD_CREATE carries it)."""
        return self.world.add_channel(name)

    def channel_id(self, name: str = "news") -> int:
        """A text channel's id by name."""
        return self.world.channel_id(name)

    def role_id(self, name: str) -> int:
        """A role's id by name."""
        return self.world.role_id(name)

    # -- gateway ---------------------------------------------------------------------------
    async def wait_ready(self, count: int = 1, *, timeout: float | None = None) -> None:
        """Wait until the bot has identified `count` times in all (2 after a restart, …) and the
        latest session has been sent READY and GUILD_CREATE. The bot's own `on_ready` follows
        after its `guild_ready_timeout` (2 s by default; tests may lower it)."""

        def ready() -> bool:
            session = self.gateway.session
            return len(self.gateway.sessions) >= count and session is not None and session.seq >= 2

        await self._wait(ready, timeout, f"READY number {count}")

    @property
    def identify(self) -> Json:
        """The bot's IDENTIFY payload (intents, properties), for assertions."""
        if self.gateway.session is None:
            raise RuntimeError("the bot has not identified")
        return self.gateway.session.identify

    async def dispatch(self, event: str, data: Json) -> None:
        """Send any gateway event to the bot."""
        await self.gateway.dispatch(event, data)

    async def disconnect_bot(
        self, code: int = 4000, *, wait: bool = True, timeout: float | None = None
    ) -> None:
        """Drop the bot's websocket from our side; unless `wait=False`, wait until it RESUMEs.

        Events dispatched while the bot is away are kept and replayed on RESUME, as Discord does.
        """
        before = await self.gateway.disconnect(code)
        if wait:
            await self.wait_resumed(before + 1, timeout=timeout)

    async def wait_resumed(self, count: int = 1, *, timeout: float | None = None) -> None:
        """Wait until the session has been resumed `count` times in all."""

        def resumed() -> bool:
            session = self.gateway.session
            return bool(session and session.resumes >= count and session.connection)

        await self._wait(resumed, timeout, f"RESUME number {count}")

    @property
    def resumes(self) -> int:
        """How many times the current session was resumed."""
        return self.gateway.session.resumes if self.gateway.session else 0

    @property
    def connections(self) -> list[tuple[str, dict[str, str]]]:
        """Each websocket the bot opened: path (`/gateway` or `/resume`) and query."""
        return [(c.path, c.query) for c in self.gateway.connections]

    # -- acting as users -------------------------------------------------------------------
    async def slash(
        self,
        command: str,
        options: dict[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel_id: int | None = None,
        timeout: float | None = None,
        settle: float = 0.2,
    ) -> InteractionResult:
        """Invoke `/command [subcommand...]` and collect the response, edits and follow-ups."""
        user = user or self.user()
        name, *path = command.split()
        found = ix.find_command(self.world, name)
        ix.check_visible(self.world, found, user)
        data = ix.command_data(self.world, found, path, options or {}, focused=None)
        record = await self._interact(ix.APPLICATION_COMMAND, user, data, channel_id, None)
        return await self._collect(record, f"/{command}", timeout, settle)

    async def autocomplete(
        self,
        command: str,
        options: dict[str, Any],
        focused: str,
        *,
        user: FakeUser | None = None,
        timeout: float | None = None,
    ) -> list[Json]:
        """Type into option `focused` of `/command`; returns the choices the bot offered."""
        user = user or self.user()
        name, *path = command.split()
        found = ix.find_command(self.world, name)
        data = ix.command_data(self.world, found, path, options, focused=focused)
        record = await self._interact(ix.AUTOCOMPLETE, user, data, None, None)
        result = await self._collect(record, f"autocomplete for /{command} {focused}", timeout, 0)
        return result.choices

    async def click(
        self,
        message: Json | int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        values: list[str] | None = None,
        timeout: float | None = None,
        settle: float = 0.2,
    ) -> InteractionResult:
        """Click a button (or pick `values` in a select) on a message as it stands now."""
        mid = message if isinstance(message, int) else int(message["id"])
        current = self.world.messages[mid]
        component = ix.find_component(current, custom_id)
        if component.get("disabled"):
            raise PermissionError(f"component {custom_id!r} is disabled; Discord would not send it")
        data: Json = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None:
            data["values"] = values
        channel_id = int(current["channel_id"])
        record = await self._interact(ix.COMPONENT, user or self.user(), data, channel_id, current)
        record.original_message_id = mid
        return await self._collect(record, f"click on {custom_id!r}", timeout, settle)

    async def _interact(
        self, kind: int, user: FakeUser, data: Json, channel_id: int | None, message: Json | None
    ) -> ix.InteractionRecord:
        """Register and dispatch one INTERACTION_CREATE."""
        now = asyncio.get_running_loop().time()
        record = ix.new_record(self.world, kind, channel_id or self.channel_id(), now)
        if message is not None:
            record.original_message_id = int(message["id"])
        await self.dispatch(
            "INTERACTION_CREATE", ix.interaction_payload(self.world, record, user, data, message)
        )
        return record

    async def _collect(
        self, record: ix.InteractionRecord, what: str, timeout: float | None, settle: float
    ) -> InteractionResult:
        """Wait for the callback, for the answer to a deferral, then for `settle` quiet seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (timeout or self.timeout)
        await self._wait(lambda: record.callback, deadline - loop.time(), f"a response to {what}")
        if record.callback and record.callback["type"] == 5:
            answered = lambda: record.edits or record.followup_ids  # noqa: E731
            await self._wait(answered, deadline - loop.time(), f"the deferred answer to {what}")
        # Quiet is the absence of events, so there is no event to wait on: sleep it out.
        while (quiet := loop.time() - record.last_activity) < settle and loop.time() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(settle - quiet)
        return InteractionResult(record, self.world)

    async def post_message(
        self,
        channel_id: int,
        content: str = "",
        *,
        attachments: Sequence[Attachment] = (),
        user: FakeUser | None = None,
    ) -> Json:
        """A member posts a message (attachments as (filename, bytes[, content type]))."""
        author = user or self.user()
        uploads = [
            Upload(i, a[0], a[1], a[2] if len(a) > 2 else None) for i, a in enumerate(attachments)
        ]
        message = self.world.create_message(channel_id, author, {"content": content}, uploads)
        await self.redeliver(message)
        return message

    async def redeliver(self, message: Json) -> None:
        """Send MESSAGE_CREATE for a stored message (again): Discord may deliver twice."""
        author = next(u for u in self.world.users.values() if str(u.id) == message["author"]["id"])
        member = p.member_payload(author)
        del member["user"]
        await self.dispatch("MESSAGE_CREATE", {**message, "member": member})

    # -- what the bot did ------------------------------------------------------------------
    def sent_messages(self, channel_id: int) -> list[Json]:
        """The bot's messages in a channel (sends, replies, interaction responses), oldest first."""
        mine = str(self.world.bot_user.id)
        found = [
            m
            for m in self.world.messages.values()
            if m["channel_id"] == str(channel_id) and m["author"]["id"] == mine
        ]
        return sorted(found, key=lambda m: int(m["id"]))

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
