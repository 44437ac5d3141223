"""A first name's usual gender, for a person the article itself does not gender.

"Oprah Winfrey … “…,” he said" gave "he" to Oprah Winfrey: nothing in that article calls her
"she" or "Ms.", so `speaker_gender` had no vote for her and any pronoun could stand for her. A
reader knows Oprah is a woman's name. This module says so from nomquamgender's name data
(PyPI, MIT licence: 722k first names with the share of women among their bearers, pooled from
up to 35 sources a name in many countries), read from the installed package. It is a prior:
`speaker_gender` weighs it against the article's pronoun votes only, and an honorific or a
gendered role beside the name always wins over it.

A name counts only when the package's own taxonomy calls it *gendered* at its default
uncertainty of 0.1 (P(female) outside 0.1–0.9 across its sources, not only within one country
or decade: "Jean", "Andrea", "Kim", "Xi", "Yoon", "Chris" give nothing) and it has at least 10
observations (the package's "high coverage"). Only a person named in at least two words is
asked, by the first word: one word alone may be a surname ("Clinton" is a man's first name),
and a title ("Dr", "Queen") or an initial is no first name.

The package's module imports pandas at import time, so it is not imported: its JSON file is
read once per process as text (22 MB) and searched by bisection, its keys being sorted, rather
than parsed whole (a parsed copy holds about 280 MB and takes seconds to build).
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

from analysis.entities import TITLE_WORDS

MALE, FEMALE = "male", "female"
_PACKAGE = "nomquamgender"
_MIN_COUNTS = 10  # the package's own "high coverage" threshold (taxonomize's min_counts)
_GENDERED = 3  # its taxonomy's "gendered" (2: only within a country, 1: a decade, 0: weakly)
_AT_DEFAULT = 1  # the taxonomy's column for an uncertainty of 0.1, the package's default
_SEPARATOR = ', "'  # between two entries; inside a key a quote is written \" so never this


@cache
def _data() -> str:
    """The name data as one string, read once (from the installed package, never downloaded)."""
    spec = importlib.util.find_spec(_PACKAGE)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return ""
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "name_data.json").read_text(encoding="utf-8")


def _key_at(text: str, start: int) -> tuple[str, int]:
    """The key of the entry whose key opens at `start`, and where its value begins."""
    end = text.find('": [', start)
    raw = text[start:end]
    key = json.loads(f'"{raw}"') if "\\" in raw else raw
    return key, end + 3


def _entry(name: str) -> list[object] | None:
    """The entry [sources, counts, P(female), taxonomy] of a lowercase name, or None."""
    text = _data()
    lo, hi = 0, len(text)
    while lo < hi:  # the first separator at or after `mid` opens a key >= name?
        mid = (lo + hi) // 2
        at = text.find(_SEPARATOR, mid)
        if at < 0 or _key_at(text, at + len(_SEPARATOR))[0] >= name:
            hi = mid
        else:
            lo = mid + 1
    at = text.find(_SEPARATOR, lo)
    if at < 0:
        return None
    key, value = _key_at(text, at + len(_SEPARATOR))
    if key != name:
        return None
    after = text.find(_SEPARATOR, value)
    closing = text.rfind("}") if after < 0 else after
    entry = json.loads(text[value:closing])
    return entry if isinstance(entry, list) and len(entry) == 4 else None


def _plain(word: str) -> str:
    """Lowercase without diacritics, as the package's keys are written ("José" -> "jose")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def first_name_gender(first: str) -> str | None:
    """ "male" / "female" when this first name is confidently one gender, else None."""
    name = _plain(first)
    if len(name) < 2 or not name.replace("-", "").replace("'", "").isalpha():
        return None
    if name in TITLE_WORDS:
        return None
    entry = _entry(name)
    if entry is None:
        return None
    _sources, counts, female, taxonomy = entry
    category = taxonomy[_AT_DEFAULT] if isinstance(taxonomy, list) else taxonomy
    if not isinstance(counts, int) or counts < _MIN_COUNTS or category != _GENDERED:
        return None
    if not isinstance(female, (int, float)):
        return None
    return FEMALE if female >= 0.5 else MALE


def name_gender(name: str) -> str | None:
    """The gender a person's full name suggests by its first word ("Oprah Winfrey" -> female);
    None for a one-word name (it may be a surname), an initial, or a name of either gender."""
    words = name.split()
    if len(words) < 2:
        return None
    return first_name_gender(words[0].rstrip("."))
