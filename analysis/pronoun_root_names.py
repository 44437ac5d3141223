"""A person's name the parser made its sentence's root: the subject of a verb it lost.

"Rep. Devin Nunes (R-Calif.), chairman of the House Intelligence Committee, didn't second-guess
Comey's recommendation on prosecution, but he did call for more accountability": after a
parenthetical party and state and an apposition, the small model misreads the verb (here the
hyphenated "second-guess" as a noun) and makes the name the root of the sentence, with no verb
above it. The pronoun chain reads subjects, so Nunes was no one the "he" of his own sentence,
nor a later "he said", could stand for, and Comey was taken. `root_name` says whether a token is
such a name: a proper noun that is the root of a sentence holding a verb (a line that is a
name alone, a caption or a byline, has none).
"""

from __future__ import annotations

from spacy.tokens import Token

_VERBS = frozenset({"VERB", "AUX"})


def root_name(token: Token) -> bool:
    """Whether a token is a name the parser made the root of a sentence with a verb."""
    if token.dep_ != "ROOT" or token.pos_ != "PROPN":
        return False
    return any(t.pos_ in _VERBS and t.tag_ != "VBG" for t in token.sent)
