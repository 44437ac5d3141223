"""Article text never becomes a live link, heading, spoiler or mention in the bot's embeds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.digest import Digest, Rising, Story, Window
from bot.services.people import QuotesAnswer
from bot.services.search import SearchAnswer
from bot.ui.embeds.digest import digest_pages
from bot.ui.embeds.quotes import quotes_answer
from bot.ui.embeds.search import search_answer
from bot.ui.escape import escape_corpus, escape_line
from bot.ui.page import EmbedBook
from storage.digests import WindowEvent, WindowQuote
from storage.entity_lookup import EntityMatch
from storage.quotes_repo import QuoteCounts, QuoteRecord
from storage.records_cite import ArticleRef
from storage.search import SearchHit
from tests.bot import discord_markup

EVIL = "[x](http://evil.example)"
_DISCORD_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")  # Discord's own autolink rule
_UNIT = re.compile(r"\\[^0-9A-Za-z\s]|[\s\S]")  # a backslash escapes punctuation only


def raw(text: str) -> str:
    """What Discord reads as markup: escaped characters become a neutral `.`, URLs a `U`."""
    units = ["." if len(u) == 2 else u for u in _UNIT.findall(_DISCORD_URL.sub("U", text))]
    return "".join(units)


def live_markup(text: str) -> list[str]:
    """Masked links, angle links, mentions, spoilers, code and headings Discord would render."""
    found = re.findall(r"\]\(|<|\|\||`|@(?:everyone|here)", raw(text))
    for line in raw(text).split("\n"):
        if re.match(r"\s*(?:(?:[-+*]|\d+\.) +)*(?:#+(?:\s|$)|-#|>)", line):
            found.append(line)
    return found


def ref(n: int, title: str, outlet: str, url: str | None = None) -> ArticleRef:
    return ArticleRef(n, title, outlet, date(2015, 11, 23), "day", url, f"files/{n}.txt")


def search_embeds(title: str, outlet: str, snippet: str, url: str | None) -> list[discord.Embed]:
    """The /search answer exactly as cogs/search.py builds it, the hit's first word a highlight."""
    first = re.search(r"\S+", snippet)
    spans = ((first.start(), first.end()),) if first else ()
    hits = (SearchHit(ref(4, title, outlet, url), 1.0, snippet, spans),)
    answer = SearchAnswer("deal", None, None, hits, 1)
    return [embed for page in search_answer(answer).pages for embed in page.embeds]


def quotes_embeds(speaker: str, quote: str, outlet: str) -> list[discord.Embed]:
    """The /quotes answer exactly as cogs/people.py builds it."""
    said = QuoteRecord(1, ref(7, quote, outlet), 1, speaker, speaker, quote, "direct", "say", 0)
    answer = QuotesAnswer(
        EntityMatch(1, speaker, "person", 3), None, None, None, (said,), QuoteCounts(1, 1, 1, 0)
    )
    return [embed for page in quotes_answer(answer).pages for embed in page.embeds]


def digest_payload(title: str, outlet: str, text: str, name: str) -> list[discord.Embed]:
    """The daily digest exactly as cogs/digest.py posts it."""
    cited = ref(5, title, outlet, "https://news.example/d")
    window = Window(datetime(2015, 11, 22, tzinfo=UTC), datetime(2015, 11, 23, tzinfo=UTC))
    digest = Digest(
        window,
        1,
        (Story((name, name), (cited,)),),
        (WindowEvent(date(2015, 11, 23), "day", text, cited),),
        1,
        (WindowQuote(1, name, text, "direct", 3, cited),),
        (Rising(name, "person", 4, 1, (cited,)),),
    )
    return [e for page in digest_pages(digest, window, "Daily digest") for e in page.embeds]


def described(embeds: list[discord.Embed]) -> str:
    return "\n".join(e.description or "" for e in embeds)


@pytest.mark.parametrize(
    ("title", "outlet", "snippet"),
    [
        (f"Treaty {EVIL}", "Wire", "the **deal** was signed"),
        ("Treaty", f"Wire {EVIL}", "the **deal** was signed"),
        ("Treaty", "Wire", f"the **deal** {EVIL} was signed"),
    ],
)
def test_a_masked_link_after_a_citation_stays_text(title: str, outlet: str, snippet: str) -> None:
    body = described(search_embeds(title, outlet, snippet, None))
    assert live_markup(body) == []
    assert "\\*\\*deal\\*\\*" in body  # the article's own asterisks: text, not bold
    assert "\\[x\\]" in body


