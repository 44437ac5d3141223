"""`/summary`: a short extractive summary of one article, or of a topic across articles.

Sentences come from the `sentences` table and are ranked by `analysis.summary` (TextRank with a
lead prior). For a topic, the dozen articles most about it are read, and when at least three of
their sentences name the topic only those are offered. Key people are the persons the articles
mention most; key dates come from their stored events, ranked by the evidence `/timeline`'s key
dates weigh (`analysis.key_dates`), not by how many events carry them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from analysis.key_dates import Candidate, rank_dates, with_later_mentions
from analysis.summary import Candidate as SentenceCandidate
from analysis.summary import summarise
from bot.errors import UserFacingError
from bot.services.ranges import date_range
from storage.records_cite import ArticleRef
from storage.summary_repo import DatedEvent, PersonCount, StoredSentence, SummaryRepository

log = logging.getLogger(__name__)

KEY_DATES = 5
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class SummaryLine:
    """A sentence of the summary with the article it comes from."""

    ref: ArticleRef
    position: int
    text: str


@dataclass(frozen=True)
class KeyDate:
    """A date the summarised articles' events carry, how it was written, and where."""

    date: date
    precision: str
    expressions: tuple[str, ...]
    refs: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Summary:
    """A summary of one article (`article` set) or of a topic (`topic` set)."""

    article: ArticleRef | None
    topic: str | None
    start: date | None
    end: date | None
    articles: tuple[ArticleRef, ...]
    lines: tuple[SummaryLine, ...] = ()
    people: tuple[PersonCount, ...] = ()
    dates: tuple[KeyDate, ...] = ()


def _mentions(aliases: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern finding any alias as whole words (plural allowed), case-insensitively."""
    if not aliases:
        return None
    alternatives = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:e?s)?(?!\w)", re.IGNORECASE)


def pick_lines(
    sentences: Sequence[StoredSentence], refs: dict[int, ArticleRef], focus: re.Pattern[str] | None
) -> tuple[SummaryLine, ...]:
    """Rank the sentences (those naming the focus, when three or more do) and keep the best."""
    pool = list(sentences)
    if focus is not None:
        naming = [s for s in pool if focus.search(s.text)]
        pool = naming if len(naming) >= 3 else pool
    chosen = summarise([SentenceCandidate(s.text, s.position) for s in pool])
    lines = [SummaryLine(refs[pool[i].article_id], pool[i].position, pool[i].text) for i in chosen]
    return tuple(sorted(lines, key=lambda line: _reading_order(line.ref, line.position)))


def _reading_order(ref: ArticleRef, position: int) -> tuple[bool, date, int, int]:
    """Oldest article first (undated last), then the article's own order."""
    return (ref.published is None, ref.published or date.min, ref.id, position)


def _candidate(index: int, event: DatedEvent, ref: ArticleRef) -> Candidate:
    return Candidate(
        event_id=index,
        date=event.date,
        precision=event.precision,
        article_id=event.article_id,
        outlet=ref.outlet,
        published=ref.published,
        sentence=event.sentence,
    )


def key_dates(
    events: Sequence[DatedEvent],
    refs: dict[int, ArticleRef],
    naming: Mapping[date, Sequence[int]] | None = None,
) -> tuple[KeyDate, ...]:
    """The KEY_DATES dates with the most evidence, ranked as `/timeline`'s key dates are
    (`analysis.key_dates.rank_dates`: articles and outlets naming the date, from how far
    away in time, precision; with `naming`, the later articles that name a day outright),
    shown oldest first; each date's articles best evidence first."""
    rows = [_candidate(i, e, refs[e.article_id]) for i, e in enumerate(events)]
    ranked_dates = rank_dates(rows)
    if naming:
        published = {a: ref.published for a, ref in refs.items()}
        ranked_dates = with_later_mentions(ranked_dates, naming, published)
    picked = []
    for ranked in ranked_dates[:KEY_DATES]:
        told = [events[i] for i in ranked.event_ids]
        picked.append(
            KeyDate(
                ranked.date,
                ranked.precision,
                tuple(dict.fromkeys(e.expression for e in told))[:3],
                tuple(refs[i] for i in ranked.article_ids),
            )
        )
    return tuple(sorted(picked, key=lambda k: (k.date, PRECISION_RANK.get(k.precision, 9))))


class SummaryService:
    """Builds summaries from stored sentences, mentions and events."""

    def __init__(self, repo: SummaryRepository) -> None:
        self._repo = repo

    async def article(self, article_id: int) -> Summary:
        """The summary of one stored article; an unknown number is a user error."""
        ref = await self._repo.article(article_id)
        if ref is None:
            raise UserFacingError(
                f"no article #{article_id}",
                cli_hint="list them with `analyst articles`",
                discord_hint="/search finds articles by their words",
            )
        return await self._build(ref, None, None, None, [ref], focus=None)

    async def topic(self, topic: str, from_: str | None = None, to: str | None = None) -> Summary:
        """The summary of the articles most about a topic within the dates given."""
        topic = topic.strip()
        if not topic:
            raise UserFacingError("the topic is empty: give a name or a word, e.g. --topic putin")
        start, end = date_range(from_, to)
        refs = await self._repo.topic_articles(topic, start, end)
        if not refs:
            return Summary(None, topic, start, end, ())
        focus = _mentions([topic, *await self._repo.topic_aliases(topic)])
        return await self._build(None, topic, start, end, refs, focus=focus)

    async def _build(
        self,
        article: ArticleRef | None,
        topic: str | None,
        start: date | None,
        end: date | None,
        refs: Sequence[ArticleRef],
        *,
        focus: re.Pattern[str] | None,
    ) -> Summary:
        """Read sentences, people and dates of the articles and assemble the summary."""
        by_id = {r.id: r for r in refs}
        ids = list(by_id)
        lines = pick_lines(await self._repo.sentences(ids), by_id, focus)
        people = tuple(await self._repo.people(ids))
        events = await self._repo.dated_events(ids)
        days = sorted({e.date for e in events if e.precision == "day"})
        naming = await self._repo.naming(days, ids) if len(ids) > 1 else {}  # others' mentions
        dates = key_dates(events, by_id, naming)
        ordered = tuple(sorted(refs, key=lambda r: _reading_order(r, 0)))
        return Summary(article, topic, start, end, ordered, lines, people, dates)
