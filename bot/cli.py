"""The `analyst` command line: ingest, inspect and query the corpus without Discord."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from bot.render import corpus as render
from config.logging import configure_logging
from config.settings import Settings
from storage.migrate import current_revision, head_revision

if TYPE_CHECKING:
    from bot.services.ingest import Outcome

T = TypeVar("T")

app = typer.Typer(
    name="analyst",
    help="Analyst: a memory for a team of news analysts. Ingest articles, then ask.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")

JsonOption = Annotated[bool, typer.Option("--json", help="Print documented JSON instead of text.")]


def _settings(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database URL; overrides ANALYST_DATABASE_URL.", show_default=False
        ),
    ] = None,
) -> None:
    """Read the settings once; --db wins over the environment."""
    try:
        settings = Settings()  # type: ignore[call-arg]  # values come from the environment
    except ValueError as exc:
        _fail(f"bad setting: {exc}")
    if db:
        settings = settings.model_copy(update={"database_url": db})
    configure_logging(settings.log_level)
    ctx.obj = settings


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _run(settings: Settings, work: Callable[[Analyst], Awaitable[T]]) -> T:
    """Open the application, run one command's work, and turn user errors into one line."""

    async def go() -> T:
        async with open_analyst(settings) as analyst:
            return await work(analyst)

    try:
        return asyncio.run(go())
    except UserFacingError as exc:
        _fail(exc.message)
        raise  # unreachable: _fail exits


def _emit(as_json: bool, text: str, data: Any) -> None:
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(text)


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
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or manifests (.csv/.jsonl).")],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Show each line kept or dropped and why; store nothing."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Add articles from files, folders and manifests; re-running resumes without duplicates."""
    settings = _settings(ctx)
    if explain:
        from bot.services.explain import explain_paths, explain_text

        reports = explain_paths(paths, settings.max_file_bytes)
        _emit(as_json, explain_text(reports), [r.as_json() for r in reports])
        return
    show_progress = not as_json and sys.stderr.isatty()

    async def work(analyst: Analyst) -> list[Outcome]:
        queued = await analyst.ingest.enqueue_paths(paths)
        outcomes = list(queued.problems)
        with _progress(show_progress) as progress:
            task = progress.add_task("", total=len(queued.job_ids))

            def advance(outcome: Outcome) -> None:
                progress.update(task, advance=1, description=outcome.source[-40:])

            outcomes += await analyst.ingest.run(queued.job_ids, advance)
        return outcomes

    try:
        outcomes = _run(settings, work)
    except KeyboardInterrupt:
        _fail("interrupted; what was stored is kept. Run the same command again to resume.", 130)
        return
    _emit(as_json, render.ingest_summary_text(outcomes), render.ingest_summary_json(outcomes))
    if not outcomes:
        _fail("nothing to ingest")
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

    async def work(analyst: Analyst) -> tuple[int, list[Any]]:
        return await analyst.articles.count(), await analyst.articles.list(limit, offset)

    total, rows = _run(_settings(ctx), work)
    data = {"total": total, "articles": [render.article_summary_json(a) for a in rows]}
    _emit(as_json, render.articles_text(rows, total, offset), data)


@app.command()
def article(
    ctx: typer.Context,
    article_id: Annotated[
        int, typer.Argument(help="The article number, as in `analyst articles`.")
    ],
    text: Annotated[bool, typer.Option("--text/--no-text", help="Print the cleaned text.")] = True,
    dropped: Annotated[
        bool, typer.Option("--dropped/--no-dropped", help="List the lines cleaning dropped.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, cleaned text and what cleaning dropped."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.articles.get(article_id)

    detail = _run(_settings(ctx), work)
    if detail is None:
        _fail(f"no article #{article_id}; `analyst articles` lists them")
    _emit(
        as_json,
        render.article_text(detail, show_text=text, show_dropped=dropped),
        render.article_json(detail),
    )


@app.command()
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """What the corpus holds: articles, outlets, dates, the most mentioned people and places."""

    async def work(analyst: Analyst) -> Any:
        return await analyst.stats.corpus()

    figures = _run(_settings(ctx), work)
    _emit(as_json, render.stats_text(figures), render.stats_json(figures))


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Bring the database to the newest schema (every command also does this at start)."""

    async def work(analyst: Analyst) -> str | None:
        return await current_revision(analyst.engine)

    revision = _run(_settings(ctx), work)
    _emit(
        as_json,
        f"database at revision {revision} (newest: {head_revision()})",
        {"revision": revision, "head": head_revision()},
    )


def main() -> None:
    """Console-script entry point."""
    app()
