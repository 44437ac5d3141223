"""Working claimed jobs: the one path `analyst ingest`, `analyst worker` and the bot all take.

Each job of a claimed batch runs as its own coroutine: a link is fetched here (I/O, on the
event loop), then the analyser prepares it in a child process, this process drops it if it is a
duplicate, the analyser parses it, and this process stores it. The parent never runs a native
parser; it claims, checks duplicates and writes the plain records the children return. Storing
is one transaction at a time, and it checks for duplicates again, so a near-copy analysed beside
its original is still caught. An unexpected error costs one attempt of that job only.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from analysis.dedup import estimated_similarity, signature_from_bytes
from analysis.urls import normalise_url
from bot.errors import AnalysisUnavailableError
from bot.services.analysis_work import AnalysisTask, Rejected
from bot.services.analyzer import Analyzer
from bot.services.fetcher import Fetcher, FetchError
from bot.services.outcomes import NEW, RETRY, Outcome, describe, finished_outcome
from bot.services.pipeline import PreparedArticle
from storage.articles import find_exact_duplicate, insert_article, near_duplicate_candidates
from storage.jobs import DONE, DUPLICATE, FAILED, JobQueue
from storage.records import JobRecord

log = logging.getLogger(__name__)

URL_JOB = "url"
FETCHES_AT_ONCE = 4
BATCHES_IN_FLIGHT = 2  # while one batch's last jobs are stored, the next keeps the children busy
INTERNAL_ERROR = "internal error while ingesting (logged); will retry"

Report = Callable[[Outcome], None]


def _ignore(_outcome: Outcome) -> None:
    """The report of a caller that only wants the returned list."""


@dataclass(frozen=True)
class RunnerOptions:
    """The limits a runner works under."""

    batch_size: int
    near_duplicate_threshold: float


class JobRunner:
    """Claims jobs and turns each into an article, a duplicate or a failure with its reason."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        queue: JobQueue,
        analyzer: Analyzer,
        fetcher: Fetcher,
        options: RunnerOptions,
    ) -> None:
        self._sessions = sessions
        self._queue = queue
        self.analyzer = analyzer
        self._fetcher = fetcher
        self._options = options
        self._fetch_slots = asyncio.Semaphore(FETCHES_AT_ONCE)
        self._store_lock = asyncio.Lock()
        self._last_turn: asyncio.Event | None = None  # set once the newest job stored or ended

    def _turns(self, count: int) -> list[tuple[asyncio.Event | None, asyncio.Event]]:
        """For each job in claim order: the event it stores after, and its own.

        Stores follow claim order, so article numbers follow the order of the sources however
        the children's work interleaves.
        """
        turns = []
        for _ in range(count):
            mine = asyncio.Event()
            turns.append((self._last_turn, mine))
            self._last_turn = mine
        return turns

    async def work_batch(self, on_outcome: Report | None = None) -> list[Outcome] | None:
        """Claim and work one batch of any runnable jobs; None when nothing was runnable."""
        claimed = await self._claim(None)
        if not claimed:
            return None
        return await self._work(claimed, on_outcome or _ignore)

    async def run(
        self, job_ids: Sequence[int] | None, on_outcome: Report | None = None
    ) -> list[Outcome]:
        """Work the given jobs (or every runnable job) to the end; one outcome per job.

        Two batches are in flight at once, so the children never wait for the last stores of a
        batch. Cancelling (Ctrl-C) hands every unfinished job back to the queue.
        """
        report = on_outcome or _ignore
        outcomes: list[Outcome] = []

        def keep(outcome: Outcome) -> None:
            outcomes.append(outcome)
            report(outcome)

        if job_ids is not None:
            for outcome in await self._already_finished(job_ids):
                keep(outcome)
        in_flight: set[asyncio.Task[list[Outcome]]] = set()
        try:
            while True:
                while len(in_flight) < BATCHES_IN_FLIGHT and (
                    claimed := await self._claim(job_ids)
                ):
                    in_flight.add(asyncio.create_task(self._work(claimed, keep)))
                if not in_flight:
                    return outcomes
                done, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
        finally:
            for task in in_flight:
                task.cancel()
            await asyncio.gather(*in_flight, return_exceptions=True)

    async def _claim(self, among: Sequence[int] | None) -> list[JobRecord]:
        """Claim a batch; a cancel that arrives mid-claim still hands back what the claim took.

        The claim's commit can land after its caller was cancelled (Ctrl-C just as a batch
        ended): its jobs would then stay running under a worker that is gone until the lease ran
        out, and the next `analyst ingest` would skip them as another worker's.
        """
        claiming = asyncio.ensure_future(
            self._queue.claim(among=among, limit=self._options.batch_size)
        )
        try:
            return await asyncio.shield(claiming)
        except asyncio.CancelledError:
            try:
                await self._queue.release(job.id for job in await claiming)
            except Exception:  # the database may be gone at shutdown: the lease frees them later
                log.warning("could not hand back the jobs of a cancelled claim", exc_info=True)
            raise

    async def _work(self, jobs: Sequence[JobRecord], report: Report) -> list[Outcome]:
        """Every job of a batch at once; unfinished jobs go back to the queue whatever happens.

        While the batch runs a heartbeat keeps its jobs' lease fresh, so a batch slower than
        the lease is not taken over by a worker on another host.
        """
        turns = self._turns(len(jobs))
        tasks = [
            asyncio.create_task(self._work_one(job, report, turn))
            for job, turn in zip(jobs, turns, strict=True)
        ]
        try:
            async with self._queue.held(job.id for job in jobs):
                return list(await asyncio.gather(*tasks))
        except BaseException:  # cancelled, or no analysis at all: stop the batch's other jobs
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        finally:
            await asyncio.shield(self._queue.release(job.id for job in jobs))

    async def _work_one(
        self, job: JobRecord, report: Report, turn: tuple[asyncio.Event | None, asyncio.Event]
    ) -> Outcome:
        """One job to its outcome; an unexpected error counts an attempt of this job only."""
        after, mine = turn
        try:
            outcome = await self._process(job, after)
        except AnalysisUnavailableError:  # not this job's fault: it goes back to the queue
            raise
        except Exception:
            log.exception("ingesting job %s failed", job.id)
            outcome = await self._internal_error(job)
        finally:
            mine.set()
        report(outcome)
        return outcome

    async def _process(self, job: JobRecord, after: asyncio.Event | None = None) -> Outcome:
        """Fetch (links), prepare, drop duplicates, analyse, then store after `after` is set."""
        task = await self._task(job)
        if isinstance(task, Outcome):
            return task
        prepared = await self.analyzer.prepare(task)
        if isinstance(prepared, Rejected):
            return await self._rejected(job, prepared)
        async with self._sessions() as session:
            duplicate_of = await self._duplicate_of(session, prepared)
        if duplicate_of is not None:
            return await self._duplicate(job, duplicate_of)
        analysed = await self.analyzer.analyse(prepared)
        if isinstance(analysed, Rejected):
            return await self._rejected(job, analysed)
        if after is not None:
            await after.wait()
        async with self._store_lock:
            return await self._store(job, analysed)

    async def _task(self, job: JobRecord) -> AnalysisTask | Outcome:
        """What the analyser needs; a link already stored or unreachable ends here."""
        if job.kind != URL_JOB:
            return AnalysisTask(job.id, job.payload)
        url = str(job.payload["url"])
        known = await self._stored_under(url)
        if known is not None:
            return await self._duplicate(job, known)
        try:
            async with self._fetch_slots:
                page = await self._fetcher.fetch(url)
        except FetchError as exc:
            log.info("fetching job %s failed: %s", job.id, exc.message)
            return await self._fail(job, exc.message)
        return AnalysisTask(job.id, job.payload, page)

    async def _already_finished(self, job_ids: Iterable[int]) -> list[Outcome]:
        """Jobs an earlier run finished: reported again without redoing any work."""
        outcomes = []
        for job_id in job_ids:
            job = await self._queue.get(job_id)
            if job is not None and job.status in (DONE, DUPLICATE):
                article_id = job.article_id if job.status == DONE else job.duplicate_of
                outcomes.append(self._duplicate_outcome(job, article_id))
        return outcomes

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
            if similarity >= self._options.near_duplicate_threshold:
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
            return await self._retry(job, "database busy, will retry", "database busy")
        if duplicate_of is not None:
            return await self._duplicate(job, duplicate_of)
        title = prepared.record.title
        return Outcome(describe(job), NEW, article_id=article_id, title=title, job_id=job.id)

    async def _rejected(self, job: JobRecord, rejected: Rejected) -> Outcome:
        """A page the analyser turned down: failed for good, or retried later (a passing fault)."""
        if rejected.retry:
            return await self._retry(job, rejected.reason, rejected.reason)
        return await self._fail(job, rejected.reason)

    async def _internal_error(self, job: JobRecord) -> Outcome:
        """Count an attempt for a job that failed unexpectedly (unless it had already ended)."""
        current = await self._queue.get(job.id)
        if current is not None and current.status in (DONE, DUPLICATE, FAILED):
            finished = finished_outcome(current)
            assert finished is not None
            return finished
        return await self._retry(job, INTERNAL_ERROR, INTERNAL_ERROR)

    async def _retry(self, job: JobRecord, error: str, message: str) -> Outcome:
        """Back off and try again later, or fail once the attempts are used up."""
        status = await self._queue.retry_later(job.id, error)
        return Outcome(describe(job), FAILED if status == FAILED else RETRY, message, job_id=job.id)

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
