"""Exact and near-duplicate recognition: the same wire story twice, two different stories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dedup import (
    content_hash,
    estimated_similarity,
    is_near_duplicate,
    lsh_band_keys,
    minhash_signature,
    signature_from_bytes,
    signature_to_bytes,
)

WIRE_STORY = """\
Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a
comprehensive strategic partnership treaty in Moscow on Friday, deepening ties between two
countries that are both under heavy Western sanctions.

The 20-year agreement covers trade, military cooperation, science, education and culture,
but it does not include a mutual defence clause like the one Russia signed with North Korea
last year. Putin said the treaty would give "an additional impetus" to cooperation in almost
every field, and told reporters that the two sides had agreed to build a gas pipeline through
Azerbaijan once the details of the price were settled.

Pezeshkian, who was making his first official visit to Moscow since taking office in July,
said the treaty opened a new chapter in relations with "our friend and neighbour". He added
that Iran would not allow its territory to be used for any action against Russia.

Iran has supplied Russia with drones for use in Ukraine, according to Western governments,
an accusation Tehran has repeatedly denied. The Kremlin has said the partnership is not
directed against any third country. Officials from both governments also discussed
the North-South transport corridor, a rail and sea route that would connect Russia to the
Indian Ocean through Iranian territory, and the use of national currencies in trade to avoid
the dollar.
"""

EDITED_REPRINT = """\
Share this article  Facebook  Twitter  Email
World News | Reuters wire

Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a
comprehensive strategic partnership treaty in Moscow on Friday, deepening ties between two
nations that are both under heavy Western sanctions.

The 20-year agreement covers trade, military cooperation, science, education and culture,
but it does not include a mutual defence clause like the one Russia signed with North Korea
in June. Putin said the treaty would give “an additional impetus” to cooperation in almost
every field, and told reporters that the two sides had agreed to build a gas pipeline through
Azerbaijan once the details of the price were settled.

Pezeshkian, who was making his first official visit to Moscow since taking office in July,
said the treaty opened a new chapter in relations with “our friend and neighbour”. He added
that Iran would not allow its territory to be used for any action against Russia.

Iran has supplied Russia with drones for use in Ukraine, according to Western governments,
an accusation Tehran has repeatedly denied. The Kremlin has said the partnership is not
directed against any third country. Officials from both governments also discussed
the North-South transport corridor, a rail and sea route that would connect Russia to the
Indian Ocean through Iranian territory, and the use of national currencies in trade to avoid
the dollar. The U.S. State Department declined to comment on the treaty.
"""

OTHER_STORY = """\
Iran and Russia held joint naval exercises in the Gulf of Oman on Tuesday, Iranian state
media reported, in a show of military cooperation as tensions with the United States rise
over shipping in the region.

Warships and helicopters from both navies took part in the three-day drill, which also
included a Chinese destroyer, according to a spokesman for the Iranian army. The spokesman
said the exercise was meant to improve the security of international trade and to fight
piracy and terrorism at sea.

Moscow has sought to strengthen its ties with Tehran since the start of the war in Ukraine,
while Iran has looked to Russia for fighter jets and air defence systems. Western officials
say Tehran has sent ballistic missiles to Russia, which Iran denies.

Analysts in Washington said the drills were largely symbolic but showed that both
governments wanted to signal that they were not isolated. "It is a message more than a
capability," said one former Pentagon official who asked not to be named. The exercise
ended on Thursday with a parade of ships off the port of Chabahar.
"""


def test_identical_text_has_similarity_one() -> None:
    sig = minhash_signature(WIRE_STORY)
    assert estimated_similarity(sig, minhash_signature(WIRE_STORY)) == 1.0
    assert is_near_duplicate(sig, minhash_signature(WIRE_STORY))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin said “we are friends”.", 'putin  said "we are friends".'),
        ("Line one.\n\nLine two.", "Line one. Line two.  "),
        ("It’s Tehran’s view", "It's Tehran's view"),
        ("non\u00a0breaking\u200b space", "non breaking space"),
    ],
)
def test_content_hash_ignores_trivial_differences(a: str, b: str) -> None:
    assert content_hash(a) == content_hash(b)


def test_content_hash_tells_different_texts_apart() -> None:
    assert content_hash("Putin met Rouhani.") != content_hash("Putin met Raisi.")
    assert len(content_hash("")) == 64


def test_lightly_edited_wire_story_is_near_duplicate_and_shares_a_band() -> None:
    original, reprint = minhash_signature(WIRE_STORY), minhash_signature(EDITED_REPRINT)
    assert is_near_duplicate(original, reprint)
    assert set(lsh_band_keys(original)) & set(lsh_band_keys(reprint))


def test_different_articles_are_not_near_duplicates_and_share_no_band() -> None:
    first, second = minhash_signature(WIRE_STORY), minhash_signature(OTHER_STORY)
    assert estimated_similarity(first, second) < 0.2
    assert not is_near_duplicate(first, second)
    assert not set(lsh_band_keys(first)) & set(lsh_band_keys(second))


def test_signature_roundtrips_through_compact_bytes() -> None:
    sig = minhash_signature(WIRE_STORY)
    data = signature_to_bytes(sig)
    assert len(data) == 4 * 128
    assert signature_from_bytes(data) == sig


def test_signature_is_stable_and_sized() -> None:
    assert minhash_signature(WIRE_STORY) == minhash_signature(WIRE_STORY)
    assert len(minhash_signature(WIRE_STORY, num_perm=64)) == 64


def test_signature_is_pinned_across_library_versions_and_processes() -> None:
    # Stored signatures must keep matching new ones: a change here invalidates the corpus.
    pinned = (1033883356, 1272873541, 708543152)
    assert minhash_signature("Putin met Rouhani in Moscow.")[:3] == pinned


def test_band_keys_have_one_key_per_band() -> None:
    keys = lsh_band_keys(minhash_signature(WIRE_STORY), bands=16)
    assert len(keys) == 16
    assert keys[0].startswith("0:")
    assert keys[15].startswith("15:")


def test_empty_text_is_nobodys_near_duplicate() -> None:
    empty = minhash_signature("")
    assert lsh_band_keys(empty) == ()
    assert not is_near_duplicate(empty, minhash_signature("  \n "))


def test_text_shorter_than_a_shingle_still_matches_itself() -> None:
    assert is_near_duplicate(minhash_signature("Breaking news"), minhash_signature("breaking NEWS"))
    assert not is_near_duplicate(minhash_signature("Breaking news"), minhash_signature("Old news"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    sig = minhash_signature(text)
    assert len(content_hash(text)) == 64
    assert signature_from_bytes(signature_to_bytes(sig)) == sig
    assert len(lsh_band_keys(sig)) in (0, 32)
    assert 0.0 <= estimated_similarity(sig, minhash_signature(WIRE_STORY)) <= 1.0
