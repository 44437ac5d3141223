"""`FakeDiscord`: a local Discord (REST + gateway) on 127.0.0.1 that the real discord.py drives.

Tests start it with `async with FakeDiscord() as fake`, point discord.py at `fake.api_base` and
`fake.gateway_url` (see `tests.fake_discord.patching`), run a bot with `fake.token`, and then act
as Discord's users: slash commands, autocomplete, button clicks, posted and edited messages.
Every wait is bounded; a timeout names what was awaited and any routes the fake did not know.
A test may make Discord flaky (`fail_next`: 429s and 5xx) or close a channel to the bot (`deny`);
every refusal is recorded, and `check_refusals` fails on one the test neither scripted nor
declared (`expect_refusal`).
"""

# ruff: noqa: ASYNC109
# (a per-call timeout is this test API's contract: every wait names its own bound)

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from tests.fake_discord import interactions as ix
from tests.fake_discord import payloads as p
from tests.fake_discord.faults import Faults, Gatekeeper, Refusal, permission_bits
from tests.fake_discord.gateway import Gateway
from tests.fake_discord.interactions import InteractionResult
from tests.fake_discord.observe import BotActivity
from tests.fake_discord.payloads import FakeUser, Json
from tests.fake_discord.rest import Rest, error
from tests.fake_discord.state import Upload, World
from tests.fake_discord.webhooks import Webhooks

API_PREFIX = "/api/v10"
FAKE_TOKEN = "fake-bot-token"  # noqa: S105 - not a secret: the fake's own test token
Attachment = tuple[str, bytes] | tuple[str, bytes, str]


class FakeDiscord(BotActivity):
    """One guild (#news, #links; alice, and erin of the Editors role) and the bot's application."""

    def __init__(
        self, *, token: str = FAKE_TOKEN, interaction_deadline: float = 3.0, timeout: float = 10.0
    ) -> None:
        self.token = token
        self.timeout = timeout
        self.world = World(token, lambda: self.origin)
        self.port = 0
        self.interaction_deadline = interaction_deadline  # Discord's window; a test may shorten it
        self._runner: web.AppRunner | None = None
        self.gateway = Gateway(self.world, resume_url="")
        self.faults = Faults()

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
        gate = Gatekeeper(self.world, self.faults, API_PREFIX)
        app = web.Application(middlewares=[gate.middleware])
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        window = lambda: self.interaction_deadline  # noqa: E731 (read per callback)
        app.add_routes(Webhooks(self.world, self.gateway, window).routes(API_PREFIX))
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

    def add_user(
        self, name: str, roles: Sequence[str] = (), permissions: int = 0, *, bot: bool = False
    ) -> FakeUser:
        """Add a member (`bot`: another bot) before the bot connects (after, interactions
        still carry the member)."""
        role_ids = tuple(self.world.role_id(r) for r in roles)
        return self.world.add_user(name, role_ids, permissions, bot=bot)

    def add_role(self, name: str, permissions: int = 0) -> int:
        """Add a role (before the bot connects, so GUILD_CREATE carries it)."""
        return self.world.add_role(name, permissions)

    def add_channel(self, name: str) -> int:
        """Add a text channel (before the bot connects, so GUILD_CREATE carries it)."""
        return self.world.add_channel(name)

    def add_forum(self, name: str) -> int:
        """Add a forum channel, whose posts are threads (before the bot connects)."""
        return self.world.add_channel(name, p.GUILD_FORUM)

    def channel_id(self, name: str = "news") -> int:
        """A text (or forum) channel's id by name."""
        return self.world.channel_id(name)

    def role_id(self, name: str) -> int:
        """A role's id by name."""
        return self.world.role_id(name)

    # -- a flaky world ---------------------------------------------------------------------
    def fail_next(
        self,
        route: str,
        status: int = 429,
        *,
        retry_after: float = 0.2,
        times: int = 1,
        global_: bool = False,
    ) -> None:
        """The next `times` requests to `route` (`"POST /channels/*/messages"`) fail: 429 rate
        limited for `retry_after` s (per route, or `global_`), or 500/502/503/504. discord.py
        retries 429s and 500/502/504 itself; 503 reaches the bot as DiscordServerError."""
        self.faults.fail_next(route, status, times, retry_after, global_)

    async def deny(self, channel_id: int, permission: str | int) -> None:
        """Deny the bot a permission (`"send_messages"`, `"add_reactions"`, `"view_channel"`…)
        in a channel, as a member overwrite sent in CHANNEL_UPDATE: requests needing it get
        Discord's 403 `{"code": 50013, "message": "Missing Permissions"}`."""
        await self._overwrite(channel_id, permission, deny=True)

    async def allow(self, channel_id: int, permission: str | int) -> None:
        """Lift a `deny`."""
        await self._overwrite(channel_id, permission, deny=False)

    async def _overwrite(self, channel_id: int, permission: str | int, *, deny: bool) -> None:
        channel = self.world.overwrite_for_bot(channel_id, permission_bits(permission), deny=deny)
        if self.gateway.session is not None:
            await self.dispatch("CHANNEL_UPDATE", channel)

    def expect_refusal(self, route: str, status: int | None = None) -> None:
        """Declare that this test makes the fake refuse `route` (with `status`, or any), so the
        teardown check does not fail it."""
        self.faults.expect(route, status)

    @property
    def refusals(self) -> list[Refusal]:
        """Every request the fake refused (4xx or 5xx), in order, scripted or not."""
        return list(self.faults.refusals)

    def check_refusals(self) -> None:
        """Fail when the fake refused a request nobody scripted or declared (fixture teardown)."""
        if unexpected := self.faults.unexpected():
            listed = "\n  ".join(str(refusal) for refusal in unexpected)
            raise AssertionError(
                f"fake Discord refused {len(unexpected)} request(s) the test did not expect "
                "(script them with fail_next or deny, or declare them with expect_refusal):"
                f"\n  {listed}"
            )

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
        """Invoke `/command [subcommand...]` and collect the response, edits and follow-ups.
        An attachment option takes `(filename, bytes[, content type])`: the fake stores the file,
        serves it, and sends it resolved, as Discord does with an uploaded file."""
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
        await self.dispatch("MESSAGE_CREATE", self._with_member(message))

    async def edit_message(self, message: Json, content: str) -> Json:
        """The member edits their message: MESSAGE_UPDATE with the whole message, as Discord
        sends it (new content, `edited_timestamp` set, `member` attached)."""
        edited = self.world.member_edit(int(message["id"]), content, None)
        await self.dispatch("MESSAGE_UPDATE", self._with_member(edited))
        return edited

    async def unfurl(self, message: Json, embeds: list[Json] | None = None) -> Json:
        """Discord unfurls a message's links: MESSAGE_UPDATE with the same content and new
        embeds, `edited_timestamp` untouched (nobody edited it)."""
        found = find_links_for_unfurl(message["content"])
        embeds = embeds if embeds is not None else [p.link_embed(url) for url in found]
        edited = self.world.member_edit(int(message["id"]), None, embeds)
        await self.dispatch("MESSAGE_UPDATE", self._with_member(edited))
        return edited

    def _with_member(self, message: Json) -> Json:
        """A copy of a member's message with the `member` Discord attaches to guild events."""
        author = next(u for u in self.world.users.values() if str(u.id) == message["author"]["id"])
        member = p.member_payload(author)
        del member["user"]
        return {**copy.deepcopy(message), "member": member}


def find_links_for_unfurl(content: str) -> list[str]:
    """The links Discord would make preview embeds for (not those in <angle brackets>)."""
    return re.findall(r"(?<!<)https?://[^\s<>]+", content)
