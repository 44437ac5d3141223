"""Faults a test scripts (rate limits, server errors, denied permissions) and every refusal made.

Discord answers a flaky world with 429s and 5xx, and a channel closed to the bot with 403. A test
scripts those with `fail_next` and `deny`; everything the fake refuses is recorded, and a refusal
nobody scripted or declared (`expect_refusal`) fails the test at teardown: a request the fake
refused because it was invalid is a bug the real Discord would answer the same way.

Routes are written as Discord's docs write them, below the API prefix: `"POST /channels/*/messages"`
(`*` is one path segment, `**` any number; the method may be left out).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fake_discord import payloads as p
from tests.fake_discord.state import World

MISSING_PERMISSIONS = 50013
SERVER_ERRORS = {
    500: "500: Internal Server Error",
    502: "502: Bad Gateway",
    503: "503: Service Unavailable",
    504: "504: Gateway Timeout",
}
PERMISSIONS = {
    "view_channel": p.VIEW_CHANNEL,
    "send_messages": p.SEND_MESSAGES,
    "add_reactions": p.ADD_REACTIONS,
    "attach_files": p.ATTACH_FILES,
    "read_message_history": p.READ_MESSAGE_HISTORY,
    "create_public_threads": p.CREATE_PUBLIC_THREADS,
    "send_messages_in_threads": p.SEND_MESSAGES_IN_THREADS,
}
_CHANNEL_ROUTE = re.compile(r"/channels/(\d+)(/.*)?$")
_REACTION = re.compile(r"/messages/\d+/reactions/[^/]+/@me$")


def route_matcher(route: str) -> re.Pattern[str]:
    """`"POST /channels/*/messages"` as a regex over `"METHOD /path"`; no method: any."""
    method, _, path = route.partition(" ") if " " in route else ("", "", route)
    parts = [
        "[^/]*" if part == "*" else ".*" if part == "**" else re.escape(part)
        for part in re.split(r"(\*\*|\*)", path)
    ]
    head = re.escape(method.upper()) if method else "[A-Z]+"
    return re.compile(f"{head} {''.join(parts)}")


def permission_bits(permission: str | int) -> int:
    """A permission by its discord.py name (`"send_messages"`) or its bit."""
    if isinstance(permission, int):
        return permission
    try:
        return PERMISSIONS[permission]
    except KeyError:
        raise ValueError(
            f"the fake cannot deny {permission!r} (knows {sorted(PERMISSIONS)})"
        ) from None


@dataclass(frozen=True)
class Refusal:
    """A request the fake answered with 4xx or 5xx: what, how, why, and whether it was scripted."""

    method: str
    path: str
    status: int
    reason: str
    scripted: bool

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status} ({self.reason})"


@dataclass
class ScriptedFault:
    """The next `times` requests matching `route` fail with `status`."""

    route: str
    status: int
    times: int
    retry_after: float
    global_: bool
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.pattern = route_matcher(self.route)


def _json(
    status: int, body: dict[str, object], headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON body with the exact Content-Type discord.py compares against."""
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def rate_limited(retry_after: float, *, global_: bool, bucket: str) -> web.Response:
    """A 429 as Discord sends it: body `retry_after`/`global`, the X-RateLimit-* headers, and
    the `Via` header discord.py looks for (without it a 429 means Cloudflare banned the bot)."""
    headers = {
        "Retry-After": str(max(1, round(retry_after + 0.5))),
        "X-RateLimit-Scope": "global" if global_ else "user",
        "Via": "1.1 google",
    }
    if global_:
        headers["X-RateLimit-Global"] = "true"
    else:
        headers |= {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Bucket": bucket,
        }
    body: dict[str, object] = {
        "message": "You are being rate limited.",
        "retry_after": retry_after,
        "global": global_,
    }
    if global_:
        body["code"] = 0
    return _json(429, body, headers)


def missing_permissions() -> web.Response:
    """Discord's answer to a request the bot's permissions in the channel do not allow."""
    return _json(403, {"code": MISSING_PERMISSIONS, "message": "Missing Permissions"})


def needed_permission(method: str, path: str, has_files: bool, kind: int = p.GUILD_TEXT) -> int:
    """The channel permission a channel route needs beyond seeing the channel (0: none), in a
    channel of type `kind`: a thread's messages need Send Messages in Threads, a forum post
    Send Messages, any other new thread Create Public Threads.

    A reply's Read Message History is not checked: that needs the body, which only the route's
    handler may read (aiohttp reads a request body once)."""
    files = p.ATTACH_FILES if has_files else 0
    if method == "POST" and path.endswith("/messages"):
        return (p.SEND_MESSAGES_IN_THREADS if kind in p.THREAD_TYPES else p.SEND_MESSAGES) | files
    if method == "POST" and path.endswith("/threads"):  # a thread from a message, or not
        return (p.SEND_MESSAGES if kind == p.GUILD_FORUM else p.CREATE_PUBLIC_THREADS) | files
    if method == "PUT" and _REACTION.search(path):
        return p.ADD_REACTIONS
    return 0


