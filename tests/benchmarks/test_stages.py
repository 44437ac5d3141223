"""The ingestion stage breakdown reads the corpus its manifest names (relative paths)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from benchmarks.real_texts import RealText, write_corpus
from benchmarks.stages import time_stages
from tests.bot.conftest import SAMPLES


def test_the_breakdown_times_every_article_of_the_manifest(nlp: Language, tmp_path: Path) -> None:
    texts = [
        RealText(path.name, path.read_text(encoding="utf-8"), None)
        for path in sorted(SAMPLES.glob("00[34]_*.txt"))
    ]
    write_corpus(texts, tmp_path)
    timed = time_stages(tmp_path, nlp, batch_size=4)
    assert timed["articles"] == 2
    assert timed["seconds"]["nlp.pipe (spaCy)"] > 0


def test_a_breakdown_that_can_read_nothing_says_so(nlp: Language, tmp_path: Path) -> None:
    write_corpus([RealText("a.txt", "Too short.", None)], tmp_path)
    with pytest.raises(SystemExit, match="no article could be read"):
        time_stages(tmp_path, nlp, batch_size=4)
