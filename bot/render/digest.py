"""The digest as text (terminal, preview and channel alike) and as JSON.

The text opens with one summary line, then each part under a plain heading; every `• ` line
cites its article(s), and a closing `Sources` list gives each cited article's link.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analysis.spikes import BASELINE_DAYS
from bot.render.cite import cite, cite_many, link, ref_json, shorten
from bot.render.opening import digest_opening, local_time, plural
from bot.render.timeline import date_label
from bot.services.digest import Digest, Rising, Story, Window
from storage.digests import WindowEvent, WindowQuote
from storage.records_cite import ArticleRef

TEXT_LIMIT = 280


def nothing_new_text(window: Window) -> str:
    """The quiet-day line."""
    return f"Nothing new since {local_time(window.start, window.zone)}."


def title(day: str | None = None) -> str:
    """The embed title: `Daily digest — 2026-11-23`, or the preview's."""
    return f"Daily digest — {day}" if day else "Digest preview"


def _article_line(ref: ArticleRef) -> str:
    return f"• {shorten(ref.title or '(untitled)', TEXT_LIMIT)} {cite(ref)}"


def _story_lines(stories: Iterable[Story]) -> list[str]:
    lines: list[str] = []
    singles: list[ArticleRef] = []
    for story in stories:
        if len(story.articles) == 1:
            singles += story.articles
            continue
        label = " · ".join(story.label) or "Related articles"
        lines += ["", f"{label} — {plural(len(story.articles), 'article')}"]
        lines += [_article_line(ref) for ref in story.articles]
    if singles:
        lines += ["", "Other new articles" if lines else "New articles"]
        lines += [_article_line(ref) for ref in singles]
    return lines


def _event_line(event: WindowEvent) -> str:
    when = date_label(event.date, event.precision)
    return f"• {when} · {shorten(event.text, TEXT_LIMIT)} {cite(event.ref)}"


def _quote_line(quote: WindowQuote) -> str:
    return (
        f"• {quote.speaker}: “{shorten(quote.text, TEXT_LIMIT)}” ({quote.kind}) {cite(quote.ref)}"
    )


def per_day(value: float) -> str:
    """`1.4`, `1` (no `.0`), `0.1`: a mean a day to one decimal."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def rising_counts(item: Rising) -> str:
    """`12 mentions against 1.4 a day in the 14 days before` (a term: uses), or `5 mentions,
    none in the 14 days before` for a new name."""
    uses = plural(item.now, "use" if item.kind == "term" else "mention")
    if item.baseline == 0:
        return f"{uses}, none in the {BASELINE_DAYS} days before"
    return f"{uses} against {per_day(item.baseline)} a day in the {BASELINE_DAYS} days before"


def rising_heading(day: str | None) -> str:
    """`Rising on 2026-12-04` (the day the spikes are of), else just `Rising`."""
    return f"Rising on {day}" if day else "Rising"


def _rising_line(item: Rising) -> str:
    name = f"“{item.name}”" if item.kind == "term" else item.name
    return f"• {name}: {rising_counts(item)} {cite_many(item.refs)}"


def _cited(digest: Digest) -> dict[int, ArticleRef]:
    refs: dict[int, ArticleRef] = {}
    for story in digest.stories:
        refs.update((r.id, r) for r in story.articles)
    for ref in [e.ref for e in digest.events] + [q.ref for q in digest.quotes]:
        refs.setdefault(ref.id, ref)
    # a rising name's articles are of its day, not necessarily of the window
    for ref in [r for item in digest.rising for r in item.refs]:
        refs.setdefault(ref.id, ref)
    return refs


def digest_text(digest: Digest) -> str:
    """The whole digest, one cited line per article, event, quote and rising name."""
    opening = digest_opening(digest) or nothing_new_text(digest.window)
    listed = [f"The first {digest.listed} are listed."] if digest.listed < digest.articles else []
    lines = [opening, *listed, *_story_lines(digest.stories)]
    if digest.events:
        more = digest.events_total - len(digest.events)
        extra = f" (newest {len(digest.events)} of {digest.events_total})" if more else ""
        lines += ["", f"New dated events{extra}", *map(_event_line, digest.events)]
    if digest.quotes:
        lines += ["", "Notable quotes", *map(_quote_line, digest.quotes)]
    if digest.rising:
        day = digest.rising[0].day
        lines += ["", rising_heading(day.isoformat() if day else None)]
        lines += map(_rising_line, digest.rising)
    sources = [f"{cite(r)} {link(r)}" for r in sorted(_cited(digest).values(), key=_ref_id)]
    lines += ["", "Sources", *sources]
    return "\n".join(lines)


def _ref_id(ref: ArticleRef) -> int:
    return ref.id


def window_json(window: Window) -> dict[str, Any]:
    """A window as JSON: ISO moments in UTC and the zone it is shown in."""
    return {"start": window.start.isoformat(), "end": window.end.isoformat(), "zone": window.zone}


def digest_json(digest: Digest | None, window: Window) -> dict[str, Any]:
    """The digest as documented JSON (`articles` 0 and empty lists on a quiet day)."""
    if digest is None:
        return {
            "summary": None,
            "window": window_json(window),
            "articles": 0,
            "stories": [],
            "events": [],
            "quotes": [],
            "rising": [],
        }
    return {
        "summary": digest_opening(digest),
        "window": window_json(window),
        "articles": digest.articles,
        "stories": [
            {"label": list(s.label), "articles": [ref_json(r) for r in s.articles]}
            for s in digest.stories
        ],
        "events": [
            {
                "date": e.date.isoformat(),
                "precision": e.precision,
                "text": e.text,
                "article": ref_json(e.ref),
            }
            for e in digest.events
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "kind": q.kind, "article": ref_json(q.ref)}
            for q in digest.quotes
        ],
        "rising": [
            {
                "name": r.name,
                "kind": r.kind,
                "day": r.day.isoformat() if r.day else None,
                "count": r.now,
                "baseline": round(r.baseline, 2),
                "articles": [ref_json(x) for x in r.refs],
            }
            for r in digest.rising
        ],
    }


def schedule_text(channel: str, hour: int, zone: str) -> str:
    """The confirmation of `/digest set`."""
    return (
        f"The digest will be posted in {channel} every day at {hour:02d}:00 ({zone}), "
        "covering everything added since the previous one."
    )
