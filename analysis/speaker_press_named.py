"""Publications a story names without a newspaper's word in their name ("USA Today", "The
Advocate", "Haaretz"), for "the newspaper said" when no name like "The Washington Post" came
before (`speaker_press`).

An organisation is such a publication when the text calls it one (in apposition, "The Advocate,
the Baton Rouge newspaper"; "the newspaper X"; "X is a newspaper"), or, failing any, when it
does what publications do: it is the subject of reporting or publishing ("X reported", "X
wrote", "X published"), owns a piece of writing or a writer ("X's editorial", "X's reporter"),
or holds one ("an editorial in X", "the editors of X", "told X").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from analysis.types import EntityKind, Mention

PRESS_CALLED = frozenset({"newspaper", "paper", "daily", "tabloid", "magazine", "publication"})
_PUBLISHING = frozenset({"report", "write", "publish", "editorialize", "editorialise", "print"})
_PIECES = frozenset(
    """editorial editorials article story column op-ed report reporter reporters columnist
    editor editors writer correspondent headline interview""".split()  # noqa: SIM905
)
_HOLDING = frozenset({"in", "of", "to", "with", "by"})


def called_press(doc: Doc, mention_at: Callable[[int], Mention | None]) -> set[str]:
    """Keys of the organisations the text calls a newspaper or magazine (module docstring)."""
    keys = set()
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PRESS_CALLED:
            continue
        beside = [c for c in noun.children if c.dep_ == "appos"]
        beside += [c for c in noun.rights if c.pos_ == "PROPN"]
        if noun.dep_ in {"appos", "compound"}:
            beside.append(noun.head)
        if noun.dep_ == "attr":
            beside += [c for c in noun.head.children if c.dep_ == "nsubj"]
        for token in beside:  # the name's head, or a word before it ("The Union Leader")
            words = [token, *(c for c in token.lefts if c.dep_ == "compound")]
            found = next((m for t in words if (m := mention_at(t.idx)) is not None), None)
            if found is not None and found.kind == EntityKind.ORG:
                keys.add(found.key)
    return keys


def acts_as_press(doc: Doc, mention: Mention) -> bool:
    """Whether the text has this organisation report, publish, own a piece or hold one."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in _PUBLISHING:
        return True
    if root.dep_ == "poss" and head.lemma_.lower() in _PIECES:
        return True
    if root.dep_ == "pobj" and head.lower_ in _HOLDING:
        return head.head.lemma_.lower() in _PIECES or head.head.lemma_.lower() == "tell"
    return root.dep_ == "dobj" and head.lemma_.lower() == "tell"


def latest_acting_press(
    doc: Doc, mentions: Sequence[Mention], before: int, excluded: Callable[[int], bool]
) -> Mention | None:
    """The latest organisation named before this point that acts as a publication."""
    acting = [
        m
        for m in mentions
        if m.kind == EntityKind.ORG
        and m.end <= before
        and not excluded(m.start)
        and acts_as_press(doc, m)
    ]
    return acting[-1] if acting else None
