"""`analyst article N --events`: every dated (and undated) event found in one article, with the
words that dated it, so a wrong date is easy to see and to judge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storage.timeline import EventRecord


def _when(event: EventRecord) -> str:
    return f"{event.date.isoformat()} ({event.precision})" if event.date else "undated"


def article_events_text(events: Sequence[EventRecord]) -> str:
    """One line per event: its date and precision, the expression, then the sentence."""
    if not events:
        return "Events: none found."
    lines = [f"Events ({len(events)}):"]
    for event in events:
        where = "caption" if event.sentence < 0 else f"sentence {event.sentence}"
        lines.append(f"  {_when(event)} from “{event.expression}” [{where}]: {event.text}")
    return "\n".join(lines)


def article_events_json(events: Sequence[EventRecord]) -> list[dict[str, Any]]:
    """The same as JSON; `sentence` is -1 for an event read from a photo caption."""
    return [
        {
            "date": e.date.isoformat() if e.date else None,
            "precision": e.precision,
            "expression": e.expression,
            "sentence": e.sentence,
            "text": e.text,
        }
        for e in events
    ]
