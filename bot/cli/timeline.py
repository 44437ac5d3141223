"""`analyst timeline`: dated events, oldest first, each with its sources."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import timeline as render
from bot.services import user_input
from bot.services.timeline import DEFAULT_LIMIT, Timeline


def _write_chart(timeline: Timeline, path: Path) -> None:
    from bot.charts.timeline import timeline_chart

    try:
        path.write_bytes(timeline_chart(timeline.chart, render.chart_title(timeline)))
    except OSError as exc:
        fail(f"cannot write the chart to {path}: {exc.strerror or exc}")


@app.command()
def timeline(
    ctx: typer.Context,
    *,
    topic: Annotated[
        str | None,
        typer.Option("--topic", help="A name (any alias, e.g. putin) or words the event holds."),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="First day, month or year: 2015, 2024-10.")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Last day, month or year: 2017, 2024-10-15.")
    ] = None,
    limit: Annotated[
        int, typer.Option(min=1, max=500, help="At most this many dated lines.")
    ] = DEFAULT_LIMIT,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also draw events over time into this PNG.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Dated events, oldest first, each with its sources; undated events listed apart."""

    async def work(analyst: Analyst) -> Timeline:
        words = user_input.clean_optional(topic, "topic")
        return await analyst.timeline.timeline(words, from_, to, limit, chart=chart is not None)

    answer = run(settings_of(ctx), work)
    text = render.timeline_text(answer)
    if chart is not None:
        _write_chart(answer, chart)
        text += f"\nChart written to {chart}"
    emit(as_json, text, render.timeline_json(answer))
