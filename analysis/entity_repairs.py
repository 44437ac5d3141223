"""Names the small model leaves untagged, or tags as the wrong kind, read again from the text.

- `untagged_bodies(doc)`: a run of capitalised proper nouns (also over "and" and a possessive:
  "Universities and Colleges Employers' Association") ending in a word that names a body
  ("West Midlands Police", "Kelmore Valley Council") that the model tagged as nothing, or
  whose first words only it tagged as a place ("West Midlands" GPE + "Police"), is an
  organisation: its spokesperson's words are its own, and `/quotes` can reach them.
- `surname_written_in_full(doc, start, end, word)`: a one-word place or organisation that
  speaks or owns like a person ("Hayee told", "Dandia's") and that the article also writes
  after a first name the model left untagged ("Bilal Hayee") is that person's surname, unless
  the article uses it, or that first name, as somewhere ("in Mexico", though it writes "Poor
  Mexico" once; "Manchester United"), or it is a plural ("the Celtics").
- `person_named_as_a_body(doc, surface)`: a "First Surname" the model tagged as an organisation
  (and its surname alone with it: "Vivek Ramaswamy", "Ramaswamy said", all ORG) is a person when
  its surname alone is the subject of a speech verb and the name reads like no body's: never
  written with "the" ("the Harbour Foundry"), its surname never a common word of the article
  ("the government"), none of its words a place of the article.
- `acronym_before_body(ent)`: an organisation the model tagged without the acronym that opens
  its name ("SBM" of "SBM Intel", "XYZ Partners"): an untagged capitalised abbreviation written
  right before it and hung on it by the parse is its first word.
- `person_after_abbreviated_titles(surface)`: a person's name the model tagged as an
  organisation with the abbreviated ranks written before it ("Det. Insp. Ray Lynch" ORG, as the
  model reads a run of words with full stops) is the person after them ("Ray Lynch").
- `people_after_titles(people)`: a PERSON the model ran on from a title ("Writing in The
  Mirror Linda said:" tagged "The Mirror Linda") is the last words the article writes as a
  person elsewhere ("Linda", "LINDA Nolan"): a person's name opens with no "The".

Only the article's own words are read: no list of organisations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from analysis.doc_text import doc_text
from analysis.quote_cues import CUE_VERBS

# Words that end the name of a body that speaks (police forces, councils, schools, unions, ...).
BODY_WORDS = frozenset(
    """police constabulary council university college school hospital trust association union
    foundation charity commission committee department ministry agency service authority board
    federation league club institute society""".split()  # noqa: SIM905 - a word list as prose
)
# Labels a body's leading words may carry: the place the body is named after.
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_MAX_WORDS = 8


def _name_word(token: Token) -> bool:
    """A capitalised proper noun ("Midlands", "St.")."""
    return token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper() and token.is_alpha


def _start_of_run(doc: Doc, head: Token) -> int:
    """The first token of the run of capitalised proper nouns ending at `head`, over "and" and
    a possessive between two of them ("Universities and Colleges Employers' Association")."""
    start = head.i
    while start > 0 and head.i - start + 1 < _MAX_WORDS:
        before = doc[start - 1]
        if _name_word(before):
            start -= 1
        elif _joins(before) and start > 1 and _name_word(doc[start - 2]):
            start -= 2
        else:
            break
    return start


def _joins(token: Token) -> bool:
    """A word that joins two words of one name: "and", "&", a possessive's mark."""
    return token.lower_ in {"and", "&"} or token.dep_ == "case"


def _untagged_or_place(doc: Doc, start: int, end: int) -> bool:
    """Every word of the run is untagged, or part of a place entity lying wholly inside it."""
    for token in doc[start:end]:
        if not token.ent_type_:
            continue
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        if ent.label_ not in _PLACE_LABELS or ent.start < start or ent.end > end:
            return False
    return True


