"""A person introduced by a description and then the word "named": "a worker named Luis Arroyo".

"Outside the plant, a worker named Antonio Arroyo has nothing but positive things to say about
his job. “…,” he said." The subject is the noun "worker"; the person's name hangs on the
participle "named" (or "called") that modifies it. The pronoun chain took a role noun's person
from an apposition only ("the clinic's surgeon, Ravi Menon,"), so this subject was no one and
the next "he said" went to a man named paragraphs before. `named_after` gives the name's head
token: the object or predicate of a "named"/"called" participle modifying the noun.
"""

from __future__ import annotations

from spacy.tokens import Token

_NAMING = frozenset({"name", "call", "dub"})
_NAME_DEPS = frozenset({"oprd", "attr", "dobj", "appos", "npadvmod"})


def named_after(noun: Token) -> Token | None:
    """The head of the name a "named"/"called" participle gives the noun, or None."""
    for child in noun.children:
        if child.dep_ != "acl" or child.tag_ != "VBN" or child.lemma_.lower() not in _NAMING:
            continue
        for name in child.children:
            if name.dep_ in _NAME_DEPS and name.pos_ == "PROPN":
                return name
    return None
