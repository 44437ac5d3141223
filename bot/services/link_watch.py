"""Links in a chat message: which to read, who may add them, and when a message is answered.

Members paste links every way chat allows: bare, in angle brackets (to suppress the preview), as
Markdown `[text](url)`, behind spoiler bars, at the end of a sentence. `find_links` takes out the
addresses themselves; two spellings of one page (tracking parameters, case) count once. At most
`MAX_LINKS` of them are read; the member is told how many more were not. A message with
`SUMMARY_FROM` links or more is answered with one summary (`in_replies`), not a reply each.
A member who edits a message to fix or add a link has the new links read (`edited_links`);
Discord's own update when it unfurls the links, with the text unchanged, reads nothing.

A job's end reaches the bot as an outbox row (`outcome_of` reads it back), whichever process ran
the job; `MessageProgress` tells from the database alone when a message's sources are all
answered, so ⏳ comes off after a restart or when another process did the work. The cards
members read are `bot.services.link_cards`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import TYPE_CHECKING, TypeVar

from analysis.urls import normalise_url
from bot.services.cooldown import INGEST, Cooldown, ingest_refusal
from bot.services.ingest import DUPLICATE, FAILED, NEW, Outcome, finished_outcome
from storage.jobs import DONE

if TYPE_CHECKING:
    from bot.services.ingest import IngestService
    from storage.guilds import GuildConfig
    from storage.jobs import JobQueue
    from storage.outbox import OutboxItem, OutboxRepository

log = logging.getLogger(__name__)

MAX_LINKS = 50
SUMMARY_FROM = 6  # links in one message answered by one summary instead of a reply each
REPLY_LIMIT = 2000
VIA = "discord"
File = TypeVar("File")
_LINK = re.compile(r"https?://[^\s<>\"'`|]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _belongs(link: str) -> bool:
    """Whether the last character is part of the link (a bracket it opened, not punctuation)."""
    last = link[-1]
    if last in _TRAILING:
        return False
    return last not in _PAIRS or link.count(last) <= link.count(_PAIRS[last])


def _trim(link: str) -> str:
    """Drop trailing punctuation and closing brackets that do not belong to the link."""
    while link and not _belongs(link):
        link = link[:-1]
    return link


def find_links(text: str) -> list[str]:
    """The distinct http(s) links in a message, in order (the caller decides how many to read)."""
    found: list[str] = []
    seen: set[str] = set()
    for match in _LINK.finditer(text or ""):
        link = _trim(match.group(0))
        normal = normalise_url(link)
        if normal is None or normal in seen:
            continue
        seen.add(normal)
        found.append(link)
    return found


def edited_links(before: str | None, after: str, *, edited: bool) -> list[str]:
    """The links a member's edit brought: those of `after` not in `before` (by normal form).

    An update nobody made (Discord unfurling the links: no edit time) brings none, nor one that
    left the text as it was. Without the earlier text (a message from before a restart) every
    link counts, and the queue's keys keep those already queued for the message from a second job.
    """
    if not edited or before == after:
        return []
    earlier = {normalise_url(link) for link in find_links(before or "")}
    return [link for link in find_links(after) if normalise_url(link) not in earlier]


def may_ingest(config: GuildConfig, *, manage_guild: bool, role_ids: set[int]) -> bool:
    """Anyone may add articles, unless the guild limited it to a role (admins always may)."""
    if config.ingest_role_id is None or manage_guild:
        return True
    return bool({config.ingest_role_id, config.admin_role_id} & role_ids)


def within_allowance(
    cooldown: Cooldown,
    member: tuple[int | None, int],
    links: list[str],
    files: list[File],
    max_links: int,
) -> tuple[list[str], list[File], str]:
    """The links and files within a member's (guild, member id) ingest allowance (links past
    `max_links` are not counted), and the line saying how many were not queued ("" when none)."""
    readable = min(len(links), max_links)
    grant = cooldown.take(member[0], member[1], INGEST, readable + len(files))
    if not grant.refused:
        return links, files, ""
    kept_links = links[: min(grant.granted, readable)]
    kept_files = files[: grant.granted - len(kept_links)]
    not_queued = len(links) + len(files) - len(kept_links) - len(kept_files)
    what = "link" if len(kept_files) == len(files) else "link or file"
    return kept_links, kept_files, ingest_refusal(cooldown, grant, not_queued, what)


def message_meta(
    where: tuple[int, int, int | None], read: list[str], sources: int
) -> dict[str, object]:
    """What a chat message's jobs carry: where to answer ((guild, channel, message) ids; no
    message for /ingest) and how many sources it has; a many-link message's links, for its one
    summary."""
    guild_id, channel_id, message_id = where
    meta: dict[str, object] = {
        "via": VIA,
        "guild": guild_id,
        "channel": channel_id,
        "message": message_id,
        "sources": sources,
    }
    if len(read) >= SUMMARY_FROM:
        meta["links"] = read  # answered in one summary, read back from these jobs
    return meta


def not_read(count: int, limit: int) -> str:
    """Why links past the cap were left alone, and what to do about them."""
    links = "link was" if count == 1 else "links were"
    return f"{count} {links} not read: at most {limit} per message; post the rest again"


def in_replies(lines: list[str], limit: int = REPLY_LIMIT) -> list[str]:
    """Lines packed into as few Discord messages as fit (a line never split between two)."""
    replies: list[str] = []
    for line in (line[:limit] for line in lines):
        if replies and len(replies[-1]) + 1 + len(line) <= limit:
            replies[-1] += "\n" + line
        else:
            replies.append(line)
    return replies


def summary_header(outcomes: list[Outcome]) -> str:
    """The first line of a many-link summary: how many links were added and how many not."""
    added = sum(1 for outcome in outcomes if outcome.status == NEW)
    return f"{len(outcomes)} links answered: {added} added, {len(outcomes) - added} not added"


def message_key(message_id: int) -> str:
    """The key every job of a chat message is queued under (links and files add to it)."""
    return f"discord:{message_id}"


def outcome_of(item: OutboxItem) -> Outcome:
    """The outcome an ingest outbox row reports, as the worker that ran the job saw it."""
    body = item.body
    source = str(body.get("source") or "")
    status = body.get("status")
    if status == DONE:
        return Outcome(source, NEW, article_id=_int(body.get("article_id")), job_id=item.job_id)
    if status == DUPLICATE:
        original = _int(body.get("duplicate_of"))
        message = f"already have it: #{original}"
        return Outcome(source, DUPLICATE, message, duplicate_of=original, job_id=item.job_id)
    return Outcome(source, FAILED, str(body.get("error") or "failed"), job_id=item.job_id)


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


class MessageProgress:
    """Whether every source of a chat message has been answered, and how each ended, from the
    database alone (so a restart in between loses nothing)."""

    def __init__(self, ingest: IngestService, queue: JobQueue, outbox: OutboxRepository) -> None:
        self._ingest = ingest
        self._queue = queue
        self._outbox = outbox

    async def all_answered(self, message_id: int, *, besides: int) -> bool:
        """No job of the message is unfinished and no answer but row `besides` still waits.

        Jobs are read first: a job ending in between has written its outbox row by then.
        """
        if await self._queue.unfinished_under(message_key(message_id) + ":"):
            return False
        return await self._outbox.undelivered_for_message(message_id, besides=besides) == 0

    async def summarised_links(self, item: OutboxItem) -> list[str]:
        """The links of the row's message that one summary answers (none for a few links)."""
        sources = int(str(item.body.get("sources") or 1))
        if sources < SUMMARY_FROM or item.job_id is None:
            return []
        job = await self._queue.get(item.job_id)
        meta = job.payload.get("meta") if job is not None else None
        links = meta.get("links") if isinstance(meta, dict) else None
        return [str(link) for link in links] if isinstance(links, list) else []

    async def link_outcome(self, message_id: int, link: str) -> Outcome | None:
        """How a link of the message ended, from its job found again under the message's key
        (queueing is idempotent per key); None for a link refused when posted, answered then."""
        queued = await self._ingest.enqueue_link(link, key=message_key(message_id), meta={})
        if queued.job is None:
            return None
        if queued.created:  # cannot happen unless the job was deleted: it is worked quietly
            log.warning("the job of %s on message %s was gone", link, message_id)
        return finished_outcome(queued.job)


class IngestWaiters:
    """/ingest commands waiting for their job's outcome, which reaches the bot as an outbox row
    whichever process ran the job; one that stopped waiting gets it posted in the channel."""

    def __init__(self) -> None:
        self._waiting: dict[int, asyncio.Future[Outcome]] = {}  # job id -> its /ingest

    async def wait(self, job_id: int, within: float) -> Outcome | None:
        """The job's outcome within `within` seconds; None when it takes longer."""
        waiter: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiting[job_id] = waiter
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(waiter), timeout=within)
        self._waiting.pop(job_id, None)
        return waiter.result() if waiter.done() else None

    def answer(self, job_id: int | None, outcome: Outcome) -> bool:
        """Hand an outcome to the /ingest waiting for it; False when none waits (any more)."""
        waiter = self._waiting.pop(job_id, None) if job_id is not None else None
        if waiter is None or waiter.done():
            return False
        waiter.set_result(outcome)
        return True
