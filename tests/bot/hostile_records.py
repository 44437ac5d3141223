"""Hypothesis strategies for the records every renderer takes, all their corpus text hostile.

Every string an article (or a member) can put into an answer — titles, outlets, authors,
sentences, quotes, speakers, entity names and aliases, terms, topics, links, file names,
snippets — is drawn from `corpus`: any text without NUL or lone surrogates, often built from
pieces of Markdown and mention syntax, zero-width and combining characters, sometimes thousands of
characters long. Counts, dates and kinds are ordinary values: they come from the code, not from
articles.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

from hypothesis import strategies as st

from bot.services.compare import Comparison, Item, Side
from bot.services.digest import Digest, Rising, Story, Window
from bot.services.outcomes import Outcome
from bot.services.people import QuotesAnswer, WhoAnswer
from bot.services.search import SearchAnswer
from bot.services.summary import KeyDate, Summary, SummaryLine
from bot.services.timeline import Timeline, TimelineEntry
from storage.compare_repo import QuoteHit, SentenceHit
from storage.digests import WindowEvent, WindowQuote
from storage.entity_lookup import EntityMatch
from storage.profiles import Companion, EntityProfile, MonthCount
from storage.quotes_repo import QuoteCounts, QuoteRecord
from storage.records import ArticleDetail, ArticleSummary, CorpusStats, EntityCount
from storage.records_cite import ArticleRef
from storage.search import SearchHit
from storage.summary_repo import PersonCount
from storage.timeline import EventCounts, EventQuery, EventSpan

T = TypeVar("T")

HOSTILE = (
    "[x](http://evil.example)",
    "[x](<http://evil.example>)",
    "[#4 Wire, 2015-11-23]",
    "[2015]",
    "](",
    "<@123>",
    "<@!123>",
    "<@&5>",
    "<#1>",
    "<t:1:R>",
    "</ingest:1>",
    "<:e:1>",
    "<https://evil.example>",
    "@everyone",
    "@here",
    "||spoiler||",
    "# heading",
    "## ",
    "-# small",
    "> quote",
    ">>> all",
    "- ",
    "1. ",
    "```py\ncode\n```",
    "`x`",
    "**b**",
    "__u__",
    "~~s~~",
    "*i*",
    "\\",
    "\\\\",
    "https://a.example/x_(y)",
    "http://a.example/p?q=[1]",
    "\u200b",
    "\u200d",
    "\u0301",
    "\ufeff",
    "\u2028",
    "\u00a0",
    "\r\n",
    "\n",
    " ",
    ".",
    ")",
    "<",
    ">",
    "[",
    "]",
    "(",
)
MARKDOWN = "[]()<>#-|*_~`@\\:/.!\n "
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_PIECE = st.sampled_from(HOSTILE) | st.text(_CHARS, max_size=8)

corpus = st.one_of(
    st.text(_CHARS | st.sampled_from(MARKDOWN), max_size=80),
    st.lists(_PIECE, max_size=12).map("".join),
    st.tuples(_PIECE, st.integers(1, 1500)).map(lambda t: (t[0] * t[1])[:7000]),
)
name = corpus.filter(lambda s: s.strip() != "")
url = corpus.map(lambda tail: "https://news.example/" + tail)
precision = st.sampled_from(["day", "month", "year", "week", "unknown"])
days = st.dates(date(1000, 1, 1), date(2999, 12, 31))
count = st.integers(0, 10**6)
finite = st.floats(allow_nan=False, allow_infinity=False)
kind = st.sampled_from(["person", "org", "place", "group", "term"]) | corpus


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """The value or None (a record's unknown field)."""
    return st.none() | strategy


def few(strategy: st.SearchStrategy[T], low: int = 0, high: int = 4) -> st.SearchStrategy[Any]:
    """A short tuple of values."""
    return st.lists(strategy, min_size=low, max_size=high).map(tuple)


ref = st.builds(
    ArticleRef,
    id=st.integers(1, 10**9),
    title=optional(corpus),
    outlet=optional(corpus),
    published=optional(days),
    date_precision=precision,
    url=optional(url),
    source=corpus,
)

entry = st.builds(
    TimelineEntry,
    date=optional(days),
    precision=precision,
    expression=corpus,
    text=corpus,
    caption=st.booleans(),
    sources=few(ref, 1, 3),
    entities=few(name, 0, 3),
    event_ids=few(st.integers(1, 99), 1, 3),
)
timeline = st.builds(
    Timeline,
    query=st.builds(EventQuery, topic=optional(corpus), start=optional(days), end=optional(days)),
    from_text=optional(corpus),
    to_text=optional(corpus),
    entries=few(entry, 0, 6),
    undated=few(entry, 0, 3),
    counts=st.builds(EventCounts, count, count),
    span=st.builds(EventSpan, optional(days), optional(days)),
    more=st.integers(-1, 1000),
)

item = st.builds(Item, key=corpus, name=name, kind=kind, count_a=count, count_b=count, z=finite)
side = st.builds(
    Side,
    label=name,
    start=days,
    end=days,
    articles=count,
    refs=few(ref),
    items=few(item, 0, 8),
    sentence=optional(st.builds(SentenceHit, ref, count, corpus)),
    quote=optional(st.builds(QuoteHit, ref, name, corpus, corpus)),
)
comparison = st.builds(
    Comparison,
    topic=optional(corpus),
    a=side,
    b=side,
    shared=few(item, 0, 6),
    undated=count,
    years=few(st.integers(1000, 2999), 0, 6),
)

summary = st.builds(
    Summary,
    article=optional(ref),
    topic=optional(corpus),
    start=optional(days),
    end=optional(days),
    articles=few(ref, 0, 5),
    lines=few(st.builds(SummaryLine, ref, count, corpus), 0, 6),
    people=few(st.builds(PersonCount, name, count, count), 0, 6),
    dates=few(st.builds(KeyDate, days, precision, few(corpus, 0, 3), few(ref, 1, 3)), 0, 4),
)

said = st.builds(
    QuoteRecord,
    id=count,
    article=ref,
    entity_id=count,
    speaker_name=name,
    speaker_text=corpus,
    text=corpus,
    kind=corpus,
    cue=optional(corpus),
    sentence=count,
)
speaker = st.builds(EntityMatch, id=count, name=name, kind=kind, mentions=count)
quotes = st.builds(
    QuotesAnswer,
    speaker=speaker,
    topic=optional(corpus),
    start=optional(days),
    end=optional(days),
    quotes=few(said, 0, 6),
    counts=st.builds(QuoteCounts, count, count, count, count),
)

month = st.builds(
    MonthCount, optional(st.integers(1000, 2999)), optional(st.integers(1, 12)), count, count
)
companion = st.builds(Companion, name, kind, count)
profile = st.builds(
    EntityProfile,
    id=count,
    name=name,
    kind=kind,
    aliases=few(corpus, 0, 6),
    alias_count=count,
    months=few(month, 0, 8),
    first=optional(ref),
    last=optional(ref),
    people=few(companion, 0, 6),
    others=few(companion, 0, 6),
)
who = st.builds(WhoAnswer, profile=profile, quotes=few(said, 0, 5), quote_count=count)

highlighted = st.lists(corpus | st.from_regex(r"\*\*\w{1,8}\*\*", fullmatch=True), max_size=6)
search = st.builds(
    SearchAnswer,
    query=corpus,
    start=optional(days),
    end=optional(days),
    hits=few(st.builds(SearchHit, ref, finite, highlighted.map(" ".join)), 0, 6),
    total=count,
    from_text=optional(corpus),
    to_text=optional(corpus),
    ranked_among=st.integers(0, 10**6),
)

entity_counts = few(st.builds(EntityCount, name, kind, count, count), 0, 6)
stats = st.builds(
    CorpusStats,
    articles=count,
    undated=count,
    outlets=few(st.tuples(corpus, count), 0, 8),
    first_published=optional(days),
    last_published=optional(days),
    sentences=count,
    entities=count,
    people=entity_counts,
    places=entity_counts,
    organisations=entity_counts,
    jobs=few(st.tuples(st.sampled_from(["pending", "running", "failed", "done"]), count), 0, 4),
)

moments = st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))
article = st.builds(
    ArticleSummary,
    id=st.integers(1, 10**9),
    title=optional(corpus),
    outlet=optional(corpus),
    author=optional(corpus),
    published=optional(days),
    date_precision=precision,
    source=corpus,
    word_count=count,
    ingested_at=moments,
)
detail = st.builds(
    ArticleDetail,
    summary=article,
    canonical_url=optional(url),
    date_source=corpus,
    text=st.lists(corpus, max_size=8).map("\n".join),
    dropped=few(st.tuples(count, corpus, corpus), 0, 6),
    sentence_count=count,
    top_entities=few(st.tuples(name, kind, count), 0, 8),
)

person_or_term = st.sampled_from(["person", "term"])
window = st.builds(
    Window, moments, moments, st.sampled_from(["UTC", "Europe/London", "Asia/Kathmandu"])
)
digest = st.builds(
    Digest,
    window=window,
    articles=count,
    stories=few(st.builds(Story, few(name, 0, 3), few(ref, 1, 4)), 0, 5),
    events=few(st.builds(WindowEvent, days, precision, corpus, ref), 0, 5),
    events_total=count,
    quotes=few(st.builds(WindowQuote, count, name, corpus, corpus, count, ref), 0, 5),
    rising=few(st.builds(Rising, name, person_or_term, count, count, few(ref))),
)

chat_link = st.text(st.characters(blacklist_categories=("Cs", "Z", "Cc")), max_size=2000).map(
    lambda tail: "https://news.example/" + "".join(c for c in tail if c not in "<>\"'`|")
)  # as `find_links` takes them from a message: no spaces, quotes or brackets <>, at most 2,100
outcome = st.builds(
    Outcome,
    source=chat_link | corpus,
    status=st.sampled_from(["new", "duplicate", "failed"]),
    message=corpus,
    article_id=optional(st.integers(1, 10**9)),
    duplicate_of=optional(st.integers(1, 10**9)),
)
