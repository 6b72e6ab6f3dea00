"""Ingest: sources in, one stored document per distinct input, idempotently."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from archive.parse import ParsedDocument, ParseHints, parse_document
from archive.parse.model import STATUS_FAILED, STATUS_NO_BULLETIN, STATUS_PARSED
from archive.sources import InputProblem, SourceDocument
from archive.store.writer import (
    DocumentAlreadyStored,
    document_values,
    find_document,
    store_document,
)

SKIPPED = "skipped"


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one input."""

    source: str
    status: str  # parsed | no_bulletin | failed | skipped
    document_id: int | None = None
    reports: int = 0
    problems: int = 0
    message: str | None = None


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def _count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def new(self) -> int:
        """Documents stored (or parsed again) without failing."""
        return self._count(STATUS_PARSED) + self._count(STATUS_NO_BULLETIN)

    @property
    def skipped(self) -> int:
        return self._count(SKIPPED)

    @property
    def failed(self) -> int:
        return self._count(STATUS_FAILED)

    @property
    def no_bulletin(self) -> int:
        return self._count(STATUS_NO_BULLETIN)

    @property
    def reports(self) -> int:
        return sum(outcome.reports for outcome in self.outcomes)

    @property
    def problems(self) -> int:
        return sum(outcome.problems for outcome in self.outcomes)

    def as_dict(self) -> dict:
        return {
            "documents": {
                "new": self.new,
                "skipped": self.skipped,
                "failed": self.failed,
                "no_bulletin": self.no_bulletin,
            },
            "reports": self.reports,
            "problems": self.problems,
            "inputs": [vars(outcome) for outcome in self.outcomes],
        }


def parse_source(source: SourceDocument, year: int | None = None) -> ParsedDocument:
    """Parse one source; an unreadable source or a parser crash gives a failed document."""
    if source.error is not None or source.text is None:
        return ParsedDocument(text="", status=STATUS_FAILED, error=source.error or "unreadable")
    return parse_text(source.text, year)


def parse_text(text: str, year: int | None) -> ParsedDocument:
    try:
        return parse_document(text, ParseHints(year=year))
    except Exception as exc:  # a parser bug in one document must not stop the others
        return ParsedDocument(
            text=text, status=STATUS_FAILED, error=f"the parser failed: {type(exc).__name__}: {exc}"
        )


def ingest(
    engine: Engine,
    sources: Iterable[SourceDocument | InputProblem],
    year: int | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> IngestSummary:
    """Store every source not stored yet; ``year`` is the hint for dates without one."""
    summary = IngestSummary()
    for item in sources:
        outcome = ingest_one(engine, item, year)
        summary.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return summary


def ingest_one(
    engine: Engine, item: SourceDocument | InputProblem, year: int | None = None
) -> IngestOutcome:
    if isinstance(item, InputProblem):
        return IngestOutcome(item.source, STATUS_FAILED, message=item.message)
    existing = find_document(engine, item.sha256)
    if existing is not None and not _parse_again(existing.status, existing.year_hint, year):
        if item.error is not None:  # still unreadable: a failure again, not a skip
            return IngestOutcome(item.source, STATUS_FAILED, document_id=existing.id, message=item.error)
        return _skipped(item, existing.id)
    parsed = parse_source(item, year)
    values = {
        "sha256": item.sha256,
        "source": item.source,
        "encoding": item.encoding,
        "ingested_at": dt.datetime.now(dt.UTC),
        **document_values(parsed, year),
    }
    try:
        document_id, stored = store_document(
            engine, values, parsed, existing.id if existing else None
        )
    except DocumentAlreadyStored:
        return _skipped(item, find_document(engine, item.sha256).id)
    return IngestOutcome(
        source=item.source,
        status=stored.status,
        document_id=document_id,
        reports=len(stored.reports),
        problems=sum(len(report.problems) for report in stored.reports),
        message=stored.error,
    )


def _parse_again(status: str, stored_year: int | None, year: int | None) -> bool:
    """A failed or bulletin-less document is parsed again when a year hint arrives."""
    return (
        status in (STATUS_FAILED, STATUS_NO_BULLETIN) and stored_year is None and year is not None
    )


def _skipped(item: SourceDocument, document_id: int) -> IngestOutcome:
    return IngestOutcome(
        item.source,
        SKIPPED,
        document_id=document_id,
        message=f"already stored as document {document_id}",
    )
