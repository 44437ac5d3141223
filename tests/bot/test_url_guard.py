"""The address guard refuses every non-public address class and numeric trick, without network."""

from __future__ import annotations

import ipaddress

import pytest

from bot.services.url_guard import (
    RefusedError,
    UrlGuard,
    address_problem,
    numeric_host,
    parse_allow,
)

DNS = {
    "news.example": ["93.184.216.34"],
    "dual.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    "localhost": ["127.0.0.1", "::1"],
    "metadata.example": ["169.254.169.254"],
    "intranet.example": ["10.0.0.5"],
    "rebind.example": ["93.184.216.34", "127.0.0.1"],
    "v6local.example": ["fe80::1"],
}


async def fake_resolve(host: str, port: int) -> list[str]:
    """A resolver with fixed answers: tests need no network."""
    return DNS.get(host, [])


async def refusal(url: str, allow: tuple[str, ...] = ()) -> str:
    with pytest.raises(RefusedError) as caught:
        await UrlGuard(allow, resolve=fake_resolve).check(url)
    return caught.value.message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address"),
        ("http://127.8.9.10:8080/x", "refused: 127.8.9.10 is a loopback address"),
        ("http://[::1]/", "refused: ::1 is a loopback address"),
        ("http://10.1.2.3/", "refused: 10.1.2.3 is a private address"),
        ("http://172.16.0.1/", "refused: 172.16.0.1 is a private address"),
        ("http://192.168.1.1/", "refused: 192.168.1.1 is a private address"),
        ("http://[fc00::1]/", "refused: fc00::1 is a private address"),
        ("http://[fd12:3456::1]/", "refused: fd12:3456::1 is a private address"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused: 169.254.169.254 is a link-local address (cloud metadata)",
        ),
        ("http://169.254.1.1/", "refused: 169.254.1.1 is a link-local address"),
        ("http://[fe80::1]/", "refused: fe80::1 is a link-local address"),
        ("http://[fe80::1%25eth0]/", "refused: fe80::1 is a link-local address"),
        ("http://[febf::1]/", "refused: febf::1 is a link-local address"),
        ("http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"),
        ("http://[ff02::1]/", "refused: ff02::1 is a multicast address"),
        ("http://240.0.0.1/", "refused: 240.0.0.1 is a reserved address"),
        ("http://255.255.255.255/", "refused: 255.255.255.255 is a reserved address"),
        ("http://0.0.0.0/", "refused: 0.0.0.0 is an unspecified address"),
        ("http://[::]/", "refused: :: is an unspecified address"),
        ("http://100.64.0.1/", "refused: 100.64.0.1 is not a public address"),
        (
            "http://[::ffff:127.0.0.1]/",
            "refused: ::ffff:7f00:1 is an IPv4-mapped IPv6 address (127.0.0.1)",
        ),
        (
            "http://[::ffff:8.8.8.8]/",
            "refused: ::ffff:808:808 is an IPv4-mapped IPv6 address (8.8.8.8)",
        ),
        ("http://[2002:7f00:1::]/", "refused: 2002:7f00:1:: is an IPv6 address wrapping 127.0.0.1"),
        (
            "http://[64:ff9b::a00:1]/",
            "refused: 64:ff9b::a00:1 is an IPv6 address wrapping 10.0.0.1",
        ),
        ("http://[2001::1]/", "refused: 2001::1 is a Teredo tunnel address"),
    ],
)
async def test_every_address_class_is_refused(url: str, message: str) -> None:
    assert await refusal(url) == message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://2130706433/", "refused: 2130706433 is 127.0.0.1, a loopback address"),
        ("http://0x7f.1/", "refused: 0x7f.1 is 127.0.0.1, a loopback address"),
        ("http://0x7f000001/", "refused: 0x7f000001 is 127.0.0.1, a loopback address"),
        ("http://127.1/", "refused: 127.1 is 127.0.0.1, a loopback address"),
        ("http://0177.0.0.1/", "refused: 0177.0.0.1 is 127.0.0.1, a loopback address"),
        ("http://017700000001/", "refused: 017700000001 is 127.0.0.1, a loopback address"),
        ("http://10.1/", "refused: 10.1 is 10.0.0.1, a private address"),
        ("http://0/", "refused: 0 is 0.0.0.0, an unspecified address"),
        (
            "http://2852039166/",
            "refused: 2852039166 is 169.254.169.254, a link-local address (cloud metadata)",
        ),
        (
            "http://134744072/",
            "refused: 134744072 is an IP address written in an unusual form (8.8.8.8)",
        ),
    ],
)
async def test_numeric_forms_are_read_as_browsers_read_them(url: str, message: str) -> None:
    assert await refusal(url) == message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://localhost:8000/", "refused: localhost is 127.0.0.1, a loopback address"),
        (
            "http://metadata.example/",
            "refused: metadata.example is 169.254.169.254, a link-local address (cloud metadata)",
        ),
        ("http://intranet.example/", "refused: intranet.example is 10.0.0.5, a private address"),
        ("http://rebind.example/", "refused: rebind.example is 127.0.0.1, a loopback address"),
        ("http://v6local.example/", "refused: v6local.example is fe80::1, a link-local address"),
        ("http://unknown.example/", "could not find the site unknown.example"),
    ],
)
async def test_names_are_resolved_and_every_address_checked(url: str, message: str) -> None:
    assert await refusal(url) == message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://news.example/a", "refused: ftp links are not fetched (only http and https)"),
        ("file:///etc/passwd", "refused: file links are not fetched (only http and https)"),
        ("gopher://news.example/", "refused: gopher links are not fetched (only http and https)"),
        (
            "http://user:secret@news.example/",
            "refused: links with a user name or password are not fetched",
        ),
        (
            "http://user@news.example/",
            "refused: links with a user name or password are not fetched",
        ),
        ("http:///nohost", "not a valid web address (no host)"),
    ],
)
async def test_schemes_credentials_and_malformed_links(url: str, message: str) -> None:
    assert await refusal(url) == message


