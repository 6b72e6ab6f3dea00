"""Writes parsed documents and their rows: many documents per transaction, each isolated.

A batch is written with a few multi-row statements in one transaction. When the
database refuses a row, the batch is written again with a savepoint per document,
so that only the document at fault is recorded as failed and the others land.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import ARRAY, ColumnElement, Connection, Engine, Row, Table, Text, any_, bindparam, delete, select, tuple_, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from archive.parse import PARSER_VERSION, ParsedDocument
from archive.parse import Report as ParsedReport
from archive.parse.model import STATUS_FAILED
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Place, Provenance, Report


@dataclass(frozen=True)
class DocumentWrite:
    """A document to store: its columns, its parse, where it was found (provenance's columns
    without document_id), and the id of the stored document it replaces (a failed or
    bulletin-less document parsed again with a year hint, or once OCR is installed)."""

    values: dict
    parsed: ParsedDocument
    place: dict
    replaces: int | None = None

    @property
    def sha256(self) -> str:
        return self.values["sha256"]


@dataclass(frozen=True)
class Stored:
    """What became of a DocumentWrite."""

    document_id: int
    parsed: ParsedDocument  # as stored: failed, without reports, when the database refused its rows
    already_stored: bool = False  # another writer stored the same bytes first; nothing was written


def problems_json(problems) -> str | None:
    """A list of problems as the JSON the schema stores (NULL when there is none)."""
    return json.dumps([problem.as_dict() for problem in problems], ensure_ascii=False) if problems else None


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
        "problems": problems_json(parsed.problems),
    }


def store_documents(engine: Engine, writes: Sequence[DocumentWrite]) -> list[Stored]:
    """Store documents and their reports in one transaction; results in the order given."""
    # Concurrent writers take their locks on the sha256 index in one order, so that they never deadlock.
    order = sorted(range(len(writes)), key=lambda index: writes[index].sha256)
    ordered = [writes[index] for index in order]
    try:
        with engine.begin() as connection:
            document_ids = _insert(connection, ordered)
        results = [Stored(document_id, write.parsed) for document_id, write in zip(document_ids, ordered, strict=True)]
    except (IntegrityError, DataError):
        with engine.begin() as connection:
            results = [_store_isolated(connection, write) for write in ordered]
    by_index = dict(zip(order, results, strict=True))
    return [by_index[index] for index in range(len(writes))]


def _store_isolated(connection: Connection, write: DocumentWrite) -> Stored:
    """One document under a savepoint; refused rows make it a failed document with the reason."""
    try:
        with connection.begin_nested():
            [document_id] = _insert(connection, [write])
        return Stored(document_id, write.parsed)
    except (IntegrityError, DataError) as exc:
        if write.replaces is None:
            existing = _find(connection, write.sha256)
            if existing is not None:
                return Stored(existing.id, write.parsed, already_stored=True)
        failed = replace(
            write.parsed, status=STATUS_FAILED, error=f"its rows could not be stored: {exc.orig}", reports=[]
        )
        values = {**write.values, "status": failed.status, "error": failed.error}
        with connection.begin_nested():
            [document_id] = _insert(connection, [DocumentWrite(values, failed, write.place, write.replaces)])
        return Stored(document_id, failed)


def _insert(connection: Connection, writes: Sequence[DocumentWrite]) -> list[int]:
    """Insert (or replace) the documents, then all their reports and rows; the documents' ids."""
    new = [write for write in writes if write.replaces is None]
    if new:
        insert_rows(connection, Document.__table__, [write.values for write in new])
        new_ids = _ids_by_hash(connection, [write.sha256 for write in new])
        # where a new document was found is written with it: no document without its place
        insert_rows(connection, Provenance.__table__, [{"document_id": new_ids[write.sha256], **write.place} for write in new])
    replaced = [write.replaces for write in writes if write.replaces is not None]
    if replaced:
        connection.execute(delete(Report).where(Report.document_id.in_(replaced)))
    for write in writes:
        if write.replaces is not None:
            connection.execute(update(Document).where(Document.id == write.replaces), write.values)
    document_ids = [write.replaces if write.replaces is not None else new_ids[write.sha256] for write in writes]
    insert_document_reports(
        connection,
        [(document_id, report) for document_id, write in zip(document_ids, writes) for report in write.parsed.reports],
    )
    return document_ids


# Ids of inserted rows are read back by their unique keys: one query for a whole batch, where
# INSERT … RETURNING in parameter order would run row by row on SQLite.
def _ids_by_hash(connection: Connection, sha256s: list[str]) -> dict[str, int]:
    rows = connection.execute(select(Document.sha256, Document.id).where(_hash_among(connection, sha256s)))
    return {sha256: document_id for sha256, document_id in rows}


