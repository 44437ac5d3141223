"""A pool of analysis child processes: crashes and hangs cost one job, never the parent.

Why not `concurrent.futures.ProcessPoolExecutor` or `nlp.pipe(n_process=...)`: one dead child
breaks either whole pool (every pending future fails with BrokenProcessPool) without saying
which job killed it, and neither can stop a task that hangs. Here every child has its own pipe,
so the parent knows exactly which jobs a child holds when it dies (its sentinel fires) or
passes the per-article deadline (it is killed); those jobs are retried once each on their own
in a fresh child, then fail with a one-line reason, and the rest of the batch carries on.

Children are started with `spawn` (never `fork`: the parent has threads and an event loop),
load the model once, and are replaced after `max_articles` articles or when their resident
memory passes `max_rss_mib`, so a long-running bot or worker does not grow without limit.
Jobs go to children in small batches so `nlp.pipe` still batches; results stream back per job.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from bot.errors import AnalysisUnavailableError
from bot.services.analysis_child import ANALYSE, PREPARE, ChildOptions, serve
from bot.services.analysis_work import CRASHED, AnalysisTask, Prepared, Rejected, took_too_long
from bot.services.pipeline import PreparedArticle

log = logging.getLogger(__name__)

CHILD_BATCH = 4  # articles per request: nlp.pipe is as fast on 4 as on 16, and a crash costs less
START_TIMEOUT = 300.0  # loading the model on a busy machine
STOP_GRACE = 5.0

Dispatched = Callable[[int, tuple[int, ...]], None]


@dataclass(eq=False)
class _Item:
    op: str
    value: AnalysisTask | PreparedArticle
    job_id: int
    future: asyncio.Future[Prepared]
    retried: bool = False  # failed once with its child: now it runs alone, and once only


@dataclass(eq=False)
class _Child:
    """One live child and the parent's end of its pipe."""

    process: BaseProcess
    conn: Connection
    articles: int = 0
    resident_mib: float = 0.0
    busy: bool = False

    def send(self, request: object) -> None:
        self.conn.send(request)

    def receive(self, timeout: float) -> tuple[str, Any]:
        """The next message, ("dead", exit code) or ("timeout", None); blocks: run in a thread."""
        ready = wait([self.conn, self.process.sentinel], timeout)
        if self.conn in ready:
            with contextlib.suppress(EOFError, OSError):
                message: tuple[str, Any] = self.conn.recv()
                return message
        if not ready:
            return ("timeout", None)
        self.process.join(STOP_GRACE)
        return ("dead", self.process.exitcode)

    def kill(self) -> None:
        """Stop it now (it hung, or the pool closes) and reap it."""
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
            self.process.join(STOP_GRACE)
        self.conn.close()

    def stop(self) -> None:
        """Ask it to finish, and kill it if it does not within the grace period."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
            self.process.join(STOP_GRACE)
        if self.process.is_alive():
            self.kill()
        self.conn.close()


def _exit_reason(code: int | None) -> str:
    """How a child ended, for the log: a signal's name or the exit status."""
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exited with status {code}"


@dataclass
class PoolOptions:
    """How many children, and the limits each runs under."""

    processes: int
    timeout: float
    max_articles: int
    max_rss_mib: float
    child: ChildOptions
    on_dispatch: Dispatched | None = field(default=None, repr=False)


