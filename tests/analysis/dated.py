"""The dates of a text's events, as `analyst timeline` lists them: for the event-round tests."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from analysis.events import extract_events
from analysis.nlp import analyse_doc
from analysis.types import Precision


def event_dates(nlp: Language, text: str, published: date) -> list[str]:
    """The dates (ISO) of a text's events, published on `published` (a day-precise date)."""
    doc = nlp(text)
    return [str(e.date) for e in extract_events(doc, analyse_doc(doc), published, Precision.DAY)]
