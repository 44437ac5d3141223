"""Web addresses as the corpus knows them: one normal form per page, tracking noise removed.

Two links to the same article differ in ways that do not change the page: upper-case host
names, a default port, `utm_*`/`fbclid`/`gclid` tracking parameters, parameter order, a
`#fragment`. `normalise_url` removes those (courlan does the host, port and path) so that dedup
by URL sees one address. It merges only what is surely one page: every other query parameter
stays (courlan's own tracker rule also drops `game`, `gallery`, `source`, `uid`...), and so does
a user name or password. Splitting one page in two costs a fetch, and the text dedup still
catches it; merging two pages answers a link with another page's article. `canonical_url`
prefers the address the page itself declares (`<link rel=canonical>`, or og:url), which also
folds mobile and AMP copies together.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url

log = logging.getLogger(__name__)

WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
# Parameters that only say where a click came from: ad and mail campaign tags, click ids.
_TRACKING = re.compile(
    r"utm_.*|(?:fb|g|d|tw|tt|y)clid|msclkid|[gw]braid|igsh(?:id)?|mc_[ce]id|_ga|_gl"
    r"|_hs(?:enc|mi)|mkt_tok|oly_(?:anon|enc)_id|vero_(?:conv|id)|srsltid",
    re.IGNORECASE,
)


def is_web_address(text: str) -> bool:
    """Say whether the text is an http(s) link with a host (what `analyst ingest` fetches)."""
    try:
        parts = urlsplit(text.strip())
        _port = parts.port  # raises on a port that is not a number or out of range
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def looks_like_link(text: str) -> bool:
    """Say whether a command-line argument was meant as a link (http://..., ftp://...)."""
    return _SCHEME.match(text.strip()) is not None


def scheme_of(text: str) -> str:
    """The scheme a link names ("ftp"), lower-case; "" when it names none."""
    match = _SCHEME.match(text.strip())
    return match.group(1).lower() if match else ""


def normalise_url(url: str) -> str | None:
    """Lower-case scheme and host, no default port, no tracking parameters or fragment.

    Query parameters that remain are sorted. Returns None for text that is not an http(s) link.
    """
    if not is_web_address(url):
        return None
    given = urlsplit(url.strip())
    try:  # courlan without the query: its tracker rule drops real parameters
        normal = normalize_url(given._replace(query=""), strict=False, trailing_slash=True)
    except ValueError:
        return None
    parts = urlsplit(normal)
    scheme = parts.scheme.lower()
    netloc = _userinfo(given) + _netloc(scheme, parts)
    return urlunsplit((scheme, netloc, parts.path or "/", _query(given.query), ""))


def _query(query: str) -> str:
    """The parameters without tracking ones, sorted by name (values of one name keep order)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not _TRACKING.fullmatch(name)]
    return urlencode(sorted(kept, key=lambda pair: pair[0]))


def _userinfo(parts: SplitResult) -> str:
    """`user:password@` as given (it names another account's page), or ""."""
    userinfo, at, _host = parts.netloc.rpartition("@")
    return userinfo + at


def _netloc(scheme: str, parts: SplitResult) -> str:
    """Host and non-default port, lower-case (the user name is added apart)."""
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host
    port = parts.port
    default = 443 if scheme == "https" else 80
    return host if port in (None, default) else f"{host}:{port}"


def has_credentials(url: str) -> bool:
    """Say whether a link carries a user name or password (`https://user:pw@host/`)."""
    return "@" in urlsplit(url.strip()).netloc


def without_credentials(url: str) -> str:
    """The link without its user name and password, to name it in a reply."""
    parts = urlsplit(url.strip())
    if "@" not in parts.netloc:
        return url.strip()
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def canonical_url(fetched_url: str, declared: str | None = None) -> str | None:
    """The page's own canonical address when it gives a usable one, else the fetched address."""
    fetched = normalise_url(fetched_url)
    normal = normalise_url(declared) if declared else None
    if normal is None or (_is_home(normal) and fetched is not None and not _is_home(fetched)):
        return fetched  # a site-wide canonical pointing at the home page is a template mistake
    return normal


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query
