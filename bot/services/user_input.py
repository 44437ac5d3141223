"""The boundary for what people type: free text and article numbers, checked once for CLI and bot.

Free text loses what no database or terminal takes: control characters (NUL among them) become a
space, so what is echoed is what is searched; lone surrogates (half a character) are dropped.
Article numbers are 1..2**31-1 (PostgreSQL integer ids); anything else names no article.
"""

from __future__ import annotations

import re
import unicodedata

from bot.errors import UserFacingError

MAX_ARTICLE_ID = 2**31 - 1
_SHOWN_DIGITS = 24
_SURROGATES = re.compile("[\ud800-\udfff]")


def _control_to_space(char: str) -> str:
    return " " if unicodedata.category(char) == "Cc" else char


def clean_query(text: str, what: str = "query") -> str:
    """Text without control characters or lone surrogates; a UserFacingError if nothing is left.

    Text that was blank to begin with is returned as "" so each command keeps its own answer.
    """
    cleaned = "".join(map(_control_to_space, _SURROGATES.sub("", text))).strip()
    if not cleaned and text.strip():
        raise UserFacingError(f"the {what} holds no words, only control characters")
    return cleaned


def clean_optional(text: str | None, what: str = "query") -> str | None:
    """clean_query for an option that may be missing (None stays None)."""
    return None if text is None else clean_query(text, what)


def _shown(digits: str) -> str:
    return digits if len(digits) <= _SHOWN_DIGITS else f"{digits[:_SHOWN_DIGITS]}…"


def _no_article(shown: str, hint: str) -> UserFacingError:
    return UserFacingError(f"no article #{_shown(shown)}{hint}")


def article_id(number: int, hint: str = "") -> int:
    """The number itself when it can name a stored article; else 'no article #N' and the hint."""
    if 1 <= number <= MAX_ARTICLE_ID:
        return number
    raise _no_article(str(number), hint)


def article_number(text: str, hint: str = "") -> int:
    """The number behind an autocomplete pick ("4") or what a member typed ("#4")."""
    digits = clean_query(text, "article").lstrip("#").strip()
    if not digits.isdigit():
        raise UserFacingError("Pick an article from the list, or give its number (e.g. 4).")
    if not digits.isascii() or len(digits) > len(str(MAX_ARTICLE_ID)):
        raise _no_article(digits, hint)  # "²" is a digit int() refuses; 10**5000 one it cannot read
    return article_id(int(digits), hint)
