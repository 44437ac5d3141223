"""`analyst quotes SPEAKER` and `analyst who NAME`: what a person said, and who they are."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import quotes as render_quotes
from bot.render import who as render_who
from bot.services import user_input
from bot.services.people import QuotesAnswer, WhoAnswer


@app.command()
def quotes(
    ctx: typer.Context,
    speaker: Annotated[
        str, typer.Argument(help='A person or organisation, by any name: putin, "Vladimir Putin".')
    ],
    *,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            help="A name, alias or words: the quote's sentence names it, or holds every word.",
        ),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="First day, month or year: 2015, 2024-10.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Last day, month or year: 2017, 2024-10-15.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many quotes.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Quotes by a person or organisation, newest first, with date, outlet and source."""

    async def work(analyst: Analyst) -> QuotesAnswer:
        name = user_input.clean_query(speaker, "name")
        words = user_input.clean_optional(topic, "topic")
        return await analyst.people.quotes(name, words, from_, to, limit)

    answer = run(settings_of(ctx), work)
    emit(as_json, render_quotes.quotes_text(answer), render_quotes.quotes_json(answer))


def _write_chart(answer: WhoAnswer, path: Path) -> None:
    try:
        path.write_bytes(render_who.who_chart(answer))
    except OSError as exc:
        fail(f"cannot write the chart to {path}: {exc.strerror or exc}")


@app.command()
def who(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A person, place or organisation, by any name.")],
    *,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also draw mentions by month into this PNG.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """A profile: aliases, mentions by year, who they appear with, their latest quotes."""

    async def work(analyst: Analyst) -> WhoAnswer:
        return await analyst.people.who(user_input.clean_query(name, "name"))

    answer = run(settings_of(ctx), work)
    text = render_who.who_text(answer)
    if chart is not None:
        _write_chart(answer, chart)
        text += f"\nChart written to {chart}"
    emit(as_json, text, render_who.who_json(answer))
