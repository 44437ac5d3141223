"""Ingest cards (issue 13): the title links to the stored address, a day-precise date is a Discord
timestamp (`<t:…:D>`) that shows the same day in every time zone, a month or year stays plain;
still one short message that pings no one and unfurls nothing."""

# ruff: noqa: F811  # start_watching is test_watch's fixture, imported to be used here

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from bot.services.link_cards import ArticleCard, DuplicateCard, Reason
from bot.ui.cards import card_markup
from storage.records import ArticleSummary
from tests.discordbot.test_watch import (
    ArticleSite,
    StartWatching,
    finished,
    read_card,
    replies_to,
    start_watching,  # noqa: F401  # a fixture
    story,
)
from tests.fake_discord import FakeDiscord

STORED = "https://www.globaldesk.example/world/russia-iran-treaty-2025"  # ARTICLE_HTML's canonical
TREATY = "Russia and Iran sign 20-year partnership treaty"


@pytest.fixture(scope="module")
def site() -> Iterator[ArticleSite]:
    """The article server for this module."""
    server = ArticleSite().start()
    yield server
    server.close()


async def test_a_card_links_its_title_and_dates_it_with_a_timestamp(
    fake: FakeDiscord, start_watching: StartWatching, site: ArticleSite
) -> None:
    links = fake.channel_id("links")
    async with start_watching():
        posted = await fake.post_message(links, f"Big news: {site.url('/article')}.")
        assert await finished(fake, posted) == ["✅"]
        again = await fake.post_message(links, site.url("/article?utm_source=chat"))
        assert await finished(fake, again) == ["❌"]
        title, _page = story(8)
        other = await fake.post_message(links, site.url("/story/8"))
        assert await finished(fake, other) == ["✅"]
    [card] = replies_to(fake, posted)
    noon = int(datetime(2025, 1, 17, 12, tzinfo=UTC).timestamp())
    assert card["content"].startswith(f"✅ #6 [{TREATY}]({STORED}) · Global Desk · <t:{noon}:D> · ")
    assert len(card["content"]) <= 2000
    [body] = fake.raw_payloads(card["id"])
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert body["flags"] & 4  # SUPPRESS_EMBEDS: the linked title unfurls no preview
    [refusal] = replies_to(fake, again)
    assert refusal["content"] == f"❌ already have it: #6 [{TREATY}]({STORED})"
    [card] = replies_to(fake, other)
    url = site.url("/story/8")  # no canonical link: the address it was fetched from
    assert card["content"].startswith(f"✅ #7 [{title}]({url}) · Steppe Wire · <t:")
    assert read_card(card["content"]).startswith(f"✅ #7 {title} · Steppe Wire · 2024-03-21 · ")
    assert read_card(card["content"]) != card["content"]


def summary(precision: str, published: date | None, source: str) -> ArticleSummary:
    return ArticleSummary(
        id=4,
        title="Talks [in](http://evil.example) Baku",
        outlet="Wire @everyone",
        author=None,
        published=published,
        date_precision=precision,
        source=source,
        word_count=10,
        ingested_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_a_month_or_year_stays_plain_and_a_file_is_not_linked() -> None:
    month = ArticleCard(summary("month", date(2024, 3, 1), "/srv/in/a.txt"), None, "Said so.")
    year = ArticleCard(summary("year", date(2024, 1, 1), "/srv/in/a.txt"), None, None)
    undated = ArticleCard(summary("unknown", None, "/srv/in/a.txt"), None, None)
    title = "Talks \\[in\\](http://evil.example) Baku"
    assert card_markup(month) == f"#4 {title} · Wire \\@everyone · Mar 2024 · Said so."
    assert card_markup(year).endswith(" · 2024")
    assert card_markup(undated).endswith(" · undated")
    assert "/srv/" not in card_markup(month)


def test_a_linked_title_never_links_elsewhere() -> None:
    url = "https://a.example/x"
    card = ArticleCard(summary("day", date(2024, 3, 5), url), url, None)
    label = "Talks \\[in\\](http: //evil.example) Baku"  # no address inside the label
    assert card_markup(card).startswith(f"#4 [{label}](https://a.example/x) · ")
    assert card_markup(card, short=True) == f"#4 [{label}](https://a.example/x)"
    gone = DuplicateCard(3, None, None)
    assert card_markup(gone) == "already have it: #3"
    assert card_markup(Reason("not [an](http://x.y) article")) == "not \\[an\\](http://x.y) article"
