"""Feed cards, the feed list and feed notices, fed hostile text: nothing from a feed or an article
renders as markup, pings, or links anywhere but the stored address; everything fits Discord.

Feed titles, addresses, errors, article titles, outlets, summaries and names are drawn from
`tests.bot.hostile_records.corpus`; what each builder makes is read with Discord's parsing rules
(`tests.bot.discord_markup`). The builder's own markup is allowed: a masked link to the stored
address, `**` around a feed's name, `<t:…>` timestamps and `<#…>` mentions of the feed's channel.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.feeds import FeedCard, FeedRecord, ImportResult
from bot.ui.embeds.feeds import (
    added_text,
    card_embed,
    choice_name,
    import_text,
    list_answer,
    more_line,
    paused_notice,
    removed_text,
    resumed_text,
    thread_name,
)
from bot.ui.escape import safe_url
from bot.ui.links import web_address
from tests.bot import hostile_records as hostile
from tests.bot.discord_markup import Sent, answer_markup, leaks, over_limits, texts

EXAMPLES = settings(max_examples=60, deadline=None)
CHANNEL = 1578713518725660675
_OWN_CHANNEL = re.compile(rf"<#{CHANNEL}>")
moments = st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))
addresses = hostile.url | hostile.corpus
# A card's date is a Discord timestamp; the markup reader knows those from 1970 on (Discord also
# shows earlier ones, as negative numbers, but no feed brings an article from before 1970).
days = st.dates(date(1970, 1, 2), date(2999, 12, 31))

card = st.builds(
    FeedCard,
    article_id=st.integers(1, 10**9),
    title=hostile.optional(hostile.corpus),
    url=hostile.optional(addresses),
    outlet=hostile.optional(hostile.corpus),
    published=hostile.optional(days),
    date_precision=hostile.precision,
    summary=hostile.few(hostile.corpus, 0, 3),
    people=hostile.few(hostile.name, 0, 12),
)
feed = st.builds(
    FeedRecord,
    id=st.integers(1, 10**6),
    guild_id=st.just(1),
    channel_id=st.just(CHANNEL) | st.none(),
    url=addresses,
    host=hostile.corpus,
    title=hostile.optional(hostile.corpus),
    mode=st.sampled_from(["cards", "digest"]),
    as_threads=st.booleans(),
    status=st.sampled_from(["active", "paused"]),
    pause_reason=hostile.optional(hostile.corpus),
    etag=st.none(),
    last_modified=st.none(),
    validators_at=st.none(),
    next_poll_at=moments,
    last_polled_at=hostile.optional(moments),
    last_success_at=hostile.optional(moments),
    last_error=hostile.optional(hostile.corpus),
    failures=st.integers(0, 50),
    last_new_items=hostile.count,
    total_items=hostile.count,
    created_by=st.none(),
    created_at=moments,
)


def own_links(*urls: str | None) -> list[str]:
    """The addresses a builder may link to: the stored ones, made safe."""
    return [safe_url(link) for url in urls if (link := web_address(url)) is not None]


def markup_leaks(message: Sent, urls: list[str]) -> list[str]:
    """Live markup beyond the builder's own, and broken limits, in one message."""
    found = over_limits(message)
    for text in texts(message):
        found += answer_markup(_OWN_CHANNEL.sub("C", text), urls)
    return found


@EXAMPLES
@given(card, hostile.optional(hostile.corpus))
def test_a_card_shows_nothing_live_from_the_article_or_the_feed(
    item: FeedCard, feed_title: str | None
) -> None:
    embed = card_embed(item, feed_title)
    assert markup_leaks(Sent(embeds=[embed]), own_links(item.url)) == []
    links = own_links(item.url)
    assert embed.url == (links[0] if links else None)
    names = [f.name for f in embed.fields]
    assert "Published" in names and "Feed" in names


@EXAMPLES
@given(st.lists(feed, max_size=40))
def test_the_feed_list_shows_nothing_live_and_pages_within_the_limits(
    feeds: list[FeedRecord],
) -> None:
    answer = list_answer(feeds, forums={CHANNEL})
    urls = own_links(*(f.url for f in feeds))
    for page in answer.pages:
        assert markup_leaks(Sent(embeds=list(page.embeds)), urls) == []
    shown = "".join(f.name or "" for p in answer.pages for e in p.embeds for f in e.fields)
    assert all(f"#{f.id} " in shown for f in feeds)


@EXAMPLES
@given(feed, hostile.corpus, st.integers(1, 10**4), hostile.corpus)
def test_notices_and_answers_ping_no_one_and_fit_one_message(
    record: FeedRecord, title: str, count: int, reason: str
) -> None:
    messages = [
        more_line(title, count),
        paused_notice(title, record.url, reason, count),
        added_text(record),
        added_text(record, forum=True),
        removed_text(record),
        resumed_text(record),
    ]
    for text in messages:
        assert markup_leaks(Sent(content=text), []) == []
    assert leaks([Sent(content=more_line(title, count))], bold=True) == []


@EXAMPLES
@given(hostile.few(feed, 0, 3), hostile.few(addresses, 0, 3), hostile.few(hostile.corpus, 0, 14))
def test_an_import_answer_shows_problems_escaped_and_without_passwords(
    added: tuple[FeedRecord, ...], skipped: tuple[str, ...], problems: tuple[str, ...]
) -> None:
    text = import_text(ImportResult(added, skipped, problems))
    assert markup_leaks(Sent(content=text), []) == []
    leaked = import_text(ImportResult((), (), ("https://ann:hunter2@x.example/f: refused",)))
    assert "hunter2" not in leaked and leaked.endswith("https://x.example/f: refused")


@EXAMPLES
@given(feed, hostile.optional(hostile.corpus))
def test_choices_and_thread_names_are_one_line_within_discords_limits(
    record: FeedRecord, title: str | None
) -> None:
    name = choice_name(record)
    assert 1 <= len(name) <= 100 and "\n" not in name
    assert name.startswith(f"#{record.id} ")
    thread = thread_name(title)
    assert 1 <= len(thread) <= 100 and thread == " ".join(thread.split())


def test_a_card_links_only_to_a_stored_web_address() -> None:
    title, url = "[x](https://evil.example) @everyone", "javascript:alert(1)"
    hostile_card = FeedCard(1, title, url, "<@&5>", None, "day", (), ())
    embed = card_embed(hostile_card, "||spoiler||")
    assert embed.url is None
    assert embed.title == "\\[x\\](https://evil.example) \\@everyone"
    assert isinstance(embed, discord.Embed)
