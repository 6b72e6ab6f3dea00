"""SQLAlchemy ORM classes of the public schema, mapped onto the Core tables of
archive.store.tables (the one description of the columns and constraints).

For the write side and Python users who prefer classes (``select(Report)``,
``Report.region``); the read side uses the tables, so that reading never loads the ORM.
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from archive.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Document(Base):
    """One distinct input, identified by the hash of its raw bytes."""

    __tablename__ = "document"
    __table__ = tables.document


class Report(Base):
    """One bulletin: an issuing region and a counting window."""

    __tablename__ = "report"
    __table__ = tables.report


class DistrictCount(Base):
    """New local cases of one case type in one area."""

    __tablename__ = "district_count"
    __table__ = tables.district_count


class ChannelCount(Base):
    """New local cases of one case type found through one channel."""

    __tablename__ = "channel_count"
    __table__ = tables.channel_count


class Notice(Base):
    """A numbered item of public guidance in the article that carries a report."""

    __tablename__ = "notice"
    __table__ = tables.notice


class Place(Base):
    """A place named for new local cases of one type (revision 0005)."""

    __tablename__ = "place"
    __table__ = tables.place


class Provenance(Base):
    """A place a document was found: a file, a zip's member, a web archive's record (revision 0007)."""

    __tablename__ = "provenance"
    __table__ = tables.provenance
