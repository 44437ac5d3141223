"""Speech verbs the list in `quote_cues.CUE_VERBS` does not hold: idioms of saying, and verbs that
say how words were said.

- Idioms: "As Vulture put it, “…”", "as John Cornyn put it:", "“…,” Mr. Rubel pointed out",
  "Trump issued a statement, “…”": "put it" with "as", "point out", and "issue" or "release"
  a statement are saying, whoever says it (`speech_idiom`).
- Manner: "Mr. Trump yelled, “Out, out, out!”", "“…?” Beck questioned", "Billy Joel sings,
  “…”", "reacted Trump", "Hillary Clinton cracked, “…”". These verbs also name sounds and
  deeds ("the crowd cried", "the market reacted"), so, like a trailing verb, a quote takes one
  only when its speaker is someone the article names (`quotes._attribute`); "“Mexico!” the
  audience screamed back" stays unattributed. A writing that "reads" ("“…,” the article
  read") is taken the same way: its words are its author's only when the article names them.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_words import WRITINGS, word_set

MANNER_VERBS = word_set("yell scream chant cry wonder question react sing crack beam holler mutter")


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Writings whose words "read" so: "the article read", "the statement reads".
_READ = WRITINGS - word_set("poll survey analysis study")


# "Trump issued a statement, “…”", "President Clinton released the following statement:"
_ISSUING = frozenset({"issue", "release"})
_ISSUED = frozenset({"statement"})


def issues_statement(verb: Token) -> bool:
    """ "issued a statement", "released the following statement"."""
    if verb.lemma_.lower() not in _ISSUING:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _ISSUED for c in verb.children)


def _reads(verb: Token) -> bool:
    """ "“…,” the article read", "the statement reads": a writing's words, as said."""
    if verb.lemma_.lower() != "read":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _READ for c in verb.children)


def speech_idiom(verb: Token) -> bool:
    """ "point out", "put it" in an "as" clause ("As X put it, “…”"), "issue a statement"."""
    if issues_statement(verb):
        return True
    lemma = verb.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if lemma != "put":
        return False
    it = any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    as_dep = {"mark", "advmod", "prep"}  # "prep": "As X put it" parsed with X the object of "as"
    return it and any(c.dep_ in as_dep and c.lower_ == "as" for c in verb.children)


def manner_verb(verb: Token) -> bool:
    """A verb that says how words were said ("yelled", "sings") with a subject of its own, for
    named speakers only; not one borrowing a subject ("the Panthers played …, while
    chanting, “…”" is the protesters', whom the parse lost)."""
    if _reads(verb):
        return True  # "“…,” the article read": for a writing whose author the article names
    if verb.lemma_.lower() not in MANNER_VERBS:
        return False
    if verb.tag_ not in _FINITE and verb.tag_ != "VBG":
        return False  # a participle with a subject of its own: "with Trump yelling: “…”"
    return any(c.dep_ == "nsubj" for c in verb.children)


# Verbs that report what was said when a "that" clause follows them ("Verhagen highlights that
# “…”", "Novak shared that “…”", "Haley spotlighted that …", "he charged that “…”"), and
# otherwise do not ("highlighted the risk", "shared a photo", "charged a fee"): outside
# `quote_cues.CUE_VERBS`.
THAT_VERBS = word_set(
    "highlight underline underscore share clarify disclose specify spotlight charge"
)


def reports_that(verb: Token, below: Token) -> bool:
    """ "highlights that “…”": a `THAT_VERBS` verb whose clause complement, the one the quote
    stands in, opens with "that", or is the quotation itself, opened right after the verb
    ("she charged “you're just scum.”"); for named speakers only, as a manner verb."""
    if verb.lemma_.lower() not in THAT_VERBS or below.head != verb or below.dep_ != "ccomp":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" and c.i < below.i for c in below.children):
        return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.is_quote and after.i < below.left_edge.i
