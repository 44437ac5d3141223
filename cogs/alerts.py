"""/alert: watchlist alerts, and the cards their fires post in each alert's channel.

`/alert add` and `/alert remove` are for admins (as /settings changes are); `/alert list` is for
anyone. Fires are outbox rows (`alert` from ingestion, `spike_alert` from the spike watch),
delivered here by whichever bot process owns the guild: one card per row, pinging the alert's
role and nobody else, or nobody. A deleted channel (404) gives the row up; a channel closed to
the bot (403) is noted once, as the watched channel's replies are; a 5xx is tried again later.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.errors import UserFacingError
from bot.permissions import admin_only
from bot.render.alerts import watched
from bot.services.alerts import ALERT, SPIKE_ALERT, SPIKES
from bot.services.channel_access import POST
from bot.services.outbox import OutboxItem
from bot.services.user_input import clean_query
from bot.ui.autocomplete import CHOICE_NAME_LIMIT, KINDS, MAX_CHOICES
from bot.ui.embeds.alerts import (
    added_line,
    alert_embeds,
    alerts_answer,
    removed_line,
    role_ping,
    spike_embeds,
)
from bot.ui.respond import send_answer, send_short

log = logging.getLogger(__name__)

Choices = list[app_commands.Choice[str]]
SPEAKING = ("person", "org")
QUOTES_PREFIX, SEARCH_PREFIX = "quotes:", "search:"
QUOTE_CHOICES = 3  # `quotes:NAME` forms offered beside the names themselves


def _choice(name: str, value: str) -> app_commands.Choice[str]:
    name = " ".join(name.split())
    if len(name) > CHOICE_NAME_LIMIT:
        name = name[: CHOICE_NAME_LIMIT - 1] + "…"
    return app_commands.Choice(name=name, value=value[:100])


async def watch_choices(interaction: discord.Interaction, current: str) -> Choices:
    """People and organisations by any alias, their `quotes:` forms, `spikes`, and the typed
    words as a search; at most 25."""
    people = interaction.client.analyst.people  # type: ignore[attr-defined]
    try:
        typed = " ".join(clean_query(current, "alert").split())
    except UserFacingError:
        return []
    lowered = typed.casefold()
    choices: Choices = []
    if SPIKES.startswith(lowered):
        choices.append(_choice("spikes: names rising above their baseline", SPIKES))
    if lowered.startswith(QUOTES_PREFIX):
        name = typed[len(QUOTES_PREFIX) :].strip()
        found = await people.suggest(name, limit=MAX_CHOICES) if name else ()
        for m in [m for m in found if m.kind in SPEAKING][:MAX_CHOICES]:
            label = f"quotes:{m.name} (new quotes by this {KINDS[m.kind]})"
            choices.append(_choice(label, f"{QUOTES_PREFIX}{m.name}"))
        return choices[:MAX_CHOICES]
    if not typed:
        return choices
    found = [m for m in await people.suggest(typed, limit=MAX_CHOICES) if m.kind in SPEAKING]
    quoted = [
        _choice(f"quotes:{m.name} (new quotes by this {KINDS[m.kind]})", f"quotes:{m.name}")
        for m in found[:QUOTE_CHOICES]
    ]
    search = [_choice(f"search: {typed}", f"{SEARCH_PREFIX}{typed}")]
    room = MAX_CHOICES - len(choices) - len(quoted) - len(search)
    for m in found[:room]:
        label = f"{m.name} ({KINDS[m.kind]}, {m.mentions} mentions)"
        choices.append(_choice(label, m.name))
    choices += quoted
    if len(SEARCH_PREFIX + typed) <= 100:
        choices += search
    return choices[:MAX_CHOICES]


class Alerts(commands.Cog):
    """Watchlist alerts: a card in a channel for each new article that matches."""

    alert = app_commands.Group(
        name="alert",
        description="Watchlist alerts: a card for each new article that matches.",
        guild_only=True,
    )

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Start delivering alert and spike cards from the outbox."""
        self.bot.outbox.handle(ALERT, self._deliver_alert)
        self.bot.outbox.handle(SPIKE_ALERT, self._deliver_spike)

    async def cog_unload(self) -> None:
        """Stop delivering them (rows in flight are handed back for the next start)."""
        await self.bot.outbox.forget(ALERT)
        await self.bot.outbox.forget(SPIKE_ALERT)

    @alert.command(name="add")
    @admin_only()
    @app_commands.describe(
        what="A person or organisation, quotes:NAME, spikes, or words as in /search",
        channel="Where the cards go (default: this channel)",
        role="A role each card pings (default: nobody)",
    )
    @app_commands.autocomplete(what=watch_choices)
    async def add(
        self,
        interaction: discord.Interaction,
        what: str,
        channel: discord.TextChannel | None = None,
        role: discord.Role | None = None,
    ) -> None:
        """Post a card for each new article naming, quoting or matching something (admins)."""
        assert interaction.guild_id is not None
        where = channel.id if channel is not None else interaction.channel_id
        if where is None:
            raise UserFacingError("say which channel the cards go to")
        alert = await self.bot.analyst.alerts.add(
            interaction.guild_id,
            where,
            clean_query(what, "alert"),
            role_id=role.id if role is not None else None,
            created_by=interaction.user.id,
        )
        await send_short(interaction, added_line(alert), ephemeral=False)

    @alert.command(name="list")
    async def list_(self, interaction: discord.Interaction) -> None:
        """This server's alerts: what each watches, where its cards go, whom they ping."""
        assert interaction.guild_id is not None
        alerts = await self.bot.analyst.alerts.list(interaction.guild_id)
        await send_answer(interaction, alerts_answer(alerts))

    @alert.command(name="remove")
    @admin_only()
    @app_commands.describe(alert="The alert to stop: pick it, or give its number")
    async def remove(self, interaction: discord.Interaction, alert: str) -> None:
        """Stop an alert: no more cards from it (admins)."""
        assert interaction.guild_id is not None
        number = clean_query(alert, "alert").lstrip("#").strip()
        if not (number.isascii() and number.isdigit() and len(number) <= 18):
            raise UserFacingError("Pick an alert from the list, or give its number (e.g. 3).")
        removed = await self.bot.analyst.alerts.remove(interaction.guild_id, int(number))
        await send_short(interaction, removed_line(removed), ephemeral=False)

    @remove.autocomplete("alert")
    async def _alerts_here(self, interaction: discord.Interaction, current: str) -> Choices:
        """This server's alerts whose number or label holds what was typed."""
        if interaction.guild_id is None:
            return []
        found = await self.bot.analyst.alerts.choices(interaction.guild_id, current)
        choices = []
        for a in found:
            channel = self.bot.get_channel(a.channel_id)
            where = f" → #{channel.name}" if isinstance(channel, discord.TextChannel) else ""
            choices.append(_choice(f"#{a.id} {watched(a)}{where}", str(a.id)))
        return choices

    # -- delivering fires ----------------------------------------------------------------------
    async def _deliver_alert(self, item: OutboxItem) -> None:
        """One alert card for an `alert` row; nothing when the alert or article is gone."""
        card = await self.bot.analyst.alerts.card(item.body)
        if card is not None:
            await self._post(item, alert_embeds(card), card.role_id)

    async def _deliver_spike(self, item: OutboxItem) -> None:
        """One spike card for a `spike_alert` row; nothing when the alert is gone."""
        card = await self.bot.analyst.alerts.spike_card(item.body)
        if card is not None:
            await self._post(item, spike_embeds(card), card.role_id)

    async def _post(
        self, item: OutboxItem, embeds: Sequence[discord.Embed], role_id: int | None
    ) -> None:
        """Send a card in the row's channel, pinging the role only; the row's nonce lets
        Discord drop a resend after a crash."""
        channel = self.bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)
        content, mentions = role_ping(role_id)
        send = lambda: channel.send(  # noqa: E731
            content, embeds=list(embeds), allowed_mentions=mentions, nonce=f"outbox-{item.id}"
        )
        await self.bot.deliver_row(
            item, lambda: self.bot.guarded(item.guild_id, item.channel_id, POST, send)
        )


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Alerts(bot))
