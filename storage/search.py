"""Full-text search over articles: one query language, two engines (SQLite FTS5, PostgreSQL).

The user writes words, "exact phrases", `OR` between alternatives and `-word` to leave articles
out. `parse_query` reads that once; each backend gets an expression built from the parsed terms,
every term quoted, so punctuation (`U.S.`, `al-Assad`, a stray `"`) can never be a syntax error.
`OR` binds tighter than the implied AND: `iran sanctions OR embargo` is iran AND (sanctions OR
embargo). A hit's snippet is plain text, about 30 words long with `…` where it was cut, and its
highlights are spans into it (one per matching word, the same on both backends): no markup is
ever mixed into article text, so each front end marks the spans its own way and an article's own
`**` or `<b>` stays text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.articles import article_refs
from storage.records_cite import ArticleRef

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
SNIPPET_WORDS = 30
TITLE_WEIGHT = 10.0  # bm25 column weight of the title against 1.0 for the body (SQLite)
START, STOP = "\ue000", "\ue001"  # private-use marks around a hit, turned into spans afterwards
ELLIPSIS = "…"
# ts_headline parses the whole text it is given: on a 500,000-character transcript that is
# ~100 ms per hit. Longer texts are cut to a window around the first use of the first word.
HEADLINE_WINDOW = 10_000
# Ranking and even counting read every match (bm25 statistics on SQLite; on PostgreSQL each
# match's tsvector, decompressed: ~20 µs an article, 2 s for a word in 80,000 articles).
# Matches are therefore counted up to this many; a query matching more ("said" matches most
# of a corpus) is ranked among the most recently added this many, and the answer says so.
# 500 keeps a PostgreSQL phrase search under 150 ms at 100,000 articles (BENCHMARKS.md).
RANK_WINDOW = 500
PROBE_CHARS = 5
OPERATORS = ("OR", "AND", "NOT")  # only in capitals, as typed; `NOT x` is `-x`

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORDY = re.compile(r"[^\W_]")
_MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)


class SearchQueryError(ValueError):
    """A search query that cannot be run; the message is one line for the user."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: every group must match (any one term of it); no excluded term may."""

    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...] = ()

    def fts5(self) -> str:
        """The SQLite FTS5 MATCH expression, every term a quoted phrase."""
        wanted = " AND ".join("(" + " OR ".join(map(_fts5_phrase, g)) + ")" for g in self.groups)
        return f"({wanted})" + "".join(f" NOT {_fts5_phrase(t)}" for t in self.excluded)

    def websearch_groups(self) -> tuple[str, ...]:
        """One `websearch_to_tsquery` input per group: quoted terms joined by OR."""
        return tuple(" OR ".join(f'"{t}"' for t in g) for g in self.groups)

    def websearch_excluded(self) -> tuple[str, ...]:
        """One quoted `websearch_to_tsquery` input per excluded term."""
        return tuple(f'"{t}"' for t in self.excluded)


def _fts5_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _tokens(raw: str) -> Iterator[tuple[str, str]]:
    """(kind, text): kind is "want", "drop" (a leading -), or a bare OR / AND / NOT."""
    for match in _TOKEN.finditer(raw):
        quoted = match.group(2) is not None
        term = " ".join((match.group(2) if quoted else match.group(4)).split())
        if match.group(1) or match.group(3):
            yield "drop", term
        elif not quoted and term in OPERATORS:
            yield term, term
        else:
            yield "want", term


def parse_query(raw: str) -> SearchQuery:
    """Read the user's query; raises SearchQueryError when there is nothing to look for."""
    if len(raw) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"the query is too long ({MAX_QUERY_CHARS} characters at most)")
    groups: list[list[str]] = []
    excluded: list[str] = []
    after_term = join_next = negate_next = False  # OR joins two wanted terms, else is ignored
    for kind, term in _tokens(raw):
        if kind in OPERATORS:
            join_next, negate_next = kind == "OR" and after_term, kind == "NOT"
            continue
        if not _WORDY.search(term):
            continue
        dropped = kind == "drop" or negate_next
        if dropped:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        after_term, join_next, negate_next = not dropped, False, False
    if not groups:
        if excluded:
            raise SearchQueryError("say what to search for, not only what to leave out")
        raise SearchQueryError("empty query: say what to search for")
    return SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded))


