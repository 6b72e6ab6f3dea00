"""Daily figures per region, one row a day, from the view daily_report; days without a report
are rows marked ``missing`` with NULL figures (not stated is not zero)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from sqlalchemy import Engine, select

from archive.query.filters import check_region, in_period, period
from archive.query.views import FIGURES, daily_report

SERIES_COLUMNS = (
    "region",
    "report_date",
    "missing",
    "partial",
    "window_start_hour",
    "window_end_hour",
    *FIGURES,
    "report_id",
)
_REPORTED = SERIES_COLUMNS[3:]  # the columns a missing day leaves NULL


def series(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
) -> list[dict]:
    """Every region with a report in the period, each day from ``date_from`` (else its first
    report) to ``date_to`` (else its last), by region then date (SERIES_COLUMNS)."""
    start, end = period(date_from, date_to)
    view = daily_report.c
    query = in_period(
        select(view.region, view.report_date, *(view[name] for name in _REPORTED)),
        view.report_date,
        start,
        end,
    ).order_by(view.region, view.report_date)
    if region is not None:
        query = query.where(view.region == region)
    with engine.connect() as connection:
        check_region(connection, region)
        reported = [dict(row._mapping) for row in connection.execute(query)]
    rows = []
    for name, days in groupby(reported, key=lambda row: row["region"]):
        by_day = {row["report_date"]: row for row in days}
        first, last = start or min(by_day), end or max(by_day)
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            report = by_day.get(day)
            rows.append(
                {
                    "region": name,
                    "report_date": day,
                    "missing": report is None,
                    **{column: report[column] if report else None for column in _REPORTED},
                }
            )
    return rows
