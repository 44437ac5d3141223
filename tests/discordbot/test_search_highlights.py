"""/search through the fake Discord: only the matching words are bold, an article's own `**x**`
stays text, and every article is a block with a link to its source.

`discord_reads` turns each escaped character into `.` and each URL into `U`, so any `**` left in
what it reads is bold Discord would render: the bold parts are exactly what a member sees bold.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ui.highlight import discord_snippet
from tests.bot.discord_markup import discord_reads, live_markup
from tests.discordbot.conftest import StartBot
from tests.discordbot.test_paging import QUERY_COGS, dated_article, store
from tests.fake_discord import FakeDiscord
from tests.fake_discord.interactions import InteractionResult

MARKDOWN = "Officials said the **secret** zanzibar __pact__ was *signed* at last \\ ~~today~~."
URL = "https://news.example/zanzibar_pact"


def description(result: InteractionResult) -> str:
    return "\n".join(e.get("description") or "" for e in result.embeds)


def bold_words(text: str) -> list[str]:
    """What Discord shows in bold, as Discord reads it (escaped characters as `.`)."""
    return re.findall(r"\*\*(.+?)\*\*", discord_reads(text))


async def test_only_the_hits_are_bold_and_the_articles_own_markdown_is_text(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    article = dataclasses.replace(
        dated_article(901, date(2001, 3, 3), MARKDOWN, url=URL), title="The **zanzibar** pact"
    )
    async with start_bot(cogs=QUERY_COGS) as bot:
        await store(bot, article)
        result = await fake.slash("search", {"query": "zanzibar"})
    body = description(result)
    [block] = [part for part in body.split("\n\n") if "Officials" in part]
    heading, snippet = block.split("\n")
    assert snippet == (
        "Officials said the \\*\\*secret\\*\\* **zanzibar** \\_\\_pact\\_\\_ was \\*signed\\* "
        "at last \\\\ \\~\\~today\\~\\~."
    )
    assert bold_words(snippet) == ["zanzibar"]  # the hit, and nothing the article marked
    assert heading.startswith("**1.** The \\*\\*zanzibar\\*\\* pact — ")
    assert f"[Test Wire, 3 Mar 2001]({URL}) · #" in heading
    assert body.startswith("1 article matches “zanzibar”.")
    assert live_markup(body.replace(f"]({URL})", "]"), bold=True) == []  # our link: the only one
    assert result.embeds[0]["title"] == "Search"


async def test_the_sample_corpus_bolds_both_words_of_a_phrase(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(cogs=QUERY_COGS):
        result = await fake.slash("search", {"query": '"nuclear deal"'})
    body = description(result)
    assert body.startswith('1 article matches “"nuclear deal"”.')
    assert "**1.** Syria on Vladimir Putin's Mind for 1st Trip to Iran in 8 Years — " in body
    assert "the **nuclear** **deal** reached in July" in body
    assert set(bold_words(body.split("\n", 1)[1])) == {"1.", "nuclear", "deal"}
    assert "samples/" not in body  # a file's name at most, never the server's path


# -- discord_snippet on any text and any spans ---------------------------------------------------

text_chars = st.sampled_from(list("ab *_~`|\\[]()<>#@-:!.")) | st.characters(
    blacklist_categories=("Cs",)
)
snippets = st.text(text_chars, max_size=80).filter(lambda s: "http" not in s.lower())


@st.composite
def snippet_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    snippet = draw(snippets)
    cuts = sorted(draw(st.lists(st.integers(0, len(snippet)), max_size=8)))
    return snippet, list(zip(cuts[::2], cuts[1::2], strict=False))


# simple-markdown's order: an escape first, else its `strong` rule (lazy, on the raw text, not
# closed by `**` followed by a third `*`), else one character
_STRONG = re.compile(r"\\[^0-9A-Za-z\s]|\*\*(?P<bold>[\s\S]+?)\*\*(?!\*)|[\s\S]")


def strong(text: str) -> list[str]:
    """The texts Discord shows bold, escapes resolved."""
    found = [m["bold"] for m in _STRONG.finditer(text) if m["bold"] is not None]
    return [re.sub(r"\\([^0-9A-Za-z\s])", r"\1", bold) for bold in found]


def expected_bold(snippet: str, spans: list[tuple[int, int]]) -> list[str]:
    """The span texts as Discord reads them: whitespace-trimmed, merged where they touch."""
    merged: list[list[int]] = []
    for given_start, given_end in spans:
        start, end = given_start, given_end
        while start < end and snippet[start].isspace():
            start += 1
        while end > start and snippet[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(end, merged[-1][1])
        else:
            merged.append([start, end])
    return [snippet[start:end] for start, end in merged]


@settings(max_examples=300, deadline=None)
@given(snippet_and_spans())
def test_any_snippet_is_bold_exactly_on_its_spans(case: tuple[str, list[tuple[int, int]]]) -> None:
    snippet, spans = case
    one_line = re.sub("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", " ", snippet)
    marked = discord_snippet(snippet, spans)
    assert "****" not in marked
    assert live_markup(marked, bold=True) == []
    read = discord_reads(marked)
    assert read.count("**") == 2 * len(expected_bold(one_line, spans))
    assert strong(marked) == expected_bold(one_line, spans)


def test_a_span_ending_in_an_escaped_character_closes_its_bold() -> None:
    assert discord_snippet("the deal* is done", [(4, 9)]) == "the **deal\\*** is done"
    assert discord_snippet("a \\ b", [(2, 3)]) == "a **\\\\** b"
    assert bold_words(discord_snippet("the deal* is done", [(4, 9)])) == ["deal."]


def test_spans_that_touch_make_one_bold_and_none_go_inside_a_url() -> None:
    assert discord_snippet("U.S. deal", [(0, 2), (2, 4)]) == "**U.S.** deal"
    url = "see https://news.example/deal_x and the deal"
    assert discord_snippet(url, [(25, 29), (40, 44)]) == (
        "see https://news.example/deal_x and the **deal**"
    )


def test_a_long_snippet_is_cut_before_it_is_marked() -> None:
    long = "word " * 200 + "deal"
    marked = discord_snippet(long, [(0, 4), (len(long) - 4, len(long))], limit=100)
    assert marked.startswith("**word** word") and marked.endswith("…")
    assert len(marked) <= 104 and marked.count("**") == 2
