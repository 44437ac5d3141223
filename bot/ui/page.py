"""Discord answers as pages of embeds, built per command from the services' dataclasses.

A builder (`bot/ui/embeds/`) writes an answer as blocks — an opening sentence, paragraphs,
fields — already escaped (`bot.ui.escape`, `bot.ui.links`). `EmbedBook` packs them into embeds
within Discord's limits (title 256, description 4,096, 25 fields of 1,024, 6,000 characters a
message) and numbers the pages; `Answer` holds the pages with the files the embeds show
(`attachment://timeline.png`) and the JSON export, and `bot.ui.pager.Pager` pages through it.
Limits, pagination and escaping live here, in the Discord layer, not in the renderers.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.ui.escape import escape_corpus

COLOUR = discord.Colour.from_rgb(52, 101, 164)
NO_MENTIONS = discord.AllowedMentions.none()
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELDS_PER_EMBED = 25
MESSAGE_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10
FOOTER_ROOM = 64  # "Page 12 of 40 · …" and a short note
CONTINUED = " (continued)"


@dataclass(frozen=True)
class Attachment:
    """A file sent with the answer, shown inside an embed as `attachment://NAME`."""

    filename: str
    data: bytes

    @property
    def url(self) -> str:
        """What an embed's image points at."""
        return f"attachment://{self.filename}"

    def to_file(self) -> discord.File:
        """A fresh discord.File (a File can be sent once)."""
        return discord.File(io.BytesIO(self.data), filename=self.filename)


@dataclass(frozen=True)
class Export:
    """The whole answer as JSON, sent to the asker by the Export button."""

    data: Any
    name: str

    def to_file(self) -> discord.File:
        """The JSON as an attachment."""
        body = json.dumps(self.data, ensure_ascii=False, indent=2).encode()
        return discord.File(io.BytesIO(body), filename=f"{self.name}.json")


@dataclass(frozen=True)
class Page:
    """What one message shows at a time: up to ten embeds within 6,000 characters."""

    embeds: tuple[discord.Embed, ...]


@dataclass(frozen=True)
class Suggestion:
    """A button under an answer that found nothing: the same command again with some options
    changed (`None` clears one), e.g. the nearest year that has articles."""

    label: str
    changes: tuple[tuple[str, str | None], ...]  # (the command's parameter name, new value)


@dataclass
class Answer:
    """A command's answer for Discord: its pages, the files they show, the export, and what
    to try instead when it found nothing."""

    pages: list[Page]
    attachments: tuple[Attachment, ...] = ()
    export: Export | None = None
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)


