"""The watched channel and /ingest: posted links and files become articles.

A message with links (or .txt/.html/.md files) in the watched channel gets ⏳ once its jobs are
queued; each job then ends with a reply, a card (✅) or the reason (❌). A job's end is an outbox
row, delivered here by whichever bot process owns the guild, whichever process ran the job, and
also after a restart; ⏳ comes off when the database says the message has nothing left to answer.

A message with many links (`SUMMARY_FROM`) is answered once, when its last job ends: a summary
packed into as few replies as Discord allows, read back from the jobs themselves (so a restart
in between loses nothing), instead of fifty replies and reactions against the rate limits.
Links past `MAX_LINKS` are not read, and one reply says how many.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import weakref
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import INGEST_REFUSAL, ingest_allowed, within_allowance
from bot.services.cooldown import INGEST, ingest_refusal
from bot.services.ingest import (
    DUPLICATE,
    FAILED,
    Outcome,
    Queued,
    content_kind,
    finished_outcome,
)
from bot.services.link_cards import LinkCards
from bot.services.link_watch import (
    MAX_LINKS,
    SUMMARY_FROM,
    MessageProgress,
    find_links,
    in_replies,
    message_key,
    not_read,
    outcome_of,
    summary_header,
)
from bot.services.outbox import INGEST_OUTCOME, OutboxItem, Undeliverable
from bot.ui.answer import NO_MENTIONS
from bot.ui.escape import escape_corpus, escape_text, safe_url

log = logging.getLogger(__name__)

HOURGLASS, ADDED, REFUSED = "⏳", "✅", "❌"
INGEST_WAIT = 60.0  # seconds /ingest waits for its result before handing over to the channel
VIA = "discord"


def _emoji(outcome: Outcome) -> str:
    return REFUSED if outcome.status in (FAILED, DUPLICATE) else ADDED


def _source(source: str) -> str:
    """A link or file name as a reply names it: links in <> so Discord shows no preview."""
    if source.lower().startswith(("http://", "https://")):
        return f"<{safe_url(source)}>"
    return escape_corpus(" ".join(source.split()))


def _escaped(emoji: str, named: str, text: str) -> str:
    """`emoji named: text` with the text's Markdown escaped (it comes from articles)."""
    body = escape_text(f"{emoji} {text}")  # not at line start: "#6" stays
    return f"{emoji} {named}{body[len(emoji) + 1 :]}"[:2000]


def _may_post(author: discord.Member | discord.User, config: Any) -> bool:
    """Anyone, unless the guild limited ingesting to a role (admins always may)."""
    if config.ingest_role_id is None:
        return True
    permissions = getattr(author, "guild_permissions", None)
    if permissions is not None and permissions.manage_guild:
        return True
    roles = {role.id for role in getattr(author, "roles", [])}
    return bool({config.ingest_role_id, config.admin_role_id} & roles)


