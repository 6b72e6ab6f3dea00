"""Open an existing archive from Python (a notebook, a script)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from archive.store import database_url, open_archive


def connect(url_or_path: str) -> Engine:
    """An engine on the archive at a SQLite file path or a SQLAlchemy URL.

    A SQLite file that does not exist is refused rather than created, so that a
    mistyped path does not quietly give an empty archive.
    """
    url = database_url(url_or_path)
    in_a_file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    if in_a_file and not Path(url.database).is_file():
        raise FileNotFoundError(
            f"no archive at {url.database}: check the path, or build one with "
            f"`archive --db {url.database} ingest PATH…`"
        )
    return open_archive(url_or_path)
