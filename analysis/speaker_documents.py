"""Who a writing speaks for: "“…,” the statement said" after "President Obama released a
statement", "In a statement, the mogul announced …", "Fox News said in a statement".

A reader takes "the statement" (or "the letter", "the report", any of the writings in
`speaker_words.DOCUMENTS`) to be the one the text last mentioned, and that one's issuer: the
subject of the verb it is the object of ("X released a statement") or that it is set in ("X said
in a statement", "In a statement, X announced"), its possessor ("X's letter") or a name before
it ("a Times article"), or the name after
"from" or "by" ("a report by X"). `issuer_of` finds that word, for the resolver to resolve; the
latest mention of the writing decides, so an earlier statement by someone else does not.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from analysis.speaker_words import definite, earlier_nouns

_LOOK_BACK = 6  # sentences before the one that quotes the writing
_SET_IN = frozenset({"in", "through", "via"})  # "said in a statement"
_FROM = frozenset({"from", "by"})  # "a statement from X"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAMED = frozenset({"PERSON", "ORG"})
# Words a story uses for the same writing: "Mariano wrote a memoir … “…,” the book said".
_KINDRED = (
    frozenset({"book", "memoir", "autobiography", "novel"}),
    frozenset({"article", "piece", "column", "editorial", "op-ed"}),
)


def issuer_of(
    subject: Token, documents: frozenset[str], excluded: Callable[[int], bool]
) -> Token | None:
    """The word naming who issued the writing "the X" that speaks, from its latest earlier
    mention (module docstring); None when there is none or it names no issuer."""
    if subject.lemma_.lower() not in documents or subject.pos_ != "NOUN" or not definite(subject):
        return None
    lemma = subject.lemma_.lower()
    kin = next((words for words in _KINDRED if lemma in words), frozenset())
    for earlier in earlier_nouns(subject, _LOOK_BACK, excluded, kin):
        issuer = _issuer(earlier)
        if issuer is not None or not (earlier.dep_ in _SUBJECTS and definite(earlier)):
            return issuer
        # "The email said, “…” … The email went on to say": the same writing spoke before
    return None


def _issuer(writing: Token) -> Token | None:
    """Who issued one mention of a writing: its possessor, "from/by X", or the subject of the
    verb it is the object of or set in; the agent of a passive one ("an email was sent from
    the club's director, X"). A writing word modifying another names the same writing ("sent
    out an email fundraising appeal")."""
    while writing.dep_ == "compound" and writing.head.pos_ == "NOUN":
        writing = writing.head
    for child in writing.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in _NAMED):
            return child  # "X's letter", "a Times article"
        if child.dep_ == "prep" and child.lower_ in _FROM:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    verb = writing.head
    if writing.dep_ == "nsubjpass":
        return _agent(verb)
    if writing.dep_ == "pobj" and verb.lower_ in _SET_IN:
        verb = verb.head
    elif writing.dep_ != "dobj":
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _agent(verb: Token) -> Token | None:
    """Who did a passive verb: the object of its "by" or "from" ("was sent from X")."""
    for prep in verb.children:
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in _FROM:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def written_by(writing: Token) -> Token | None:
    """The name a writing is said to be by, where it is written: "a report by X", "a
    statement from X", "a court document filed by X", "a letter signed by X"; None for several
    ("signed by Sens. X, Y and Z")."""
    by = [c for c in writing.children if c.dep_ == "prep" and c.lower_ in _FROM]
    for child in (c for c in writing.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        by += [c for c in child.children if c.lower_ == "by"]
    author = next((c for b in by[:1] for c in b.children if c.dep_ == "pobj"), None)
    if author is None or any(t.dep_ == "conj" for t in author.subtree):
        return None  # "signed by Sens. X, Y and Z": several, no one of them
    return author
