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

_SHORTEST = 5


def one_letter_off(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added, dropped, or two
    neighbours swapped ("Tinsely", "Tinsley")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


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
