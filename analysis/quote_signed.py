"""Quotations signed with a dash and a name, as readers' comments, testimonials, epigraphs and
fact checks print them.

- "“…” ― Jane Doe": the signature follows the closing mark in the same paragraph.
- "“…”" / "- Sanders." or "-President Obama, tweeting after the speech.": a paragraph that is
  only a quotation, signed in the paragraph right after it, a line of a dash and a name alone
  (to its end, or to a comma before a place, an age or a circumstance).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

_SIGNATURE_DASH = re.compile(r"[,.]?[^\S\n]*(?:[—―–]|--?)[^\S\n]*(?=[A-Z])")
_NAME_ENDS = frozenset(",.;()")
_MAX_NAME = 5
_DASHES = frozenset("-—―–")
_AFTER_QUOTE = frozenset(".,!?…")


def signature_start(text: str, start: int, end: int) -> int | None:
    """Where the name after a signature dash at `start` begins, or None when no dash is there."""
    dash = _SIGNATURE_DASH.match(text, start, end)
    return dash.end() if dash is not None else None


def quote_alone(text: str, line_start: int, open_at: int, close_at: int, line_end: int) -> bool:
    """The paragraph holds the quotation and nothing else (a closing full stop aside)."""
    before = text[line_start:open_at].strip()
    after = text[close_at + 1 : line_end].strip()
    return not before and all(c in _AFTER_QUOTE for c in after)


def signing_name(tokens: Iterable[Token], text: str, line_end: int) -> Token | None:
    """The last word of the name a signature line gives: proper nouns alone up to the end of
    the line or to a comma ("Michelle Marks, Philadelphia."); None for any other words."""
    name: list[Token] = []
    for token in tokens:
        if token.text in _NAME_ENDS or token.is_space:
            break
        glued = not name and token.text[:1] in _DASHES and token.text[1:2].isupper()
        if not glued and token.pos_ != "PROPN" and token.ent_type_ not in {"PERSON", "ORG"}:
            return None  # "-Senator" is one token, the dash glued to a title the parse misreads
        name.append(token)
    if not name or len(name) > _MAX_NAME:
        return None
    rest = text[name[-1].idx + len(name[-1].text) : line_end].strip()
    return name[-1] if rest[:1] in {"", *_NAME_ENDS} else None