Spans = tuple[tuple[int, int], ...]


def find_hits(marked: str, cut_start: bool = False, cut_end: bool = False) -> tuple[str, Spans]:
    """The engine's marked snippet as plain text and its hits' `(start, end)` character offsets.

    Whitespace becomes one space; each marked word is a span of its own (sorted, never empty,
    never touching the next one); `…` is added where the text was cut and not yet marked so.
    The article's own characters stay as they are: nothing in the text is markup.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    inside = space = False
    begun: int | None = None  # where the open span starts

    def close() -> None:
        nonlocal begun
        if begun is not None:
            if spans and spans[-1][1] == begun:  # a hit right after a hit: one span
                begun = spans.pop()[0]
            spans.append((begun, len(out)))
            begun = None

    for char in marked:
        if char in (START, STOP):
            inside = char == START
            if not inside:
                close()
        elif char.isspace():
            space = bool(out)
            close()
        else:
            if space:
                out.append(" ")
                space = False
            if inside and begun is None:
                begun = len(out)
            out.append(char)
    close()
    plain = "".join(out)
    if cut_start and not plain.startswith(ELLIPSIS):
        plain = ELLIPSIS + plain
        spans = [(start + 1, end + 1) for start, end in spans]
    if cut_end and not plain.endswith(ELLIPSIS):
        plain += ELLIPSIS
    return plain, tuple(spans)


@dataclass(frozen=True)
class SearchHit:
    """One matching article: its citation, the engine's score (higher is better), a snippet of
    plain text and the hits in it as `(start, end)` character offsets (see `find_hits`)."""

    article: ArticleRef
    score: float
    snippet: str
    highlights: Spans = ()


@dataclass(frozen=True)
class SearchPage:
    """The best hits, best first, and how many articles match in all.

    `ranked_among` is 0 when every match was ranked. Otherwise more than `total` articles match
    (both are RANK_WINDOW) and only the `ranked_among` most recently added were ranked: a word
    in most of the corpus is neither counted nor ranked over all of it.
    """

    hits: tuple[SearchHit, ...]
    total: int
    ranked_among: int = 0


@dataclass(frozen=True)
class _Row:
    id: int
    score: float
    snippet: str
    highlights: Spans


@dataclass(frozen=True)
class Window:
    """How many articles match, and the first id of the most recent RANK_WINDOW of them
    (None when all of them are ranked)."""

    total: int
    first_id: int | None


# Generated columns and indexes the PostgreSQL migrations add outside the models
PG_ONLY_COLUMNS = {("search_vector", "articles"), ("text_folded", "events")}
PG_ONLY_INDEXES = {
    "ix_articles_search_vector",
    "ix_events_text_trgm",  # before migration 0014
    "ix_events_folded_trgm",
}


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic hook: the search index objects live outside the models; never diff them."""
    if type_ == "table" and name and name.startswith(("articles_fts", "events_fts")):
        return False
    if type_ == "column" and (name, _table_name(obj)) in PG_ONLY_COLUMNS:
        return False
    return not (type_ == "index" and name in PG_ONLY_INDEXES)


def _table_name(column: Any) -> str | None:
    return getattr(getattr(column, "table", None), "name", None)


def _date_filter(start: date | None, end: date | None) -> str:
    return (" AND a.published >= :start" if start else "") + (
        " AND a.published <= :end" if end else ""
    )


