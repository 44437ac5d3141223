"""`doc_text` reads an article's text once: the same characters as `Doc.text`, built once."""

from __future__ import annotations

from spacy.language import Language

from analysis.doc_text import doc_text
from analysis.entity_repairs import surname_written_in_full


def test_doc_text_is_the_docs_text_built_once(nlp: Language) -> None:
    doc = nlp("Anna Novak spoke in Kelmore.  \n\nNovak said the plan “works”.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # kept, not joined again from the tokens


def test_a_place_the_article_goes_to_is_no_surname(nlp: Language) -> None:
    # The places cache answers per document: "Jordan" is somewhere here, so no surname.
    doc = nlp("Aid went to Jordan on Monday. Jordan said the border was open, Leila Jordan added.")
    start = doc.text.index("Jordan said")
    assert not surname_written_in_full(doc, start, start + len("Jordan"), "Jordan")
