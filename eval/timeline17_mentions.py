"""A probe of the Timeline17 key dates (issue 15, session 19): dates the articles name outright
as evidence beside their events. Run through `eval.timeline17_probe mentions ALPHA SCOPE AFTER`; it
changes nothing the product ships.

Why: issue 12's rules keep reference points ("since the March 15 uprising", "the April 20
explosion that caused …") out of the dated events, so the key dates no longer see that later
articles still name a day, which is what makes a day a milestone. This probe puts that evidence
back from the window's stored article texts: each article's explicit day dates ("March 15",
"15 March 2011", "Sept. 11, 2001"; a yearless one takes the publication year, or the year
before when that would fall more than a week after publication), a date after its article's
publication left out. Each day-precision ranked date's score is multiplied by
1 + ALPHA × log(1 + extra), SCOPE 0 counting only the ranking rows' articles, 1 every article
of the window. With AFTER < 0, `extra` is the articles that name the day beyond the number of
articles of its events; with AFTER ≥ 0, the articles published more than AFTER days after the
day that name it and hold none of its events: references from later, not the day's reports.

Shipped in session 20 as SCOPE 0, AFTER 2, ALPHA 1.5: ingestion stores each article's named days
(`analysis.named_days`, the table `named_days`) and the key dates re-score with them
(`analysis.key_dates.with_later_mentions`). The probe turns the product's own factor off
(`LATER_MENTION = 0`) and reads the texts again, to vary ALPHA, SCOPE and AFTER.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from analysis import key_dates
from analysis.named_days import named_days

Mentions = dict[date, dict[int, date | None]]  # day -> the articles naming it, their publication


def day_mentions(text: str, published: date | None) -> set[date]:
    """The days `text` names outright, none after `published` (`analysis.named_days`)."""
    return set(named_days(text, published))


def window_mentions(database: Path) -> Mentions:
    """Each day some article of a window's database names, with those articles' ids and
    publication dates."""
    named: Mentions = defaultdict(dict)
    with sqlite3.connect(database) as db:
        for article, text, published in db.execute("SELECT id, text, published FROM articles"):
            day = date.fromisoformat(str(published)[:10]) if published else None
            for mention in day_mentions(text, day):
                named[mention][article] = day
    return named


def _extra(item: key_dates.RankedDate, naming: dict[int, date | None], after: int) -> int:
    """The articles naming a ranked day that its events do not already count: beyond their
    number (`after` < 0), or those published more than `after` days later that hold none of
    its events (references from later, not the day's own reports)."""
    if after < 0:
        return max(0, len(naming) - item.articles)
    later = {a for a, p in naming.items() if p is not None and (p - item.date).days > after}
    return len(later - set(item.article_ids))


def boosted(
    original: Callable[..., list[key_dates.RankedDate]],
    mentions: Callable[[], Mentions],
    alpha: float,
    every_article: bool,
    after: int = -1,
) -> Callable[..., list[key_dates.RankedDate]]:
    """`original` with each day's score raised by the articles that name it beyond its events'
    (`_extra`)."""

    def rank(rows: Iterable[key_dates.Row], weights: Any = None) -> list[key_dates.RankedDate]:
        rows = list(rows)
        named = mentions()
        scope = {r.article_id for r in rows}
        out = []
        for item in original(rows, weights):
            if item.precision != "day":
                out.append(item)
                continue
            naming = named.get(item.date, {})
            if not every_article:
                naming = {a: p for a, p in naming.items() if a in scope}
            extra = _extra(item, naming, after)
            out.append(replace(item, score=item.score * (1 + alpha * math.log1p(extra))))
        return sorted(out, key=key_dates._order)

    return rank
