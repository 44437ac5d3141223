"""Search highlights in Discord: the snippet's text escaped, only the hit spans in bold.

Storage returns a snippet as plain text with its hits as character spans. Here every piece of it
is corpus text, escaped completely by `escape_corpus`, and only the spans are wrapped in `**`,
so an article's own `**`, `__` or `[x](…)` stays text. A span never touches another (no `****`)
and its escaped text may end in an escape such as `\\*`: Discord reads `**deal\\***` as a bold
`deal*`. A span inside a URL (or right after one, where Discord's URL would run on over the `**`)
is not marked: the URL is kept whole and clickable, as `escape_corpus` keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.ui.escape import escape_corpus

BOLD = "**"
ELLIPSIS = "…"
SNIPPET_LIMIT = 600  # storage's are about 30 words; a longer one is cut
# Discord takes a URL up to the next whitespace or `<`: no `**` may go inside that run
_URL_RUN = re.compile(r"https?://[^\s<]*", re.IGNORECASE)
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # str.splitlines' own


def _clean(snippet: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans within the snippet, trimmed of whitespace, sorted, merged where they touch or
    overlap, and none inside or right after a URL."""
    urls = [(m.start(), m.end()) for m in _URL_RUN.finditer(snippet)]
    kept: list[tuple[int, int]] = []
    for given_start, given_end in sorted(spans):
        start, end = max(0, given_start), min(len(snippet), given_end)
        while start < end and snippet[start].isspace():
            start += 1
        while end > start and snippet[end - 1].isspace():
            end -= 1
        if start >= end or any(u_start < end and start <= u_end for u_start, u_end in urls):
            continue
        if kept and start <= kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def discord_snippet(
    snippet: str, spans: Iterable[tuple[int, int]], limit: int = SNIPPET_LIMIT
) -> str:
    """The snippet for a Discord message, on one line: all of it escaped, the spans in bold.

    A snippet longer than `limit` characters (a text with a huge "word") is cut at a space,
    ending in `…`, before it is escaped and marked, so no later cut can split a `**…**`.
    """
    snippet = _LINE_BREAK.sub(" ", snippet)  # one for one: the spans still fit
    if len(snippet) > limit:
        head = snippet[: limit - 1]
        space = head.rfind(" ")
        snippet = head[: space if space > limit // 2 else limit - 1].rstrip() + ELLIPSIS
        spans = [(start, min(end, len(snippet) - 1)) for start, end in spans]
    parts: list[str] = []
    at = 0
    for start, end in _clean(snippet, spans):
        parts += [escape_corpus(snippet[at:start]), BOLD, escape_corpus(snippet[start:end]), BOLD]
        at = end
    parts.append(escape_corpus(snippet[at:]))
    return "".join(parts)
