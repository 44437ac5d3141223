"""`analyst feed add|remove|list|resume|import|export|poll`: followed feeds without Discord.

Feeds followed here belong to no guild (their new articles go to the corpus and the digest, with
no card to post); `--guild` and `--channel` set up a guild's feed from the terminal, as /feed add
would. `analyst feed poll --once` polls what is due (`--all`: everything) and then works the
queued items to the end, as `analyst ingest` does; `--from` reads saved feed files instead of
the web. See docs/feeds.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.cli.corpus import _progress
from bot.render import feeds as render
from bot.services.feeds import CARDS, DIGEST

if TYPE_CHECKING:
    from bot.services.feed_poller import PollReport
    from bot.services.ingest import Outcome

feed_app = typer.Typer(
    help="Followed RSS, Atom and JSON feeds: polled into the corpus.", no_args_is_help=True
)
app.add_typer(feed_app, name="feed")

GuildOption = Annotated[
    int,
    typer.Option(
        "--guild", min=0, help="The guild (server) id; 0, the default: the command line's feeds."
    ),
]
FeedArgument = Annotated[
    str, typer.Argument(help="The feed's number (as `analyst feed list` shows) or address.")
]
DigestOnly = Annotated[
    bool,
    typer.Option("--digest-only", help="Post no cards: new articles appear in the digest only."),
]


@feed_app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The feed's address (RSS, Atom or JSON Feed).")],
    *,
    digest_only: DigestOnly = False,
    guild: GuildOption = 0,
    channel: Annotated[
        int | None,
        typer.Option(
            "--channel", min=1, help="Where its cards go (with --guild).", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Follow a feed: it is fetched once to check it, then polled every ANALYST_FEED_INTERVAL."""
    if channel is not None and not guild:
        fail("--channel needs --guild: a channel belongs to a guild")

    async def work(analyst: Analyst) -> Any:
        return await analyst.feeds.add(
            url, guild_id=guild, channel_id=channel, mode=DIGEST if digest_only else CARDS
        )

    feed = run(settings_of(ctx), work)
    emit(as_json, f"following #{feed.id} {feed.label}", render.feed_json(feed))


@feed_app.command("remove")
def remove(
    ctx: typer.Context, feed: FeedArgument, *, guild: GuildOption = 0, as_json: JsonOption = False
) -> None:
    """Stop following a feed; the articles it brought in stay."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.feeds.remove(guild, feed)

    removed = run(settings_of(ctx), work)
    emit(as_json, f"no longer following #{removed.id} {removed.label}", render.feed_json(removed))


@feed_app.command("list")
def list_feeds(ctx: typer.Context, *, guild: GuildOption = 0, as_json: JsonOption = False) -> None:
    """The feeds followed, with their health: last poll and success, new items, last error."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.feeds.list(guild)

    feeds = run(settings_of(ctx), work)
    emit(as_json, render.feeds_text(feeds), render.feeds_json(feeds))


@feed_app.command("resume")
def resume(
    ctx: typer.Context, feed: FeedArgument, *, guild: GuildOption = 0, as_json: JsonOption = False
) -> None:
    """Poll a feed again now, its failures forgotten (a paused feed restarts)."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.feeds.resume(guild, feed)

    resumed = run(settings_of(ctx), work)
    emit(as_json, f"resumed #{resumed.id} {resumed.label}", render.feed_json(resumed))


@feed_app.command("import")
def import_opml(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An OPML file (as feed readers export).")],
    *,
    digest_only: DigestOnly = False,
    guild: GuildOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Follow every feed of an OPML file; feeds already followed are skipped."""
    data = _read(file)

    async def work(analyst: Analyst) -> Any:
        mode = DIGEST if digest_only else CARDS
        return await analyst.feeds.import_opml(data, guild_id=guild, mode=mode)

    result = run(settings_of(ctx), work)
    emit(as_json, render.import_text(result), render.import_json(result))


