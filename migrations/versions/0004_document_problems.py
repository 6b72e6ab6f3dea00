"""document.problems; daily_report prefers, within one window, the report with more stated rows.

document.problems — a JSON list of {code, message, span_start, span_end} for what a parsed
page could not store: a bulletin that cannot be placed (``unplaced_bulletin``) or a count
sentence not understood (``unrecognized_figure``). NULL when there is none.

daily_report — among reports of one region, day and window from different documents (a
city's bulletin and a post that repeats its totals), the one with more district rows, then
more channel rows, wins before the published-date rule of revision 0003.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_RANKED = """
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
                        {stated_rows}
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
_STATED_ROWS = """(SELECT count(*) FROM district_count dc WHERE dc.report_id = r.id) DESC,
                        (SELECT count(*) FROM channel_count cc WHERE cc.report_id = r.id) DESC,"""

DAILY_REPORT_0004 = _RANKED.format(stated_rows=_STATED_ROWS)
DAILY_REPORT_0003 = _RANKED.format(stated_rows="")

DISTRICT_SERIES = """
CREATE VIEW district_series AS
SELECT dr.region, dr.report_date, dc.city, dc.district, dc.city_code, dc.district_code,
       dc.case_type, dc.count, dr.partial, dr.report_id
FROM daily_report dr
JOIN district_count dc ON dc.report_id = dr.report_id
"""

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


def _drop_views() -> None:
    for view in ("channel_share", "district_series", "daily_report"):
        op.execute(f"DROP VIEW {view}")


def _create_views(daily_report: str) -> None:
    for view in (daily_report, DISTRICT_SERIES, CHANNEL_SHARE):
        op.execute(view)


def upgrade() -> None:
    _drop_views()
    op.add_column("document", sa.Column("problems", sa.Text(), nullable=True))
    _create_views(DAILY_REPORT_0004)


def downgrade() -> None:
    _drop_views()
    # ALTER TABLE … DROP COLUMN (SQLite 3.35 and later): no table rebuild, which SQLite would
    # refuse while the foreign keys of report refer to document.
    op.drop_column("document", "problems")
    _create_views(DAILY_REPORT_0003)
