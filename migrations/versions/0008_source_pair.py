"""source_pair: the pairs of sources one level apart kept in a table, not computed at each read.

The views cross_pair and cross_check of revision 0006 computed every pair of the archive at every
read. Their rows are now kept in ``source_pair`` (the columns of cross_pair, and ``family``: the
first two digits of the lower report's division code, the province it belongs to), and the views
read that table, keeping their names and columns.

Kept up to date in two steps, so that concurrent writers never wait for each other:

- Triggers on report (insert, delete, update) mark the (family, day) of every report they touch in
  ``source_pair_stale``: a national report marks family '' (the whole day: it pairs with every
  province). The marks are written in the writer's transaction, so they become visible with its
  reports, not before.
- Readers (archive.store.pairs) bring the marked days up to date under a lock before reading: they
  take the marks, compute those days' pairs from scratch and recount the tallies of the regions
  concerned in ``source_pair_tally`` (per region and the region one level up: pairs of one window,
  and how many agree), which an unfiltered ``archive check --summary`` reads.

Deleting a document with SQL removes its reports' pairs too: PostgreSQL's cascade fires the report
triggers. A SQLite client that has not turned foreign keys on runs no cascade, so on SQLite a
trigger on document deletes its reports and provenance rows, and one on report its districts,
channels, notices and places.

The archive's reports are marked here, so that the first reader fills the table.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PAIR_COLUMNS = (
    "region", "region_level", "report_date", "window_start_hour", "window_end_hour", "level_pair", "case_type",
    "report_id", "figure", "parent_region", "parent_level", "parent_window_start_hour", "parent_window_end_hour",
    "parent_report_id", "parent_figure", "parent_implied", "same_window",
)  # fmt: skip

CROSS_PAIR = f"CREATE VIEW cross_pair AS SELECT {', '.join(PAIR_COLUMNS)} FROM source_pair"

# A report's family: the province its code belongs to, '' for a national report (every family);
# reports without a code are paired with none.
FAMILY = "CASE WHEN {row}.region_level = 'national' THEN '' ELSE substr({row}.region_code, 1, 2) END"
PAIRED = "({row}.region_code IS NOT NULL OR {row}.region_level = 'national')"

UNREPORTED = "(document.status <> 'parsed' OR document.problems IS NOT NULL)"

POSTGRES_MARKS = [
    f"""CREATE FUNCTION source_pair_mark() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
        INSERT INTO source_pair_stale (family, report_date)
        SELECT DISTINCT {FAMILY.format(row="touched")}, touched.report_date
        FROM touched WHERE {PAIRED.format(row="touched")};
        RETURN NULL;
    END $$""",
    # COPY fires these too; one statement marks the distinct days of all its rows.
    """CREATE TRIGGER source_pair_inserted AFTER INSERT ON report REFERENCING NEW TABLE AS touched
       FOR EACH STATEMENT EXECUTE FUNCTION source_pair_mark()""",
    """CREATE TRIGGER source_pair_deleted AFTER DELETE ON report REFERENCING OLD TABLE AS touched
       FOR EACH STATEMENT EXECUTE FUNCTION source_pair_mark()""",
    """CREATE TRIGGER source_pair_updated_from AFTER UPDATE ON report REFERENCING OLD TABLE AS touched
       FOR EACH STATEMENT EXECUTE FUNCTION source_pair_mark()""",
    """CREATE TRIGGER source_pair_updated_to AFTER UPDATE ON report REFERENCING NEW TABLE AS touched
       FOR EACH STATEMENT EXECUTE FUNCTION source_pair_mark()""",
]
POSTGRES_DROPS = [
    *(
        f"DROP TRIGGER {name} ON report"
        for name in ("source_pair_inserted", "source_pair_deleted", "source_pair_updated_from", "source_pair_updated_to")
    ),
    "DROP FUNCTION source_pair_mark()",
]


def _sqlite_mark(row: str) -> str:
    """One report's (family, day), unless it is marked already (SQLite has one writer at a time)."""
    return f"""INSERT INTO source_pair_stale (family, report_date)
        SELECT {FAMILY.format(row=row)}, {row}.report_date
        WHERE {PAIRED.format(row=row)} AND NOT EXISTS (
            SELECT 1 FROM source_pair_stale s
            WHERE s.family = {FAMILY.format(row=row)} AND s.report_date = {row}.report_date);"""


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER source_pair_inserted AFTER INSERT ON report BEGIN {_sqlite_mark('new')} END",
    f"""CREATE TRIGGER source_pair_deleted AFTER DELETE ON report BEGIN {_sqlite_mark('old')}
        DELETE FROM district_count WHERE report_id = old.id;
        DELETE FROM channel_count WHERE report_id = old.id;
        DELETE FROM notice WHERE report_id = old.id;
        DELETE FROM place WHERE report_id = old.id;
    END""",
    f"CREATE TRIGGER source_pair_updated AFTER UPDATE ON report BEGIN {_sqlite_mark('old')} {_sqlite_mark('new')} END",
    """CREATE TRIGGER document_deleted AFTER DELETE ON document BEGIN
        DELETE FROM report WHERE document_id = old.id;
        DELETE FROM provenance WHERE document_id = old.id;
    END""",
]
SQLITE_DROPS = [
    f"DROP TRIGGER {name}"
    for name in ("source_pair_inserted", "source_pair_deleted", "source_pair_updated", "document_deleted")
]