_SQLITE = """
WITH top AS (
  SELECT articles_fts.rowid AS id, articles_fts.rank AS bm
  FROM articles_fts {join}
  WHERE articles_fts MATCH :match AND articles_fts.rank MATCH :ranking {dates} {newest}
  ORDER BY bm, id LIMIT :limit OFFSET :offset
)
SELECT top.id, -top.bm AS score,
       snippet(articles_fts, 1, :start_mark, :stop_mark, :ellipsis, :words) AS snippet
FROM articles_fts JOIN top ON top.id = articles_fts.rowid
WHERE articles_fts MATCH :match
ORDER BY top.bm, top.id
"""
_SQLITE_MATCHES = """
SELECT {what} FROM articles_fts {join}
WHERE articles_fts MATCH :match {dates} {order}
"""
# articles are joined only for a date filter: at 80,000 matches the join alone costs 250 ms
_SQLITE_JOIN = "JOIN articles a ON a.id = articles_fts.rowid"


def _sqlite_join(page: dict[str, Any]) -> str:
    return _SQLITE_JOIN if page["start"] or page["end"] else ""


def _window(ids: list[int]) -> Window:
    """The window of the newest matches, from their ids newest first (at most RANK_WINDOW + 1)."""
    if len(ids) <= RANK_WINDOW:
        return Window(len(ids), None)
    return Window(RANK_WINDOW, ids[RANK_WINDOW - 1])


async def _sqlite_window(session: AsyncSession, query: SearchQuery, page: dict[str, Any]) -> Window:
    """The newest RANK_WINDOW + 1 matches' ids, newest first: how many match, up to that."""
    dates = _date_filter(page["start"], page["end"])
    params = {"match": query.fts5()} | {k: page[k] for k in ("start", "end") if page[k]}
    order = "ORDER BY articles_fts.rowid DESC LIMIT :cap"
    newest = text(
        _SQLITE_MATCHES.format(
            what="articles_fts.rowid", join=_sqlite_join(page), dates=dates, order=order
        )
    )
    ids = await session.scalars(_typed(newest, page), params | {"cap": RANK_WINDOW + 1})
    return _window(list(ids))


async def _sqlite_rows(
    session: AsyncSession, query: SearchQuery, window: Window, **page: Any
) -> list[_Row]:
    newest = "" if window.first_id is None else "AND articles_fts.rowid >= :first_id"
    dates = _date_filter(page["start"], page["end"])
    sql = text(_SQLITE.format(join=_sqlite_join(page), dates=dates, newest=newest))
    params = {"match": query.fts5(), **_sqlite_snippet_params(), **page}
    if window.first_id is not None:
        params["first_id"] = window.first_id
    result = await session.execute(_typed(sql, page), _used(params, page))
    return [_Row(r.id, float(r.score), *find_hits(r.snippet or "")) for r in result]


# `body` decompresses each hit's text once (`|| ''` makes a plain in-memory copy): every later
# use of a.text itself would decompress it again, 2 ms a time for a 500,000-character text.
# `win` picks the stretch ts_headline reads: the first HEADLINE_WINDOW characters when the
# first word is used there, else a window around its first use; everything after works on that
# stretch, never on the whole text again.
_POSTGRES = """
WITH top AS (
  SELECT a.id, ts_rank_cd(a.search_vector, {wanted}, 1) AS score
  FROM articles a
  WHERE a.search_vector @@ {wanted} {unwanted} {dates} {newest}
  ORDER BY score DESC, a.id LIMIT :limit OFFSET :offset
), body AS MATERIALIZED (
  SELECT top.id, top.score, a.text || '' AS text
  FROM top JOIN articles a ON a.id = top.id
), win AS MATERIALIZED (
  SELECT id, score, text, length(text) AS len,
         CASE WHEN length(text) <= :window OR strpos(lower(left(text, :window)), :probe) > 0
              THEN 1 ELSE greatest(1, strpos(lower(text), :probe) - :window / 2) END AS start
  FROM body
), lit AS MATERIALIZED (
  SELECT id, score, text, len, start, substr(text, start, :window) AS piece,
         ts_headline('english', substr(text, start, :window), {wanted}, :options) AS snippet
  FROM win
), placed AS (
  SELECT lit.*, length(plain) AS n,
         CASE WHEN strpos(piece, plain) > 0 THEN start + strpos(piece, plain) - 1 ELSE 0 END AS at
  FROM lit, replace(replace(snippet, :start_mark, ''), :stop_mark, '') AS plain
)
SELECT id, score, snippet, at,
       CASE WHEN at BETWEEN 2 AND 9 THEN substr(text, 1, at - 1) END AS head,
       CASE WHEN at > 0 AND len - (at + n - 1) BETWEEN 1 AND 8
            THEN substr(text, at + n) END AS tail,
       at = 0 OR at + n - 1 < len AS more
FROM placed ORDER BY score DESC, id
"""


