"""The watched channel and /ingest: posted links and files become articles.

A message with links (or .txt/.html/.md files) in the watched channel gets ⏳ once its jobs are
queued; each job then ends with a reply, a card (✅) or the reason (❌). Jobs carry the message's
ids, so a result that arrives after a restart still lands on the original message.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import AnalystBot
from bot.permissions import INGEST_REFUSAL, ingest_allowed
from bot.services.ingest import (
    DUPLICATE,
    FAILED,
    FINAL,
    Outcome,
    Queued,
    content_kind,
    finished_outcome,
)
from bot.services.link_watch import LinkCards, find_links
from bot.ui.answer import NO_MENTIONS

log = logging.getLogger(__name__)

HOURGLASS, ADDED, REFUSED = "⏳", "✅", "❌"
INGEST_WAIT = 60.0  # seconds /ingest waits for its result before handing over to the channel
POLL = 1.0  # how often /ingest looks at its job (a worker in another process may run it)
FORGET_ANSWERED = 600.0
VIA = "discord"


def _emoji(outcome: Outcome) -> str:
    return REFUSED if outcome.status in (FAILED, DUPLICATE) else ADDED


def _source(source: str) -> str:
    """A link or file name as a reply names it: links in <> so Discord shows no preview."""
    if source.lower().startswith(("http://", "https://")):
        return f"<{source}>"
    return discord.utils.escape_markdown(source)


def _escaped(emoji: str, named: str, text: str) -> str:
    """`emoji named: text` with the text's Markdown escaped (it comes from articles)."""
    body = discord.utils.escape_markdown(f"{emoji} {text}")  # not at line start: "#6" stays
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
        self._waiters: dict[int, asyncio.Future[Outcome]] = {}
        self._open: dict[int, set[int]] = {}  # message id -> its unfinished job ids
        self._locks: dict[int, asyncio.Lock] = {}
        self.ingest_wait = INGEST_WAIT

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
        async with self._lock(message.id):
            created = await self._queue_message(message, links, files)
            if created:
                self._open.setdefault(message.id, set()).update(created)
                await self._react(message, HOURGLASS)
        if created:
            self._wake_worker()
        if message.id not in self._open:
            self._locks.pop(message.id, None)

    async def _queue_message(
        self, message: discord.Message, links: list[str], files: list[discord.Attachment]
    ) -> list[int]:
        """Queue each source under keys made of the message id (a redelivery queues nothing)."""
        assert message.guild is not None
        meta: dict[str, object] = {
            "via": VIA,
            "guild": message.guild.id,
            "channel": message.channel.id,
            "message": message.id,
            "sources": len(links) + len(files),
        }
        ingest = self.bot.analyst.ingest
        queued = [
            await ingest.enqueue_link(u, key=f"discord:{message.id}", meta=meta) for u in links
        ]
        for attachment in files:
            queued.append(await self._queue_file(message, attachment, meta))
        created = [q.job.id for q in queued if q.job is not None and q.created]
        fresh = created or all(q.job is None for q in queued)  # a redelivery says nothing again
        problems = [q for q in queued if q.problem] if fresh else []
        for q in problems:
            await self._reply(message, self._line(REFUSED, q.source, q.problem or "", meta))
        if problems:
            await self._react(message, REFUSED)
        return created

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
        key = f"discord:{message.id}:{attachment.id}"
        return await self.bot.analyst.ingest.enqueue_content(name, data, key=key, meta=meta)

    # -- results -----------------------------------------------------------------------------
    @commands.Cog.listener()
    async def on_ingest_outcome(self, outcome: Outcome) -> None:
        """A job ended: answer the waiting /ingest, or reply on the message it came from."""
        if outcome.status not in FINAL or outcome.job_id is None:
            return
        waiter = self._waiters.pop(outcome.job_id, None)
        if waiter is not None:
            if not waiter.done():
                waiter.set_result(outcome)
            return
        job = await self.bot.analyst.queue.get(outcome.job_id)
        meta = (job.payload.get("meta") if job else None) or {}
        if not isinstance(meta, dict) or meta.get("via") != VIA:
            return  # queued from the command line or another front end
        try:
            await self._report(outcome, meta)
        except discord.HTTPException as exc:
            log.warning("could not report job %s in Discord: %s", outcome.job_id, exc)

    async def _report(self, outcome: Outcome, meta: dict[str, Any]) -> None:
        """Reply with the card or reason, react ✅ or ❌, and drop ⏳ when the message is done."""
        channel = self.bot.get_partial_messageable(int(meta["channel"]), guild_id=meta["guild"])
        emoji = _emoji(outcome)
        line = self._line(emoji, outcome.source, await self.cards.text(outcome), meta)
        if not meta.get("message"):  # an /ingest that stopped waiting: say it in the channel
            await channel.send(line, allowed_mentions=NO_MENTIONS)
            return
        message = channel.get_partial_message(int(meta["message"]))
        async with self._lock(message.id):
            await self._reply(message, line)
            await self._react(message, emoji)
            still_open = self._open.get(message.id, set())
            still_open.discard(outcome.job_id or 0)
            if not still_open:
                self._open.pop(message.id, None)
                await self._unreact(message, HOURGLASS)
        if message.id not in self._open:
            self._locks.pop(message.id, None)

    @staticmethod
    def _line(emoji: str, source: str, text: str, meta: dict[str, Any]) -> str:
        """One reply line; it names the link or file when the message had several."""
        named = f"{_source(source)}: " if int(meta.get("sources") or 1) > 1 else ""
        if not meta.get("message"):
            named = f"/ingest {_source(source)}: "
        return _escaped(emoji, named, text)

    # -- /ingest -----------------------------------------------------------------------------
    @app_commands.command(name="ingest")
    @app_commands.guild_only()
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
            named = f"{_source(url)}: "
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
        """The job's outcome within `ingest_wait` seconds, from this bot's worker or any other."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[Outcome] = loop.create_future()
        self._waiters[job_id] = waiter
        self._wake_worker()
        deadline = loop.time() + self.ingest_wait
        while (left := deadline - loop.time()) > 0:
            done, _ = await asyncio.wait({waiter}, timeout=min(POLL, left))
            if done:
                return waiter.result()
            job = await self.bot.analyst.queue.get(job_id)
            found = None if job is None else finished_outcome(job)
            if found is not None:  # another process ran it; this bot may still hear of it
                loop.call_later(FORGET_ANSWERED, self._waiters.pop, job_id, None)
                waiter.cancel()
                return found
        if waiter.done():  # answered between the last look and now
            return waiter.result()
        self._waiters.pop(job_id, None)
        return None

    @staticmethod
    async def _answer(interaction: discord.Interaction, text: str) -> None:
        await interaction.followup.send(text[:2000], allowed_mentions=NO_MENTIONS)

    # -- Discord plumbing ------------------------------------------------------------------------
    def _lock(self, message_id: int) -> asyncio.Lock:
        """One lock per message, so ⏳ is always added before any result is reported."""
        return self._locks.setdefault(message_id, asyncio.Lock())

    def _wake_worker(self) -> None:
        worker = getattr(self.bot, "worker", None)
        if worker is not None:
            worker.notify()

    @staticmethod
    async def _reply(message: discord.Message | discord.PartialMessage, text: str) -> None:
        """A reply that pings nobody, and still goes out if the message was deleted."""
        reference = message.to_reference(fail_if_not_exists=False)
        await message.channel.send(
            text, reference=reference, mention_author=False, allowed_mentions=NO_MENTIONS
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
