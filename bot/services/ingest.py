"""The ingestion service: queue sources as jobs, then work the queue in batches.

Every job ends as new, duplicate or failed with a one-line reason. An article and the end of its
job are written in one transaction, so an interrupted run loses nothing and repeats nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.dedup import estimated_similarity, signature_from_bytes
from analysis.sources import SourceError, SourceItem, SourceProblem, discover
from bot.services.nlp_runtime import NlpRuntime
from bot.services.pipeline import PreparedArticle, analyse_batch, prepare
from storage.articles import find_exact_duplicate, insert_article, near_duplicate_candidates
from storage.jobs import DONE, DUPLICATE, FAILED, JobQueue
from storage.records import JobRecord

log = logging.getLogger(__name__)

NEW = "new"
QUEUED = "queued"


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


def _file_key(item: SourceItem) -> str:
    """One job per file version and manifest row: a changed file or override is new work."""
    assert item.path is not None
    stat = item.path.stat()
    overrides = [item.title, item.outlet, item.author, str(item.published or "")]
    digest = hashlib.sha256(json.dumps(overrides).encode()).hexdigest()[:12]
    return f"file:{item.path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{digest}"


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
    ) -> None:
        self._sessions = sessions
        self._queue = queue
        self._nlp = nlp
        self._max_bytes = max_bytes
        self._batch_size = batch_size
        self._threshold = near_duplicate_threshold

    async def enqueue_paths(self, paths: Sequence[Path]) -> Enqueued:
        """Queue every article found under the paths; report what cannot be queued."""
        result = Enqueued()
        for found in discover(paths):
            if isinstance(found, SourceProblem):
                result.problems.append(Outcome(found.where, FAILED, found.message))
            elif found.url is not None:
                message = "links are ingested by the web fetcher, which this version does not have"
                result.problems.append(Outcome(found.origin or found.url, FAILED, message))
            else:
                job = await self._queue.enqueue(_file_key(found), "file", _payload(found))
                if job.status == FAILED:
                    await self._queue.requeue(job.id)
                result.job_ids.append(job.id)
        return result

    async def run(
        self,
        job_ids: Sequence[int] | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Work the given jobs (or every runnable job) to the end; returns one outcome per job."""
        outcomes: list[Outcome] = []
        report = on_outcome or (lambda _o: None)
        if job_ids is not None:
            for done in await self._already_finished(job_ids):
                outcomes.append(done)
                report(done)
        while claimed := await self._queue.claim(among=job_ids, limit=self._batch_size):
            try:
                for outcome in await self._run_batch(claimed):
                    outcomes.append(outcome)
                    report(outcome)
            finally:
                await self._queue.release(job.id for job in claimed)
        return outcomes

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
        outcomes: list[Outcome] = []
        ready: list[PreparedArticle] = []
        for job in jobs:
            try:
                prepared = await asyncio.to_thread(prepare, job.id, job.payload, self._max_bytes)
            except SourceError as exc:
                outcomes.append(await self._fail(job, str(exc)))
                continue
            async with self._sessions() as session:
                duplicate_of = await self._duplicate_of(session, prepared)
            if duplicate_of is not None:
                outcomes.append(await self._duplicate(job, duplicate_of))
            else:
                ready.append(prepared)
        if ready:
            nlp = await self._nlp.get()
            analysed = await asyncio.to_thread(analyse_batch, nlp, ready, self._batch_size)
            by_id = {job.id: job for job in jobs}
            for prepared in analysed:
                outcomes.append(await self._store(by_id[prepared.job_id], prepared))
        return outcomes

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
