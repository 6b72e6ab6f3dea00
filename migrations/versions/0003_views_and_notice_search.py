"""Views daily_report, district_series and channel_share; full-text search of notices.

daily_report — one canonical report per region and day: a full-day report (any 24-hour
window, 0–24 or 15–39) when there is one, else the widest window, flagged ``partial``.
Among documents giving the same region, day and window, the latest ``published_on``
(unknown dates last), then the latest ``ingested_at``, wins; `archive check` lists the
conflicts. district_series and channel_share read the canonical reports only.

Notice search must find Chinese words of two characters (口罩, 南岗). SQLite: an FTS5
index of notice.body with the trigram tokenizer, kept in step by triggers (foreign-key
cascades fire them too); queries shorter than three characters, which trigrams cannot
answer, are LIKE scans of notice.body. PostgreSQL: a pg_trgm GIN index on notice.body,
which LIKE/ILIKE use directly, so nothing needs syncing.

A later revision that rebuilds one of the base tables on SQLite (Alembic's batch
"move and copy") must drop these views and the notice triggers first and create them
again afterwards: SQLite refuses to rename a table that a view refers to while it is gone,
and a rebuilt table loses its triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from alembic import op
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from archive.store.migrate import SchemaError

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DAILY_REPORT = """
CREATE VIEW daily_report AS
SELECT region, region_level, region_code, report_date,
       window_start_hour, window_end_hour, partial,
       local_confirmed, local_asymptomatic, local_positive, initial_positive,
       imported_confirmed, imported_asymptomatic, converted,
       consistent, report_id, document_id
FROM (
    SELECT r.region, r.region_level, r.region_code, r.report_date,
           r.window_start_hour, r.window_end_hour,
           r.window_end_hour - r.window_start_hour <> 24 AS partial,
           r.local_confirmed, r.local_asymptomatic, r.local_positive, r.initial_positive,
           r.imported_confirmed, r.imported_asymptomatic, r.converted,
           r.consistent, r.id AS report_id, r.document_id,
           ROW_NUMBER() OVER (
               PARTITION BY r.region, r.report_date
               ORDER BY CASE WHEN r.window_end_hour - r.window_start_hour = 24 THEN 0 ELSE 1 END,
                        r.window_end_hour - r.window_start_hour DESC,
                        d.published_on DESC NULLS LAST,
                        d.ingested_at DESC,
                        r.window_start_hour,
                        r.id DESC
           ) AS preference
    FROM report r
    JOIN document d ON d.id = r.document_id
) ranked
WHERE preference = 1
"""

DISTRICT_SERIES = """
CREATE VIEW district_series AS
SELECT dr.region, dr.report_date, dc.city, dc.district, dc.city_code, dc.district_code,
       dc.case_type, dc.count, dr.partial, dr.report_id
FROM daily_report dr
JOIN district_count dc ON dc.report_id = dr.report_id
"""

# CAST(… AS DOUBLE PRECISION) gives a float on both databases (REAL affinity on SQLite).
CHANNEL_SHARE = """
CREATE VIEW channel_share AS
SELECT region, report_date, channel, count, day_total,
       CAST(count AS DOUBLE PRECISION) / NULLIF(day_total, 0) AS share,
       partial, report_id
FROM (
    SELECT dr.region, dr.report_date, cc.channel, SUM(cc.count) AS count,
           SUM(SUM(cc.count)) OVER (PARTITION BY dr.region, dr.report_date) AS day_total,
           dr.partial, dr.report_id
    FROM daily_report dr
    JOIN channel_count cc ON cc.report_id = dr.report_id
    GROUP BY dr.region, dr.report_date, cc.channel, dr.partial, dr.report_id
) per_channel
"""

SQLITE_NOTICE_SEARCH = [
    """CREATE VIRTUAL TABLE notice_search USING fts5(
        body, content='notice', content_rowid='id', tokenize='trigram'
    )""",
    "INSERT INTO notice_search(notice_search) VALUES ('rebuild')",
    """CREATE TRIGGER notice_search_insert AFTER INSERT ON notice BEGIN
        INSERT INTO notice_search(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER notice_search_delete AFTER DELETE ON notice BEGIN
        INSERT INTO notice_search(notice_search, rowid, body) VALUES ('delete', old.id, old.body);
    END""",
    """CREATE TRIGGER notice_search_update AFTER UPDATE ON notice BEGIN
        INSERT INTO notice_search(notice_search, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO notice_search(rowid, body) VALUES (new.id, new.body);
    END""",
]


def upgrade() -> None:
    for view in (DAILY_REPORT, DISTRICT_SERIES, CHANNEL_SHARE):
        op.execute(view)
    if op.get_bind().dialect.name == "postgresql":
        schema = _pg_trgm_schema()
        op.execute(
            f'CREATE INDEX ix_notice_body_trigram ON notice USING gin (body "{schema}".gin_trgm_ops)'
        )
    else:
        for statement in SQLITE_NOTICE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # pg_trgm stays: an extension belongs to the whole database, others may use it.
        op.execute("DROP INDEX ix_notice_body_trigram")
    else:
        for trigger in ("notice_search_update", "notice_search_delete", "notice_search_insert"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE notice_search")
    for view in ("channel_share", "district_series", "daily_report"):
        op.execute(f"DROP VIEW {view}")


def _pg_trgm_schema() -> str:
    """The schema holding pg_trgm, installing it first when needed.

    Installed in ``public`` when that exists, so that it outlives any one schema
    (dropping the schema of an extension drops every index that uses it).
    """
    bind = op.get_bind()
    installed = bind.scalar(
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'"
        )
    )
    if installed is not None:
        return installed
    if bind.scalar(text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")) is None:
        raise SchemaError(
            "this PostgreSQL server lacks the pg_trgm extension that notice search needs: "
            "install the server's contrib package (postgresql-contrib), then run `archive db upgrade`"
        )
    schema = bind.scalar(
        text(
            "SELECT COALESCE((SELECT nspname FROM pg_namespace WHERE nspname = 'public'), "
            "current_schema())"
        )
    )
    try:
        op.execute(f'CREATE EXTENSION pg_trgm SCHEMA "{schema}"')
    except ProgrammingError as exc:  # without the CREATE privilege on the database
        raise SchemaError(
            f"cannot install the pg_trgm extension that notice search needs: {exc.orig}\n"
            "Ask the database's owner to run CREATE EXTENSION pg_trgm, then run `archive db upgrade`."
        ) from exc
    return schema
