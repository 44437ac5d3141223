"""A speaker the parser made the subject of the clause its speech verb reports.

"RoseAnn DeMoro, executive director of National Nurses United, a union that has endorsed Mr.
Sanders and that has been busing its members ..., also said her group planned ...": after a
long apposition with a relative clause, the small model hangs the name on the relative clause's
verb ("busing"), makes that verb a clause the speech verb reports (ccomp), and leaves "said"
with no subject. The pronoun chain then read DeMoro as someone whose words are reported (no
one the next "she said" is) and passed over her to a woman named before. `misattached` says
whether a subject is such a speaker: its verb is a clause of a speech verb that has no subject
of its own, and both the subject and its verb stand before the speech verb (a reported clause
after its speech verb, "X said Y planned ...", or a quotation before it, "“…,” said Y", is
parsed with the speech verb's own subject).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def misattached(subject: Token, speech_verbs: Collection[str]) -> bool:
    """Whether a subject is its speech verb's speaker, misparsed (module docstring)."""
    verb = subject.head
    if verb.dep_ != "ccomp" or subject.dep_ not in _SUBJECTS:
        return False
    speech = verb.head
    if speech.lemma_.lower() not in speech_verbs or not speech.i > verb.i > subject.i:
        return False
    if subject.pos_ != "PROPN":
        return False
    return not any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in speech.children)
