"""A speaker named by a lone proper noun the model did not tag, as a link in the pronoun chain.

"“…,” Castillo, 58, told AFP. “…,” he said." The quotation before is stored under "Castillo"
(the resolver keeps an untagged proper-noun subject as written), but the pronoun chain read
only tagged people, people named in full, and names it could find written in full elsewhere:
a surname the article never writes with a first name, and the model left untagged, was no link
of it, so the next "he said" went to whoever was a subject before, often the person Castillo
spoke about. `lone_speaker` gives such a subject's written name: a capitalised proper noun,
letters only, not written in capitals only (an acronym is a body: "BCHT said"), with no entity
tag, no word of a place or organisation the article names, that is the subject of a speech
verb (the chain asks that), with the capitalised untagged proper nouns compounded before it
("Diego Castillo"). A word one letter off a word of a person the article names ("Tinsely"
beside "Dylan Tinsley": a misspelling) is no new person, and is left to the rules before.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from analysis.entity_misspelt_surnames import one_letter_off


def _name_word(token: Token, others: Collection[str]) -> bool:
    text = token.text
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and text.isalpha()
        and text[:1].isupper()
        and not text.isupper()
        and text.lower() not in others
    )


def lone_speaker(
    subject: Token, others: Collection[str], named: Collection[str] = ()
) -> str | None:
    """The name an untagged proper-noun subject writes, or None (module docstring); `named`
    holds the words of the people the article names, lowercase."""
    if not _name_word(subject, others):
        return None
    if any(one_letter_off(subject.lower_, word) for word in named):
        return None  # "Tinsely" beside "Dylan Tinsley": a misspelling, no one new
    words = [subject]
    for child in reversed(list(subject.lefts)):
        if child.dep_ != "compound" or child.i != words[0].i - 1:
            break
        if not _name_word(child, others):
            return None  # "Meta spokesperson Tolan": a role, not a name, before it
        words.insert(0, child)
    return " ".join(w.text for w in words)
