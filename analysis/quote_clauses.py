"""A quotation that opens in lowercase yet is a direct quote: the speaker's sentence taken up
part-way, set off by its attribution.

Before it (`cue_sets_off`):

"Clinton said, “as long as we're not violating any election laws.”", "As the Post's Ishaan
Tharoor wrote, “after the European Parliament passed …”", "Bush hit back, tweeting at him, “you
aren't just a loser …”": the quoted words come right after a speech verb's clause and a comma or
colon, and close the sentence, so they are said words standing alone, not a phrase worked into
the writer's own sentence ("called it “absolute chaos”", "Kasich cautioned “let's not …”").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.speaker_words import NP_LEFT_DEPS

_SET_OFF = frozenset({",", ":"})
# How the words before the comma may hang on the speech verb: its place, time, addressee or
# medium ("said in a statement Tuesday,", "tweeting at him,"), never a clause of its own
# ("When he said it was fine, “…”" sets off the clause "it was fine", not the quote).
_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "npadvmod", "advmod", "prt", "agent"})
_STEPS = 4
# Verbs whose object is the person spoken to ("told reporters,", "asked the crowd:").
_ADDRESSING = frozenset({"tell", "ask", "warn", "assure", "urge", "remind"})
# Objects that carry words ("posted a message:", "issued a statement,").
_CARRIERS = frozenset({"statement", "message", "tweet", "post", "letter", "note", "email"})
_CLOSING = frozenset(".!?…")


def cue_sets_off(before: list[Token], is_cue: Callable[[Token], bool]) -> bool:
    """The words before a quotation end with a speech verb's clause and a comma or colon:
    "said,", "wrote in a blog post:", "tweeting at him,"."""
    if len(before) < 2 or before[-1].text not in _SET_OFF:
        return False
    word = before[-2]
    for _ in range(_STEPS):
        if is_cue(word):
            return _says(word, {t.i for t in before})
        if word.dep_ not in _PHRASE_DEPS or word.head.i >= word.i:
            return False
        word = word.head
    return False


def closes_sentence(quoted: str, after: str, run_on: bool) -> bool:
    """The quotation ends its sentence: closing punctuation inside the marks or right after them,
    nothing after it in its paragraph, or a quotation running on past its paragraph."""
    rest = after.lstrip()
    return run_on or quoted.rstrip()[-1:] in _CLOSING or rest[:1] in {"", *_CLOSING}


def _says(cue: Token, unquoted: set[int]) -> bool:
    """The speech verb's clause is complete before the quotation: not a parenthetical inside
    the writer's sentence ("It was, the president said, “a stone …”": a parataxis, or the speech
    verb's clausal complement before it), and
    no object that the quotation names or describes ("calling him, among other things, “a
    failed candidate.”", "can add a new title to his resume: “song anthropologist.”")."""
    if cue.dep_ == "parataxis" or any(
        c.dep_ == "ccomp" and c.i in unquoted and c.i < cue.i for c in cue.children
    ):
        return False  # the writer's sentence began before the speech verb
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    lemma = cue.lemma_.lower()
    return lemma in _ADDRESSING or all(o.lemma_.lower() in _CARRIERS for o in objects)


def trailed_by_cue(after: list[Token], is_cue: Callable[[Token], bool]) -> bool:
    """The words right after a quotation's closing mark are its attribution: a speech verb
    ("said Mr. Kamin") or the subject of one that follows ("Matthews concluded", "the ad's
    narrator says")."""
    words = [t for t in after if not t.is_punct and not t.is_space]
    if not words:
        return False
    head = words[0]
    if is_cue(head):
        return True
    while head.dep_ in NP_LEFT_DEPS and head.head.i > head.i:
        head = head.head
    return head.dep_ == "nsubj" and head.head.i > head.i and is_cue(head.head)


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def quoted_clause(before: list[Token], inner: list[Token], is_cue: Callable[[Token], bool]) -> bool:
    """The quoted words are a clause with its own subject, the complement of a speech verb that
    stands right before the opening mark ("said “there is no …”")."""
    if not before or not inner or not is_cue(before[-1]):
        return False
    cue, inside = before[-1], {t.i for t in inner}
    tops = [t for t in inner if t.head.i not in inside]
    if len(tops) != 1 or tops[0].head != cue or tops[0].dep_ != "ccomp":
        return False
    return any(t.dep_ in _CLAUSE_SUBJECTS and t.head.i in inside for t in inner)
