"""Text answers about followed feeds: the list with each feed's health, imports, and polls.

Plain text and a JSON-ready dict for each answer, as `analyst feed ... [--json]` prints them.
Times are shown in UTC to the minute; the JSON has them in ISO 8601.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.render.corpus import ingest_summary_json, ingest_summary_text
from storage.feeds import PAUSED, FeedRecord

if TYPE_CHECKING:
    from bot.services.feed_poller import FeedPoll, PollReport
    from bot.services.feeds import ImportResult
    from bot.services.ingest import Outcome


def when(moment: datetime | None) -> str:
    """A moment as `2026-12-05 10:40 UTC`; "never" when there is none."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _state(feed: FeedRecord) -> str:
    """`active, cards`, `paused: why`, with the failures in a row when there are some."""
    if feed.status == PAUSED:
        return f"paused: {feed.pause_reason or 'too many failures'}"
    mode = "cards" if feed.mode == "cards" else "digest only"
    if feed.is_file:
        mode = "saved file"
    failing = f", {_plural(feed.failures, 'failure')} in a row" if feed.failures else ""
    return f"active, {mode}{failing}"


def feed_lines(feed: FeedRecord) -> list[str]:
    """One feed of the list: number, title, state; its address; its health."""
    lines = [f"#{feed.id} {feed.label} ({_state(feed)})", f"    {feed.url}"]
    health = (
        f"    last poll {when(feed.last_polled_at)}, last success {when(feed.last_success_at)};"
        f" {feed.last_new_items} new last time, {feed.total_items} in all"
    )
    if feed.status != PAUSED and not feed.is_file:
        health += f"; next poll {when(feed.next_poll_at)}"
    lines.append(health)
    if feed.last_error:
        lines.append(f"    last error: {feed.last_error}")
    return lines


def feeds_text(feeds: Sequence[FeedRecord]) -> str:
    """`analyst feed list`."""
    if not feeds:
        return "No feeds followed. Follow one with `analyst feed add URL`."
    lines = [_plural(len(feeds), "feed")]
    for feed in feeds:
        lines += feed_lines(feed)
    return "\n".join(lines)


def feed_json(feed: FeedRecord) -> dict[str, Any]:
    """One feed and its health, as `--json` gives it."""
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "mode": feed.mode,
        "as_threads": feed.as_threads,
        "status": feed.status,
        "pause_reason": feed.pause_reason,
        "last_polled_at": _iso(feed.last_polled_at),
        "last_success_at": _iso(feed.last_success_at),
        "last_new_items": feed.last_new_items,
        "total_items": feed.total_items,
        "last_error": feed.last_error,
        "failures": feed.failures,
        "next_poll_at": _iso(feed.next_poll_at),
        "saved_file": feed.is_file,
    }


def feeds_json(feeds: Sequence[FeedRecord]) -> dict[str, Any]:
    """`analyst feed list --json`."""
    return {"feeds": [feed_json(f) for f in feeds]}


def import_text(result: ImportResult) -> str:
    """`analyst feed import`: how many were followed, then what was skipped and why."""
    lines = [
        f"{len(result.added)} followed, {len(result.skipped)} already followed,"
        f" {len(result.problems)} not followed"
    ]
    lines += [f"  followed  #{f.id} {f.label}" for f in result.added]
    lines += [f"  skipped   {url}: already followed" for url in result.skipped]
    lines += [f"  problem   {problem}" for problem in result.problems]
    return "\n".join(lines)


def import_json(result: ImportResult) -> dict[str, Any]:
    """`analyst feed import --json`."""
    return {
        "added": [feed_json(f) for f in result.added],
        "skipped": list(result.skipped),
        "problems": list(result.problems),
    }


def _poll_line(poll: FeedPoll) -> str:
    """One feed's poll: what came in, or why not."""
    if poll.status == "new":
        notes = []
        if poll.more:
            notes.append(f"{poll.posted} to post, {poll.more} for the digest")
        if poll.no_link:
            notes.append(f"{poll.no_link} without a web link skipped")
        if poll.refused:
            notes.append(f"{len(poll.refused)} refused")
        extra = f" ({'; '.join(notes)})" if notes else ""
        return f"  new          {poll.label}: {_plural(poll.new_items, 'new item')}{extra}"
    if poll.status == "not modified":
        return f"  not modified {poll.label}"
    if poll.status == "failed":
        retry = f"; next try {when(poll.next_poll_at)}" if poll.next_poll_at else ""
        return f"  failed       {poll.label}: {poll.error} ({poll.failures} in a row{retry})"
    if poll.status == "paused":
        return f"  paused       {poll.label}: {poll.error} ({poll.failures} failures in a row)"
    if poll.status == "busy":
        return f"  skipped      {poll.label}: its site was busy with another process; next round"
    return f"  skipped      {poll.label}: another process polled it"


def poll_lines(report: PollReport, *, quiet: bool = False) -> list[str]:
    """One line per feed polled (without the 304s when `quiet`), then each refused link."""
    lines = [_poll_line(p) for p in report.polls if not (quiet and p.status == "not modified")]
    for poll in report.polls:
        lines += [f"  refused      {reason}" for reason in poll.refused]
    return lines


def poll_text(report: PollReport, outcomes: Sequence[Outcome] | None = None) -> str:
    """`analyst feed poll --once`: each feed's poll, then what its items became."""
    if not report.polls:
        return "No feed was due. `analyst feed poll --once --all` polls them all now."
    counts = Counter(p.status for p in report.polls)
    shown = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    lines = [f"polled {_plural(len(report.polls), 'feed')}: {shown}", *poll_lines(report)]
    if outcomes is not None:
        lines += ["", ingest_summary_text(outcomes) if outcomes else "No new items to ingest."]
    elif report.job_ids:
        queued = _plural(len(report.job_ids), "link")
        lines += ["", f"{queued} queued; `analyst worker --once` fetches and ingests them."]
    return "\n".join(lines)


def poll_json(report: PollReport, outcomes: Sequence[Outcome] | None = None) -> dict[str, Any]:
    """`analyst feed poll --once --json`."""
    polls = [
        {
            "feed_id": p.feed_id,
            "title": p.label,
            "url": p.url,
            "status": p.status,
            "new_items": p.new_items,
            "posted": p.posted,
            "more": p.more,
            "no_link": p.no_link,
            "refused": list(p.refused),
            "error": p.error,
            "failures": p.failures,
            "next_poll_at": _iso(p.next_poll_at),
            "job_ids": list(p.job_ids),
        }
        for p in report.polls
    ]
    data: dict[str, Any] = {"polls": polls, "new_items": report.new_items}
    if outcomes is not None:
        data["ingest"] = ingest_summary_json(outcomes)
    return data