@feed_app.command("export")
def export_opml(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help="Where to write the OPML (default: the terminal).", show_default=False),
    ] = None,
    *,
    guild: GuildOption = 0,
) -> None:
    """Write the feeds followed as an OPML file, for a feed reader or another Analyst."""

    async def work(analyst: Analyst) -> bytes:
        return await analyst.feeds.export_opml(guild)

    data = run(settings_of(ctx), work)
    if file is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        file.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {file}: {exc.strerror or exc}")
    typer.echo(f"wrote {file}", err=True)


@feed_app.command("poll")
def poll(
    ctx: typer.Context,
    *,
    once: Annotated[
        bool,
        typer.Option(
            "--once", help="Poll what is due once, ingest what came in, and exit (cron, tests)."
        ),
    ] = False,
    everything: Annotated[
        bool, typer.Option("--all", help="With --once: poll every active feed, due or not.")
    ] = False,
    sources: Annotated[
        list[Path] | None,
        typer.Option(
            "--from",
            help="With --once: read saved feed files (or folders of them) instead of the web.",
            show_default=False,
        ),
    ] = None,
    queue_only: Annotated[
        bool,
        typer.Option(
            "--no-ingest",
            help="With --once: queue the new items' links without fetching them now"
            " (`analyst worker` or the bot works them later; e.g. offline).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Poll followed feeds into the corpus: once (--once), or on their schedule until stopped."""
    settings = settings_of(ctx)
    if (everything or sources or queue_only) and not once:
        fail("--all, --from and --no-ingest go with --once")
    if not once:
        run(settings, _serve)
        return
    show_progress = not as_json and sys.stderr.isatty()

    async def work(analyst: Analyst) -> tuple[PollReport, list[Outcome] | None]:
        if sources:
            report = await analyst.feeds.poll_files(sources)
        else:
            report = await analyst.feeds.poll_once(everything=everything)
        if queue_only:
            return report, None
        return report, await _ingest(analyst, report.job_ids, show_progress)

    try:
        report, outcomes = run(settings, work)
    except KeyboardInterrupt:
        fail("interrupted; what was stored is kept. `analyst worker --once` works the rest.", 130)
    emit(as_json, render.poll_text(report, outcomes), render.poll_json(report, outcomes))
    failed = any(p.status in ("failed", "paused") for p in report.polls)
    if failed or any(o.status == "failed" for o in outcomes or ()):
        raise typer.Exit(1)


async def _ingest(analyst: Analyst, job_ids: list[int], show: bool) -> list[Outcome]:
    """Work the jobs a poll queued to the end, with the progress bar `analyst ingest` shows."""
    if not job_ids:
        return []
    with _progress(show) as progress:
        task = progress.add_task("", total=len(job_ids))

        def advance(outcome: Outcome) -> None:
            progress.update(task, advance=1, description=outcome.source[-40:])

        return await analyst.ingest.run(job_ids, advance)


async def _serve(analyst: Analyst) -> None:
    """Poll on schedule and work the queue until Ctrl-C, one line per feed that brought news."""
    from bot.cli.worker import _stop_on_signals as stop_on_signals
    from bot.cli.worker import outcome_line
    from bot.services.worker import QueueWorker

    async def report(outcome: Outcome) -> None:
        typer.echo(outcome_line(outcome))

    def polled(round_: PollReport) -> None:
        for line in render.poll_lines(round_, quiet=True):
            typer.echo(line.strip())
        worker.notify()

    worker = QueueWorker(analyst.ingest, report, loops=max(analyst.settings.ingest_workers, 1))
    typer.echo("polling feeds on their schedule; Ctrl-C stops", err=True)
    worker.start()
    polling = asyncio.create_task(analyst.feeds.run(on_round=polled))
    stop_on_signals(polling)  # SIGINT and SIGTERM end the loop; jobs in flight go back
    try:
        with contextlib.suppress(asyncio.CancelledError):
            await polling
    finally:
        await worker.stop()


def _read(file: Path) -> bytes:
    """A file's bytes, or one error line."""
    try:
        return file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