async def test_public_addresses_pass_with_the_addresses_to_pin() -> None:
    guard = UrlGuard(resolve=fake_resolve)
    target = await guard.check("https://News.Example/world?id=3")
    assert (target.host, target.port, target.addresses) == ("news.example", 443, ("93.184.216.34",))
    dual = await guard.check("http://dual.example/")
    assert len(dual.addresses) == 2
    literal = await guard.check("http://8.8.8.8:8080/")
    assert (literal.port, literal.addresses) == (8080, ("8.8.8.8",))


async def test_the_allowlist_opens_exactly_one_host_and_port() -> None:
    allow = ("127.0.0.1:8123", "localhost:9000")
    guard = UrlGuard(allow, resolve=fake_resolve)
    assert (await guard.check("http://127.0.0.1:8123/a")).addresses == ("127.0.0.1",)
    assert (await guard.check("http://localhost:9000/")).addresses == ("127.0.0.1", "::1")
    assert await refusal("http://127.0.0.1:8124/", allow) == (
        "refused: 127.0.0.1 is a loopback address"
    )
    assert await refusal("http://2130706433:8123/", allow) == (
        "refused: 2130706433 is 127.0.0.1, a loopback address"
    )


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("1.2.3.4", "1.2.3.4"),
        ("0xC0.0xA8.1.1", "192.168.1.1"),
        ("news.example", None),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
        ("4294967296", None),
        ("08.1.1.1", None),
    ],
)
def test_numeric_host(host: str, expected: str | None) -> None:
    found = numeric_host(host)
    assert (str(found) if found else None) == expected


def test_public_addresses_have_no_problem() -> None:
    for text in ("8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"):
        assert address_problem(ipaddress.ip_address(text)) is None


def test_parse_allow() -> None:
    assert parse_allow(["127.0.0.1:8123", " [::1]:80 ", "Host.Example:1", "bad"]) == {
        ("127.0.0.1", 8123),
        ("::1", 80),
        ("host.example", 1),
    }
