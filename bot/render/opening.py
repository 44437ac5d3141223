"""The one or two plain sentences every answer opens with, written from its own result.

Templates only: every name, number, date and quoted word comes from the answer's fields, so the
opening can never say more than the answer holds. The text is plain and unescaped (the Discord
layer escapes it); an empty answer gets no opening (None), since its one line already says so.
The same string heads the CLI text and is the `summary` field of the JSON.

    quotes  5 quotes by Vladimir Putin from 4 articles, 2015–2024 (2 quotes undated); most
            recently “new world order” (The Week, 15 Oct 2024).
    compare In 2015 (1 article) the coverage centred on Bashar al-Assad and Syria; in 2024
            (1 article) on Masoud Pezeshkian and Middle East. Both periods name …
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.render.cite import shorten
from bot.services.compare import Comparison, Item, Side
from bot.services.date_text import human_date
from bot.services.digest import Digest
from bot.services.people import QuotesAnswer, WhoAnswer
from bot.services.summary import Summary
from bot.services.timeline import KeyTimeline, Timeline, TimelineEntry
from storage.quotes_repo import QuoteRecord
from storage.records_cite import ArticleRef

KINDS = {"person": "person", "org": "organisation", "place": "place", "group": "group"}
QUOTED_WORDS = 60  # characters of a quote or event the opening may cite, cut at a word
NAMES = 2  # names per side of a comparison, per summary and per digest
SHARED_NAMES = 3
NAMED_KINDS = ("person", "place", "org")


# -- words shared with the renderers ------------------------------------------------------------


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 quote`, `2 quotes`; `many` for irregular plurals (`1 story`, `2 stories`)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def listing(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def range_words(start: date | None, end: date | None) -> str:
    """` from 2015-01-01 to 2015-12-31`, ` since …`, ` up to …`, or nothing (quotes)."""
    if start and end:
        return f" from {start.isoformat()} to {end.isoformat()}"
    if start:
        return f" since {start.isoformat()}"
    return f" up to {end.isoformat()}" if end else ""


def typed_range_words(from_text: str | None, to_text: str | None) -> str:
    """The range as typed (timeline): ` in 2015`, ` from 2015 to 2017`, ` from 2015 on`."""
    if from_text and to_text:
        return f" in {from_text}" if from_text == to_text else f" from {from_text} to {to_text}"
    if from_text:
        return f" from {from_text} on"
    return f" up to {to_text}" if to_text else ""


def between_words(start: date | None, end: date | None) -> str:
    """` between 2015-01-01 and 2015-12-31`, ` since …`, ` until …`, or nothing (summary)."""
    if start and end:
        return f" between {start.isoformat()} and {end.isoformat()}"
    if start:
        return f" since {start.isoformat()}"
    return f" until {end.isoformat()}" if end else ""


def local_time(moment: datetime, zone: str) -> str:
    """`2026-11-22 08:00 (Europe/London)`."""
    return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} ({zone})"


def years(dates: Iterable[date]) -> str:
    """`2015`, `2015–2024`; empty when there is no date."""
    found = sorted({d.year for d in dates})
    if not found:
        return ""
    return str(found[0]) if found[0] == found[-1] else f"{found[0]}–{found[-1]}"


def words(text: str, limit: int = QUOTED_WORDS) -> str:
    """A few words of a quote or an event, cut at a word boundary, in quotation marks."""
    return f"“{shorten(text, limit)}”"


def source(ref: ArticleRef) -> str:
    """`The Week, 15 Oct 2024`; `article #2, undated` when the outlet is unknown."""
    who = ref.outlet or f"article #{ref.id}"
    return f"{who}, {human_date(ref.published, ref.date_precision)}"


# -- quotes and who -----------------------------------------------------------------------------


def _quotes_span(quotes: Sequence[QuoteRecord]) -> str:
    dated = [q.article.published for q in quotes if q.article.published is not None]
    undated = len(quotes) - len(dated)
    if not dated:
        return ", all undated"
    span = f", {years(dated)}"
    return span + (f" ({plural(undated, 'quote')} undated)" if undated else "")


def _newest(quotes: Sequence[QuoteRecord]) -> str:
    first = quotes[0]
    said = f"{words(first.text)} ({source(first.article)})"
    if len(quotes) == 1:
        return said
    return f"most recently {said}" if first.article.published else f"the first listed {said}"


def quotes_opening(answer: QuotesAnswer) -> str | None:
    """`5 quotes by Vladimir Putin from 4 articles, 2015–2024 (2 quotes undated); most recently
    “new world order” (The Week, 15 Oct 2024).` None when no quote matched."""
    shown = answer.quotes
    if not shown:
        return None
    matched = max(answer.counts.matched, len(shown))
    topic = f" about “{answer.topic}”" if answer.topic else ""
    who = f"{answer.speaker.name}{topic}{range_words(answer.start, answer.end)}"
    articles = plural(len({q.article.id for q in shown}), "article")
    head = f"{plural(matched, 'quote')} by {who}"
    if len(shown) < matched:
        head += f"; the newest {len(shown)} come from {articles}"
    else:
        head += f" from {articles}"
    return f"{head}{_quotes_span(shown)}; {_newest(shown)}."


def _mentions(answer: WhoAnswer) -> str:
    p = answer.profile
    if not p.mentions:
        return "is known only as a quote speaker"
    said = f"is mentioned {plural(p.mentions, 'time')} in {plural(p.articles, 'article')}"
    dated = [date(m.year, 1, 1) for m in p.months if m.year is not None]
    undated = sum(m.mentions for m in p.months if m.year is None)
    if not dated:
        said += ", all undated"
    else:
        said += f", {years(dated)}"
        said += f" ({undated} of them undated)" if undated else ""
    company = p.people or p.others
    if company:
        said += f", most often alongside {listing([c.name for c in company[:NAMES]])}"
    return said


def who_opening(answer: WhoAnswer) -> str:
    """`Vladimir Putin (person) is mentioned 18 times in 4 articles, 2015–2024 (8 of them
    undated), most often alongside Hassan Rouhani and Khamenei; 5 quotes, most recently …`."""
    p = answer.profile
    head = f"{p.name} ({KINDS.get(p.kind, p.kind)}) {_mentions(answer)}"
    if not answer.quote_count:
        return f"{head}; no quotes."
    quotes = plural(answer.quote_count, "quote")
    if not answer.quotes:
        return f"{head}; {quotes}."
    newest = answer.quotes[0]
    said = f"{words(newest.text)} ({source(newest.article)})"
    if answer.quote_count == 1:
        return f"{head}; 1 quote: {said}."
    lead = "most recently" if newest.article.published else "the first listed"
    return f"{head}; {quotes}, {lead} {said}."


# -- timeline -----------------------------------------------------------------------------------

Point = tuple[date, str, int]  # a date, its precision, how many events fall on it


def _points(timeline: Timeline) -> list[Point] | None:
    """Every matching dated event as (date, precision, count), or None when only part is known."""
    if timeline.chart:
        return [(c.date, c.precision, c.events) for c in timeline.chart]
    if timeline.more <= 0:
        return [(e.date, e.precision, len(e.event_ids)) for e in timeline.entries if e.date]
    return None


def _busiest(points: Sequence[Point]) -> str:
    """`, the most in 2015 (5)`: the busiest year, or month within one year; ties named."""
    by_year = len({d.year for d, _p, _n in points}) > 1
    counts: Counter[date] = Counter()
    for day, precision, n in points:
        if by_year:
            counts[date(day.year, 1, 1)] += n
        elif precision != "year":
            counts[date(day.year, day.month, 1)] += n
    if len(counts) < 2:
        return ""
    top = max(counts.values())
    tied = sorted(d for d, n in counts.items() if n == top)
    if top < 2 or len(tied) > SHARED_NAMES:
        return ""
    label = [str(d.year) if by_year else human_date(d, "month") for d in tied]
    each = f"{top}" if len(tied) == 1 else f"{top} each"
    return f", the most in {listing(label)} ({each})"


def _timeline_span(timeline: Timeline, points: Sequence[Point] | None, scope: str) -> str:
    first = timeline.entries[0]
    if points:
        dates = [d for d, _p, _n in points]
    elif timeline.query.topic is None and not timeline.query.has_range:
        dates = [d for d in (timeline.span.first, timeline.span.last) if d is not None]
    else:
        dates = []
    if not dates:
        return f", the first {human_date(first.date, first.precision)}"
    span = years(dates)
    if "–" in span:
        return f", {span}"
    return "" if scope.endswith(f" in {span}") else f", all in {span}"


def _latest(timeline: Timeline) -> TimelineEntry | None:
    """The newest dated event, when the shown lines hold every matching one."""
    dated = [e for e in timeline.entries if e.date is not None]
    if timeline.more > 0 or not dated:
        return None
    return max(reversed(dated), key=lambda e: e.date or date.min)  # the last listed on ties


def timeline_opening(timeline: Timeline) -> str | None:
    """`8 dated events, 2015–2024, the most in 2015 (5); 6 more undated. The latest (week of
    7 Oct 2024): “Vladimir Putin and Masoud Pezeshkian met last week…”.` None with no dated
    line (the answer's one line says why)."""
    if not timeline.entries:
        return None
    points = _points(timeline)
    topic = f" about “{timeline.query.topic}”" if timeline.query.topic else ""
    scope = topic + typed_range_words(timeline.from_text, timeline.to_text)
    head = f"{plural(timeline.counts.dated, 'dated event')}{scope}"
    head += _timeline_span(timeline, points, scope) + (_busiest(points) if points else "")
    if timeline.counts.undated and not timeline.query.has_range:
        head += f"; {timeline.counts.undated} more undated"
    latest = _latest(timeline)
    if latest is None:
        newest = max(points, key=lambda p: p[0]) if points else None
        return head + (
            f". The latest is dated {human_date(newest[0], newest[1])}." if newest else "."
        )
    when = human_date(latest.date, latest.precision)
    return f"{head}. The latest ({when}): {words(latest.text)}."


def key_timeline_opening(key: KeyTimeline) -> str | None:
    """`3 key dates of 8 dated events about “putin”, 2015–2024; the most referred to: 23 Nov
    2015 (1 article, 1 outlet).` None without a key date (the answer's one line says why)."""
    if not key.dates:
        return None
    topic = f" about “{key.topic}”" if key.topic else ""
    scope = topic + range_words(key.start, key.end)
    head = f"{plural(len(key.dates), 'key date')} of {plural(key.dated_total, 'dated event')}"
    first, last = key.dates[0].date.year, key.dates[-1].date.year
    span = f", {first}" if first == last else f", {first}–{last}"
    top = max(key.dates, key=lambda d: (d.score, d.articles))
    evidence = f"{plural(top.articles, 'article')}, {plural(top.outlets, 'outlet')}"
    when = human_date(top.date, top.precision)
    return f"{head}{scope}{span}; the most referred to: {when} ({evidence})."


# -- compare ------------------------------------------------------------------------------------


def _picks(side: Side) -> list[str]:
    """A side's top names in the answer's order, taking the first person, the first place, the
    first organisation, then the second of each; its top terms when it names no one."""
    kinds = [side.of_kind(kind) for kind in NAMED_KINDS]
    named = [k[rank] for rank in range(max(map(len, kinds))) for k in kinds if rank < len(k)]
    if named:
        return [i.name for i in named[:NAMES]]
    return [f"“{i.name}”" for i in side.of_kind("term")[:NAMES]]


def _side_label(side: Side) -> str:
    return f"{side.label} ({plural(side.articles, 'article')})"


def _shared(shared: Sequence[Item]) -> str:
    names = [i.name for i in shared if i.kind != "term"][:SHARED_NAMES]
    return f" Both periods name {listing(names)}." if names else ""


def compare_opening(comparison: Comparison) -> str | None:
    """`In 2015 (1 article) the coverage centred on Syria and Bashar al-Assad; in 2024
    (1 article) on Masoud Pezeshkian and Middle East. Both periods name Vladimir Putin, Iran and
    Russia.` None when a period holds no article."""
    if comparison.empty:
        return None
    a, b = comparison.a, comparison.b
    about = f" about {comparison.topic}" if comparison.topic else ""
    pa, pb = _picks(a), _picks(b)
    if pa and pb:
        head = f"In {_side_label(a)} the coverage{about} centred on {listing(pa)}"
        head += f"; in {_side_label(b)} on {listing(pb)}."
    elif pa or pb:
        side, other, picks = (a, b, pa) if pa else (b, a, pb)
        head = f"In {_side_label(side)} the coverage{about} centred on {listing(picks)}; "
        head += f"nothing sets {_side_label(other)} apart."
    else:
        head = f"{_side_label(a)} and {_side_label(b)}{about}: nothing sets either period apart."
    return head + _shared(comparison.shared)


# -- summary ------------------------------------------------------------------------------------


def _people(summary: Summary, verb: str) -> str:
    people = summary.people[: NAMES + 1]
    if not people:
        return f"{verb} no person"
    most = f"{verb} {people[0].name} most ({plural(people[0].mentions, 'mention')})"
    rest = [f"{p.name} ({p.mentions})" for p in people[1:]]
    return most + (f", then {listing(rest)}" if rest else "")


def _key_dates(summary: Summary, whose: str) -> str:
    if not summary.dates:
        return ""
    first = min(summary.dates, key=lambda k: k.date)
    last = max(summary.dates, key=lambda k: k.date)
    if len(summary.dates) == 1:
        return f"; {whose} one key date is {human_date(first.date, first.precision)}"
    span = f"{human_date(first.date, first.precision)} to {human_date(last.date, last.precision)}"
    return f"; {whose} key dates run from {span}"


def _published(refs: Sequence[ArticleRef]) -> str:
    dated = [r.published for r in refs if r.published is not None]
    undated = len(refs) - len(dated)
    if not dated:
        return ", all undated"
    return f", {years(dated)}" + (f" ({undated} undated)" if undated else "")


def summary_opening(summary: Summary) -> str | None:
    """`#4 “Syria on …” (ABC News, 23 Nov 2015) names Vladimir Putin most (8 mentions), then
    Bashar al-Assad (5) and Khamenei (3); its key dates run from Jul 2015 to 23 Nov 2015.`
    None when no article is about the topic."""
    if not summary.articles:
        return None
    if summary.article is not None:
        ref = summary.article
        head = f"#{ref.id} “{ref.title or '(untitled)'}” ({source(ref)})"
        return f"{head} {_people(summary, 'names')}{_key_dates(summary, 'its')}."
    count = len(summary.articles)
    about = f"{plural(count, 'article')} about {summary.topic}"
    if summary.start or summary.end:  # the range says when; undated articles fall outside it
        head = about + between_words(summary.start, summary.end)
    else:
        head = about + _published(summary.articles) + ","
    verb = "names" if count == 1 else "name"
    whose = "its" if count == 1 else "their"
    return f"{head} {_people(summary, verb)}{_key_dates(summary, whose)}."


# -- digest -------------------------------------------------------------------------------------


def digest_head(digest: Digest) -> str:
    """`5 new articles since 2026-12-04 06:52 (UTC); 1 story told by several, the largest about
    Iran and Vladimir Putin (3 articles)`."""
    since = local_time(digest.window.start, digest.window.zone)
    head = f"{plural(digest.articles, 'new article')} since {since}"
    told = [s for s in digest.stories if len(s.articles) > 1]
    if not told:
        return head
    head += f"; {plural(len(told), 'story', 'stories')} told by several"
    largest = max(told, key=lambda s: len(s.articles))  # the first of the largest on ties
    if largest.label:
        lead = ", the largest" if len(told) > 1 else ","
        size = plural(len(largest.articles), "article")
        head += f"{lead} about {listing(largest.label)} ({size})"
    return head


def digest_opening(digest: Digest | None) -> str | None:
    """The digest's head, then the rising names with their counts: `… Rising: Vladimir Putin
    (18 mentions) and “country” (19 uses).` None on a quiet day."""
    if digest is None or digest.articles == 0:
        return None
    head = digest_head(digest) + "."
    rising = [
        f"{r.name} ({plural(r.now, 'mention')})"
        if r.kind != "term"
        else f"“{r.name}” ({plural(r.now, 'use')})"
        for r in digest.rising[:NAMES]
    ]
    return f"{head} Rising: {listing(rising)}." if rising else head
