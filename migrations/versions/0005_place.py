"""place: the places named for new local cases (address lists of district posts, per-case lines).

Place search must find names by any part, one or two characters included (弄, 新村), and
answer a whole archive at once. SQLite: an FTS5 trigram index of place.name, kept in step
by triggers like notice_search (revision 0003), answers words of three characters or more;
shorter ones scan the covering index ix_place_listing, which also serves the summary (one
row per place) without reading the table. PostgreSQL: a pg_trgm GIN index on place.name,
which LIKE uses directly, and the same covering index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# district, name, city first: a district's places are found by the prefix, and a place's rows are
# adjacent, so the summary groups without sorting.
_LISTING_INDEX = "CREATE INDEX ix_place_listing ON place (district, name, city, report_id, case_type, cases)"

SQLITE_PLACE_SEARCH = [
    """CREATE VIRTUAL TABLE place_search USING fts5(
        name, content='place', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE TRIGGER place_search_insert AFTER INSERT ON place BEGIN
        INSERT INTO place_search(rowid, name) VALUES (new.id, new.name);
    END""",
    """CREATE TRIGGER place_search_delete AFTER DELETE ON place BEGIN
        INSERT INTO place_search(place_search, rowid, name) VALUES ('delete', old.id, old.name);
    END""",
    """CREATE TRIGGER place_search_update AFTER UPDATE ON place BEGIN
        INSERT INTO place_search(place_search, rowid, name) VALUES ('delete', old.id, old.name);
        INSERT INTO place_search(rowid, name) VALUES (new.id, new.name);
    END""",
]


def upgrade() -> None:
    op.create_table(
        "place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("district", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("case_type", sa.Text(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["report.id"], name="fk_place_report_id_report", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_place"),
        sa.UniqueConstraint("report_id", "case_type", "district", "name", name="uq_place_report_id_case_type_district_name"),
    )
    op.create_index("ix_place_name", "place", ["name"])
    op.execute(_LISTING_INDEX)
    if op.get_bind().dialect.name == "postgresql":
        # pg_trgm was installed by revision 0003.
        schema = op.get_bind().scalar(
            text(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                "WHERE e.extname = 'pg_trgm'"
            )
        )
        op.execute(f'CREATE INDEX ix_place_name_trigram ON place USING gin (name "{schema}".gin_trgm_ops)')
    else:
        for statement in SQLITE_PLACE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for trigger in ("place_search_update", "place_search_delete", "place_search_insert"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE place_search")
    # Dropping the table drops its indexes (the trigram and listing ones too).
    op.drop_table("place")
