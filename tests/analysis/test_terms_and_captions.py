"""Content terms and tidied captions: what they keep, and that no text makes them raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.captions import tidy_caption
from analysis.nlp import analyse_doc
from analysis.periods import PeriodError, parse_period
from analysis.terms import extract_terms


def terms(nlp: Language, text: str) -> dict[str, int]:
    doc = nlp(text)
    return extract_terms(doc, analyse_doc(doc))


def test_terms_are_noun_lemmas_outside_entities(nlp: Language) -> None:
    found = terms(
        nlp,
        "Russia lifted sanctions on uranium exports. The sanction relief followed talks "
        "between Vladimir Putin and the Islamic State's rivals.",
    )
    assert found["sanction"] == 2
    assert "uranium" in found and "export" in found
    assert not {"russia", "putin", "vladimir", "state", "islamic"} & set(found)


def test_stop_words_numbers_and_fragments_are_not_terms(nlp: Language) -> None:
    found = terms(nlp, "The 2,000 troops did it in 2015. A U.S. e-mail: x.")
    assert all(term.isalpha() and len(term) >= 3 for term in found)


@pytest.mark.parametrize(
    ("caption", "tidied"),
    [
        (
            "PHOTO: Putin and Rouhani arrive in Tehran, Iran, Nov. 23, 2015."
            "PlayEbrahim Noroozi/AP Photo",
            "Putin and Rouhani arrive in Tehran, Iran, Nov. 23, 2015.",
        ),
        (
            "Putin and Pezeshkian met last week as the 'axis of resistance' expands",
            "Putin and Pezeshkian met last week as the 'axis of resistance' expands.",
        ),
        ("Leaders meet (Image credit: Getty)", "Leaders meet."),
        ("", ""),
    ],
)
def test_captions_lose_their_furniture(caption: str, tidied: str) -> None:
    assert tidy_caption(caption) == tidied


@given(st.text(max_size=300))
def test_tidy_caption_never_raises(text: str) -> None:
    assert isinstance(tidy_caption(text), str)


@given(st.text(max_size=40))
def test_periods_either_parse_or_say_why(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError as exc:
        assert str(exc)
    else:
        assert period.start <= period.end


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_extract_terms_never_raises(nlp: Language, text: str) -> None:
    assert all(count > 0 for count in terms(nlp, text).values())
