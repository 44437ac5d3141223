"""The speaker-ranker study's pieces (issue 12, round 5), on invented articles: the features a
candidate gets and the model fit. The study itself needs the shared data; these do not."""

from __future__ import annotations

import numpy as np
from spacy.language import Language

from analysis.nlp import analyse_texts
from analysis.quotes import extract_quotes
from eval.speaker_ranker.features import FEATURES, Candidate, candidates, context_of
from eval.speaker_ranker.study import fit, gain, hard


def _features(nlp: Language, text: str, quote_index: int = 0) -> dict[str, dict[str, float]]:
    """Each candidate's named features for one quote of the text, its rule link hidden."""
    ((doc, analysis),) = list(analyse_texts(nlp, [text]))
    quotes = list(extract_quotes(doc, analysis))
    quote = quotes[quote_index]
    found: list[Candidate] = candidates(quote, quotes[:quote_index], context_of(doc, analysis))
    return {c.name: dict(zip(FEATURES, c.features, strict=True)) for c in found}


def test_a_description_finds_its_noun_in_an_organisation_name(nlp: Language) -> None:
    text = (
        "The Screen Actors Union met the studios on Monday. Anna Novak chaired the talks.\n"
        "\u201cWe have a deal,\u201d the union said."
    )
    features = _features(nlp, text)
    union = next(f for name, f in features.items() if "Union" in name)
    novak = features["Anna Novak"]
    assert union["noun_in_name"] == 1.0 and union["body_organisation"] == 1.0
    assert novak["noun_in_name"] == 0.0 and novak["organisation"] == 0.0


def test_a_person_named_before_is_before_and_a_woman_never_agrees_with_he(nlp: Language) -> None:
    text = (
        "Maria Lopez met Tom Keller in Berlin. He told reporters that his talks went well.\n"
        "\u201cWe made progress,\u201d he said."
    )
    features = _features(nlp, text)
    assert features["Tom Keller"]["not_before"] == 0.0
    assert features["Maria Lopez"]["pronoun_agrees"] == 0.0


def test_hard_speakers_are_pronouns_descriptions_and_unlinked_ones(nlp: Language) -> None:
    ((doc, analysis),) = list(
        analyse_texts(
            nlp,
            [
                "Vladimir Putin met reporters. \u201cWe will win,\u201d Putin said. "
                "\u201cIt is hard,\u201d he added. \u201cNo,\u201d the spokesman said."
            ],
        )
    )
    kinds = [hard(q) for q in extract_quotes(doc, analysis)]
    assert kinds == [False, True, True]


def test_fit_learns_the_sign_of_a_separating_feature() -> None:
    x = np.array([[1.0, 1.0], [1.0, 1.0], [1.0, 0.0], [1.0, 0.0], [1.0, 1.0], [1.0, 0.0]])
    y = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    assert fit(x, y)[1] > 1.0


def test_gain_weighs_right_links_above_wrong_ones() -> None:
    scored = [(0.9, True), (0.8, False), (0.4, True)]
    assert gain(scored, 0.5) == (1.15 - 0.85, 1, 1)
    assert gain(scored, 0.3)[1:] == (2, 1)
