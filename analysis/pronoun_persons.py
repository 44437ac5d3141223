"""Which one-word "people" of an article a he/she may not stand for: words the model tagged
PERSON that the article never uses as a person.

The small model tags words that are no one PERSON: an event or policy ("Four years earlier
Brexit came as a blow to him … “…,” he adds"), a people ("Bedouin women from a nearby village
looked on. … he said"), a prize ("an indicator of Oscar success"). The pronoun chain then gave
the next "he" to that word. A reader knows such a word is no one from how the article writes
it: it modifies a common noun ("Bedouin women", "the Brexit transition") or follows an article
("the Brexit", "a Bedouin"), as a name seldom does, and nothing the article writes makes it a
person. So a PERSON key is no one here when

- every mention of it is one word (no first name and surname anywhere: "Donald Trump" beside
  "the Trump administration" is a person);
- that word is no usual first name (`speaker_first_names`: "Hafiz" or "Kate" alone are people)
  nor the surname of a full name the article writes (`speaker_names.full_name_in`: "Rollock"
  beside a "Nicola Rollock" the model tagged as an organisation);
- it is no title ("the Queen"), and no mention has a title or honorific before it ("Mr.",
  "President"), is a possessor ("Trump's"), speaks (the subject of a speech verb) or stands
  in apposition to a noun;
- and at least one mention modifies a common noun or follows a determiner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis.entities import TITLE_WORDS
from analysis.speaker_first_names import first_name_gender
from analysis.speaker_gender import ROLE_GENDER
from analysis.speaker_names import full_name_in
from analysis.types import EntityKind, Mention

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_DETERMINERS = frozenset({"the", "a", "an"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _modifies_a_noun(token: Token) -> bool:
    """ "Bedouin women", "the Brexit transition": the word modifies a lower-case common noun,
    or an article stands right before it ("the Brexit")."""
    if token.dep_ in _MODIFIER_DEPS and token.head.pos_ == "NOUN" and token.head.text.islower():
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.lower_ in _DETERMINERS


def _person_use(token: Token, speech_verbs: frozenset[str]) -> bool:
    """A use only a person's name has: after a title or honorific, as a possessor, as the
    subject of a speech verb, or in apposition."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_.rstrip(".") in TITLE_WORDS:
        return True
    if token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children):
        return True
    if token.dep_ in _SUBJECT_DEPS and token.head.lemma_.lower() in speech_verbs:
        return True
    return token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children)


def no_ones(
    doc: Doc,
    mentions: Sequence[Mention],
    excluded: Callable[[int], bool],
    speech_verbs: frozenset[str],
) -> frozenset[str]:
    """The PERSON keys the article never uses as a person (the module docstring's rule)."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.kind == EntityKind.PERSON:
            by_key[mention.key].append(mention)
    found = set()
    for key, group in by_key.items():
        if any(" " in m.name or " " in m.text.strip() for m in group):
            continue
        word = group[0].name.rstrip(".")
        if first_name_gender(word) is not None or full_name_in(doc, word) is not None:
            continue  # "Hafiz", or "Rollock" beside a "Nicola Rollock" the model did not tag
        if word.lower() in TITLE_WORDS or word.lower() in ROLE_GENDER:
            continue  # "the Queen": a title is a person's
        tokens = []
        for mention in group:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                tokens.append(span.root)
        if not tokens or any(_person_use(t, speech_verbs) for t in tokens):
            continue
        if any(_modifies_a_noun(t) for t in tokens if not excluded(t.idx)):
            found.add(key)
    return frozenset(found)
