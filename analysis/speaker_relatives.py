"""A named person's relative as the speaker: "“…,” Erik Lund's mother said" in an article that
names one other person with Erik Lund's family name ("Maria Lund has praised the album").

A reader takes "X's mother" (wife, son, brother, ...) for the one person the article names in
full who shares X's family name and is not X: families share names, and the article writes
the relation instead of the name again. Only for a possessor that is a named person, only when
exactly one such person is named anywhere in the article, and never one whose first name says
the other gender ("Erik Lund's mother" is no "Anders Lund"). A relative the article names
with another family name, or two people who share it, leave the speaker unresolved, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis.speaker_first_names import name_gender
from analysis.speaker_gender import FEMALE, MALE, ROLE_GENDER
from analysis.speaker_words import the_one
from analysis.types import EntityKind, Mention

# Family words a possessor's relative is written with, and the gender each says.
RELATION_GENDER: dict[str, str | None] = {
    **{w: ROLE_GENDER.get(w) for w in ("mother", "father", "wife", "husband", "son")},
    **{w: ROLE_GENDER.get(w) for w in ("daughter", "brother", "sister", "grandmother")},
    **{w: ROLE_GENDER.get(w) for w in ("grandfather", "aunt", "uncle", "niece", "nephew")},
    "mom": FEMALE,
    "mum": FEMALE,
    "mommy": FEMALE,
    "dad": MALE,
    "daddy": MALE,
    "grandson": MALE,
    "granddaughter": FEMALE,
    "cousin": None,
    "widow": FEMALE,
    "widower": MALE,
}


def _family_name(mention: Mention) -> str | None:
    """The last word of a person's full name ("Lund" of "Maria Lund"); None for one word."""
    words = mention.name.split()
    return words[-1].lower() if len(words) >= 2 else None


def _named_owner(subject: Token, mention_at: Callable[[int], Mention | None]) -> Mention | None:
    """The named person a family word belongs to: "Erik Lund" of "Erik Lund's mother"."""
    if subject.tag_ != "NN" or subject.lower_ not in RELATION_GENDER:
        return None
    owners = [c for c in subject.children if c.dep_ == "poss"]
    if len(owners) != 1 or owners[0].pos_ != "PROPN":
        return None
    owner = mention_at(owners[0].idx)
    return owner if owner is not None and owner.kind == EntityKind.PERSON else None


def relative_of_named(
    subject: Token,
    mentions: Sequence[Mention],
    mention_at: Callable[[int], Mention | None],
    excluded: Callable[[int], bool],
) -> Mention | None:
    """The person "X's <relative>" stands for (module docstring), or None."""
    owner = _named_owner(subject, mention_at)
    family = _family_name(owner) if owner is not None else None
    if owner is None or family is None:
        return None
    gender = RELATION_GENDER[subject.lower_]
    found = the_one(
        m
        for m in mentions
        if m.kind == EntityKind.PERSON
        and m.key != owner.key
        and not excluded(m.start)
        and _family_name(m) == family
    )
    if found is None:
        return None
    said = name_gender(found.name)
    if gender is not None and said is not None and said != gender:
        return None
    return found
