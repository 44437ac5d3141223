"""`analyst summary`: a short extractive summary of an article or of a topic."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import summary as render
from bot.services import user_input
from bot.services.summary import Summary


@app.command()
def summary(
    ctx: typer.Context,
    article_id: Annotated[
        int | None,
        typer.Argument(help="The article number, as in `analyst articles`.", show_default=False),
    ] = None,
    *,
    topic: Annotated[
        str | None,
        typer.Option("--topic", help="Summarise the articles naming this (any alias) or term."),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="With --topic: first day, month or year.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="With --topic: last day, month or year.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Summarise an article (3-5 of its sentences), or a topic across articles, with key people
    and dates.

    `analyst summary 4` or `analyst summary --topic putin --from 2015 --to 2017`.
    """
    if article_id is None and topic is None:
        fail("give an article number (see `analyst articles`) or --topic")
    if article_id is not None and topic is not None:
        fail("give an article number or --topic, not both")
    if article_id is not None and (from_ or to):
        fail("--from and --to go with --topic")

    async def work(analyst: Analyst) -> Summary:
        if article_id is not None:
            hint = "; list them with `analyst articles` or /search"
            return await analyst.summary.article(user_input.article_id(article_id, hint))
        return await analyst.summary.topic(
            user_input.clean_optional(topic, "topic") or "", from_, to
        )

    answer = run(settings_of(ctx), work)
    emit(as_json, render.summary_text(answer), render.summary_json(answer))
