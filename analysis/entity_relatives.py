"""A full name the article introduces as a relative of a lone surname ("Fischer's mother,
Adrianne Fischer"; "Adrianne Fischer, Fischer's mother") is not the person that surname stands
for: the writer has just told the reader the two differ. So a lone surname two full names
share ("Tanner Fischer", "Adrianne Fischer") is the one full name left when the others are so
introduced (`entities._fold_people`); it stays as written when none or several are left.

Only a surname written alone as the possessor counts: "Bill Clinton's wife, Hillary Clinton"
says nothing of whom a lone "Clinton" means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analysis.speaker_words import word_set

# Family words a relative is introduced with (`speaker_relatives.RELATION_GENDER` has their
# genders; that module imports the entity rules, so the words are listed here too).
FAMILY_WORDS = word_set(
    """mother father wife husband son daughter brother sister grandmother grandfather aunt
    uncle niece nephew mom mum dad grandson granddaughter cousin widow widower stepmother
    stepfather stepson stepdaughter"""
)
_FAMILY = "|".join(sorted(FAMILY_WORDS, key=len, reverse=True))
_POSSESSIVE = "(?:[’']s|[’'])"
_ADJECTIVE = r"(?:[a-z-]+\s+)?"  # "Fischer's late mother", "Fischer's younger brother"


def relatives_of(surname: str, full_names: Mapping[str, str], text: str) -> frozenset[str]:
    """The keys of `full_names` (key -> name as written) the text introduces as a relative of
    the lone `surname` (as written), next to it in apposition."""
    s = re.escape(surname)
    found = set()
    for key, name in full_names.items():
        n = re.escape(name)
        before = rf"(?P<lead>[\w.’'-]+\s+)?\b{s}{_POSSESSIVE}\s+{_ADJECTIVE}(?:{_FAMILY}),?\s+{n}\b"
        after = rf"\b{n},\s+(?P<lead>[\w.’'-]+\s+)?\b{s}{_POSSESSIVE}\s+{_ADJECTIVE}(?:{_FAMILY})\b"
        for pattern in (before, after):
            if any(_lone(m.group("lead")) for m in re.finditer(pattern, text)):
                found.add(key)
    return frozenset(found)


def _lone(lead: str | None) -> bool:
    """Whether the word before the possessor leaves it a lone surname: not a first name or
    title written before it ("Bill Clinton's wife")."""
    return lead is None or not lead.strip()[:1].isupper()