def channel_of(path: str) -> int | None:
    """The channel id a `/channels/{id}/…` path names."""
    match = _CHANNEL_ROUTE.match(path)
    return int(match.group(1)) if match else None


class Faults:
    """The scripted faults, the declared refusals, and the log of every refusal made."""

    def __init__(self) -> None:
        self.scripted: list[ScriptedFault] = []
        self.expected: list[tuple[re.Pattern[str], int | None]] = []
        self.refusals: list[Refusal] = []

    def fail_next(
        self, route: str, status: int, times: int, retry_after: float, global_: bool
    ) -> None:
        """Script `times` failures of `route`."""
        if status != 429 and status not in SERVER_ERRORS:
            raise ValueError(f"fail_next scripts 429 or {sorted(SERVER_ERRORS)}, not {status}")
        self.scripted.append(ScriptedFault(route, status, times, retry_after, global_))

    def scripted_answer(self, method: str, path: str) -> web.Response | None:
        """The scripted failure for this request, if one is still due (it is used up)."""
        for fault in self.scripted:
            if fault.times > 0 and fault.pattern.fullmatch(f"{method} {path}"):
                fault.times -= 1
                if fault.status == 429:
                    bucket = f"fake-{abs(hash(fault.route)) % 10**8:08d}"
                    return rate_limited(fault.retry_after, global_=fault.global_, bucket=bucket)
                return _json(fault.status, {"code": 0, "message": SERVER_ERRORS[fault.status]})
        return None

    def pending(self) -> list[ScriptedFault]:
        """Scripted failures not yet used up."""
        return [fault for fault in self.scripted if fault.times > 0]

    def expect(self, route: str, status: int | None) -> None:
        """Declare refusals of `route` (with `status`, or any) as part of the test."""
        self.expected.append((route_matcher(route), status))

    def record(self, method: str, path: str, status: int, reason: str, *, scripted: bool) -> None:
        """Log one refusal."""
        self.refusals.append(Refusal(method, path, status, reason, scripted))

    def unexpected(self) -> list[Refusal]:
        """Refusals nobody scripted or declared (declarations count whenever they were made)."""
        return [r for r in self.refusals if not r.scripted and not self._declared(r)]

    def _declared(self, refusal: Refusal) -> bool:
        request = f"{refusal.method} {refusal.path}"
        return any(
            pattern.fullmatch(request) and status in (None, refusal.status)
            for pattern, status in self.expected
        )


class Gatekeeper:
    """The fake's middleware: logs every request, checks the bot token where Discord checks it,
    answers the faults a test scripted, and records every refusal (scripted ones as expected)."""

    def __init__(self, world: World, faults: Faults, api_prefix: str) -> None:
        self.world = world
        self.faults = faults
        self.prefix = api_prefix

    @web.middleware
    async def middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Run one request through the checks above, then the route's handler."""
        self.world.requests.append((request.method, request.path))
        method, route = request.method, request.path.removeprefix(self.prefix)
        token_routes = (self.prefix + "/interactions/", self.prefix + "/webhooks/")
        needs_token = request.path.startswith(self.prefix + "/")
        needs_token = needs_token and not request.path.startswith(token_routes)
        if needs_token and request.headers.get("Authorization") != f"Bot {self.world.token}":
            response: web.StreamResponse = _json(401, {"code": 0, "message": "401: Unauthorized"})
        elif scripted := self._scripted(method, route, request.content_type):
            self._record(method, route, scripted.status, "scripted", scripted=True)
            return scripted
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:  # aiohttp's own refusals (405, 413, …)
                self._record(method, route, exc.status, exc.reason)
                raise
            except Exception:
                self._record(method, route, 500, "the fake itself crashed")
                raise
        if response.status >= 400:
            self._record(method, route, response.status, _reason(response))
        return response

    def _scripted(self, method: str, route: str, content_type: str) -> web.Response | None:
        """A fault the test scripted for this request, or the 403 of a denied permission."""
        if answer := self.faults.scripted_answer(method, route):
            return answer
        channel_id = channel_of(route)
        channel = self.world.channel(channel_id) if channel_id is not None else None
        if channel_id is None or channel is None:
            return None
        files = content_type.startswith("multipart/")
        needed = p.VIEW_CHANNEL | needed_permission(method, route, files, channel["type"])
        return missing_permissions() if self.world.denied_to_bot(channel_id) & needed else None

    def _record(
        self, method: str, route: str, status: int, reason: str, *, scripted: bool = False
    ) -> None:
        self.faults.record(method, route, status, reason, scripted=scripted)
        self.world.notify()


def _reason(response: web.StreamResponse) -> str:
    """The `message` of a Discord-style error body, for the refusal log."""
    body = getattr(response, "body", None)
    try:
        data = json.loads(body) if isinstance(body, bytes) else {}
    except ValueError:
        data = {}
    problems = [e["message"] for e in data.get("errors", {}).get("_errors", [])]
    message = str(data.get("message") or getattr(response, "reason", "") or "")
    return "; ".join([message, *problems])
