"""Canonical entity names: cleaning, keys, folding within an article and across the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.entities import (
    canonical_name,
    canonicalise_mentions,
    clean_surface,
    label_kind,
    make_key,
    merge_into_full_name,
    resolve_against_corpus,
    strip_titles,
    surname_of,
)
from analysis.types import EntityKind, Mention

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"
P = EntityKind.PERSON


def sample(prefix: str) -> str:
    """The text of the sample article whose file name starts with `prefix`."""
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def all_samples() -> list[str]:
    """Every sample article, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("PERSON", EntityKind.PERSON),
        ("ORG", EntityKind.ORG),
        ("GPE", EntityKind.PLACE),
        ("LOC", EntityKind.PLACE),
        ("FAC", EntityKind.PLACE),
        ("NORP", EntityKind.GROUP),
        ("LAW", EntityKind.OTHER),
        ("EVENT", EntityKind.OTHER),
        ("DATE", None),
        ("CARDINAL", None),
        ("MONEY", None),
        ("PERCENT", None),
        ("NONSENSE", None),
    ],
)
def test_label_kind(label: str, kind: EntityKind | None) -> None:
    assert label_kind(label) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin's", "Vladimir Putin"),
        ("Vladimir Putin’s", "Vladimir Putin"),
        ("Russia's", "Russia"),
        ("the Russians'", "Russians"),
        ("Assad’s", "Assad"),
        ("the United States", "United States"),
        ("The Hague", "The Hague"),
        ("U.S.", "U.S."),
        ("“Putin,”", "Putin"),
        ("(Rouhani)", "Rouhani"),
        ("Putin.", "Putin"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("  Hassan \n Rouhani ", "Hassan Rouhani"),
        ("the Foreign Ministers of", "Foreign Ministers"),
        ("the Russian Foreign Ministry’s", "Russian Foreign Ministry"),
        ("", ""),
    ],
)
def test_clean_surface(text: str, expected: str) -> None:
    assert clean_surface(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Iranian President Hassan Rouhani", "Hassan Rouhani"),
        ("President Putin", "Putin"),
        ("Supreme Leader Ayatollah Khamenei", "Khamenei"),
        ("Ayatollah Ali Khamenei", "Ali Khamenei"),
        ("Foreign Minister Lavrov", "Lavrov"),
        ("Syrian Foreign Minister Muallem", "Muallem"),
        ("US Secretary of State Tillerson", "Tillerson"),
        ("State Tillerson", "Tillerson"),
        ("Dr. Dmitri Trenin", "Dmitri Trenin"),
        ("Mr. Putin", "Putin"),
        ("then-President Barack Obama", "Barack Obama"),
        ("Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
        ("Erik Prince", "Erik Prince"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Supreme", ""),
        ("Russian President", ""),
    ],
)
def test_strip_titles(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Vladimir Putin", "vladimir putin"),
        ("Bashar al-Assad", "bashar al-assad"),
        ("Bashar al – Assad", "bashar al-assad"),
        ("Bashar al‐Assad", "bashar al-assad"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Mohammad Javad Zarif", "mohammad javad zarif"),
        ("  Hassan   Rouhani ", "hassan rouhani"),
        ("Ali Khamene’i", "ali khamene'i"),
    ],
)
def test_make_key(name: str, key: str) -> None:
    assert make_key(name) == key


@pytest.mark.parametrize(
    ("key", "surname"),
    [
        ("vladimir putin", "putin"),
        ("putin", "putin"),
        ("bashar al-assad", "assad"),
        ("al-assad", "assad"),
        ("assad", "assad"),
        ("al-", "al-"),
        ("", ""),
    ],
)
def test_surname_of(key: str, surname: str) -> None:
    assert surname_of(key) == surname


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("U.S.", EntityKind.PLACE, ("United States", "united states", EntityKind.PLACE)),
        ("US", EntityKind.PLACE, ("United States", "united states", EntityKind.PLACE)),
        (
            "the United States",
            EntityKind.PLACE,
            ("United States", "united states", EntityKind.PLACE),
        ),
        ("America", EntityKind.PLACE, ("United States", "united states", EntityKind.PLACE)),
        ("America’s", EntityKind.PLACE, ("United States", "united states", EntityKind.PLACE)),
        ("U.N.", EntityKind.ORG, ("United Nations", "united nations", EntityKind.ORG)),
        ("the UN", EntityKind.PLACE, ("United Nations", "united nations", EntityKind.ORG)),
        ("EU", EntityKind.ORG, ("European Union", "european union", EntityKind.ORG)),
        ("ISIS", EntityKind.ORG, ("Islamic State", "islamic state", EntityKind.ORG)),
        ("the Islamic State", EntityKind.ORG, ("Islamic State", "islamic state", EntityKind.ORG)),
        ("Russia's", EntityKind.PLACE, ("Russia", "russia", EntityKind.PLACE)),
        ("Russian President Vladimir Putin's", P, ("Vladimir Putin", "vladimir putin", P)),
        ("Kremlin", EntityKind.ORG, ("Kremlin", "kremlin", EntityKind.ORG)),
    ],
)
def test_canonical_name(text: str, kind: EntityKind, expected: tuple[str, str, EntityKind]) -> None:
    assert canonical_name(text, kind) == expected


