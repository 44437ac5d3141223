"""Words that look like dates but are names.

Programme and show names and short titles in quotation marks hold date words that date nothing:
"CBS This Morning", "the BBC Radio 4 Today programme", "Monday Night Foodball", "Saturday Night
Live", John Okrent's "Two Days in March".
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,80})[”\"]")
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from"}
)
_DAY_NAME = re.compile(
    r"(?:(?<=[A-Z0-9][\w.]) |(?<=[A-Z0-9]) )(?:Today|Tonight|Tomorrow|This Morning|This Week)\b"
    r"|(?<=[\w’'] )Today\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r" (?:Night|Morning|Evening|Afternoon) [A-Z]\w+"
)


def name_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of names and short titles whose date words date nothing."""
    spans = [match.span() for match in _DAY_NAME.finditer(text)]
    for quoted in _QUOTED.finditer(text):
        if _is_title(quoted.group(1)):
            spans.append(quoted.span(1))
    return spans


def _is_title(words: str) -> bool:
    """A short phrase in title case: 'Two Days in March', not a quoted sentence."""
    words = words.strip().rstrip(",")
    tokens = re.findall(r"[^\W\d_][\w'’-]*", words)
    if not 2 <= len(tokens) <= 6 or re.search(r"[.!?,;:]", words):
        return False
    major = [token for token in tokens if token.lower() not in _SMALL_WORDS]
    return bool(major) and all(token[0].isupper() for token in major)
