"""A calling the model folded into a person's name at the start of a sentence: "Striker Tom
Reed scored twice" is tagged as one name, "Striker Tom Reed", so "the striker" found no one
introduced as a striker (`SpeakerResolver._role_of` leaves a name's own words out of its role
words).

The first word of a name of three or more words is a calling, not a first name, when it is
written in capitals only as the sentence's first word, reads as a word for a doer (ending in
-er, -or or -ist: "Striker", "Singer", "Actor", "Novelist") and the article writes it in
lowercase as a common noun elsewhere ("the young striker"). A first name that is also a word
("Walter", "Bill de Blasio") is no doer the article writes in lowercase as a noun, or does not
end so.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.types import Mention

_DOER_ENDINGS = ("er", "or", "ist")


def folded_calling(doc: Doc, mention: Mention) -> str | None:
    """The lowercase calling the model folded into the start of this person's name
    (module docstring), or None."""
    words = mention.name.split()
    if len(words) < 3 or not words[0].istitle() or not words[0].lower().endswith(_DOER_ENDINGS):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].text != words[0] or not span[0].is_sent_start:
        return None
    calling = words[0].lower()
    written = any(t.text == calling and t.tag_ in {"NN", "NNS"} for t in doc)
    return calling if written else None
