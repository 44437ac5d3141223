"""The one interface the ingest service analyses through: a process pool, or this process.

`ProcessAnalyzer` (the default: `ANALYST_ANALYSIS_PROCESSES`, the number of cores) keeps every
native library (lxml, spaCy) out of the parent. `InlineAnalyzer` (`ANALYST_ANALYSIS_PROCESSES=0`)
runs the same work in one dedicated thread of this process, one job at a time, so native code
never runs on two threads at once: quick for tests and tiny corpora, but a crash there is a crash
of the process.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Protocol

from bot.services.analysis_child import ChildOptions
from bot.services.analysis_pool import PoolOptions, ProcessAnalyzer
from bot.services.analysis_work import AnalysisTask, Prepared, analyse_task, prepare_task
from bot.services.nlp_runtime import NlpRuntime
from bot.services.pipeline import PreparedArticle

if TYPE_CHECKING:
    from config.settings import Settings


class Analyzer(Protocol):
    """Turns a job into an analysed article, or into the reason it is not one."""

    async def prepare(self, task: AnalysisTask) -> Prepared:
        """Cleaned and fingerprinted (cheap: duplicates are dropped before `analyse`)."""

    async def analyse(self, prepared: PreparedArticle) -> Prepared:
        """Parsed by spaCy and read: sentences, entities, quotes, events, terms."""

    async def close(self) -> None:
        """Release processes and threads."""


class InlineAnalyzer:
    """The same work in one thread of this process: one job at a time, no crash isolation."""

    def __init__(self, nlp: NlpRuntime, *, max_bytes: int) -> None:
        self._nlp = nlp
        self._max_bytes = max_bytes
        self._thread = ThreadPoolExecutor(1, "analysis-inline")

    async def prepare(self, task: AnalysisTask) -> Prepared:
        """Cleaned and fingerprinted, or why not."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, prepare_task, task, self._max_bytes)

    async def analyse(self, prepared: PreparedArticle) -> Prepared:
        """Parsed and read, or why not."""
        nlp = await self._nlp.get()

        def one() -> Prepared:
            return next(analyse_task(nlp, [prepared], 1))

        return await asyncio.get_running_loop().run_in_executor(self._thread, one)

    async def close(self) -> None:
        """Let the thread go."""
        self._thread.shutdown(wait=False)


def make_analyzer(settings: Settings, nlp: NlpRuntime) -> Analyzer:
    """The analyser the settings ask for: a pool of child processes unless it is 0."""
    if settings.analysis_processes == 0:
        return InlineAnalyzer(nlp, max_bytes=settings.max_file_bytes)
    child = ChildOptions(
        model=settings.spacy_model,
        max_bytes=settings.max_file_bytes,
        batch_size=settings.nlp_batch_size,
        log_level=settings.log_level,
    )
    return ProcessAnalyzer(
        PoolOptions(
            processes=settings.analysis_processes,
            timeout=settings.analysis_timeout,
            max_articles=settings.analysis_max_articles,
            max_rss_mib=settings.analysis_max_rss_mib,
            child=child,
        )
    )
