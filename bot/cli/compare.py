"""`analyst compare A B`: what distinguishes one period of the corpus from another."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import compare as render
from bot.services import user_input
from bot.services.compare import Comparison


def _write_chart(comparison: Comparison, path: Path) -> None:
    from bot.charts.compare import compare_chart

    try:
        path.write_bytes(compare_chart(comparison))
    except OSError as exc:
        fail(f"cannot write the chart to {path}: {exc.strerror or exc}")


@app.command()
def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(help="A period: 2015, 2015-2017, 2024-10, or D..D.")],
    second: Annotated[str, typer.Argument(help="The period to compare it with.")],
    *,
    topic: Annotated[
        str | None,
        typer.Option("--topic", help="Only articles naming this (any alias, e.g. putin) or term."),
    ] = None,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also draw what sets each period apart into this PNG."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Compare two periods: the people, places and terms that set each apart, and what both share.

    Periods: 2015, 2015-2017, 2024-10, 2024-10-15 or 2015-11-01..2015-12-31 (undated: none).
    """

    async def work(analyst: Analyst) -> Comparison:
        words = user_input.clean_optional(topic, "topic")
        return await analyst.compare.compare(first, second, words)

    answer = run(settings_of(ctx), work)
    text = render.compare_text(answer)
    if chart is not None and not answer.empty:
        _write_chart(answer, chart)
        text += f"\nChart written to {chart}"
    emit(as_json, text, render.compare_json(answer))
