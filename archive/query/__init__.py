"""Read side: functions returning plain rows (dicts), for the CLI, reports and Python users.

    from archive.query import connect, districts
    engine = connect("archive.db")
    districts(engine, region="哈尔滨市", date_from="2022-11-30")

Filters a person gives wrongly (an unknown region, 2022-02-30, a period that ends before
it starts) raise QueryError with a message that says what to give instead.

Names are imported from their modules on first use (archive.lazy), and no module here
loads the parser, the ORM or the ingest machinery: a read command starts quickly.
"""

from archive.lazy import lazy_exports

_EXPORTS = {
    "archive.query.channels": ("CHANNEL_COLUMNS", "channels"),
    "archive.query.check": ("FINDING_COLUMNS", "check"),
    "archive.query.connect": ("connect",),
    "archive.query.cross": ("SUMMARY_COLUMNS", "cross_summary"),
    "archive.query.districts": ("DISTRICT_COLUMNS", "PIVOT_COLUMNS", "districts", "districts_pivot"),
    "archive.query.export": ("EXPORT_COLUMNS", "export"),
    "archive.query.filters": ("QueryError", "has_reports"),
    "archive.query.notices": ("NOTICE_COLUMNS", "notices"),
    "archive.query.places": ("PLACE_COLUMNS", "PLACE_SUMMARY_COLUMNS", "place_summary", "places"),
    "archive.query.reports": ("get_report", "list_reports"),
    "archive.query.series": ("SERIES_COLUMNS", "series"),
    "archive.query.sql": ("SqlError", "SqlRefused", "SqlResult", "SqlTimeout", "run_sql"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
