"""An office written by its acronym as the speaker: "“…,” the CEO said" after "Tom Reed, the
company's CEO" or "Acme chief executive Tom Reed".

The small model tags "the CEO" a proper noun, which the resolver took for a name no entity
covers and stored under the key "ceo": a member typing the chief executive's name found
nothing. "the CEO" (the article and the acronym alone) is a role noun as "the senator" is: the
latest person named before with that office, written as the acronym or spelled out ("chief
executive"); with no one so named, an unnamed speaker, kept as written with no key.
"""

from __future__ import annotations

from spacy.tokens import Token

# Office acronyms and the words each spells out.
OFFICE_ACRONYMS: dict[str, tuple[str, ...]] = {
    "ceo": ("chief", "executive"),
    "cfo": ("chief", "financial"),
    "coo": ("chief", "operating"),
    "cto": ("chief", "technology"),
    "cio": ("chief", "information"),
}


def office_acronym(subject: Token) -> str | None:
    """ "ceo" for "the CEO": an office acronym in capitals with "the" and nothing else before
    it; None for anything else ("Acme's CEO", "the Acme CEO", "CEO Tom Reed")."""
    if not subject.text.isupper() or subject.lower_ not in OFFICE_ACRONYMS:
        return None
    lefts = list(subject.lefts)
    if len(lefts) != 1 or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return None
    if any(c.dep_ in {"compound", "appos", "flat"} for c in subject.rights):
        return None  # "the CEO Tom Reed": a name follows
    return subject.lower_


def holds_office(acronym: str, words: frozenset[str]) -> bool:
    """Whether role words give that office: the acronym itself, or every word it spells."""
    return acronym in words or all(w in words for w in OFFICE_ACRONYMS[acronym])
