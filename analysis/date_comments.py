"""Readers' comments under a page: each counts its relative dates from its own stamp.

"At 10:19 24th Mar 2010, fizzylizzy21 wrote: ... Thank you Russell for a brilliant recording
last night": the comment's "last night" is the night before the comment was written, not
before the page was published, as a quoted tweet's "today" is the tweet's day
(`analysis.date_scenes`). A comment runs from its header to the next header or the end of its
paragraph (issue 12, round 15: relative dates anchored to the wrong moment).
"""

from __future__ import annotations

import re

from analysis.date_scenes import Scene, read_full

_CLOCK = r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|[AP]M)?"
_HEADER = re.compile(
    rf"(?:^|(?<=\s))At\s+{_CLOCK}\s*(?:[A-Z]{{1,2}}[SD]?T|GMT|UTC|BST)?\s*(?:on\s+)?"
    r"(?P<date>[^,\n]{6,30}?(?:19|20)\d\d),\s*[\w.'’-]{1,40}(?:\s+[\w.'’-]{1,40}){0,3}\s+wrote\s*:"
)


def comment_scenes(text: str) -> list[Scene]:
    """Each comment after a header 'At 20:58 24th Mar 2010, Gemma wrote:', anchored to its day."""
    headers = [(match, read_full(match.group("date"))) for match in _HEADER.finditer(text)]
    scenes = []
    for k, (match, day) in enumerate(headers):
        if day is None:
            continue
        following = headers[k + 1][0].start() if k + 1 < len(headers) else len(text)
        paragraph = text.find("\n\n", match.end())
        end = min(following, paragraph if paragraph >= 0 else len(text))
        if match.end() < end:
            scenes.append(Scene(match.end(), end, day, f"comment of {match.group('date')}"))
    return scenes
