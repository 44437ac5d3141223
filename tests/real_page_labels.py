"""Checks shared by the held-out batches' label tests (seventh, eighth): what every hand-labelled
page file must hold, whichever repository its page comes from."""

from __future__ import annotations

from typing import Any


def assert_quotes_well_formed(name: str, data: dict[str, Any]) -> None:
    """Each quotation has text, a kind and a speaker or none; a fragment is one to three words
    (rule 4 of eval/data/real_quotes/README.md); not_quotes are non-empty strings."""
    for quote in data["quotes"]:
        assert quote["text"].strip() and quote["kind"] in ("person", "org"), (name, quote)
        assert quote["speaker"] is None or quote["speaker"].strip(), (name, quote)
        if quote.get("fragment"):
            assert len(quote["text"].split()) <= 3, (name, quote)
    assert all(isinstance(n, str) and n for n in data["not_quotes"]), name
