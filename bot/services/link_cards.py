"""The one-line card or reason a member reads about a link or file the watched channel ingested.

A new article's card: number, title, outlet, date (only as precise as known) and its top summary
sentence; a duplicate names the article we already have; a failure says why. `LinkCards.reply`
gives them as structured `Card`s, which the Discord layer (`bot.ui.cards`) writes as markup (the
title linked to the stored address, the date as a Discord timestamp) within Discord's 2,000
characters, shorter for a many-link summary.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.services.ingest import DUPLICATE, NEW, Outcome
from storage.records import ArticleSummary

if TYPE_CHECKING:
    from bot.services.summary import SummaryService
    from storage.articles import ArticleRepository

log = logging.getLogger(__name__)

SENTENCE_LIMIT = 240  # characters of a card's summary sentence
SUMMARY_LIMIT = 120  # characters of one link's card in a summary


def first_sentence(text: str) -> str:
    """The first sentence of a text (up to the first full stop followed by a space)."""
    flat = " ".join(text.split())
    match = re.search(r"(?<=[.!?])[\"”’)]?\s", flat)
    return flat[: match.start() + 1].strip() if match else flat


@dataclass(frozen=True)
class ArticleCard:
    """A stored article: its facts, its stored address (None for a file) and one sentence."""

    article: ArticleSummary
    url: str | None
    sentence: str | None


@dataclass(frozen=True)
class DuplicateCard:
    """A link not added because we already have it (`article` None if since forgotten)."""

    article_id: int
    article: ArticleSummary | None
    url: str | None


@dataclass(frozen=True)
class Reason:
    """Why a link or file was not added, or an article that is gone: one plain line."""

    text: str


Card = ArticleCard | DuplicateCard | Reason


def stored_url(article: ArticleSummary, canonical: str | None) -> str | None:
    """The address the article was stored under: its canonical URL, else the link it came from
    (a file's path is no address)."""
    for url in (canonical, article.source):
        if url and url.strip().lower().startswith(("http://", "https://")):
            return url.strip()
    return None


class LinkCards:
    """What a member reads when a link or file has been worked: a card, or the reason."""

    def __init__(self, articles: ArticleRepository, summary: SummaryService) -> None:
        self._articles = articles
        self._summary = summary

    async def reply(self, outcome: Outcome, *, short: bool = False) -> Card:
        """The card of a new article (without its sentence when `short`), the article we
        already have, or the reason it was not added."""
        if outcome.status == NEW and outcome.article_id is not None:
            return await self.card(outcome.article_id, sentence=not short)
        if outcome.status == DUPLICATE and outcome.duplicate_of is not None:
            detail = await self._articles.get(outcome.duplicate_of)
            if detail is None:
                return DuplicateCard(outcome.duplicate_of, None, None)
            url = stored_url(detail.summary, detail.canonical_url)
            return DuplicateCard(outcome.duplicate_of, detail.summary, url)
        return Reason(outcome.message or "could not be added")

    async def card(self, article_id: int, *, sentence: bool = True) -> Card:
        """The card of one stored article: its top summary sentence, else its first sentence."""
        detail = await self._articles.get(article_id)
        if detail is None:
            return Reason(f"#{article_id} (since forgotten)")
        line = None
        if sentence:
            line = await self._sentence(article_id) or first_sentence(detail.text)
        url = stored_url(detail.summary, detail.canonical_url)
        return ArticleCard(detail.summary, url, line)

    async def _sentence(self, article_id: int) -> str | None:
        """The first line of the article's extractive summary, if one can be made."""
        try:
            summary = await self._summary.article(article_id)
        except Exception:  # a card without its summary line is still a card
            log.warning("no summary line for article %s", article_id, exc_info=True)
            return None
        return summary.lines[0].text if summary.lines else None
