"""`analyst digest`: preview the daily digest in the terminal (what arrived since a moment)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import digest as render
from bot.services.digest import FIRST_WINDOW, Digest, Window


def since_moment(text: str | None, now: datetime) -> datetime:
    """`--since` as a UTC moment: a day (`2026-11-22`, midnight UTC) or an ISO date and time."""
    if text is None:
        return now - FIRST_WINDOW
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        fail(f"--since takes a date or an ISO date and time (e.g. 2026-11-22), not “{text}”")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@app.command()
def digest(
    ctx: typer.Context,
    *,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Cover articles added after this day or time (default: 24 hours ago)."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Preview the digest: new articles grouped by story, dated events, quotes, rising names."""
    now = datetime.now(UTC)
    window = Window(since_moment(since, now), now, "UTC")

    async def work(analyst: Analyst) -> Digest | None:
        return await analyst.digest.compose(window)

    answer = run(settings_of(ctx), work)
    text = render.digest_text(answer) if answer else render.nothing_new_text(window)
    emit(as_json, text, render.digest_json(answer, window))
