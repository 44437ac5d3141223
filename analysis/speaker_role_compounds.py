"""A role written as two words joined by a hyphen, where the second is the head the small model
makes the subject: "the president-elect", "the governor-elect", "the prime minister-designate",
"the secretary-general".

The parse gives "the president - elect": "elect" (tagged a proper noun) the subject, the office
its compound, so the subject reads as no role at all and the quotation stays with no one, though
the article wrote "President-elect Donald Trump" above it. A reader takes the whole word for the
office: "the president-elect" is the one the article called president-elect.

- `ROLE_SUFFIXES`: the second words that make a new office of the one before them (one elected
  or named but not yet in office, or a "general" of a body), alone no such office ("the
  elect", "the general" of an army);
- `compound_role`: the office word before such a suffix, joined by a hyphen with no space,
  when it is an office or a title ("president" for "the president-elect"; None for "the
  self-elect", for a dash between spaced words, or a suffix with nothing before it);
- `one_titled`: whether the article gives that whole title to exactly one person, before the
  name ("President-elect Donald Trump", "Governor-elect Ann Burke's team") or set off beside
  it ("Ann Burke, the governor-elect,"). None or two such people, the description is no one's:
  the paragraphs around may be about a sitting president or another governor-elect.

The description then stands for the one person the paragraphs are about, as any role does
(`quote_cue_speakers._described`), who must bear the title: the suffix is among the role words
(`speaker_descriptions.DESCRIBED_ROLES`), so `fits_role` finds "elect" beside "President-elect
Donald Trump" and not beside "President Joe Biden".
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.speaker_desc_titles import OFFICE_WORDS
from analysis.speaker_words import TITLE_WORDS, word_set

# Second words of a hyphenated office: "-elect", "-designate", "-general".
ROLE_SUFFIXES = word_set("elect designate general")
# Offices that take such a suffix, beside the title words: a title run's offices
# (`speaker_desc_titles.OFFICE_WORDS`) and the elected or appointed ones it lacks.
_OFFICES = OFFICE_WORDS | word_set(
    """premier attorney solicitor inspector surveyor auditor comptroller councillor councilor
    congressman congresswoman representative sheriff"""
)


def compound_role(subject: Token) -> str | None:
    """The office word a hyphenated suffix heads ("president" in "the president-elect"), or
    None when the subject is no such suffix (module docstring)."""
    if subject.i < 2:
        return None
    pair = _hyphen_title(subject.doc[subject.i - 1])
    return pair[0] if pair is not None and pair[1] == subject.lower_ else None


def one_titled(subject: Token) -> bool:
    """Whether the hyphenated title the subject ends is given to exactly one person in the
    article, named by surname (module docstring)."""
    return titled_holder(subject) is not None


def titled_holder(subject: Token) -> Token | None:
    """The head word of the one person the article gives the hyphenated title the subject
    ends ("Doyle" for "the governor-elect" after "Governor-elect Mark Doyle"), wherever the
    article names them, or None when it gives it to none or to several (`one_titled`)."""
    office = compound_role(subject)
    if office is None:
        return None
    holders: dict[str, Token] = {}
    for hyphen in subject.doc:
        if hyphen.i == subject.i - 1 or _hyphen_title(hyphen) != (office, subject.lower_):
            continue
        left, right = subject.doc[hyphen.i - 1], subject.doc[hyphen.i + 1]
        person = _person_beside(right if left.head.i == right.i else left)
        if person is not None:
            holders.setdefault(person.lower_, person)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _hyphen_title(hyphen: Token) -> tuple[str, str] | None:
    """(office, suffix) when a hyphen joins an office word to a suffix as one word, the one
    word the other's head, whichever way the parse hung them ("secretary-general"), or None."""
    doc = hyphen.doc
    if hyphen.text != "-" or hyphen.whitespace_ or not 0 < hyphen.i < len(doc) - 1:
        return None
    left, right = doc[hyphen.i - 1], doc[hyphen.i + 1]
    if left.whitespace_ or right.lower_ not in ROLE_SUFFIXES:
        return None  # "the minister - general …": a dash, not one word
    if left.head.i != right.i and right.head.i != left.i:
        return None
    word = left.lower_
    return (word, right.lower_) if word in _OFFICES or word in TITLE_WORDS else None


def _person_beside(title: Token) -> Token | None:
    """The head word (the surname) of the person a title stands before ("President-elect
    Donald Trump") or is set off beside ("Ann Burke, the governor-elect"; "the
    governor-elect, Ann Burke"), or None."""
    beside = [title.head] if title.dep_ in {"compound", "appos"} else []
    beside += [c for c in title.children if c.dep_ == "appos"]
    return next((t for t in beside if t.ent_type_ == "PERSON"), None)