def test_the_renderers_own_citations_dates_and_links_stay() -> None:
    url = "https://news.example/world/a_b?x=1"
    body = described(search_embeds("Treaty", "ABC News", "the **deal**", url))
    assert f"**1.** Treaty — [ABC News, 23 Nov 2015]({url}) · #4" in body
    assert body.endswith("\n**the** \\*\\*deal\\*\\*")  # bold: the highlight alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Breaking", "\\# Breaking"),
        ("-# small", "\\-# small"),
        ("- - # nested", "- - \\# nested"),
        ("1. ## listed", "1. \\## listed"),
        ("> quoted", "\\> quoted"),
        ("||spoiler|| <@123> <#9> <t:1:R> @everyone", None),
        ("`code` ~~gone~~ _it_ *b*", None),
    ],
)
def test_corpus_markup_is_escaped(text: str, expected: str | None) -> None:
    escaped = escape_corpus(text)
    assert live_markup(escaped) == []
    if expected:
        assert escaped == expected


def test_urls_stay_clickable_without_markup() -> None:
    line = escape_line("see https://a.example/[x](http://evil.example) now")
    assert line == "see https://a.example/%5Bx%5D%28http://evil.example) now"  # ) ends it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://a.example/x<javascript:/y>", "see <https://a.example/x>\\<javascript:/y\\>"),
        ("https://a.example/x.<t:1:R>", "<https://a.example/x>.\\<t:1:R\\>"),
        ("https://a.example/x)]<#1>", "<https://a.example/x>)\\]\\<#1\\>"),
        ("https://a.example/x[2015]<@1>", "<https://a.example/x%5B2015>\\]\\<\\@1\\>"),
        ("https://a.example/x. <@1>", "https://a.example/x. \\<\\@1\\>"),
        ("http://0<#1>", "<http://0>\\<#1\\>"),
        ("[#4 http://0]<#1>", "\\[#4 <http://0%5D>\\<#1\\>"),
    ],
)
def test_a_url_never_swallows_the_escape_of_what_follows(text: str, expected: str) -> None:
    """Discord's URL runs on to the next space or `<`, a backslash included: a URL right before
    an escaped `<` or `]` is closed with `<>` so the `<` stays escaped."""
    line = escape_line(text)
    assert line == expected
    assert discord_markup.live_markup(line) == []


def test_a_long_title_is_cut_before_it_is_escaped() -> None:
    """An embed title holds 256 characters: cutting the escaped text could leave half a link."""
    (embed,) = EmbedBook("Quotes by " + "<https://evil.example>" * 20).embeds()
    assert embed.title is not None
    assert len(embed.title) <= 256
    assert embed.title.endswith("…")
    assert discord_markup.live_markup(embed.title) == []


corpus_text = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("[]()<>#-|*_~`@\\:/ \n")),
    max_size=300,
) | st.builds("".join, st.lists(st.sampled_from([EVIL, "# ", "@everyone", "||", "](", "\n"])))


@settings(max_examples=300, deadline=None)
@given(title=corpus_text, outlet=corpus_text, snippet=corpus_text, speaker=corpus_text)
def test_arbitrary_article_text_renders_no_live_markup(
    title: str, outlet: str, snippet: str, speaker: str
) -> None:
    for embeds in (
        search_embeds(title, outlet, snippet, "https://news.example/a"),
        quotes_embeds(speaker or "X", snippet, outlet),
        digest_payload(title, outlet, snippet, speaker),
    ):
        stored = ("https://news.example/a", "https://news.example/d")  # the answers' own links
        for embed in embeds:
            for text in (embed.description or "", *(f.value or "" for f in embed.fields)):
                assert discord_markup.answer_markup(text, stored) == []
            assert live_markup(embed.title or "") == []
            assert len(embed.title or "") <= 256
            assert len(embed.description or "") <= 4096
            assert len(embed) <= 6000
