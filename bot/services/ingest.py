"""The ingestion service: queue sources as jobs, then work the queue in batches.

Every job ends as new, duplicate or failed with a one-line reason. An article and the end of its
job are written in one transaction, so an interrupted run loses nothing and repeats nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.dedup import estimated_similarity, signature_from_bytes
from analysis.sources import (
    SourceError,
    SourceItem,
    SourceProblem,
    decode_bytes,
    discover,
    format_size,
)
from analysis.urls import normalise_url, scheme_of
from bot.services.fetcher import Fetcher, FetchError, FetchSettings
from bot.services.nlp_runtime import NlpRuntime
from bot.services.pipeline import PreparedArticle, analyse_batch, prepare, prepare_page
from storage.articles import find_exact_duplicate, insert_article, near_duplicate_candidates
from storage.jobs import DONE, DUPLICATE, FAILED, JobQueue
from storage.records import JobRecord

log = logging.getLogger(__name__)

NEW = "new"
QUEUED = "queued"
URL_JOB = "url"
FETCHES_AT_ONCE = 4
FINAL = (NEW, DUPLICATE, FAILED)
CONTENT_KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
MAX_KEY = 2000
INTERNAL_ERROR = "internal error while ingesting (logged); will retry"


@dataclass(frozen=True)
class Outcome:
    """How one source ended: what the summary line and the bot's reaction say."""

    source: str
    status: str  # "new" | "duplicate" | "failed" | "queued"
    message: str = ""
    article_id: int | None = None
    duplicate_of: int | None = None
    title: str | None = None
    job_id: int | None = None


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
    return f"url:{normal_url}:{_overrides_digest(item)}"


def _not_fetchable(url: str) -> str:
    """Why a link is not even queued: another scheme, or not a link at all."""
    scheme = scheme_of(url)
    if scheme and scheme not in ("http", "https"):
        return f"refused: {scheme} links are not fetched (only http and https)"
    return "not a web address"


@dataclass(frozen=True)
class _Known:
    """A link whose page is already stored under that address: nothing to fetch."""

    article_id: int


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


def describe(job: JobRecord) -> str:
    """How a job's source is named to the user."""
    payload = job.payload
    return str(payload.get("origin") or payload.get("path") or payload.get("url") or job.source_key)


def finished_outcome(job: JobRecord) -> Outcome | None:
    """The outcome a finished job recorded; None while it is still queued or running."""
    source = describe(job)
    if job.status == DONE:
        return Outcome(source, NEW, article_id=job.article_id, job_id=job.id)
    if job.status == DUPLICATE:
        message = f"already have it: #{job.duplicate_of}"
        return Outcome(source, DUPLICATE, message, duplicate_of=job.duplicate_of, job_id=job.id)
    if job.status == FAILED:
        return Outcome(source, FAILED, job.last_error or "failed", job_id=job.id)
    return None