class ProcessAnalyzer:
    """Analyses jobs in child processes; `prepare` and `analyse` never raise for a bad page."""

    def __init__(self, options: PoolOptions) -> None:
        self._options = options
        self._context = multiprocessing.get_context("spawn")
        self._pending: deque[_Item] = deque()
        self._has_work: asyncio.Condition | None = None
        self._runners: list[asyncio.Task[None]] = []
        self._children: list[_Child | None] = [None] * max(1, options.processes)
        self._threads = ThreadPoolExecutor(len(self._children), "analysis-pipe")
        self._closed = False
        self.started = 0  # children started so far (replacements included)

    @property
    def holders(self) -> dict[int, int]:
        """Live children: pid -> articles analysed so far."""
        return {c.process.pid or 0: c.articles for c in self._children if c is not None}

    async def prepare(self, task: AnalysisTask) -> Prepared:
        """Cleaned and fingerprinted, or why not."""
        return await self._submit(PREPARE, task, task.job_id)

    async def analyse(self, prepared: PreparedArticle) -> Prepared:
        """Parsed and read (entities, quotes, events, terms), or why not."""
        return await self._submit(ANALYSE, prepared, prepared.job_id)

    async def close(self) -> None:
        """Stop every child and the runners; jobs still waiting are cancelled."""
        self._closed = True
        for runner in self._runners:
            runner.cancel()
        for runner in self._runners:
            with contextlib.suppress(asyncio.CancelledError):
                await runner
        self._runners = []
        for item in self._pending:
            item.future.cancel()
        self._pending.clear()
        children = [c for c in self._children if c is not None]
        self._children = [None] * len(self._children)
        # a busy child is killed: its jobs go back to the queue, and its pipe's waiting thread wakes
        await asyncio.gather(*(asyncio.to_thread(c.kill if c.busy else c.stop) for c in children))
        self._threads.shutdown(wait=False)

    async def _submit(
        self, op: str, value: AnalysisTask | PreparedArticle, job_id: int
    ) -> Prepared:
        if self._closed:
            raise AnalysisUnavailableError("the analysis pool is closed")
        item = _Item(op, value, job_id, asyncio.get_running_loop().create_future())
        condition = self._start_runners()
        async with condition:
            self._pending.append(item)
            condition.notify()
        return await item.future

    def _start_runners(self) -> asyncio.Condition:
        """The runners start with the first job, on the loop that submits it."""
        if self._has_work is None:
            self._has_work = asyncio.Condition()
            self._runners = [
                asyncio.create_task(self._runner(slot), name=f"analysis-child-{slot}")
                for slot in range(len(self._children))
            ]
        return self._has_work

    async def _runner(self, slot: int) -> None:
        """Feed one child: take a batch, run it, repeat."""
        assert self._has_work is not None
        while True:
            async with self._has_work:
                await self._has_work.wait_for(lambda: bool(self._pending))
                batch = self._take()
            if not batch:
                continue
            try:
                await self._run(slot, batch)
            except Exception as exc:  # a bug here must not strand the callers: they get it
                log.exception("analysis runner %d failed", slot)
                for item in batch:
                    if not item.future.done():
                        item.future.set_exception(exc)

    def _take(self) -> list[_Item]:
        """The oldest waiting item, with up to CHILD_BATCH - 1 more of its kind (a retry alone)."""
        batch: list[_Item] = []
        kept: deque[_Item] = deque()
        while self._pending and len(batch) < CHILD_BATCH:
            item = self._pending.popleft()
            if item.future.done():  # its caller gave up
                continue
            if batch and (item.retried or item.op != batch[0].op):
                kept.append(item)
                continue
            batch.append(item)
            if item.retried:
                break
        self._pending.extendleft(reversed(kept))
        return batch

    async def _run(self, slot: int, batch: list[_Item]) -> None:
        """Send a batch to the slot's child and settle each item from what comes back."""
        try:
            child = await self._child(slot)
        except AnalysisUnavailableError as exc:
            for item in batch:
                if not item.future.done():
                    item.future.set_exception(exc)
            return
        child.busy = True
        try:
            await self._exchange(slot, child, batch)
        finally:
            child.busy = False

    async def _exchange(self, slot: int, child: _Child, batch: list[_Item]) -> None:
        """One request and its answers."""
        loop = asyncio.get_running_loop()
        open_items = dict(enumerate(batch))
        if self._options.on_dispatch is not None:  # from here on the child holds the batch
            self._options.on_dispatch(child.process.pid or 0, tuple(i.job_id for i in batch))
        try:
            request = (batch[0].op, [i.value for i in batch])
            await loop.run_in_executor(self._threads, child.send, request)
        except (OSError, ValueError):  # it died as the batch was handed over
            child.process.join(STOP_GRACE)
            self._lost(slot, child, "dead", child.process.exitcode, batch)
            return
        while True:  # one "item" per article, then "end"; anything else: the child is lost
            kind, body = await loop.run_in_executor(
                self._threads, child.receive, self._options.timeout
            )
            if kind == "item":
                index, result = body
                self._settle(open_items.pop(index), result)
                continue
            if kind != "end":
                self._lost(slot, child, kind, body, list(open_items.values()))
                return
            child.articles += len(batch)
            child.resident_mib = float(body)
            self._maybe_recycle(slot, child)
            return

    def _lost(
        self, slot: int, child: _Child, kind: str, code: int | None, items: list[_Item]
    ) -> None:
        """A child died or hung: replace it; its unfinished items go again alone, or fail."""
        jobs = [i.job_id for i in items]
        if kind == "timeout":
            log.warning(
                "analysis child %s passed the %g s deadline on jobs %s; killed it",
                child.process.pid,
                self._options.timeout,
                jobs,
            )
            reason = took_too_long(self._options.timeout)
        else:
            log.warning(
                "analysis child %s %s holding jobs %s", child.process.pid, _exit_reason(code), jobs
            )
            reason = CRASHED
        child.kill()
        self._children[slot] = None
        for item in items:
            if item.future.done():
                continue
            if item.retried:
                item.future.set_result(Rejected(reason))
            else:
                item.retried = True
                self._pending.appendleft(item)

    def _maybe_recycle(self, slot: int, child: _Child) -> None:
        """Replace a child that did its share of articles or grew past the memory cap."""
        worn = child.articles >= self._options.max_articles
        heavy = child.resident_mib > self._options.max_rss_mib
        if not (worn or heavy):
            return
        log.info(
            "recycling analysis child %s after %d articles at %.0f MiB",
            child.process.pid,
            child.articles,
            child.resident_mib,
        )
        self._children[slot] = None
        self._threads.submit(child.stop)

    @staticmethod
    def _settle(item: _Item, result: Prepared) -> None:
        if not item.future.done():
            item.future.set_result(result)

    async def _child(self, slot: int) -> _Child:
        """The slot's live child, started (and waited for) if it has none."""
        child = self._children[slot]
        if child is not None and child.process.is_alive():
            return child
        if child is not None:  # died between batches (the OOM killer): no job was lost
            log.warning(
                "analysis child %s %s while idle",
                child.process.pid,
                _exit_reason(child.process.exitcode),
            )
            child.kill()
        child = await asyncio.get_running_loop().run_in_executor(self._threads, self._spawn)
        self._children[slot] = child
        self.started += 1
        return child

    def _spawn(self) -> _Child:
        """Start a child and wait until its model is loaded; blocks: run in a thread."""
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=serve,
            args=(child_end, self._options.child),
            name="analyst-analysis",
            daemon=True,
        )
        process.start()
        child_end.close()
        child = _Child(process, parent_end)
        kind, body = child.receive(START_TIMEOUT)
        if kind == "ready":
            return child
        child.kill()
        if kind == "failed":  # the child's own one-line reason (a missing model names its setting)
            raise AnalysisUnavailableError(str(body))
        why = (
            f"did not start within {START_TIMEOUT:g} s" if kind == "timeout" else _exit_reason(body)
        )
        raise AnalysisUnavailableError(f"cannot start the analysis process: {why}")