KNOWN = {
    "vladimir putin": P,
    "bashar al-assad": P,
    "donald trump": P,
    "ivanka trump": P,
    "hassan rouhani": P,
    "washington": EntityKind.PLACE,
    "george washington": P,
    "tillerson": P,
}


@pytest.mark.parametrize(
    ("key", "kind", "resolved"),
    [
        ("putin", P, "vladimir putin"),
        ("assad", P, "bashar al-assad"),
        ("al-assad", P, "bashar al-assad"),
        ("rouhani", P, "hassan rouhani"),
        ("trump", P, "trump"),  # two known Trumps: ambiguous, left alone
        ("tillerson", P, "tillerson"),  # no full name known
        ("vladimir putin", P, "vladimir putin"),
        ("washington", EntityKind.PLACE, "washington"),  # only people are resolved
        ("putin", EntityKind.ORG, "putin"),
    ],
)
def test_resolve_against_corpus(key: str, kind: EntityKind, resolved: str) -> None:
    assert resolve_against_corpus(key, kind, KNOWN) == resolved
    assert resolve_against_corpus(key, kind, list(KNOWN.items())) == resolved


@pytest.mark.parametrize(
    ("new_key", "known", "merged"),
    [
        ("vladimir putin", {"putin": P, "russia": EntityKind.PLACE}, ("putin",)),
        ("bashar al-assad", {"assad": P, "al-assad": P}, ("al-assad", "assad")),
        ("ivanka trump", {"trump": P, "donald trump": P}, ()),
        ("putin", {"putin": P}, ()),
        ("vladimir putin", {"putin": EntityKind.ORG}, ()),
    ],
)
def test_merge_into_full_name(
    new_key: str, known: dict[str, EntityKind], merged: tuple[str, ...]
) -> None:
    assert merge_into_full_name(new_key, P, known) == merged


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(list(EntityKind)))
def test_canonicalisation_never_raises(text: str, kind: EntityKind) -> None:
    name, key, _ = canonical_name(text, kind)
    assert key == make_key(name)
    assert isinstance(clean_surface(text), str)
    assert isinstance(strip_titles(text), str)
    assert isinstance(surname_of(make_key(text)), str)
    assert isinstance(resolve_against_corpus(make_key(text), kind, KNOWN), str)
    assert isinstance(merge_into_full_name(make_key(text), kind, KNOWN), tuple)


def mentions_of(nlp: Language, text: str) -> tuple[Mention, ...]:
    """Canonical mentions of one article."""
    return canonicalise_mentions(nlp(text))


