"""People named inside a subjectless participle clause that opens the pronoun's sentence.

"Asked about her own vote in the event that Clinton faces Trump, she replied: “…”": the
participle clause ("Asked …", "Describing how Trump treated her, …") has no subject of its own;
its subject is the main clause's, the pronoun. A person named inside it is someone that clause
is about, not the pronoun (had Clinton been asked, the writer would have named her in the main
clause: "Asked about …, Clinton replied"). The pronoun chain's first rule took a subject named
earlier in the pronoun's own sentence at any depth, here Clinton, the subject of a clause deep
inside the question. `inside_controlled` says whether a name's token stands in such a clause:
the branch of the pronoun's verb that holds it is an adverbial clause headed by a participle
(VBN, VBG; or the verb that opens the sentence, which the tagger may call VBD) with no subject
of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_PARTICIPLES = frozenset({"VBN", "VBG"})


def _opening(token: Token) -> Token:
    """The first word of a token's sentence, spaces and marks skipped."""
    return next((t for t in token.sent if not (t.is_space or t.is_punct)), token)


def inside_controlled(name: Token, verb: Token) -> bool:
    """Whether `name` stands inside a subjectless participle clause of `verb` (docstring)."""
    node = name
    while node.head.i not in (node.i, verb.i):
        node = node.head
    if node.head.i != verb.i or node.i == name.i:
        return False
    if node.dep_ != "advcl" or node.pos_ != "VERB":
        return False
    # a participle, or a verb opening the sentence with no subject ("Asked" tagged VBD)
    if node.tag_ not in _PARTICIPLES and node.i != _opening(node).i:
        return False
    return not any(c.dep_ in _SUBJECTS for c in node.children)
