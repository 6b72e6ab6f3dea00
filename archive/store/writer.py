"""Writes one parsed document and its rows, each document in its own transaction."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from sqlalchemy import Connection, Engine, Row, delete, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from archive.parse import PARSER_VERSION, ParsedDocument
from archive.parse import Report as ParsedReport
from archive.parse.model import STATUS_FAILED
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Report


class DocumentAlreadyStored(Exception):
    """Another writer stored the same bytes between our look-up and our insert."""


def document_values(parsed: ParsedDocument, year_hint: int | None) -> dict:
    """The columns of ``document`` that come from a parse (not from the source)."""
    return {
        # PostgreSQL text cannot hold NUL; one character for one keeps the spans valid.
        "text": parsed.text.replace("\x00", "\ufffd"),
        "published_on": parsed.published_on,
        "year_hint": year_hint,
        "parser_version": PARSER_VERSION,
        "status": parsed.status,
        "error": parsed.error,
    }


def store_document(
    engine: Engine, values: dict, parsed: ParsedDocument, document_id: int | None = None
) -> tuple[int, ParsedDocument]:
    """Insert (or, given ``document_id``, replace) a document and its reports.

    Returns the document's id and what was stored. When the rows cannot be
    stored (the database rejects a value), the document is still recorded, as
    failed with the database's reason, so that one bad input never stops the others.
    """
    try:
        return _write(engine, values, parsed.reports, document_id), parsed
    except (IntegrityError, DataError) as exc:
        if document_id is None and find_document(engine, values["sha256"]) is not None:
            raise DocumentAlreadyStored(values["sha256"]) from exc
        failed = replace(
            parsed,
            status=STATUS_FAILED,
            error=f"its rows could not be stored: {exc.orig}",
            reports=[],
        )
        failed_values = {**values, "status": failed.status, "error": failed.error}
        return _write(engine, failed_values, [], document_id), failed


def _write(
    engine: Engine, values: dict, reports: list[ParsedReport], document_id: int | None
) -> int:
    with engine.begin() as connection:
        if document_id is None:
            document_id = connection.execute(
                insert(Document).returning(Document.id), values
            ).scalar_one()
        else:
            connection.execute(delete(Report).where(Report.document_id == document_id))
            connection.execute(update(Document).where(Document.id == document_id), values)
        insert_reports(connection, document_id, reports)
    return document_id


def find_document(engine: Engine, sha256: str) -> Row | None:
    """The stored document with these bytes: its id, status and year hint."""
    with engine.connect() as connection:
        return connection.execute(
            select(Document.id, Document.status, Document.year_hint).where(
                Document.sha256 == sha256
            )
        ).first()


def insert_reports(connection: Connection, document_id: int, reports: list[ParsedReport]) -> None:
    """Bulk-insert reports, then their districts, channels and notices."""
    if not reports:
        return
    report_ids = (
        connection.execute(
            insert(Report).returning(Report.id, sort_by_parameter_order=True),
            [report_values(document_id, report) for report in reports],
        )
        .scalars()
        .all()
    )
    insert_children(connection, report_ids, reports)


def insert_children(connection: Connection, report_ids: list[int], reports: list[ParsedReport]) -> None:
    """Bulk-insert the districts, channels and notices of reports stored under ``report_ids``."""
    for model, attribute in (
        (DistrictCount, "districts"),
        (ChannelCount, "channels"),
        (Notice, "notices"),
    ):
        rows = [
            {"report_id": report_id, **asdict(item)}
            for report_id, report in zip(report_ids, reports, strict=True)
            for item in getattr(report, attribute)
        ]
        if rows:
            connection.execute(insert(model), rows)


def report_values(document_id: int, report: ParsedReport) -> dict:
    problems = [problem.as_dict() for problem in report.problems]
    return {
        "document_id": document_id,
        "seq": report.seq,
        "region": report.region,
        "region_level": report.region_level,
        "region_code": report.region_code,
        "report_date": report.report_date,
        "window_start_hour": report.window_start_hour,
        "window_end_hour": report.window_end_hour,
        "local_confirmed": report.local_confirmed,
        "local_asymptomatic": report.local_asymptomatic,
        "local_positive": report.local_positive,
        "initial_positive": report.initial_positive,
        "imported_confirmed": report.imported_confirmed,
        "imported_asymptomatic": report.imported_asymptomatic,
        "converted": report.converted,
        "headline": report.headline,
        "speaker": report.speaker,
        "span_start": report.span_start,
        "span_end": report.span_end,
        "consistent": report.consistent,
        "problems": json.dumps(problems, ensure_ascii=False) if problems else None,
    }
