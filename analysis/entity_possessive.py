"""An organisation's possessive before a person: "Fox News’ Sean Hannity", "Green Party's Jill
Stein", tagged one ORG by the small model, are the organisation and its person.

`person_after_possessive(span)` finds the person after the span's last possessive mark when
what follows reads as a person's name in the article's own words:

- two or three capitalised words, no title, organisation word nor nationality among them
  ("Commentary's Noah Rothman"; not "Clinton's State Department", "CBS' Face the Nation"),
  none of them a word the article writes in lowercase elsewhere ("America's Bitter Pill"),
  and its last word a person's elsewhere in the article: tagged so, or written alone ("Rothman
  wrote"; not "Dick's Sporting Goods", "U.S. Men's National Soccer Team");
- or one word the article tags as a person elsewhere, or as the last word of a person's name,
  or writes after a first name ("Fox News Channel's Hannity" beside "Sean Hannity"; not
  "Alphabet's Google").

Without this "Hannity" has no person, and his words reach no one a member can ask for.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$|^[A-Z]\.$")


def _possessive(token: Token) -> bool:
    """The possessive mark the tokenizer splits off ("'s", "’", "'")."""
    return token.tag_ == "POS" or token.text in {"'s", "’s", "'", "’"}


def person_after_possessive(span: Span) -> tuple[int, int] | None:
    """The token range (start, end) in the doc of the person after the span's last
    possessive mark, by the module docstring's rule; None when none is."""
    marks = [t.i for t in span[1:-1] if _possessive(t)]
    if not marks:
        return None
    start, end = marks[-1] + 1, span.end
    words = [t.text for t in span.doc[start:end]]
    if not all(_NAME.match(w) for w in words) or not _NAME.match(words[0]):
        return None
    if len(words) == 1:
        return (start, end) if _tagged_person(span.doc, words[0]) else None
    return (start, end) if _reads_as_a_person(span, words) else None


def _reads_as_a_person(span: Span, words: list[str]) -> bool:
    """Two or three words after the mark that name a person (the module docstring's rule)."""
    if not 2 <= len(words) <= 3 or not _person_shaped(" ".join(words)):
        return False
    doc, lowered = span.doc, {w.lower() for w in words}
    if any(t.text in lowered for t in doc):
        return False  # "America's Bitter Pill": "bitter" is a word of the article
    return _tagged_person(doc, words[-1]) or _alone_elsewhere(span, words[-1])


def _alone_elsewhere(span: Span, surname: str) -> bool:
    """The surname written outside the span after no capitalised word ("Hannity said"), and
    not as part of another kind of name ("Grayson's Democratic Senate" beside "the Senate")."""
    doc = span.doc
    return any(
        t.text == surname
        and t.ent_type_ in {"", "PERSON"}  # "the Senate" is an organisation
        and not span.start <= t.i < span.end
        and (t.i == 0 or not doc[t.i - 1].text[:1].isupper())
        for t in doc
    )


def _person_shaped(name: str) -> bool:
    """No title, role, nationality or organisation word among the name's words."""
    from analysis.entities import NATIONALITY_WORDS, ROLE_WORDS  # here: entities imports us
    from analysis.speaker_names import person_shaped

    first = name.split(maxsplit=1)[0].lower()
    return person_shaped(name) and first not in ROLE_WORDS | NATIONALITY_WORDS


def _tagged_person(doc: Doc, word: str) -> bool:
    """The word ends a PERSON entity of the article ("Sean Hannity", "Hannity"), or the one
    "First Surname" the article writes for it, tagged or not (`full_name_in`)."""
    from analysis.speaker_names import full_name_in  # here: it imports entities, which imports us

    person = any(e.label_ == "PERSON" and e[-1].text == word for e in doc.ents)
    return person or full_name_in(doc, word) is not None
