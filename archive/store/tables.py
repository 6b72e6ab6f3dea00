"""The public schema (DESIGN.md's schema contract) as SQLAlchemy Core tables.

The one description of the tables: the read side selects from them without loading
SQLAlchemy's ORM (a tenth of a second at every start), and archive.store.models maps its
classes onto them. The schema itself is created and changed only by the Alembic
revisions in ``migrations/``; a test checks that these tables and the revisions agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    text,
)

# Deterministic constraint names, so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _stated(name: str, type_) -> Column:
    return Column(name, type_, nullable=False)


def _optional(name: str, type_) -> Column:
    return Column(name, type_, nullable=True)


def _parent(name: str, reference: str) -> Column:
    return Column(name, ForeignKey(reference, ondelete="CASCADE"), nullable=False)


# One distinct input, identified by the hash of its raw bytes.
document = Table(
    "document",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", Text, nullable=False, unique=True),
    _stated("source", Text),
    _optional("encoding", Text),
    _stated("text", Text),
    _optional("published_on", Date),
    _optional("year_hint", Integer),
    _stated("ingested_at", DateTime(timezone=True)),
    _stated("parser_version", Text),
    _stated("status", Text),
    _optional("error", Text),
    # JSON list of {code, message, span_start, span_end}: what the page could not store (revision 0004).
    _optional("problems", Text),
)

# The documents that may have stored no report: failed, without a bulletin, or with bulletins that
# could not be placed (a parsed document without problems stored reports). A literal, not a bound
# parameter, so that SQLite matches the partial index of revision 0008 that carries it.
UNREPORTED = text("(document.status <> 'parsed' OR document.problems IS NOT NULL)")
Index("ix_document_unreported", document.c.id, sqlite_where=UNREPORTED, postgresql_where=UNREPORTED)

# One bulletin: an issuing region and a counting window.
report = Table(
    "report",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("document_id", "document.id"),
    _stated("seq", Integer),
    _stated("region", Text),
    _stated("region_level", Text),
    _optional("region_code", Text),  # 6-digit division code (revision 0002)
    _stated("report_date", Date),
    _stated("window_start_hour", Integer),
    _stated("window_end_hour", Integer),
    _optional("local_confirmed", Integer),
    _optional("local_asymptomatic", Integer),
    _optional("local_positive", Integer),
    _optional("initial_positive", Integer),
    _optional("imported_confirmed", Integer),
    _optional("imported_asymptomatic", Integer),
    _optional("converted", Integer),
    _optional("headline", Text),
    _optional("speaker", Text),
    _stated("span_start", Integer),
    _stated("span_end", Integer),
    _stated("consistent", Boolean),
    _optional("problems", Text),
    UniqueConstraint("document_id", "seq"),
    Index(None, "region", "report_date"),
    # a report's city or province of the same day (revision 0006: cross_pair)
    Index(None, "report_date", "region_level", "region_code"),
)

# New local cases of one case type in one area.
district_count = Table(
    "district_count",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("report_id", "report.id"),
    _stated("case_type", Text),
    _stated("city", Text),
    _stated("district", Text),
    _stated("count", Integer),
    # 6-digit division codes (revision 0002); NULL for development zones and unknown areas.
    _optional("city_code", Text),
    _optional("district_code", Text),
    UniqueConstraint("report_id", "case_type", "city", "district"),
    Index(None, "district"),
)

# New local cases of one case type found through one channel.
channel_count = Table(
    "channel_count",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("report_id", "report.id"),
    _stated("case_type", Text),
    _stated("channel", Text),
    _stated("label", Text),
    _stated("count", Integer),
    UniqueConstraint("report_id", "case_type", "label"),
)

# A numbered item of public guidance in the article that carries a report.
notice = Table(
    "notice",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("report_id", "report.id"),
    _stated("ordinal", Integer),
    _stated("title", Text),
    _stated("body", Text),
    UniqueConstraint("report_id", "ordinal"),
)

# A place named for new local cases of one type (revision 0005).
place = Table(
    "place",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("report_id", "report.id"),
    _stated("city", Text),
    _stated("district", Text),
    _stated("name", Text),
    _stated("case_type", Text),
    # How many of the report's cases of that type the bulletin ties to the place; NULL for a bare list.
    _optional("cases", Integer),
    UniqueConstraint("report_id", "case_type", "district", "name"),
    Index(None, "name"),
    Index(None, "city"),  # a city's places, its districts' reports' too (revision 0008)
)

# Where a document was found, one row for every place (revision 0007): the file as the user named
# it, and inside it the web archive record's URL or the zip member's name ("" for the file itself),
# with the time a web archive captured the record.
provenance = Table(
    "provenance",
    metadata,
    Column("id", Integer, primary_key=True),
    _parent("document_id", "document.id"),
    _stated("container", Text),
    _stated("origin", Text),
    _optional("captured_at", DateTime(timezone=True)),
    UniqueConstraint("document_id", "container", "origin"),
)
