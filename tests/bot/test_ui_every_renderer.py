"""Every answer a member sees, fed arbitrary article text: no live link, mention or block markup
from the corpus, and every message and embed within Discord's limits (issue 11).

Each test builds a renderer's records with hostile text in every corpus-derived field
(`tests.bot.hostile_records`), turns them into an answer exactly as the cog does, and sends it the
way the bot sends it: `send_answer` with its pager, every page shown through Next and Previous,
then Export; the digest as `cogs/digest.py` posts it; ingest replies and cards through the real
`LinkCards` and `Watch._line`. Every message is then read with Discord's parsing rules
(`tests.bot.discord_markup`). Charts are left out: they are pictures, not Markdown.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from collections.abc import Coroutine
from dataclasses import replace
from types import SimpleNamespace
from typing import Any, cast

import discord
from hypothesis import event, given, settings
from hypothesis import strategies as st

from bot.errors import UserFacingError
from bot.render import corpus as render_corpus
from bot.services.compare import Comparison
from bot.services.outcomes import Outcome
from bot.services.people import QuotesAnswer, WhoAnswer, ambiguous_message, unknown_message
from bot.services.search import SearchAnswer
from bot.services.summary import Summary
from bot.services.timeline import Timeline
from bot.tree import AnalystTree
from bot.ui.embeds.compare import compare_answer
from bot.ui.embeds.quotes import quotes_answer
from bot.ui.embeds.search import search_answer
from bot.ui.embeds.summary import summary_answer
from bot.ui.embeds.timeline import timeline_answer
from bot.ui.embeds.who import who_answer
from bot.ui.escape import escape_text, safe_url
from bot.ui.links import web_url
from bot.ui.page import NO_MENTIONS, Answer
from bot.ui.pager import Pager
from bot.ui.respond import send_answer, send_short
from storage.entity_lookup import EntityMatch
from storage.records import ArticleDetail, ArticleSummary
from storage.records_cite import ArticleRef
from tests.bot import hostile_records as hostile
from tests.bot.discord_markup import Sent, answer_leaks, leaks

EXAMPLES = settings(max_examples=100, deadline=None)
EMBED_EXAMPLES = settings(max_examples=50, deadline=None)  # each pages a whole answer
EXPORT_NAME = re.compile(r"[a-z]+(?:-\d+)?\.json")


class _Response:
    """The part of `discord.InteractionResponse` the answer code uses; it records what is sent."""

    def __init__(self, sent: list[Sent]) -> None:
        self.sent = sent
        self.done = False

    def is_done(self) -> bool:
        return self.done

    async def defer(self, **_options: Any) -> None:
        self.done = True

    async def send_message(self, content: str | None = None, **kwargs: Any) -> None:
        self.done = True
        self.sent.append(_sent(content, kwargs))

    async def edit_message(self, **kwargs: Any) -> None:
        self.sent.append(_sent(None, kwargs))


class _Followup:
    """The part of `discord.Webhook` a deferred answer uses."""

    def __init__(self, sent: list[Sent]) -> None:
        self.sent = sent

    async def send(self, content: str | None = None, **kwargs: Any) -> None:
        self.sent.append(_sent(content, kwargs))


def _sent(content: str | None, kwargs: dict[str, Any]) -> Sent:
    embeds = [kwargs["embed"]] if kwargs.get("embed") else list(kwargs.get("embeds", []))
    files = [kwargs["file"]] if kwargs.get("file") else list(kwargs.get("files", []))
    return Sent(content, embeds, files, kwargs.get("allowed_mentions"), kwargs.get("view"))


class Asker:
    """An interaction from member 7, recording every message the bot sends or edits for it."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.user = SimpleNamespace(id=7)
        self.response = _Response(self.sent)
        self.followup = _Followup(self.sent)

    async def original_response(self) -> None:
        return None

    @property
    def interaction(self) -> discord.Interaction:
        return cast(discord.Interaction, self)


def run(coroutine: Coroutine[Any, Any, None]) -> None:
    asyncio.run(coroutine)