def _probe(query: SearchQuery) -> str:
    """A lower-case stem of the first wanted word, to find where a long text first uses it."""
    words = re.findall(r"\w+", query.groups[0][0].lower())
    return words[0][:PROBE_CHARS] if words else ""


def _tsquery(names: list[str], joiner: str) -> str:
    parts = [f"websearch_to_tsquery('english', CAST(:{n} AS text))" for n in names]
    return "(" + f" {joiner} ".join(parts) + ")"


# the WHERE clause is built from this module's constants and parameter names, never from input
_PG_NEWEST = "SELECT a.id FROM articles a WHERE {where} ORDER BY a.id DESC LIMIT :cap"


@dataclass(frozen=True)
class _PgMatch:
    """A query's tsquery parts for PostgreSQL, with their parameters."""

    params: dict[str, Any]
    wanted: str
    unwanted: str
    dates: str

    @property
    def where(self) -> str:
        return f"a.search_vector @@ {self.wanted} {self.unwanted} {self.dates}"


def _pg_match(query: SearchQuery, page: dict[str, Any]) -> _PgMatch:
    params: dict[str, Any] = {f"g{i}": g for i, g in enumerate(query.websearch_groups())}
    wanted = _tsquery(list(params), "&&")
    unwanted = ""
    if query.excluded:
        excluded = {f"x{i}": x for i, x in enumerate(query.websearch_excluded())}
        unwanted = f"AND NOT a.search_vector @@ {_tsquery(list(excluded), '||')}"
        params.update(excluded)
    params |= {k: page[k] for k in ("start", "end") if page[k] is not None}
    return _PgMatch(params, wanted, unwanted, _date_filter(page["start"], page["end"]))


async def _postgres_window(
    session: AsyncSession, query: SearchQuery, page: dict[str, Any]
) -> Window:
    """As `_sqlite_window`."""
    match = _pg_match(query, page)
    newest = text(_PG_NEWEST.format(where=match.where))
    ids = await session.scalars(_typed(newest, page), match.params | {"cap": RANK_WINDOW + 1})
    return _window(list(ids))


async def _postgres_rows(
    session: AsyncSession, query: SearchQuery, window: Window, **page: Any
) -> list[_Row]:
    match = _pg_match(query, page)
    params = dict(match.params)
    newest = ""
    if window.first_id is not None:
        newest = "AND a.id >= :first_id"
        params["first_id"] = window.first_id
    sql = _POSTGRES.format(
        wanted=match.wanted, unwanted=match.unwanted, dates=match.dates, newest=newest
    )
    params |= _headline_params(query) | page
    result = await session.execute(_typed(text(sql), page), _used(params, page))
    return [_pg_row(r) for r in result]


def _headline_params(query: SearchQuery) -> dict[str, Any]:
    """What ts_headline is told: where to read, how to mark hits, how long a snippet is."""
    return {
        "window": HEADLINE_WINDOW,
        "probe": _probe(query),
        "options": f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=20, "
        "ShortWord=0, MaxFragments=1",
        "start_mark": START,
        "stop_mark": STOP,
    }


def _sqlite_snippet_params() -> dict[str, Any]:
    """What SQLite's snippet() and bm25() are told, as /search tells them."""
    return {
        "ranking": f"bm25({TITLE_WEIGHT}, 1.0)",
        "start_mark": START,
        "stop_mark": STOP,
        "ellipsis": ELLIPSIS,
        "words": SNIPPET_WORDS,
    }


