"""Views cross_pair and cross_check: the same day's figures as two levels of sources state them.

cross_pair — one row per pair of reports one level apart on one day, for each case type that
both state, whatever their windows (``same_window`` says whether they match): a district's
report and its city's, a city's and its province's, a province's (or a municipality's) and
a national one. cross_check — the pairs compared: those of the same window, with ``agree``.

- The lower report's figure is its own stated total of the case type (``positive``: the
  stated local_positive, else confirmed + asymptomatic (+ initial_positive when stated)).
- The upper report's figure is its district_count row for the lower region: the district's
  row in its city's list; the sum of the city's rows in a province's list, or the province's
  row in a national list. A list that accounts for the type's whole stated total (its rows
  add up to it) states 0 for every area it does not name. A list that does not is read only
  where it names the area itself (a city's rows that name finer areas of a partial list are
  not a city total).
- NULL on either side: no row. Different windows: no row in cross_check (`archive check` says
  so when the two regions have no pair of one window that day).

An index on report (report_date, region_level, region_code) finds the pairs. They are found
by division code: a district's city is the city whose code is the district
code's first four digits (the first two for the municipalities 11, 12, 31, 50); a city's
province shares the city code's first two digits; a national report pairs with every
province and municipality. Reports without a code (areas the gazetteer does not know) are
not paired.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CROSS_PAIR = """
CREATE VIEW cross_pair AS
WITH case_types AS (
    SELECT 'confirmed' AS case_type
    UNION ALL SELECT 'asymptomatic'
    UNION ALL SELECT 'positive'
    UNION ALL SELECT 'initial_positive'
),
pairs AS (
    -- region, parent_region and report_date here let a query's filters on them reach this step
    SELECT 'district/city' AS level_pair, n.region, w.region AS parent_region, n.report_date,
           n.id AS report_id, w.id AS parent_report_id
    FROM report n
    JOIN report w ON w.report_date = n.report_date
           AND w.region_level = 'city'
           AND w.region_code = CASE WHEN substr(n.region_code, 1, 2) IN ('11', '12', '31', '50')
                                    THEN substr(n.region_code, 1, 2) || '0000'
                                    ELSE substr(n.region_code, 1, 4) || '00' END
    WHERE n.region_level = 'district'
    UNION ALL
    SELECT 'city/province', n.region, w.region, n.report_date, n.id, w.id
    FROM report n
    JOIN report w ON w.report_date = n.report_date
           AND w.region_level = 'province'
           AND w.region_code = substr(n.region_code, 1, 2) || '0000'
    WHERE n.region_level = 'city'
    UNION ALL
    SELECT 'province/national', n.region, w.region, n.report_date, n.id, w.id
    FROM report n
    JOIN report w ON w.report_date = n.report_date AND w.region_level = 'national'
    WHERE n.region_level = 'province'
       OR (n.region_level = 'city' AND substr(n.region_code, 3, 4) = '0000')
),
parent_rows AS (
    -- the lists of the reports one level up
    SELECT dc.report_id, dc.case_type, dc.city, dc.district, dc.count
    FROM district_count dc
    WHERE dc.report_id IN (SELECT parent_report_id FROM pairs)
),
listed AS (
    SELECT report_id, case_type, SUM(count) AS count
    FROM parent_rows
    GROUP BY report_id, case_type
),
by_city AS (
    SELECT report_id, case_type, city, SUM(count) AS count,
           SUM(CASE WHEN district <> city THEN 1 ELSE 0 END) AS finer_rows
    FROM parent_rows
    GROUP BY report_id, case_type, city
),
types AS (
    -- the case types each pair can compare: those the upper report lists, and those whose
    -- total it states as 0 without a list
    SELECT p.*, l.case_type, l.count AS listed
    FROM pairs p
    JOIN listed l ON l.report_id = p.parent_report_id
    UNION ALL
    SELECT p.*, t.case_type, 0
    FROM pairs p
    JOIN report w ON w.id = p.parent_report_id
                 AND 0 IN (w.local_confirmed, w.local_asymptomatic, w.initial_positive, w.local_positive)
    CROSS JOIN case_types t
    WHERE 0 = CASE t.case_type
                  WHEN 'confirmed' THEN w.local_confirmed
                  WHEN 'asymptomatic' THEN w.local_asymptomatic
                  WHEN 'initial_positive' THEN w.initial_positive
                  ELSE w.local_positive
              END
      AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.report_id = w.id AND l.case_type = t.case_type)
),
figures AS (
    SELECT t.level_pair, t.case_type, t.region, n.region_level, t.report_date,
           n.window_start_hour, n.window_end_hour, n.id AS report_id,
           CASE t.case_type
               WHEN 'confirmed' THEN n.local_confirmed
               WHEN 'asymptomatic' THEN n.local_asymptomatic
               WHEN 'initial_positive' THEN n.initial_positive
               ELSE COALESCE(n.local_positive,
                             n.local_confirmed + n.local_asymptomatic + COALESCE(n.initial_positive, 0))
           END AS figure,
           t.parent_region, w.region_level AS parent_level,
           w.window_start_hour AS parent_window_start_hour, w.window_end_hour AS parent_window_end_hour,
           w.id AS parent_report_id,
           -- the list accounts for the type's whole stated total
           t.listed = CASE t.case_type
               WHEN 'confirmed' THEN w.local_confirmed
               WHEN 'asymptomatic' THEN w.local_asymptomatic
               WHEN 'initial_positive' THEN w.initial_positive
               ELSE w.local_positive
           END AS complete,
           COALESCE(d.count, c.count) AS parent_row,
           CASE WHEN t.level_pair = 'district/city' THEN 0 ELSE c.finer_rows END AS parent_finer_rows
    FROM types t
    JOIN report n ON n.id = t.report_id
    JOIN report w ON w.id = t.parent_report_id
    LEFT JOIN parent_rows d
           ON t.level_pair = 'district/city'
          AND d.report_id = w.id AND d.case_type = t.case_type AND d.city = w.region AND d.district = n.region
    LEFT JOIN by_city c
           ON t.level_pair <> 'district/city'
          AND c.report_id = w.id AND c.case_type = t.case_type AND c.city = n.region
),
stated AS (
    SELECT f.*,
           CASE
               WHEN parent_row IS NOT NULL AND (parent_finer_rows = 0 OR complete) THEN parent_row
               WHEN parent_row IS NULL AND complete THEN 0
           END AS parent_figure
    FROM figures f
    WHERE f.figure IS NOT NULL
)
SELECT region, region_level, report_date, window_start_hour, window_end_hour,
       level_pair, case_type, report_id, figure,
       parent_region, parent_level, parent_window_start_hour, parent_window_end_hour,
       parent_report_id, parent_figure, parent_row IS NULL AS parent_implied,
       window_start_hour = parent_window_start_hour
           AND window_end_hour = parent_window_end_hour AS same_window
FROM stated
WHERE parent_figure IS NOT NULL
"""

CROSS_CHECK = """
CREATE VIEW cross_check AS
SELECT region, region_level, report_date, window_start_hour, window_end_hour,
       level_pair, case_type, report_id, figure,
       parent_region, parent_level, parent_report_id, parent_figure, parent_implied,
       figure = parent_figure AS agree
FROM cross_pair
WHERE same_window
"""


def upgrade() -> None:
    # Finds a report's city or province of the same day without scanning the day's reports.
    op.create_index(
        "ix_report_report_date_region_level_region_code", "report", ["report_date", "region_level", "region_code"]
    )
    op.execute(CROSS_PAIR)
    op.execute(CROSS_CHECK)


def downgrade() -> None:
    op.execute("DROP VIEW cross_check")
    op.execute("DROP VIEW cross_pair")
    op.drop_index("ix_report_report_date_region_level_region_code", "report")
