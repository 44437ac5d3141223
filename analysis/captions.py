"""Photo captions, tidied: they are not body text, but editors write them as dated facts.

"Vladimir Putin and Masoud Pezeshkian met last week as …" is often the only place an article
says *when*; the event extractor reads captions after this tidying strips the furniture.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^\s*(?:photo|image|picture|caption|pictured)\s*:\s*", re.IGNORECASE)
# "… Nov. 23, 2015.PlayEbrahim Noroozi/AP Photo": a credit glued on after the final full stop.
_GLUED_CREDIT = re.compile(r"(?<=[\w)])\.(?=[A-Z][a-z]).*$", re.DOTALL)
_CREDIT = re.compile(
    r"\s*(?:\((?:image|photo) credit:[^)]*\)|\S+/(?:AP|AFP|Reuters|Getty)(?: Images| Photo)?)\s*$",
    re.IGNORECASE,
)


def tidy_caption(text: str) -> str:
    """Strip a "PHOTO:" lead, a glued-on or trailing credit; end with a full stop."""
    text = _LEAD.sub("", text.strip())
    text = _GLUED_CREDIT.sub(".", text)
    text = _CREDIT.sub("", text).strip()
    if text and text[-1] not in ".!?…":
        text += "."
    return text
