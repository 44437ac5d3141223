"""The organisation a speaking "it" stands for, read from the organisations that spoke before.

News copy names a firm once as a speaker ("economists at Goldman Sachs said", "the Acme Corp
said") and then lets it speak as "it" for paragraphs ("…,” it said."; "it noted"). A reader
takes every such "it" for the organisation the previous speaking "it" stood for, or else for
the latest organisation that spoke; an organisation named only inside the reported words of a
speaker ("adding it hopes more will come from the central bank") is what was spoken of, not who
speaks. The rules here are decided from the parse only: a speaker is the subject of a cue verb
(`quote_cues.is_cue`), and reported words are a clausal complement of one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis.pronouns import root_of
from analysis.quote_cues import is_cue
from analysis.speaker_words import WRITINGS
from analysis.types import EntityKind, Mention

_LOOK_BACK = 12  # sentences: how far back a speaking "it" looks for who spoke before


def speaks(token: Token) -> bool:
    """Whether the token is the subject of a cue verb: "it said", "the firm noted"."""
    return token.dep_ == "nsubj" and is_cue(token.head)


def reported(token: Token) -> bool:
    """Whether the token sits inside the reported words of a speech verb ("adding it hopes
    more will come from the RBI": "RBI" is under the complement of "adding")."""
    word = token
    while word.head.i != word.i:
        if word.dep_ == "ccomp" and is_cue(word.head):
            return True
        word = word.head
    return False


def spoken_orgs(doc: Doc, orgs: Sequence[Mention]) -> list[Mention]:
    """The organisations of a list not named only inside reported words."""
    return [m for m in orgs if (r := root_of(doc, m)) is not None and not reported(r)]


def _org_speaks(root: Token) -> bool:
    """Whether an organisation's head speaks: as the subject ("Acme said"), as the body a
    speaking subject is "at" or "from" ("economists at Acme said"), or written before one
    ("Acme economists said")."""
    if speaks(root):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"at", "from", "for", "of"}:
        return speaks(root.head.head)
    return root.dep_ in {"compound", "nmod"} and speaks(root.head)


def previous_speaker(
    doc: Doc,
    token: Token,
    mention_at: Callable[[int], Mention | None],
    excluded: Callable[[int], bool],
    it_stands_for: Callable[[Token], Mention | None],
) -> Mention | None:
    """The organisation a speaking "it" stands for: the one the previous speaking "it" stood
    for, or the latest organisation that spoke, within the sentences just before; None when a
    writing spoke in between ("the report said") or nothing was found."""
    sentences = 0
    sentence = token.sent
    for word in reversed(doc[: token.i]):
        if word.sent != sentence:
            sentence = word.sent
            sentences += 1
            if sentences > _LOOK_BACK:
                return None
        if excluded(word.idx) or not word.is_alpha:
            continue
        if word.lower_ == "it" and speaks(word):
            return it_stands_for(word)
        found = mention_at(word.idx)
        if found is not None and found.kind == EntityKind.ORG and not excluded(found.start):
            root = root_of(doc, found)
            if root is not None and root.i == word.i and _org_speaks(root):
                return found
            continue
        if speaks(word) and word.pos_ == "NOUN" and word.lemma_.lower() in WRITINGS:
            return None  # "the report said": what "it" says may be the writing's
    return None
