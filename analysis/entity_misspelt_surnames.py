"""A surname written alone and misspelt: the one person named in full whose surname it nearly is.

"Trevor Houser, a partner at the Rhodium Group, …" and later "“…,” Hauser said": the page
misspells the surname once. Written alone and matching no full name, "Hauser" became a person of
its own, and that quotation was stored under a name no member would search for. `respelled`
gives the full name a lone surname stands for when the article writes exactly one full name
whose surname differs from it by one letter changed or two neighbouring letters swapped
("Tinsely" for "Dylan Tinsley"), both five letters or more (short names differ by a letter
too often: "Lew" and "Lou" are two people). A letter added or dropped is left alone: "Clintons"
is a family, not Hillary Clinton.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.pronoun_lone_speakers import one_letter_off

_SHORTEST = 5


def respelled(name: str, full_names: Mapping[str, str]) -> str | None:
    """The one full name (of `full_names`, key -> name) a lone surname misspells, or None."""
    if " " in name or len(name) < _SHORTEST or not name.isalpha() or not name[:1].isupper():
        return None
    lower = name.lower()
    found = {
        key: full
        for key, full in full_names.items()
        if len(surname := full.split()[-1]) == len(lower) and one_letter_off(lower, surname.lower())
    }
    return next(iter(found.values())) if len(found) == 1 else None
