"""/timeline as Discord reads it: events grouped under their year, the chart inside the embed.

A line reads `**23 Nov** · Putin arrived in Tehran … · [ABC News, 23 Nov 2015](https://…)`.
Historical events keep plain dates (they happened on that day wherever the reader is), shown
only as precisely as they are known; undated events follow apart, led by the words that could
not be placed.

Past `KEY_THRESHOLD` dated events the answer is the key dates instead (`key_dates_answer`): one
block per date, `**23 Nov 2015** · 6 articles, 4 outlets`, then its summary sentences, each
citing its article, and the other articles that refer to the date. An "All events" button
answers with the full list, which keeps a "Key dates" button back.
"""

from __future__ import annotations

from itertools import groupby

from bot.render.opening import plural, timeline_opening, typed_range_words
from bot.render.timeline import EVENT_TEXT_LIMIT, key_json, timeline_json
from bot.services.date_text import human_date
from bot.services.timeline import KEY_THRESHOLD, KeyDate, KeyTimeline, Timeline, TimelineEntry
from bot.ui.escape import escape_corpus
from bot.ui.links import source_link, source_links
from bot.ui.page import Answer, Attachment, EmbedBook, Export, Suggestion, answer, fit

EMPTY = "No events stored yet: post article links in the watched channel, or use /ingest."
ALL_EVENTS = Suggestion("All events", (("view", "all"),))
KEY_DATES = Suggestion("Key dates", (("view", "key"),))
MORE_SOURCES = 3  # articles shown beside a date's cited ones


def day_label(entry: TimelineEntry) -> str:
    """The date within its year: `23 Nov`, `week of 7 Oct`, `Jul`, or `in the year`."""
    value = entry.date
    if value is None:
        return "undated"
    if entry.precision == "day":
        return f"{value.day} {value:%b}"
    if entry.precision == "week":
        return f"week of {value.day} {value:%b}"
    if entry.precision == "month":
        return f"{value:%B}"
    return "in the year"


def _event(entry: TimelineEntry) -> str:
    caption = " (caption)" if entry.caption else ""
    sources = source_links(entry.sources, limit=3)
    return f"{fit(entry.text, EVENT_TEXT_LIMIT)}{caption} · {sources}"


def event_line(entry: TimelineEntry) -> str:
    """One dated event under its year heading."""
    return f"**{day_label(entry)}** · {_event(entry)}"


def undated_line(entry: TimelineEntry) -> str:
    """One undated event, led by the expression that could not be placed."""
    return f"“{escape_corpus(' '.join(entry.expression.split()))}” · {_event(entry)}"


def _scope(timeline: Timeline) -> str:
    topic = timeline.query.topic
    return f"Timeline: {topic}" if topic else "Timeline"


def timeline_answer(timeline: Timeline, chart: bytes | None) -> Answer:
    """Dated events by year, oldest first, then undated ones; the chart on every page."""
    image = Attachment("timeline.png", chart) if chart is not None else None
    book = EmbedBook(_scope(timeline), opening=timeline_opening(timeline), image=image)
    export = Export(timeline_json(timeline), "timeline")
    if not timeline.entries and not timeline.undated and timeline.span.first is None:
        book.paragraph(EMPTY)
        return answer(book, export)
    suggestions: list[Suggestion] = []
    if timeline.counts.dated > KEY_THRESHOLD:
        suggestions.append(KEY_DATES)
    if not timeline.entries:
        book.paragraph("No dated events match: try another topic or a wider date range.")
        if timeline.query.has_range:
            suggestions.append(Suggestion("All dates", (("from_", None), ("to", None))))
        if timeline.query.topic:
            suggestions.append(Suggestion("All topics", (("topic", None),)))
    lines: list[str] = []
    for year, entries in groupby(timeline.entries, key=lambda e: e.date.year if e.date else 0):
        group = list(entries)
        if lines:
            lines.append("")  # a blank line between years
        lines.append(f"**{year}** · {plural(len(group), 'event')}")
        lines += [event_line(entry) for entry in group]
    if timeline.more > 0:
        lines.append(
            f"({plural(timeline.more, 'more event')}: narrow it with a date range or a topic)"
        )
    book.lines(lines)
    total = timeline.counts.undated
    if timeline.query.has_range and total:
        book.paragraph(f"({plural(total, 'undated event')} left out: their dates are unknown)")
    elif timeline.undated:
        undated = [f"**Undated** · {total}", *(undated_line(e) for e in timeline.undated)]
        if total > len(timeline.undated):
            undated.append(f"({total - len(timeline.undated)} more undated)")
        book.lines(undated)
    return answer(book, export, suggestions=suggestions)


# -- key dates ----------------------------------------------------------------------------------


def key_opening(key: KeyTimeline, from_text: str | None = None, to_text: str | None = None) -> str:
    """`12 key dates (2015–2024) of 340 dated events about “putin”, oldest first: the dates most
    articles and outlets refer to, each told in a sentence from them. All events shows the
    full list.`"""
    topic = f" about “{key.topic}”" if key.topic else ""
    scope = topic + typed_range_words(from_text, to_text)
    years = sorted({d.date.year for d in key.dates})
    span = f" ({years[0]}–{years[-1]})" if len(years) > 1 else ""
    head = f"{plural(len(key.dates), 'key date')}{span} of {plural(key.dated_total, 'dated event')}"
    return (
        f"{head}{scope}, oldest first: the dates most articles and outlets refer to, "
        "each told in a sentence from them. All events shows the full list."
    )


def _evidence(day: KeyDate) -> str:
    said = plural(day.articles, "article")
    return f"{said}, {plural(day.outlets, 'outlet')}" if day.outlets else said


def key_block(day: KeyDate) -> str:
    """One date: its heading, each summary sentence with its source, then other sources."""
    lines = [f"**{human_date(day.date, day.precision)}** · {_evidence(day)}"]
    cited = set()
    for sentence in day.summary:
        lines.append(f"{fit(sentence.text, EVENT_TEXT_LIMIT)} · {source_link(sentence.ref)}")
        cited.add(sentence.ref.id)
    others = [ref for ref in day.refs if ref.id not in cited]
    if others:
        lines.append(f"Also: {source_links(others, limit=MORE_SOURCES)}")
    return "\n".join(lines)


def key_dates_answer(
    key: KeyTimeline,
    chart: bytes | None,
    *,
    from_text: str | None = None,
    to_text: str | None = None,
) -> Answer:
    """The dates that matter, oldest first, one block each; the chart on every page, an
    "All events" button for the full list, and the CLI's `--key --json` document as Export."""
    image = Attachment("timeline.png", chart) if chart is not None else None
    title = f"Key dates: {key.topic}" if key.topic else "Key dates"
    book = EmbedBook(title, opening=key_opening(key, from_text, to_text), image=image)
    if not key.dates:
        book.paragraph("No key dates in this range: All events lists what there is.")
    for day in key.dates:
        book.paragraph(key_block(day))
    return answer(book, Export(key_json(key), "timeline"), suggestions=(ALL_EVENTS,))