def keys_at(mentions: tuple[Mention, ...], word: str, text: str) -> list[str]:
    """The key of the mention covering each occurrence of `word` in `text` ("" when none)."""
    keys = []
    for match in re.finditer(rf"\b{word}\b", text):
        covering = [m.key for m in mentions if m.start <= match.start() < m.end]
        keys.append(covering[0] if covering else "")
    return keys


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_every_putin_folds_onto_full_name_within_article(nlp: Language, prefix: str) -> None:
    text = sample(prefix)
    keys = keys_at(mentions_of(nlp, text), "Putin", text)
    assert keys
    assert set(keys) == {"vladimir putin"}


def test_bare_putin_resolves_across_corpus(nlp: Language) -> None:
    known = {m.key: m.kind for text in all_samples() for m in mentions_of(nlp, text)}
    text = sample("004")
    keys = keys_at(mentions_of(nlp, text), "Putin", text)
    assert keys == ["putin"]
    assert resolve_against_corpus("putin", P, known) == "vladimir putin"


def test_rouhani_folds_onto_hassan_rouhani(nlp: Language) -> None:
    text = sample("000")
    mentions = mentions_of(nlp, text)
    keys = keys_at(mentions, "Rouhani", text)
    assert set(keys) == {"hassan rouhani"}
    rouhani = [m for m in mentions if m.key == "hassan rouhani"]
    assert {(m.kind, m.name) for m in rouhani} == {(P, "Hassan Rouhani")}


def test_assad_folds_onto_bashar_al_assad(nlp: Language) -> None:
    text = sample("003")
    mentions = mentions_of(nlp, text)
    assert set(keys_at(mentions, "Assad", text)) == {"bashar al-assad"}
    assert {m.text for m in mentions if m.key == "bashar al-assad"} >= {"Assad", "Bashar al-Assad"}


def test_khamenei_keeps_surname_without_title(nlp: Language) -> None:
    text = sample("003")
    assert set(keys_at(mentions_of(nlp, text), "Khamenei", text)) == {"khamenei"}


def test_mislabelled_lavrov_is_a_person(nlp: Language) -> None:
    mentions = mentions_of(nlp, sample("004"))
    assert {m.kind for m in mentions if m.key == "lavrov"} == {P}
    assert {m.kind for m in mentions if m.key == "tillerson"} == {P}


def test_united_states_spellings_share_one_key(nlp: Language) -> None:
    keys = {m.text: m.key for text in all_samples() for m in mentions_of(nlp, text) if m.key}
    assert keys["U.S."] == keys["US"] == keys["the United States"] == "united states"


def test_mention_offsets_and_names_are_consistent(nlp: Language) -> None:
    text = sample("003")
    mentions = mentions_of(nlp, text)
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.key == make_key(mention.name)
        assert mention.kind in set(EntityKind)


def test_a_full_name_tagged_org_is_the_person_its_surname_completes_to(nlp: Language) -> None:
    # The small model tags the full name ORG and the bare surname PERSON; the surname completes
    # to that full name, so the ORG mention is the same person (one entity, not a person and an
    # organisation of the same name).
    doc = nlp("Dana Whitfield spoke first on Monday. Whitfield said the plan would work.")
    org = doc.char_span(0, len("Dana Whitfield"), label="ORG")
    surname_at = doc.text.index("Whitfield said")
    person = doc.char_span(surname_at, surname_at + len("Whitfield"), label="PERSON")
    assert org is not None and person is not None
    doc.ents = [org, person]
    mentions = canonicalise_mentions(doc)
    assert {(m.text, m.kind, m.key) for m in mentions} == {
        ("Dana Whitfield", P, "dana whitfield"),
        ("Whitfield", P, "dana whitfield"),
    }


def test_a_name_written_with_and_without_a_middle_initial_keeps_the_plain_form(
    nlp: Language,
) -> None:
    # "Donald J. Trump" and "Donald Trump" in one article: the plain form is the key, the one
    # other articles write, so the corpus holds one person (the initial stays an alias).
    text = "Dana R. Whitfield opened the meeting. Dana Whitfield said it ran late. Whitfield left."
    doc = nlp(text)
    spans = []
    for name in ("Dana R. Whitfield", "Dana Whitfield", "Whitfield left"):
        at = text.index(name)
        span = doc.char_span(at, at + len(name.removesuffix(" left")), label="PERSON")
        assert span is not None
        spans.append(span)
    doc.ents = spans
    mentions = canonicalise_mentions(doc)
    assert [(m.key, m.name) for m in mentions] == [("dana whitfield", "Dana Whitfield")] * 3


