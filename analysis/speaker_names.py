"""Names spaCy's small model misses, recovered from how the article itself writes them.

On real pages the model often tags "Asjad Mahmood" or "Brock Long, executive chairman of …" as
nothing, or as part of an organisation ("House Intelligence Committee Chair Adam Schiff"), and
then "Mahmood said" or "Long said" has no person behind it: `/quotes` cannot reach the quote.
A reader knows who it is because the article wrote the full name once. These rules do the same:

- `full_name_in(doc, surname)`: the one "First [M.] Surname" the article writes for a surname
  (a first name is a capitalised proper noun that is not a title, a nationality, a place or an
  organisation, nor the word after a capitalised "The" mid-sentence: "in The Mirror Linda";
  middle initials may follow it), or None when it writes none or several;
- `written_name(token)`: the name a proper-noun subject spells out, titles and job words before
  it left aside ("Committee Chair Adam Schiff" -> "Adam Schiff", "Dr. Marie E. Thoma" -> "Marie
  E. Thoma"); one word when only the surname is written.

Only the text is read: no list of first names, so nothing is guessed from outside the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from analysis.doc_text import doc_text
from analysis.entities import NATIONALITY_WORDS, ROLE_WORDS, quoted_term
from analysis.entity_names import ABBREVIATED_RANKS

_INITIAL = re.compile(r"^[A-Z]\.$")
# Labels no first name bears: places, bodies, dates, and numbers ("First Lady", "Second
# Lady": "First" tagged ORDINAL opens an office, not a name).
_NOT_A_PERSON = frozenset(
    """GPE LOC ORG NORP FAC DATE TIME EVENT LAW ORDINAL CARDINAL QUANTITY MONEY PERCENT""".split()  # noqa: SIM905
)
# Capitalised words that stand before names but are not first names ("co-host Gayle King",
# "Supt Peters": an abbreviated rank, with or without its full stop).
_ROLE_WORDS = (
    ROLE_WORDS
    | frozenset("rep. sen. gov. st. saint mt. mount fort lake port".split())  # noqa: SIM905
    | ABBREVIATED_RANKS
    | frozenset(rank + "." for rank in ABBREVIATED_RANKS)
)


def _is_initial(token: Token) -> bool:
    """A middle initial: "R." (spaCy keeps the dot on the token)."""
    return bool(_INITIAL.match(token.text))


def _is_first_name(token: Token) -> bool:
    """A capitalised proper noun that can be a first name: not a title, nationality or place."""
    text = token.text
    if token.pos_ != "PROPN" or not text[:1].isupper() or not text.replace("-", "").isalpha():
        return False
    lower = text.lower()
    if lower in _ROLE_WORDS or lower in NATIONALITY_WORDS or len(text) < 2:
        return False
    return token.ent_type_ not in _NOT_A_PERSON or _after_role_in_org(token)


def _after_role_in_org(token: Token) -> bool:
    """A word of an organisation span the model made of a title and a name ("Superintendent
    Audley Peters", "Police Superintendent Audley Peters" tagged ORG): a title or job word
    stands before it in the span, right before it or before other capitalised words."""
    if token.ent_type_ != "ORG" or token.ent_iob_ != "I":
        return False
    i = token.i - 1
    while i > 0 and token.doc[i].ent_iob_ == "I" and token.doc[i].lower_ not in _ROLE_WORDS:
        i -= 1
    return token.doc[i].lower_ in _ROLE_WORDS


def _is_surname(token: Token) -> bool:
    """A capitalised word that can end a name."""
    text = token.text.replace("-", "").replace("'", "").replace("’", "")
    return token.text[:1].isupper() and text.isalpha() and token.lower_ not in _ROLE_WORDS


def _name_before(surname: Token) -> str | None:
    """ "First [M.] Surname" ending at this token, or None when no first name stands before it."""
    i = surname.i - 1
    initials: list[Token] = []
    while i >= 0 and _is_initial(surname.doc[i]) and len(initials) < 2:
        initials.insert(0, surname.doc[i])
        i -= 1
    if i < 0 or not _is_first_name(surname.doc[i]):
        return None
    first = surname.doc[i]
    if i > 0 and surname.doc[i - 1].text == "The" and surname.doc[i - 1].i > surname.sent.start:
        return None  # "in The Mirror Linda": a title's word, not a first name
    if first.whitespace_ == "" or any(t.whitespace_ == "" for t in initials):
        return None  # "Anwar-Mahmood" or "J.R." glued: not a separate first name
    return " ".join(t.text for t in [first, *initials, surname])


def full_name_in(doc: Doc, surname: str) -> str | None:
    """The one full name the article writes for a surname ("Brock Long" for "Long")."""
    found = _full_names(doc).get(surname, set())
    return next(iter(found)) if len(found) == 1 else None


def _full_names(doc: Doc) -> dict[str, set[str]]:
    """Every "First [M.] Surname" the article writes, by surname, but for one it only quotes as
    a term (`entities.quoted_term`: "''Wilayat Twitter''" is no one's name): read once per
    document (kept in `doc.user_data`), as several rules ask."""
    cached = doc.user_data.get(_CACHE)
    if cached is None:
        cached = {}
        text = doc_text(doc)
        for token in doc:
            if token.text[:1].isupper() and _is_surname(token):
                name = _name_before(token)
                if name is not None and not quoted_term(text, name):
                    cached.setdefault(token.text, set()).add(name)
        doc.user_data[_CACHE] = cached
    return cached


_CACHE = "analysis.speaker_names.full_names"


def written_name(token: Token) -> str:
    """The name a proper-noun subject spells out: "Adam Schiff", else the word itself."""
    if _is_surname(token):
        name = _name_before(token)
        if name is not None:
            return name
    return token.text


_ORG_WORDS = frozenset(
    """the of and for group party council university college school institute centre center
    association union bank company corporation inc ltd news times post press agency department
    ministry committee commission foundation trust fund office court police service club
    mr mrs ms miss dr prof sir madam""".split()  # noqa: SIM905
)


def person_shaped(name: str) -> bool:
    """Two or three capitalised words with no organisation word nor title: "Nicola Rollock",
    not "Mr Ng" (a surname with its title is no full name)."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.isalpha() and w.lower() not in _ORG_WORDS for w in words
    )


def capitalised_noun(token: Token) -> bool:
    """A word tagged a common noun but capitalised ("Hannity", "Mills"): perhaps a
    surname the model missed, for the caller to look up among the article's names; not a word
    of a line in Title Case ("Rubio: I Still Believe Trump Can't Be Trusted")."""
    text = token.text
    if token.pos_ != "NOUN" or not text[:1].isupper() or not text[1:].islower():
        return False
    if not text.isalpha() or token.lower_ in _ROLE_WORDS:
        return False
    doc = token.doc
    before, after = doc[max(token.i - 1, 0)].text, doc[min(token.i + 1, len(doc) - 1)].text
    return not (before[:1].isupper() and after[:1].isupper())  # a Title Case line


_ABBREVIATED_TITLES = frozenset(
    "capt lt sgt gen col maj adm cmdr cpl pvt sen rep gov dr prof".split()  # noqa: SIM905
)


def name_after_title(token: Token) -> Token | None:
    """ "Navy Capt. Jeff Davis said", "Air Force 1st Lt. Tyler Livingston said": the tokenizer
    splits the title's full stop off, the parser makes the title (or the rank's ordinal) the
    subject and the tagger runs it into an organisation ("Navy Capt"); the name written right
    after the abbreviated title is the one who speaks. Its first word, or None."""
    doc = token.doc
    i = token.i
    if token.lower_ not in _ABBREVIATED_TITLES:
        i += 1  # "1st Lt.": the ordinal before the title
        if i >= len(doc) or doc[i].lower_.rstrip(".") not in _ABBREVIATED_TITLES:
            return None
    title = doc[i]
    i += 1 if title.text.endswith(".") else 2
    if i >= len(doc) or (not title.text.endswith(".") and doc[i - 1].text != "."):
        return None
    name = doc[i]
    return name if name.ent_type_ == "PERSON" and name.text[:1].isupper() else None


_SUFFIXES = frozenset({"sr", "jr"})


def title_full_stop(token: Token) -> bool:
    """The full stop of an abbreviated title the tokenizer split off ("Capt" "."), of an
    abbreviated rank before a capitalised word ("Supt. Peters added"), or of "No." before a
    number, or of a name's "Sr." or "Jr." before a comma, which ends no sentence."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.text != "." or before is None:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if before.lower_ == "no" and after is not None and after.like_num:
        return True  # "the No. 2 in the GOP leadership": a rank, not a sentence's end
    if before.lower_ in _SUFFIXES and not before.whitespace_ and after is not None:
        return after.text in {",", ")"}  # "J. David Cox Sr., who …": a name goes on
    if before.lower_ in ABBREVIATED_RANKS and before.text[:1].isupper():
        return after is not None and after.text[:1].isupper()  # "Supt. Peters added"
    return before.lower_ in _ABBREVIATED_TITLES


def glued_name(subject: Token) -> Token | None:
    """ "Rep. Jane Roe\ufffdof Maine … voiced", "“…,” Hale. said": a stray symbol or full stop
    the page left beside a name, which the parser made the subject with the name as its
    compound, stands for that name; the name (the last compound before it), or None."""
    if any(c.isalnum() for c in subject.text):
        return None
    names = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    return names[-1] if names else None
