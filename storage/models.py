"""SQLAlchemy ORM models: the corpus, what analysis found in it, the ingest queue, guild settings.

Repositories are the only readers of these classes; everything above storage sees plain records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints predictably."""

    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    """One stored article: cleaned text, metadata and the fingerprints that catch duplicates."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(8), default="unknown")
    date_source: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    dropped: Mapped[list[list[object]]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ArticleBand(Base):
    """MinHash LSH band keys: an indexed lookup finds near-copy candidates without a scan."""

    __tablename__ = "article_bands"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band_key: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class Sentence(Base):
    """A sentence of an article's cleaned text, as spaCy split it at ingestion."""

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Entity(Base):
    """A canonical person, organisation, place or group, shared across the corpus."""

    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("key", "kind"),
        Index("ix_entities_kind_surname", "kind", "surname"),
        Index("ix_entities_kind_mention_count", "kind", "mention_count"),  # /stats (0010)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    surname: Mapped[str] = mapped_column(String(200), default="")
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    # in how many articles it is named (migration 0010); both kept by `storage.rollups`
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EntityAlias(Base):
    """A way the corpus wrote an entity ("Putin", "Russian President Vladimir Putin's")."""

    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)


class Mention(Base):
    """One mention of an entity in one sentence of one article."""

    __tablename__ = "mentions"
    __table_args__ = (  # both cover their first column's look-ups too (migration 0005)
        Index("ix_mentions_article_sentence", "article_id", "sentence", "entity_id"),
        Index("ix_mentions_entity_article", "entity_id", "article_id", "sentence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))


class QuoteRow(Base):
    """Words attributed to a speaker, found once at ingestion."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    speaker_text: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(String(64))
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class EventRow(Base):
    """A sentence that says something happened at a resolved (or unresolvable) date.

    `sentence` is -1 for an event read from a photo caption rather than the body.
    """

    __tablename__ = "events"
    __table_args__ = (  # key dates' sample of the busiest dates, from the index alone (0012)
        Index(
            "ix_events_date_key",
            "date",
            "precision",
            "sentence",
            "article_id",
            postgresql_include=["id"],
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[date | None] = mapped_column(Date, index=True)
    precision: Mapped[str] = mapped_column(String(8))
    expression: Mapped[str] = mapped_column(String(200))
    sentence: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class NamedDay(Base):
    """A day an article names outright ("March 15", "15 March 2011"; `analysis.named_days`).

    Key dates count the later articles that still name a day beside its events (migration
    0013): references the events leave out ("since the March 15 uprising"). Keyed by article
    first: a key-date answer asks which of its candidate articles name its ranked days.
    """

    __tablename__ = "named_days"
    __table_args__ = ({"sqlite_with_rowid": False},)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class NamedDayBacklog(Base):
    """An article whose named days are still to be read: every article stored before
    migration 0013, until the application reads them at its next start."""

    __tablename__ = "named_days_pending"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class EventEntity(Base):
    """Who and what an event sentence names: how `/timeline putin` finds its events by index."""

    __tablename__ = "event_entities"
    # an entity's events from the index alone, without reading each link row (migration 0006)
    __table_args__ = (Index("ix_event_entities_entity_event", "entity_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )


class ArticleTerm(Base):
    """How often an article uses a content term: the vocabulary `/compare` weighs."""

    __tablename__ = "article_terms"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)
    count: Mapped[int] = mapped_column(Integer)


class EntityMonth(Base):
    """Mentions of an entity in the articles published in one month (month = its first day).

    A rollup kept by `storage.articles` as articles come and go: `/compare` sums a few hundred
    of these per month instead of every mention of the period.
    """

    __tablename__ = "entity_months"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mentions: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)


class TermMonth(Base):
    """Uses of a content term in the articles published in one month (a rollup like above)."""

    __tablename__ = "term_months"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    term: Mapped[str] = mapped_column(String(60), primary_key=True)
    uses: Mapped[int] = mapped_column(Integer)


class TermTotal(Base):
    """Uses of a content term in the whole corpus, undated articles included (the prior)."""

    __tablename__ = "term_totals"

    term: Mapped[str] = mapped_column(String(60), primary_key=True)
    uses: Mapped[int] = mapped_column(Integer)


class EventDay(Base):
    """How many dated events fall on one (date, precision): a rollup of `events`.

    Kept by `storage.rollups` as articles come and go: `/timeline` counts (and charts) every
    event of a range without a topic from here instead of reading the whole date index
    (migration 0006).
    """

    __tablename__ = "event_days"

    date: Mapped[date] = mapped_column(Date, primary_key=True)
    precision: Mapped[str] = mapped_column(String(8), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)


class TermArticles(Base):
    """In how many articles a content term appears, undated ones included (migration 0008).

    Topic autocomplete ranks terms by it: a few thousand rows instead of grouping every row of
    `article_terms`.
    """

    __tablename__ = "term_articles"
    __table_args__ = ({"sqlite_with_rowid": False},)

    term: Mapped[str] = mapped_column(String(60), primary_key=True)
    articles: Mapped[int] = mapped_column(Integer)


class EntityYear(Base):
    """Mentions of an entity in the articles published in one year (a rollup like EntityMonth).

    The kind leads the key: `/compare` of two years reads one index range per kind and side
    instead of summing twelve months of every entity (migration 0008).
    """

    __tablename__ = "entity_years"
    __table_args__ = (  # the key is the order ranges are read in; they need nothing else
        PrimaryKeyConstraint("kind", "year", "entity_id", postgresql_include=["mentions"]),
        {"sqlite_with_rowid": False},
    )

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mentions: Mapped[int] = mapped_column(Integer)


class YearTotal(Base):
    """All mentions of one kind of entity in a year's articles, or all their term uses (kind
    "term"): the side sizes `/compare` ranks items by, without summing every entity."""

    __tablename__ = "year_totals"
    __table_args__ = ({"sqlite_with_rowid": False},)

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    uses: Mapped[int] = mapped_column(Integer)


class TermYear(Base):
    """Uses of a content term in the articles published in one year (a rollup like above)."""

    __tablename__ = "term_years"
    __table_args__ = (
        PrimaryKeyConstraint("year", "term", postgresql_include=["uses"]),
        {"sqlite_with_rowid": False},
    )

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(60), primary_key=True)
    uses: Mapped[int] = mapped_column(Integer)


class EntityCompanion(Base):
    """In how many sentences another entity is named beside this one (both directions stored).

    A rollup kept by `storage.rollups` as articles come and go: `who` reads an entity's company
    from here instead of joining every sentence it was ever named in (migration 0007).
    """

    __tablename__ = "entity_companions"
    __table_args__ = (  # an entity's company, most shared first, from the index alone
        Index("ix_entity_companions_entity_id_sentences", "entity_id", "sentences", "other_id"),
    )

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    other_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    sentences: Mapped[int] = mapped_column(Integer)


class IngestJob(Base):
    """Queued ingestion work: it survives restarts and ends done or failed with a reason."""

    __tablename__ = "ingest_jobs"
    __table_args__ = (Index("ix_ingest_jobs_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_key: Mapped[str] = mapped_column(String(2100), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    duplicate_of: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    not_before: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    locked_by: Mapped[str | None] = mapped_column(String(200))


class CorpusTotal(Base):
    """A corpus-wide counter kept by `storage.rollups` (migration 0010): "sentences" today.

    `/stats` reads it instead of counting millions of sentence rows.
    """

    __tablename__ = "corpus_totals"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class GuildSettings(Base):
    """Per-guild choices: watched channel, digest schedule, roles that may ingest or administer."""

    __tablename__ = "guild_settings"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    watch_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    digest_channel_id: Mapped[int | None] = mapped_column(BigInteger)
    digest_hour: Mapped[int | None] = mapped_column(Integer)
    digest_timezone: Mapped[str | None] = mapped_column(String(64))
    ingest_role_id: Mapped[int | None] = mapped_column(BigInteger)
    admin_role_id: Mapped[int | None] = mapped_column(BigInteger)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DigestPost(Base):
    """One guild's digest for one local day: claimed before posting so only one process posts."""

    __tablename__ = "digest_posts"
    __table_args__ = (UniqueConstraint("guild_id", "digest_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger)
    digest_day: Mapped[date] = mapped_column(Date)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    window_end: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    posted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    channel_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    articles: Mapped[int] = mapped_column(Integer, default=0)


class OutboxMessage(Base):
    """Something to tell a guild (an ingest outcome; later feed items and alerts).

    Written in the transaction that produced it; the bot process owning the guild claims it with
    a lease, delivers it and stamps `delivered_at`, so it reaches Discord once.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_delivered_at_id", "delivered_at", "id"),
        Index("ix_outbox_message_id", "message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    guild_id: Mapped[int] = mapped_column(BigInteger)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_jobs.id", ondelete="SET NULL"))
    body: Mapped[dict[str, object]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Feed(Base):
    """A followed RSS, Atom or JSON feed: where its items go and when it is polled next.

    The poll schedule, the saved validators and the failure count live here, not in a process,
    so a restart or a second process carries on where the last poll ended. A poll is claimed
    with a lease (`claimed_by`, `claimed_until`), as outbox rows are. `guild_id` 0 is a feed
    followed from the command line, outside any guild.
    """

    __tablename__ = "feeds"
    __table_args__ = (
        UniqueConstraint("guild_id", "url"),
        Index("ix_feeds_status_next_poll_at", "status", "next_poll_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, default=0)
    channel_id: Mapped[int | None] = mapped_column(BigInteger)
    url: Mapped[str] = mapped_column(String(2048))
    host: Mapped[str] = mapped_column(String(300), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16), default="cards")  # cards | digest
    as_threads: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | paused
    pause_reason: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    validators_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_poll_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_new_items: Mapped[int] = mapped_column(Integer, default=0)
    total_items: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FeedHost(Base):
    """One web host's turn: one feed request at a time per host, a minimum gap between them.

    Kept in the database so several processes polling feeds of one site take turns too.
    """

    __tablename__ = "feed_hosts"

    host: Mapped[str] = mapped_column(String(300), primary_key=True)
    busy_by: Mapped[str | None] = mapped_column(String(200))
    busy_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_request_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FeedItem(Base):
    """An item a feed has shown, kept so it is ingested and posted once.

    Seen means: the same GUID, else the same normalised link, else the same title and date
    (`title_key`). `item_key` is the first of those the item has; it is unique per feed.
    """

    __tablename__ = "feed_items"
    __table_args__ = (
        UniqueConstraint("feed_id", "item_key"),
        Index("ix_feed_items_feed_id_link", "feed_id", "link"),
        Index("ix_feed_items_feed_id_title_key", "feed_id", "title_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(2100))
    guid: Mapped[str | None] = mapped_column(String(2048))
    link: Mapped[str | None] = mapped_column(String(2048))
    title_key: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_jobs.id", ondelete="SET NULL"))


class Alert(Base):
    """A watch set in a guild: a person or organisation, a search, a speaker's quotes, or spikes.

    `kind` is entity | search | quotes | spikes; `entity_id` names the entity for entity and
    quotes alerts, `query` holds a search in the /search syntax, `label` is what the member
    typed, shown back in /alert list and on each card.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("guild_id", "channel_id", "kind", "label"),
        Index("ix_alerts_kind_entity_id", "kind", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    channel_id: Mapped[int] = mapped_column(BigInteger)
    role_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    query: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AlertFire(Base):
    """An alert that fired for one subject ("article:12", "spike:entity:45:2026-12-05").

    The primary key is what makes an alert fire once per article across restarts and processes:
    the row is inserted with its outbox row, and a second insert finds it there.
    """

    __tablename__ = "alert_fires"

    alert_id: Mapped[int] = mapped_column(
        ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True
    )
    subject: Mapped[str] = mapped_column(String(300), primary_key=True)
    fired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SpikeReport(Base):
    """When a name was last shown in a digest's "Rising": the digest's 3-day cool-down.

    Spike alerts keep their own cool-down per alert, in `alert_fires`.

    Per guild (0: the command line): each team's digest has its own cool-down. `subject` is
    "entity:ID" or "term:WORD"; `day` the day it was last reported.
    """

    __tablename__ = "spike_reports"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    subject: Mapped[str] = mapped_column(String(300), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
