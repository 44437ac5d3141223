"""The watched channel and /ingest: posted links and files become articles.

A message with links (or .txt/.html/.md files) in the watched channel gets ⏳ once its jobs are
queued; each job then ends with a reply, a card (✅) or the reason (❌). A member who edits the
message to fix or add a link gets the new links read the same way. A job's end is an outbox row,
delivered here by whichever bot process owns the guild, whichever process ran the job, and also
after a restart; ⏳ comes off when the database says the message has nothing left to answer.

A message with many links (`SUMMARY_FROM`) is answered once, when its last job ends: a summary
packed into as few replies as Discord allows. Links past `MAX_LINKS` are not read, and one reply
says how many. A channel closed to the bot (403) is noted once (a log line, a line in
`/settings show`), and a 5xx from Discord leaves the answer for the outbox to deliver again.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import weakref
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import INGEST_REFUSAL, ingest_allowed, within_allowance
from bot.services.channel_access import POST, REACT
from bot.services.cooldown import INGEST
from bot.services.ingest import DUPLICATE, FAILED, Outcome, Queued, content_kind
from bot.services.link_cards import LinkCards
from bot.services.link_watch import (
    MAX_LINKS,
    VIA,
    IngestWaiters,
    MessageProgress,
    edited_links,
    find_links,
    in_replies,
    may_ingest,
    message_key,
    message_meta,
    not_read,
    outcome_of,
    summary_header,
)
from bot.services.link_watch import within_allowance as allowance
from bot.services.outbox import INGEST_OUTCOME, OutboxItem
from bot.ui.cards import card_markup, reply_line
from bot.ui.escape import escape_corpus, escape_text, safe_url
from bot.ui.links import link_address
from bot.ui.page import NO_MENTIONS

log = logging.getLogger(__name__)

HOURGLASS, ADDED, REFUSED = "⏳", "✅", "❌"
INGEST_WAIT = 60.0  # seconds /ingest waits for its result before handing over to the channel
AGAIN_AFTER = (0.5, 2.0)  # a 5xx outside the outbox (no row retries it): try again after these
Message = discord.Message | discord.PartialMessage


def _emoji(outcome: Outcome) -> str:
    return REFUSED if outcome.status in (FAILED, DUPLICATE) else ADDED


def _source(source: str) -> str:
    """A link or file name as a reply names it: links in <> so Discord shows no preview; what
    is no link Discord would make ("http://" with no host, "HTTP://…") is escaped text."""
    url = link_address(source)
    if url is not None:
        return f"<{safe_url(url)}>"
    return escape_corpus(" ".join(source.split()))


def _escaped(emoji: str, named: str, text: str) -> str:
    """`emoji named: text` with the text's Markdown escaped (it comes from articles)."""
    body = escape_text(f"{emoji} {text}")  # not at line start: "#6" stays
    return f"{emoji} {named}{body[len(emoji) + 1 :]}"[:2000]


def _is_admin(author: discord.Member | discord.User) -> bool:
    permissions = getattr(author, "guild_permissions", None)
    return permissions is not None and permissions.manage_guild


