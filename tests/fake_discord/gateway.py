"""The fake gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay.

discord.py asks for `compress=zlib-stream` (or zstd-stream when a zstd module is installed) and
treats binary frames as compressed, text frames as plain JSON. The fake honours zlib-stream with
one shared compressor per connection, as Discord does, and sends text frames otherwise.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fake_discord import payloads as p
from tests.fake_discord.payloads import Json
from tests.fake_discord.state import World

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME = 0, 1, 2, 3, 6
REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 8, 9, 10, 11
AUTHENTICATION_FAILED = 4004


@dataclass
class Connection:
    """One websocket from the bot, and how to frame what we send on it."""

    ws: web.WebSocketResponse
    path: str
    query: dict[str, str]
    compressor: Any = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def send(self, payload: Json) -> None:
        """Send one gateway payload, zlib-stream compressed when the bot asked for it."""
        raw = json.dumps(payload)
        async with self.lock:
            if self.compressor is None:
                await self.ws.send_str(raw)
                return
            data = self.compressor.compress(raw.encode()) + self.compressor.flush(zlib.Z_SYNC_FLUSH)
            await self.ws.send_bytes(data)


@dataclass
class Session:
    """A gateway session: survives its connection so a RESUME can replay what was missed."""

    session_id: str
    identify: Json
    seq: int = 0
    log: list[Json] = field(default_factory=list)
    connection: Connection | None = None
    resumes: int = 0


class Gateway:
    """Serves the websocket endpoint(s) and keeps the sessions."""

    def __init__(self, world: World, resume_url: str, heartbeat_interval_ms: int = 41_250) -> None:
        self.world = world
        self.resume_url = resume_url
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.sessions: dict[str, Session] = {}
        self.session: Session | None = None
        self.connections: list[Connection] = []
        self.presences: list[Json] = []

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """aiohttp handler for both the gateway and the resume URL."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = Connection(ws, request.path, dict(request.query))
        if conn.query.get("compress") == "zlib-stream":
            conn.compressor = zlib.compressobj()
        self.connections.append(conn)
        self.world.notify()
        await conn.send({"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_payload(conn, json.loads(msg.data))
        finally:
            for session in self.sessions.values():
                if session.connection is conn:
                    session.connection = None
            self.world.notify()
        return ws

    async def _on_payload(self, conn: Connection, payload: Json) -> None:
        """Route one payload from the bot by opcode."""
        op, data = payload.get("op"), payload.get("d") or {}
        if op == HEARTBEAT:
            await conn.send({"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            await self._identify(conn, data)
        elif op == RESUME:
            await self._resume(conn, data)
        elif op == REQUEST_MEMBERS:
            await self._members_chunk(data)
        elif op == PRESENCE:
            self.presences.append(data)
        else:
            log.debug("fake gateway ignores op %s", op)

    async def _identify(self, conn: Connection, data: Json) -> None:
        """Check the token, start a session, send READY then the guild."""
        if data.get("token") != self.world.token:
            await conn.ws.close(code=AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        session = Session(secrets.token_hex(16), data, connection=conn)
        self.sessions[session.session_id] = session
        self.session = session
        world = self.world
        ready = {
            "v": 10,
            "user": p.user_payload(world.bot_user),
            "guilds": [{"id": str(world.guild_id), "unavailable": True}],
            "session_id": session.session_id,
            "resume_gateway_url": self.resume_url,
            "application": {"id": str(world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if "shard" in data:
            ready["shard"] = data["shard"]  # a sharded client asked for [shard_id, shard_count]
        await self.dispatch("READY", ready)
        await self.dispatch("GUILD_CREATE", world.guild())

    async def _resume(self, conn: Connection, data: Json) -> None:
        """Reattach a session: replay every event after the bot's last seq, then RESUMED."""
        session = self.sessions.get(data.get("session_id", ""))
        if session is None or data.get("token") != self.world.token:
            await conn.send({"op": INVALID_SESSION, "d": False})
            return
        session.connection = conn
        last_seq = data.get("seq") or 0
        for payload in session.log:
            if payload["s"] > last_seq:
                await conn.send(payload)
        session.resumes += 1
        await self.dispatch("RESUMED", {})

    async def _members_chunk(self, data: Json) -> None:
        """Answer REQUEST_GUILD_MEMBERS (sent when the members intent chunks the guild)."""
        members = [p.member_payload(u) for u in [self.world.bot_user, *self.world.users.values()]]
        chunk = {
            "guild_id": str(self.world.guild_id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
            "presences": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    async def dispatch(self, event: str, data: Json) -> None:
        """Send an event on the current session, or log it for replay if the bot is away."""
        session = self.session
        if session is None:
            raise RuntimeError(f"fake Discord: no gateway session to dispatch {event} on")
        session.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.log.append(payload)
        conn = session.connection
        if conn is not None and not conn.ws.closed:
            try:
                await conn.send(payload)
            except ConnectionError:
                log.debug("fake gateway: %s kept for replay, the socket went away", event)
        self.world.notify()

    async def disconnect(self, code: int) -> int:
        """Close the bot's socket from our side; returns the resume count to wait beyond."""
        session = self.session
        if session is None or session.connection is None:
            raise RuntimeError("fake Discord: the bot is not connected")
        resumes = session.resumes
        await session.connection.ws.close(code=code, message=b"fake Discord says reconnect")
        return resumes

    async def close_all(self) -> None:
        """Close every open socket so the server can stop promptly."""
        for conn in self.connections:
            if not conn.ws.closed:
                await conn.ws.close(code=1001, message=b"fake Discord stopping")
