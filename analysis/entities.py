"""Canonical entity names: "Putin" and "Russian President Vladimir Putin's" are one person.

spaCy labels are folded into `EntityKind`:

- PERSON -> PERSON; ORG -> ORG; GPE, LOC, FAC -> PLACE; NORP -> GROUP;
- EVENT, LAW, WORK_OF_ART, PRODUCT, LANGUAGE -> OTHER (kept: treaties and wars are worth comparing);
- DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, QUANTITY and unknown labels are skipped
  (dates are the date resolver's business, numbers are not entities analysts ask about).

Within one article (`canonicalise_mentions`):

1. the surface is cleaned (`clean_surface`); a PERSON also loses titles (`strip_titles`);
2. a mention spaCy's small model mislabelled is relabelled PERSON when its key is a PERSON key
   elsewhere in the article, or (not for places) when it is one word matching the surname of a
   full PERSON name in the article ("Rouhani" tagged NORP beside "Hassan Rouhani");
3. a PERSON whose words are a shorter form of exactly one longer full name with the same surname
   folds onto it ("Putin", "al-Assad" -> "Vladimir Putin", "Bashar al-Assad"); when two full names
   share the surname ("Donald Trump", "Ivanka Trump") the short form stays as written;
4. places and organisations go through a small alias table (`ALIASES`: U.S./US/USA/America/the
   United States, UK/Britain, UN/U.N., EU, NATO, ISIS/ISIL/Islamic State, ...), which also
   fixes their kind ("U.N." tagged GPE is still an ORG).

`Mention.label` keeps spaCy's label as tagged; `Mention.kind` is the corrected kind. Mentions
left with no letters, lowercase PERSONs ("sitting jovially") and bare titles ("Supreme") are
dropped; an entity running over a line break or " / " keeps its first part only.

Across the corpus, see `resolve_against_corpus` and `merge_into_full_name`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from analysis.doc_text import doc_text
from analysis.entity_clipped_names import clipped_names
from analysis.entity_headlines import holds_common_words, name_in_body, title_case_lines
from analysis.entity_misspelt_surnames import respelled
from analysis.entity_names import (
    edge_trimmed,
    lead_words,
    lowercase_words,
    names_a_body,
    person_before_body,
    person_words,
    without_named_tail,
)
from analysis.entity_possessive import person_after_possessive
from analysis.entity_relatives import relatives_of
from analysis.entity_remit_names import remit_names
from analysis.entity_repairs import (
    acronym_before_body,
    people_after_titles,
    person_after_abbreviated_titles,
    person_named_as_a_body,
    surname_written_in_full,
    untagged_bodies,
)
from analysis.quote_spans import is_headline, split_lines
from analysis.speaker_full_names import by_leading_words, run_on_end
from analysis.types import EntityKind, Mention, SentenceSpan

LABEL_KINDS: dict[str, EntityKind] = {
    "PERSON": EntityKind.PERSON,
    "PER": EntityKind.PERSON,
    "ORG": EntityKind.ORG,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.GROUP,
    "EVENT": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "WORK_OF_ART": EntityKind.OTHER,
    "PRODUCT": EntityKind.OTHER,
    "LANGUAGE": EntityKind.OTHER,
}

# Words that stand before a person's name and are not part of it ("Foreign Minister Lavrov").
TITLE_WORDS = frozenset(
    """president vice prime minister ministers foreign defense defence interior finance secretary
    state attorney supreme leader ayatollah grand king queen prince princess crown emir sheikh
    sultan chancellor premier chairman chairwoman chief deputy speaker senator sen representative
    rep congressman congresswoman governor gov mayor ambassador envoy spokesman spokeswoman
    spokesperson commander colonel col lieutenant lt gen general admiral adm sergeant sgt marshal
    captain capt dr prof professor mr mrs ms mx sir dame lord pope cardinal archbishop bishop rev
    reverend imam mullah hojatoleslam rabbi judge justice director ceo tsar czar former acting
    late then ex elect supervisor commissioner councilmember councillor councilor councilman
    councilwoman alderman alderwoman trustee superintendent sheriff treasurer comptroller
    assemblyman assemblywoman assemblymember taoiseach tanaiste chairperson""".split()  # noqa: SIM905 - a long word list reads best as prose
) | frozenset(
    # the abbreviated titles analysis.nlp keeps whole ("Supt.", "Ald.", "Secy."), and plurals
    """adj ald amb asst assoc atty brig cllr cmdr comdr commr cpl cpt det dist drs gens govs insp
    lieut messrs mlle mme mmes msgr ofc pres profs pte pvt reps secy sens supt tpr treas""".split()  # noqa: SIM905
)

# Job words that stand before a name as titles do ("co-host Gayle King", "County Executive Ed
# Day"), besides the titles.
ROLE_WORDS = TITLE_WORDS | frozenset(
    """chair chairs co-host host anchor administrator commissioner councillor councilor councilman
    councilwoman superintendent sheriff officer trooper coach manager founder owner executive
    analyst economist strategist pollster author editor correspondent columnist writer
    spokesperson""".split()  # noqa: SIM905
)

# Nationality and country words that stand before a title ("Russian President", "US Secretary").
NATIONALITY_WORDS = frozenset(
    """russian iranian syrian american british french german chinese turkish israeli iraqi saudi
    ukrainian indian pakistani afghan egyptian jordanian lebanese qatari emirati japanese korean
    italian spanish european soviet palestinian yemeni kurdish azerbaijani armenian georgian
    kazakh belarusian turkmen arab persian western us u.s. usa uk u.k. un u.n. eu""".split()  # noqa: SIM905
)

# Compact form (lowercase, no dots or spaces, no leading "the") -> (display name, key, kind).
ALIASES: dict[str, tuple[str, str, EntityKind]] = {}


def _alias(name: str, kind: EntityKind, *forms: str) -> None:
    """Register the spellings of one well-known place or organisation."""
    for form in (name, *forms):
        ALIASES[_compact(form)] = (name, name.lower(), kind)


def _compact(text: str) -> str:
    """Lowercase, drop dots, spaces and a leading "the": "the U.S." -> "us"."""
    text = re.sub(r"^the\s+", "", text.strip().lower())
    return re.sub(r"[.\s]", "", text)


_alias("United States", EntityKind.PLACE, "US", "USA", "America", "United States of America")
_alias("United Kingdom", EntityKind.PLACE, "UK", "Britain", "Great Britain")
_alias("Soviet Union", EntityKind.PLACE, "USSR")
_alias("United Arab Emirates", EntityKind.PLACE, "UAE")
_alias("United Nations", EntityKind.ORG, "UN")
_alias("European Union", EntityKind.ORG, "EU")
_alias("NATO", EntityKind.ORG, "North Atlantic Treaty Organization")
_alias("Islamic State", EntityKind.ORG, "ISIS", "ISIL", "Daesh")
_alias("Hezbollah", EntityKind.ORG, "Hizbollah", "Hizballah")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_DASHES = re.compile(r"\s*[\u2010\u2011\u2012\u2013\u2014\u2212-]\s*")
_EDGE_PUNCT = "\"'()[]{}<>«»“”„‹›:;,!?*•|/\\~^_=+#@&%$-–—… \ufffd\u00a0"
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+$")
# Generational suffixes written after a surname ("Jr.", "III").
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_KEEP_PERIOD = frozenset({"jr.", "sr.", "inc.", "co.", "corp.", "ltd.", "st.", "bros."})
_TRAILING_STOPWORDS = frozenset({"of", "and", "the", "in", "on", "at", "for", "to", "&"})
_KEEP_THE = frozenset({"hague", "gambia", "bahamas"})
_PART = re.compile(r"(?:(?!\s+[/|]\s)[^\n])+")
_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|an|ar|ed|es|ul)-")


def label_kind(label: str) -> EntityKind | None:
    """Fold a spaCy label into the coarse kind analysts ask about; None for skipped labels."""
    return LABEL_KINDS.get(label)


_GLUED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")


def clean_surface(text: str) -> str:
    """Turn an entity as written into a display name: no possessive, no "the", tidy spacing
    ("T.Clayson", an initial glued to the surname, is "T. Clayson")."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _GLUED_INITIAL.sub(r"\1 ", text)
    text = _strip_edges(text)
    text = re.sub(r"'s$|(?<=s)'$", "", text, flags=re.IGNORECASE)
    text = _strip_edges(text)
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _TRAILING_STOPWORDS:
        words.pop()
    if len(words) > 1 and words[0].lower() == "the" and words[1].lower() not in _KEEP_THE:
        words.pop(0)
    return " ".join(words)


