"""Which descriptions stand for the person a story is about ("the Conservative MP said", "the
New York businessman says"), for `quote_cue_speakers._described` to tie to that person.

Two kinds of singular noun, with "the" or a possessor:

- a role, an office or a calling ("the former mayor", "Obama's former campaign strategist"):
  it must fit the role words the article gave the person, when it gave any ("the Indiana
  governor" is not the nominee the paragraph is about; `SpeakerResolver.fits_role`);
- a trait, what a story calls its subject for variety ("the New York businessman", "the
  gambling tycoon", "the real estate developer"): an article seldom writes it beside the name
  ("Republican nominee Donald Trump" ... "the New York businessman says"), so no role words are
  asked of it; the paragraphs around must still be about that one person.

A place's people ("the Texan", "the Ohioan") are a trait too, its party ("the Republican") a
role. A hyphenated title ("the president-elect", "the secretary-general"), whose suffix the
parse makes the head, is a role only when the article gave that title to one person
(`speaker_role_compounds`): "the elect" alone is no one.

Not a spokesperson, lawyer or aide, who speak for someone else, nor family words, nor "the man"
or "the woman", which a story uses for people it never names.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_role_compounds import ROLE_SUFFIXES, one_titled
from analysis.speaker_words import definite, word_set

# With the suffixes of hyphenated titles, the head of "the president-elect" in the parse.
DESCRIBED_ROLES = ROLE_SUFFIXES | word_set(
    """president minister premier chancellor senator congressman congresswoman representative mp
    lawmaker legislator governor mayor councillor councilor councilman councilwoman leader
    chairman chairwoman ceo executive director founder owner coach manager judge commissioner
    superintendent sheriff ambassador candidate nominee strategist economist analyst professor
    researcher scientist author writer novelist poet singer actor actress artist player veteran
    campaigner activist surgeon neurosurgeon physician doctor pastor comedian commentator
    columnist pundit filmmaker"""
)
DESCRIBED_TRAITS = word_set(
    """businessman businesswoman tycoon mogul magnate billionaire millionaire developer
    entrepreneur frontrunner front-runner"""
)


# A party member is a role: it must fit the party words the article gave the person.
_PARTIES = word_set("republican democrat")


def description_kind(subject: Token, named: bool) -> str | None:
    """ "role", "trait" or None: what a subject noun is as a description (module docstring);
    `named` when an entity covers it, which then is no description."""
    if subject.tag_ not in {"NN", "NNP"} or named:
        return None
    if not definite(subject) and not any(c.dep_ == "poss" for c in subject.children):
        return None
    lemma = subject.lemma_.lower()
    if lemma in ROLE_SUFFIXES:  # "the president-elect" the article gave one person
        return "role" if one_titled(subject) else None
    if lemma in DESCRIBED_ROLES or lemma in _PARTIES:
        return "role"
    if lemma in DESCRIBED_TRAITS:
        return "trait"
    return "trait" if subject.tag_ == "NNP" and subject.ent_type_ == "NORP" else None
