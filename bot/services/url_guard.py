"""The server-side request forgery guard: a link is fetched only from a public address.

A link someone pastes must not make Analyst talk to the machine it runs on, the local network
or a cloud metadata service. `UrlGuard.check` refuses other schemes than http and https and
links with a user name or password, reads numeric hosts the way browsers do (`2130706433`,
`0x7f.1` and `127.1` are all 127.0.0.1) and refuses them, resolves a host name once and refuses
it when *any* of its addresses is loopback, private, link-local (169.254.0.0/16 with the
metadata service, fe80::/10), multicast, reserved, unspecified or not globally routable, or an
IPv6 address wrapping an IPv4 one. The checked addresses are returned so the fetcher connects to
exactly those (no second lookup that DNS rebinding could answer differently).

Tests and private deployments reach their own servers only through `allow`: `host:port`
entries matched against the link's host or its resolved address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

from yarl import URL

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolve = Callable[[str, int], Awaitable[Sequence[str]]]

_METADATA = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class RefusedError(Exception):
    """A link the guard will not fetch; the message is one short sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedTarget:
    """A link that passed the guard, with the addresses the fetcher may connect to."""

    url: URL
    host: str  # as the connector sees it: IDNA-encoded, lower-case
    port: int
    addresses: tuple[str, ...]


# ---------------------------------------------------------------- pure checks


def address_problem(address: IPAddress) -> str | None:
    """Why an address may not be fetched ("a loopback address"); None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        wrapped = _wrapped_ipv4(address)
        if wrapped is not None:
            return wrapped
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address in _METADATA, "a link-local address (cloud metadata)"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.is_private, "a private address"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "a private address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _wrapped_ipv4(address: ipaddress.IPv6Address) -> str | None:
    """Refuse IPv6 forms that carry an IPv4 address: mapped, 6to4, Teredo and NAT64."""
    if address.ipv4_mapped is not None:
        return f"an IPv4-mapped IPv6 address ({address.ipv4_mapped})"
    if address.teredo is not None:
        return "a Teredo tunnel address"
    inner = address.sixtofour
    if inner is None and address in _NAT64:
        inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if inner is not None and address_problem(inner) is not None:
        return f"an IPv6 address wrapping {inner}"
    return None


def numeric_host(host: str) -> ipaddress.IPv4Address | None:
    """Read a host written as numbers the way browsers do: 2130706433, 0x7f.1, 127.1, 0177.0.0.1.

    Returns None when the host is not all numbers (a name) or is not a valid number form.
    """
    labels = host.rstrip(".").split(".")
    if not labels or not all(_number(label) is not None for label in labels) or len(labels) > 4:
        return None
    numbers = [_number(label) or 0 for label in labels]
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _number(label: str) -> int | None:
    """One numeric label: decimal, 0x hexadecimal or 0-prefixed octal; None otherwise."""
    text = label.lower()
    try:
        if text.startswith("0x"):
            return int(text[2:] or "0", 16)
        if len(text) > 1 and text.startswith("0"):
            return int(text[1:], 8)
        return int(text, 10) if text.isdigit() else None
    except ValueError:
        return None


def literal_address(host: str) -> IPAddress | None:
    """The IP address a host is written as in canonical form (127.0.0.1, ::1), else None."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


def parse_allow(entries: Iterable[str]) -> frozenset[tuple[str, int]]:
    """Turn `host:port` entries ("127.0.0.1:8123", "[::1]:8080") into (host, port) pairs."""
    pairs = set()
    for entry in entries:
        host, _, port = entry.strip().rpartition(":")
        if host and port.isdigit():
            pairs.add((host.strip("[]").lower(), int(port)))
    return frozenset(pairs)


# ---------------------------------------------------------------- the guard


async def system_resolve(host: str, port: int) -> list[str]:
    """Resolve a host name with the system resolver, once; raises OSError when it cannot."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class UrlGuard:
    """Checks each link (and each redirect) before the fetcher may connect anywhere."""

    def __init__(self, allow: Iterable[str] = (), resolve: Resolve | None = None) -> None:
        self._allow = parse_allow(allow)
        self._resolve = resolve or system_resolve

    def allowed(self, host: str, port: int) -> bool:
        """Say whether host:port is on the allowlist."""
        return (host.lower().strip("[]"), port) in self._allow

    async def check(self, url: str | URL) -> CheckedTarget:
        """Return where the link may be fetched from, or raise RefusedError saying why not."""
        parsed = _parse(url)
        host, port = str(parsed.raw_host).lower(), int(parsed.port or 0)
        literal = literal_address(host)
        if literal is None and numeric_host(host) is not None:
            raise RefusedError(_numeric_refusal(parsed.host or host, numeric_host(host)))
        addresses = (str(literal),) if literal else await self._lookup(host, port, parsed)
        if self.allowed(host, port) or all(self.allowed(a, port) for a in addresses):
            return CheckedTarget(parsed, host, port, addresses)
        for text in addresses:
            problem = address_problem(ipaddress.ip_address(text.split("%", 1)[0]))
            if problem is not None:
                shown = f"{text} is" if literal else f"{parsed.host} is {text},"
                raise RefusedError(f"refused: {shown} {problem}")
        return CheckedTarget(parsed, host, port, addresses)

    async def _lookup(self, host: str, port: int, parsed: URL) -> tuple[str, ...]:
        """The host's addresses, resolved once; a name that does not resolve is refused."""
        try:
            found = tuple(await self._resolve(host, port))
        except (OSError, UnicodeError) as exc:
            log.info("lookup of %s failed: %s", host, exc)
            found = ()
        if not found:
            raise RefusedError(f"could not find the site {parsed.host}")
        return found


def _parse(url: str | URL) -> URL:
    """Parse a link and refuse what is never fetched: other schemes, credentials, no host."""
    try:
        parsed = url if isinstance(url, URL) else URL(url.strip())
        _ = parsed.port
    except (ValueError, TypeError) as exc:
        raise RefusedError("not a valid web address") from exc
    if parsed.scheme not in ("http", "https"):
        shown = parsed.scheme or "scheme-less"
        raise RefusedError(f"refused: {shown} links are not fetched (only http and https)")
    if parsed.user is not None or parsed.password is not None:
        raise RefusedError("refused: links with a user name or password are not fetched")
    if not parsed.raw_host:
        raise RefusedError("not a valid web address (no host)")
    return parsed


def _numeric_refusal(host: str, address: ipaddress.IPv4Address | None) -> str:
    """The refusal for a host written as a number: what it means and why it is refused."""
    problem = address_problem(address) if address is not None else None
    if problem is not None:
        return f"refused: {host} is {address}, {problem}"
    return f"refused: {host} is an IP address written in an unusual form ({address})"
