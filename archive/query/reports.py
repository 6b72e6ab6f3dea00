"""Reports and what hangs off them, as plain dicts."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, select

from archive.query.filters import check_limit, check_region, period, reports_in_scope
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Place, Report

REPORT_COLUMNS = [column for column in Report.__table__.columns if column.name not in ("problems",)]


def list_reports(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Reports by date, then region; ``date_from``/``date_to`` are inclusive."""
    start, end = period(date_from, date_to)
    check_limit(limit)
    query = reports_in_scope(select(*REPORT_COLUMNS), region, start, end)
    query = query.order_by(Report.report_date, Report.region, Report.id).limit(limit)
    with engine.connect() as connection:
        check_region(connection, region)
        return [dict(row._mapping) for row in connection.execute(query)]


def get_report(engine: Engine, report_id: int) -> dict | None:
    """A report with its source, source sentence, districts, channels, notices and places."""
    with engine.connect() as connection:
        row = connection.execute(
            select(*Report.__table__.columns, Document.source, Document.text.label("document_text"))
            .join(Document, Document.id == Report.document_id)
            .where(Report.id == report_id)
        ).first()
        if row is None:
            return None
        detail = dict(row._mapping)
        text = detail.pop("document_text")
        detail["problems"] = json.loads(row.problems) if row.problems else []
        detail["sentence"] = text[row.span_start : row.span_end]
        for key, model, order in (
            ("districts", DistrictCount, DistrictCount.id),
            ("channels", ChannelCount, ChannelCount.id),
            ("notices", Notice, Notice.ordinal),
            ("places", Place, Place.id),
        ):
            columns = [c for c in model.__table__.columns if c.name not in ("id", "report_id")]
            rows = connection.execute(
                select(*columns).where(model.report_id == report_id).order_by(order)
            )
            detail[key] = [dict(r._mapping) for r in rows]
    return detail
