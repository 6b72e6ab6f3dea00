"""Storage: SQLAlchemy models, migrations, idempotent writes and reparse.

Names are imported from their modules on first use (archive.lazy): opening an archive
to read it does not load the parser, the ORM or the ingest machinery.
"""

from archive.lazy import lazy_exports

# Here rather than in engine.py: `archive --help` shows it without loading SQLAlchemy.
DEFAULT_DATABASE = "archive.db"

_EXPORTS = {
    "archive.store.engine": ("create_archive_engine", "database_files", "database_url", "describe"),
    "archive.store.ingestion": ("IngestOutcome", "IngestSummary", "ingest", "parse_source"),
    "archive.store.migrate": (
        "DatabaseNeedsUpgrade",
        "SchemaError",
        "current_revision",
        "downgrade",
        "head_revision",
        "open_archive",
        "upgrade",
    ),
    "archive.store.reparse": ("ReparseSummary", "reparse"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(["DEFAULT_DATABASE", *(name for names in _EXPORTS.values() for name in names)])
