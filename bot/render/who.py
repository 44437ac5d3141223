"""`who NAME`: a short profile — aliases, mentions over time, company kept, latest quotes.

Mentions are dated by their article's publication date; "appears with" counts shared sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.charts.who import mentions_chart
from bot.render.cite import cite, ref_json
from bot.render.opening import KINDS, who_opening
from bot.render.quotes import quote_json, quote_line, source_lines
from bot.services.people import WhoAnswer
from storage.profiles import Companion, EntityProfile, MonthCount


def by_year(months: Sequence[MonthCount]) -> list[tuple[int | None, int, int]]:
    """(year or None for undated, mentions, articles), oldest first, undated last."""
    mentions: Counter[int | None] = Counter()
    articles: Counter[int | None] = Counter()
    for m in months:
        mentions[m.year] += m.mentions
        articles[m.year] += m.articles
    years = sorted(mentions, key=lambda y: (y is None, y or 0))
    return [(y, mentions[y], articles[y]) for y in years]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _mentions_line(profile: EntityProfile) -> str:
    if not profile.mentions:
        return "Mentions: none (known only as a quote speaker)"
    years = ", ".join(f"{y or 'undated'}: {n}" for y, n, _a in by_year(profile.months))
    return f"Mentions: {profile.mentions} in {_plural(profile.articles, 'article')} — {years}"


def _edges_line(profile: EntityProfile) -> str | None:
    if profile.first is None or profile.last is None:
        return None if not profile.mentions else "First and last mention: only undated articles"
    if profile.first.id == profile.last.id:
        return f"Only dated mention: {cite(profile.first)}"
    return f"First dated mention: {cite(profile.first)}; latest: {cite(profile.last)}"


def _companions(label: str, items: Sequence[Companion]) -> str | None:
    if not items:
        return None
    return f"{label}: " + ", ".join(f"{c.name} ({c.sentences})" for c in items)


def _aliases_line(profile: EntityProfile) -> str:
    more = profile.alias_count - len(profile.aliases)
    return "Written as: " + ", ".join(profile.aliases) + (f" (+{more} more)" if more > 0 else "")


def who_lines(answer: WhoAnswer) -> tuple[str, list[str]]:
    """The header and the body lines, for the CLI text."""
    p = answer.profile
    header = f"{p.name} ({KINDS.get(p.kind, p.kind)})"
    lines = [
        _aliases_line(p),
        _mentions_line(p),
        _edges_line(p),
        _companions("Appears with (sentences shared)", p.people),
        _companions("Places and organisations alongside", p.others),
    ]
    body = [line for line in lines if line]
    if not answer.quotes:
        return header, [*body, "Quotes: none in the corpus"]
    shown = len(answer.quotes)
    count = f"{shown} of {answer.quote_count}" if answer.quote_count > shown else str(shown)
    quotes = [quote_line(q) for q in answer.quotes]
    sources = ["Sources:", *source_lines(answer.quotes)]
    return header, [*body, f"Latest quotes ({count}):", *quotes, *sources]


def who_text(answer: WhoAnswer) -> str:
    """`analyst who NAME`: the opening sentence, then the whole profile as plain text."""
    header, body = who_lines(answer)
    return "\n".join([who_opening(answer), header, *body])


def _month_json(m: MonthCount) -> dict[str, Any]:
    day = date(m.year, m.month, 1).isoformat() if m.year and m.month else None
    return {"date": day, "mentions": m.mentions, "articles": m.articles}


def _companion_json(c: Companion) -> dict[str, Any]:
    return {"name": c.name, "kind": c.kind, "sentences": c.sentences}


def who_json(answer: WhoAnswer) -> dict[str, Any]:
    """`analyst who NAME --json`."""
    p = answer.profile
    return {
        "summary": who_opening(answer),
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "aliases": list(p.aliases),
        "alias_count": p.alias_count,
        "mentions": p.mentions,
        "articles": p.articles,
        "by_year": [{"year": y, "mentions": n, "articles": a} for y, n, a in by_year(p.months)],
        "by_month": [_month_json(m) for m in p.months if m.year is not None],
        "first_mention": ref_json(p.first) if p.first else None,
        "last_mention": ref_json(p.last) if p.last else None,
        "appears_with": [_companion_json(c) for c in p.people],
        "places_and_organisations": [_companion_json(c) for c in p.others],
        "quote_count": answer.quote_count,
        "quotes": [quote_json(q) for q in answer.quotes],
    }


def who_chart(answer: WhoAnswer) -> bytes:
    """The profile's mentions by month as PNG bytes (the CLI writes them, the bot attaches them)."""
    p = answer.profile
    dated = [(date(m.year, m.month, 1), m.mentions) for m in p.months if m.year and m.month]
    undated = sum(m.mentions for m in p.months if m.year is None)
    return mentions_chart(p.name, dated, undated)
