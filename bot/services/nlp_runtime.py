"""Loads the spaCy pipeline once per process, off the event loop, only when first needed."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


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

                self._nlp = await asyncio.to_thread(load_nlp, self._model)
            return self._nlp
