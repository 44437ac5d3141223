"""`analyst search QUERY`: ranked articles with the matching words in bold."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, run, settings_of
from bot.render import search as render
from bot.services import user_input
from bot.services.search import DEFAULT_LIMIT, MAX_LIMIT, SearchAnswer


@app.command(context_settings={"ignore_unknown_options": True})
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(help="Words to find; -word leaves articles out.", show_default=False),
    ] = None,
    *,
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_LIMIT, help="At most this many articles.")
    ] = DEFAULT_LIMIT,
    from_: Annotated[
        str | None, typer.Option("--from", help="Published from this day, month or year: 2015.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Published up to this day, month or year: 2024-10.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Find articles by their words, best first, the matching words in bold.

    Every word must appear; sanctions also finds sanction.

    "exact phrase" in quotes; in a shell, quote them again: '"nuclear deal"'.

    OR between alternatives: iran sanctions OR embargo.

    -word or NOT word leaves out the articles that have it: treaty -Syria.
    """

    async def work(analyst: Analyst) -> SearchAnswer:
        text = user_input.clean_query(" ".join(query or []))
        return await analyst.search.search(text, limit=limit, from_text=from_, to_text=to)

    answer = run(settings_of(ctx), work)
    emit(as_json, render.search_text(answer), render.search_json(answer))
