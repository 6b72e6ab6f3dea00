"""How the new local cases were found: per region, day and channel, with its share of the day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select

from archive.query.filters import check_channel, check_limit, check_region, in_period, period
from archive.query.views import channel_share

CHANNEL_COLUMNS = (
    "region",
    "report_date",
    "channel",
    "count",
    "day_total",
    "share",
    "partial",
    "report_id",
)


def channels(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    channel: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Rows of the view channel_share (CHANNEL_COLUMNS), by date, region, then count."""
    start, end = period(date_from, date_to)
    check_channel(channel)
    check_limit(limit)
    view = channel_share.c
    query = in_period(
        select(*(view[name] for name in CHANNEL_COLUMNS)), view.report_date, start, end
    )
    if region is not None:
        query = query.where(view.region == region)
    if channel is not None:
        query = query.where(view.channel == channel)
    query = query.order_by(view.report_date, view.region, view["count"].desc(), view.channel).limit(
        limit
    )
    with engine.connect() as connection:
        check_region(connection, region)
        return [dict(row._mapping) for row in connection.execute(query)]
