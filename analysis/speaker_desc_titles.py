"""A title written before its holder's name as the speaker: "President and Chief Financial
Officer of Super Value Debra Symonette said", "Chairman and CEO of Brightline Bank Anna Kerr
told reporters".

The small model makes the first title the subject and hangs the name on its "of" (or on the
last title of a run joined by "and"), so the subject reads as an office with no one behind it.
A reader takes the name that ends the run for the one who holds every title in it:

- `office_word`: a word that names an office or a calling held by one person (a title,
  "officer", "chief", "CEO"), not a person's own name, with no "a" or possessive pronoun before
  it ("a lawyer for …" is someone else);
- `holder_of`: the person named right after an office's "of", "for" or "at" and the body's name
  ("… of Super Value Debra Symonette"): the name closes the phrase, and every word between the
  preposition and the name is a capitalised word of a body's name, no title or role of a
  person ("a friend of actor John Smith", "the wife of Senator Ann Lee" stay as they are).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.speaker_words import ABBREVIATED, TITLE_WORDS, word_set
from analysis.types import EntityKind, Mention

# Offices a title run may hold, beside the title words ("President", "Minister").
OFFICE_WORDS = word_set(
    """officer chief head ceo cfo coo cto chair chairman chairwoman chairperson director
    president vice-president founder owner executive manager partner commissioner secretary
    treasurer minister governor mayor senator superintendent principal dean provost rector
    chancellor editor publisher"""
)
_PREPOSITIONS = frozenset({"of", "for", "at"})


def office_word(token: Token) -> bool:
    """Whether a word names an office one person holds (module docstring)."""
    word = token.lower_.rstrip(".")
    if token.ent_type_ == "PERSON" or token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.lower_ in {"a", "an"} or (c.dep_ == "poss" and c.pos_ == "PRON") for c in token.lefts):
        return False
    return word in OFFICE_WORDS or word in TITLE_WORDS or word in ABBREVIATED


def holder_of(office: Token, mention_at: Callable[[int], Mention | None]) -> Mention | None:
    """The person named at the end of an office's "of"/"for"/"at" phrase after a body's name
    (module docstring), or None."""
    for prep in office.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PREPOSITIONS:
            continue
        for name in (c for c in prep.children if c.dep_ == "pobj"):
            found = mention_at(name.idx)
            if found is None or found.kind != EntityKind.PERSON or name.right_edge.i != name.i:
                continue
            body = [t for t in name.subtree if t.idx < found.start]
            if body and all(_body_word(t) for t in body):
                return found
    return None


def _body_word(token: Token) -> bool:
    """A word of a body's name before a person's: capitalised, no title or role."""
    if token.lower_ in {"the", "&", "and", "of"}:
        return True
    word = token.lower_.rstrip(".")
    return (
        token.text[:1].isupper()
        and token.ent_type_ != "PERSON"
        and word not in TITLE_WORDS
        and word not in OFFICE_WORDS
        and word not in ABBREVIATED
    )
