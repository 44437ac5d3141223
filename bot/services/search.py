"""The search answer: read the user's query and dates, ask the full-text index, keep the best.

The query language (words, "phrases", OR, -word) is read in `storage.search.parse_query`, so the
SQLite and PostgreSQL engines get the same terms; here its errors become one-line user errors.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.errors import UserFacingError
from bot.services.ranges import date_range
from storage.search import (
    SearchHit,
    SearchQuery,
    SearchQueryError,
    SearchRepository,
    parse_query,
)

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 10
MAX_LIMIT = 50


@dataclass(frozen=True)
class SearchAnswer:
    """What `search` shows: the query as typed, the date bounds, the best hits (each a snippet
    with its `highlights` spans) and the total."""

    query: str
    start: date | None
    end: date | None
    hits: tuple[SearchHit, ...]
    total: int
    from_text: str | None = None  # the bounds as the user wrote them, for the answer's wording
    to_text: str | None = None
    ranked_among: int = 0  # >0: more than `total` match; that many most recent were ranked


class SearchService:
    """Ranked full-text search: each hit's snippet as plain text and its hits as spans, passed
    through from storage for each front end to mark its own way."""

    def __init__(self, repository: SearchRepository) -> None:
        self._repository = repository

    @staticmethod
    def check(query: str) -> SearchQuery:
        """The query parsed, or the member's mistake as a one-line error (before any reading)."""
        try:
            return parse_query(" ".join(query.split()))
        except SearchQueryError as exc:
            raise UserFacingError(str(exc)) from exc

    async def search(
        self,
        query: str,
        *,
        limit: int = DEFAULT_LIMIT,
        from_text: str | None = None,
        to_text: str | None = None,
    ) -> SearchAnswer:
        """The best `limit` articles for the query, within the publication dates given."""
        if not 1 <= limit <= MAX_LIMIT:
            raise UserFacingError(f"--limit must be between 1 and {MAX_LIMIT}")
        shown = " ".join(query.split())
        parsed = self.check(shown)
        start, end = date_range(from_text, to_text)
        page = await self._repository.search(parsed, limit=limit, start=start, end=end)
        log.debug("search %r: %d of %d", shown, len(page.hits), page.total)
        return SearchAnswer(
            shown, start, end, page.hits, page.total, from_text, to_text, page.ranked_among
        )