class Watch(commands.Cog):
    """Reads links in the watched channel; /ingest adds one link on request."""

    def __init__(self, bot: AnalystBot) -> None:
        self.bot = bot
        self.cards = LinkCards(bot.analyst.articles, bot.analyst.summary)
        self.progress = MessageProgress(bot.analyst.queue, bot.outbox.repo)
        self._waiters: dict[int, asyncio.Future[Outcome]] = {}  # job id -> a waiting /ingest
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
        links = find_links(message.content)
        files = [a for a in message.attachments if content_kind(a.filename)]
        if not links and not files:
            return
        config = await self.bot.analyst.guilds.get(message.guild.id)
        if config.watch_channel_id != message.channel.id:
            return
        if not _may_post(message.author, config):
            await self._reply(message, f"{REFUSED} {INGEST_REFUSAL}")
            return
        links, files, slow_down = self._within_allowance(message, links, files)
        async with self._lock(message.id):  # answers wait until ⏳ is on
            created = await self._queue_message(message, links, files) if links or files else []
            if created:
                await self._react(message, HOURGLASS)
            if slow_down:
                await self._reply(message, f"{REFUSED} {slow_down}")
                await self._react(message, REFUSED)
        if created:
            self._wake_worker()

    def _within_allowance(
        self, message: discord.Message, links: list[str], files: list[discord.Attachment]
    ) -> tuple[list[str], list[discord.Attachment], str]:
        """The links and files within the author's ingest allowance (links past `max_links`
        are not counted), and the line saying how many were not queued ("" when none)."""
        permissions = getattr(message.author, "guild_permissions", None)
        if permissions is not None and permissions.manage_guild:
            return links, files, ""  # admins are exempt
        readable = min(len(links), self.max_links)
        cooldown = self.bot.cooldown
        guild_id = message.guild.id if message.guild else None
        grant = cooldown.take(guild_id, message.author.id, INGEST, readable + len(files))
        if not grant.refused:
            return links, files, ""
        kept_links = links[: min(grant.granted, readable)]
        kept_files = files[: grant.granted - len(kept_links)]
        not_queued = len(links) + len(files) - len(kept_links) - len(kept_files)
        what = "link" if len(kept_files) == len(files) else "link or file"
        line = ingest_refusal(cooldown, grant, not_queued, what)
        return kept_links, kept_files, line

    async def _queue_message(
        self, message: discord.Message, links: list[str], files: list[discord.Attachment]
    ) -> list[int]:
        """Queue each source under keys made of the message id (a redelivery queues nothing)."""
        assert message.guild is not None
        read, unread = links[: self.max_links], len(links[self.max_links :])
        meta: dict[str, object] = {
            "via": VIA,
            "guild": message.guild.id,
            "channel": message.channel.id,
            "message": message.id,
            "sources": len(read) + len(files),
        }
        if len(read) >= SUMMARY_FROM:
            meta["links"] = read  # answered in one summary, read back from these jobs
        ingest = self.bot.analyst.ingest
        key = message_key(message.id)
        queued = [await ingest.enqueue_link(u, key=key, meta=meta) for u in read]
        for attachment in files:
            queued.append(await self._queue_file(message, attachment, meta))
        created = [q.job.id for q in queued if q.job is not None and q.created]
        fresh = created or all(q.job is None for q in queued)  # a redelivery says nothing again
        if fresh:
            problems = [q for q in queued if q.problem]
            await self._refuse(
                message, problems, len(queued), unread=unread, few="links" not in meta
            )
        return created

    async def _refuse(
        self,
        message: discord.Message,
        problems: list[Queued],
        sources: int,
        *,
        unread: int,
        few: bool,
    ) -> None:
        """Say at once what was not queued: a reply each for a few links, else packed replies."""
        lines = [self._line(REFUSED, q.source, q.problem or "", sources, True) for q in problems]
        if unread:
            lines.append(f"{REFUSED} {not_read(unread, self.max_links)}")
        for reply in lines if few and not unread else in_replies(lines):
            await self._reply(message, reply)
        if lines:
            await self._react(message, REFUSED)

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
        waiter = self._waiters.pop(item.job_id, None) if item.job_id else None
        if waiter is not None and not waiter.done():
            waiter.set_result(outcome)  # /ingest answers; the row counts as delivered
            return
        try:
            await self._report(item, outcome)
        except (discord.NotFound, discord.Forbidden) as exc:
            raise Undeliverable(str(exc)) from exc

    async def _report(self, item: OutboxItem, outcome: Outcome) -> None:
        """Reply with the card or reason, react ✅ or ❌, and drop ⏳ when the message is done;
        the links of a many-link message wait for the summary its last answer sends."""
        channel = self.bot.get_partial_messageable(item.channel_id, guild_id=item.guild_id)
        emoji = _emoji(outcome)
        sources = int(str(item.body.get("sources") or 1))
        nonce = f"outbox-{item.id}"  # Discord drops a resend of this row after a crash
        if item.message_id is None:  # an /ingest that stopped waiting: say it in the channel
            text = await self.cards.text(outcome)
            line = self._line(emoji, outcome.source, text, sources, False)
            await channel.send(line, allowed_mentions=NO_MENTIONS, nonce=nonce)
            return
        summarised = await self._summarised_links(item, sources)
        message = channel.get_partial_message(item.message_id)
        async with self._lock(message.id):
            if outcome.source not in summarised:
                text = await self.cards.text(outcome)
                await self._reply(
                    message, self._line(emoji, outcome.source, text, sources, True), nonce
                )
                await self._react(message, emoji)
            if await self.progress.all_answered(message.id, besides=item.id):
                if summarised:
                    await self._summarise(message, item, summarised)
                await self._unreact(message, HOURGLASS)

    async def _summarised_links(self, item: OutboxItem, sources: int) -> list[str]:
        """The links of the row's message that one summary answers (none for a few links)."""
        if sources < SUMMARY_FROM or item.job_id is None:
            return []
        job = await self.bot.analyst.queue.get(item.job_id)
        meta = job.payload.get("meta") if job is not None else None
        links = meta.get("links") if isinstance(meta, dict) else None
        return [str(link) for link in links] if isinstance(links, list) else []

    async def _summarise(
        self, message: discord.PartialMessage, item: OutboxItem, links: list[str]
    ) -> None:
        """Every link's outcome, read back from its job, in as few replies as fit."""
        outcomes = [o for o in [await self._outcome_of(message.id, u) for u in links] if o]
        lines = [summary_header(outcomes)]
        for outcome in outcomes:
            text = await self.cards.short(outcome)
            lines.append(self._line(_emoji(outcome), outcome.source, text, len(links), True))
        for number, reply in enumerate(in_replies(lines)):
            await self._reply(message, reply, f"outbox-{item.id}-{number}")
        for emoji in dict.fromkeys(_emoji(o) for o in outcomes):
            await self._react(message, emoji)

    async def _outcome_of(self, message_id: int, link: str) -> Outcome | None:
        """How a link of the message ended, from its job found again under the message's key
        (queueing is idempotent per key); None for a link refused when posted, answered then."""
        ingest = self.bot.analyst.ingest
        queued = await ingest.enqueue_link(link, key=message_key(message_id), meta={})
        if queued.job is None:
            return None
        if queued.created:  # cannot happen unless the job was deleted: it is worked quietly
            log.warning("the job of %s on message %s was gone", link, message_id)
        return finished_outcome(queued.job)

    @staticmethod
    def _line(emoji: str, source: str, text: str, sources: int, on_message: bool) -> str:
        """One reply line; it names the link or file when the message had several."""
        named = f"{_source(source)}: " if sources > 1 else ""
        if not on_message:
            named = f"/ingest {_source(source)}: "
        return _escaped(emoji, named, text)

    # -- /ingest -----------------------------------------------------------------------------
    @app_commands.command(name="ingest")
    @app_commands.guild_only()
    @within_allowance(INGEST)  # checks run bottom up: the role first, then the allowance
    @ingest_allowed()
    @app_commands.describe(url="The article's web address (http or https)")
    async def ingest(self, interaction: discord.Interaction, url: str) -> None:
        """Add an article from a web link: you get its card, or why it was not added."""
        await interaction.response.defer(thinking=True)
        meta: dict[str, object] = {
            "via": VIA,
            "guild": interaction.guild_id,
            "channel": interaction.channel_id,
            "message": None,
            "sources": 1,
        }
        key = f"discord:{interaction.id}"
        queued = await self.bot.analyst.ingest.enqueue_link(url, key=key, meta=meta)
        if queued.job is None:
            named = f"{_source(queued.source)}: "  # never the password
            await self._answer(interaction, _escaped(REFUSED, named, queued.problem or ""))
            return
        outcome = await self._wait_for(queued.job.id)
        if outcome is None:
            text = f"{HOURGLASS} Queued {_source(url)}: the result will be posted in this channel."
            await self._answer(interaction, text)
            return
        text = await self.cards.text(outcome)
        await self._answer(interaction, _escaped(_emoji(outcome), "", text))

    async def _wait_for(self, job_id: int) -> Outcome | None:
        """The job's outcome within `ingest_wait` seconds, delivered from the outbox whichever
        process ran it; None when it takes longer (the outbox then posts it in the channel)."""
        waiter: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiters[job_id] = waiter
        self._wake_worker()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(waiter), timeout=self.ingest_wait)
        self._waiters.pop(job_id, None)
        return waiter.result() if waiter.done() else None

    @staticmethod
    async def _answer(interaction: discord.Interaction, text: str) -> None:
        await interaction.followup.send(text[:2000], allowed_mentions=NO_MENTIONS)

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

    @staticmethod
    async def _reply(
        message: discord.Message | discord.PartialMessage, text: str, nonce: str | int = 0
    ) -> None:
        """A reply that pings nobody, and still goes out if the message was deleted; `nonce`
        lets Discord drop a resend (0: a random one, as discord.py picks)."""
        reference = message.to_reference(fail_if_not_exists=False)
        await message.channel.send(
            text,
            reference=reference,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
            nonce=nonce or secrets.randbits(64),
        )

    @staticmethod
    async def _react(message: discord.Message | discord.PartialMessage, emoji: str) -> None:
        with contextlib.suppress(discord.HTTPException):
            await message.add_reaction(emoji)

    async def _unreact(self, message: discord.Message | discord.PartialMessage, emoji: str) -> None:
        if self.bot.user is None:
            return
        with contextlib.suppress(discord.HTTPException):
            await message.remove_reaction(emoji, self.bot.user)


async def setup(bot: AnalystBot) -> None:
    """Register the cog."""
    await bot.add_cog(Watch(bot))