def fit(plain: str, limit: int) -> str:
    """Plain corpus text on one line (whitespace runs made one space), escaped, and cut at a
    word boundary so the *escaped* text fits."""
    plain = " ".join(plain.split())
    escaped = escape_corpus(plain)
    end = len(plain)
    while len(escaped) > limit and end > 0:
        end = max(0, min(end - 1, end * (limit - 1) // len(escaped)))
        cut = plain[:end]
        space = cut.rfind(" ")
        if space > max(0, end - 40):
            cut = cut[:space]
        escaped = escape_corpus(cut.rstrip() + "…")
    return escaped if len(escaped) <= limit else "…"


_OWN_LINK = re.compile(r"\[(?:\\.|[^\\\]\n])*\]\(https?://[^\s()]*\)")


def cut_markup(markup: str, limit: int) -> str:
    """Markup lines kept whole while they fit; a line longer than `limit` alone is cut at a
    space outside any of our links, never through one or through an escape, ending in `…`."""
    if len(markup) <= limit:
        return markup
    kept: list[str] = []
    size = 0
    for line in markup.split("\n"):
        extra = len(line) + (1 if kept else 0)
        if size + extra > limit - 2:
            break
        kept.append(line)
        size += extra
    if kept:
        return "\n".join(kept) + "\n…"
    cut = limit - 1
    for link in _OWN_LINK.finditer(markup):
        if link.start() >= cut:
            break
        if cut < link.end():
            cut = link.start()
    space = markup.rfind(" ", 0, cut + 1)
    if space > max(0, cut - 40):
        cut = space
    head = markup[:cut]
    trailing = len(head) - len(head.rstrip("\\"))
    if trailing % 2:
        head = head[:-1]  # half an escape would escape the ellipsis
    return head.rstrip() + "…"


@dataclass
class _Sheet:
    """One embed being filled."""

    description: list[str] = field(default_factory=list)
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    size: int = 0

    def empty(self) -> bool:
        return not self.description and not self.fields

    def description_length(self) -> int:
        return len("\n\n".join(self.description))


class EmbedBook:
    """Packs escaped blocks into numbered embeds that each fit Discord's limits.

    Paragraphs fill the description; fields follow it. A paragraph after a field starts a new
    page, since Discord always shows the description above the fields. The opening sentence
    heads the first page only; the title and image go on every page, so paging through an
    answer never drops its chart or its heading.
    """

    def __init__(
        self,
        title: str,
        *,
        opening: str | None = None,
        image: Attachment | None = None,
        url: str | None = None,
        colour: discord.Colour = COLOUR,
        footer: str | None = None,
    ) -> None:
        self.title = fit(title, TITLE_LIMIT)  # cut before escaping: no half an escape
        self.image = image
        self.url = url
        self.colour = colour
        self.footer = " ".join((footer or "").split())[:FOOTER_ROOM] or None
        self._sheets: list[_Sheet] = [_Sheet()]
        self._budget = MESSAGE_TOTAL - len(self.title) - FOOTER_ROOM - 8
        if opening:
            self.paragraph(fit(opening, DESCRIPTION_LIMIT // 4))

    @property
    def _sheet(self) -> _Sheet:
        return self._sheets[-1]

    def new_page(self) -> None:
        """Start the next page (a no-op on an empty one)."""
        if not self._sheet.empty():
            self._sheets.append(_Sheet())

    def paragraph(self, markup: str) -> None:
        """A paragraph of the description (escaped markup), cut to fit when it alone cannot."""
        markup = cut_markup(markup.strip(), DESCRIPTION_LIMIT - 8)
        if not markup:
            return
        sheet = self._sheet
        grown = sheet.description_length() + len(markup) + (2 if sheet.description else 0)
        if sheet.fields or grown > DESCRIPTION_LIMIT or sheet.size + len(markup) > self._budget:
            self.new_page()
            sheet = self._sheet
        sheet.description.append(markup)
        sheet.size += len(markup) + 2

    def lines(self, lines: Iterable[str]) -> None:
        """Description lines, each kept whole, split over pages as they fill."""
        block: list[str] = []
        size = 0
        for raw in lines:
            line = cut_markup(raw, DESCRIPTION_LIMIT // 2)
            free = DESCRIPTION_LIMIT - self._sheet.description_length() - 2
            free = min(free, self._budget - self._sheet.size)
            if block and size + len(line) + 1 > free:
                self.paragraph("\n".join(block))
                self.new_page()
                block, size = [], 0
            block.append(line)
            size += len(line) + 1
        if block:
            self.paragraph("\n".join(block))

    def field(self, name: str, value: str, *, inline: bool = False) -> None:
        """A field (name and value are escaped markup); a long value continues in more fields
        named `NAME (continued)`, split between lines."""
        name = cut_markup(" ".join(name.split()) or "\u200b", FIELD_NAME_LIMIT - len(CONTINUED))
        chunks = _chunks(value.strip() or "—", FIELD_VALUE_LIMIT)
        for number, chunk in enumerate(chunks):
            label = name + (CONTINUED if number else "")
            self._add_field(label, chunk, inline and len(chunks) == 1)

    def _add_field(self, name: str, value: str, inline: bool) -> None:
        sheet = self._sheet
        cost = len(name) + len(value)
        if len(sheet.fields) >= FIELDS_PER_EMBED or sheet.size + cost > self._budget:
            self.new_page()
            sheet = self._sheet
        sheet.fields.append((name, value, inline))
        sheet.size += cost

    def embeds(self) -> list[discord.Embed]:
        """The filled embeds, numbered `Page i of n` when there is more than one."""
        sheets = [s for s in self._sheets if not s.empty()] or [_Sheet(["(empty)"])]
        embeds = []
        for number, sheet in enumerate(sheets, start=1):
            embed = discord.Embed(
                title=self.title or None,
                description="\n\n".join(sheet.description) or None,
                colour=self.colour,
                url=self.url,
            )
            for name, value, inline in sheet.fields:
                embed.add_field(name=name, value=value, inline=inline)
            if self.image is not None:
                embed.set_image(url=self.image.url)
            footer = [f"Page {number} of {len(sheets)}"] if len(sheets) > 1 else []
            footer += [self.footer] if self.footer else []
            if footer:
                embed.set_footer(text=" · ".join(footer))
            embeds.append(embed)
        return embeds

    def pages(self) -> list[Page]:
        """One embed per page."""
        return [Page((embed,)) for embed in self.embeds()]


def _chunks(value: str, limit: int) -> list[str]:
    """Split a field value between lines into pieces of at most `limit` characters."""
    chunks: list[str] = []
    current = ""
    for raw in value.split("\n"):
        line = cut_markup(raw, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    if current:
        chunks.append(current)
    return chunks


def group_embeds(embeds: Sequence[discord.Embed]) -> list[Page]:
    """Several embeds per message (an embed per story), at most ten and 6,000 characters each."""
    pages: list[Page] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        length = len(embed)
        if current and (len(current) >= EMBEDS_PER_MESSAGE or size + length > MESSAGE_TOTAL):
            pages.append(Page(tuple(current)))
            current, size = [], 0
        current.append(embed)
        size += length
    if current:
        pages.append(Page(tuple(current)))
    return pages


def answer(
    book: EmbedBook,
    export: Export | None = None,
    attachments: Sequence[Attachment] = (),
    suggestions: Sequence[Suggestion] = (),
) -> Answer:
    """An answer of one book of embeds, with its image attached when it has one."""
    files = list(attachments)
    if book.image is not None and book.image not in files:
        files.insert(0, book.image)
    return Answer(book.pages(), tuple(files), export, tuple(suggestions))
