"""Alert cards, spike cards and the alert list as Discord reads them.

An alert card is one embed: the article's title linking to its stored address (never to
anything in its text), a line saying which alert fired, the outlet, the date as `<t:…:D>` and
the article's number, then why it matched: the sentence naming the person with the name in
bold, the quotes as block quotes, or the /search snippet with its hits in bold. A spike card
names what is rising and by how much. All corpus text is escaped. These are the only messages
the bot may ping with: the alert's role alone (`role_ping`), and nobody when it has no role.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.render.alerts import alerts_json, watched, what_it_does
from bot.render.opening import plural
from bot.services.alerts import (
    ENTITY,
    QUOTES,
    SEARCH,
    AlertCard,
    AlertRecord,
    Passage,
    SpikeCard,
)
from bot.ui.cards import card_date, day_timestamp
from bot.ui.escape import escape_corpus, safe_url
from bot.ui.highlight import discord_snippet
from bot.ui.links import file_name, web_url
from bot.ui.page import NO_MENTIONS, Answer, EmbedBook, Export, answer, fit

ALERT_COLOUR = discord.Colour.from_rgb(214, 126, 36)  # apart from answers: a card came by itself
OUTLET_LIMIT = 120
QUOTE_LIMIT = 400  # escaped characters of one quote on a card
KIND_WORDS = {"person": "person", "organisation": "organisation", "org": "organisation"}


def role_ping(role_id: int | None) -> tuple[str | None, discord.AllowedMentions]:
    """The message content and allowed mentions of a card: `<@&ROLE>` allowed to ping that role
    only (never @everyone, users or other roles); no content and no pings without a role."""
    if role_id is None:
        return None, NO_MENTIONS
    allowed = discord.AllowedMentions(
        everyone=False, users=False, roles=[discord.Object(role_id)], replied_user=False
    )
    return f"<@&{role_id}>", allowed


def _fired(card: AlertCard) -> str:
    """`🔔 **Vladimir Putin** is named`: which alert fired, escaped."""
    name = escape_corpus(" ".join((card.name or card.label).split()))
    if card.kind == ENTITY:
        return f"🔔 **{name}** is named"
    if card.kind == QUOTES:
        return f"🔔 **{name}** is quoted"
    if card.kind == SEARCH:
        return f"🔔 Search **{fit(card.label, 300)}**"
    return f"🔔 {fit(card.label, 300)}"


def _source(card: AlertCard) -> str:
    """`The Week · <t:…:D> · #12` (the file's name when the article has no outlet or address)."""
    ref = card.article
    parts = []
    if ref.outlet:
        parts.append(fit(ref.outlet, OUTLET_LIMIT))
    elif web_url(ref) is None:
        parts.append(escape_corpus(file_name(ref)))
    parts += [card_date(ref.published, ref.date_precision), f"#{ref.id}"]
    return " · ".join(parts)


def _passage(kind: str, passage: Passage) -> str:
    """One reason the article matched: a quote as a block quote, else the sentence or snippet
    with the matched words in bold."""
    if kind == QUOTES:
        speaker = escape_corpus(" ".join((passage.speaker or "").split()))
        partial = " · partial" if passage.quote_kind not in (None, "direct") else ""
        return f"> “{fit(passage.text, QUOTE_LIMIT)}”\n— **{speaker}**{partial}"
    return discord_snippet(passage.text, passage.highlights)


def alert_embeds(card: AlertCard) -> list[discord.Embed]:
    """The card one fired alert posts: the article and why it matched."""
    url = web_url(card.article)
    book = EmbedBook(
        card.article.title or "(untitled)",
        url=safe_url(url) if url else None,
        colour=ALERT_COLOUR,
        footer=f"Alert #{card.alert_id} · /alert remove stops it",
    )
    book.paragraph(_fired(card))
    book.paragraph(_source(card))
    for passage in card.passages:
        book.paragraph(_passage(card.kind, passage))
    return book.embeds()


def spike_embeds(card: SpikeCard) -> list[discord.Embed]:
    """`Rising: Vladimir Putin` — today's count against the daily baseline before it."""
    name = escape_corpus(" ".join(card.name.split()))
    shown = f"**{name}**" if card.kind in KIND_WORDS else f"**“{name}”**"
    kind = KIND_WORDS.get(card.kind, "term")
    uses = "mention" if card.kind in KIND_WORDS else "use"
    book = EmbedBook(
        f"Rising: {card.name}", colour=ALERT_COLOUR, footer=f"Alert #{card.alert_id} (spikes)"
    )
    book.paragraph(
        f"📈 {shown} ({kind}): {plural(card.today, uses)} on {day_timestamp(card.day)}, "
        f"against {card.baseline:.1f} a day in the 14 days before."
    )
    return book.embeds()


def alert_line(alert: AlertRecord) -> str:
    """`**#3** Vladimir Putin (person) → <#…> · pings <@&…>` (inside an embed: no ping)."""
    ping = f" · pings <@&{alert.role_id}>" if alert.role_id else ""
    return f"**#{alert.id}** {escape_corpus(watched(alert))} → <#{alert.channel_id}>{ping}"


def added_line(alert: AlertRecord) -> str:
    """The confirmation of /alert add (sent with no pings)."""
    ping = f", pinging <@&{alert.role_id}>" if alert.role_id else ""
    return (
        f"Alert #{alert.id}: {escape_corpus(watched(alert))} in <#{alert.channel_id}>{ping}; "
        f"it posts {escape_corpus(what_it_does(alert))}."
    )


def removed_line(alert: AlertRecord) -> str:
    """The confirmation of /alert remove."""
    return f"Removed alert #{alert.id}: {escape_corpus(watched(alert))} in <#{alert.channel_id}>."


def alerts_answer(alerts: Sequence[AlertRecord]) -> Answer:
    """/alert list: one line per alert, oldest first; none says how to start one."""
    book = EmbedBook("Alerts")
    if not alerts:
        book.paragraph("No alerts are set in this server; /alert add starts one.")
    else:
        book.paragraph(f"{plural(len(alerts), 'alert')} in this server.")
        book.lines(map(alert_line, alerts))
    return answer(book, Export(alerts_json(alerts), "alerts"))
