"""Storage: SQLAlchemy models, migrations, idempotent writes and reparse."""

from archive.store.engine import (
    DEFAULT_DATABASE,
    create_archive_engine,
    database_url,
    describe,
)
from archive.store.ingestion import IngestOutcome, IngestSummary, ingest, parse_source
from archive.store.migrate import (
    DatabaseNeedsUpgrade,
    SchemaError,
    current_revision,
    downgrade,
    head_revision,
    open_archive,
    upgrade,
)
from archive.store.reparse import ReparseSummary, reparse

__all__ = [
    "DEFAULT_DATABASE",
    "DatabaseNeedsUpgrade",
    "IngestOutcome",
    "IngestSummary",
    "ReparseSummary",
    "SchemaError",
    "create_archive_engine",
    "current_revision",
    "database_url",
    "describe",
    "downgrade",
    "head_revision",
    "ingest",
    "open_archive",
    "parse_source",
    "reparse",
    "upgrade",
]
