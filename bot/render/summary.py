"""`/summary` as text and JSON: the chosen sentences, each cited, then key people and dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.render.cite import cite, cite_many, ref_json, shorten
from bot.render.opening import between_words, summary_opening
from bot.services.date_text import format_date
from bot.services.summary import KeyDate, Summary

CITED_ARTICLES = 3


def date_text(value: date, precision: str) -> str:
    """A key date as precisely as it is known: `2015-11-23`, `week of 2024-10-07`, `2015-07`."""
    if precision == "week":
        return f"week of {value.isoformat()}"
    return format_date(value, precision)


def _range(summary: Summary) -> str:
    """` between 2015-01-01 and 2015-12-31`, ` since …`, ` until …`, or nothing."""
    return between_words(summary.start, summary.end)


def nothing_text(summary: Summary) -> str:
    """One line when no article is about the topic in the range."""
    return f"Nothing about {summary.topic!r} in the corpus{_range(summary)}."


def _head(summary: Summary) -> str:
    if summary.article is not None:
        ref = summary.article
        return f"Summary of #{ref.id} “{ref.title or '(untitled)'}” {cite(ref)}"
    shown = summary.articles[:CITED_ARTICLES]
    more = " …" if len(summary.articles) > len(shown) else ""
    count = len(summary.articles)
    noun = "article" if count == 1 else "articles"
    return f"Summary of {summary.topic}{_range(summary)}, {count} {noun}: {cite_many(shown)}{more}"


def _date_line(key: KeyDate) -> str:
    said = "; ".join(f"“{e}”" for e in key.expressions)
    return f"  {date_text(key.date, key.precision)} ({said}) {cite_many(key.refs)}"


def summary_text(summary: Summary) -> str:
    """`analyst summary`: the head, the sentences in reading order, key people and dates."""
    if not summary.articles:
        return nothing_text(summary)
    opening = summary_opening(summary)
    lines = [*([opening] if opening else []), _head(summary)]
    if summary.lines:
        lines += [f"- {shorten(line.text)} {cite(line.ref)}" for line in summary.lines]
    else:
        lines.append("- No sentence long enough to summarise.")
    if summary.people:
        people = ", ".join(f"{p.name} ({p.mentions})" for p in summary.people)
        lines.append(f"People (mentions): {people}")
    else:
        lines.append("People: none named")
    if summary.dates:
        lines += ["Key dates:", *(_date_line(k) for k in summary.dates)]
    else:
        lines.append("Key dates: none stored")
    return "\n".join(lines)


def summary_json(summary: Summary) -> dict[str, Any]:
    """`analyst summary --json`."""
    return {
        "summary": summary_opening(summary),
        "article": ref_json(summary.article) if summary.article else None,
        "topic": summary.topic,
        "from": summary.start.isoformat() if summary.start else None,
        "to": summary.end.isoformat() if summary.end else None,
        "message": None if summary.articles else nothing_text(summary),
        "articles": [ref_json(r) for r in summary.articles],
        "sentences": [
            {"text": line.text, "position": line.position, "article": ref_json(line.ref)}
            for line in summary.lines
        ],
        "people": [
            {"name": p.name, "mentions": p.mentions, "articles": p.articles} for p in summary.people
        ],
        "dates": [
            {
                "date": k.date.isoformat(),
                "precision": k.precision,
                "expressions": list(k.expressions),
                "articles": [r.id for r in k.refs],
            }
            for k in summary.dates
        ],
    }
