"""The ingestion service: queue sources as jobs, then work the queue in batches.

Every job ends as new, duplicate or failed with a one-line reason. An article and the end of its
job are written in one transaction, so an interrupted run loses nothing and repeats nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.sources import (
    SourceError,
    SourceItem,
    SourceProblem,
    decode_bytes,
    discover,
    format_size,
)
from analysis.urls import has_credentials, normalise_url, scheme_of, without_credentials
from bot.services.analyzer import Analyzer
from bot.services.fetcher import Fetcher
from bot.services.ingest_runner import INTERNAL_ERROR, URL_JOB, JobRunner, RunnerOptions
from bot.services.outcomes import (
    FINAL,
    NEW,
    QUEUED,
    RETRY,
    Outcome,
    describe,
    finished_outcome,
)
from storage.jobs import DUPLICATE, FAILED, JobQueue
from storage.records import JobRecord

__all__ = [
    "DUPLICATE",
    "FAILED",
    "FINAL",
    "INTERNAL_ERROR",
    "NEW",
    "QUEUED",
    "RETRY",
    "Enqueued",
    "IngestService",
    "Outcome",
    "Queued",
    "content_kind",
    "describe",
    "finished_outcome",
]

log = logging.getLogger(__name__)

CONTENT_KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
MAX_KEY = 2000
MAX_LINK = 2100  # ingest_jobs.source_key is varchar(2100): a longer link is refused, not queued
SHOWN_LINK = 100  # a refused link longer than this is named by its start
CREDENTIALS = (
    "refused: the link carries a user name or password; post it without them (they would be"
    " sent to the site, kept with the article and shown to everyone)"
)


@dataclass
class Enqueued:
    """Jobs queued for a set of paths, and the paths that could not even be queued."""

    job_ids: list[int] = field(default_factory=list)
    problems: list[Outcome] = field(default_factory=list)


@dataclass(frozen=True)
class Queued:
    """One source queued under the caller's own key: its job, or why it could not be queued.

    `created` is False when an earlier call (a message delivered twice) already queued it.
    """

    source: str
    job: JobRecord | None = None
    created: bool = False
    problem: str | None = None


def content_kind(name: str) -> str | None:
    """The job kind for an attached file name ("text", "markdown", "html"); None if unsupported."""
    return CONTENT_KINDS.get(Path(name).suffix.lower())


def _overrides_digest(item: SourceItem) -> str:
    overrides = [item.title, item.outlet, item.author, str(item.published or "")]
    return hashlib.sha256(json.dumps(overrides).encode()).hexdigest()[:12]


def _file_key(item: SourceItem) -> str:
    """One job per file version and manifest row: a changed file or override is new work."""
    assert item.path is not None
    stat = item.path.stat()
    digest = _overrides_digest(item)
    return f"file:{item.path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{digest}"


def _url_key(normal_url: str, item: SourceItem) -> str:
    """One job per page: links differing only in tracking parameters or case are one job."""
    return _bounded(f"url:{normal_url}:{_overrides_digest(item)}")


def _bounded(key: str) -> str:
    """A job key within the column: a very long one keeps its start and the sha256 of all of
    it, so two links differing only far into a long query never share a job."""
    if len(key) <= MAX_KEY:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: MAX_KEY - len(digest) - 3]}...{digest}"


def _not_fetchable(url: str) -> str:
    """Why a link is not even queued: another scheme, or not a link at all."""
    scheme = scheme_of(url)
    if scheme and scheme not in ("http", "https"):
        return f"refused: {scheme} links are not fetched (only http and https)"
    return "not a web address"


def _too_long(url: str, origin: str) -> Outcome | None:
    """A link longer than a job key may be, refused as one failed row; None when it fits.

    The row is named by its origin, cut short when that is the link itself."""
    if len(url) <= MAX_LINK:
        return None
    shown = without_credentials(origin)
    shown = shown if len(shown) <= SHOWN_LINK else f"{shown[: SHOWN_LINK - 1]}…"
    return Outcome(shown, FAILED, f"link too long: {len(url):,} characters (limit {MAX_LINK:,})")


def _payload(item: SourceItem) -> dict[str, object]:
    return {
        "path": str(item.path.resolve()) if item.path else None,
        "url": item.url,
        "kind": item.kind,
        "title": item.title,
        "outlet": item.outlet,
        "author": item.author,
        "published": item.published.isoformat() if item.published else None,
        "origin": item.origin,
    }


class IngestService:
    """Queues sources and turns queued jobs into stored, analysed articles."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        queue: JobQueue,
        analyzer: Analyzer,
        fetcher: Fetcher,
        *,
        max_bytes: int,
        batch_size: int,
        near_duplicate_threshold: float,
    ) -> None:
        self._queue = queue
        self._max_bytes = max_bytes
        options = RunnerOptions(batch_size, near_duplicate_threshold)
        self._runner = JobRunner(sessions, queue, analyzer, fetcher, options)

    async def enqueue_paths(
        self, paths: Sequence[Path], *, allow_outside: bool = False
    ) -> Enqueued:
        """Queue every article found under the paths; report what cannot be queued.

        Manifest rows and links leading out of what was named are refused unless `allow_outside`.
        """
        result = Enqueued()
        for found in discover(paths, allow_outside=allow_outside):
            if isinstance(found, SourceProblem):
                result.problems.append(Outcome(found.where, FAILED, found.message))
            elif found.path is None:
                await self._enqueue_url(found, result)
            else:
                job = await self._queue.enqueue(_file_key(found), "file", _payload(found))
                if job.status == FAILED:
                    await self._queue.requeue(job.id)
                result.job_ids.append(job.id)
        return result

    async def enqueue_urls(self, urls: Sequence[str]) -> Enqueued:
        """Queue links to fetch (one job per page, tracking parameters ignored)."""
        result = Enqueued()
        for url in urls:
            item = SourceItem(path=None, url=url.strip(), kind=URL_JOB, origin=url.strip())
            await self._enqueue_url(item, result)
        return result

    async def _enqueue_url(self, item: SourceItem, result: Enqueued) -> None:
        """Queue one link, or say why it cannot be (not a link, given twice)."""
        origin = item.origin or str(item.url)
        if too_long := _too_long((item.url or "").strip(), origin):
            result.problems.append(too_long)
            return
        normal = normalise_url(item.url or "")
        if normal is None or has_credentials(item.url or ""):
            problem = CREDENTIALS if normal else _not_fetchable(item.url or "")
            result.problems.append(Outcome(without_credentials(origin), FAILED, problem))
            return
        job = await self._queue.enqueue(_url_key(normal, item), URL_JOB, _payload(item))
        if job.id in result.job_ids:
            message = "the same page as another link in this list"
            result.problems.append(Outcome(origin, DUPLICATE, message))
            return
        if job.status == FAILED:
            await self._queue.requeue(job.id)
        result.job_ids.append(job.id)

    async def enqueue_link(
        self,
        url: str,
        *,
        key: str,
        meta: dict[str, object],
        title: str | None = None,
        published: date | None = None,
    ) -> Queued:
        """Queue one link under `key` (e.g. a chat message) with metadata kept in the job.

        `title` and `published` (a feed item's own) fill in only what the page lacks: the
        page's own title and date win, a manifest row's would not."""
        origin = url.strip()
        if too_long := _too_long(origin, origin):
            return Queued(too_long.source, problem=too_long.message)
        normal = normalise_url(origin)
        if normal is None or has_credentials(origin):
            problem = CREDENTIALS if normal else _not_fetchable(origin)
            return Queued(without_credentials(origin), problem=problem)
        item = SourceItem(None, origin, URL_JOB, origin=origin)
        fallback = {"title": title, "published": published.isoformat() if published else None}
        payload = {**_payload(item), "fallback": fallback}
        return await self._enqueue_own(f"{key}:url:{normal}", URL_JOB, payload, meta)

    async def enqueue_content(
        self, name: str, data: bytes, *, key: str, meta: dict[str, object]
    ) -> Queued:
        """Queue a file's bytes (an attachment): the text travels in the job, so any worker can
        run it after a restart."""
        kind = content_kind(name)
        if kind is None:
            return Queued(name, problem=f"unsupported file type: {name}")
        if too_large := self.size_problem(len(data)):
            return Queued(name, problem=too_large)
        try:
            text, _encoding = decode_bytes(data)
        except SourceError as exc:
            return Queued(name, problem=str(exc))
        if not text.strip():
            return Queued(name, problem="empty file")
        item = SourceItem(path=None, url=None, kind=kind, origin=name)
        payload = {**_payload(item), "content": text}
        return await self._enqueue_own(f"{key}:file:{name}", kind, payload, meta)

    def size_problem(self, size: int) -> str | None:
        """Why a file of this many bytes is refused, or None when it is within the cap."""
        if size <= self._max_bytes:
            return None
        return f"file too large: {format_size(size)} (limit {format_size(self._max_bytes)})"

    async def _enqueue_own(
        self, source_key: str, kind: str, payload: dict[str, object], meta: dict[str, object]
    ) -> Queued:
        """Queue once per key; a token in the payload tells whether this call created the job."""
        source_key = _bounded(source_key)  # very long links: keep the key within the column
        token = uuid.uuid4().hex
        job = await self._queue.enqueue(source_key, kind, {**payload, "meta": meta, "token": token})
        return Queued(describe(job), job, created=job.payload.get("token") == token)

    async def work_batch(
        self, on_outcome: Callable[[Outcome], None] | None = None
    ) -> list[Outcome] | None:
        """Claim and work one batch of any runnable jobs; None when nothing was runnable.

        For long-running workers: an unexpected error counts as a failed attempt of that job
        (retried with backoff, then failed) instead of stopping the worker.
        """
        return await self._runner.work_batch(on_outcome)

    async def run(
        self,
        job_ids: Sequence[int] | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Work the given jobs (or every runnable job) to the end; returns one outcome per job."""
        return await self._runner.run(job_ids, on_outcome)

    @property
    def analyzer(self) -> Analyzer:
        """The analyser jobs go through (a process pool unless the settings say 0)."""
        return self._runner.analyzer

    async def close(self) -> None:
        """Stop the analysis processes."""
        await self._runner.analyzer.close()
