"""`analyst search QUERY`: ranked articles, the matching words in bold on a terminal.

Plain text when the output is a pipe or a file (or `NO_COLOR` is set, or `TERM=dumb`); on a
terminal the hits are ANSI bold. Never Markdown: `**` in the output is the article's own.
"""

from __future__ import annotations

import os
import sys
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
    """Find articles by their words, best first, the matching words in bold on a terminal.

    Every word must appear; sanctions also finds sanction.

    "exact phrase" in quotes; in a shell, quote them again: '"nuclear deal"'.

    OR between alternatives: iran sanctions OR embargo.

    -word or NOT word leaves out the articles that have it: treaty -Syria.
    """

    async def work(analyst: Analyst) -> SearchAnswer:
        text = user_input.clean_query(" ".join(query or []))
        return await analyst.search.search(text, limit=limit, from_text=from_, to_text=to)

    answer = run(settings_of(ctx), work)
    mark = render.ansi_bold if bold_on_terminal() else render.unmarked
    emit(as_json, render.search_text(answer, mark), render.search_json(answer))


def bold_on_terminal() -> bool:
    """Whether the hits may be ANSI bold: stdout is a terminal and colour is not turned off
    (https://no-color.org: any non-empty NO_COLOR; a dumb terminal takes no escapes either)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()
