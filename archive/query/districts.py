"""New local cases per area and day, from each region's canonical report of the day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select

from archive.query.filters import (
    check_case_type,
    check_district,
    check_limit,
    check_region,
    in_period,
    period,
)
from archive.query.views import district_series

DISTRICT_COLUMNS = (
    "region",
    "report_date",
    "city",
    "district",
    "case_type",
    "count",
    "partial",
    "report_id",
    "city_code",
    "district_code",
)
# The columns of a pivot row before its day columns (one per day, named YYYY-MM-DD).
PIVOT_COLUMNS = ("region", "city", "district", "case_type", "total")


def districts(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    district: str | None = None,
    case_type: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """One row per area, day and case type (DISTRICT_COLUMNS), by date, region, then count."""
    start, end = period(date_from, date_to)
    check_case_type(case_type)
    check_limit(limit)
    view = district_series.c
    query = in_period(
        select(*(view[name] for name in DISTRICT_COLUMNS)), view.report_date, start, end
    )
    for column, value in (
        (view.region, region),
        (view.district, district),
        (view.case_type, case_type),
    ):
        if value is not None:
            query = query.where(column == value)
    query = query.order_by(
        view.report_date,
        view.region,
        view.case_type,
        view["count"].desc(),
        view.city,
        view.district,
    ).limit(limit)
    with engine.connect() as connection:
        check_region(connection, region)
        check_district(connection, district)
        return [dict(row._mapping) for row in connection.execute(query)]


def districts_pivot(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    district: str | None = None,
    case_type: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Areas × days: PIVOT_COLUMNS, then one column per day that has a row, holding the count
    (None when the area is not listed that day). Largest totals first; ``limit`` keeps the top rows."""
    check_limit(limit)
    rows = districts(engine, region, date_from, date_to, district, case_type)
    days = sorted({row["report_date"].isoformat() for row in rows})
    pivot: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[name] for name in PIVOT_COLUMNS[:-1])
        area = pivot.setdefault(key, {**dict(zip(PIVOT_COLUMNS, (*key, 0))), **dict.fromkeys(days)})
        area[row["report_date"].isoformat()] = row["count"]
        area["total"] += row["count"]
    ordered = sorted(
        pivot.values(), key=lambda area: (-area["total"], *(area[k] for k in PIVOT_COLUMNS[:-1]))
    )
    return ordered[:limit]
