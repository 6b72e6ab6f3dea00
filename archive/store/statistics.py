"""Planner statistics after a bulk ingest."""

from __future__ import annotations

from sqlalchemy import Engine

ANALYZED_TABLES = ("document", "report", "district_count", "channel_count", "notice", "place", "provenance")
# An ingest refreshes the statistics when it adds at least this many documents, and more than
# this share of those the statistics know of (autovacuum's default rule of thumb).
MIN_DOCUMENTS_ADDED = 1000
SHARE_ADDED = 0.1


def refresh_statistics(engine: Engine, documents_added: int) -> None:
    """ANALYZE the archive's tables on PostgreSQL after an ingest that changed their size a lot.

    Without statistics of the new rows, PostgreSQL plans the read commands' views with scans of
    whole tables (0.2 s instead of 0.01 s on 100,000 reports) until autovacuum gets to them,
    which may be a while, or never where it is off. SQLite plans these queries well without.
    """
    if engine.dialect.name != "postgresql" or documents_added < MIN_DOCUMENTS_ADDED:
        return
    with engine.begin() as connection:
        # -1 before the first ANALYZE
        known = connection.exec_driver_sql("SELECT reltuples FROM pg_class WHERE oid = 'document'::regclass").scalar()
        if known < 0 or documents_added > SHARE_ADDED * known:
            connection.exec_driver_sql(f"ANALYZE {', '.join(ANALYZED_TABLES)}")
