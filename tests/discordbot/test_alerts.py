"""/alert through the fake Discord: cards for new matching articles, once, pinging only the role.

The bot runs with the alerts cog on a copy of the ingested samples; the test ingests three new
articles (one naming and quoting Putin, one about sanctions, one about the weather) through the
bot's own IngestService, as the watched channel or a feed would, and reads what each channel got.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.client import AnalystBot
from bot.services.alerts import AlertCard, Passage, SpikeCard
from bot.ui.embeds.alerts import alert_embeds, role_ping, spike_embeds
from bot.ui.escape import safe_url
from bot.ui.links import web_url
from storage.alert_fires import fire_alerts
from storage.models import Article, OutboxMessage
from storage.outbox import OutboxRepository
from tests.bot import hostile_records as hostile
from tests.bot.discord_markup import Sent, answer_markup, over_limits, texts
from tests.discordbot.conftest import StartBot
from tests.fake_discord import FakeDiscord

Json = dict[str, Any]
COGS = ("cogs.alerts",)
POST_MESSAGES = "POST /channels/*/messages"
OWN_TIMESTAMP = re.compile(r"<t:-?\d+:[tTdDfFR]>")
NO_PINGS = {"parse": []}
ARTICLES = {
    "putin-pipeline.txt": """Putin Visits Tehran for Gas Pipeline Talks

Russian President Vladimir Putin arrived in Tehran on Monday for talks on a new gas pipeline with \
Iranian officials.

“Our countries will build this pipeline together, whatever others may think,” Putin told \
reporters at the airport.

The Kremlin said the visit would last two days. Officials from both countries met late into the \
evening to discuss the route of the pipeline and how it would be paid for.

Energy analysts said the project could take a decade to complete, and that its cost was still \
unclear.
""",
    "shipping-sanctions.txt": """European Union Widens Sanctions on Shipping Firms

The European Union widened its sanctions on Thursday to cover a dozen shipping firms accused of \
carrying oil in breach of earlier measures.

Diplomats in Brussels said the new sanctions would take effect next month, after the member \
states sign the final text.

The shipping firms named in the decision denied any wrongdoing and said they would appeal in \
the courts.

Trade groups warned that the measures could raise freight costs for importers across the \
continent.
""",
    "autumn-weather.txt": """Autumn Storms Bring Heavy Rain to the Coast

Heavy rain fell along the coast on Wednesday as the first autumn storm of the season moved \
inland from the sea.

Forecasters said the storm would weaken by the weekend, but warned of flooding in low-lying \
towns near the rivers.

Schools in several districts closed early, and ferries between the islands were cancelled for \
the day.

Farmers said the rain came too late for this year's harvest but would help next spring.
""",
}
LATE_STORY = """Putin Meets Gas Company Chiefs in Moscow

President Vladimir Putin met the heads of the largest gas companies in Moscow on Friday to \
discuss exports to Asia.

The meeting lasted three hours, and no statement was issued afterwards.

Company officials said the talks covered prices, pipelines and new customers in the region.
"""


def said(result: object) -> str:
    """The text of an interaction's first answer."""
    return result.callback["data"]["content"]  # type: ignore[attr-defined]


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


async def ingest(bot: AnalystBot, folder: Path, files: dict[str, str]) -> list[int]:
    """Write the files and run them through the bot's own ingestion; the new article ids."""
    write(folder, files)
    queued = await bot.analyst.ingest.enqueue_paths([folder / name for name in files])
    outcomes = await bot.analyst.ingest.run(queued.job_ids)
    bot.outbox.notify()
    ids = [o.article_id for o in outcomes if o.article_id is not None]
    assert len(ids) == len(files), outcomes
    return ids


async def article_id(bot: AnalystBot, title_start: str) -> int:
    async with bot.analyst.sessions() as session:
        found = await session.scalar(
            select(Article.id).where(Article.title.startswith(title_start))
        )
        assert found is not None
        return found


async def alert_rows(bot: AnalystBot) -> list[OutboxMessage]:
    async with bot.analyst.sessions() as session:
        query = select(OutboxMessage).where(OutboxMessage.kind.in_(("alert", "spike_alert")))
        return list(await session.scalars(query.order_by(OutboxMessage.id)))


