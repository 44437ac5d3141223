"""The timeline as text (terminal and bot alike) and as JSON.

A dated line reads `2015-11-23 · sentence [#4 ABC News, 2015-11-23]`; its date is shown only as
precisely as it is known (`week of 2024-10-07`, `2015-07`, `2007`). Undated events follow under
`Undated (N):`, each led by the expression that could not be placed (`“On January 17”`).

Key dates (`--key`) read `2015-11-23 · sentence [#4 ABC News, 2015-11-23]`, one line a date
with its one or two summary sentences, each citing its article, and `· 12 articles, 5 outlets`
when more than one article refers to the date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.render.cite import cite, cite_many, ref_json, shorten
from bot.render.opening import (
    key_timeline_opening,
    range_words,
    timeline_opening,
    typed_range_words,
)
from bot.services.timeline import KeyDate, KeyTimeline, Timeline, TimelineEntry

EVENT_TEXT_LIMIT = 280
_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def date_label(value: date | None, precision: str) -> str:
    """`2024-10-15`, `week of 2024-10-07`, `2015-07`, `2007`; `undated` when unknown."""
    if value is None:
        return "undated"
    if precision == "week":
        return f"week of {value.isoformat()}"
    return value.strftime(_FORMATS.get(precision, "%Y-%m-%d"))


def _scope(timeline: Timeline) -> str:
    return scope_words(timeline.query.topic, timeline.from_text, timeline.to_text)


def scope_words(topic: str | None, from_text: str | None, to_text: str | None) -> str:
    """What was asked, as words after a noun: ` about “putin” in 2017`."""
    about = f" about “{topic}”" if topic else ""
    return about + typed_range_words(from_text, to_text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def chart_title(timeline: Timeline) -> str:
    """The chart title says what was asked: `Events over time about “putin” in 2017`."""
    return f"Events over time{_scope(timeline)}"


def key_chart_title(key: KeyTimeline, from_text: str | None, to_text: str | None) -> str:
    """The same title for a key-dates answer, which holds the same counts."""
    return f"Events over time{scope_words(key.topic, from_text, to_text)}"


def _span_sentence(timeline: Timeline) -> str:
    first, last = timeline.span.first, timeline.span.last
    if first is None or last is None:
        return "No event has a known date yet."
    if first.year == last.year:
        return f"Events are all from {first.year}."
    return f"Events span {first.year}–{last.year}."


def _event_text(entry: TimelineEntry) -> str:
    caption = " (caption)" if entry.caption else ""
    return f"{shorten(entry.text, EVENT_TEXT_LIMIT)}{caption} {cite_many(entry.sources)}"


def dated_line(entry: TimelineEntry) -> str:
    """One dated event line with all its sources."""
    return f"{date_label(entry.date, entry.precision)} · {_event_text(entry)}"


def undated_line(entry: TimelineEntry) -> str:
    """One undated event line, led by the expression that could not be placed."""
    return f"“{entry.expression}” · {_event_text(entry)}"


def _dated_lines(timeline: Timeline) -> list[str]:
    if not timeline.entries:
        if timeline.span.first is None and not timeline.undated:
            return ["No events stored yet; add articles with `analyst ingest PATH`."]
        return [f"No dated events{_scope(timeline)}. {_span_sentence(timeline)}"]
    count = _plural(timeline.counts.dated, "dated event")
    merged = any(len(e.event_ids) > 1 for e in timeline.entries)
    note = " (reports of one event merged)" if merged else ""
    lines = [f"{count}{_scope(timeline)}, oldest first{note}:"]
    lines += [dated_line(e) for e in timeline.entries]
    if timeline.more > 0:
        more = _plural(timeline.more, "more event")
        lines.append(f"({more}; narrow it with a date range or a topic)")
    return lines


def _undated_lines(timeline: Timeline) -> list[str]:
    total = timeline.counts.undated
    if timeline.query.has_range:
        left = _plural(total, "undated event")
        return [f"({left} left out: their dates are unknown)"] if total else []
    if not timeline.undated:
        return []
    lines = ["", f"Undated ({total}):"]
    lines += [undated_line(e) for e in timeline.undated]
    if total > len(timeline.undated):
        lines.append(f"({total - len(timeline.undated)} more undated)")
    return lines


def timeline_lines(timeline: Timeline) -> list[str]:
    """The answer as lines, under the opening sentence."""
    return _dated_lines(timeline) + _undated_lines(timeline)


def timeline_text(timeline: Timeline) -> str:
    """`analyst timeline`: the opening sentences, dated events oldest first, then the undated
    ones apart."""
    opening = timeline_opening(timeline)
    return "\n".join([*([opening] if opening else []), *timeline_lines(timeline)])


def entry_json(entry: TimelineEntry) -> dict[str, Any]:
    """One timeline line as JSON."""
    return {
        "date": entry.date.isoformat() if entry.date else None,
        "precision": entry.precision,
        "label": date_label(entry.date, entry.precision),
        "expression": entry.expression,
        "text": entry.text,
        "caption": entry.caption,
        "entities": list(entry.entities),
        "sources": [ref_json(ref) for ref in entry.sources],
    }


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """`analyst timeline --json`."""
    query = timeline.query
    span = timeline.span
    return {
        "summary": timeline_opening(timeline),
        "topic": query.topic,
        "from": query.start.isoformat() if query.start else None,
        "to": query.end.isoformat() if query.end else None,
        "dated_total": timeline.counts.dated,
        "more": max(timeline.more, 0),
        "undated_total": timeline.counts.undated,
        "span": {
            "first": span.first.isoformat() if span.first else None,
            "last": span.last.isoformat() if span.last else None,
        },
        "events": [entry_json(e) for e in timeline.entries],
        "undated": [entry_json(e) for e in timeline.undated],
    }


# -- key dates -----------------------------------------------------------------------------------


def key_line(item: KeyDate) -> str:
    """One key date: its summary sentences, each citing its article, then the evidence."""
    told = " ".join(f"{shorten(s.text, EVENT_TEXT_LIMIT)} {cite(s.ref)}" for s in item.summary)
    line = f"{date_label(item.date, item.precision)} · {told}"
    if item.articles > 1:
        line += f" · {_plural(item.articles, 'article')}, {_plural(item.outlets, 'outlet')}"
    return line


def _key_scope(key: KeyTimeline) -> str:
    about = f" about “{key.topic}”" if key.topic else ""
    return about + range_words(key.start, key.end)


def key_lines(key: KeyTimeline) -> list[str]:
    """The key dates as lines, under the opening sentence."""
    if not key.dates:
        if key.dated_total == 0:
            return [f"No dated events{_key_scope(key)}."]
        return [f"No key date could be summarised{_key_scope(key)}."]
    head = (
        f"{_plural(len(key.dates), 'key date')} of {_plural(key.dated_total, 'dated event')}"
        f"{_key_scope(key)}, oldest first (--all lists every event):"
    )
    return [head, *(key_line(item) for item in key.dates)]


def key_text(key: KeyTimeline) -> str:
    """`analyst timeline --key`: the opening sentence, then one line per key date."""
    opening = key_timeline_opening(key)
    return "\n".join([*([opening] if opening else []), *key_lines(key)])


def key_date_json(item: KeyDate) -> dict[str, Any]:
    """One key date as JSON."""
    return {
        "date": item.date.isoformat(),
        "precision": item.precision,
        "label": date_label(item.date, item.precision),
        "score": item.score,
        "articles": item.articles,
        "outlets": item.outlets,
        "summary": [{"text": s.text, "source": ref_json(s.ref)} for s in item.summary],
        "sources": [ref_json(ref) for ref in item.refs],
    }


def key_json(key: KeyTimeline) -> dict[str, Any]:
    """`analyst timeline --key --json`."""
    return {
        "summary": key_timeline_opening(key),
        "mode": "key",
        "topic": key.topic,
        "from": key.start.isoformat() if key.start else None,
        "to": key.end.isoformat() if key.end else None,
        "dated_total": key.dated_total,
        "undated_total": key.undated_total,
        "k": key.k,
        "key_dates": [key_date_json(item) for item in key.dates],
    }
