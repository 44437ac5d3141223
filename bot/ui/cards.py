"""Ingest cards as Discord markup: `#12 [Title](https://…) · The Week · <t:…:D> · sentence`.

A card is the short reply a member gets when a posted link or file was stored
(`bot.services.link_cards`). The title links to the article's stored address (never to anything
in its text); a file's card has no link. A date known to the day is a Discord timestamp, which
each member reads in their own calendar: it points at noon UTC of that day, so every time zone
from UTC−11 to UTC+11 shows the same date. A date known to the month or year stays plain. All
corpus text is escaped; the line stays one message, the sentence going first when it is long.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.services.date_text import human_date
from bot.services.link_cards import (
    SENTENCE_LIMIT,
    SUMMARY_LIMIT,
    ArticleCard,
    Card,
    DuplicateCard,
    Reason,
)
from bot.ui.escape import safe_url
from bot.ui.links import web_address
from bot.ui.page import cut_markup, fit

MESSAGE_LIMIT = 2000
TITLE_LIMIT = 300  # escaped characters of a title in a card
OUTLET_LIMIT = 120
NOON = time(12, tzinfo=UTC)


def discord_timestamp(moment: datetime, style: str = "f") -> str:
    """A Discord timestamp: each member sees the moment in their own time zone."""
    return f"<t:{int(moment.timestamp())}:{style}>"


def day_timestamp(day: date) -> str:
    """`<t:…:D>` at noon UTC of the day, so the reader's calendar shows that very day."""
    return discord_timestamp(datetime.combine(day, NOON), "D")


def card_date(day: date | None, precision: str) -> str:
    """A timestamp when the day is known; `Oct 2024`, `2024` or `undated` otherwise."""
    if day is not None and precision == "day":
        return day_timestamp(day)
    return human_date(day, precision)


def linked_title(title: str | None, url: str | None, limit: int = TITLE_LIMIT) -> str:
    """The title escaped, as a masked link to the stored address when there is one (a label
    holding an address would claim the link goes there, so its `://` is broken)."""
    plain = " ".join((title or "(untitled)").split())
    link = web_address(url)
    if link is None:
        return fit(plain, limit)
    return f"[{fit(plain.replace('://', ': //'), limit)}]({safe_url(link)})"


def card_markup(card: Card, *, short: bool = False) -> str:
    """One card as escaped markup, within one message (`short`: the many-link summary's line)."""
    if isinstance(card, ArticleCard):
        article = card.article
        if short:
            return f"#{article.id} {linked_title(article.title, card.url, SUMMARY_LIMIT)}"
        parts = [f"#{article.id} {linked_title(article.title, card.url)}"]
        if article.outlet:
            parts.append(fit(article.outlet, OUTLET_LIMIT))
        parts.append(card_date(article.published, article.date_precision))
        if card.sentence:
            parts.append(fit(card.sentence, SENTENCE_LIMIT * 2))
        return " · ".join(parts)
    if isinstance(card, DuplicateCard):
        if card.article is None:
            return f"already have it: #{card.article_id}"
        title = linked_title(card.article.title, card.url, SUMMARY_LIMIT if short else TITLE_LIMIT)
        return f"already have it: #{card.article_id} {title}"
    assert isinstance(card, Reason)
    return fit(card.text, SUMMARY_LIMIT if short else MESSAGE_LIMIT // 2)


def reply_line(emoji: str, named: str, markup: str) -> str:
    """`✅ <link>: card`: the reply, cut to one message outside any link when it is too long."""
    return cut_markup(f"{emoji} {named}{markup}", MESSAGE_LIMIT)
