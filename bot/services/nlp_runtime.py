"""Loads the spaCy pipeline once per process, off the event loop, only when first needed."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import AnalysisUnavailableError, SpacyModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language


def model_installed(model: str) -> bool:
    """True when spaCy would find the pipeline (package, data folder, `blank:xx`); loads nothing."""
    if model.startswith("blank:") or Path(model).expanduser().exists():
        return True
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or an empty one
        return False


def load_failure(model: str, exc: BaseException) -> AnalysisUnavailableError:
    """The one line a failed model load becomes; a missing model names the setting and the fix."""
    from analysis.nlp import ModelNotInstalledError

    if isinstance(exc, ModelNotInstalledError):
        return SpacyModelMissingError(model)
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return AnalysisUnavailableError(f"the spaCy model {model!r} could not be loaded ({reason})")


class NlpRuntime:
    """Lazy holder of the spaCy pipeline: commands that never analyse never pay for loading it."""

    def __init__(self, model: str) -> None:
        self._model = model
        self._nlp: Language | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> Language:
        """The loaded pipeline; the first call loads it in a worker thread."""
        async with self._lock:
            if self._nlp is None:
                from analysis.nlp import load_nlp

                try:
                    self._nlp = await asyncio.to_thread(load_nlp, self._model)
                except (OSError, ImportError, ValueError) as exc:
                    raise load_failure(self._model, exc) from exc
            return self._nlp
