"""A speaker named by one word the article ties to no one else: "“…,” Hale said" where the
story never gives Hale's first name, "Vulture reported" for a site it names only so.

A word of a name the article gives in full is one of those people (or ambiguous), never a new
name. Otherwise the word is the name a member would look for, so it becomes the speaker's
name: a proper noun the article always writes capitalised (never "the blaze" in lowercase),
not an entity of another kind (a place, a date, a group), nor a plural, a title or a speaking
noun ("Attorneys said", "Police said", "President said"); at the start of a sentence only when
the model read it as a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from analysis.doc_text import doc_text

_NAME_LIKE = re.compile(r"[A-Z][A-Za-z'’-]{2,}")
_NAME_TYPES = frozenset({"", "PERSON", "ORG"})


def lone_name(subject: Token, speaking_nouns: frozenset[str], named: Iterable[str]) -> str | None:
    """The subject's word as a speaker's name (module docstring), or None; `named` are the
    names of the article's people and organisations, whose words tie it to someone."""
    word = subject.text
    if any(word.lower() in name.lower().split() for name in named):
        return None  # "Lucy" after "Lucy Marsh" and "Lucy Hale": one of them, not a new name
    if subject.pos_ != "PROPN" or subject.tag_ == "NNPS" or subject.ent_type_ not in _NAME_TYPES:
        return None  # "Attorneys said": a plural is no one's name
    if subject.is_sent_start and not subject.ent_type_:
        return None  # a capital the sentence gives any word, and the model saw no name in it
    if not _NAME_LIKE.fullmatch(word) or word.lower() in speaking_nouns:
        return None
    if re.search(rf"\b{re.escape(word.lower())}\b", doc_text(subject.doc)):
        return None  # the article writes it in lowercase too: a word, not a name
    return word
