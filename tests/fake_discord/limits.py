"""Discord's size limits, checked so a message the real API would refuse fails in tests too.

https://discord.com/developers/docs/resources/message#embed-object-embed-limits
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Json = dict[str, Any]

EMBED_TEXT_LIMITS = {"title": 256, "description": 4096}
EMBED_TOTAL = 6000
MAX_EMBEDS = 10
MAX_FIELDS = 25
MAX_CONTENT = 2000
MAX_ROWS = 5
MAX_ROW_ITEMS = 5
MAX_CHOICES = 25
THREAD_NAME = 100
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)


def message_problems(body: Json, *, has_files: bool = False, editing: bool = False) -> list[str]:
    """Why Discord would answer 400 to this message body; empty when it would accept it."""
    problems = []
    content = body.get("content") or ""
    if len(content) > MAX_CONTENT:
        problems.append(f"content: {len(content)} characters > {MAX_CONTENT}")
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        problems.append(f"embeds: {len(embeds)} > {MAX_EMBEDS}")
    problems += [p for i, embed in enumerate(embeds) for p in _embed_problems(i, embed)]
    total = sum(_embed_length(e) for e in embeds)
    if total > EMBED_TOTAL:
        problems.append(f"embeds: {total} characters in all > {EMBED_TOTAL}")
    problems += list(_component_problems(body.get("components") or []))
    empty = not (content or embeds or body.get("components") or has_files or body.get("poll"))
    if empty and not editing and not body.get("attachments"):
        problems.append("Cannot send an empty message")
    return problems


def thread_problems(body: Json, *, forum: bool, has_files: bool = False) -> list[str]:
    """Why Discord would refuse to start this thread (a forum post needs its first message)."""
    problems = []
    name = body.get("name")
    if not isinstance(name, str) or not 1 <= len(name) <= THREAD_NAME:
        problems.append(f"name: must be 1-{THREAD_NAME} characters")
    archive = body.get("auto_archive_duration")
    if archive is not None and archive not in ARCHIVE_DURATIONS:
        problems.append(f"auto_archive_duration: {archive} is not one of {ARCHIVE_DURATIONS}")
    if forum:
        message = body.get("message")
        if not isinstance(message, dict):
            problems.append("message: a forum post needs its first message")
        else:
            problems += [f"message.{m}" for m in message_problems(message, has_files=has_files)]
    return problems


def choices_problems(data: Json) -> list[str]:
    """Why Discord would refuse this autocomplete result."""
    choices = data.get("choices") or []
    problems = [f"choices: {len(choices)} > {MAX_CHOICES}"] if len(choices) > MAX_CHOICES else []
    for i, choice in enumerate(choices):
        if not 1 <= len(str(choice.get("name", ""))) <= 100:
            problems.append(f"choices[{i}].name must be 1-100 characters")
        if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
            problems.append(f"choices[{i}].value must be at most 100 characters")
    return problems


def _embed_problems(index: int, embed: Json) -> Iterator[str]:
    """Per-embed limits: title, description, fields, footer and author."""
    for key, limit in EMBED_TEXT_LIMITS.items():
        if len(embed.get(key) or "") > limit:
            yield f"embeds[{index}].{key}: {len(embed[key])} characters > {limit}"
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        yield f"embeds[{index}].fields: {len(fields)} > {MAX_FIELDS}"
    for j, fld in enumerate(fields):
        if not 1 <= len(fld.get("name") or "") <= 256:
            yield f"embeds[{index}].fields[{j}].name must be 1-256 characters"
        if not 1 <= len(fld.get("value") or "") <= 1024:
            yield f"embeds[{index}].fields[{j}].value must be 1-1024 characters"
    if len((embed.get("footer") or {}).get("text") or "") > 2048:
        yield f"embeds[{index}].footer.text > 2048 characters"
    if len((embed.get("author") or {}).get("name") or "") > 256:
        yield f"embeds[{index}].author.name > 256 characters"


def _embed_length(embed: Json) -> int:
    """The characters Discord counts towards the 6,000 total."""
    fields = embed.get("fields") or []
    parts = [
        embed.get("title"),
        embed.get("description"),
        (embed.get("footer") or {}).get("text"),
        (embed.get("author") or {}).get("name"),
    ]
    parts += [f.get("name") for f in fields] + [f.get("value") for f in fields]
    return sum(len(p or "") for p in parts)


def _component_problems(rows: list[Json]) -> Iterator[str]:
    """Action rows of the classic (non-layout) kind: at most 5, each with at most 5 items."""
    classic = [row for row in rows if row.get("type") == 1]
    if len(classic) > MAX_ROWS:
        yield f"components: {len(classic)} action rows > {MAX_ROWS}"
    for i, row in enumerate(classic):
        items = row.get("components") or []
        if len(items) > MAX_ROW_ITEMS:
            yield f"components[{i}]: {len(items)} items > {MAX_ROW_ITEMS}"
        for item in items:
            if len(item.get("custom_id") or "") > 100:
                yield f"components[{i}]: custom_id longer than 100 characters"
            if len(item.get("label") or "") > 80:
                yield f"components[{i}]: label longer than 80 characters"