async def all_delivered(bot: AnalystBot, *, within: float = 20) -> list[OutboxMessage]:
    """Wait until every alert row is stamped (the fake cannot tell when a row was stamped)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        rows = await alert_rows(bot)
        if all(row.delivered_at is not None for row in rows):
            return rows
        assert loop.time() < deadline, "some alert rows were never delivered"
        await asyncio.sleep(0.05)


def cards(fake: FakeDiscord, channel: int) -> list[Json]:
    """The alert and spike cards the bot posted in a channel, oldest first."""
    return [
        m
        for m in fake.sent_messages(channel)
        if m.get("embeds")
        and m["embeds"][0].get("footer", {}).get("text", "").startswith("Alert #")
    ]


def sent_mentions(fake: FakeDiscord, message: Json) -> Json:
    return fake.raw_payloads(message["id"])[0]["allowed_mentions"]


async def test_each_matching_article_posts_one_card_pinging_only_the_alerts_role(
    fake: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    news, links = fake.channel_id("news"), fake.channel_id("links")
    analysts = fake.add_role("Analysts")
    erin = fake.user("erin")
    async with start_bot(cogs=COGS, run_worker=False) as bot:
        named = await fake.slash(
            "alert add", {"what": "putin", "channel": news, "role": analysts}, user=erin
        )
        quoted = await fake.slash(
            "alert add", {"what": "quotes:putin", "channel": links}, user=erin
        )
        searched = await fake.slash("alert add", {"what": "sanctions"}, channel_id=links, user=erin)
        again = await fake.slash(
            "alert add", {"what": "Vladimir Putin", "channel": news}, user=erin
        )
        listed = await fake.slash("alert list", user=fake.user("alice"))
        new = await ingest(bot, tmp_path / "in", ARTICLES)
        await fake.wait_for(lambda: len(cards(fake, news)) + len(cards(fake, links)) >= 3)
        rows = await all_delivered(bot)
        async with bot.analyst.sessions.begin() as session:  # the same articles end again
            assert [await fire_alerts(session, a) for a in new] == [0, 0, 0]
        putin = await article_id(bot, "Putin Visits")
        shipping = await article_id(bot, "European Union")

    assert said(named) == (
        f"Alert #1: Vladimir Putin (person) in <#{news}>, pinging <@&{analysts}>; it posts a "
        "card for each new article naming Vladimir Putin."
    )
    assert named.payloads[0]["allowed_mentions"] == {"parse": []}  # the confirmation pings nobody
    assert said(quoted).startswith(f"Alert #2: quotes by Vladimir Putin in <#{links}>;")
    assert said(searched).startswith(f"Alert #3: search “sanctions” in <#{links}>;")
    assert again.ephemeral
    assert said(again) == (
        "already watching Vladimir Putin in that channel (alert #1); to change it, remove it "
        "with /alert remove first"
    )
    lines = listed.embeds[0]["description"].split("\n\n")[1].splitlines()
    assert lines == [
        f"**#1** Vladimir Putin (person) → <#{news}> · pings <@&{analysts}>",
        f"**#2** quotes by Vladimir Putin → <#{links}>",
        f"**#3** search “sanctions” → <#{links}>",
    ]

    assert [(r.channel_id, r.body["article_id"], r.body["alert_id"]) for r in rows] == [
        (news, putin, 1), (links, putin, 2), (links, shipping, 3),
    ]  # fmt: skip  # the weather fired nothing
    [entity_card] = cards(fake, news)
    assert entity_card["content"] == f"<@&{analysts}>"
    assert sent_mentions(fake, entity_card) == {"parse": [], "roles": [analysts]}
    embed = entity_card["embeds"][0]
    assert embed["title"] == "Putin Visits Tehran for Gas Pipeline Talks"
    assert "url" not in embed  # read from a file: no web address to link
    assert embed["footer"]["text"] == "Alert #1 · /alert remove stops it"
    paragraphs = embed["description"].split("\n\n")
    assert paragraphs[0] == "🔔 **Vladimir Putin** is named"
    assert paragraphs[1].startswith("putin-pipeline.txt")
    assert paragraphs[1].endswith(f" · #{putin}")
    assert paragraphs[2] == (
        "Russian President **Vladimir Putin** arrived in Tehran on Monday for talks on a new "
        "gas pipeline with Iranian officials."
    )
    # the two cards of the links channel are delivered side by side: told apart by what they say
    linked = cards(fake, links)
    [search_card] = [c for c in linked if c["embeds"][0]["description"].startswith("🔔 Search")]
    [quote_card] = [c for c in linked if c != search_card]
    for card in (quote_card, search_card):
        assert not card["content"]
        assert sent_mentions(fake, card) == NO_PINGS
    assert quote_card["embeds"][0]["description"].endswith(
        "> “Our countries will build this pipeline together, whatever others may think”\n"
        "— **Vladimir Putin**"
    )
    search_embed = search_card["embeds"][0]
    assert search_embed["title"] == "European Union Widens Sanctions on Shipping Firms"
    assert search_embed["description"].startswith("🔔 Search **sanctions**")
    assert "**sanctions**" in search_embed["description"].split("\n\n")[2]

    async with start_bot(cogs=COGS, run_worker=False) as restarted:  # nothing again after this
        await fake.wait_ready(2)
        [late] = await ingest(restarted, tmp_path / "late", {"late.txt": LATE_STORY})
        await fake.wait_for(lambda: len(cards(fake, news)) == 2, what="the late story's card")
        await all_delivered(restarted)
    assert len(cards(fake, links)) == 2
    assert f" · #{late}" in cards(fake, news)[1]["embeds"][0]["description"]


async def test_only_admins_add_or_remove_alerts(fake: FakeDiscord, start_bot: StartBot) -> None:
    alice, erin = fake.user("alice"), fake.user("erin")
    async with start_bot(cogs=COGS, run_worker=False):
        refused = await fake.slash("alert add", {"what": "putin"}, user=alice)
        added = await fake.slash("alert add", {"what": "spikes"}, user=erin)
        not_removed = await fake.slash("alert remove", {"alert": "1"}, user=alice)
        listed = await fake.slash("alert list", user=alice)
        bad = await fake.slash("alert remove", {"alert": "one"}, user=erin)
        removed = await fake.slash("alert remove", {"alert": "#1"}, user=erin)
        gone = await fake.slash("alert remove", {"alert": "1"}, user=erin)
    for answer in (refused, not_removed):
        assert answer.ephemeral
        assert said(answer).startswith("You need the Manage Server permission")
    assert said(added).startswith("Alert #1: rising names (spikes) in <#")
    assert "1 alert in this server." in listed.embeds[0]["description"]
    assert said(bad) == "Pick an alert from the list, or give its number (e.g. 3)."
    assert said(removed).startswith("Removed alert #1: rising names (spikes)")
    assert said(gone) == "there is no alert #1 in this server"


async def test_autocomplete_offers_names_quotes_spikes_and_this_servers_alerts(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    erin = fake.user("erin")
    async with start_bot(cogs=COGS, run_worker=False) as bot:
        empty = await fake.autocomplete("alert add", {"what": ""}, "what", user=erin)
        names = await fake.autocomplete("alert add", {"what": "pu"}, "what", user=erin)
        quotes = await fake.autocomplete("alert add", {"what": "quotes:ro"}, "what", user=erin)
        many = await fake.autocomplete("alert add", {"what": "s"}, "what", user=erin)
        await bot.analyst.alerts.add(fake.guild_id, fake.channel_id("news"), "putin")
        await bot.analyst.alerts.add(fake.guild_id, fake.channel_id("news"), "quotes:putin")
        await bot.analyst.alerts.add(fake.guild_id + 1, fake.channel_id("news"), "spikes")
        mine = await fake.autocomplete("alert remove", {"alert": ""}, "alert", user=erin)
        picked = await fake.autocomplete("alert remove", {"alert": "quot"}, "alert", user=erin)
    assert [c["value"] for c in empty] == ["spikes"]
    assert [c["value"] for c in names] == ["Vladimir Putin", "quotes:Vladimir Putin", "search:pu"]
    assert names[0]["name"] == "Vladimir Putin (person, 18 mentions)"
    assert [c["value"] for c in quotes] == ["quotes:Hassan Rouhani"]
    assert 2 < len(many) <= 25
    assert many[0]["value"] == "spikes" and many[-1]["value"] == "search:s"
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in many)
    assert [c["name"] for c in mine] == [
        "#1 Vladimir Putin (person) → #news", "#2 quotes by Vladimir Putin → #news",
    ]  # fmt: skip  # not the other server's
    assert [c["value"] for c in picked] == ["2"]


SPIKE = {
    "subject": "entity:20", "name": "Vladimir Putin", "kind": "person", "day": "2026-12-05",
    "today": 9, "baseline": 0.5,
}  # fmt: skip


async def test_spike_cards_and_channels_that_refuse_them(
    fake: FakeDiscord, start_bot: StartBot
) -> None:
    news, links = fake.channel_id("news"), fake.channel_id("links")
    analysts = fake.add_role("Analysts")
    fake.expect_refusal(POST_MESSAGES, 404)
    fake.expect_refusal(POST_MESSAGES, 403)
    async with start_bot(cogs=COGS, run_worker=False) as bot:
        alerts, outbox = bot.analyst.alerts, OutboxRepository(bot.analyst.sessions)
        pinging = await alerts.add(fake.guild_id, news, "spikes", role_id=analysts)
        quiet = await alerts.add(fake.guild_id, links, "spikes")
        deleted = await alerts.add(fake.guild_id, 4_000_000, "spikes")  # no such channel
        await fake.deny(links, "send_messages")
        for alert in (pinging, deleted, quiet):
            body = {**SPIKE, "alert_id": alert.id, "role_id": alert.role_id}
            await outbox.add("spike_alert", fake.guild_id, alert.channel_id, body)
        bot.outbox.notify()
        [card] = await fake.wait_for(lambda: cards(fake, news), what="the spike card")
        rows = await all_delivered(bot)
        refused = bot.access.problem(fake.guild_id, links, "post")
    embed = card["embeds"][0]
    assert card["content"] == f"<@&{analysts}>"
    assert sent_mentions(fake, card) == {"parse": [], "roles": [analysts]}
    assert embed["title"] == "Rising: Vladimir Putin"
    assert embed["description"] == (
        "📈 **Vladimir Putin** (person): 9 mentions on <t:1796472000:D>, against 0.5 a day in the "
        "14 days before."
    )
    assert cards(fake, links) == []
    by_channel = {row.channel_id: row for row in rows}
    assert "Unknown Channel" in (by_channel[4_000_000].last_error or "")
    assert refused is not None and "Send Messages" in (by_channel[links].last_error or "")


@pytest.mark.parametrize("kind", ["alert", "spike_alert"])
async def test_a_card_for_an_alert_removed_meanwhile_is_not_posted(
    fake: FakeDiscord, start_bot: StartBot, kind: str
) -> None:
    news = fake.channel_id("news")
    async with start_bot(cogs=COGS, run_worker=False) as bot:
        alert = await bot.analyst.alerts.add(fake.guild_id, news, "putin")
        await bot.analyst.alerts.remove(fake.guild_id, alert.id)
        body = {**SPIKE, "alert_id": alert.id, "article_id": 1, "kind": "entity", "role_id": None}
        await OutboxRepository(bot.analyst.sessions).add(kind, fake.guild_id, news, body)
        bot.outbox.notify()
        await all_delivered(bot)
    assert cards(fake, news) == []


def leaks(embeds: list[discord.Embed], urls: list[str]) -> list[str]:
    """Live markup beyond the builder's own (its timestamps, before 1970 too, are its own)."""
    shown = [OWN_TIMESTAMP.sub("T", text) for text in texts(Sent(None, embeds))]
    return [f"{m} in {text!r}" for text in shown for m in answer_markup(text, urls)]