class IngestService:
    """Queues sources and turns queued jobs into stored, analysed articles."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        queue: JobQueue,
        nlp: NlpRuntime,
        *,
        max_bytes: int,
        batch_size: int,
        near_duplicate_threshold: float,
        fetcher: Fetcher | None = None,
    ) -> None:
        self._sessions = sessions
        self._queue = queue
        self._nlp = nlp
        self._max_bytes = max_bytes
        self._batch_size = batch_size
        self._threshold = near_duplicate_threshold
        self._fetcher = fetcher or Fetcher(FetchSettings(max_bytes=max_bytes))
        self._fetch_slots = asyncio.Semaphore(FETCHES_AT_ONCE)

    async def enqueue_paths(self, paths: Sequence[Path]) -> Enqueued:
        """Queue every article found under the paths; report what cannot be queued."""
        result = Enqueued()
        for found in discover(paths):
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
        normal = normalise_url(item.url or "")
        if normal is None:
            result.problems.append(Outcome(origin, FAILED, _not_fetchable(item.url or "")))
            return
        job = await self._queue.enqueue(_url_key(normal, item), URL_JOB, _payload(item))
        if job.id in result.job_ids:
            message = "the same page as another link in this list"
            result.problems.append(Outcome(origin, DUPLICATE, message))
            return
        if job.status == FAILED:
            await self._queue.requeue(job.id)
        result.job_ids.append(job.id)

    async def enqueue_link(self, url: str, *, key: str, meta: dict[str, object]) -> Queued:
        """Queue one link under `key` (e.g. a chat message) with metadata kept in the job."""
        origin = url.strip()
        normal = normalise_url(origin)
        if normal is None:
            return Queued(origin, problem=_not_fetchable(origin))
        item = SourceItem(path=None, url=origin, kind=URL_JOB, origin=origin)
        return await self._enqueue_own(f"{key}:url:{normal}", URL_JOB, _payload(item), meta)

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
        if len(source_key) > MAX_KEY:  # very long links: keep the key within the column
            digest = hashlib.sha256(source_key.encode()).hexdigest()
            source_key = f"{source_key[: MAX_KEY - 70]}...{digest}"
        token = uuid.uuid4().hex
        job = await self._queue.enqueue(source_key, kind, {**payload, "meta": meta, "token": token})
        return Queued(describe(job), job, created=job.payload.get("token") == token)

    async def work_batch(
        self, on_outcome: Callable[[Outcome], None] | None = None
    ) -> list[Outcome] | None:
        """Claim and work one batch of any runnable jobs; None when nothing was runnable.

        For long-running workers: an unexpected error counts as a failed attempt of each job in
        the batch (retried with backoff, then failed) instead of stopping the worker.
        """
        claimed = await self._queue.claim(limit=self._batch_size)
        if not claimed:
            return None
        report = on_outcome or (lambda _o: None)
        try:
            outcomes = await self._run_batch(claimed)
        except Exception:
            log.exception("ingesting jobs %s failed", [job.id for job in claimed])
            outcomes = [await self._internal_error(job) for job in claimed]
        finally:
            await self._queue.release(job.id for job in claimed)
        for outcome in outcomes:
            report(outcome)
        return outcomes

    async def _internal_error(self, job: JobRecord) -> Outcome:
        """Count an attempt for a job whose batch failed unexpectedly."""
        current = await self._queue.get(job.id)
        finished = None if current is None else finished_outcome(current)
        if finished is not None:
            return finished
        status = await self._queue.retry_later(job.id, INTERNAL_ERROR)
        status = FAILED if status == FAILED else "retry"
        return Outcome(describe(job), status, INTERNAL_ERROR, job_id=job.id)

    async def run(
        self,
        job_ids: Sequence[int] | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Work the given jobs (or every runnable job) to the end; returns one outcome per job.

        Batches overlap: while spaCy analyses one batch in its thread, the batch before is
        written to the database on the event loop. Storing checks for duplicates again inside
        its transaction, so a near-copy in the next batch is still caught.
        """
        outcomes: list[Outcome] = []
        report = on_outcome or (lambda _o: None)

        def keep(found: Iterable[Outcome]) -> None:
            for outcome in found:
                outcomes.append(outcome)
                report(outcome)

        if job_ids is not None:
            keep(await self._already_finished(job_ids))
        storing: asyncio.Task[None] | None = None
        try:
            while claimed := await self._queue.claim(among=job_ids, limit=self._batch_size):
                try:
                    early, analysed = await self._analyse(claimed)
                    if storing is not None:
                        await storing
                        storing = None
                except BaseException:
                    await self._queue.release(job.id for job in claimed)
                    raise
                keep(early)
                storing = asyncio.create_task(self._store_batch(claimed, analysed, keep))
        finally:
            if storing is not None:
                await storing
        return outcomes

    async def _store_batch(
        self,
        jobs: Sequence[JobRecord],
        analysed: Sequence[PreparedArticle],
        keep: Callable[[Iterable[Outcome]], None],
    ) -> None:
        """Store a batch's analysed articles, then release its jobs."""
        try:
            by_id = {job.id: job for job in jobs}
            for prepared in analysed:
                keep([await self._store(by_id[prepared.job_id], prepared)])
        finally:
            await self._queue.release(job.id for job in jobs)

    async def _already_finished(self, job_ids: Iterable[int]) -> list[Outcome]:
        """Jobs an earlier run finished: reported again without redoing any work."""
        outcomes = []
        for job_id in job_ids:
            job = await self._queue.get(job_id)
            if job is not None and job.status in (DONE, DUPLICATE):
                article_id = job.article_id if job.status == DONE else job.duplicate_of
                outcomes.append(self._duplicate_outcome(job, article_id))
        return outcomes

    async def _run_batch(self, jobs: Sequence[JobRecord]) -> list[Outcome]:
        """Prepare each job, drop duplicates early, analyse the rest in one nlp.pipe pass, store."""
        outcomes, analysed = await self._analyse(jobs)
        by_id = {job.id: job for job in jobs}
        for prepared in analysed:
            outcomes.append(await self._store(by_id[prepared.job_id], prepared))
        return outcomes

    async def _analyse(
        self, jobs: Sequence[JobRecord]
    ) -> tuple[list[Outcome], list[PreparedArticle]]:
        """Failures and known duplicates as outcomes, and the rest analysed, ready to store."""
        outcomes: list[Outcome] = []
        ready: list[PreparedArticle] = []
        loaded = await asyncio.gather(*(self._load(job) for job in jobs))
        for job, prepared in zip(jobs, loaded, strict=True):
            if isinstance(prepared, str):
                outcomes.append(await self._fail(job, prepared))
                continue
            if isinstance(prepared, _Known):
                outcomes.append(await self._duplicate(job, prepared.article_id))
                continue
            async with self._sessions() as session:
                duplicate_of = await self._duplicate_of(session, prepared)
            if duplicate_of is not None:
                outcomes.append(await self._duplicate(job, duplicate_of))
            else:
                ready.append(prepared)
        if not ready:
            return outcomes, []
        nlp = await self._nlp.get()
        return outcomes, await asyncio.to_thread(analyse_batch, nlp, ready, self._batch_size)

    async def _load(self, job: JobRecord) -> PreparedArticle | _Known | str:
        """Read or fetch, then clean one job; a string is the one-line reason it failed."""
        try:
            if job.kind != URL_JOB:
                return await asyncio.to_thread(prepare, job.id, job.payload, self._max_bytes)
            url = str(job.payload["url"])
            known = await self._stored_under(url)
            if known is not None:
                return _Known(known)
            async with self._fetch_slots:
                page = await self._fetcher.fetch(url)
            return await asyncio.to_thread(prepare_page, job.id, job.payload, page)
        except FetchError as exc:
            log.info("fetching job %s failed: %s", job.id, exc.message)
            return exc.message
        except SourceError as exc:
            return str(exc)

    async def _stored_under(self, url: str) -> int | None:
        """The article already stored with this link as its canonical address, if any."""
        normal = normalise_url(url)
        if normal is None:
            return None
        async with self._sessions() as session:
            # no stored text hashes to "", so only the address can match
            return await find_exact_duplicate(session, normal, "")

    async def _duplicate_of(self, session: AsyncSession, prepared: PreparedArticle) -> int | None:
        """A stored article that is the same (URL or text) or a near-copy of this one."""
        record = prepared.record
        exact = await find_exact_duplicate(session, record.canonical_url, record.content_hash)
        if exact is not None:
            return exact
        for candidate in await near_duplicate_candidates(session, record.band_keys):
            similarity = estimated_similarity(
                prepared.signature, signature_from_bytes(candidate.signature)
            )
            if similarity >= self._threshold:
                return candidate.id
        return None

    async def _store(self, job: JobRecord, prepared: PreparedArticle) -> Outcome:
        """Write the article and finish its job in one transaction; a race ends as a duplicate."""
        try:
            async with self._sessions.begin() as session:
                duplicate_of = await self._duplicate_of(session, prepared)
                if duplicate_of is None:
                    article_id = await insert_article(session, prepared.record)
                    await self._queue.finish(job.id, DONE, article_id=article_id, session=session)
        except IntegrityError:
            async with self._sessions() as session:
                duplicate_of = await self._duplicate_of(session, prepared)
            if duplicate_of is None:
                raise
        except OperationalError as exc:
            log.warning("storing job %s failed: %s", job.id, exc)
            status = await self._queue.retry_later(job.id, "database busy, will retry")
            return Outcome(
                describe(job),
                FAILED if status == FAILED else "retry",
                "database busy",
                job_id=job.id,
            )
        if duplicate_of is not None:
            return await self._duplicate(job, duplicate_of)
        return Outcome(
            describe(job), NEW, article_id=article_id, title=prepared.record.title, job_id=job.id
        )

    async def _duplicate(self, job: JobRecord, article_id: int) -> Outcome:
        await self._queue.finish(job.id, DUPLICATE, duplicate_of=article_id)
        return self._duplicate_outcome(job, article_id)

    @staticmethod
    def _duplicate_outcome(job: JobRecord, article_id: int | None) -> Outcome:
        return Outcome(
            describe(job),
            DUPLICATE,
            f"already have it: #{article_id}",
            duplicate_of=article_id,
            job_id=job.id,
        )

    async def _fail(self, job: JobRecord, reason: str) -> Outcome:
        await self._queue.finish(job.id, FAILED, error=reason)
        return Outcome(describe(job), FAILED, reason, job_id=job.id)
