"""The `analyst` Typer application and what every command shares: settings, running, output."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError

from bot.app import Analyst, open_analyst
from bot.errors import UserFacingError
from config.logging import configure_logging
from config.settings import Settings

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


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the main callback read for this invocation."""
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
    except ValidationError as exc:
        fail(settings_error_line(exc))
    if db:
        settings = settings.model_copy(update={"database_url": db})
    configure_logging(settings.log_level)
    ctx.obj = settings


def settings_error_line(exc: ValidationError) -> str:
    """The first bad setting as `ANALYST_NAME: what is wrong (got 'value')`, in one line."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    prefix = Settings.model_config.get("env_prefix", "")
    name = f"{prefix}{first['loc'][0] if first['loc'] else ''}".upper()
    problem = str(first["msg"]).removeprefix("Value error, ").split(", unable to parse")[0]
    more = len(errors) - 1
    rest = f"; and {more} more bad setting{'s' if more > 1 else ''}" if more else ""
    return f"{name}: {problem[:1].lower()}{problem[1:]} (got {first['input']!r}{rest})"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one `error:` line on stderr and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def run(settings: Settings, work: Callable[[Analyst], Awaitable[T]]) -> T:
    """Open the application, run one command's work, and turn user errors into one line."""

    async def go() -> T:
        async with open_analyst(settings) as analyst:
            return await work(analyst)

    try:
        return asyncio.run(go())
    except UserFacingError as exc:
        fail(exc.for_cli())
    except OperationalError as exc:
        if "locked" in str(exc.orig):
            fail("the database is locked by another process; nothing was lost, try again")
        raise


def emit(as_json: bool, text: str, data: Any) -> None:
    """Print the text answer, or its JSON twin with --json."""
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(text)
