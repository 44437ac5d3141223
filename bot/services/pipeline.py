"""From a queued job to a record storage can write: load, clean, fingerprint, then analyse.

Loading and cleaning are cheap and run first so duplicates are caught before spaCy runs;
analysis runs in batches through `nlp.pipe` in a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from analysis.budget import MAX_TOKENS, cap_words, prose_problem, token_estimate
from analysis.captions import tidy_caption
from analysis.cleaning import CleanedText, clean_article_text, markdown_to_text
from analysis.cleaning_rules import CAPTION, PAYWALL
from analysis.dedup import content_hash, lsh_band_keys, minhash_signature, signature_to_bytes
from analysis.entities import surname_of
from analysis.events import extract_events
from analysis.html_extract import ExtractedPage, extract_html
from analysis.named_days import named_days
from analysis.nlp import analyse_doc, analyse_texts
from analysis.quotes import extract_quotes
from analysis.sources import SourceError, read_text_file
from analysis.terms import extract_terms
from analysis.text_metadata import metadata_from_text
from analysis.types import DocAnalysis, EntityKind, Event, Precision, Quote
from analysis.urls import canonical_url, normalise_url
from storage.records import NewArticle, NewEvent, NewMention, NewQuote

if TYPE_CHECKING:
    from bot.services.fetcher import FetchedPage

log = logging.getLogger(__name__)

MIN_WORDS = 20
MIN_PAGE_WORDS = 60  # a web page needs more: paywalls, cookie walls and teasers run to 20-50
MAX_CANONICAL = 2048  # articles.canonical_url is varchar(2048)
MAX_CAPTION_TOKENS = 2_500  # captions are parsed apart from the body: a tenth of its budget


@dataclass(frozen=True)
class PreparedArticle:
    """A cleaned article with its metadata and fingerprints, waiting for NLP."""

    job_id: int
    record: NewArticle
    signature: tuple[int, ...]
    captions: str = ""  # tidied photo captions, one paragraph each: read for dated events only


def _override_date(payload: dict[str, object]) -> date | None:
    value = payload.get("published")
    return date.fromisoformat(str(value)) if value else None


def _fallback(payload: dict[str, object]) -> dict[str, object]:
    """What a job knows besides the page (a feed item's title and date): used only where the
    page and its text say nothing."""
    fallback = payload.get("fallback")
    return fallback if isinstance(fallback, dict) else {}


def load_text(payload: dict[str, object], max_bytes: int) -> tuple[str, dict[str, object]]:
    """The raw text of a file job (read from disk, or carried in the job) and what its format
    told us (HTML metadata)."""
    if payload.get("content") is not None:
        text = str(payload["content"])
    else:
        text, _encoding = read_text_file(Path(str(payload["path"])), max_bytes, exact=True)
    kind = payload.get("kind", "text")
    if kind == "markdown":
        return markdown_to_text(text), {}
    if kind != "html":
        return text, {}
    page = extract_html(text)
    if not page.text.strip():
        raise SourceError("no article text found in the HTML")
    return _with_title(page), _html_meta(page, normalise_url(page.canonical_url or ""))


def _with_title(page: ExtractedPage) -> str:
    """The extracted text headed by its title, as the cleaner expects an article to start."""
    head = f"{page.title}\n\n" if page.title else ""
    return head + page.text


def _html_meta(page: ExtractedPage, canonical: str | None) -> dict[str, object]:
    """What an HTML page told us about itself, as `prepare` reads it."""
    return {
        "title": page.title,
        "author": page.author,
        "outlet": page.outlet,
        "published": page.published.isoformat() if page.published else None,
        "precision": page.precision.value,
        "canonical_url": canonical,
    }


def load_page(page: FetchedPage) -> tuple[str, dict[str, object]]:
    """The raw text of a fetched page and its metadata; HTML goes through extraction."""
    if page.kind != "html":
        return page.text, {"canonical_url": canonical_url(page.final_url)}
    extracted = extract_html(page.text, page.final_url)
    canonical = canonical_url(page.final_url, extracted.canonical_url)
    if not extracted.text.strip():
        raise SourceError("not an article (0 words)")
    return _with_title(extracted), _html_meta(extracted, canonical)


def _storable_url(url: str | None) -> str | None:
    """The canonical address, or None when it is longer than the column keeps (it only finds
    duplicates: an article without one is still stored)."""
    return url if url is None or len(url) <= MAX_CANONICAL else None


def _pick(*values: object) -> str | None:
    for value in values:
        if value:
            return str(value)
    return None


def prepare(job_id: int, payload: dict[str, object], max_bytes: int) -> PreparedArticle:
    """Load, clean and fingerprint one file job; raises SourceError with a user-facing reason."""
    raw, page = load_text(payload, max_bytes)
    cleaned = clean_article_text(raw)
    words = len(cleaned.body.split())
    if words < MIN_WORDS:
        raise SourceError(_too_short(cleaned, f"{words} words after cleaning"))
    _refuse_non_prose(cleaned)
    if not page.get("canonical_url") and payload.get("url"):
        page = {**page, "canonical_url": normalise_url(str(payload["url"]))}
    return _prepared(job_id, payload, raw, cleaned, page)


def prepare_page(job_id: int, payload: dict[str, object], fetched: FetchedPage) -> PreparedArticle:
    """Extract, clean and fingerprint a fetched page (CPU-bound: run it in a thread)."""
    raw, page = load_page(fetched)
    cleaned = clean_article_text(raw)
    words = len(cleaned.body.split())
    if words < MIN_PAGE_WORDS:
        raise SourceError(_too_short(cleaned, f"{words} words"))
    _refuse_non_prose(cleaned)
    return _prepared(job_id, payload, raw, cleaned, page)


def _too_short(cleaned: CleanedText, counted: str) -> str:
    """Why a text too short to be an article is refused: a paywall or licence notice said so,
    or just its length."""
    if any(v.reason == PAYWALL for v in cleaned.dropped):
        return "not an article (paywall or licence notice)"
    return f"not an article ({counted})"


def _refuse_non_prose(cleaned: CleanedText) -> None:
    """Refuse a page of headings, one endless line or a repeated sentence before spaCy sees it."""
    problem = prose_problem(cleaned.body)
    if problem is not None:
        raise SourceError(problem)


def _capped(cleaned: CleanedText, source: str) -> CleanedText:
    """The body cut to the tokens one article may cost, so what is stored is what was analysed."""
    body = cap_words(cleaned.body)
    if body == cleaned.body:
        return cleaned
    before, after = len(cleaned.body.split()), len(body.split())
    log.info("%s: cut from %d to %d words for analysis", source, before, after)
    return replace(cleaned, body=body)


def _prepared(
    job_id: int,
    payload: dict[str, object],
    raw: str,
    cleaned: CleanedText,
    page: dict[str, object],
) -> PreparedArticle:
    """The record for a cleaned article: metadata by priority (manifest, page, text), hashes."""
    source = str(payload.get("path") or payload.get("url") or payload.get("origin") or "")
    cleaned = _capped(cleaned, source)
    meta = metadata_from_text(raw, cleaned)
    published, precision, date_source = meta.published, meta.precision, meta.date_source
    if page.get("published"):
        published = date.fromisoformat(str(page["published"]))
        precision, date_source = Precision(str(page["precision"])), "html"
    if payload.get("published"):
        published, precision, date_source = _override_date(payload), Precision.DAY, "manifest"
    fallback = _fallback(payload)
    if published is None and fallback.get("published"):
        published, precision, date_source = _override_date(fallback), Precision.DAY, "feed"
    signature = minhash_signature(cleaned.body)
    record = NewArticle(
        source=source,
        canonical_url=_storable_url(_pick(page.get("canonical_url"))),
        title=_pick(
            payload.get("title"),
            page.get("title"),
            meta.title,
            fallback.get("title"),
            cleaned.title,
        ),
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
        named_days=named_days(cleaned.body, published),
    )
    captions = "\n\n".join(tidy_caption(v.text) for v in cleaned.dropped if v.reason == CAPTION)
    captions = cap_words(captions, MAX_CAPTION_TOKENS)
    return PreparedArticle(job_id=job_id, record=record, signature=signature, captions=captions)


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


def _events(
    events: tuple[Event, ...], analysis: DocAnalysis, *, caption: bool = False
) -> tuple[NewEvent, ...]:
    kinds = {m.key: m.kind.value for m in analysis.mentions}
    return tuple(
        NewEvent(
            date=e.date,
            precision=e.precision.value,
            expression=e.expression,
            sentence=-1 if caption else e.sentence,
            text=e.text,
            entity_keys=tuple((k, kinds[k]) for k in e.entity_keys if k in kinds),
        )
        for e in events
    )


def _quotes(quotes: tuple[Quote, ...], analysis: DocAnalysis) -> tuple[NewQuote, ...]:
    kinds = {m.key: m.kind for m in analysis.mentions}
    return tuple(
        NewQuote(
            text=q.text,
            kind=q.kind,
            speaker_text=q.speaker_text,
            speaker_key=q.speaker_key,
            speaker_kind=kinds.get(q.speaker_key or "", EntityKind.PERSON).value,
            speaker_name=q.speaker_name,
            speaker_surname=surname_of(q.speaker_key or ""),
            cue=q.cue,
            sentence=q.sentence,
            start=q.start,
            end=q.end,
        )
        for q in quotes
    )


def _analysed(
    nlp: Language, prepared: PreparedArticle, doc: Doc, analysis: DocAnalysis
) -> NewArticle:
    """The record with everything read from one parsed article (and its captions)."""
    record = prepared.record
    published = record.published
    precision = Precision(record.date_precision)
    events = _events(extract_events(doc, analysis, published, precision), analysis)
    if prepared.captions:
        caption_doc = nlp(prepared.captions)
        caption_analysis = analyse_doc(caption_doc)
        found = extract_events(caption_doc, caption_analysis, published, precision)
        events += _events(found, caption_analysis, caption=True)
    return replace(
        record,
        sentences=tuple((s.index, s.start, s.end, s.text) for s in analysis.sentences),
        mentions=_mentions(analysis),
        events=events,
        quotes=_quotes(extract_quotes(doc, analysis), analysis),
        terms=tuple(sorted(extract_terms(doc, analysis).items())),
    )


def analyse_batch(
    nlp: Language, batch: Sequence[PreparedArticle], batch_size: int
) -> list[PreparedArticle]:
    """Run spaCy over the batch and read everything the queries need."""
    return list(analyse_each(nlp, batch, batch_size))


def analyse_each(
    nlp: Language, batch: Sequence[PreparedArticle], batch_size: int
) -> Iterator[PreparedArticle]:
    """`analyse_batch` streaming: each article is yielded as soon as it is read."""
    for group in _token_groups(batch):
        texts = (p.record.text for p in group)
        for prepared, (doc, analysis) in zip(
            group, analyse_texts(nlp, texts, batch_size), strict=True
        ):
            yield replace(prepared, record=_analysed(nlp, prepared, doc, analysis))


def _token_groups(batch: Sequence[PreparedArticle]) -> Iterator[list[PreparedArticle]]:
    """Consecutive articles holding no more tokens together than one article may.

    spaCy's memory grows with the tokens of the docs it parses at once, and `nlp.pipe` parses a
    whole batch at once: sixteen long articles would need sixteen articles' worth. Ordinary
    articles (about 1,000 tokens) still go twenty and more to a group.
    """
    group: list[PreparedArticle] = []
    tokens = 0
    for prepared in batch:
        size = token_estimate(prepared.record.text)
        if group and tokens + size > MAX_TOKENS:
            yield group
            group, tokens = [], 0
        group.append(prepared)
        tokens += size
    if group:
        yield group
