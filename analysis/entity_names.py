"""Stored names must be names: the words a member reads in `/who` and types after `/quotes`.

The small model's PERSON spans often carry words that are no part of the name. Each rule
reads one span (and, where said, the article's own words), never a list of known names:

- `edge_trimmed(text)`: punctuation, symbols and invisible format characters of any script
  go from both ends ("― Christina N Luis Olidem", "”Sorry Sarah" after an invisible mark),
  a final full stop as `clean_surface` decides;
- `person_words(name)`: brackets an editor put inside a name go ("Bob] Corker"); a photo
  credit after a slash goes ("John Moore/Getty Images"); a handle or web address is no
  name at all; numbers after the name are a count, a score or a show ("Marco Rubio 3", "Ted
  Cruz—35"); a spaced dash before lowercase words ends it ("Robert Barr - won"); and a
  "First Surname of/at <Capitalised>" is the person before it ("Meenakshi Ganguly of Human
  Rights Watch": the organisation is where she works), also when the model tagged the whole
  an organisation, when the article takes the surname for a person (`person_before_body`);
- `lead_words(tokens)`: a PERSON span's opening words that are no proper noun and that the
  article writes in lowercase ("a Donald Trump", "Follow Jeff Poor") are left out while a
  "First Surname" remains;
- `without_named_tail(name, others, key)`: a PERSON span running into the name of a place or
  organisation the article names ("Obama White House") is the person before it;
- `names_a_body(name)`: a PERSON span ending in a word for an institution ("Donald J. Trump
  Foundation", "Brennan Center", "Our Principles Pac") names the institution, an organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span

_EDGE_CATEGORIES = ("P", "S", "Z", "C")  # punctuation, symbols, separators, format/control
_BRACKETS = re.compile(r"[\[\](){}]")
_CREDIT = re.compile(r"(?<=\w)/\S.*$")  # "Moore/Getty Images", "Roth/HuffPost"
_HANDLE = re.compile(r"@|https?:|www\.|\.com\b")
_NUMBERED = re.compile(r"^\d")  # "360", "42-40", "2.0"; not "GÃ1⁄4len", a garbled letter
_SPACED_DASH = re.compile(r"\s[-\u2010-\u2015]\s*(?=[a-z0-9])|[\u2013\u2014](?=\d)")
_OF = frozenset({"of", "at"})
# Last words of an institution's name: a person's name never ends so.
_BODY_ENDS = frozenset(
    """foundation center centre school institute university college committee library museum
    hospital images pac""".split()  # noqa: SIM905 - a word list reads best as prose
)


def _edge(char: str) -> bool:
    """A character that never opens nor ends a name."""
    return unicodedata.category(char)[0] in _EDGE_CATEGORIES


def edge_trimmed(text: str, keep_period: bool = True) -> str:
    """The text without punctuation, symbols or format characters at either end; a final
    full stop stays when `keep_period` (the caller judges "Jr." and "U.S.")."""
    start, end = 0, len(text)
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]) and not (keep_period and text[end - 1] == "."):
        end -= 1
    return text[start:end]


def person_words(name: str) -> str:
    """The person's name in a PERSON span's words, by the module docstring's rules; "" when
    the span holds a handle or web address, not a name."""
    if _HANDLE.search(name):
        return ""
    name = _BRACKETS.sub("", name)
    name = _CREDIT.sub("", name)
    name = _SPACED_DASH.split(name, maxsplit=1)[0]
    words = name.split()
    while len(words) > 1 and _NUMBERED.search(words[-1]):
        words.pop()
    words = _before_of(words)
    words = _after_abbreviated_titles(words)
    return edge_trimmed(" ".join(words))


# Abbreviated ranks and offices of police, forces and public office written before a name,
# with or without a full stop ("Supt Peters", "Insp. Ray Lynch", "Det Const Amy Reid"): none
# is a first name. Those `entities.strip_titles` already drops ("Sgt", "Gov", "Lt", "Capt",
# "Sen") are not repeated; "Gen" is left to it too ("Gen" may be a first name).
ABBREVIATED_RANKS = frozenset(
    """supt insp det const comm cpl cpt maj brig cmdr pte pvt cllr asst dep snr""".split()  # noqa: SIM905
)


def _after_abbreviated_titles(words: list[str]) -> list[str]:
    """ "Supt Peters" -> "Peters", "Det. Const. Amy Reid" -> "Amy Reid": abbreviated ranks
    opening a person's span go while a capitalised word stays after them; a word in capitals
    or in lowercase ("COL", "gen") is left alone, as is a span of ranks only."""
    cut = 0
    while cut < len(words) - 1:
        word = words[cut]
        bare = word[:-1] if word.endswith(".") else word
        if not (bare[:1].isupper() and bare[1:].islower()) or bare.lower() not in ABBREVIATED_RANKS:
            break
        cut += 1
    rest = words[cut].rstrip(".").lower() if cut else ""
    if cut and words[cut][:1].isupper() and rest not in ABBREVIATED_RANKS:
        return words[cut:]
    return words


def _before_of(words: list[str]) -> list[str]:
    """ "Meenakshi Ganguly of Human Rights Watch" -> "Meenakshi Ganguly": a full name (two
    capitalised words or more) before "of" or "at" and a capitalised word after it."""
    for i, word in enumerate(words):
        after = i + 1 < len(words) and words[i + 1][:1].isupper()
        if word in _OF and i >= 2 and after and all(w[:1].isupper() for w in words[:i]):
            return words[:i]
    return words


def person_before_body(name: str) -> str:
    """ "Meenakshi Ganguly of Human Rights Watch" tagged as an organisation: the full name
    before "of" or "at" (`person_words`' rule), for the caller to judge against the article;
    "" when there is none."""
    words = name.split()
    before = _before_of(words)
    return " ".join(before) if len(before) < len(words) else ""


def names_a_body(name: str) -> bool:
    """A span of two words or more ending in a word for an institution ("Brennan Center")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _BODY_ENDS


def lead_words(tokens: Span) -> int:
    """How many words open a PERSON span without being its name: "a Donald Trump", "Follow
    Jeff Poor": a word the tagger reads as no proper noun and the article writes in lowercase
    elsewhere (or in lowercase there), while two words remain."""
    if not tokens:
        return 0
    lowered = lowercase_words(tokens[0].doc)
    count = 0
    while len(tokens) - count > 2:
        word = tokens[count]
        if word.pos_ == "PROPN" or not word.is_alpha or word.lower_ == "the":
            break  # a "The" stays: "The Clarion Daisy" is `people_after_titles`' to read
        if not (word.text.islower() or word.lower_ in lowered):
            break
        count += 1
    while count and count < len(tokens) - 2 and tokens[count].text[:1] in "'’":
        count += 1  # "That's Jeb Bush": the clitic goes with the word before it
    return count


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lowercase (and their lemmas): read once per document."""
    cached = doc.user_data.get(_LOWERED)
    if cached is None:
        lower = [t for t in doc if t.is_alpha and t.text.islower()]
        cached = frozenset(w for t in lower for w in (t.text, t.lemma_))
        doc.user_data[_LOWERED] = cached
    return cached


_LOWERED = "analysis.entity_names.lowercase_words"


def without_named_tail(
    name: str, others: Collection[str], people: Collection[str], key: Callable[[str], str]
) -> str:
    """ "Obama White House" -> "Obama": a PERSON whose last two words or more are the name of
    a place or organisation of the article (`others`: their keys) is the person before them,
    when the article names that person alone too (`people`: the PERSON keys; `key` makes
    one); one word is not enough ("Michael Jordan" beside "Jordan"), nor a first name the
    article never writes alone ("Mario Vargas Llosa" beside a mistagged "Vargas Llosa")."""
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        head = key(" ".join(words[:-size]))
        if key(" ".join(words[-size:])) in others and head in people:
            return " ".join(words[:-size])
    return name
