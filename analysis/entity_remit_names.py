"""A committee's full name, which the small model cuts before its remit: "the House Select
Committee" of "the House Select Committee on the Strategic Competition Between the United States
and the Chinese Communist Party", "the Senate Committee" of "the Senate Committee on Foreign
Relations" (issue 12, session 27).

The labels and a member name the body by its whole name, and the quotations its members give
("the lawmakers wrote", `speaker_group_introduced`) reach a member only under it. A committee,
commission, council, caucus or panel tagged as an organisation and followed by "on" and
capitalised words (small words between them) runs on through them to its last capitalised word
(`remit_names`); not through a date ("the Budget Committee on Monday").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from analysis.doc_text import doc_text
from analysis.types import EntityKind, Mention

# A body's kind that takes its remit after "on" in its full name ("Committee on Foreign Affairs").
_REMIT_BODIES = frozenset({"committee", "subcommittee", "commission", "council", "caucus", "panel"})
_NOT_REMITS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
_REMIT = re.compile(
    r" on (?:the )?([A-Z])[\w'’-]*(?: (?:[A-Z][\w'’-]*|the|of|and|for|on|between|in|to|&))*"
)


def remit_names(
    doc: Doc, mentions: Sequence[Mention], make_key: Callable[[str], str]
) -> tuple[Mention, ...]:
    """A committee the model tagged without its remit ("the House Select Committee" of "the
    House Select Committee on the Strategic Competition Between the United States and …"):
    the name runs on through "on" and the capitalised words after it (small words between
    them), to its last capitalised word, as the body's full name does; not a date ("the
    Budget Committee on Monday")."""
    text = doc_text(doc)
    dated = {t.idx for t in doc if t.ent_type_ in _NOT_REMITS}
    out = []
    for mention in mentions:
        words = mention.name.split()
        if mention.kind != EntityKind.ORG or words[-1].lower() not in _REMIT_BODIES:
            out.append(mention)
            continue
        found = _REMIT.match(text, mention.end)
        if found is None or found.start(1) in dated:
            out.append(mention)
            continue
        remit = found.group(0).split()
        while remit[-1][:1].islower():  # "… on Energy and the": end on a capitalised word
            remit.pop()
        name = " ".join([*words, *remit])
        out.append(replace(mention, name=name, key=make_key(name)))
    return tuple(out)
