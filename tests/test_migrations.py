"""The schema: models and migrations agree; revisions go up and down; first use migrates."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from archive.store import (
    DatabaseNeedsUpgrade,
    SchemaError,
    create_archive_engine,
    current_revision,
    downgrade,
    head_revision,
    migrate,
    open_archive,
    upgrade,
)
from archive.store.models import Base

ARCHIVE_TABLES = {"document", "report", "district_count", "channel_count", "notice", "place", "provenance"}
ARCHIVE_VIEWS = {"daily_report", "district_series", "channel_share", "cross_pair", "cross_check"}


def differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": migrate.include_object, "compare_type": True}
        )
        return compare_metadata(context, Base.metadata)


def tables(engine) -> set[str]:
    """The archive's tables, without Alembic's and the migration-only ones (notice search)."""
    return set(inspect(engine).get_table_names()) - {"alembic_version"} - migrate.MIGRATION_ONLY_OBJECTS


def views(engine) -> set[str]:
    return set(inspect(engine).get_view_names())


def test_models_and_migrations_agree(engine):
    assert differences(engine) == []


def test_migration_only_objects_are_left_out_of_the_comparison(engine, monkeypatch):
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE report_search (report_id INTEGER, body TEXT)"))
    assert [diff[0] for diff in differences(engine)] == ["remove_table"]

    monkeypatch.setattr(migrate, "MIGRATION_ONLY_OBJECTS", migrate.MIGRATION_ONLY_OBJECTS | {"report_search"})
    assert differences(engine) == []


def test_upgrade_downgrade_upgrade(db_url):
    engine = create_archive_engine(db_url)
    try:
        upgrade(engine)
        assert tables(engine) == ARCHIVE_TABLES
        assert current_revision(engine) == head_revision() == "0008"
        assert views(engine) == ARCHIVE_VIEWS
        indexes = {index["name"]: index["column_names"] for index in inspect(engine).get_indexes("report")}
        assert indexes["ix_report_region_report_date"] == ["region", "report_date"]

        downgrade(engine, "base")
        assert tables(engine) == set()
        assert views(engine) == set()
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        assert current_revision(engine) is None

        upgrade(engine)
        assert tables(engine) == ARCHIVE_TABLES
        assert views(engine) == ARCHIVE_VIEWS
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_a_brand_new_database_is_migrated_on_first_use(db_url):
    engine = open_archive(db_url)
    try:
        assert current_revision(engine) == head_revision()
        assert tables(engine) == ARCHIVE_TABLES
    finally:
        engine.dispose()


def test_a_database_at_an_older_revision_is_refused(engine, db_url):
    downgrade(engine, "0001")
    with pytest.raises(DatabaseNeedsUpgrade) as refused:
        open_archive(db_url)
    assert "is at revision 0001, this archive needs 0008: run `archive db upgrade`" in str(refused.value)


def test_a_database_at_an_unknown_revision_is_refused(engine, db_url):
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(SchemaError, match="revision ffff, which this archive does not know"):
        open_archive(db_url)


def test_a_database_of_other_tables_is_not_taken_for_an_archive(tmp_path):
    path = tmp_path / "other.db"
    engine = create_archive_engine(str(path))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER)"))
    engine.dispose()
    with pytest.raises(SchemaError, match=r"has tables \(invoices\) but no archive revision"):
        open_archive(str(path))


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path):
    engine = open_archive(str(tmp_path / "archive.db"))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    finally:
        engine.dispose()
