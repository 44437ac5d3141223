"""`analyst timeline`: dated events, oldest first, each with its sources; key dates past a size.

Key dates (`--key`, or `--dates K`) answer by default when the range holds more than
`KEY_THRESHOLD` dated events; `--all` always lists every event as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.app import Analyst
from bot.cli.app import JsonOption, app, emit, fail, run, settings_of
from bot.render import timeline as render
from bot.services import user_input
from bot.services.timeline import (
    DEFAULT_LIMIT,
    KEY_THRESHOLD,
    MAX_KEY_DATES,
    KeyTimeline,
    Timeline,
)


def _write_chart(timeline: Timeline, path: Path) -> None:
    from bot.charts.timeline import timeline_chart

    try:
        path.write_bytes(timeline_chart(timeline.chart, render.chart_title(timeline)))
    except OSError as exc:
        fail(f"cannot write the chart to {path}: {exc.strerror or exc}")


def _dates(value: str | None) -> int | None:
    """`--dates K` as a whole number in range, or one error line."""
    if value is None:
        return None
    try:
        k = int(value.strip())
    except ValueError:
        k = 0
    if not 1 <= k <= MAX_KEY_DATES:
        fail(f"--dates must be a whole number from 1 to {MAX_KEY_DATES}, not {value!r}")
    return k


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
        Path | None,
        typer.Option("--chart", help="Also draw events over time into this PNG (every event)."),
    ] = None,
    key: Annotated[
        bool,
        typer.Option(
            "--key",
            help=f"Key dates, each in a sentence (the default past {KEY_THRESHOLD} events).",
        ),
    ] = False,
    dates: Annotated[
        str | None,
        typer.Option("--dates", metavar="K", help="This many key dates (implies --key)."),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every dated event, however many (no key dates).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Dated events, oldest first, each with its sources; key dates when there are many."""
    k = _dates(dates)
    asked_key = key or k is not None
    if every and asked_key:
        fail("--all lists every event: leave out --key and --dates")
    if chart is not None and asked_key:
        fail("--chart draws every event: leave out --key and --dates")

    async def work(analyst: Analyst) -> Timeline | KeyTimeline:
        words = user_input.clean_optional(topic, "topic")
        if asked_key or not (every or chart is not None):
            found = await analyst.timeline.key_dates(words, from_, to, k=k)
            if asked_key or found.dated_total > KEY_THRESHOLD:
                return found  # a busy range is read once, for its key dates
        return await analyst.timeline.timeline(words, from_, to, limit, chart=chart is not None)

    answer = run(settings_of(ctx), work)
    if isinstance(answer, KeyTimeline):
        emit(as_json, render.key_text(answer), render.key_json(answer))
        return
    text = render.timeline_text(answer)
    if chart is not None:
        _write_chart(answer, chart)
        text += f"\nChart written to {chart}"
    emit(as_json, text, render.timeline_json(answer))
