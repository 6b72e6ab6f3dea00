"""Read side: functions returning plain rows, for the CLI, reports and Python users."""

from archive.query.reports import get_report, list_reports
from archive.query.sql import SqlError, SqlRefused, SqlResult, run_sql

__all__ = ["SqlError", "SqlRefused", "SqlResult", "get_report", "list_reports", "run_sql"]
