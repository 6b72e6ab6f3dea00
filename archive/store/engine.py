"""Engines for an archive database given as a SQLAlchemy URL or a plain file path."""

from __future__ import annotations

import os
import re

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Execution option: transactions of a connection carrying it take the SQLite write lock up front.
SQLITE_BEGIN_IMMEDIATE = "archive_sqlite_begin_immediate"
# For URLs SQLAlchemy cannot parse: everything up to the last @ may be password.
_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:).*@")
_PASSWORD_IN_QUERY = re.compile(r"([?&]password=)[^&]*")


def database_url(db: str) -> URL:
    """A SQLAlchemy URL as given, or a plain path taken as a SQLite file."""
    if "://" not in db:
        return URL.create("sqlite", database=db)
    try:
        url = make_url(db)
    except ValueError as exc:  # a malformed part, such as a port that is not a number
        raise ArgumentError(f"cannot parse the database URL: {exc}") from exc
    if url.host and "@" in url.host:  # the rest of the password would be taken for the host
        raise ArgumentError("the user name or password in the database URL contains @: write it as %40")
    return url


def database_files(db: str | URL) -> frozenset[str]:
    """The real paths of a SQLite archive's files: the database, its write-ahead log and
    shared memory, and its rollback journal (none for PostgreSQL or a database in memory)."""
    url = database_url(db) if isinstance(db, str) else db
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return frozenset()
    path = os.path.realpath(url.database)
    return frozenset(path + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def describe(db: str | URL | Engine) -> str:
    """How to name a database to a person: its URL with any password masked."""
    if isinstance(db, Engine):
        db = db.url
    if isinstance(db, str):
        try:
            db = database_url(db)
        except ArgumentError:
            return _PASSWORD_IN_QUERY.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1***@", db))
    if db.get_backend_name() == "sqlite":
        return db.database or ":memory:"
    # libpq takes the password as a query parameter too.
    return _PASSWORD_IN_QUERY.sub(r"\1***", db.render_as_string(hide_password=True))


def create_archive_engine(db: str | URL) -> Engine:
    url = database_url(db) if isinstance(db, str) else db
    if url.get_backend_name() not in SUPPORTED_BACKENDS:
        raise ArgumentError(
            f"the archive works with SQLite and PostgreSQL, not {url.get_backend_name()}"
        )
    if url.drivername == "postgresql":  # SQLAlchemy's default driver is psycopg2; we ship psycopg 3
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def set_pragmas(dbapi_connection, _record):
        # Hand transaction control to SQLAlchemy (below), so that DDL in
        # migrations is transactional too, instead of pysqlite's implicit BEGINs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection):
        # A deferred BEGIN that reads before it writes fails at once ("database is locked")
        # when another process wrote meanwhile; IMMEDIATE takes the write lock first,
        # waiting for it up to the busy timeout.
        immediate = connection.get_execution_options().get(SQLITE_BEGIN_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
