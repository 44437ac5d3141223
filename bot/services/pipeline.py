"""From a queued job to a record storage can write: load, clean, fingerprint, then analyse.

Loading and cleaning are cheap and run first so duplicates are caught before spaCy runs;
analysis runs in batches through `nlp.pipe` in a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from spacy.language import Language

from analysis.cleaning import clean_article_text, markdown_to_text
from analysis.dedup import content_hash, lsh_band_keys, minhash_signature, signature_to_bytes
from analysis.entities import surname_of
from analysis.html_extract import extract_html
from analysis.nlp import analyse_texts
from analysis.sources import SourceError, read_text_file
from analysis.text_metadata import metadata_from_text
from analysis.types import DocAnalysis, EntityKind, Precision
from storage.records import NewArticle, NewMention

log = logging.getLogger(__name__)

MIN_WORDS = 20


@dataclass(frozen=True)
class PreparedArticle:
    """A cleaned article with its metadata and fingerprints, waiting for NLP."""

    job_id: int
    record: NewArticle
    signature: tuple[int, ...]


def _override_date(payload: dict[str, object]) -> date | None:
    value = payload.get("published")
    return date.fromisoformat(str(value)) if value else None


def load_text(payload: dict[str, object], max_bytes: int) -> tuple[str, dict[str, object]]:
    """The raw text of a file job and what its format told us (HTML metadata)."""
    path = Path(str(payload["path"]))
    text, _encoding = read_text_file(path, max_bytes)
    kind = payload.get("kind", "text")
    if kind == "markdown":
        return markdown_to_text(text), {}
    if kind != "html":
        return text, {}
    page = extract_html(text)
    if not page.text.strip():
        raise SourceError("no article text found in the HTML")
    meta = {
        "title": page.title,
        "author": page.author,
        "outlet": page.outlet,
        "published": page.published.isoformat() if page.published else None,
        "precision": page.precision.value,
        "canonical_url": page.canonical_url,
    }
    head = f"{page.title}\n\n" if page.title else ""
    return head + page.text, meta


def _pick(*values: object) -> str | None:
    for value in values:
        if value:
            return str(value)
    return None


def prepare(job_id: int, payload: dict[str, object], max_bytes: int) -> PreparedArticle:
    """Load, clean and fingerprint one job; raises SourceError with a user-facing reason."""
    raw, page = load_text(payload, max_bytes)
    cleaned = clean_article_text(raw)
    words = len(cleaned.body.split())
    if words < MIN_WORDS:
        raise SourceError(f"not an article ({words} words after cleaning)")
    meta = metadata_from_text(raw, cleaned)
    published, precision, date_source = meta.published, meta.precision, meta.date_source
    if page.get("published"):
        published = date.fromisoformat(str(page["published"]))
        precision, date_source = Precision(str(page["precision"])), "html"
    if payload.get("published"):
        published, precision, date_source = _override_date(payload), Precision.DAY, "manifest"
    signature = minhash_signature(cleaned.body)
    record = NewArticle(
        source=str(payload.get("path") or payload.get("url") or ""),
        canonical_url=_pick(page.get("canonical_url")),
        title=_pick(payload.get("title"), page.get("title"), meta.title, cleaned.title),
        outlet=_pick(payload.get("outlet"), page.get("outlet"), meta.outlet),
        author=_pick(payload.get("author"), page.get("author"), meta.author),
        published=published,
        date_precision=precision.value if published else Precision.UNKNOWN.value,
        date_source=date_source if published else "",
        text=cleaned.body,
        content_hash=content_hash(cleaned.body),
        signature=signature_to_bytes(signature),
        band_keys=lsh_band_keys(signature),
        dropped=tuple((v.number, v.text, v.reason) for v in cleaned.dropped),
        sentences=(),
    )
    return PreparedArticle(job_id=job_id, record=record, signature=signature)


def _mentions(analysis: DocAnalysis) -> tuple[NewMention, ...]:
    return tuple(
        NewMention(
            key=m.key,
            kind=m.kind.value,
            name=m.name,
            text=m.text,
            sentence=m.sentence,
            start=m.start,
            end=m.end,
            surname=surname_of(m.key) if m.kind == EntityKind.PERSON else "",
        )
        for m in analysis.mentions
    )


def analyse_batch(
    nlp: Language, batch: Sequence[PreparedArticle], batch_size: int
) -> list[PreparedArticle]:
    """Run spaCy once over the batch, attach sentences and mentions (CPU-bound: use a thread)."""
    texts = (p.record.text for p in batch)
    done = []
    for prepared, (_doc, analysis) in zip(
        batch, analyse_texts(nlp, texts, batch_size), strict=True
    ):
        sentences = tuple((s.index, s.start, s.end, s.text) for s in analysis.sentences)
        record = replace(prepared.record, sentences=sentences, mentions=_mentions(analysis))
        done.append(replace(prepared, record=record))
    return done