def _hash_among(connection: Connection, sha256s: Sequence[str]) -> ColumnElement[bool]:
    if connection.dialect.name == "postgresql":  # one array, not a statement with 500 placeholders to parse
        return Document.sha256 == any_(bindparam("sha256s", list(sha256s), type_=ARRAY(Text)))
    return Document.sha256.in_(sha256s)


def find_documents(engine: Engine, sha256s: Sequence[str]) -> dict[str, Row]:
    """The stored documents with these hashes (id, sha256, source, status, year_hint, error, and
    ``unread``: whether its bytes could not be read, so that it has no text), by hash: one query."""
    if not sha256s:
        return {}
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Document.id,
                Document.sha256,
                Document.source,
                Document.status,
                Document.year_hint,
                Document.error,
                (Document.text == "").label("unread"),
            ).where(_hash_among(connection, sha256s))
        )
        return {row.sha256: row for row in rows}


def record_places(engine: Engine, places: Sequence[dict]) -> int:
    """Keep where stored documents were found again (provenance rows, with document_id); the
    number of places new to the archive. A place already kept is left as it is."""
    keys = {(place["document_id"], place["container"], place["origin"]): place for place in places}
    if not keys:
        return 0
    table = Provenance.__table__
    key_columns = tuple_(table.c.document_id, table.c.container, table.c.origin)
    with engine.begin() as connection:
        kept = set(
            connection.execute(
                select(table.c.document_id, table.c.container, table.c.origin).where(key_columns.in_(list(keys)))
            ).all()
        )
        new = [place for key, place in keys.items() if key not in kept]
        if new:
            connection.execute(_insert_unless_kept(connection, table), new)
    return len(new)


def _insert_unless_kept(connection: Connection, table: Table):
    """INSERT … ON CONFLICT DO NOTHING: another ingest may keep the same place meanwhile."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def _find(connection: Connection, sha256: str) -> Row | None:
    return connection.execute(select(Document.id).where(Document.sha256 == sha256)).first()


def insert_document_reports(connection: Connection, reports: list[tuple[int, ParsedReport]]) -> None:
    """Bulk-insert (document id, report) pairs, then the reports' districts, channels, notices and places."""
    if not reports:
        return
    insert_rows(connection, Report.__table__, [report_values(document_id, report) for document_id, report in reports])
    stored = connection.execute(
        select(Report.document_id, Report.seq, Report.id).where(
            Report.document_id.in_({document_id for document_id, _ in reports})
        )
    )
    ids = {(document_id, seq): report_id for document_id, seq, report_id in stored}
    report_ids = [ids[document_id, report.seq] for document_id, report in reports]
    insert_children(connection, report_ids, [report for _, report in reports])


def insert_children(connection: Connection, report_ids: list[int], reports: list[ParsedReport]) -> None:
    """Bulk-insert the districts, channels, notices and places of reports stored under ``report_ids``."""
    for model, attribute in (
        (DistrictCount, "districts"),
        (ChannelCount, "channels"),
        (Notice, "notices"),
        (Place, "places"),
    ):
        rows = [
            {"report_id": report_id, **vars(item)}
            for report_id, report in zip(report_ids, reports, strict=True)
            for item in getattr(report, attribute)
        ]
        insert_rows(connection, model.__table__, rows)


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict]) -> None:
    """Insert rows (dicts with the same keys) the fastest way the database offers: COPY on
    PostgreSQL, the driver's executemany on SQLite. Values are converted as SQLAlchemy would,
    but without the bookkeeping that Connection.execute does for every row, which costs more
    than the database's own work for rows this small."""
    if not rows:
        return
    keys = list(rows[0])
    values = _bound_values(connection.dialect, table, keys, rows)
    columns = ", ".join(connection.dialect.identifier_preparer.quote(key) for key in keys)
    if connection.dialect.name != "postgresql":
        placeholders = ", ".join("?" for _ in keys)
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({placeholders})", values)
        return
    statement = f"COPY {table.name} ({columns}) FROM STDIN"
    dbapi = connection.dialect.loaded_dbapi
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except dbapi.Error as exc:  # as SQLAlchemy's IntegrityError, DataError, … like every other statement
        raise DBAPIError.instance(statement, None, exc, dbapi.Error, dialect=connection.dialect) from exc


def _bound_values(dialect, table: Table, keys: list[str], rows: Sequence[dict]) -> list[tuple]:
    """Rows as tuples of database values, through the columns' bind processors (dates on SQLite)."""
    processors = [table.c[key].type.bind_processor(dialect) for key in keys]
    if not any(processors):
        return [tuple(row[key] for key in keys) for row in rows]
    return [
        tuple(value if process is None else process(value) for process, value in zip(processors, map(row.get, keys)))
        for row in rows
    ]


def report_values(document_id: int, report: ParsedReport) -> dict:
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
        "problems": problems_json(report.problems),
    }