def test_a_replacement_character_at_the_edge_of_a_name_is_no_part_of_it() -> None:
    # A page's curly quotes decoded as U+FFFD: the closing mark before "Meadows said" is tagged
    # with the name, and "Golden\ufffd" keeps the no-break space after it.
    assert canonical_name("\ufffd Meadows", P) == ("Meadows", "meadows", P)
    assert clean_surface("Golden\ufffd") == "Golden"
    assert clean_surface("\u00a0Jared Golden\u00a0") == "Jared Golden"


def test_a_surname_never_completes_to_the_name_of_a_place(nlp: Language) -> None:
    # "Keys" tagged PERSON must not become a person "Florida Keys" when the article names the
    # place (or an organisation) "Florida Keys".
    text = "Hotels in the Florida Keys are empty. Florida Keys residents wait. The Keys closed."
    doc = nlp(text)
    place_at = text.index("Florida Keys")
    keys_at = text.index("Keys closed")
    place = doc.char_span(place_at, place_at + len("Florida Keys"), label="LOC")
    person = doc.char_span(keys_at, keys_at + len("Keys"), label="PERSON")
    assert place is not None and person is not None
    doc.ents = [place, person]
    mentions = canonicalise_mentions(doc)
    assert not any(m.kind == P and m.key == "florida keys" for m in mentions)


def test_an_org_whose_words_name_a_place_is_no_person_of_a_one_word_surname(
    nlp: Language,
) -> None:
    text = "Florida was hit hard. The Florida Keys closed on Monday. Keys reopened in June."
    doc = nlp(text)
    spans = []
    for name, label in (("Florida", "GPE"), ("Florida Keys", "ORG"), ("Keys", "PERSON")):
        at = text.index(name) if name != "Keys" else text.index("Keys reopened")
        span = doc.char_span(at, at + len(name), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    mentions = canonicalise_mentions(doc)
    assert {m.kind for m in mentions if m.text == "Florida Keys"} == {EntityKind.ORG}


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Obama Says Museum Tells the Truth", "Obama"),
        ("Black Lawmakers Rip Donald Trump Over Birther Lie", "Donald Trump"),
    ],
)
def test_a_headline_verb_run_into_a_name_is_no_part_of_it(
    nlp: Language, headline: str, name: str
) -> None:
    # Title Case headlines: the model tags "Obama Says" or "Rip Donald Trump" as one PERSON.
    text = f"{headline}\n\nMr. Obama spoke on Saturday. Donald Trump did not."
    doc = nlp(text)
    wrong = name.replace("Obama", "Obama Says") if "Obama" in name else "Rip Donald Trump"
    at = text.index(wrong)
    span = doc.char_span(at, at + len(wrong), label="PERSON")
    assert span is not None
    doc.ents = [span]
    (mention,) = canonicalise_mentions(doc)
    assert mention.name == name


def test_a_full_name_tagged_as_a_place_is_the_person_its_surname_is(nlp: Language) -> None:
    # The small model tags "Mohamed Soltan" as a place and his later "Soltan" as a person: the
    # full name is the person, and the surname folds onto it.
    text = "The lawsuit was filed by Mohamed Soltan in June. Soltan said he was tortured."
    doc = nlp(text)
    full_at, surname_at = text.index("Mohamed Soltan"), text.index("Soltan said")
    full = doc.char_span(full_at, full_at + len("Mohamed Soltan"), label="GPE")
    surname = doc.char_span(surname_at, surname_at + len("Soltan"), label="PERSON")
    assert full is not None and surname is not None
    doc.ents = [full, surname]
    mentions = canonicalise_mentions(doc)
    assert {(m.kind, m.key) for m in mentions} == {(P, "mohamed soltan")}
