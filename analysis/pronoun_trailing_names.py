"""A speaker named right after a quotation whom the parser did not make the verb's subject.

News English attributes a quotation by closing it and naming the speaker before a speech verb:
“…,” Ramos told AFP. With the speaker's age or a short aside set off by commas between them
(“…,” Ramos, 58, told AFP), the small model often hangs the name on the quotation's own verb
(npadvmod, appos, dep) and makes the speech verb a conjunct with no subject. The pronoun chain
reads subjects only, so that speaker vanished from it and the next "“…,” he said" went to
whoever was a subject before. `trailing_speaker` says whether a token is such a name: the head
of a person's name set straight after a closing quotation mark that follows a comma, "?" or
"!", whose next words are a speech verb with no subject of its own, with at most a number
(the age) set off by commas in between.
"""

from __future__ import annotations

from spacy.tokens import Token

_CLOSING = frozenset({"”", '"', "''"})
_CLOSED_BY = frozenset({",", "?", "!"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _previous(token: Token) -> Token | None:
    """The word before a token, spaces skipped."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _verb_after(last: Token) -> Token | None:
    """The word after a name, past an age set off by commas (", 58,")."""
    doc = last.doc
    i = last.i + 1
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 3
    return doc[i] if i < len(doc) else None


def trailing_speaker(first: Token, last: Token, speech_verbs: frozenset[str]) -> bool:
    """Whether the name written from `first` to `last` (its head) is a speaker the parser did
    not make its speech verb's subject (module docstring)."""
    if last.dep_ in _SUBJECTS or last.pos_ != "PROPN":
        return False
    mark = _previous(first)
    if mark is None or mark.text not in _CLOSING:
        return False
    closed = _previous(mark)
    if closed is None or closed.text not in _CLOSED_BY:
        return False
    verb = _verb_after(last)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs:
        return False
    return not any(c.dep_ in _SUBJECTS for c in verb.children)
