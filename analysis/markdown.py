"""Markdown to plain text before cleaning: headings, emphasis, links and images unwrapped."""

from __future__ import annotations

import logging
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

log = logging.getLogger(__name__)

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_BLOCK_ENDS = {"paragraph_close", "heading_close", "tr_close", "hr"}


def markdown_to_text(md: str) -> str:
    """Strip Markdown syntax (headings, emphasis, links, images, code fences) to plain text."""
    try:
        tokens = _MARKDOWN.parse(md)
    except Exception:  # a parser failure must not stop ingestion: keep the text
        log.warning("markdown parse failed; keeping the text as written", exc_info=True)
        return md
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts.append(_inline_text(token))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content.rstrip("\n") + "\n\n")
        elif token.type in ("th_close", "td_close"):
            parts.append(" ")
        elif token.type in _BLOCK_ENDS:
            parts.append("\n\n" if token.type != "tr_close" else "\n")
    lines = (line.rstrip() for line in "".join(parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _inline_text(token: Token) -> str:
    """Text of an inline token: link text kept, images and raw HTML dropped, breaks folded."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
    return "".join(out)