passage = st.builds(
    Passage,
    text=hostile.corpus,
    highlights=hostile.few(st.tuples(st.integers(-5, 80), st.integers(-5, 80))),
    speaker=hostile.optional(hostile.corpus),
    quote_kind=hostile.optional(st.sampled_from(["direct", "partial"])),
)
alert_card = st.builds(
    AlertCard,
    alert_id=st.integers(1, 10**9),
    kind=st.sampled_from(["entity", "quotes", "search", "spikes"]),
    label=hostile.name,
    name=hostile.optional(hostile.name),
    article=hostile.ref,
    passages=hostile.few(passage, 0, 3),
    role_id=hostile.optional(st.integers(1, 2**63 - 1)),
)
spike_card = st.builds(
    SpikeCard,
    alert_id=st.integers(1, 10**9),
    name=hostile.name,
    kind=st.sampled_from(["person", "organisation", "term"]),
    day=hostile.days,
    today=hostile.count,
    baseline=st.floats(0, 10**6),
    role_id=hostile.optional(st.integers(1, 2**63 - 1)),
)


@settings(max_examples=150, deadline=None)
@given(alert_card)
def test_an_alert_card_shows_article_text_as_text_within_discords_limits(card: AlertCard) -> None:
    content, mentions = role_ping(card.role_id)
    sent = Sent(content, alert_embeds(card), allowed_mentions=mentions)
    urls = [safe_url(u) for u in [web_url(card.article)] if u]
    assert [e.url for e in sent.embeds] == [urls[0] if urls else None] * len(sent.embeds)
    assert leaks(sent.embeds, urls) == []
    assert over_limits(sent) == []
    if card.role_id is None:
        assert content is None and mentions.to_dict() == {"parse": []}
    else:
        assert content == f"<@&{card.role_id}>"
        assert mentions.to_dict() == {"parse": [], "roles": [card.role_id]}


@settings(max_examples=100, deadline=None)
@given(spike_card)
def test_a_spike_card_shows_the_name_as_text(card: SpikeCard) -> None:
    embeds = spike_embeds(card)
    assert leaks(embeds, []) == []
    assert over_limits(Sent(None, embeds)) == []