def _strip_edges(text: str) -> str:
    """Strip quotes and punctuation around a name, keeping the dot of "U.S." or "Jr."."""
    text = edge_trimmed(text.strip(_EDGE_PUNCT))
    while text.endswith("."):
        last = text.rsplit(" ", 1)[-1]
        if (_INITIALISM.search(last) and "." in last[:-1]) or last.lower() in _KEEP_PERIOD:
            break
        text = text[:-1].strip(_EDGE_PUNCT)
    return text


def _is_title(word: str) -> bool:
    """A title word, also hyphenated ("then-President") or with a dot ("Dr.")."""
    parts = [p for p in word.lower().replace(".", "").split("-") if p]
    return bool(parts) and all(p in TITLE_WORDS for p in parts)


def strip_titles(name: str) -> str:
    """Drop titles before a name: "Russian President Vladimir Putin" -> "Vladimir Putin".

    Everything up to the last title word among all but the final word goes ("US Secretary of
    State Tillerson" -> "Tillerson"); a name made only of titles and nationalities becomes "".
    A generational suffix is no final word of its own: "Martin Luther King Jr." keeps its "King".
    """
    words = name.split()
    if all(_is_title(w) or w.lower() in NATIONALITY_WORDS for w in words):
        return ""
    last = len(words) - (2 if len(words) > 1 and words[-1].lower() in _SUFFIXES else 1)
    cut = 0
    for i, word in enumerate(words[:last]):
        if _is_title(word):
            cut = i + 1
    return " ".join(words[cut:])


