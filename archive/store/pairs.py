"""The pairs of sources one level apart (table source_pair, revision 0008), brought up to date.

Writers only mark the (family, day) of the reports they touch (triggers, in their own
transaction); ``bring_pairs_up_to_date`` takes the marks that are visible, computes those days'
pairs from scratch and recounts the tallies of the regions concerned. One process at a time does
so: SQLite's write lock (BEGIN IMMEDIATE), a PostgreSQL advisory lock. Marks that a writer commits
meanwhile stay for the next call, with the reports they mark.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from archive.store.engine import SQLITE_BEGIN_IMMEDIATE

# Key of the PostgreSQL advisory lock held while the pairs are brought up to date.
PAIR_LOCK_KEY = 0x70616972
# After computing this many (family, day) at once (an ingest's), PostgreSQL's planner statistics of
# the pairs are refreshed: without them it may scan the whole table for one region's pairs.
ANALYZE_AFTER = 100

PAIR_COLUMNS = (
    "region", "region_level", "report_date", "window_start_hour", "window_end_hour", "level_pair", "case_type",
    "report_id", "figure", "parent_region", "parent_level", "parent_window_start_hour", "parent_window_end_hour",
    "parent_report_id", "parent_figure", "parent_implied", "same_window",
)  # fmt: skip

# The days to compute: distinct (family, report_date) rows, a national report's mark (family '')
# stood for by the families of that day's reports.
_TAKE_MARKS = [
    "INSERT INTO pair_refresh (family, report_date) SELECT DISTINCT family, report_date FROM source_pair_stale",
    """DELETE FROM source_pair_stale
       WHERE (family, report_date) IN (SELECT family, report_date FROM pair_refresh)""",
    """INSERT INTO pair_refresh (family, report_date)
       SELECT DISTINCT substr(r.region_code, 1, 2), r.report_date FROM report r
       WHERE r.report_date IN (SELECT report_date FROM pair_refresh WHERE family = '')
         AND r.region_code IS NOT NULL AND r.region_level <> 'national'
         AND (substr(r.region_code, 1, 2), r.report_date) NOT IN (SELECT family, report_date FROM pair_refresh)""",
    "DELETE FROM pair_refresh WHERE family = ''",
]

# The lower reports of the marked days: each marked day's reports through the index on report
# (report_date, region_level, region_code); CROSS JOIN keeps SQLite from scanning report instead.
_MARKED_REPORTS = "pair_refresh m CROSS JOIN report n"
_MARKED = "n.report_date = m.report_date AND substr(n.region_code, 1, 2) = m.family"

# Revision 0006's cross_pair, for the lower reports of the marked days.
_PAIRS_OF_MARKED_DAYS = f"""
INSERT INTO source_pair (family, {", ".join(PAIR_COLUMNS)})
WITH case_types AS (
    SELECT 'confirmed' AS case_type
    UNION ALL SELECT 'asymptomatic'
    UNION ALL SELECT 'positive'
    UNION ALL SELECT 'initial_positive'
),
pairs AS (
    SELECT 'district/city' AS level_pair, n.region, w.region AS parent_region, n.report_date,
           n.id AS report_id, w.id AS parent_report_id
    FROM {_MARKED_REPORTS}
    JOIN report w{{same_day_index}} ON w.report_date = n.report_date
           AND w.region_level = 'city'
           AND w.region_code = CASE WHEN substr(n.region_code, 1, 2) IN ('11', '12', '31', '50')
                                    THEN substr(n.region_code, 1, 2) || '0000'
                                    ELSE substr(n.region_code, 1, 4) || '00' END
    WHERE n.region_level = 'district' AND {_MARKED}
    UNION ALL
    SELECT 'city/province', n.region, w.region, n.report_date, n.id, w.id
    FROM {_MARKED_REPORTS}
    JOIN report w{{same_day_index}} ON w.report_date = n.report_date
           AND w.region_level = 'province'
           AND w.region_code = substr(n.region_code, 1, 2) || '0000'
    WHERE n.region_level = 'city' AND {_MARKED}
    UNION ALL
    SELECT 'province/national', n.region, w.region, n.report_date, n.id, w.id
    FROM {_MARKED_REPORTS}
    JOIN report w{{same_day_index}} ON w.report_date = n.report_date AND w.region_level = 'national'
    WHERE (n.region_level = 'province' OR (n.region_level = 'city' AND substr(n.region_code, 3, 4) = '0000'))
      AND {_MARKED}
),
parent_rows AS (
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
    SELECT substr(n.region_code, 1, 2) AS family, t.level_pair, t.case_type, t.region, n.region_level,
           t.report_date, n.window_start_hour, n.window_end_hour, n.id AS report_id,
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
SELECT family, region, region_level, report_date, window_start_hour, window_end_hour,
       level_pair, case_type, report_id, figure,
       parent_region, parent_level, parent_window_start_hour, parent_window_end_hour,
       parent_report_id, parent_figure, parent_row IS NULL AS parent_implied,
       window_start_hour = parent_window_start_hour
           AND window_end_hour = parent_window_end_hour AS same_window
FROM stated
WHERE parent_figure IS NOT NULL
"""

_OF_MARKED_DAYS = "(family, report_date) IN (SELECT family, report_date FROM pair_refresh)"
_REGIONS_OF_MARKED_DAYS = (
    f"INSERT INTO pair_regions (region, parent_region) SELECT DISTINCT region, parent_region FROM source_pair "
    f"WHERE {_OF_MARKED_DAYS}"
)
_RECOUNT = [
    "DELETE FROM source_pair_tally WHERE (region, parent_region) IN (SELECT region, parent_region FROM pair_regions)",
    """INSERT INTO source_pair_tally (region, parent_region, pairs, agreeing)
       SELECT region, parent_region, COUNT(*), SUM(CASE WHEN figure = parent_figure THEN 1 ELSE 0 END)
       FROM source_pair
       WHERE same_window AND (region, parent_region) IN (SELECT DISTINCT region, parent_region FROM pair_regions)
       GROUP BY region, parent_region""",
]


def bring_pairs_up_to_date(engine: Engine) -> None:
    """Compute the pairs of the days that writers marked, and the tallies of their regions; at
    once when nothing is marked."""
    with engine.connect() as connection:
        if connection.scalar(text("SELECT id FROM source_pair_stale LIMIT 1")) is None:
            return
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PAIR_LOCK_KEY})
            _recompute_marked_days(connection)


def _recompute_marked_days(connection: Connection) -> None:
    postgres = connection.dialect.name == "postgresql"
    for name, columns in (("pair_refresh", "family TEXT, report_date DATE"), ("pair_regions", "region TEXT, parent_region TEXT")):
        # PostgreSQL drops them at commit (or rollback); SQLite below.
        connection.exec_driver_sql(f"CREATE TEMPORARY TABLE {name} ({columns}){' ON COMMIT DROP' if postgres else ''}")
    for statement in _TAKE_MARKS:
        connection.exec_driver_sql(statement)
    days = connection.exec_driver_sql("SELECT count(*) FROM pair_refresh").scalar()
    _analyze(connection, "pair_refresh")
    if days:  # else another process took the marks while this one waited for the lock
        _recompute(connection, days, postgres)
    if not postgres:
        connection.exec_driver_sql("DROP TABLE temp.pair_refresh")
        connection.exec_driver_sql("DROP TABLE temp.pair_regions")


def _recompute(connection: Connection, days: int, postgres: bool) -> None:
    connection.exec_driver_sql(_REGIONS_OF_MARKED_DAYS)  # the regions whose pairs go
    connection.exec_driver_sql(f"DELETE FROM source_pair WHERE {_OF_MARKED_DAYS}")
    # SQLite, without statistics, would index every report anew (an automatic index) for each
    # computation rather than use the index that finds a report's city or province of the day.
    same_day_index = "" if postgres else " INDEXED BY ix_report_report_date_region_level_region_code"
    connection.exec_driver_sql(_PAIRS_OF_MARKED_DAYS.format(same_day_index=same_day_index))
    connection.exec_driver_sql(_REGIONS_OF_MARKED_DAYS)  # and those whose pairs come
    _analyze(connection, "pair_regions")
    for statement in _RECOUNT:
        connection.exec_driver_sql(statement)
    if postgres and days >= ANALYZE_AFTER:
        connection.exec_driver_sql("ANALYZE source_pair, source_pair_tally")


def _analyze(connection: Connection, temporary_table: str) -> None:
    """PostgreSQL's statistics of a temporary table (autovacuum never sees one): without them the
    planner takes it for a large one and reads the whole of report and source_pair to join it."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"ANALYZE {temporary_table}")
