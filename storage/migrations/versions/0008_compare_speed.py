"""yearly rollups for /compare, and per-term article counts for topic autocomplete

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 15:00:00.000000

`/compare 2016 2024` summed about 250,000 `entity_months` rows at 100,000 articles (2.6 s on
SQLite). `entity_years` holds the same sums per year and entity, with the entity's kind in the
key so that one kind's rows of a year are one index range; `term_years` does the same for terms,
and `year_totals` holds their sums per kind (the side sizes the ranking needs).
`term_articles` counts the articles using each term, so topic autocomplete reads a few
thousand rollup rows instead of grouping the ten million rows of `article_terms`.
All three are filled from the rows already stored, then kept in step by `storage.rollups`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

YEAR = {
    "sqlite": "CAST(strftime('%Y', {col}) AS INTEGER)",
    "postgresql": "CAST(extract(year FROM {col}) AS INTEGER)",
}
BACKFILL = (  # from the monthly rollups of 0005, which hold the same sums per month
    "DELETE FROM entity_years",
    "DELETE FROM term_years",
    "DELETE FROM term_articles",
    "DELETE FROM year_totals",
    "INSERT INTO entity_years (kind, year, entity_id, mentions)"
    " SELECT e.kind, {year}, m.entity_id, sum(m.mentions)"
    " FROM entity_months m JOIN entities e ON e.id = m.entity_id"
    " GROUP BY e.kind, {year}, m.entity_id",
    "INSERT INTO term_years (year, term, uses)"
    " SELECT {year}, m.term, sum(m.uses) FROM term_months m GROUP BY {year}, m.term",
    "INSERT INTO year_totals (kind, year, uses)"
    " SELECT kind, year, sum(mentions) FROM entity_years GROUP BY kind, year",
    "INSERT INTO year_totals (kind, year, uses)"
    " SELECT 'term', year, sum(uses) FROM term_years GROUP BY year",
    "INSERT INTO term_articles (term, articles)"
    " SELECT term, count(*) FROM article_terms GROUP BY term",
)


def upgrade() -> None:
    """Add the yearly rollups and the article counts per term, filled from the stored rows.

    Idempotent, like the indexes of the other revisions: the tables may already have been made
    by hand on a benchmark database, so they are made if missing and refilled from scratch.
    """
    op.create_table(
        "entity_years",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_years_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "kind",
            "year",
            "entity_id",
            name=op.f("pk_entity_years"),
            postgresql_include=["mentions"],  # ranges read from the index alone
        ),
        if_not_exists=True,
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_entity_years_entity_id"), "entity_years", ["entity_id"], if_not_exists=True
    )
    op.create_table(
        "term_years",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year", "term", name=op.f("pk_term_years"), postgresql_include=["uses"]
        ),
        if_not_exists=True,
        sqlite_with_rowid=False,
    )
    op.create_table(
        "year_totals",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "year", name=op.f("pk_year_totals")),
        if_not_exists=True,
        sqlite_with_rowid=False,
    )
    op.create_table(
        "term_articles",
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_term_articles")),
        if_not_exists=True,
        sqlite_with_rowid=False,
    )
    year = YEAR.get(op.get_bind().dialect.name, YEAR["postgresql"]).format(col="m.month")
    for statement in BACKFILL:
        op.execute(statement.format(year=year))


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("term_articles")
    op.drop_table("year_totals")
    op.drop_table("term_years")
    op.drop_index(op.f("ix_entity_years_entity_id"), table_name="entity_years", if_exists=True)
    op.drop_table("entity_years")
