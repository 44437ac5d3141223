"""A person's whole name, where the model cut it short or the article shortens it from the end.

Quotes reach a member under the full name the article gives, so a short form must fold onto it.
Two shapes the surname rules (`entities._fold_people`) do not cover:

- a name the model tagged one word short: "President Yoon Suk Yeol" tagged "Yoon Suk",
  "Enrique Peña Nieto" tagged "Enrique Peña"; the next word is a capitalised proper noun the
  name's words hang on (or that hangs on them), tagged as nothing else, and a word the article
  never writes in lowercase, as none of the name's own ("Yeol", "Nieto"; not "Campaign",
  "Chief", "Slams"), with no capitalised word after it and outside a Title Case line
  (`run_on_end`);
- a name shortened from its end, the first words kept: a family name written first ("Yoon said"
  after "Yoon Suk Yeol"), a first name of two words ("Mary Ann said", "says Te Kaurinui" after
  "Te Kaurinui Parata"): the one full name of the article that starts with those words, when
  its other words are no generational suffix ("Donald Trump" is not "Donald Trump Jr.")
  (`by_leading_words`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from spacy.tokens import Span, Token

from analysis.entity_names import lowercase_words

_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)?$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})


def run_on_end(ent: Span, title_lines: Collection[tuple[int, int]], common: Collection[str]) -> int:
    """The token end of a PERSON entity with the one name word the model left off after it,
    or its own end (the module docstring's first shape); `common` are words that follow names
    without being part of them (titles, roles, "Foundation", headline verbs)."""
    doc = ent.doc
    if ent.end >= len(doc) or any(s <= ent.start_char < e for s, e in title_lines):
        return ent.end
    last, after = doc[ent.end - 1], doc[ent.end]
    if not _name_word(after) or after.idx != last.idx + len(last.text) + 1:
        return ent.end
    if not (last.head.i == after.i or after.head.i == last.i):
        return ent.end
    lowered = lowercase_words(doc)
    words = [after, *ent]
    if any(t.lower_ in common or t.lower_ in lowered or t.lemma_.lower() in lowered for t in words):
        return ent.end  # "Ben Carson Slams Hillary", "Clinton Campaign"
    following = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if following is not None and following.text[:1].isupper():
        return ent.end  # a run of capitalised words: a heading, or names side by side
    return ent.end + 1


def _name_word(token: Token) -> bool:
    """A capitalised proper noun with no entity of its own, that is no lone capital."""
    text = token.text
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and len(text) > 1
        and text[0].isupper()
        and not text.isupper()
        and _NAME_WORD.match(text) is not None
    )


def by_leading_words(
    key: str, full_names: Mapping[str, str], common: Collection[str] = frozenset()
) -> str | None:
    """The one full name (key -> name) that starts with the words of `key` and goes on with
    words that are no generational suffix nor `common` words (the module docstring's second
    shape)."""
    words = key.split()
    found = {
        name
        for k, name in full_names.items()
        if len(k.split()) > len(words)
        and k.split()[: len(words)] == words
        and not any(w in _SUFFIXES or w in common for w in k.split()[len(words) :])
    }
    return found.pop() if len(found) == 1 else None
