"""Reading and correcting single articles: what `/article show|fix|forget` and the CLI share."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.named_days import named_days
from analysis.periods import PeriodError, parse_period
from bot.errors import UserFacingError
from storage.articles import ArticleRepository
from storage.records import ArticleDetail, ArticleSummary

PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Fix:
    """The metadata a member corrected; None leaves a field as it is, "" clears it."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


def _published_change(text: str) -> dict[str, object]:
    """`2024-10-15`, `2024-10` or `2024` as a date with its precision; "" makes it undated."""
    text = text.strip()
    if not text:
        return {"published": None, "date_precision": "unknown"}
    try:
        period = parse_period(text)
    except PeriodError as exc:
        raise UserFacingError(f"published: {exc}") from exc
    precision = PRECISION_BY_LENGTH.get(len(text))
    if precision is None or period.label != text:
        raise UserFacingError("published: write 2024-10-15, 2024-10 or 2024 (or nothing)")
    return {"published": period.start, "date_precision": precision}


class ArticleAdmin:
    """Show, correct or forget one article, with one-line errors for unknown numbers."""

    def __init__(self, articles: ArticleRepository) -> None:
        self._articles = articles

    async def show(self, article_id: int) -> ArticleDetail:
        """One article, or a clear error."""
        detail = await self._articles.get(article_id)
        if detail is None:
            raise UserFacingError(
                f"No article #{article_id}",
                cli_hint="`analyst articles` lists them",
                discord_hint="/search finds articles by their words",
            )
        return detail

    async def require(self, article_id: int) -> None:
        """Raise the one-line error for an unknown number, before a slow change is started."""
        if not await self._articles.exists(article_id):
            raise UserFacingError(f"No article #{article_id}.")

    @staticmethod
    def changes(fix: Fix) -> dict[str, object]:
        """The columns a fix sets; a malformed date or an empty fix is a one-line error."""
        changes: dict[str, object] = {
            name: (value.strip() or None)
            for name, value in (
                ("title", fix.title),
                ("outlet", fix.outlet),
                ("author", fix.author),
            )
            if value is not None
        }
        if fix.published is not None:
            changes.update(_published_change(fix.published))
        if not changes:
            raise UserFacingError("Nothing to fix: give a title, outlet, author or published date.")
        return changes

    async def fix(self, article_id: int, fix: Fix) -> ArticleSummary:
        """Apply the corrections that were given."""
        fixed = await self._articles.fix(article_id, named_days, **self.changes(fix))
        if fixed is None:
            raise UserFacingError(f"No article #{article_id}.")
        return fixed

    async def forget(self, article_id: int) -> None:
        """Delete the article and everything found in it."""
        if not await self._articles.forget(article_id):
            raise UserFacingError(f"No article #{article_id}.")
