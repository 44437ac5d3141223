"""Corpus commands: ingest, articles, article, stats, db upgrade."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from analysis.urls import looks_like_link
from bot.app import Analyst
from bot.cli.app import JsonOption, app, db_app, emit, fail, run, settings_of
from bot.render import corpus as render
from bot.render.article_events import article_events_json, article_events_text
from bot.render.article_quotes import article_quotes_json, article_quotes_text
from bot.services import user_input
from storage.migrate import current_revision, head_revision

if TYPE_CHECKING:
    from bot.services.ingest import Outcome


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        disable=not enabled,
        transient=True,
    )


@app.command()
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, manifests (.csv/.jsonl) or links (http:// or https://).",
            show_default=False,
        ),
    ],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Show each line kept or dropped and why; store nothing."),
    ] = False,
    allow_outside: Annotated[
        bool,
        typer.Option(
            "--allow-outside",
            help="Also read manifest rows and symlinks that lead outside the manifest's folder "
            "or the folder being ingested (refused by default).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Add articles from files, folders, manifests and web links; re-running adds no duplicates."""
    settings = settings_of(ctx)
    paths = [Path(s) for s in sources if not looks_like_link(s)]
    urls = [s for s in sources if looks_like_link(s)]
    if explain and urls:
        fail("--explain reads files only; ingest links without it")
    if explain:
        from bot.services.explain import explain_paths, explain_text

        reports = explain_paths(paths, settings.max_file_bytes, allow_outside=allow_outside)
        emit(as_json, explain_text(reports), [r.as_json() for r in reports])
        return
    show_progress = not as_json and sys.stderr.isatty()

    async def work(analyst: Analyst) -> list[Outcome]:
        queued = await analyst.ingest.enqueue_paths(paths, allow_outside=allow_outside)
        links = await analyst.ingest.enqueue_urls(urls)
        outcomes = queued.problems + links.problems
        job_ids = list(dict.fromkeys(queued.job_ids + links.job_ids))
        with _progress(show_progress) as progress:
            task = progress.add_task("", total=len(job_ids))

            def advance(outcome: Outcome) -> None:
                progress.update(task, advance=1, description=outcome.source[-40:])

            outcomes += await analyst.ingest.run(job_ids, advance)
        return outcomes

    try:
        outcomes = run(settings, work)
    except KeyboardInterrupt:
        fail("interrupted; what was stored is kept. Run the same command again to resume.", 130)
    emit(as_json, render.ingest_summary_text(outcomes), render.ingest_summary_json(outcomes))
    if not outcomes:
        fail("nothing to ingest")
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


@app.command()
def articles(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="How many to skip.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, newest first, undated last."""
    skip = min(offset, user_input.MAX_ARTICLE_ID)  # no corpus holds more articles than ids

    async def work(analyst: Analyst) -> tuple[int, list[Any]]:
        return await analyst.articles.count(), await analyst.articles.list(limit, skip)

    total, rows = run(settings_of(ctx), work)
    data = {"total": total, "articles": [render.article_summary_json(a) for a in rows]}
    emit(as_json, render.articles_text(rows, total, offset), data)


@app.command()
def article(
    ctx: typer.Context,
    article_id: Annotated[
        int, typer.Argument(help="The article number, as in `analyst articles`.")
    ],
    *,
    text: Annotated[bool, typer.Option("--text/--no-text", help="Print the cleaned text.")] = True,
    dropped: Annotated[
        bool, typer.Option("--dropped/--no-dropped", help="List the lines cleaning dropped.")
    ] = True,
    quotes: Annotated[
        bool,
        typer.Option(
            "--quotes",
            help="Also list every quote found in it, with the person /quotes finds it under.",
        ),
    ] = False,
    events: Annotated[
        bool,
        typer.Option("--events", help="Also list every event found in it, with its date."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, cleaned text and what cleaning dropped."""
    hint = "; `analyst articles` lists them"

    async def work(analyst: Analyst) -> Any:
        number = user_input.article_id(article_id, hint)
        detail = await analyst.articles.get(number)
        found = await analyst.people.article_quotes(number) if quotes and detail else []
        dated = await analyst.timeline.article_events(number) if events and detail else []
        return detail, found, dated

    detail, found, dated = run(settings_of(ctx), work)
    if detail is None:
        fail(f"no article #{article_id}{hint}")
    text_out = render.article_text(detail, show_text=text, show_dropped=dropped)
    data = render.article_json(detail)
    if quotes:
        text_out += "\n\n" + article_quotes_text(found)
        data["quotes"] = article_quotes_json(found)
    if events:
        text_out += "\n\n" + article_events_text(dated)
        data["events"] = article_events_json(dated)
    emit(as_json, text_out, data)


@app.command()
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """What the corpus holds: articles, outlets, dates, the most mentioned people and places."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.stats.corpus()

    figures = run(settings_of(ctx), work)
    emit(as_json, render.stats_text(figures), render.stats_json(figures))


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Bring the database to the newest schema (every command also does this at start)."""

    async def work(analyst: Analyst) -> str | None:
        return await current_revision(analyst.engine)

    revision = run(settings_of(ctx), work)
    emit(
        as_json,
        f"database at revision {revision} (newest: {head_revision()})",
        {"revision": revision, "head": head_revision()},
    )
