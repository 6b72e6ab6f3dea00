"""Alembic, configured from code: no alembic.ini is needed at run time.

The revisions live in the repository's top-level ``migrations/`` folder, which an
installed (non-editable) archive carries inside its package as ``archive/migrations``
(pyproject.toml maps it there), so that it can create and upgrade databases.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from archive.store.engine import SQLITE_BEGIN_IMMEDIATE, create_archive_engine, describe

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Inside an installed package first, else the source checkout's top-level folder.
MIGRATIONS_DIR = next(
    (folder for folder in (_PACKAGE_DIR / "migrations", _PACKAGE_DIR.parent / "migrations") if (folder / "env.py").is_file()),
    _PACKAGE_DIR / "migrations",
)
VERSION_TABLE = "alembic_version"
# Key of the PostgreSQL advisory lock that migrations hold (any constant shared by all archives).
MIGRATION_LOCK_KEY = 0x617263686976

# Alembic is imported where it is used: loading it takes a third of a second, which every
# command would pay, while an up-to-date archive is recognised without it (ensure_current).
if TYPE_CHECKING:
    from alembic.config import Config

# Objects that migrations create but the models do not describe (views,
# full-text indexes): the models-versus-migrations comparison skips them by name.
MIGRATION_ONLY_OBJECTS: frozenset[str] = frozenset(
    {
        # revision 0003: views
        "daily_report",
        "district_series",
        "channel_share",
        # revision 0003: notice search (SQLite FTS5 table and its shadow tables; PostgreSQL index)
        "notice_search",
        "notice_search_data",
        "notice_search_idx",
        "notice_search_docsize",
        "notice_search_config",
        "ix_notice_body_trigram",
        # revision 0005: place search and listing (SQLite FTS5 table and its shadow tables; indexes)
        "place_search",
        "place_search_data",
        "place_search_idx",
        "place_search_docsize",
        "place_search_config",
        "ix_place_name_trigram",
        "ix_place_listing",
        # revision 0006: views
        "cross_pair",
        "cross_check",
        # revision 0008: the pairs of sources kept as a table, its marks and tallies (archive.store.pairs)
        "source_pair",
        "source_pair_stale",
        "source_pair_tally",
    }
)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: leave migration-only objects out of comparisons."""
    return name not in MIGRATION_ONLY_OBJECTS


class SchemaError(Exception):
    """The database's schema is not the one this archive works with."""


class DatabaseNeedsUpgrade(SchemaError):
    def __init__(self, database: str, current: str, head: str):
        self.current, self.head = current, head
        super().__init__(
            f"database {database} is at revision {current}, this archive needs {head}: "
            "run `archive db upgrade`"
        )


def alembic_config(connection: Connection) -> Config:
    """Alembic run on ``connection``, inside its transaction (env.py neither opens nor commits one)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@contextlib.contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """A transaction that one process at a time may hold on the database, committed on exit.

    Two archives opening a brand-new database at once would both create its tables.
    SQLite: BEGIN IMMEDIATE takes the write lock (the other waits up to the busy timeout);
    PostgreSQL: a transaction-level advisory lock.
    """
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            yield connection


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with migration_lock(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with migration_lock(engine) as connection:
        command.downgrade(alembic_config(connection), revision)


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*[\"']?(\w+)", re.MULTILINE)


@functools.cache
def declared_head() -> str | None:
    """The head revision as the revision files declare it (``revision = "0003"``, ``down_revision = …``),
    read without Alembic; None when that reading is not conclusive."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        declared = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in declared:
            return None
        revisions.add(declared["revision"])
        parents.add(declared.get("down_revision"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read directly; None when it records none."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def ensure_current(engine: Engine) -> None:
    """Migrate a brand-new empty database to head; refuse one at another revision."""
    head = declared_head()
    if head is not None and _stamped_revision(engine) == head:  # up to date: Alembic is not needed
        return
    current, head = current_revision(engine), head_revision()
    if current is None:
        current = _create(engine)
    if current == head:
        return
    database = describe(engine)
    if _is_known(current):
        raise DatabaseNeedsUpgrade(database, current, head)
    raise SchemaError(
        f"database {database} is at revision {current}, which this archive does not know "
        f"(it knows up to {head}): it was written by a newer archive; upgrade the archive package"
    )


def _create(engine: Engine) -> str:
    """Migrate a database without a revision to head, under the migration lock; its revision then."""
    with migration_lock(engine) as connection:
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None:  # another archive created it while this one waited for the lock
            return current
        tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
        if tables:
            raise SchemaError(
                f"database {describe(engine)} has tables ({', '.join(sorted(tables))}) but no archive "
                "revision: it is not an archive database; choose another with --db"
            )
        command.upgrade(alembic_config(connection), "head")
    return head_revision()


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision) is not None
    except CommandError:
        return False


def open_archive(db: str) -> Engine:
    """An engine on the archive database ``db``, migrated if brand-new, checked otherwise."""
    engine = create_archive_engine(db)
    try:
        ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
