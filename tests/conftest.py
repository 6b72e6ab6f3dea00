"""A database for each test: a SQLite file always, PostgreSQL when it is reachable.

PostgreSQL is taken from ARCHIVE_TEST_PG_URL (default: the local server's `test`
database). Each PostgreSQL test gets a schema of its own, dropped afterwards, so
runs never collide. With CI=true an unreachable PostgreSQL fails the tests.
"""

from __future__ import annotations

import contextlib
import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from archive.store import describe, open_archive

PG_URL = os.environ.get("ARCHIVE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"


@functools.cache
def postgres_unreachable() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    engine = create_engine(PG_URL, connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            return None
    except DBAPIError as exc:
        return f"PostgreSQL at {describe(PG_URL)} is unreachable: {exc}"
    finally:
        engine.dispose()


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """--db value of a brand-new database: a plain SQLite path, or a PostgreSQL URL."""
    with brand_new_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=DATABASES)
def module_db_url(request, tmp_path_factory):
    """Like db_url, shared by the tests of one module (for archives that are costly to build)."""
    with brand_new_database(request.param, tmp_path_factory.mktemp("archive")) as url:
        yield url


@contextlib.contextmanager
def brand_new_database(kind: str, folder: Path) -> Iterator[str]:
    """A SQLite path in ``folder``, or a PostgreSQL URL on a schema of its own, dropped afterwards."""
    if kind == "sqlite":
        yield str(folder / "archive.db")
        return
    reason = postgres_unreachable()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true requires PostgreSQL; set ARCHIVE_TEST_PG_URL)")
        pytest.skip(reason)
    schema = f"archive_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql("SET lock_timeout = '10s'")
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def engine(db_url):
    """An engine on a brand-new archive database, migrated to head."""
    engine = open_archive(db_url)
    yield engine
    engine.dispose()
