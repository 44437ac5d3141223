"""The article facts every answer line cites: enough to name the source and link to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ArticleRef:
    """An article as a citation: number, outlet, date as precise as known, title, link or path."""

    id: int
    title: str | None
    outlet: str | None
    published: date | None
    date_precision: str
    url: str | None
    source: str
