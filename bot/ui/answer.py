"""A text answer (the renderer's lines) as Discord embeds, safely escaped.

Commands build their embeds from the services' dataclasses (`bot/ui/embeds/`); this is for the
few answers that are lines of text by nature (help, settings) and for `payload_answer`, which
wraps such a text as an `Answer` for the one pager.

Corpus text can hold Markdown, masked links and "@everyone": `bot.ui.escape` escapes all of it
(the renderer's citations, bullets and, in search answers, `**word**` highlights are the markup
let through) and every message is sent with no allowed mentions, so nothing an article says can
render as a link, heading, spoiler or mention, or ping anyone.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

import discord

from bot.render.cite import DISCORD_EMBED_LIMIT, paginate
from bot.ui.escape import escape_line
from bot.ui.page import COLOUR, NO_MENTIONS, TITLE_LIMIT, Answer, Attachment, Export, Page

__all__ = ["COLOUR", "NO_MENTIONS", "AnswerPayload", "payload_answer"]


@dataclass(frozen=True)
class AnswerPayload:
    """One answer ready for Discord: text from the shared renderer, JSON for export, a chart."""

    title: str
    text: str
    data: Any
    chart: bytes | None = None
    export_name: str = "answer"
    highlights: bool = False  # search answers: the renderer's `**word**` bold is kept


def discord_safe(text: str, *, highlights: bool = False) -> str:
    """One rendered line with its corpus text escaped (see `bot.ui.escape.escape_line`)."""
    return escape_line(text, highlights=highlights)


def embed_title(text: str) -> str:
    """A title on one line, escaped, within Discord's 256 characters: cut before escaping (then
    ended with `…`), as a cut through escaped text could leave half an escape or a link's `<`."""
    plain = " ".join(text.split())
    title = discord_safe(plain)
    while len(title) > TITLE_LIMIT:
        plain = plain[: max(0, len(plain) - (len(title) - TITLE_LIMIT) - 1)]
        title = discord_safe(plain.rstrip() + "…")
    return title


def embed_pages(payload: AnswerPayload) -> list[discord.Embed]:
    """The answer split into embeds of at most 4,096 characters, never mid-line."""
    lines = [
        discord_safe(line, highlights=payload.highlights) for line in payload.text.splitlines()
    ]
    pages = paginate(lines, limit=DISCORD_EMBED_LIMIT - 16) or ["(empty)"]
    title = embed_title(payload.title)
    embeds = []
    for number, page in enumerate(pages, start=1):
        embed = discord.Embed(title=title, description=page, colour=COLOUR)
        if len(pages) > 1:
            embed.set_footer(text=f"Page {number} of {len(pages)}")
        embeds.append(embed)
    return embeds


def export_file(payload: AnswerPayload) -> discord.File:
    """The full answer as a JSON attachment."""
    body = json.dumps(payload.data, ensure_ascii=False, indent=2).encode()
    return discord.File(io.BytesIO(body), filename=f"{payload.export_name}.json")


def chart_file(payload: AnswerPayload) -> discord.File | None:
    """The answer's chart as a PNG attachment, when it has one."""
    if payload.chart is None:
        return None
    return discord.File(io.BytesIO(payload.chart), filename=f"{payload.export_name}.png")


def payload_answer(payload: AnswerPayload) -> Answer:
    """The text answer as pages for the pager, its chart shown inside every page's embed."""
    chart = (
        Attachment(f"{payload.export_name}.png", payload.chart)
        if payload.chart is not None
        else None
    )
    pages = []
    for embed in embed_pages(payload):
        if chart is not None:
            embed.set_image(url=chart.url)
        pages.append(Page((embed,)))
    export = Export(payload.data, payload.export_name)
    return Answer(pages, (chart,) if chart else (), export)
