"""Escaping for Discord: nothing an article says may render as a link, heading, spoiler or mention.

Corpus text (titles, site names, quotes, sentences) reaches Discord inside the renderers' lines.
Every Markdown-significant character in it is backslash-escaped; the renderer's own markup stays:
its citations `[#4 ABC News, 2015-11-23]` and dates `[2015-11-23]` keep their brackets (what
is inside them is escaped) and its `- ` bullets stay. A masked link needs `](` side by side,
so a `(` after such a bracket is escaped too. URLs stay clickable (Discord links them by
itself) with the characters that could build Markdown around them percent-encoded; Discord's
URL runs on to the next space or `<`, so a URL right before an escaped `<` or `]` is closed
with `<>` lest it swallow the escape's backslash.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_INLINE = frozenset("\\*_~|`[]<>@")  # `(` only matters after `]`: see escape_line
_URL = re.compile(  # as Discord finds them, and a run up to `<` (Discord's takes its escape)
    r"https?://[^\s<]+[^<.,:;\"')\]\s]|https?://[^\s<]+(?=<)"
)
_URL_UNSAFE = frozenset('[]()<>*|`"{}\\')  # percent-encoded, with whitespace and controls
_URL_RUNS_ON = re.compile(r"[.,:;\"')]*[\]<]")  # Discord's URL would take the next escape's `\`
_CITATION = re.compile(
    r"\[#\d+(?:(?!://)[^\[\]\n])*\]"  # cite(); never holding a URL, which would run out of it
    r"|\[(?:undated|\d{4}(?:-\d{2}){0,2})\]"  # article_line()
)
_URL_OR_CITATION = re.compile(rf"(?P<url>{_URL.pattern})|{_CITATION.pattern}")
_HEADING = re.compile(r"^(\s*(?:(?:[-+]|\d+\.) +)*)(#+(?=\s|$)|-(?=#))")  # after list marks


def safe_url(url: str) -> str:
    """A URL with every character that could make Markdown around it percent-encoded."""
    return "".join(quote(c, safe="") if _unsafe_in_url(c) else c for c in url)


def _unsafe_in_url(char: str) -> bool:
    return char in _URL_UNSAFE or char.isspace() or not char.isprintable()


def _inline(text: str) -> str:
    """Backslash before every character that is Markdown or a mention anywhere in a line."""
    return "".join(f"\\{c}" if c in _INLINE else c for c in text)


def _plain(text: str) -> str:
    """Text without renderer markup: URLs kept (made safe), everything else escaped."""
    out, end = [], 0
    for match in _URL.finditer(text):
        out += [_inline(text[end : match.start()]), _link(match.group(), text, match.end())]
        end = match.end()
    return "".join([*out, _inline(text[end:])])


def _link(url: str, text: str, end: int) -> str:
    """A URL as Discord will see it: made safe, and in `<>` when an escaped `]` or `<` follows
    it (after `.,:;"')`): Discord's URL runs on to the next whitespace or `<`, so it would take
    that escape's backslash and leave the `<` (which could start a link or a mention) bare."""
    safe = safe_url(url)
    return f"<{safe}>" if _URL_RUNS_ON.match(text, end) else safe


def escape_corpus(text: str) -> str:
    """Corpus text alone (a title, a name): every Markdown character and mention escaped."""
    return "\n".join(_line_start(_plain(line)) for line in text.splitlines())


def _line_start(line: str) -> str:
    """Escape what is Markdown at line start: headings, `-#` subtext (after list marks)."""
    return _HEADING.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line, count=1)


def escape_line(line: str) -> str:
    """One rendered line: corpus text escaped, the renderer's citations kept, and no `](` left
    that could start a masked link."""
    out, end = [], 0
    for match in _URL_OR_CITATION.finditer(line):  # a URL runs over a citation, as in Discord
        token = match.group()
        own = _link(token, line, match.end()) if match["url"] else f"[{_plain(token[1:-1])}]"
        out += [_inline(line[end : match.start()]), own]
        end = match.end()
    text = "".join([*out, _inline(line[end:])]).replace("](", "]\\(")
    return _line_start(text)


def escape_text(text: str) -> str:
    """Rendered text, line by line (see `escape_line`)."""
    return "\n".join(escape_line(line) for line in text.splitlines())
