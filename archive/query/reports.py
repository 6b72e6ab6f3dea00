"""Reports and what hangs off them, as plain dicts."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, select

from archive.query.filters import check_limit, check_region, period, reports_in_scope
from archive.store.tables import channel_count, district_count, document, notice, place, provenance, report

REPORT_COLUMNS = [column for column in report.c if column.name not in ("problems",)]


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
    query = query.order_by(report.c.report_date, report.c.region, report.c.id).limit(limit)
    with engine.connect() as connection:
        check_region(connection, region)
        return [dict(row._mapping) for row in connection.execute(query)]


# A PDF's pages are separated by form feeds in its text (archive/sources/pdf.py).
PAGE_BREAK = "\f"


def get_report(engine: Engine, report_id: int) -> dict | None:
    """A report with its source, the page of its document it starts on (PDFs and other paged
    texts; else None), its source sentence, districts, channels, notices and places, and every
    place its document was found (``found``: container, origin, captured_at)."""
    with engine.connect() as connection:
        row = connection.execute(
            select(*report.c, document.c.source, document.c.encoding, document.c.text.label("document_text"))
            .join(document, document.c.id == report.c.document_id)
            .where(report.c.id == report_id)
        ).first()
        if row is None:
            return None
        detail = dict(row._mapping)
        text = detail.pop("document_text")
        encoding = detail.pop("encoding")
        detail["problems"] = json.loads(row.problems) if row.problems else []
        paged = PAGE_BREAK in text or (encoding or "").startswith("pdf")
        detail["page"] = text.count(PAGE_BREAK, 0, row.span_start) + 1 if paged else None
        detail["sentence"] = text[row.span_start : row.span_end]
        for key, table, order in (
            ("districts", district_count, district_count.c.id),
            ("channels", channel_count, channel_count.c.id),
            ("notices", notice, notice.c.ordinal),
            ("places", place, place.c.id),
        ):
            columns = [c for c in table.c if c.name not in ("id", "report_id")]
            rows = connection.execute(
                select(*columns).where(table.c.report_id == report_id).order_by(order)
            )
            detail[key] = [dict(r._mapping) for r in rows]
        found = connection.execute(
            select(provenance.c.container, provenance.c.origin, provenance.c.captured_at)
            .where(provenance.c.document_id == row.document_id)
            .order_by(provenance.c.id)
        )
        detail["found"] = [dict(r._mapping) for r in found]
    return detail