class Watch(commands.Cog):
    """Reads links in the watched channel; /ingest adds one link on request."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot
        analyst = bot.analyst
        self.cards = LinkCards(analyst.articles, analyst.summary)
        self.progress = MessageProgress(analyst.ingest, analyst.queue, bot.outbox.repo)
        self.waiters = IngestWaiters()
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        self.ingest_wait = INGEST_WAIT
        self.max_links = MAX_LINKS

    async def cog_load(self) -> None:
        """Start delivering finished jobs from the outbox."""
        self.bot.outbox.handle(INGEST_OUTCOME, self._deliver)

    async def cog_unload(self) -> None:
        """Stop delivering (rows in flight are handed back for the next start)."""
        await self.bot.outbox.forget(INGEST_OUTCOME)

    # -- the watched channel ---------------------------------------------------------------
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Queue the links and files of a message posted in the watched channel."""
        if message.author.bot or message.guild is None:
            return
        files = [a for a in message.attachments if content_kind(a.filename)]
        await self._read(message, find_links(message.content), files)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A member fixed or added a link in the watched channel: read the new links only."""
        message, before = payload.message, payload.cached_message
        if message.author.bot or message.guild is None:
            return
        edited = payload.data.get("edited_timestamp") is not None
        links = edited_links(before.content if before else None, message.content, edited=edited)
        everything = len(find_links(message.content))
        await self._read(message, links, [], sources=min(everything, self.max_links))

    async def _read(
        self,
        message: discord.Message,
        links: list[str],
        files: list[discord.Attachment],
        sources: int | None = None,
    ) -> None:
        """Queue what the member may add, say what was refused, and put ⏳ on the message."""
        if (not links and not files) or message.guild is None:
            return
        config = await self.bot.analyst.guilds.get(message.guild.id)
        if config.watch_channel_id != message.channel.id:
            return
        roles = {role.id for role in getattr(message.author, "roles", [])}
        if not may_ingest(config, manage_guild=_is_admin(message.author), role_ids=roles):
            await self._reply(message, f"{REFUSED} {INGEST_REFUSAL}", again=AGAIN_AFTER)
            return
        slow_down = ""
        if not _is_admin(message.author):  # admins are exempt from the allowance
            member = (message.guild.id, message.author.id)
            links, files, slow_down = allowance(
                self.bot.cooldown, member, links, files, self.max_links
            )
        async with self._lock(message.id):  # answers wait until ⏳ is on
            created = await self._queue_message(message, links, files, sources)
            if created:
                await self._react(message, HOURGLASS, again=AGAIN_AFTER)
            if slow_down:
                await self._reply(message, f"{REFUSED} {slow_down}", again=AGAIN_AFTER)
                await self._react(message, REFUSED, again=AGAIN_AFTER)
        if created:
            self._wake_worker()

    async def _queue_message(
        self,
        message: discord.Message,
        links: list[str],
        files: list[discord.Attachment],
        sources: int | None,
    ) -> list[int]:
        """Queue each source under keys made of the message id (a redelivery queues nothing)."""
        assert message.guild is not None
        read, unread = links[: self.max_links], len(links[self.max_links :])
        where = (message.guild.id, message.channel.id, message.id)
        meta = message_meta(where, read, sources or len(read) + len(files))
        ingest = self.bot.analyst.ingest
        key = message_key(message.id)
        queued = [await ingest.enqueue_link(u, key=key, meta=meta) for u in read]
        for attachment in files:
            queued.append(await self._queue_file(message, attachment, meta))
        created = [q.job.id for q in queued if q.job is not None and q.created]
        if created or all(q.job is None for q in queued):  # a redelivery says nothing again
            problems = [q for q in queued if q.problem]
            few = "links" not in meta
            await self._refuse(message, problems, int(str(meta["sources"])), unread, few=few)
        return created

    async def _refuse(
        self,
        message: discord.Message,
        problems: list[Queued],
        sources: int,
        unread: int,
        *,
        few: bool,
    ) -> None:
        """Say at once what was not queued: a reply each for a few links, else packed replies."""
        lines = [self._line(REFUSED, q.source, q.problem or "", sources, True) for q in problems]
        if unread:
            lines.append(f"{REFUSED} {not_read(unread, self.max_links)}")
        for reply in lines if few and not unread else in_replies(lines):
            await self._reply(message, reply, again=AGAIN_AFTER)
        if lines:
            await self._react(message, REFUSED, again=AGAIN_AFTER)

    async def _queue_file(
        self, message: discord.Message, attachment: discord.Attachment, meta: dict[str, Any]
    ) -> Queued:
        """Download an attachment (size checked first) and queue its text in the job."""
        name = attachment.filename
        if too_large := self.bot.analyst.ingest.size_problem(attachment.size):
            return Queued(name, problem=too_large)
        try:
            data = await attachment.read()
        except discord.HTTPException as exc:
            log.info("downloading %s failed: %s", attachment.url, exc)
            return Queued(name, problem="could not download the file from Discord")
        key = f"{message_key(message.id)}:{attachment.id}"
        return await self.bot.analyst.ingest.enqueue_content(name, data, key=key, meta=meta)

    # -- results -----------------------------------------------------------------------------
    async def _deliver(self, item: OutboxItem) -> None:
        """A job ended (here or in any process): answer the waiting /ingest, or reply on the
        message it came from, or say it in the channel of an /ingest that stopped waiting."""
        outcome = outcome_of(item)
        if self.waiters.answer(item.job_id, outcome):
            return  # /ingest answers; the row counts as delivered
        await self.bot.deliver_row(item, lambda: self._report(item, outcome))

    async def _report(self, item: OutboxItem, outcome: Outcome) -> bool:
        """Reply with the card or reason, react ✅ or ❌, and drop ⏳ when the message is done;
        the links of a many-link message wait for the summary its last answer sends. False
        when the channel would not take the answer."""
        channel = self.bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)
        emoji = _emoji(outcome)
        sources = int(str(item.body.get("sources") or 1))
        nonce = f"outbox-{item.id}"  # Discord drops a resend of this row after a crash
        if item.message_id is None:  # an /ingest that stopped waiting: say it in the channel
            card = card_markup(await self.cards.reply(outcome))
            line = self._card_line(emoji, outcome.source, card, sources, False)
            send = lambda: channel.send(  # noqa: E731
                line, allowed_mentions=NO_MENTIONS, nonce=nonce, suppress_embeds=True
            )
            return await self.bot.guarded(item.guild_id, item.channel_id, POST, send)
        summarised = await self.progress.summarised_links(item)
        message = channel.get_partial_message(item.message_id)
        posted = True
        async with self._lock(message.id):
            if outcome.source not in summarised:
                card = card_markup(await self.cards.reply(outcome))
                line = self._card_line(emoji, outcome.source, card, sources, True)
                posted = await self._reply(message, line, nonce)
                await self._react(message, emoji)
            if await self.progress.all_answered(message.id, besides=item.id):
                if summarised:
                    posted = await self._summarise(message, item, summarised) and posted
                await self._unreact(message, HOURGLASS)
        return posted

    async def _summarise(
        self, message: discord.PartialMessage, item: OutboxItem, links: list[str]
    ) -> bool:
        """Every link's outcome, read back from its job, in as few replies as fit."""
        found = [await self.progress.link_outcome(message.id, u) for u in links]
        outcomes = [o for o in found if o]
        lines = [summary_header(outcomes)]
        for outcome in outcomes:
            card = card_markup(await self.cards.reply(outcome, short=True), short=True)
            lines.append(self._card_line(_emoji(outcome), outcome.source, card, len(links), True))
        posted = True
        for number, reply in enumerate(in_replies(lines)):
            posted = await self._reply(message, reply, f"outbox-{item.id}-{number}") and posted
        for emoji in dict.fromkeys(_emoji(o) for o in outcomes):
            await self._react(message, emoji)
        return posted

    @staticmethod
    def _named(source: str, sources: int, on_message: bool) -> str:
        """How a reply names the link or file: when the message had several, or in the channel
        for an /ingest that stopped waiting."""
        if not on_message:
            return f"/ingest {_source(source)}: "
        return f"{_source(source)}: " if sources > 1 else ""

    @staticmethod
    def _line(emoji: str, source: str, text: str, sources: int, on_message: bool) -> str:
        """One reply line of plain text (escaped here); it names the link or file when the
        message had several."""
        return _escaped(emoji, Watch._named(source, sources, on_message), text)

    @staticmethod
    def _card_line(emoji: str, source: str, markup: str, sources: int, on_message: bool) -> str:
        """One reply line holding a card already written as markup (`bot.ui.cards`)."""
        return reply_line(emoji, Watch._named(source, sources, on_message), markup)

    # -- /ingest -----------------------------------------------------------------------------
    @app_commands.command(name="ingest")
    @app_commands.guild_only()
    @within_allowance(INGEST)  # checks run bottom up: the role first, then the allowance
    @ingest_allowed()
    @app_commands.describe(url="The article's web address (http or https)")
    async def ingest(self, interaction: discord.Interaction, url: str) -> None:
        """Add an article from a web link: you get its card, or why it was not added."""
        await interaction.response.defer(thinking=True)
        assert interaction.guild_id is not None and interaction.channel_id is not None
        meta = message_meta((interaction.guild_id, interaction.channel_id, None), [], 1)
        key = f"{VIA}:{interaction.id}"
        queued = await self.bot.analyst.ingest.enqueue_link(url, key=key, meta=meta)
        if queued.job is None:
            named = f"{_source(queued.source)}: "  # never the password
            await self._answer(interaction, _escaped(REFUSED, named, queued.problem or ""))
            return
        self._wake_worker()
        outcome = await self.waiters.wait(queued.job.id, self.ingest_wait)
        if outcome is None:
            text = f"{HOURGLASS} Queued {_source(url)}: the result will be posted in this channel."
            await self._answer(interaction, text)
            return
        card = card_markup(await self.cards.reply(outcome))
        await self._answer(interaction, reply_line(_emoji(outcome), "", card))

    @staticmethod
    async def _answer(interaction: discord.Interaction, text: str) -> None:
        await interaction.followup.send(
            text[:2000], allowed_mentions=NO_MENTIONS, suppress_embeds=True
        )

    # -- Discord plumbing ------------------------------------------------------------------------
    def _lock(self, message_id: int) -> asyncio.Lock:
        """One lock per message, so ⏳ is always added before any result is reported (it lives
        as long as someone holds or awaits it)."""
        lock = self._locks.get(message_id)
        if lock is None:
            lock = self._locks[message_id] = asyncio.Lock()
        return lock

    def _wake_worker(self) -> None:
        worker = getattr(self.bot, "worker", None)
        if worker is not None:
            worker.notify()

    async def _reply(
        self, message: Message, text: str, nonce: str | int = 0, again: Sequence[float] = ()
    ) -> bool:
        """A reply that pings nobody, and still goes out if the message was deleted; `nonce`
        lets Discord drop a resend (0: a random one, kept for every attempt)."""
        reference = message.to_reference(fail_if_not_exists=False)
        nonce = nonce or secrets.randbits(64)
        send = lambda: message.channel.send(  # noqa: E731
            text,
            reference=reference,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
            nonce=nonce,
            suppress_embeds=True,  # a link in a title would unfurl a preview of someone's page
        )
        return await self.bot.guarded(_guild_of(message), message.channel.id, POST, send, again)

    async def _react(self, message: Message, emoji: str, again: Sequence[float] = ()) -> None:
        """Add a reaction; a deleted message needs none, and Discord refusing it (a bad emoji,
        too many reactions) is not worth a retry."""
        react = lambda: message.add_reaction(emoji)  # noqa: E731
        try:
            await self.bot.guarded(_guild_of(message), message.channel.id, REACT, react, again)
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise
            log.info("reacting %s on message %s failed: %s", emoji, message.id, exc)

    async def _unreact(self, message: Message, emoji: str) -> None:
        """Take the bot's reaction off (removing one's own needs no permission)."""
        if self.bot.user is None:
            return
        try:
            await message.remove_reaction(emoji, self.bot.user)
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise
            log.info("removing %s from message %s failed: %s", emoji, message.id, exc)


def _guild_of(message: Message) -> int:
    """The guild id of a message in the watched channel (a full or a partial one)."""
    guild_id = message.guild.id if message.guild else getattr(message.channel, "guild_id", None)
    return int(guild_id or 0)


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Watch(bot))
