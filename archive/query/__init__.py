"""Read side: functions returning plain rows (dicts), for the CLI, reports and Python users.

    from archive.query import connect, districts
    engine = connect("archive.db")
    districts(engine, region="哈尔滨市", date_from="2022-11-30")

Filters a person gives wrongly (an unknown region, 2022-02-30, a period that ends before
it starts) raise QueryError with a message that says what to give instead.
"""

from archive.query.channels import CHANNEL_COLUMNS, channels
from archive.query.check import FINDING_COLUMNS, check
from archive.query.connect import connect
from archive.query.cross import SUMMARY_COLUMNS, cross_summary
from archive.query.districts import DISTRICT_COLUMNS, PIVOT_COLUMNS, districts, districts_pivot
from archive.query.export import EXPORT_COLUMNS, export
from archive.query.filters import QueryError, has_reports
from archive.query.notices import NOTICE_COLUMNS, notices
from archive.query.places import PLACE_COLUMNS, PLACE_SUMMARY_COLUMNS, place_summary, places
from archive.query.reports import get_report, list_reports
from archive.query.series import SERIES_COLUMNS, series
from archive.query.sql import SqlError, SqlRefused, SqlResult, run_sql

__all__ = [
    "CHANNEL_COLUMNS",
    "DISTRICT_COLUMNS",
    "EXPORT_COLUMNS",
    "FINDING_COLUMNS",
    "NOTICE_COLUMNS",
    "PIVOT_COLUMNS",
    "PLACE_COLUMNS",
    "PLACE_SUMMARY_COLUMNS",
    "SERIES_COLUMNS",
    "SUMMARY_COLUMNS",
    "QueryError",
    "SqlError",
    "SqlRefused",
    "SqlResult",
    "channels",
    "check",
    "connect",
    "cross_summary",
    "districts",
    "districts_pivot",
    "export",
    "get_report",
    "has_reports",
    "list_reports",
    "notices",
    "place_summary",
    "places",
    "run_sql",
    "series",
]
