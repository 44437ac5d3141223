"""Which newspaper "the newspaper" is: "In a scathing editorial, The Wall Street Journal called
on Trump to … / “…,” the conservative-leaning newspaper wrote."

A story calls a publication it has named "the newspaper", "the paper", "the editorial board"
or "the editorial"; a reader takes the latest publication named before it. A publication is an
organisation whose name holds a word newspapers are named with ("The Washington Post", "The Des
Moines Register", "Daily News"), or one the text calls a newspaper; the latest such name
decides. With none, the latest organisation the text has report or publish
(`speaker_press_named`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from analysis.types import EntityKind, Mention

_PRESS_NOUNS = frozenset({"newspaper", "paper", "editorial", "publication", "tabloid", "daily"})
_PRESS_WORDS = frozenset(
    """times post journal news herald tribune gazette telegraph guardian observer register
    examiner chronicle daily inquirer globe star sun mirror express standard independent
    courier dispatch bulletin review magazine weekly""".split()  # noqa: SIM905
)


def speaks_for_press(subject: Token) -> bool:
    """ "the newspaper", "the paper's editorial board", "the editorial": a definite noun for a
    publication or its board."""
    lemma = subject.lemma_.lower()
    modifiers = {c.lower_ for c in subject.lefts if c.dep_ in {"amod", "compound"}}
    board = lemma == "board" and "editorial" in modifiers
    definite = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
        for c in subject.children
    )  # not "a paper from the Brookings Institution": a writing, not a publication
    return subject.pos_ == "NOUN" and definite and (lemma in _PRESS_NOUNS or board)


def latest_press(
    mentions: Sequence[Mention],
    before: int,
    excluded: Callable[[int], bool],
    called: frozenset[str] = frozenset(),
) -> Mention | None:
    """The latest publication the text named before this point, or None; `called` are the
    keys of organisations the text calls a newspaper (`speaker_press_named`)."""
    press = [
        m
        for m in mentions
        if m.kind == EntityKind.ORG
        and m.end <= before
        and not excluded(m.start)
        and (m.key in called or _PRESS_WORDS & set(m.name.lower().split()))
    ]
    return press[-1] if press else None