def untagged_bodies(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the bodies the model did not tag (see the module docstring)."""
    found = []
    for head in doc:
        if head.lower_ not in BODY_WORDS or not _name_word(head) or head.ent_type_:
            continue
        if head.i + 1 < len(doc) and _name_word(doc[head.i + 1]):
            continue  # "Police Scotland": the name goes on
        start = _start_of_run(doc, head)
        if start == head.i or not _untagged_or_place(doc, start, head.i + 1):
            continue
        found.append((doc[start].idx, head.idx + len(head.text)))
    return found


_WHERE = frozenset("in into to from across at near within throughout".split())  # noqa: SIM905


# Where only places stand: people are also "to" and "from" someone ("boos from Ramaswamy").
_IN_A_PLACE = frozenset("in into at near across within throughout".split())  # noqa: SIM905


def _somewhere(doc: Doc, word: str, where: frozenset[str] = _WHERE) -> bool:
    """The word is somewhere things happen in the article ("in Mexico", "to Jordan")."""
    return word in _places_after(doc, where)


def _places_after(doc: Doc, where: frozenset[str]) -> frozenset[str]:
    """Every word the article writes as the object of one of `where`'s prepositions: read once
    per document and preposition set (kept in `doc.user_data`), as each name asks again."""
    key = "analysis.entity_repairs.places:" + " ".join(sorted(where))
    cached = doc.user_data.get(key)
    if cached is None:
        cached = frozenset(
            t.text
            for t in doc
            if t.dep_ == "pobj"
            and t.head.lower_ in where
            and not any(c.dep_ == "compound" for c in t.children)  # "to Georgian Rafiq Dossa"
        )
        doc.user_data[key] = cached
    return cached


def surname_written_in_full(doc: Doc, start: int, end: int, word: str) -> bool:
    """Whether a one-word mention (characters `start`-`end`, cleaned `word`) is a person's
    surname by the module docstring's rule."""
    from analysis.speaker_names import full_name_in  # here: it imports entities, which imports us

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in {"poss", "nsubj"}:
        return False
    if span.root.tag_ == "NNPS" or _somewhere(doc, word):
        return False  # "the Celtics", "in Mexico"
    full = full_name_in(doc, word)
    return full is not None and not _a_place(doc, full.split()[0])


def _a_place(doc: Doc, word: str, where: frozenset[str] = _WHERE) -> bool:
    """The word is a place of the article: tagged so, or somewhere things happen ("Manchester
    United" is no "First Surname" when the article writes "Manchester" as a place)."""
    places = {"GPE", "LOC", "FAC"}
    return _somewhere(doc, word, where) or any(
        e.label_ in places and word in e.text for e in doc.ents
    )


_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def person_named_as_a_body(doc: Doc, surface: str) -> bool:
    """Whether an organisation's name (`surface`) is a person's by the module docstring's rule."""
    from analysis.entities import NATIONALITY_WORDS, ROLE_WORDS  # here: entities imports us
    from analysis.speaker_names import person_shaped

    words = surface.split()
    if len(words) not in {2, 3} or not all(_NAME.match(w) for w in words):
        return False
    if not person_shaped(surface) or words[0].lower() in ROLE_WORDS | NATIONALITY_WORDS:
        return False
    text, surname = doc_text(doc), words[-1]
    if re.search(rf"\b[Tt]he {re.escape(surface)}\b", text) or re.search(
        rf"\b{re.escape(surname.lower())}\b", text
    ):
        return False  # "the Harbour Foundry", "the government"
    if any(_a_place(doc, w, _IN_A_PLACE) for w in words):
        return False
    return any(t.text == surname and _alone(t) and _speaks(t) for t in doc)


def _speaks(token: Token) -> bool:
    """The subject of a speech verb ("Ramaswamy said"), not of any verb ("as Guard occupies")."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in CUE_VERBS


def _alone(token: Token) -> bool:
    """A surname written without the first name before it ("Ramaswamy said")."""
    return token.i == 0 or not _name_word(token.doc[token.i - 1])


def person_after_abbreviated_titles(surface: str) -> str:
    """The person's name after the abbreviated titles (each with its full stop) that open an
    organisation's name, when the rest reads like a person's ("Det. Insp. Ray Lynch" -> "Ray
    Lynch"); "" otherwise (module docstring)."""
    from analysis.entities import TITLE_WORDS  # here: entities imports us
    from analysis.entity_names import ABBREVIATED_RANKS
    from analysis.speaker_names import person_shaped

    words = surface.split()
    cut = 0
    while cut < len(words) and _abbreviated_title(words[cut], TITLE_WORDS | ABBREVIATED_RANKS):
        cut += 1
    rest = words[cut:]
    if not cut or not all(_NAME.match(w) for w in rest) or not person_shaped(" ".join(rest)):
        return ""
    return " ".join(rest)


def _abbreviated_title(word: str, titles: frozenset[str]) -> bool:
    """A capitalised title abbreviated with a full stop ("Det.", "Insp.", "Sgt.")."""
    bare = word[:-1]
    return word.endswith(".") and bare[:1].isupper() and bare.lower() in titles


def people_after_titles(people: list[tuple[str, str]]) -> list[str]:
    """Each PERSON's name (`people`: as written, and its name), the part after a title where
    one opened it ("The Mirror Linda" -> "Linda": the module docstring's rule)."""
    names = {name.lower() for text, name in people if not text.startswith("The ")}
    names |= {n.split()[0] for n in names if n}
    return [_after_title(text, names) or name for text, name in people]


def _after_title(text: str, people: set[str]) -> str:
    """The last words of `text` the article writes as a person elsewhere, when a "The" opens
    it; "" otherwise."""
    words = text.split()
    if len(words) < 3 or words[0] != "The":
        return ""
    for start in range(len(words) - 1, 1, -1):
        tail = " ".join(words[start:])
        if tail.lower() in people:
            return tail
    return ""


_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# Capitals that stand before a body's name without being part of it: an office, a party, a
# country ("CEO", "GOP", "US").
_NOT_OPENING = frozenset("CEO CFO COO CTO MP MEP GOP US UK EU UN".split())  # noqa: SIM905


def acronym_before_body(ent: Span) -> Span:
    """ "SBM Intel, a Lagos research firm, says": an ORG span whose word before is an untagged
    acronym (two to five capitals) that the parse makes part of the same noun phrase (a
    compound of a word of the span) is the organisation with that acronym in front; the span
    as tagged otherwise (a title, a tagged place or a word of another phrase stays out)."""
    if ent.label_ != "ORG" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.ent_type_ or not _ACRONYM.match(before.text) or not before.whitespace_:
        return ent
    if before.text in _NOT_OPENING:
        return ent
    if before.dep_ != "compound" or not ent.start <= before.head.i < ent.end:
        return ent
    return Span(ent.doc, ent.start - 1, ent.end, label="ORG")
