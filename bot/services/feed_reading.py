"""Reading feed documents in a child process: the parser is native (lxml) and a feed is input
from the web.

A big or hostile feed must neither stall the bot's event loop (Discord heartbeats, every other
command) nor take the process down if the native parser crashes on it, and lxml is not safe to
share between threads. So documents are parsed by one spawned child, started on first use and
replaced when it dies or overruns; the caller gets a `FeedParseError` saying why, counted as the
feed's failure. With `processes=0` (the `ANALYST_ANALYSIS_PROCESSES=0` of tests and small
installs) documents are parsed in this process, as analysis is.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from analysis.feeds import FeedParseError, ParsedFeed, parse_feed

log = logging.getLogger(__name__)

PARSE_TIMEOUT = 30.0  # seconds one document may take before its child is replaced


class FeedReader:
    """Parses feed documents, in a child process unless told to stay in this one."""

    def __init__(self, processes: int, *, timeout: float = PARSE_TIMEOUT) -> None:
        self.in_process = processes == 0
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = asyncio.Lock()

    async def read(self, data: bytes, *, url: str, content_type: str | None) -> ParsedFeed:
        """The parsed feed; raises FeedParseError for what is not a feed or could not be read."""
        work = partial(parse_feed, data, url=url, content_type=content_type)
        if self.in_process:
            return work()
        async with self._lock:  # one document at a time: a child is one core
            pool = self._started()
            try:
                future = asyncio.get_running_loop().run_in_executor(pool, work)
                return await asyncio.wait_for(future, self.timeout)
            except TimeoutError:
                log.warning(
                    "reading the feed %s took over %g s; its reader is replaced", url, self.timeout
                )
                self._discard()
                raise FeedParseError(
                    f"not a feed: reading it took over {self.timeout:g} s"
                ) from None
            except BrokenProcessPool:
                log.warning("the feed reader died on %s; a new one is started", url)
                self._discard()
                raise FeedParseError("not a feed: the reader crashed on it") from None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # no fork of a threaded event loop
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return self._pool

    def _discard(self) -> None:
        """Kill the child (hung or dead) and forget the pool; the next read starts another."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):  # no public kill
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    async def close(self) -> None:
        """Stop the child, if one was started."""
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
