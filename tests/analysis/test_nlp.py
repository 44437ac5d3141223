"""The spaCy pass: pipeline contents, sentences, batching and robustness."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from analysis.nlp import analyse_doc, analyse_texts, fit_length, load_nlp, sentence_at
from analysis.types import DocAnalysis, SentenceSpan

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-iran"


def all_samples() -> list[str]:
    """Every sample article, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def test_load_nlp_is_cached_and_keeps_what_extractors_need(nlp: Language) -> None:
    assert load_nlp() is nlp
    for pipe in ("tagger", "parser", "lemmatizer", "ner"):
        assert pipe in nlp.pipe_names
    doc = nlp("Putin said the talks went well.")
    assert [t.lemma_ for t in doc][:2] == ["Putin", "say"]
    assert doc[1].dep_ == "ROOT"
    assert doc[1].pos_ == "VERB"


def test_sentence_offsets_slice_the_text_exactly(nlp: Language) -> None:
    for text in all_samples():
        analysis = analyse_doc(nlp(text))
        assert len(analysis.sentences) > 5
        for index, sentence in enumerate(analysis.sentences):
            assert sentence.index == index
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() != ""


def test_mention_sentence_indexes_point_at_their_sentence(nlp: Language) -> None:
    text = all_samples()[3]
    analysis = analyse_doc(nlp(text))
    for mention in analysis.mentions:
        sentence = analysis.sentences[mention.sentence]
        assert sentence.start <= mention.start < sentence.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia and Iran up the ante\n\nVladimir Putin met Masoud Pezeshkian.",
            ["Russia and Iran up the ante", "Vladimir Putin met Masoud Pezeshkian."],
        ),
        (
            "Font Size:\n\nRussian President Vladimir Putin hosted Hassan Rouhani. He smiled.",
            ["Font Size:", "Russian President Vladimir Putin hosted Hassan Rouhani.", "He smiled."],
        ),
        ("\n\n  Putin spoke.  \n\n", ["Putin spoke."]),
        (
            "Author: HP\n\nSeeker of rabbit holes. Pessimist. Libertine.",
            ["Author: HP", "Seeker of rabbit holes.", "Pessimist.", "Libertine."],
        ),
        ("", []),
    ],
)
def test_a_blank_line_always_ends_a_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert [s.text for s in analyse_doc(nlp(text)).sentences] == expected


def test_analyse_texts_yields_in_input_order(nlp: Language) -> None:
    texts = [f"Article number {i} mentions Moscow." for i in range(7)] + all_samples()
    results = list(analyse_texts(nlp, iter(texts), batch_size=3))
    assert [doc.text for doc, _ in results] == texts
    assert all(isinstance(analysis, DocAnalysis) for _, analysis in results)
    assert results[0][1].mentions[0].key == "moscow"


def test_analyse_texts_truncates_texts_over_max_length(
    nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Putin met Rouhani in Tehran. " * 40
    limit = nlp.max_length
    nlp.max_length = 300
    try:
        with caplog.at_level(logging.WARNING, logger="analysis.nlp"):
            [(doc, analysis)] = list(analyse_texts(nlp, [text]))
    finally:
        nlp.max_length = limit
    assert len(doc.text) <= 300
    assert text.startswith(doc.text)
    assert analysis.sentences[-1].text == "Putin met Rouhani in Tehran."
    assert "truncated" in caplog.text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("alpha beta gamma", 12, "alpha beta"),
        ("x" * 20, 8, "x" * 8),
        ("He left. She stayed on", 15, "He left."),
        ("One.\n\nTwo. Three four", 18, "One.\n\nTwo."),
        ("One.\n\nTwo. Three four", 12, "One.\n\nTwo."),
        ("Intro para.\n\nTwo three", 18, "Intro para."),
        ("", 5, ""),
    ],
)
def test_fit_length(text: str, limit: int, expected: str) -> None:
    assert fit_length(text, limit) == expected


SENTENCES = (SentenceSpan(0, 2, 10, "a"), SentenceSpan(1, 12, 20, "b"))


@pytest.mark.parametrize(("offset", "index"), [(0, 0), (2, 0), (9, 0), (11, 0), (12, 1), (99, 1)])
def test_sentence_at(offset: int, index: int) -> None:
    assert sentence_at(SENTENCES, offset) == index
    assert sentence_at((), offset) == 0


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=400),
        st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
        st.text(alphabet="“”\"'‘’ Putin said\n.", max_size=200),
    )
)
def test_analyse_doc_never_raises(nlp: Language, text: str) -> None:
    analysis = analyse_doc(nlp(text))
    for sentence in analysis.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for mention in analysis.mentions:
        assert 0 <= mention.sentence < max(len(analysis.sentences), 1)
