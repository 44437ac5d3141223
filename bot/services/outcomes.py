"""How an ingest job ended, as every front end reports it (CLI lines, bot reactions, cards)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.jobs import DONE, DUPLICATE, FAILED
from storage.records import JobRecord

NEW = "new"
QUEUED = "queued"
RETRY = "retry"
FINAL = (NEW, DUPLICATE, FAILED)


@dataclass(frozen=True)
class Outcome:
    """How one source ended: what the summary line and the bot's reaction say."""

    source: str
    status: str  # "new" | "duplicate" | "failed" | "queued" | "retry"
    message: str = ""
    article_id: int | None = None
    duplicate_of: int | None = None
    title: str | None = None
    job_id: int | None = None


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
