"""An organisation written by its clipped name: "the Fed" after "the Federal Reserve", "the Met"
after "the Metropolitan Police" (issue 12, session 27).

The model tags both as organisations, so the article's quotations were split between an entity
"Fed" and an entity "Federal Reserve": a member asking for either missed half. A one-word
organisation, capitalised and not an acronym, that is the first letters of the first word of
exactly one organisation the article names in two words (after a country's abbreviation: "the
U.S. Federal Reserve"), that word at least three letters longer ("Fed"/"Federal"; not "Republic"
for "Republican Party"), is that organisation. A longer name ("the Federal Open Market
Committee", a body of the Fed) is no candidate, nor is a name shared by two organisations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.types import EntityKind, Mention

_CLIPPED = re.compile(r"^[A-Z][a-z]{2,5}$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2,3}$")


def clipped_names(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Each clipped organisation name given the name and key of the one longer organisation it
    clips (module docstring); that organisation, written after a country's abbreviation, is
    named without it wherever the article writes it ("Federal Reserve" for "the U.S. Federal
    Reserve", the name "the Fed" is short for)."""
    full = {m.key: m.name for m in mentions if m.kind == EntityKind.ORG and " " in m.name}
    clipped: dict[int, str] = {}
    for i, mention in enumerate(mentions):
        word = mention.name
        if mention.kind != EntityKind.ORG or not _CLIPPED.match(word):
            continue
        keys = {
            key
            for key, name in full.items()
            if len(words := _without_country(name)) == 2
            and words[0].startswith(word)
            and len(words[0]) >= len(word) + 3
        }
        if len(keys) == 1:
            clipped[i] = keys.pop()
    targets = set(clipped.values())
    out = []
    for i, mention in enumerate(mentions):
        key = clipped.get(i, mention.key if mention.kind == EntityKind.ORG else None)
        if key not in targets:
            out.append(mention)
            continue
        words = _without_country(full[key])
        plain = key.split()[len(key.split()) - len(words) :]
        out.append(replace(mention, name=" ".join(words), key=" ".join(plain)))
    return tuple(out)


def _without_country(name: str) -> list[str]:
    """The words of an organisation's name after a leading country's abbreviation ("U.S.
    Federal Reserve" -> "Federal Reserve")."""
    words = name.split()
    while len(words) > 1 and _ABBREVIATION.match(words[0]):
        words = words[1:]
    return words