def make_key(name: str) -> str:
    """The corpus-wide identity of a name: lowercase, accents folded, dashes and spaces tidied."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _DASHES.sub("-", folded.lower())
    return " ".join(folded.split()).strip("-")


def surname_of(key: str) -> str:
    """The surname of a person key, without an Arabic article: "bashar al-assad" -> "assad".

    Storage merge rule: when a full-name PERSON key (two words or more) is stored and a
    one-word PERSON key with the same `surname_of` already exists, and no *other* full-name
    PERSON key shares that surname, the one-word entity is merged into the full name
    (`merge_into_full_name` lists which). If two full names share a surname the bare one is left
    alone; merges already made are never undone.
    """
    words = key.split()
    if not words:
        return ""
    last = words[-1]
    stripped = _PARTICLE.sub("", last)
    return stripped or last


def _name_words(key: str) -> list[str]:
    """The words of a person key compared for folding, Arabic articles dropped."""
    return [_PARTICLE.sub("", w) or w for w in key.split()]


def _is_shorter_form(short: str, full: str) -> bool:
    """True when `short` is a shorter form of `full` with its surname: "putin", "vladimir putin"."""
    small, big = _name_words(short), _name_words(full)
    if not small or len(small) >= len(big) or small[-1] != big[-1]:
        return False
    remaining = iter(big)
    return all(word in remaining for word in small)


def _known_pairs(
    known: Mapping[str, EntityKind] | Iterable[tuple[str, EntityKind]],
) -> Iterable[tuple[str, EntityKind]]:
    """Accept either a key -> kind mapping or (key, kind) pairs."""
    if isinstance(known, Mapping):
        return known.items()
    return known


def resolve_against_corpus(
    key: str,
    kind: EntityKind,
    known: Mapping[str, EntityKind] | Iterable[tuple[str, EntityKind]],
) -> str:
    """Map a surname-only person key onto the one known full name with that surname, if unique."""
    if kind != EntityKind.PERSON or len(key.split()) != 1:
        return key
    surname = surname_of(key)
    matches = {
        k
        for k, k_kind in _known_pairs(known)
        if k_kind == EntityKind.PERSON and len(k.split()) > 1 and surname_of(k) == surname
    }
    return matches.pop() if len(matches) == 1 else key


def merge_into_full_name(
    new_key: str,
    kind: EntityKind,
    known: Mapping[str, EntityKind] | Iterable[tuple[str, EntityKind]],
) -> tuple[str, ...]:
    """The bare surname keys storage should merge into a newly stored full name (`surname_of`)."""
    if kind != EntityKind.PERSON or len(new_key.split()) < 2:
        return ()
    surname = surname_of(new_key)
    pairs = [(k, k_kind) for k, k_kind in _known_pairs(known) if k_kind == EntityKind.PERSON]
    rivals = [
        k for k, _ in pairs if k != new_key and len(k.split()) > 1 and surname_of(k) == surname
    ]
    if rivals:
        return ()
    return tuple(sorted(k for k, _ in pairs if len(k.split()) == 1 and surname_of(k) == surname))


def canonical_name(text: str, kind: EntityKind) -> tuple[str, str, EntityKind]:
    """Display name, key and kind for one mention taken alone (no article context)."""
    name = clean_surface(text)
    if kind == EntityKind.PERSON:
        name = strip_titles(name)
        return name, make_key(name), kind
    alias = ALIASES.get(_compact(name))
    if alias is not None:
        return alias
    return name, make_key(name), kind


@dataclass
class _Raw:
    """One entity span on its way to a Mention."""

    text: str
    label: str
    start: int
    end: int
    kind: EntityKind
    surface: str
    person: str


def _first_part(span: Span) -> tuple[str, int, int]:
    """The part of an entity before a line break or " / ": spans across them are NER mistakes."""
    text, start = span.text, span.start_char
    parts = [m for m in _PART.finditer(text) if re.search(r"\w", m.group())]
    if not parts:
        return text, start, span.end_char
    part = parts[0].group()
    begin = start + parts[0].start() + len(part) - len(part.lstrip())
    return part.strip(), begin, begin + len(part.strip())


def _raw_mentions(doc: Doc) -> list[_Raw]:
    """Entity spans with a kind we keep and a surface that still has letters after cleaning."""
    raws: list[_Raw] = []
    lines = title_case_lines(doc) if any(e.label_ == "PERSON" for e in doc.ents) else ()
    for ent in (piece for whole in doc.ents for piece in _pieces(whole, lines)):
        kind = label_kind(ent.label_)
        if kind is None:
            continue
        text, start, end = _first_part(ent)
        surface = clean_surface(text)
        if kind == EntityKind.PERSON:
            surface = person_words(surface)  # "Meenakshi Ganguly of Human Rights Watch"
            surface = surname_before_body(doc, surface) or surface  # "Luccioni of Mila"
            if names_a_body(surface):
                kind = EntityKind.ORG  # "Donald J. Trump Foundation"
        if not any(c.isalpha() for c in surface):
            continue
        if kind == EntityKind.PERSON and surface.islower():
            continue  # "sitting jovially": the small model's lowercase PERSONs are noise
        if kind == EntityKind.PERSON and surface.lower() in NATIONALITY_WORDS:
            kind = EntityKind.GROUP  # "Ambassador to Azerbaijani Bilal Hayee": "Azerbaijani"
        worker = person_before_body(surface) if kind == EntityKind.ORG else ""
        if worker and _a_person(doc, worker):
            kind, surface = EntityKind.PERSON, worker  # "Meenakshi Ganguly of Human Rights Watch"
        holder = _name_after_role(surface) if kind == EntityKind.ORG else ""
        if holder and _used_alone(doc_text(doc), holder.split(), start, end):
            kind = EntityKind.PERSON  # "Rockland County Executive Ed Day": the executive
            surface = holder
        person = _without_headline_verbs(strip_titles(surface)) if kind == EntityKind.PERSON else ""
        raws.append(_Raw(text, ent.label_, start, end, kind, surface, person or surface))
    return _with_bodies(doc, raws)


def surname_before_body(doc: Doc, name: str) -> str:
    """ "Luccioni of Mila" tagged as one person: a single word before "of" or "at" and a
    capitalised word after it is that person's surname, when the article writes a full name
    ending in that word ("Sasha Luccioni"; `person_words` cuts only after a full name); "" when
    not ("Prince of Wales", "Duke of Sussex": no full name ends in the title)."""
    words = name.split()
    if len(words) < 3 or words[1] not in ("of", "at") or not words[2][:1].isupper():
        return ""
    surname = words[0]
    written_in_full = any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == surname and e[0].text[:1].isupper()
        for e in doc.ents
    )
    return surname if written_in_full else ""


def _a_person(doc: Doc, name: str) -> bool:
    """A full name the article takes for a person's: its surname tagged PERSON somewhere, or
    written alone as the subject of a speech verb (`person_named_as_a_body`)."""
    surname = name.rsplit(maxsplit=1)[-1]
    tagged = any(e.label_ == "PERSON" and e[-1].text == surname for e in doc.ents)
    return tagged or person_named_as_a_body(doc, name)


def _pieces(ent: Span, lines: Sequence[tuple[int, int]] = ()) -> tuple[Span, ...]:
    """The entity without words that open no name (`entity_names.lead_words`), a person with
    the name word the model left off ("Yoon Suk" of "Yoon Suk Yeol": `speaker_full_names`, out
    of the Title Case `lines`), or an organisation and the person after its possessive ("Fox
    News’ Sean Hannity": `entity_possessive`), else with the acronym the model left off its
    front ("SBM Intel": `entity_repairs.acronym_before_body`)."""
    if ent.label_ == "PERSON":
        lead = lead_words(ent)  # "Actress Amandla Stenberg"
        end = run_on_end(ent, lines, _NOT_NAMES)
        if lead or end != ent.end:
            return (Span(ent.doc, ent.start + lead, end, label="PERSON"),)
        return (ent,)
    person = person_after_possessive(ent) if ent.label_ == "ORG" else None
    if person is None:
        return (acronym_before_body(ent),)  # "SBM Intel" tagged as "Intel"
    doc, (start, end) = ent.doc, person
    return Span(doc, ent.start, start - 1, label="ORG"), Span(doc, start, end, label="PERSON")


def _trim_headline_people(raws: list[_Raw], doc: Doc) -> None:
    """A PERSON in a Title Case line that holds words the article writes in lowercase keeps
    the words that name a person of the story's body ("Clinton Hid Past Health" -> "Clinton"),
    or names no one (`entity_headlines`)."""
    lines = title_case_lines(doc)
    if not lines:
        return
    people = [r for r in raws if r.kind == EntityKind.PERSON and r.person]
    inside = [r for r in people if any(s <= r.start and r.end <= e for s, e in lines)]
    ids = {id(r) for r in inside}
    body = {make_key(r.person) for r in people if id(r) not in ids}
    for raw in inside:
        if make_key(raw.person) not in body and holds_common_words(raw.person, doc):
            raw.person = name_in_body(raw.person.split(), body, _is_shorter_form, make_key)


def _with_bodies(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
    """The mentions with the bodies the model left untagged (`entity_repairs`), in text order;
    a place tagged inside such a name ("West Midlands" of "West Midlands Police") gives way."""
    bodies = untagged_bodies(doc)
    if not bodies:
        return raws
    kept = [r for r in raws if not any(s <= r.start and r.end <= e for s, e in bodies)]
    for start, end in bodies:
        text = doc_text(doc)[start:end]
        surface = clean_surface(text)
        kept.append(_Raw(text, "ORG", start, end, EntityKind.ORG, surface, surface))
    return sorted(kept, key=lambda r: r.start)


_ORG_NAME_WORDS = frozenset(
    """party council university college school institute centre center association union bank
    company corporation group news times post press agency department ministry committee
    commission foundation trust fund office court police service club county city state
    house senate assembly""".split()  # noqa: SIM905
)


def _name_after_role(surface: str, fewest: int = 2) -> str:
    """ "Rockland County Executive Ed Day" tagged ORG: the "First [M.] Surname" after its last
    title or job word, when two or three name-shaped words end it; "" otherwise ("Office of
    the Chief Executive Officer", "Meta spokesperson Tolan": no first name after the role)."""
    words = surface.split()
    roles = [i for i, w in enumerate(words[:-fewest]) if _is_title(w) or w.lower() in ROLE_WORDS]
    if not roles:
        return ""
    tail = words[roles[-1] + 1 :]
    if not fewest <= len(tail) <= 3 or not _NAME_WORD.match(tail[0]):
        return ""
    if tail[0].lower() in ROLE_WORDS | NATIONALITY_WORDS:
        return ""
    if not all(_NAME_WORD.match(w) or _INITIALISM.match(w) for w in tail):
        return ""
    return "" if any(w.lower() in _ORG_NAME_WORDS for w in tail) else " ".join(tail)


def _used_alone(text: str, name: list[str], start: int, end: int) -> bool:
    """The surname written on its own elsewhere in the article ("Day said", "Mr Day"), as a
    person's is: "Grand Central Publishing" writes "Publishing" only inside names ("Arcade
    Publishing")."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(name[-1])}(?![\w-])", text):
        if start <= match.start() < end:
            continue
        before = text[max(match.start() - 40, 0) : match.start()].split()
        word = before[-1] if before and text[match.start() - 1 : match.start()].isspace() else ""
        if not word[:1].isupper() or _is_title(word):
            return True
    return False


# Verbs a Title Case headline runs into a name: "Obama Says …", "Lawmakers Rip Donald Trump".
_HEADLINE_VERBS = frozenset(
    """says tells warns urges calls slams rips blasts hits asks admits claims vows defends denies
    praises accuses say tell warn urge call slam rip blast hit ask admit claim vow defend deny
    praise accuse""".split()  # noqa: SIM905
)  # not "said": "Edward Said" is a name


# Words that follow a person's name without being part of it ("Clinton Campaign", "Trump
# Foundation", "Obama Says"): a name the model cut short is not run on over them.
_NOT_NAMES = (
    ROLE_WORDS
    | _ORG_NAME_WORDS
    | _HEADLINE_VERBS
    | frozenset(
        """campaign administration family foundation estate era camp team aides allies""".split()  # noqa: SIM905
    )
)


def _without_headline_verbs(name: str) -> str:
    """The name without a capitalised headline verb at its end ("Obama Says" -> "Obama") or
    before a full name ("Rip Donald Trump" -> "Donald Trump")."""
    words = name.split()
    while len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in _HEADLINE_VERBS:
        if not words[-1].endswith("s"):
            break  # "Says" after one person; a base form ("Call") may be a surname
        words.pop()
    while len(words) > 2 and words[0][:1].isupper() and words[0].lower() in _HEADLINE_VERBS:
        words.pop(0)  # "Rip Donald Trump", but "Rip Torn" stays
    return " ".join(words)


def _acts_like_a_person(doc: Doc, raw: _Raw) -> bool:
    """A place-tagged word that is a possessor or a subject ("In Hajjaj’s case", "Hajjaj
    said"), not somewhere things happen ("in Jordan")."""
    span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in {"poss", "nsubj"}


def _relabel_full_names(raws: list[_Raw], text: str) -> None:
    """ "Mohamed Soltan" tagged a place where the article's "Soltan" is a PERSON: a place-tagged
    "First [M.] Surname" whose surname is a person of the article is that person (so its
    surname's other mentions fold onto it), unless its first word names a place of the article
    or the article writes it with "the" ("the Florida Keys"), as places are and people are not."""
    with_the = {
        make_key(r.surface) for r in raws if text[max(r.start - 4, 0) : r.start].lower() == "the "
    }
    person_keys = Counter(make_key(r.person) for r in raws if r.kind == EntityKind.PERSON)
    one_word_places = {
        make_key(r.surface) for r in raws if r.kind == EntityKind.PLACE and " " not in r.surface
    }
    for raw in raws:
        words = make_key(raw.surface).split()
        if (
            raw.kind == EntityKind.PLACE
            and len(words) > 1
            and words[0] not in one_word_places
            and " ".join(words) not in with_the
            and _names_a_tagged_person(raw, person_keys)
        ):
            raw.kind = EntityKind.PERSON


# Kinds a person's full name is mislabelled as when its surname speaks alone: an organisation,
# or a people ("Roman Smbatyan" and "Smbatyan added" tagged NORP).
_BODY_KINDS = frozenset({EntityKind.ORG, EntityKind.GROUP})


def _relabel_people(raws: list[_Raw], doc: Doc) -> None:
    """Correct small-model labels: a name used as a PERSON in the article is a PERSON throughout;
    a one-word place that is the surname of a person named in full, used as a possessor or a
    subject, is that person; so is a one-word name that is the first word of a person's full
    name ("Wang said" tagged ORG after "Foreign Minister Wang Yi": a family name written first)."""
    _relabel_full_names(raws, doc_text(doc))
    for raw in raws:  # first, so that the full name's own label is judged against it
        one_word = " " not in raw.surface.strip()
        if (
            raw.kind != EntityKind.PERSON
            and one_word
            and surname_written_in_full(doc, raw.start, raw.end, raw.surface)
        ):
            raw.kind = EntityKind.PERSON  # "Hayee told" tagged ORG after "… Bilal Hayee"
        elif raw.kind in _BODY_KINDS and person_named_as_a_body(doc, raw.surface):
            raw.kind = EntityKind.PERSON  # "Vivek Ramaswamy" and "Ramaswamy said", all ORG
        elif raw.kind in _BODY_KINDS and (named := person_after_abbreviated_titles(raw.surface)):
            raw.kind, raw.person = EntityKind.PERSON, named  # "Det. Insp. Ray Lynch" ORG
    people = [r for r in raws if r.kind == EntityKind.PERSON]
    untitled = people_after_titles([(r.text, r.person) for r in people])  # "The Mirror Linda"
    for raw, person in zip(people, untitled, strict=True):
        raw.person = person
    person_keys = Counter(make_key(r.person) for r in people)
    surnames = {surname_of(k) for k in person_keys if len(k.split()) > 1}
    firsts = {k.split()[0] for k in person_keys if len(k.split()) > 1}  # "Wang" of "Wang Yi"
    place_keys = Counter(make_key(r.surface) for r in raws if r.kind == EntityKind.PLACE)
    place_words = {w for k in place_keys for w in k.split()}  # "Florida Keys" is no person
    for raw in raws:
        key = make_key(raw.person)
        if raw.kind == EntityKind.PERSON or not key:
            continue
        holder = _name_after_role(raw.surface, fewest=1) if raw.kind == EntityKind.ORG else ""
        if " " not in holder and make_key(holder) in surnames:
            raw.kind, raw.person = EntityKind.PERSON, holder  # "Meta spokesperson Tolan"
            continue
        if raw.kind == EntityKind.PLACE:
            relabel = person_keys[key] >= max(place_keys[key], 1) or (
                len(key.split()) == 1 and key in surnames and _acts_like_a_person(doc, raw)
            )
        else:
            relabel = key in person_keys or (len(key.split()) == 1 and surname_of(key) in surnames)
        one_word = len(key.split()) == 1
        if not relabel and one_word and key in firsts and _acts_like_a_person(doc, raw):
            relabel = key not in place_words  # "Wang said" after "Wang Yi": a family name first
        if relabel or (
            raw.kind != EntityKind.PLACE
            and _names_a_tagged_person(raw, person_keys)
            and not place_words & set(key.split())
        ):
            raw.kind = EntityKind.PERSON


_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def _names_a_tagged_person(raw: _Raw, person_keys: Counter[str]) -> bool:
    """ "Nikki Haley" tagged ORG where the article's "Haley" is a PERSON: a "First [M.] Surname"
    (capitalised words, the first no title or nationality) whose surname is a person of the
    article is that person, not an organisation of the same name ("Trump Organization" is
    not: its last word is no surname)."""
    words = raw.surface.split()
    if not 2 <= len(words) <= 3 or not all(
        _NAME_WORD.match(w) or _INITIALISM.match(w) for w in words
    ):
        return False
    first, last = words[0].lower(), words[-1].lower()
    if not _NAME_WORD.match(words[0]) or first in TITLE_WORDS or first in NATIONALITY_WORDS:
        return False
    return person_keys[last] > 0 or person_keys[make_key(raw.surface)] > 0


def _fold_people(raws: Sequence[_Raw], text: str = "") -> dict[str, tuple[str, str]]:
    """Map each person key in the article to the (name, key) of the full name it folds onto;
    never onto a name the article only quotes as a term (`quoted_term`)."""
    names: dict[str, str] = {}
    for raw in raws:
        if raw.kind == EntityKind.PERSON and raw.person:
            names.setdefault(make_key(raw.person), raw.person)
    terms = {key for key, name in names.items() if quoted_term(text, name)}
    by_surname: dict[str, list[str]] = {}
    for key in names:
        if key not in terms:
            by_surname.setdefault(surname_of(key), []).append(key)
    for key in terms:
        by_surname.setdefault(surname_of(key), [])
    described = {
        key: found
        for key in names
        if key not in terms
        and (found := _described_by(key, by_surname[surname_of(key)], names, text))
    }
    for key in described:  # "Realtor Ghulam" is no rival full name for "Ghulam"
        by_surname[surname_of(key)].remove(key)
    folded: dict[str, tuple[str, str]] = {}
    for key, name in names.items():
        longer = described.get(key) or [
            k for k in by_surname[surname_of(key)] if _is_shorter_form(key, k)
        ]
        maximal = [k for k in longer if not any(_is_shorter_form(k, o) for o in longer)]
        if len(maximal) > 1 and " " not in key:  # "Fischer's mother, Adrianne Fischer"
            related = relatives_of(name, {k: names[k] for k in maximal}, text)
            maximal = [k for k in maximal if k not in related]
        target = maximal[0] if len(maximal) == 1 else key
        target = _plain_form(target, names)
        folded[key] = (names[target] if target != key else name, target)
    return folded


def _described_by(
    key: str, rivals: Sequence[str], names: Mapping[str, str], text: str
) -> list[str]:
    """ "Realtor Ghulam said" after "realtor Shaun Ghulam": a two-word "person" whose first
    word the article writes in lowercase right before a full name with the same surname is
    that description and the surname, not a second person; the one full name so described."""
    words = key.split()
    if len(words) != 2 or not text:
        return []
    described = [
        k
        for k in rivals
        if k != key
        and len(k.split()) > 1
        and re.search(rf"(?<![\w-]){re.escape(words[0])} {re.escape(names[k])}(?![\w-])", text)
    ]
    return described if len(described) == 1 else []


_OPENING_MARKS = ("“", '"', "''", "‘")
_CLOSING_MARKS = ("”", '"', "''", "’")


def quoted_term(text: str, name: str) -> bool:
    """A name of several words the article writes only as a whole quotation, a term or a
    nickname ("''Wilayat Twitter,''", "“Crooked Hillary”"): no one's introduction, so no bare
    name ("Twitter", "Hillary") is completed to it."""
    if " " not in name.strip():
        return False
    found = False
    for match in re.finditer(re.escape(name), text):
        before = text[max(match.start() - 2, 0) : match.start()]
        after = text[match.end() : match.end() + 4].lstrip(",.!?")
        closed = any(
            after.startswith(m) and not after[len(m) :][:1].isalpha() for m in _CLOSING_MARKS
        )
        if not (before.endswith(_OPENING_MARKS) and closed):  # not "Hillary Clinton’s"
            return False
        found = True
    return found


_MIDDLE_INITIAL = re.compile(r"^[a-z]\.$")


def _plain_form(key: str, names: Mapping[str, str]) -> str:
    """ "donald trump" for "donald j. trump" when the article writes that form too: the form
    without middle initials is the one most articles write, so the corpus keeps one person."""
    words = key.split()
    plain = " ".join(
        w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _MIDDLE_INITIAL.match(w))
    )
    return plain if plain != key and plain in names else key


def _complete_surnames(
    doc: Doc,
    folded: dict[str, tuple[str, str]],
    others: frozenset[str] = frozenset(),
    body: frozenset[str] | None = None,
) -> dict[str, tuple[str, str]]:
    """A surname left alone ("Long", "Mahmood") takes the one full name the article writes for
    it where the model did not tag that name ("Brock Long, executive chairman of …"), and a
    name of several words the one full name that starts with them ("Mary Ann", "Te Kaurinui":
    `speaker_full_names.by_leading_words`), unless the article names a place or organisation
    so (`others`: "Keys" is not "Florida Keys"); `body` are the person keys written outside a
    Title Case line, the only full names a name of several words completes to. A lone surname
    still alone takes the one full name whose surname it misspells by a letter ("Hauser" for
    "Trevor Houser": `entity_misspelt_surnames`)."""
    from analysis.speaker_names import full_name_in  # here: that module imports this one

    completed = dict(folded)
    full_names = {t: n for n, t in folded.values() if " " in n}
    common: frozenset[str] = frozenset()
    for key, (name, target) in folded.items():
        if target == key and " " in name:  # "Mary Ann said" after "Mary Ann Shaw"
            named = {k: n for k, n in full_names.items() if body is None or k in body}
            common = common or _common(doc)
            full = by_leading_words(key, named, common)
        elif target == key:  # "Walter said" after "Walter A. Clyburn Reed"
            full = full_name_in(doc, name) or by_leading_words(key, full_names)
            # "Hauser said" after "Trevor Houser": a misspelling (`entity_misspelt_surnames`)
            full = full or respelled(name, full_names)
        else:
            continue
        if full is not None and make_key(full) not in others:
            completed[key] = (full, make_key(full))
    return completed


def _in_body(doc: Doc, raws: Sequence[_Raw]) -> frozenset[str]:
    """The person keys written in a line of the story's body: not a headline, a link's title
    or a Title Case line ("Bernie Sanders Pins The Rise Of ISIS On …" names no "Pins")."""
    text = doc_text(doc)
    heads = [(ln.start, ln.end) for ln in split_lines(text) if is_headline(text, ln)]
    heads += title_case_lines(doc)
    return frozenset(
        make_key(r.person)
        for r in raws
        if r.kind == EntityKind.PERSON and not any(s <= r.start < e for s, e in heads)
    )


def _common(doc: Doc) -> frozenset[str]:
    """Words that do not end a person's name: titles, roles, bodies' and headlines' words, and
    the words the article writes in lowercase."""
    return _NOT_NAMES | lowercase_words(doc)


def _sentence_starts(doc: Doc, sentences: Sequence[SentenceSpan] | None) -> list[int]:
    """Start offsets of the sentences a mention's `sentence` index refers to."""
    if sentences is not None:
        return [s.start for s in sentences]
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [s.start_char for s in doc.sents]


def canonicalise_mentions(
    doc: Doc, sentences: Sequence[SentenceSpan] | None = None
) -> tuple[Mention, ...]:
    """The entity mentions of one article, folded onto canonical names and keys.

    `sentence` indexes `sentences` when given (pass `DocAnalysis.sentences`), else `doc.sents`.
    """
    raws = _raw_mentions(doc)
    _relabel_people(raws, doc)
    others = frozenset(make_key(r.surface) for r in raws if r.kind != EntityKind.PERSON)
    named = frozenset(make_key(r.person) for r in raws if r.kind == EntityKind.PERSON)
    for raw in raws:
        if raw.kind == EntityKind.PERSON:  # also those relabelled from other kinds
            raw.person = without_named_tail(person_words(raw.person), others, named, make_key)
    _trim_headline_people(raws, doc)
    people = _complete_surnames(doc, _fold_people(raws, doc_text(doc)), others, _in_body(doc, raws))
    starts = _sentence_starts(doc, sentences)
    mentions = []
    for raw in raws:
        if raw.kind == EntityKind.PERSON:
            if not raw.person:
                continue
            name, key = people[make_key(raw.person)]
            kind = EntityKind.PERSON
        else:
            if all(_is_title(w) for w in raw.surface.split()):
                continue
            name, key, kind = canonical_name(raw.surface, raw.kind)
        sentence = max(bisect_right(starts, raw.start) - 1, 0)
        mentions.append(Mention(raw.text, kind, raw.label, raw.start, raw.end, sentence, name, key))
    shortened = _short_company_names(doc, _expand_acronyms(mentions))
    return clipped_names(remit_names(doc, shortened, make_key))


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "&", "at", "to"})


