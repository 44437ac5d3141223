"""Checks shared by the batches' label tests (seventh, eighth and the later ones): what every
hand-labelled page file must hold, whichever repository its page comes from, and that its
labels are in the page's own text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from eval import quotes_real
from eval.real_pages import pages, read_html

LABELS = Path(__file__).resolve().parents[1] / "eval" / "data" / "real_quotes"


def assert_quotes_well_formed(name: str, data: dict[str, Any]) -> None:
    """Each quotation has text, a kind and a speaker or none; a fragment is one to three words
    (rule 4 of eval/data/real_quotes/README.md); not_quotes are non-empty strings."""
    for quote in data["quotes"]:
        assert quote["text"].strip() and quote["kind"] in ("person", "org"), (name, quote)
        assert quote["speaker"] is None or quote["speaker"].strip(), (name, quote)
        if quote.get("fragment"):
            assert len(quote["text"].split()) <= 3, (name, quote)
    assert all(isinstance(n, str) and n for n in data["not_quotes"]), name


def _html_text(raw: bytes) -> str:
    """A page's visible text from its HTML (scripts and styles dropped), for `html_only` labels."""
    tree = lxml.html.fromstring(raw)
    for hidden in tree.xpath("//script|//style|//noscript"):
        hidden.drop_tree()
    return str(tree.text_content())


def assert_labels_in_text(split: str) -> None:
    """Every labelled quotation of the split is in its page's text (trafilatura's, never
    Analyst's), in page order, and so is every not_quote and `body_ends`; a quotation marked
    `html_only` (in a paragraph trafilatura drops, labelled from the HTML by rule 1) is in the
    HTML's text instead, and not in trafilatura's."""
    chosen = pages(split)
    raw = read_html(chosen)
    for page in chosen:
        text = quotes_real.normalise(trafilatura.extract(raw[page.name]) or "")
        data = json.loads((LABELS / f"{page.key}.json").read_text("utf-8"))
        at = 0
        for quote in data["quotes"]:  # in page order
            if quote.get("html_only"):
                shown = quotes_real.normalise(_html_text(raw[page.name]))
                assert quotes_real.normalise(quote["text"]) in shown, (page.key, quote["text"])
                assert quotes_real.normalise(quote["text"]) not in text, (page.key, quote["text"])
                continue
            found = text.find(quotes_real.normalise(quote["text"]), at)
            assert found >= 0, (page.key, quote["text"])
            at = found
        for term in data["not_quotes"]:
            assert quotes_real.normalise(term) in text, (page.key, term)
        if data["body_ends"]:
            assert quotes_real.normalise(data["body_ends"]) in text, page.key
