"""The digest, /stats, /article show and the ingest cards as embeds and markup, fed arbitrary
article text (issues 11 and 13): nothing live but the builder's own markup, within every limit.

The builders run exactly as the cogs call them: the digest's messages as `cogs/digest.py` posts
them and `/digest now` through `send_answer`, every page and Export; /stats and /article show the
same way; the cards through the real `LinkCards` and `Watch._card_line`. The builder's own markup
is let through: masked links to the articles' stored URLs (labels plain), `**` bold, and Discord
timestamps (`<t:…:f>`, `<t:…:D>`); anything else Discord would render is a leak.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from typing import Any, cast

from hypothesis import given
from hypothesis import strategies as st

from bot.services.digest import Digest, Window
from bot.services.link_cards import LinkCards
from bot.services.link_watch import in_replies, summary_header
from bot.services.outcomes import Outcome
from bot.services.summary import Summary
from bot.ui.cards import card_markup
from bot.ui.embeds.corpus import article_answer, stats_answer
from bot.ui.embeds.digest import STORY_EMBEDS, digest_answer, digest_pages, title
from bot.ui.escape import safe_url
from bot.ui.links import web_address
from bot.ui.page import NO_MENTIONS, Answer
from cogs.watch import Watch
from storage.records import ArticleDetail, CorpusStats
from tests.bot import hostile_records as hostile
from tests.bot.discord_markup import Sent, answer_markup, over_limits, texts
from tests.bot.test_ui_every_renderer import (
    EMBED_EXAMPLES,
    EXAMPLES,
    EXPORT_NAME,
    _Articles,
    _emoji,
    _paged,
    _Summaries,
    _web_urls,
)

OWN_TIMESTAMP = re.compile(r"<t:-?\d+:[tTdDfFR]>")
BOT_LINK = re.compile(r"^(?:✅|❌) (?:/ingest )?<https?://[^\s<>]+>")  # the link a reply names


def own_markup_left_out(text: str) -> str:
    """The text without the builder's timestamps (each read as a plain word)."""
    return OWN_TIMESTAMP.sub("T", text)


def problems(messages: list[Sent], urls: set[str]) -> list[str]:
    """Broken limits and live markup other than the builder's own, each with where it was."""
    found = []
    for message in messages:
        found += [f"{p} in {message!r}" for p in over_limits(message)]
        for text in texts(message):
            seen = own_markup_left_out(text)
            found += [f"{m} in {text[:300]!r}" for m in answer_markup(seen, urls)]
    return found


def check_paged(answer: Answer, source: object, *, deferred: bool = True) -> None:
    """The answer sent, paged through and exported: nothing live but its own markup, within
    limits, nobody pinged, the export the answer's JSON."""
    sent = asyncio.run(_paged(answer, deferred))
    assert problems(sent[:-1], _web_urls(source)) == []
    assert all(m.allowed_mentions is NO_MENTIONS for m in sent)
    export = sent[-1]
    assert not export.content and not export.embeds and len(export.files) == 1
    assert EXPORT_NAME.fullmatch(export.files[0].filename), export.files[0].filename
    assert answer.export is not None
    assert json.loads(export.files[0].fp.read()) == json.loads(json.dumps(answer.export.data))


# -- the digest -----------------------------------------------------------------------------------


@EMBED_EXAMPLES
@given(hostile.digest | st.none(), hostile.window, st.dates())
def test_digest_posted_and_previewed(digest: Digest | None, window: Window, day: date) -> None:
    posted = [  # cogs/digest.py send_digest: one message per page
        Sent(embeds=list(page.embeds), allowed_mentions=NO_MENTIONS)
        for page in digest_pages(digest, window, title(day.isoformat()))
    ]
    assert problems(posted, _web_urls(digest)) == []
    head = posted[0].embeds[0]
    assert head.title == f"Daily digest — {day.isoformat()}"
    if digest is None:
        assert len(posted) == 1 and "<t:" in (head.description or "")
        return
    assert "<t:" in head.fields[0].value
    embeds = [embed for message in posted for embed in message.embeds]
    assert len(embeds) >= 1 + min(len(digest.stories), STORY_EMBEDS)  # an embed per story
    check_paged(digest_answer(digest), digest)


# -- the corpus commands ------------------------------------------------------------------------


@EMBED_EXAMPLES
@given(hostile.stats)
def test_stats(stats: CorpusStats) -> None:
    answer = stats_answer(stats)
    if stats.articles:
        assert answer.pages[0].embeds[0].fields
    check_paged(answer, stats)


def _detail_urls(detail: ArticleDetail) -> set[str]:
    """The stored addresses the answer may link: the canonical one, or the source when the
    canonical one cannot be linked (too long once made safe)."""
    linkable = map(web_address, (detail.canonical_url, detail.summary.source))
    return {safe_url(url) for url in linkable if url}


@EMBED_EXAMPLES
@given(hostile.detail)
def test_article_show(detail: ArticleDetail) -> None:
    answer = article_answer(detail)
    sent = asyncio.run(_paged(answer, False))
    assert problems(sent[:-1], _detail_urls(detail)) == []
    assert all(m.allowed_mentions is NO_MENTIONS for m in sent)
    names = [f.name for f in answer.pages[0].embeds[0].fields]
    assert {"Article", "Outlet", "Author", "Title", "Published", "Source"} <= set(names)


# -- ingest cards -------------------------------------------------------------------------------


async def _card_replies(cards: LinkCards, outcomes: list[Outcome]) -> list[str]:
    """Every line cogs/watch.py sends about these outcomes: the reply to a message's one link
    (and /ingest's answer), a named reply among several, the channel notice of an /ingest that
    stopped waiting, and the summary of a many-link message."""
    replies, summary = [], [summary_header(outcomes)]
    for outcome in outcomes:
        emoji, card = _emoji(outcome), card_markup(await cards.reply(outcome))
        replies += [
            Watch._card_line(emoji, outcome.source, card, 1, True),
            Watch._card_line(emoji, outcome.source, card, 2, True),
            Watch._card_line(emoji, outcome.source, card, 1, False),
        ]
        short = card_markup(await cards.reply(outcome, short=True), short=True)
        summary.append(Watch._card_line(emoji, outcome.source, short, len(outcomes), True))
    return replies + in_replies(summary)


@EXAMPLES
@given(
    st.lists(hostile.outcome, min_size=1, max_size=6),
    hostile.optional(hostile.detail),
    hostile.summary,
)
def test_ingest_cards(
    outcomes: list[Outcome], detail: ArticleDetail | None, summary: Summary
) -> None:
    cards = LinkCards(cast(Any, _Articles(detail)), cast(Any, _Summaries(summary)))
    replies = asyncio.run(_card_replies(cards, outcomes))
    urls = _detail_urls(detail) if detail else set()
    for reply in replies:
        assert len(reply) <= 2000
        own = BOT_LINK.sub("✅", reply)
        assert problems([Sent(own, allowed_mentions=NO_MENTIONS)], urls) == [], reply
