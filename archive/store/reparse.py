"""Re-run the current parser over stored documents (after a parser upgrade).

A report keeps its id while its identity — document, region, date and window —
is unchanged, so that ids users noted (``archive show 12``) still point at the
same bulletin; its figures and rows are replaced by the new parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, delete, select, update

from archive.parse import ParsedDocument
from archive.parse import Report as ParsedReport
from archive.parse.model import STATUS_FAILED
from archive.store.ingestion import parse_text
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Report
from archive.store.writer import document_values, insert_children, insert_reports, report_values

# Columns compared to tell whether a report's figures changed.
FIGURES = (
    "local_confirmed",
    "local_asymptomatic",
    "local_positive",
    "initial_positive",
    "imported_confirmed",
    "imported_asymptomatic",
    "converted",
)
_CHILDREN = ((DistrictCount, "districts"), (ChannelCount, "channels"), (Notice, "notices"))


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


def reparse(engine: Engine) -> ReparseSummary:
    """Parse every stored text again; each document is rewritten in its own transaction.

    Documents stored without text (unreadable inputs) have nothing to parse and
    are left as they are. Running it twice changes nothing the second time.
    """
    with engine.connect() as connection:
        documents = connection.execute(
            select(Document.id, Document.text, Document.year_hint).where(Document.text != "").order_by(Document.id)
        ).all()
    summary = ReparseSummary(documents=len(documents))
    for document in documents:
        parsed = parse_text(document.text, document.year_hint)
        with engine.begin() as connection:
            changes = _rewrite(connection, document.id, document.year_hint, parsed)
        summary.changes.extend(changes)
        summary.reports += len(parsed.reports)
        summary.failed += parsed.status == STATUS_FAILED
    return summary


def _identity(region: str, report_date, start: int, end: int) -> tuple:
    return (region, str(report_date), start, end)


def _rewrite(connection: Connection, document_id: int, year_hint: int | None, parsed: ParsedDocument) -> list:
    values = document_values(parsed, year_hint)
    connection.execute(update(Document).where(Document.id == document_id), values)
    stored = {
        _identity(row.region, row.report_date, row.window_start_hour, row.window_end_hour): row
        for row in connection.execute(select(*Report.__table__.columns).where(Report.document_id == document_id))
    }
    fresh = {_identity(r.region, r.report_date, r.window_start_hour, r.window_end_hour): r for r in parsed.reports}
    changes = []

    removed = [row for key, row in stored.items() if key not in fresh]
    if removed:
        connection.execute(delete(Report).where(Report.id.in_([row.id for row in removed])))
        changes += [_change(document_id, row.id, key, "removed") for key, row in stored.items() if key not in fresh]

    kept = {key: row for key, row in stored.items() if key in fresh}
    if kept:
        # Free the (document_id, seq) pairs first: the new parse may number reports differently.
        connection.execute(update(Report).where(Report.id.in_([row.id for row in kept.values()])).values(seq=-Report.id))
    for key, row in kept.items():
        report = fresh[key]
        difference = _figure_difference(row, report) or _row_difference(connection, row.id, report)
        connection.execute(update(Report).where(Report.id == row.id).values(report_values(document_id, report)))
        for model, _ in _CHILDREN:
            connection.execute(delete(model).where(model.report_id == row.id))
        if difference:
            changes.append(_change(document_id, row.id, key, "changed", difference))
    insert_children(connection, [row.id for row in kept.values()], [fresh[key] for key in kept])

    added = [report for key, report in fresh.items() if key not in stored]
    insert_reports(connection, document_id, added)
    changes += [_change(document_id, None, key, "added") for key in fresh if key not in stored]
    return changes


def _figure_difference(row, report: ParsedReport) -> str:
    return ", ".join(
        f"{name} {getattr(row, name)} → {getattr(report, name)}"
        for name in FIGURES
        if getattr(row, name) != getattr(report, name)
    )


def _row_difference(connection: Connection, report_id: int, report: ParsedReport) -> str:
    """Which of a report's area and channel rows the new parse changes."""
    differences = []
    for model, attribute, columns in (
        (DistrictCount, "districts", ("case_type", "city", "district", "count")),
        (ChannelCount, "channels", ("case_type", "channel", "label", "count")),
    ):
        table = model.__table__
        old = sorted(tuple(r) for r in connection.execute(select(*(table.c[c] for c in columns)).where(table.c.report_id == report_id)))
        new = sorted(tuple(getattr(item, c) for c in columns) for item in getattr(report, attribute))
        if old != new:
            differences.append(f"{attribute}: {len(old)} rows → {len(new)} rows" if len(old) != len(new) else f"{attribute} changed")
    return ", ".join(differences)


def _change(document_id: int, report_id: int | None, key: tuple, what: str, detail: str = "") -> ReportChange:
    region, report_date, start, end = key
    return ReportChange(document_id, report_id, region, report_date, f"{start}–{end}", what, detail)