_PG_ONE = "SELECT a.id FROM articles a WHERE a.id = :article_id AND {where}"
_SQLITE_ONE = (
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match AND rowid = :article_id"
)


async def matches_article(session: AsyncSession, query: SearchQuery, article_id: int) -> bool:
    """Whether /search of `query` finds this one article, tested on its own index row.

    In the caller's session, so an article stored in the same transaction is seen (alerts)."""
    if session.get_bind().dialect.name == "postgresql":
        match = _pg_match(query, {"start": None, "end": None})
        sql, params = _PG_ONE.format(where=match.where), match.params
    else:
        sql, params = _SQLITE_ONE, {"match": query.fts5()}
    found = await session.scalar(text(sql), params | {"article_id": article_id})
    return found is not None


async def article_snippet(
    session: AsyncSession, query: SearchQuery, article_id: int
) -> tuple[str, Spans] | None:
    """The snippet and hit spans /search would show for this one article; None if no match."""
    page = {"limit": 1, "offset": 0, "article_id": article_id}
    if session.get_bind().dialect.name == "postgresql":
        match = _pg_match(query, {"start": None, "end": None})
        sql = _POSTGRES.format(
            wanted=match.wanted, unwanted=match.unwanted, dates="", newest="AND a.id = :article_id"
        )
        row = (
            await session.execute(text(sql), match.params | page | _headline_params(query))
        ).first()
        if row is None:
            return None
        found = _pg_row(row)
        return found.snippet, found.highlights
    sql = _SQLITE.format(join="", dates="", newest="AND articles_fts.rowid = :article_id")
    params = page | {"match": query.fts5()} | _sqlite_snippet_params()
    row = (await session.execute(text(sql), params)).first()
    return None if row is None else find_hits(row.snippet or "")


def _edge(piece: str | None) -> str | None:
    """Punctuation a fragment left off at an end of the text; None when words were left off."""
    return None if piece is None or _WORDY.search(piece) else piece.strip()


def _pg_row(row: Any) -> _Row:
    """ts_headline adds no ellipses: cut marks come from where the fragment sits in the text."""
    lead = "" if row.at == 1 else _edge(row.head)
    trail = _edge(row.tail) if row.more else ""
    snippet = (lead or "") + row.snippet + (trail or "")
    return _Row(row.id, float(row.score), *find_hits(snippet, lead is None, trail is None))


def _typed(sql: Any, page: dict[str, Any]) -> Any:
    """Dates bound as dates, so SQLite compares its stored ISO text and asyncpg gets a date."""
    names = [n for n in ("start", "end") if page[n] is not None]
    return sql.bindparams(*(bindparam(n, type_=Date) for n in names))


def _used(params: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if not (k in ("start", "end") and page[k] is None)}


class SearchRepository:
    """Ranked full-text search over stored articles, one session per call."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def search(
        self,
        query: SearchQuery,
        *,
        limit: int = 10,
        offset: int = 0,
        start: date | None = None,
        end: date | None = None,
    ) -> SearchPage:
        """The best matching articles, best first; `start`/`end` bound the publication date."""
        page = {"limit": limit, "offset": offset, "start": start, "end": end}
        async with self._sessions() as session:
            backend = session.get_bind().dialect.name
            if backend == "postgresql":
                window = await _postgres_window(session, query, page)
                rows = await _postgres_rows(session, query, window, **page) if window.total else []
            else:
                window = await _sqlite_window(session, query, page)
                rows = await _sqlite_rows(session, query, window, **page) if window.total else []
            refs = await article_refs(session, (r.id for r in rows))
        log.debug("search %r on %s: %d rows of %d", query, backend, len(rows), window.total)
        hits = tuple(
            SearchHit(refs[r.id], r.score, r.snippet, r.highlights) for r in rows if r.id in refs
        )
        ranked = RANK_WINDOW if window.first_id is not None else 0
        return SearchPage(hits=hits, total=window.total, ranked_among=ranked)
