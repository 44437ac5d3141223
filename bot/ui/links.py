"""Citations a member can click: `[The Week, 15 Oct 2024](https://…)`, never a server path.

The link's target is the article's stored canonical URL (taken at ingestion from the fetched
address or the page's own canonical link), never anything inside the article text, and only
when it is an http(s) URL. An article read from a file or an attachment shows its file name
alone: the path it was read from is the server's business (`/article show` and the Export keep
the full provenance). The label is corpus text (an outlet, a title) and is escaped completely.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.services.date_text import human_date
from bot.ui.escape import escape_corpus, safe_url

if TYPE_CHECKING:  # a plain record, for typing only
    from storage.records_cite import ArticleRef

LABEL_LIMIT = 80
URL_LIMIT = 512  # longer addresses are shown as their label alone: a cut link would mislead


def web_url(ref: ArticleRef) -> str | None:
    """The article's stored http(s) URL, or None for files, attachments and odd schemes."""
    return web_address(ref.url)


def link_address(stored: str | None) -> str | None:
    """An address Discord makes a link of: http(s) with a host, the scheme in lower case
    ("HTTP://…": Discord links lower case only); None otherwise."""
    url = (stored or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return parts.scheme.lower() + url[len(parts.scheme) :]


def web_address(stored: str | None) -> str | None:
    """A stored address that may be linked (`link_address`), and short enough once made safe
    (a cut link would mislead); None otherwise."""
    url = link_address(stored)
    return url if url is not None and len(safe_url(url)) <= URL_LIMIT else None


def file_name(ref: ArticleRef) -> str:
    """The last part of the path an article was read from: no folders, on any system."""
    source = ref.source.strip()
    name = " ".join(PureWindowsPath(PurePosixPath(source).name).name.split())
    if len(name) > LABEL_LIMIT:
        name = name[: LABEL_LIMIT - 1] + "…"
    return name or "file"


def source_label(ref: ArticleRef) -> str:
    """`The Week, 15 Oct 2024` (plain text): the outlet, else the site or file, and the date."""
    where = ref.outlet or _site(ref) or file_name(ref)
    where = " ".join(where.split())
    if len(where) > LABEL_LIMIT:
        where = where[: LABEL_LIMIT - 1].rstrip() + "…"
    return f"{where}, {human_date(ref.published, ref.date_precision)}"


def _site(ref: ArticleRef) -> str | None:
    url = web_url(ref)
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def source_link(ref: ArticleRef, label: str | None = None) -> str:
    """Discord markup for one source: a masked link where the article has a web URL, else the
    escaped label (with the file name when the label does not already say it)."""
    text = _label_markup(label if label is not None else source_label(ref))
    url = web_url(ref)
    if url is not None:
        return f"[{text}]({safe_url(url)})"
    name = file_name(ref)
    if label is None and ref.outlet is None:
        return text  # the label is the file name already
    return f"{text} · {escape_corpus(name)}"


def _label_markup(label: str) -> str:
    """A link label escaped, on one line, with no URL of its own: a label that looked like
    another address would tell the member the link goes somewhere it does not."""
    return escape_corpus(" ".join(label.split()).replace("://", ": //"))


def source_links(refs: list[ArticleRef] | tuple[ArticleRef, ...], limit: int = 5) -> str:
    """Several sources for one line, each once, at most `limit` (then `+N more`)."""
    seen: dict[int, ArticleRef] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    shown = [source_link(ref) for ref in list(seen.values())[:limit]]
    more = len(seen) - limit
    return " · ".join(shown) + (f" · +{more} more" if more > 0 else "")
