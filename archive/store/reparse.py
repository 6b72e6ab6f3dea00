"""Re-run the current parser over stored documents (after a parser upgrade)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from archive.parse.model import STATUS_FAILED
from archive.store.ingestion import parse_text
from archive.store.models import Document
from archive.store.writer import document_values, store_document


@dataclass(frozen=True)
class ReparseSummary:
    documents: int
    reports: int
    failed: int


def reparse(engine: Engine) -> ReparseSummary:
    """Parse every stored text again, replacing each document's reports in one transaction.

    Documents stored without text (unreadable inputs) have nothing to parse and
    are left as they are. Running it twice gives the same rows.
    """
    with engine.connect() as connection:
        documents = connection.execute(
            select(Document.id, Document.text, Document.year_hint)
            .where(Document.text != "")
            .order_by(Document.id)
        ).all()
    reports = failed = 0
    for document in documents:
        parsed = parse_text(document.text, document.year_hint)
        _, stored = store_document(
            engine, document_values(parsed, document.year_hint), parsed, document.id
        )
        reports += len(stored.reports)
        failed += stored.status == STATUS_FAILED
    return ReparseSummary(documents=len(documents), reports=reports, failed=failed)
