"""Links in a chat message: which to read, and when a message is answered.

Members paste links every way chat allows: bare, in angle brackets (to suppress the preview), as
Markdown `[text](url)`, behind spoiler bars, at the end of a sentence. `find_links` takes out the
addresses themselves; two spellings of one page (tracking parameters, case) count once. At most
`MAX_LINKS` of them are read; the member is told how many more were not. A message with
`SUMMARY_FROM` links or more is answered with one summary (`in_replies`), not a reply each.

A job's end reaches the bot as an outbox row (`outcome_of` reads it back), whichever process ran
the job; `MessageProgress` tells from the database alone when a message's sources are all
answered, so ⏳ comes off after a restart or when another process did the work. The cards
members read are `bot.services.link_cards`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from analysis.urls import normalise_url
from bot.services.ingest import DUPLICATE, FAILED, NEW, Outcome
from storage.jobs import DONE

if TYPE_CHECKING:
    from storage.jobs import JobQueue
    from storage.outbox import OutboxItem, OutboxRepository

log = logging.getLogger(__name__)

MAX_LINKS = 50
SUMMARY_FROM = 6  # links in one message answered by one summary instead of a reply each
REPLY_LIMIT = 2000
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
    """Whether every source of a chat message has been answered, from the database alone."""

    def __init__(self, queue: JobQueue, outbox: OutboxRepository) -> None:
        self._queue = queue
        self._outbox = outbox

    async def all_answered(self, message_id: int, *, besides: int) -> bool:
        """No job of the message is unfinished and no answer but row `besides` still waits.

        Jobs are read first: a job ending in between has written its outbox row by then.
        """
        if await self._queue.unfinished_under(message_key(message_id) + ":"):
            return False
        return await self._outbox.undelivered_for_message(message_id, besides=besides) == 0