def _web_urls(value: object) -> set[str]:
    """Every stored http(s) URL of the articles inside an answer, as a link carries it."""
    found: set[str] = set()
    if isinstance(value, ArticleRef):
        url = web_url(value)
        return {safe_url(url)} if url else set()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            found |= _web_urls(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            found |= _web_urls(item)
    return found


async def _paged(answer: Answer, deferred: bool) -> list[Sent]:
    """`send_answer`, then every page through Next, one Previous, and Export, as a member would."""
    asker = Asker()
    if deferred:
        await asker.response.defer()
    await send_answer(asker.interaction, answer)
    view = asker.sent[0].view
    assert isinstance(view, Pager)
    pages = [list(page.embeds) for page in view.pages]
    event("pages: " + ("3+" if len(pages) >= 3 else str(len(pages))))
    for _ in pages[1:]:
        await view.next.callback(asker.interaction)
    if len(pages) > 1:
        await view.previous.callback(asker.interaction)
    await view.export.callback(asker.interaction)
    assert [m.embeds for m in asker.sent[:-1]] == [*pages, *pages[-2:-1]]  # all, then back
    return asker.sent


def check_embeds(answer: Answer, source: object, *, deferred: bool = True) -> None:
    """An embed answer as sent, paged and exported: nothing live but its own markup (bold,
    quote blocks, links to the stored URLs), within limits, its images attached, nobody pinged."""
    sent = asyncio.run(_paged(answer, deferred))
    assert answer_leaks(sent, _web_urls(source)) == []
    assert all(m.allowed_mentions is NO_MENTIONS for m in sent)
    attached = {f.filename for f in sent[0].files}
    for message in sent[:-1]:
        for embed in message.embeds:
            if embed.image.url:
                assert embed.image.url.removeprefix("attachment://") in attached
    export = sent[-1]
    assert not export.content and not export.embeds and len(export.files) == 1
    assert EXPORT_NAME.fullmatch(export.files[0].filename), export.files[0].filename
    assert answer.export is not None
    assert json.loads(export.files[0].fp.read()) == json.loads(json.dumps(answer.export.data))


# -- the query commands, each answer exactly as its cog builds it ------------------------------

CHART = b"\x89PNG chart"


@EMBED_EXAMPLES
@given(hostile.timeline, st.booleans())
def test_timeline(timeline: Timeline, charted: bool) -> None:
    check_embeds(timeline_answer(timeline, CHART if charted else None), timeline)


@EMBED_EXAMPLES
@given(hostile.comparison, st.booleans())
def test_compare(comparison: Comparison, charted: bool) -> None:
    check_embeds(compare_answer(comparison, CHART if charted else None), comparison)


@EMBED_EXAMPLES
@given(hostile.summary)
def test_summary(summary: Summary) -> None:
    check_embeds(summary_answer(summary), summary)


@EMBED_EXAMPLES
@given(hostile.quotes)
def test_quotes(answer: QuotesAnswer) -> None:
    check_embeds(quotes_answer(answer), answer)


@EMBED_EXAMPLES
@given(hostile.who, st.booleans())
def test_who(answer: WhoAnswer, charted: bool) -> None:
    check_embeds(who_answer(answer, CHART if charted else None), answer)


@EXAMPLES
@given(hostile.search)
def test_search(answer: SearchAnswer) -> None:
    check_embeds(search_answer(answer), answer)


# -- the corpus commands ------------------------------------------------------------------------


@EXAMPLES
@given(hostile.article)
def test_article_fix_reply(fixed: ArticleSummary) -> None:
    asker = Asker()
    text = f"Fixed: {escape_text(render_corpus.article_line(fixed))}"
    run(asker.response.defer())
    run(send_short(asker.interaction, text, ephemeral=False))
    assert leaks(asker.sent) == []
    assert [m.allowed_mentions for m in asker.sent] == [NO_MENTIONS]


def test_a_long_short_reply_is_cut_to_one_message() -> None:
    asker = Asker()
    text = "Fixed: #4 [2015] · " + "\\[x\\]" * 600
    run(send_short(asker.interaction, text, ephemeral=False))
    assert [m.content for m in asker.sent] == [text[:1999] + "…"]


# -- ingest replies and cards ---------------------------------------------------------------------


class _Articles:
    """The one read `LinkCards` makes of the articles: any number is the drawn article."""

    def __init__(self, detail: ArticleDetail | None) -> None:
        self.detail = detail

    async def get(self, article_id: int) -> ArticleDetail | None:
        if self.detail is None:
            return None
        return replace(self.detail, summary=replace(self.detail.summary, id=article_id))


class _Summaries:
    """The one read `LinkCards` makes of the summaries: the drawn summary of any article."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    async def article(self, _article_id: int) -> Summary:
        return self.summary


def _emoji(outcome: Outcome) -> str:
    return "❌" if outcome.status in ("failed", "duplicate") else "✅"


# -- errors that name what the corpus holds -------------------------------------------------


def test_a_name_error_shows_corpus_names_as_text() -> None:
    """A name error lists names from the corpus: the command tree shows them as text."""
    evil = ["[x](http://evil.example)", "<@&5> @everyone"]
    matches = tuple(EntityMatch(n, name, "person", 3) for n, name in enumerate(evil))
    asker = Asker()
    for message in (unknown_message("putn", evil), ambiguous_message("x", matches)):
        error = SimpleNamespace(original=UserFacingError(message))
        run(AnalystTree.on_error(cast(AnalystTree, None), asker.interaction, cast(Any, error)))
    assert len(asker.sent) == 2
    assert leaks(asker.sent) == []
