"""The queue worker: works every runnable ingest job, from any source, until stopped.

Several loops share one IngestService; each claims a batch, works it (fetches and spaCy never
run on the event loop: the service uses threads for them) and reports each outcome to an async
callback. An empty queue puts the loops to sleep briefly; `notify()` wakes them at once when new
work is queued in this process. Stopping hands unfinished jobs back to the queue, so a restart
(or a worker on another machine) resumes them.

`drain()` (`--once`) works until no job is runnable: a claim that comes back empty because
another worker took those rows first is tried again while the queue still has runnable jobs.
Jobs a live worker elsewhere holds are that worker's; drain returns without them and says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.errors import AnalysisUnavailableError

if TYPE_CHECKING:
    from bot.services.ingest import IngestService, Outcome
    from storage.jobs import Backlog

log = logging.getLogger(__name__)

Report = Callable[["Outcome"], Awaitable[None]]
Looker = Callable[[], Awaitable["Backlog"]]
IDLE_SECONDS = 2.0
ERROR_PAUSE = 5.0
LOST_CLAIM_PAUSE = 0.2  # drain: runnable jobs were there but others claimed them first


class QueueWorker:
    """Bounded concurrency over the persistent queue: `loops` batches in flight at most."""

    def __init__(
        self,
        ingest: IngestService,
        on_outcome: Report,
        *,
        loops: int = 1,
        idle: float = IDLE_SECONDS,
        backlog: Looker | None = None,
    ) -> None:
        self._ingest = ingest
        self._backlog = backlog
        self._report = on_outcome
        self._loops = max(1, loops)
        self._idle = idle
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False

    @property
    def running(self) -> bool:
        """True between start() and stop()."""
        return bool(self._tasks) and not self._stopping

    def start(self) -> None:
        """Start the loops in the background (once)."""
        if self._tasks:
            return
        self._stopping = False
        self._tasks = [
            asyncio.create_task(self._loop(forever=True), name=f"ingest-worker-{n}")
            for n in range(self._loops)
        ]

    def notify(self) -> None:
        """New work was queued: wake sleeping loops now rather than at their next poll."""
        self._wake.set()

    async def stop(self, grace: float = 3.0) -> None:
        """Let batches in flight finish for up to `grace` seconds, then cancel and release them."""
        if not self._tasks:
            return
        self._stopping = True
        self._wake.set()
        _done, pending = await asyncio.wait(self._tasks, timeout=grace)
        for task in pending:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    async def serve(self) -> None:
        """Work the queue in the foreground until cancelled (`analyst worker`)."""
        await asyncio.gather(*(self._loop(forever=True) for _ in range(self._loops)))

    async def drain(self) -> Backlog | None:
        """Work until no job is runnable, with the same concurrency; then what is left, if known.

        Without a `backlog` look-up an empty claim ends the drain, as before.
        """
        await asyncio.gather(*(self._loop(forever=False) for _ in range(self._loops)))
        return None if self._backlog is None else await self._backlog()

    async def _runnable_left(self) -> bool:
        """Whether the queue still has runnable jobs although our claim came back empty."""
        if self._backlog is None:
            return False
        left = await self._backlog()
        if left.runnable:
            log.info("%s runnable jobs were claimed by others first; trying again", left.runnable)
        return left.runnable > 0

    async def _loop(self, *, forever: bool) -> None:
        """Claim and work batches; sleep when idle (forever) or return (drain)."""
        while not self._stopping:
            self._wake.clear()
            try:
                outcomes = await self._ingest.work_batch()
            except AnalysisUnavailableError as exc:  # no model: one line, not a traceback a turn
                log.error("the ingest worker cannot analyse: %s; pausing", exc.message)
                if not forever:
                    raise
                await self._sleep(ERROR_PAUSE)
                continue
            except Exception:  # the database may be away for a moment: keep the worker alive
                log.exception("the ingest worker could not claim jobs; pausing")
                if not forever:
                    raise
                await self._sleep(ERROR_PAUSE)
                continue
            if outcomes is None:
                if not forever and not await self._runnable_left():
                    return
                await self._sleep(self._idle if forever else LOST_CLAIM_PAUSE)
                continue
            for outcome in outcomes:
                await self._deliver(outcome)

    async def _sleep(self, seconds: float) -> None:
        """Wait for `notify()` or the timeout, whichever comes first."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)

    async def _deliver(self, outcome: Outcome) -> None:
        """Hand one outcome to the callback; its failure never stops the worker."""
        try:
            await self._report(outcome)
        except Exception:
            log.exception("reporting the outcome of job %s failed", outcome.job_id)
