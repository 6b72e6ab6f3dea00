"""Alembic, configured from code: no alembic.ini is needed at run time.

The revisions live in ``archive/migrations`` inside the package, so that an
installed (non-editable) archive can create and upgrade databases.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect

from archive.store.engine import create_archive_engine, describe

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
VERSION_TABLE = "alembic_version"

# Objects that migrations create but the models do not describe (views,
# full-text indexes): the models-versus-migrations comparison skips them by name.
MIGRATION_ONLY_OBJECTS: frozenset[str] = frozenset()


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


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def ensure_current(engine: Engine) -> None:
    """Migrate a brand-new empty database to head; refuse one at another revision."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    database = describe(engine)
    if current is None:
        tables = set(inspect(engine).get_table_names()) - {VERSION_TABLE}
        if tables:
            raise SchemaError(
                f"database {database} has tables ({', '.join(sorted(tables))}) but no archive "
                "revision: it is not an archive database; choose another with --db"
            )
        upgrade(engine)
        return
    if _is_known(current):
        raise DatabaseNeedsUpgrade(database, current, head)
    raise SchemaError(
        f"database {database} is at revision {current}, which this archive does not know "
        f"(it knows up to {head}): it was written by a newer archive; upgrade the archive package"
    )


def _is_known(revision: str) -> bool:
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
