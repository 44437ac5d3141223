"""The work an analyser does for one job, the same in a child process and in this one.

A job crosses to a child as an `AnalysisTask` (picklable: the job's JSON payload and, for a
link, the page the parent fetched) and comes back as a `PreparedArticle` (cleaned and
fingerprinted, then analysed) or a `Rejected` with the one-line reason the member reads. Both
steps catch every exception of their own: only a crash or a hang of the process itself is left
to the pool.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.sources import SourceError
from bot.services.pipeline import PreparedArticle, analyse_each, prepare, prepare_page

if TYPE_CHECKING:
    from spacy.language import Language

    from bot.services.fetcher import FetchedPage

log = logging.getLogger(__name__)

ANALYSIS_ERROR = "internal error while analysing this page (logged); will retry"
CRASHED = "analysis crashed on this page"


def took_too_long(seconds: float) -> str:
    """The reason a job gets when its analysis passed the per-article deadline."""
    return f"analysis took longer than {seconds:g} s"


@dataclass(frozen=True)
class AnalysisTask:
    """One job as an analyser needs it: no database, no network, only what pickles."""

    job_id: int
    payload: dict[str, object]
    page: FetchedPage | None = None  # a link's page, fetched by the parent


@dataclass(frozen=True)
class Rejected:
    """Why a job ends without an article; `retry` marks an unexpected error worth another go."""

    reason: str
    retry: bool = False


Prepared = PreparedArticle | Rejected


def prepare_task(task: AnalysisTask, max_bytes: int) -> Prepared:
    """Decode, extract, clean and fingerprint one job (no spaCy yet: duplicates skip it)."""
    try:
        if task.page is not None:
            return prepare_page(task.job_id, task.payload, task.page)
        return prepare(task.job_id, task.payload, max_bytes)
    except SourceError as exc:
        return Rejected(str(exc))
    except Exception:  # a bug or a parser's surprise costs this job an attempt, not the batch
        log.exception("preparing job %s failed", task.job_id)
        return Rejected(ANALYSIS_ERROR, retry=True)


def analyse_task(
    nlp: Language, batch: Sequence[PreparedArticle], batch_size: int
) -> Iterator[Prepared]:
    """Parse the batch (`nlp.pipe` in token-bounded groups) and yield each article as it is read.

    An exception part-way through falls back to one article at a time for the rest, so one bad
    article costs only itself.
    """
    done = 0
    try:
        for analysed in analyse_each(nlp, batch, batch_size):
            yield analysed
            done += 1
        return
    except Exception:
        if len(batch) == 1:
            log.exception("analysing job %s failed", batch[0].job_id)
            yield Rejected(ANALYSIS_ERROR, retry=True)
            return
    for prepared in batch[done:]:
        yield from analyse_task(nlp, [prepared], 1)
