"""A state body named by its nation: "the Israeli military said", "the Egyptian government
announced", "the Chinese foreign ministry said".

News English names a country's government, army or ministry by the nation's adjective and the
body's noun, not by a proper name; a reader takes "the Israeli military" as one body, whose
words a member looks up as "Israeli military" (the labels name it so, as the article writes it,
"the" dropped). The noun is one of a state's bodies, singular, after "the"; every word before it
is the nation's adjective (tagged a nationality or a country) or a plain adjective or noun of
the body ("foreign"); the nation's word is there. A diplomatic body's posting is part of its
name ("the Israeli mission to the UN in Geneva"). Not "Israeli officials" (people, several), nor
"the military" alone (whose, the text must say).
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.entities import make_key
from analysis.speaker_words import Speaker, definite, np_text, word_set

# A state's bodies, as a nation's adjective names them.
STATE_BODIES = word_set(
    """government military army navy ministry embassy mission administration cabinet regime
    parliament junta presidency consulate delegation"""
)
_NATIONS = frozenset({"NORP", "GPE"})
_DIPLOMATIC = word_set("mission embassy consulate delegation")
_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def state_body(subject: Token) -> Speaker | None:
    """The body a nation's adjective and a state body's noun name (module docstring), under
    the name as written without "the" ("Egyptian government"), or None."""
    if subject.pos_ not in {"NOUN", "PROPN"} or subject.tag_ in {"NNS", "NNPS"}:
        return None
    if subject.lemma_.lower() not in STATE_BODIES or not definite(subject):
        return None
    words: list[Token] = []
    for child in subject.lefts:
        if child.dep_ == "det":
            continue
        if child.dep_ not in _MODIFIERS or any(t is not child for t in child.subtree):
            return None  # "the party's government", "the newly elected government"
        words.append(child)
    nations = [w for w in words if w.ent_type_ in _NATIONS]
    if not nations or nations[0] is not words[0]:
        return None
    if any(w.ent_type_ not in _NATIONS and w.pos_ not in {"ADJ", "NOUN"} for w in words):
        return None  # "the Israeli Netanyahu government": a leader's, not the nation's alone
    name = " ".join([*(w.text for w in words), subject.text, *_posted_to(subject)])
    return Speaker(np_text(subject), name, make_key(name))


def _posted_to(subject: Token) -> list[str]:
    """Where a diplomatic body is posted, which is part of its name: "the Israeli mission to
    the UN in Geneva", "the Chinese embassy in London"; nothing for any other body."""
    if subject.lemma_.lower() not in _DIPLOMATIC:
        return []
    end = subject.i
    for prep in subject.rights:  # "to the UN" and "in Geneva", one after the other
        if prep.dep_ != "prep" or prep.lower_ not in {"to", "in"} or prep.i != end + 1:
            break
        end = prep.right_edge.i
    return subject.doc[subject.i + 1 : end + 1].text.split()