def _revision_0006():
    path = Path(__file__).with_name("0006_cross_check.py")
    spec = importlib.util.spec_from_file_location("archive_revision_0006", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    op.execute("DROP VIEW cross_check")
    op.execute("DROP VIEW cross_pair")
    op.create_table(
        "source_pair",
        sa.Column("family", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("region_level", sa.Text(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("window_start_hour", sa.Integer(), nullable=False),
        sa.Column("window_end_hour", sa.Integer(), nullable=False),
        sa.Column("level_pair", sa.Text(), nullable=False),
        sa.Column("case_type", sa.Text(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("figure", sa.Integer(), nullable=False),
        sa.Column("parent_region", sa.Text(), nullable=False),
        sa.Column("parent_level", sa.Text(), nullable=False),
        sa.Column("parent_window_start_hour", sa.Integer(), nullable=False),
        sa.Column("parent_window_end_hour", sa.Integer(), nullable=False),
        sa.Column("parent_report_id", sa.Integer(), nullable=False),
        sa.Column("parent_figure", sa.Integer(), nullable=False),
        sa.Column("parent_implied", sa.Boolean(), nullable=False),
        sa.Column("same_window", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_source_pair_report_date_family", "source_pair", ["report_date", "family"])
    op.create_index("ix_source_pair_region_report_date", "source_pair", ["region", "report_date"])
    op.create_index("ix_source_pair_parent_region_report_date", "source_pair", ["parent_region", "report_date"])
    op.create_table(
        "source_pair_stale",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("family", sa.Text(), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
    )
    op.create_index("ix_source_pair_stale_family_report_date", "source_pair_stale", ["family", "report_date"])
    op.create_table(
        "source_pair_tally",
        sa.Column("region", sa.Text(), nullable=False),
        sa.Column("parent_region", sa.Text(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("agreeing", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("region", "parent_region", name="pk_source_pair_tally"),
    )
    # the documents that may have stored no report, which every `archive report` lists
    op.create_index(
        "ix_document_unreported", "document", ["id"],
        sqlite_where=sa.text(UNREPORTED), postgresql_where=sa.text(UNREPORTED),
    )  # fmt: skip
    # a city's places, those of its districts' reports too (archive report --region)
    op.create_index("ix_place_city", "place", ["city"])
    op.execute(CROSS_PAIR)
    op.execute(_revision_0006().CROSS_CHECK)
    for statement in POSTGRES_MARKS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS:
        op.execute(statement)
    op.execute(
        f"INSERT INTO source_pair_stale (family, report_date) SELECT DISTINCT {FAMILY.format(row='report')}, "
        f"report_date FROM report WHERE {PAIRED.format(row='report')}"
    )


def downgrade() -> None:
    op.drop_index("ix_document_unreported", "document")
    op.drop_index("ix_place_city", "place")
    for statement in POSTGRES_DROPS if op.get_bind().dialect.name == "postgresql" else SQLITE_DROPS:
        op.execute(statement)
    op.execute("DROP VIEW cross_check")
    op.execute("DROP VIEW cross_pair")
    op.drop_table("source_pair_tally")
    op.drop_table("source_pair_stale")
    op.drop_table("source_pair")
    revision_0006 = _revision_0006()
    op.execute(revision_0006.CROSS_PAIR)
    op.execute(revision_0006.CROSS_CHECK)
