"""SQLAlchemy models of the public schema (DESIGN.md's schema contract).

The schema itself is created and changed only by the Alembic revisions in
``migrations/``; a test checks that these models and the revisions agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names, so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """One distinct input, identified by the hash of its raw bytes."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    year_hint: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    parser_version: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    # JSON list of {code, message, span_start, span_end}: what the page could not store (revision 0004).
    problems: Mapped[str | None] = mapped_column(Text)


class Report(Base):
    """One bulletin: an issuing region and a counting window."""

    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("document_id", "seq"),
        Index(None, "region", "report_date"),
        # a report's city or province of the same day (revision 0006: cross_pair)
        Index(None, "report_date", "region_level", "region_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    region: Mapped[str] = mapped_column(Text)
    region_level: Mapped[str] = mapped_column(Text)
    region_code: Mapped[str | None] = mapped_column(Text)  # 6-digit division code (revision 0002)
    report_date: Mapped[dt.date] = mapped_column(Date)
    window_start_hour: Mapped[int] = mapped_column(Integer)
    window_end_hour: Mapped[int] = mapped_column(Integer)
    local_confirmed: Mapped[int | None] = mapped_column(Integer)
    local_asymptomatic: Mapped[int | None] = mapped_column(Integer)
    local_positive: Mapped[int | None] = mapped_column(Integer)
    initial_positive: Mapped[int | None] = mapped_column(Integer)
    imported_confirmed: Mapped[int | None] = mapped_column(Integer)
    imported_asymptomatic: Mapped[int | None] = mapped_column(Integer)
    converted: Mapped[int | None] = mapped_column(Integer)
    headline: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    consistent: Mapped[bool]
    problems: Mapped[str | None] = mapped_column(Text)


class DistrictCount(Base):
    """New local cases of one case type in one area."""

    __tablename__ = "district_count"
    __table_args__ = (
        UniqueConstraint("report_id", "case_type", "city", "district"),
        Index(None, "district"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    case_type: Mapped[str] = mapped_column(Text)
    city: Mapped[str] = mapped_column(Text)
    district: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)
    # 6-digit division codes (revision 0002); NULL for development zones and unknown areas.
    city_code: Mapped[str | None] = mapped_column(Text)
    district_code: Mapped[str | None] = mapped_column(Text)


class ChannelCount(Base):
    """New local cases of one case type found through one channel."""

    __tablename__ = "channel_count"
    __table_args__ = (UniqueConstraint("report_id", "case_type", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    case_type: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)


class Notice(Base):
    """A numbered item of public guidance in the article that carries a report."""

    __tablename__ = "notice"
    __table_args__ = (UniqueConstraint("report_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class Place(Base):
    """A place named for new local cases of one type (revision 0005)."""

    __tablename__ = "place"
    __table_args__ = (
        UniqueConstraint("report_id", "case_type", "district", "name"),
        Index(None, "name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    city: Mapped[str] = mapped_column(Text)
    district: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    case_type: Mapped[str] = mapped_column(Text)
    # How many of the report's cases of that type the bulletin ties to the place; NULL for a bare list.
    cases: Mapped[int | None] = mapped_column(Integer)
