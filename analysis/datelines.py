"""A wire story's dateline, cut from the front of a sentence that is shown to a member.

A wire story's first sentence carries its dateline: "WASHINGTON (Reuters) - The Fed raised
rates", "LONDON, Aug 22 (Reuters) - Gasoline prices fell", "(CNN) -- Egypt's president". Text
pasted from a wire page may also run the headline and a time stamp in front of it: "Time to go,
U.S. tells Gaddafi TRIPOLI | Sat Feb 26, 2011 6:49 pm EST TRIPOLI (Reuters) - Muammar
Gaddafi's grip ...". A timeline line or a key date tells what happened, so the shown sentence
starts after the agency's credit and its dash.

The stored sentence is left as it is (its offsets point into the article); only what a member
reads is cut. A sentence is cut only when the credit comes within its first DATELINE_REACH
characters and at least KEPT_AT_LEAST characters follow it, so a sentence that merely names an
agency in brackets keeps its words.
"""

from __future__ import annotations

import re

DATELINE_REACH = 220  # the credit ends within this many characters of the start ...
KEPT_AT_LEAST = 40  # ... and this many characters of sentence follow it

_AGENCIES = (
    "Reuters|AP|AFP|CNN|Bloomberg|UPI|dpa|DPA|Xinhua|IANS|PTI|ANI|ANSA|EFE|Kyodo|Yonhap|"
    "Interfax|TASS|ITAR-TASS|RIA Novosti|Anadolu|MarketWatch|Dow Jones|CNBC|BBC|Al Jazeera|"
    "CBS News|NBC News|ABC News|Fox News|AAP|Canadian Press|The Canadian Press|CP|PA|KUNA|WAM|"
    "Yahoo News|Business Wire|PRNewswire|PR Newswire|GLOBE NEWSWIRE|Globe Newswire"
)
_CREDIT = re.compile(
    rf"\((?:{_AGENCIES})(?:\s*/\s*[A-Z][\w .-]{{0,40}})?\)\s*(?:-{{1,2}}|—|–|:)\s+",
)


def without_dateline(text: str) -> str:
    """The sentence without a wire dateline (and whatever ran in front of it), when it has one
    near its start; otherwise the sentence as it is."""
    found = _CREDIT.search(text, 0, DATELINE_REACH + 40)
    if found is None or found.start() > DATELINE_REACH:
        return text
    rest = text[found.end() :]
    if len(rest) < KEPT_AT_LEAST:
        return text
    return rest
