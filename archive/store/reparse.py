"""Re-run the current parser over stored documents (after a parser upgrade).

A report keeps its id while its identity — document, region, date and window —
is unchanged, so that ids users noted (``archive show 12``) still point at the
same bulletin; its figures and rows are replaced by the new parse.

Documents are read, parsed and rewritten a batch at a time, each batch in one
transaction with a few statements for all its documents, so that memory stays
flat and the time goes into parsing rather than round trips.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, Engine, Row, bindparam, delete, func, select, update
from sqlalchemy.exc import DataError, IntegrityError

from archive.parse import ParsedDocument, Problem
from archive.parse import Report as ParsedReport
from archive.parse.model import FIGURES, STATUS_FAILED
from archive.sources.problems import READING_PROBLEM_CODES
from archive.store.collector import fewer_collections
from archive.store.ingestion import BATCH_SIZE, hints, parse_text
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Place, Provenance, Report
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.workers import BatchMapper
from archive.store.writer import (
    document_values,
    insert_children,
    insert_document_reports,
    report_values,
)

# A report's rows, with the columns compared; the first four tell `archive reparse`'s
# listing whether a report's areas or channels changed.
_CHILDREN = {
    "districts": (DistrictCount, ("case_type", "city", "district", "count", "city_code", "district_code")),
    "channels": (ChannelCount, ("case_type", "channel", "label", "count")),
    "notices": (Notice, ("ordinal", "title", "body")),
    "places": (Place, ("case_type", "city", "district", "name", "cases")),
}
_LISTED_CHILDREN = ("districts", "channels")
_LISTED_COLUMNS = 4
# The columns of document that a parse gives.
_PARSED_DOCUMENT_COLUMNS = ("text", "published_on", "year_hint", "parser_version", "status", "error", "problems")


@dataclass(frozen=True)
class ReportChange:
    document_id: int
    report_id: int | None  # None for a report the new parse added (its id is new)
    region: str
    report_date: str
    window: str
    what: str  # added | removed | changed
    detail: str = ""


@dataclass
class ReparseSummary:
    documents: int = 0
    reports: int = 0
    failed: int = 0
    changes: list[ReportChange] = field(default_factory=list)

    def count(self, what: str) -> int:
        return sum(1 for change in self.changes if change.what == what)


def reparse(engine: Engine, jobs: int | None = 1) -> ReparseSummary:
    """Parse every stored text again (in ``jobs`` processes; None: one per core when the
    archive is large, see BatchMapper) and rewrite what changed.

    Documents stored without text (unreadable inputs) have nothing to parse and
    are left as they are. Only what the new parse changes is written, so running it
    twice writes nothing the second time.
    """
    summary = ReparseSummary()
    with fewer_collections(), BatchMapper(_parse_stored, jobs) as mapper:
        for documents in _stored_documents(engine):
            parses = mapper.submit([_to_parse(document) for document in documents])()
            summary.changes += _store_batch(engine, documents, parses)
            summary.documents += len(documents)
            summary.reports += sum(len(parsed.reports) for parsed in parses)
            summary.failed += sum(parsed.status == STATUS_FAILED for parsed in parses)
    bring_pairs_up_to_date(engine)  # the pairs of the changed reports' days
    return summary


def _to_parse(document: Row) -> tuple:
    """What a parse of a stored document needs: its text, the hints it was ingested with (the
    earliest capture of its bytes), and the problems of reading them, which no parse finds again."""
    stored = json.loads(document.problems) if document.problems else []
    reading = [Problem(problem["code"], problem["message"]) for problem in stored if problem["code"] in READING_PROBLEM_CODES]
    return document.text, hints(document.year_hint, document.captured_at), reading


def _parse_stored(document: tuple) -> ParsedDocument:
    return parse_text(*document)


def _stored_documents(engine: Engine) -> Iterator[list[Row]]:
    """Documents with text, a batch at a time, in id order."""
    first_capture = (
        select(func.min(Provenance.captured_at)).where(Provenance.document_id == Document.id).scalar_subquery()
    )
    last_id = 0
    while True:
        with engine.connect() as connection:
            documents = connection.execute(
                select(
                    Document.id,
                    *(Document.__table__.c[name] for name in _PARSED_DOCUMENT_COLUMNS),
                    first_capture.label("captured_at"),
                )
                .where(Document.text != "", Document.id > last_id)
                .order_by(Document.id)
                .limit(BATCH_SIZE)
            ).all()
        if not documents:
            return
        yield documents
        last_id = documents[-1].id


def _store_batch(engine: Engine, documents: Sequence[Row], parses: Sequence[ParsedDocument]) -> list[ReportChange]:
    """Rewrite a batch in one transaction; when the database refuses a row, again with a savepoint
    per document, where a document whose rows are refused is stored as failed with the reason."""
    try:
        with engine.begin() as connection:
            return _rewrite(connection, documents, parses)
    except (IntegrityError, DataError):
        pass
    changes = []
    with engine.begin() as connection:
        for document, parsed in zip(documents, parses, strict=True):
            try:
                with connection.begin_nested():
                    changes += _rewrite(connection, [document], [parsed])
            except (IntegrityError, DataError) as exc:
                failed = replace(parsed, status=STATUS_FAILED, error=f"its rows could not be stored: {exc.orig}", reports=[])
                with connection.begin_nested():
                    changes += _rewrite(connection, [document], [failed])
    return changes


def _identity(region: str, report_date, start: int, end: int) -> tuple:
    return (region, str(report_date), start, end)


def _rewrite(connection: Connection, documents: Sequence[Row], parses: Sequence[ParsedDocument]) -> list[ReportChange]:
    """Store the new parses of ``documents`` where they differ; what changed, document by document."""
    document_ids = [document.id for document in documents]
    changed_documents = []
    for document, parsed in zip(documents, parses, strict=True):
        values = document_values(parsed, document.year_hint)
        if not _same_columns(document, values):
            changed_documents.append({"document_id_": document.id, **values})
    if changed_documents:
        connection.execute(update(Document).where(Document.id == bindparam("document_id_")), changed_documents)
    stored_by_document: dict[int, dict[tuple, Row]] = defaultdict(dict)
    for row in connection.execute(select(*Report.__table__.columns).where(Report.document_id.in_(document_ids))):
        stored_by_document[row.document_id][
            _identity(row.region, row.report_date, row.window_start_hour, row.window_end_hour)
        ] = row
    stored_children = _stored_children(connection, [row.id for rows in stored_by_document.values() for row in rows.values()])

    changes, removed, kept, added = [], [], [], []
    for document_id, parsed in zip(document_ids, parses, strict=True):
        stored = stored_by_document[document_id]
        fresh = {_identity(r.region, r.report_date, r.window_start_hour, r.window_end_hour): r for r in parsed.reports}
        for key, row in stored.items():
            if key not in fresh:
                removed.append(row.id)
                changes.append(_change(document_id, row.id, key, "removed"))
        for key, row in stored.items():
            if key not in fresh:
                continue
            report, old_children = fresh[key], stored_children[row.id]
            if _children(report) == old_children and _same_columns(row, report_values(document_id, report)):
                continue
            kept.append((document_id, row.id, report))
            difference = _figure_difference(row, report) or _row_difference(old_children, report)
            if difference:
                changes.append(_change(document_id, row.id, key, "changed", difference))
        added += [(document_id, report) for key, report in fresh.items() if key not in stored]
        changes += [_change(document_id, None, key, "added") for key in fresh if key not in stored]

    if removed:
        connection.execute(delete(Report).where(Report.id.in_(removed)))
    if kept:
        kept_ids = [report_id for _, report_id, _ in kept]
        # Free the (document_id, seq) pairs first: the new parse may number reports differently.
        connection.execute(update(Report).where(Report.id.in_(kept_ids)).values(seq=-Report.id))
        connection.execute(
            update(Report).where(Report.id == bindparam("report_id_")),
            [{"report_id_": report_id, **report_values(document_id, report)} for document_id, report_id, report in kept],
        )
        for model, _ in _CHILDREN.values():
            connection.execute(delete(model).where(model.report_id.in_(kept_ids)))
        insert_children(connection, kept_ids, [report for _, _, report in kept])
    insert_document_reports(connection, added)
    return changes


def _stored_children(connection: Connection, report_ids: list[int]) -> dict[int, dict[str, list[tuple]]]:
    """The rows of stored reports as _children gives them for a parsed report, by report id."""
    children: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: {attribute: [] for attribute in _CHILDREN})
    for attribute, (model, columns) in _CHILDREN.items() if report_ids else ():
        table = model.__table__
        query = select(table.c.report_id, *(table.c[column] for column in columns)).where(table.c.report_id.in_(report_ids))
        for report_id, *values in connection.execute(query):
            children[report_id][attribute].append(tuple(values))
    for rows in children.values():
        for listed in rows.values():
            listed.sort()
    return children


def _children(report: ParsedReport) -> dict[str, list[tuple]]:
    return {
        attribute: sorted(tuple(getattr(item, column) for column in columns) for item in getattr(report, attribute))
        for attribute, (_, columns) in _CHILDREN.items()
    }


def _same_columns(row: Row, values: dict) -> bool:
    return all(getattr(row, name) == value for name, value in values.items())


def _figure_difference(row, report: ParsedReport) -> str:
    return ", ".join(
        f"{name} {getattr(row, name)} → {getattr(report, name)}"
        for name in FIGURES
        if getattr(row, name) != getattr(report, name)
    )


def _row_difference(old_children: dict[str, list[tuple]], report: ParsedReport) -> str:
    """Which of a report's area and channel rows the new parse changes."""
    new_children = _children(report)
    differences = []
    for attribute in _LISTED_CHILDREN:
        old = sorted(row[:_LISTED_COLUMNS] for row in old_children[attribute])
        new = sorted(row[:_LISTED_COLUMNS] for row in new_children[attribute])
        if old != new:
            differences.append(f"{attribute}: {len(old)} rows → {len(new)} rows" if len(old) != len(new) else f"{attribute} changed")
    return ", ".join(differences)


def _change(document_id: int, report_id: int | None, key: tuple, what: str, detail: str = "") -> ReportChange:
    region, report_date, start, end = key
    return ReportChange(document_id, report_id, region, report_date, f"{start}–{end}", what, detail)
