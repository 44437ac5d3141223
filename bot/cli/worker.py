"""`analyst worker`: work the ingest queue without Discord, on this or another machine."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections import Counter
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.app import Analyst
from bot.cli.app import app, run, settings_of
from bot.services.worker import QueueWorker

if TYPE_CHECKING:
    from bot.services.ingest import Outcome
    from storage.jobs import Backlog


def outcome_line(outcome: Outcome) -> str:
    """One finished job, as `analyst ingest` lists it."""
    if outcome.status == "new":
        title = outcome.title or "(untitled)"
        return f"new        #{outcome.article_id} {title} ({outcome.source})"
    return f"{outcome.status:<10} {outcome.source}: {outcome.message}"


def last_line(counts: Counter[str], left: Backlog | None) -> str:
    """What `--once` ends with: what it did, and the jobs it left to others or to a later run."""
    done = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing to do"
    held = left.held_elsewhere if left else 0
    waiting = left.waiting if left else 0
    if not held and not waiting:
        return f"queue empty; {done}"
    notes = [done]
    if held:
        notes.append(f"{_jobs(held)} still held by other workers")
    if waiting:
        notes.append(f"{_jobs(waiting)} waiting to retry")
    return "queue empty here; " + "; ".join(notes)


def _jobs(count: int) -> str:
    return f"{count} job" if count == 1 else f"{count} jobs"


def _stop_on_signals(task: asyncio.Task[Any]) -> None:
    """SIGTERM and SIGINT cancel the work; unfinished jobs go back to the queue."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, task.cancel)


@app.command()
def worker(
    ctx: typer.Context,
    once: Annotated[
        bool,
        typer.Option(
            "--once",
            help="Work until no job is runnable here, then exit (cron, tests).",
        ),
    ] = False,
    loops: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Batches worked at once; default ANALYST_INGEST_WORKERS."
        ),
    ] = None,
) -> None:
    """Work the ingest queue (links and files from the bot or `analyst ingest`) until stopped."""
    settings = settings_of(ctx)
    counts: Counter[str] = Counter()

    async def report(outcome: Outcome) -> None:
        counts[outcome.status] += 1
        typer.echo(outcome_line(outcome))

    async def work(analyst: Analyst) -> Backlog | None:
        queue_worker = QueueWorker(
            analyst.ingest,
            report,
            loops=loops or max(settings.ingest_workers, 1),
            backlog=analyst.queue.backlog,
        )
        task = asyncio.create_task(queue_worker.drain() if once else queue_worker.serve())
        _stop_on_signals(task)
        with contextlib.suppress(asyncio.CancelledError):
            return await task
        return None

    left = run(settings, work)
    if once:
        typer.echo(last_line(counts, left))
