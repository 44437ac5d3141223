"""Posting what feeds bring: a card per article, the "N more" line, and the one pause notice.

Each is an outbox row (`feed_article`, `feed_more`, `feed_paused`) delivered by the bot process
that owns the guild, whichever process polled the feed or stored the article. A text channel
gets a message (sent with the row's nonce, so Discord drops a resend after a crash), and, for a
feed set to post threads, a thread started from the card; a forum channel gets a forum post per
story (a thread and its first message). Nothing pings: `allowed_mentions` is none everywhere and
any link in text is kept from unfurling. A channel gone (404) gives the row up; a channel closed
to the bot (403) is noted once, as the watched channel's refusals are, and the row given up; a
5xx is retried by the outbox; discord.py waits out 429s by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

import discord

from bot.services.channel_access import POST, AccessProblem
from bot.services.outbox import OutboxItem, Undeliverable
from bot.ui.embeds.feeds import card_embed, more_line, paused_notice, thread_name
from bot.ui.page import NO_MENTIONS

if TYPE_CHECKING:
    from bot.client import AnalystBot, retry_on_5xx

log = logging.getLogger(__name__)

THREAD_EXISTS = 160004  # Discord: "A thread has already been created for this message"
START_THREADS = "start threads"  # the action a refusal names ("cannot start threads in #x")
CLOCK_SKEW = timedelta(minutes=1)  # between the host that wrote a row and Discord's clock
Postable = discord.TextChannel | discord.ForumChannel | discord.Thread | discord.VoiceChannel


class FeedDelivery:
    """The outbox handlers of the three feed kinds, for one bot."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot

    async def article(self, item: OutboxItem) -> None:
        """`feed_article`: one card for one stored article, as the feed's channel takes it."""
        summary = item.body.get("item_summary")
        card = await self.bot.analyst.feeds.article_card(
            int(str(item.body["article_id"])), summary if isinstance(summary, str) else None
        )
        if card is None:
            raise Undeliverable(f"article {item.body['article_id']} is gone")
        embed = card_embed(card, _text(item.body.get("feed_title")))
        channel = await self._channel(item)
        if isinstance(channel, discord.ForumChannel):
            await self._forum_post(item, channel, thread_name(card.title), embed=embed)
            return
        sent: list[discord.Message] = []

        async def send() -> None:
            sent.append(
                await channel.send(embed=embed, allowed_mentions=NO_MENTIONS, nonce=_nonce(item))
            )

        await self._post(item, send)
        if item.body.get("as_threads") and sent and isinstance(channel, discord.TextChannel):
            await self._thread(item, sent[0], thread_name(card.title))

    async def more(self, item: OutboxItem) -> None:
        """`feed_more`: the items past a poll's cards, said in one line."""
        title = _text(item.body.get("feed_title"))
        config = await self.bot.analyst.guilds.get(item.guild_id)
        digest = config.digest_channel_id is not None
        line = more_line(title, int(str(item.body.get("count") or 0)), digest=digest)
        await self._say(item, line, f"More from {_text(title) or 'a feed'}")

    async def paused(self, item: OutboxItem) -> None:
        """`feed_paused`: the channel is told once that its feed stopped, why, and what to do."""
        body = item.body
        title = _text(body.get("feed_title"))
        url = _text(body.get("url"))
        failures = int(str(body.get("failures") or 0))
        notice = paused_notice(title, url, _text(body.get("reason")), failures)
        await self._say(item, notice, f"Feed paused: {title or url}")

    async def _say(self, item: OutboxItem, text: str, post_name: str) -> None:
        """A line in the channel (a forum post in a forum), pinging nobody, links not unfurled."""
        channel = await self._channel(item)
        if isinstance(channel, discord.ForumChannel):
            await self._forum_post(item, channel, thread_name(post_name), content=text)
            return
        send = lambda: channel.send(  # noqa: E731
            text, allowed_mentions=NO_MENTIONS, suppress_embeds=True, nonce=_nonce(item)
        )
        await self._post(item, send)

    async def _forum_post(
        self,
        item: OutboxItem,
        forum: discord.ForumChannel,
        name: str,
        *,
        embed: discord.Embed | None = None,
        content: str | None = None,
    ) -> None:
        """A forum post (a thread and its first message). A post takes no nonce, so a row
        delivered again (its holder died after posting) first looks for the post it made."""
        if await self._posted_already(item, forum, name, embed, content):
            return
        if embed is not None:
            post = lambda: forum.create_thread(  # noqa: E731
                name=name, embed=embed, allowed_mentions=NO_MENTIONS
            )
        else:
            post = lambda: forum.create_thread(  # noqa: E731
                name=name, content=content, allowed_mentions=NO_MENTIONS, suppress_embeds=True
            )
        await self._post(item, post)

    async def _posted_already(
        self,
        item: OutboxItem,
        forum: discord.ForumChannel,
        name: str,
        embed: discord.Embed | None,
        content: str | None,
    ) -> bool:
        """Whether the bot made this very post since the row was written: a post of its own
        by that name, no older than the row, whose first message says the same."""
        me = self.bot.user
        for thread in forum.threads:
            if me is None or thread.owner_id != me.id or thread.name != name:
                continue
            if thread.created_at is not None and thread.created_at < item.created_at - CLOCK_SKEW:
                continue
            try:
                first = thread.starter_message or await thread.fetch_message(thread.id)
            except discord.HTTPException:
                continue
            if embed is not None and [_card_of(e) for e in first.embeds] == [_card_of(embed)]:
                return True
            if content is not None and first.content == content:
                return True
        return False

    async def _channel(self, item: OutboxItem) -> Postable:
        """The row's channel, from the cache or from Discord; gone or closed: give the row up."""
        found = self.bot.get_channel(item.channel_id)
        if found is None:
            try:
                found = await self.bot.fetch_channel(item.channel_id)
            except discord.NotFound as exc:
                raise Undeliverable(f"channel {item.channel_id} is gone") from exc
            except discord.Forbidden as exc:
                self.bot.note_refusal(item.guild_id, item.channel_id, POST)
                raise Undeliverable(f"channel {item.channel_id} is closed to the bot") from exc
            except discord.HTTPException as exc:
                retry_on_5xx(exc)
                raise
        if not isinstance(found, Postable):
            kind = getattr(found, "type", "?")
            raise Undeliverable(f"channel {item.channel_id} takes no posts ({kind})")
        return found

    async def _post(self, item: OutboxItem, call: Callable[[], Awaitable[object]]) -> None:
        """One post in the row's channel: 404 gives the row up, 403 is noted once and gives it
        up, 5xx retries it later (other 4xx: the outbox retries a few times, then gives up)."""
        await self.bot.deliver_row(
            item, lambda: self.bot.guarded(item.guild_id, item.channel_id, POST, call)
        )

    async def _thread(self, item: OutboxItem, message: discord.Message, name: str) -> None:
        """Start the story's thread from its card. The card is out already, so a refusal is
        noted (once per channel) and the row still counts as delivered; a resent card that has
        its thread already is fine."""
        access = self.bot.access
        try:
            await message.create_thread(name=name)
        except discord.Forbidden:
            channel = message.channel
            label = str(getattr(channel, "name", None) or item.channel_id)
            missing = ("Create Public Threads",)
            problem = AccessProblem(item.guild_id, item.channel_id, label, START_THREADS, missing)
            access.refused(problem)
            return
        except discord.HTTPException as exc:
            if exc.code == THREAD_EXISTS:
                return
            retry_on_5xx(exc)
            raise
        access.succeeded(item.guild_id, item.channel_id, START_THREADS)


def _card_of(embed: discord.Embed) -> tuple[str | None, str | None, str | None]:
    """What tells one card from another: its title, link and sentences."""
    return embed.title, embed.url, embed.description


def _nonce(item: OutboxItem) -> str:
    """The row's nonce: Discord returns the message already posted instead of a second one."""
    return f"outbox-{item.id}"


def _text(value: object) -> str:
    return "" if value is None else str(value)
