"""Delivering the outbox: the bot process that owns a guild tells it what the outbox holds.

Cogs register a handler per kind (`handle` in cog_load, `forget` in cog_unload); while any is
registered a loop claims undelivered rows of those kinds for this process's guilds, hands each to
its handler and stamps it delivered. It polls every couple of seconds and wakes at once on
`notify()` (this process's own queue worker finished a job). Rows about one chat message are
delivered one after another, in order; different messages at the same time. A handler that
raises `Undeliverable` gives the row up, with the reason; `RetryLater` (Discord answered 5xx)
leaves it for a later attempt, with pauses growing to five minutes, for about an hour; any other
error retries it later, a few times.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Hashable
from datetime import timedelta

from storage.outbox import INGEST_OUTCOME, OutboxItem, OutboxRepository, Shards

__all__ = [  # cogs take the records from here: they import nothing from storage
    "INGEST_OUTCOME",
    "OutboxDeliverer",
    "OutboxItem",
    "RetryLater",
    "Shards",
    "Undeliverable",
]

log = logging.getLogger(__name__)

Handler = Callable[[OutboxItem], Awaitable[None]]
POLL_SECONDS = 2.0
BATCH = 10
MAX_ATTEMPTS = 5
MAX_TRANSIENT_ATTEMPTS = 20  # a Discord outage: 4 s, 8 s, … 5 min apart, about an hour in all
MAX_PAUSE = timedelta(minutes=5)
PRUNE_SECONDS = 3600.0


class Undeliverable(Exception):  # noqa: N818  # a verdict on the row, not a failure of ours
    """The target is gone or closed to the bot (deleted channel, no permission): give up.

    `reported`: the handler has already said why (one warning per closed channel), so giving up
    each row is not another warning."""

    def __init__(self, reason: str, *, reported: bool = False) -> None:
        super().__init__(reason)
        self.reported = reported


class RetryLater(Exception):  # noqa: N818  # a verdict on the attempt, not a bug
    """The target was there but Discord failed for a moment (5xx): deliver the row again later."""


class OutboxDeliverer:
    """The delivery loop of one bot process over the shared outbox."""

    def __init__(
        self,
        repo: OutboxRepository,
        *,
        shards: Callable[[], Shards | None] = lambda: None,
        ready: Callable[[], Awaitable[object]] | None = None,
        poll: float = POLL_SECONDS,
        batch: int = BATCH,
    ) -> None:
        self.repo = repo
        self._shards = shards
        self._ready = ready
        self._poll = poll
        self._batch = batch
        self._handlers: dict[str, Handler] = {}
        self._held: set[int] = set()  # claimed here and not yet delivered or handed back
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._delivering = False  # past the wait for the gateway: stopping lets a batch finish
        self._stopping = False

    def handle(self, kind: str, handler: Handler) -> None:
        """Deliver rows of `kind` with `handler`; starts the loop (call it from cog_load)."""
        self._handlers[kind] = handler
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(), name="outbox-delivery")
        self.notify()

    async def forget(self, kind: str) -> None:
        """Stop delivering `kind`; the loop stops with the last kind (call it from cog_unload)."""
        self._handlers.pop(kind, None)
        if not self._handlers:
            await self.stop()

    def notify(self) -> None:
        """Something was written to the outbox: look now rather than at the next poll."""
        self._wake.set()

    async def stop(self, grace: float = 3.0) -> None:
        """Let a delivery in flight finish for up to `grace` seconds, then hand back the rest."""
        task, self._task = self._task, None
        if task is not None:
            self._stopping = True
            self._wake.set()
            if self._delivering:
                await asyncio.wait({task}, timeout=grace)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self._stopping = self._delivering = False
        held, self._held = list(self._held), set()
        try:
            await self.repo.release(held)
        except Exception:  # the database may be gone at shutdown: the lease frees them later
            log.warning("could not hand back outbox rows %s", held, exc_info=True)

    async def deliver_due(self) -> int:
        """Claim one batch for this process's guilds and deliver it; returns how many."""
        if not self._handlers:
            return 0
        items = await self.repo.claim(list(self._handlers), self._shards(), limit=self._batch)
        self._held.update(item.id for item in items)
        groups: dict[Hashable, list[OutboxItem]] = {}
        for item in items:
            groups.setdefault(item.message_id or ("row", item.id), []).append(item)
        await asyncio.gather(*(self._deliver_in_order(group) for group in groups.values()))
        return len(items)

    async def _loop(self) -> None:
        """Deliver until stopped: at once after a full batch, else after a wake-up or a poll."""
        if self._ready is not None:
            await self._ready()
        self._delivering = True
        loop = asyncio.get_running_loop()
        next_prune = loop.time()
        while not self._stopping:
            self._wake.clear()
            try:
                delivered = await self.deliver_due()
                if loop.time() >= next_prune:
                    next_prune = loop.time() + PRUNE_SECONDS
                    await self.repo.prune()
            except Exception:  # the database may be away for a moment: keep the loop alive
                log.exception("delivering the outbox failed; trying again shortly")
                delivered = 0
            if delivered < self._batch and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self._poll)

    async def _deliver_in_order(self, items: list[OutboxItem]) -> None:
        for item in items:
            await self._deliver(item)

    async def _deliver(self, item: OutboxItem) -> None:
        """Hand one row to its handler; stamp it delivered, given up, or due for a retry."""
        handler = self._handlers.get(item.kind)
        try:
            if handler is None:
                raise RuntimeError(f"nobody delivers {item.kind} here any more")
            await handler(item)
        except Undeliverable as exc:
            level = logging.INFO if exc.reported else logging.WARNING
            log.log(level, "giving up outbox row %s (%s): %s", item.id, item.kind, exc)
            await self.repo.give_up(item.id, str(exc)[:500])
        except RetryLater as exc:  # Discord's hiccup, not our bug: one line, no traceback
            log.warning("outbox row %s (%s) not delivered: %s", item.id, item.kind, exc)
            await self._again(item, str(exc)[:500], MAX_TRANSIENT_ATTEMPTS)
        except Exception as exc:
            log.exception("delivering outbox row %s (%s) failed", item.id, item.kind)
            await self._again(item, f"{type(exc).__name__}: {exc}"[:500], MAX_ATTEMPTS)
        else:
            if not await self.repo.delivered(item.id):
                log.warning("outbox row %s was delivered after its lease ran out", item.id)
        self._held.discard(item.id)

    async def _again(self, item: OutboxItem, reason: str, attempts: int) -> None:
        """A failed attempt: try the row again after a growing pause, or give it up at last."""
        if item.attempts + 1 >= attempts:
            log.warning("giving up outbox row %s after %d attempts", item.id, attempts)
            await self.repo.give_up(item.id, reason)
            return
        delay = min(timedelta(seconds=self._poll * 2 ** (item.attempts + 1)), MAX_PAUSE)
        await self.repo.retry_later(item.id, reason, delay)