def _initials(name: str) -> str:
    """ "Office of Personnel Management" -> "OPM"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _MINOR)


def _expand_acronyms(mentions: list[Mention]) -> tuple[Mention, ...]:
    """An organisation written as its acronym ("OPM said") is the one organisation the article
    names in full with those initials ("the Office of Personnel Management"), or with all of
    them but a last one its short name leaves off ("RBI" for "the Reserve Bank")."""
    full = {m.key: m.name for m in mentions if m.kind == EntityKind.ORG and " " in m.name}
    by_initials: dict[str, set[str]] = {}
    for key, name in full.items():
        by_initials.setdefault(_initials(name).upper(), set()).add(key)
    expanded = []
    for mention in mentions:
        compact = mention.name.replace(".", "")
        keys = by_initials.get(compact, set()) if mention.kind == EntityKind.ORG else set()
        if not keys and len(compact) > 2 and mention.kind == EntityKind.ORG:
            keys = by_initials.get(compact[:-1], set())  # "RBI" for "the Reserve Bank" (of India)
        if _ACRONYM.match(compact) and len(keys) == 1:
            (key,) = keys
            expanded.append(replace(mention, name=full[key], key=key))
        else:
            expanded.append(mention)
    return tuple(expanded)


# Words that end a company's or school's full name and that its short name leaves off
# ("United" for "United Airlines", "Harvard" for "Harvard University").
_COMPANY_ENDS = frozenset(
    """airlines airline airways bank group inc corp corporation company co ltd limited plc llc
    holdings motors university college stores supermarkets foods""".split()  # noqa: SIM905
)


def _short_company_names(doc: Doc, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """ "United said it is …" after "United Airlines": a one-word organisation that is the
    first word of exactly one organisation of the article whose other words only say what
    kind of body it is (`_COMPANY_ENDS`: "Airlines", "Bank", "University") is that one; not
    "Apple" for "Apple Music", a body of its own. So is such a word tagged as a people, when
    it is written in the singular as a clause's subject ("American said in a statement"), or
    tagged as a person the article names by that one word alone, with no title ("Kessel said"
    after "Kessel Bank"; not "Mr. Kessel", nor Maria Kessel, whose mentions fold onto her)."""
    full: dict[str, set[str]] = {}
    names = {}
    for m in mentions:
        words = m.name.split()
        if m.kind == EntityKind.ORG and len(words) > 1:
            tail = [w.lower().rstrip(".") for w in words[1:]]
            if all(w in _COMPANY_ENDS for w in tail):
                full.setdefault(words[0].lower(), set()).add(m.key)
                names[m.key] = m.name
    if not full:
        return tuple(mentions)
    shortened = []
    for mention in mentions:
        keys = full.get(mention.name.lower(), set()) if " " not in mention.name else set()
        if len(keys) == 1 and (
            mention.kind == EntityKind.ORG
            or _people_word_as_subject(doc, mention)
            or _bare_person_word(doc, mention, mentions)
        ):
            (key,) = keys
            shortened.append(replace(mention, name=names[key], key=key, kind=EntityKind.ORG))
        else:
            shortened.append(mention)
    return tuple(shortened)


def _people_word_as_subject(doc: Doc, mention: Mention) -> bool:
    """A people's word ("American") written alone as the singular subject of a clause: no
    people speaks so, a company of that first word does."""
    if mention.kind != EntityKind.GROUP:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ == "nsubj" and token.tag_ == "NNP" and not token.text.endswith("s")


def _bare_person_word(doc: Doc, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """A person's mention that is one word written bare ("Kessel", "Kessel's"; not "Mr.
    Kessel"), as is every mention of the article with its key."""
    if mention.kind != EntityKind.PERSON:
        return False
    same = [m for m in mentions if m.key == mention.key]
    written = {m.text.removesuffix("'s").removesuffix("’s") for m in same}
    return written == {mention.name} and not any(_titled(doc, m.start) for m in same)


def _titled(doc: Doc, start: int) -> bool:
    """A title ("Mr.", "Dr", "Sen.") written just before the character `start`."""
    before = doc_text(doc)[max(start - 12, 0) : start].split()
    return bool(before) and _is_title(before[-1])
