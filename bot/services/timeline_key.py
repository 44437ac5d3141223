"""Key dates' answer records, and the steps around their ranking and summaries: which articles
report a day, the candidates that may tell a date, and the chosen dates with their citations.

`bot.services.timeline.TimelineService.key_dates` runs them; the limits (KEY_SENTENCE_LIMIT,
LEAD_DAYS, KEY_REFS) are that module's constants, passed in, so that a process that sets them
there (the Timeline17 evaluation) sets them for these steps too.

A candidate is a `storage.timeline_key.KeyRow`, the ranking's row of the event with its text and
entity keys filled in: the event's date, article, outlet and publication are those the ranking
read, not read again with its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from analysis.datelines import without_dateline
from analysis.key_dates import KeyDateSummary, RankedDate
from storage.records_cite import ArticleRef
from storage.timeline import DateCount, KeyRow, Told
from storage.timeline_rows import Named

Reporting = dict[int, tuple[KeyRow, set[date]]]


@dataclass(frozen=True)
class KeySentence:
    """One summary sentence of a key date and the article it comes from."""

    text: str  # a stored sentence (event sentence or a sentence referring to the date)
    ref: ArticleRef  # its article: the citation


@dataclass(frozen=True)
class KeyDate:
    """A date that matters, its summary and the evidence behind it."""

    date: date
    precision: str  # "day" | "week" | "month" | "year" as stored
    summary: tuple[KeySentence, ...]  # 1–2 sentences
    score: float
    articles: int  # distinct articles referring to the date
    outlets: int  # distinct outlets referring to it
    refs: tuple[ArticleRef, ...]  # the articles to cite for the date, best first (≤ 5)


@dataclass(frozen=True)
class KeyTimeline:
    """What `analyst timeline --key` answers, before rendering."""

    topic: str | None
    start: date | None
    end: date | None
    dated_total: int  # dated events in the range (what "All events" would list)
    k: int  # dates asked for or chosen from the range's size
    dates: tuple[KeyDate, ...]  # oldest first
    undated_total: int
    chart: tuple[DateCount, ...] = ()  # dated events per date, when asked for (the chart)


def reporting(rows: Iterable[KeyRow], days: int) -> Reporting:
    """The articles among these events' that report a day (published on it or up to `days`
    after), each with one of its rows (outlet, publication) and the days it reports."""
    found: Reporting = {}
    for row in rows:
        if row.precision != "day" or row.published is None:
            continue
        if 0 <= (row.published - row.date).days <= days:
            found.setdefault(row.article_id, (row, set()))[1].add(row.date)
    return found


def lead_candidates(
    found: list[tuple[int, int, int, str]], reports: Reporting, limit: int
) -> list[KeyRow]:
    """The lead sentences (up to `limit` characters) of the reporting articles as candidates
    of the days they report: a report's first sentences tell the news even when they name no
    date. Their ids are the sentences' ids, negated."""
    return [
        KeyRow(
            event_id=-sentence_id,
            date=day,
            precision="day",
            sentence=position,
            article_id=article_id,
            outlet=reports[article_id][0].outlet,
            published=reports[article_id][0].published,
            text=" ".join(text.split()),
        )
        for sentence_id, article_id, position, text in found
        if len(text) <= limit
        for day in sorted(reports[article_id][1])
    ]


def told_text(told: Told, limit: int) -> str:
    """What a key date says of an event: its whole sentence when that fits a line (`limit`
    characters), else the clause the event kept of a long one."""
    if told.whole and len(told.whole) <= limit:
        return " ".join(told.whole.split())
    return told.text


def candidates(
    read: Sequence[Told], rows: dict[int, KeyRow], named: dict[int, list[Named]], limit: int
) -> list[KeyRow]:
    """The events read as candidates to tell their dates: each ranking row with its text, and
    the keys of the entities it names (nationality words left out) when they were read."""
    found = []
    for told in read:
        row = rows[told.event_id]
        keys = tuple(key for key, _, kind in named.get(told.event_id, ()) if kind != "group")
        found.append(KeyRow(*row[:7], told_text(told, limit), keys))  # 3x faster than _replace
    return found


def shown_articles(
    chosen: Sequence[KeyDateSummary], told: Sequence[KeyRow], refs: int
) -> tuple[list[int], set[int]]:
    """The articles an answer cites (the chosen sentences' and each date's first `refs` read
    ones), and every article whose events were read (a date cites only those; `told` holds
    the leads too, with negative ids)."""
    read = {row.article_id for row in told if row.event_id > 0}
    wanted = {i for item in chosen for i in item.sentence_ids}
    shown = {row.article_id for row in told if row.event_id in wanted}
    for item in chosen:
        shown.update([a for a in item.ranked.article_ids if a in read][:refs])
    return sorted(shown), read


def key_dates(
    chosen: Sequence[KeyDateSummary],
    told: Sequence[KeyRow],
    citations: dict[int, ArticleRef],
    read: set[int],
    refs: int,
) -> tuple[KeyDate, ...]:
    """The chosen dates with their sentences (`told`: every candidate, leads included) and
    citations (mapped once for all the dates; only the chosen sentences lose their datelines,
    not the thousand candidates of a busy range). A sentence whose article was forgotten while
    the answer was made is left out."""
    wanted = {i for item in chosen for i in item.sentence_ids}
    sentences = {
        row.event_id: KeySentence(text=without_dateline(row.text), ref=citations[row.article_id])
        for row in told
        if row.event_id in wanted and row.article_id in citations
    }
    return tuple(_key_date(item, sentences, citations, read, refs) for item in chosen)


def _key_date(
    chosen: KeyDateSummary,
    told: dict[int, KeySentence],
    citations: dict[int, ArticleRef],
    read: set[int],
    refs: int,
) -> KeyDate:
    item: RankedDate = chosen.ranked
    summary = tuple(told[i] for i in chosen.sentence_ids if i in told)
    cited = [citations[a] for a in item.article_ids if a in read and a in citations][:refs]
    return KeyDate(
        date=item.date,
        precision=item.precision,
        summary=summary,
        score=round(item.score, 4),
        articles=item.articles,
        outlets=item.outlets,
        refs=tuple(cited),
    )
