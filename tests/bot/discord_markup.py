"""What Discord would make of a text the bot sends: live markup, and messages past Discord's limits.

The escaping under test (`bot.ui.escape`) is judged by Discord's own parsing rules, read the way
simple-markdown (which Discord's client builds on) reads them, so that a leak is counted only
when Discord would really render it:

- a backslash escapes the next character only when that is neither an ASCII letter or digit nor
  whitespace (`\\\\a` is a backslash and an `a`; a backslash before a newline does not hide the
  next line's start);
- a bare URL runs over everything up to whitespace or `<`, a backslash included, and ends on a
  character other than `<.,:;"')]`; `<https://…>` is a link too. Both show their own address,
  so they count as text, not markup (a masked link is what hides an address).

Everything else Markdown-significant that survives unescaped is reported: `](` (a masked link),
the start of an angle construct (`<@` users and roles, `<#` channels, `<:`/`<a:` emoji, `<t:`
timestamps, `</` commands, `<id:` server pages) and a `<scheme:/…>` link to anything but http(s)
(Discord reads it backslashes and all), `@everyone`/`@here`, `||` (spoilers), backticks, `*`,
`_` and `~` emphasis (search answers keep their `**` bold), and, at a line's start after list
marks, headings, `-#` subtext and block quotes. A bare `<` starting none of these is only text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import discord

_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_UNITS = re.compile(
    rf"(?P<url><(?i:https?)://[^ >]+>|https?://[^{_JS_SPACE}<]+[^<.,:;\"')\]{_JS_SPACE}])"
    rf"|\\(?P<escaped>[^0-9A-Za-z{_JS_SPACE}])"
    r"|(?P<char>[\s\S])"
)
_INLINE = re.compile(r"\]\(|<(?=[@#:/]|a:|t:|id:)|@everyone|@here|\|\||`|\*|_|~")
_AUTOLINK = re.compile(r"<([^: >]+):/[^ >]+>")  # simple-markdown's, on the text as sent
_LINE_START = re.compile(r"^[ \t]*(?:(?:[-+*]|\d+\.)[ \t]+)*(?:#+(?:[ \t]|$)|-#|>)")

TITLE, DESCRIPTION, FIELDS, FIELD_NAME, FIELD_VALUE = 256, 4096, 25, 256, 1024
FOOTER, AUTHOR, EMBED_TOTAL, EMBEDS, CONTENT = 2048, 256, 6000, 10, 2000


def discord_reads(text: str) -> str:
    """The text as Discord's parser sees it: a URL becomes `U`, an escaped character `.`."""
    units = _UNITS.finditer(text)
    return "".join("U" if u["url"] else "." if u["escaped"] else u["char"] for u in units)


def _odd_links(text: str) -> list[str]:
    """`<scheme:/…>` links to anything but http(s) that start at a bare `<`."""
    found = []
    for unit in _UNITS.finditer(text):
        link = _AUTOLINK.match(text, unit.start()) if unit["char"] == "<" else None
        if link and link.group(1).lower() not in ("http", "https"):
            found.append(link.group())
    return found


def live_markup(text: str, *, bold: bool = False) -> list[str]:
    """Every piece of `text` Discord would render as markup (empty: plain text and URLs only);
    `bold` lets `**` through (search answers highlight the matching words)."""
    seen = discord_reads(text)
    if bold:
        seen = seen.replace("**", "")
    found = [m.group() for m in _INLINE.finditer(seen)] + _odd_links(text)
    found += [f"line start: {line!r}" for line in seen.split("\n") if _LINE_START.match(line)]
    return found


@dataclass
class Sent:
    """One message the bot sent or edited: its text, embeds and attachments."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    files: list[discord.File] = field(default_factory=list)
    allowed_mentions: discord.AllowedMentions | None = None
    view: discord.ui.View | None = None


def texts(message: Sent) -> list[str]:
    """Every text of a message a member reads: content, and each embed's every text field."""
    found = [message.content or ""]
    for embed in message.embeds:
        found += [embed.title or "", embed.description or "", embed.footer.text or ""]
        found += [embed.author.name or ""]
        for item in embed.fields:
            found += [item.name or "", item.value or ""]
    return found


def _embed_problems(embed: discord.Embed) -> Iterable[str]:
    sizes = [
        ("title", len(embed.title or ""), TITLE),
        ("description", len(embed.description or ""), DESCRIPTION),
        ("fields", len(embed.fields), FIELDS),
        ("footer", len(embed.footer.text or ""), FOOTER),
        ("author", len(embed.author.name or ""), AUTHOR),
        ("embed total", len(embed), EMBED_TOTAL),
    ]
    for item in embed.fields:
        sizes += [("field name", len(item.name or ""), FIELD_NAME)]
        sizes += [("field value", len(item.value or ""), FIELD_VALUE)]
    return [f"{what} {size} > {limit}" for what, size, limit in sizes if size > limit]


def over_limits(message: Sent) -> list[str]:
    """Every Discord limit the message breaks (Discord counts code points, as `len` does)."""
    problems = []
    if len(message.content or "") > CONTENT:
        problems.append(f"content {len(message.content or '')} > {CONTENT}")
    if len(message.embeds) > EMBEDS:
        problems.append(f"{len(message.embeds)} embeds > {EMBEDS}")
    if not message.content and not message.embeds and not message.files:
        problems.append("an empty message")
    for embed in message.embeds:
        problems += _embed_problems(embed)
        if not (embed.description or embed.title):
            problems.append("an embed with neither title nor description")
    return problems


def leaks(messages: Sequence[Sent], *, bold: bool = False) -> list[str]:
    """Live markup and broken limits over a whole answer, each with the text it was found in."""
    found = []
    for message in messages:
        found += [f"{p} in {message!r}" for p in over_limits(message)]
        for text in texts(message):
            found += [f"{m} in {text[:300]!r}" for m in live_markup(text, bold=bold)]
    return found


_MASKED = re.compile(r"(?<!\\)\[((?:\\[\s\S]|[^\\\]\n])*)\]\((https?://[^\s()<>]+)\)")
_QUOTE_BLOCK = re.compile(r"^> “", re.MULTILINE)
_TIMESTAMP = re.compile(r"<t:\d{1,12}(?::[tTdDfFR])?>")  # ours: a date in the reader's zone


def answer_markup(text: str, urls: Iterable[str]) -> list[str]:
    """Live markup in an embed answer beyond its own: masked links to the stored `urls` (whose
    labels must be plain), `**` bold and `> “` quote blocks are the builder's; anything else
    Discord would render (a link to another address, a mention, a spoiler, a heading) is found;
    `<t:…>` timestamps are the builder's too (a date shown in the reader's time zone)."""
    allowed = set(urls)
    found: list[str] = []
    rest, end = [], 0
    for link in _MASKED.finditer(text):
        if link.group(2) not in allowed:
            continue
        found += [f"in a link label: {m}" for m in live_markup(link.group(1))]
        rest += [text[end : link.start()], "L"]
        end = link.end()
    rest.append(text[end:])
    plain = _TIMESTAMP.sub("T", _QUOTE_BLOCK.sub("“", "".join(rest)))
    return found + live_markup(plain, bold=True)


def answer_leaks(messages: Sequence[Sent], urls: Iterable[str]) -> list[str]:
    """`answer_markup` and broken limits over a whole embed answer."""
    allowed = list(urls)
    found = []
    for message in messages:
        found += [f"{p} in {message!r}" for p in over_limits(message)]
        for text in texts(message):
            found += [f"{m} in {text[:300]!r}" for m in answer_markup(text, allowed)]
    return found
