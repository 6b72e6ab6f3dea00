"""Ingest: sources in, one stored document per distinct input, idempotently.

Inputs go in batches. One query per batch finds which of its hashes are stored
already: those bytes are neither decoded nor parsed again. The others are decoded
and parsed (in worker processes with ``jobs`` > 1, while the previous batch is
being written) and written in one transaction with per-document isolation
(writer.store_documents). Where each input was found is kept (provenance): with a new
document, in its transaction; for bytes stored before, as a place found again.
Outcomes are handed to the caller as they come; the summary keeps counts and the
failures only, so memory does not grow with the inputs.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine

from archive.parse import ParsedDocument, ParseHints, Problem, parse_document
from archive.parse.model import STATUS_FAILED, STATUS_NO_BULLETIN
from archive.sources import Found, InputProblem, PassedOver, RawSource, SourceDocument
from archive.sources import ocr
from archive.store.collector import fewer_collections
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.statistics import refresh_statistics
from archive.store.workers import BatchMapper
from archive.store.writer import (
    DocumentWrite,
    Stored,
    document_values,
    find_documents,
    record_places,
    store_documents,
)

SKIPPED = "skipped"
# Inputs per transaction: large enough that commits cost little, small enough to keep memory flat.
BATCH_SIZE = 500

Input = SourceDocument | RawSource | InputProblem | PassedOver
Readable = SourceDocument | RawSource  # an input that is a document (read already, or to be read)


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
    """Counts of what happened, and the outcomes of the inputs that failed."""

    new: int = 0  # documents stored (or parsed again) without failing
    skipped: int = 0
    failed: int = 0
    no_bulletin: int = 0
    found_again: int = 0  # places new to the archive of documents it had (skipped or copies)
    passed_over: Counter = field(default_factory=Counter)  # web archive records that are no page, by kind
    reports: int = 0
    problems: int = 0
    failures: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        if outcome.status == SKIPPED:
            self.skipped += 1
        elif outcome.status == STATUS_FAILED:
            self.failed += 1
            self.failures.append(outcome)
        else:
            self.new += 1
            self.no_bulletin += outcome.status == STATUS_NO_BULLETIN
        self.reports += outcome.reports
        self.problems += outcome.problems

    def as_dict(self) -> dict:
        return {
            "documents": {
                "new": self.new,
                "skipped": self.skipped,
                "failed": self.failed,
                "no_bulletin": self.no_bulletin,
                "found_again": self.found_again,
            },
            "records_passed_over": dict(sorted(self.passed_over.items())),
            "reports": self.reports,
            "problems": self.problems,
        }


def parse_source(source: SourceDocument, year: int | None = None) -> ParsedDocument:
    """Parse one source; an unreadable source or a parser crash gives a failed document."""
    if source.error is not None or source.text is None:
        return ParsedDocument(text="", status=STATUS_FAILED, error=source.error or "unreadable")
    reading = [Problem(problem.code, problem.message) for problem in source.problems]
    return parse_text(source.text, hints(year, source.place.captured_at), reading)


def hints(year: int | None, captured_at: dt.datetime | None) -> ParseHints:
    return ParseHints(year=year, captured_on=captured_at.date() if captured_at else None)


def parse_text(text: str, parse_hints: ParseHints, reading_problems: Sequence[Problem] = ()) -> ParsedDocument:
    """Parse a document's text; the problems of reading its bytes (OCR lines left out) are kept with its own."""
    try:
        parsed = parse_document(text, parse_hints)
    except Exception as exc:  # a parser bug in one document must not stop the others
        parsed = ParsedDocument(
            text=text, status=STATUS_FAILED, error=f"the parser failed: {type(exc).__name__}: {exc}"
        )
    return replace(parsed, problems=[*parsed.problems, *reading_problems]) if reading_problems else parsed


def ingest(
    engine: Engine,
    sources: Iterable[Input],
    year: int | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    jobs: int | None = 1,
    batch_size: int = BATCH_SIZE,
) -> IngestSummary:
    """Store every source not stored yet; ``year`` is the hint for dates without one.

    ``on_outcome`` receives each input's outcome, in input order. With ``jobs`` > 1
    inputs are decoded and parsed in that many processes (None: one per core when the
    input is large, see BatchMapper); what is stored is the same.
    """
    summary = IngestSummary()
    with fewer_collections(), BatchMapper(functools.partial(prepare, year=year), jobs) as mapper:
        previous: _Batch | None = None
        for items in _batches(_counting_passed_over(sources, summary), batch_size):
            batch = _plan(engine, items, year, previous.writes if previous else {}, mapper)
            if previous is not None:
                _finish(engine, previous, year, summary, on_outcome)
            previous = batch
        if previous is not None:
            _finish(engine, previous, year, summary, on_outcome)
    refresh_statistics(engine, summary.new)
    bring_pairs_up_to_date(engine)  # the pairs of the new reports' days, now rather than at the next read
    return summary


def _counting_passed_over(sources: Iterable[Input], summary: IngestSummary) -> Iterator[Input]:
    for item in sources:
        if isinstance(item, PassedOver):
            summary.passed_over[item.kind] += 1
        else:
            yield item


@dataclass(frozen=True)
class Prepared:
    """An input decoded and parsed: what a worker process sends back."""

    encoding: str | None
    source_error: str | None  # why the bytes could not be read or decoded
    parsed: ParsedDocument


def prepare(item: Readable, year: int | None) -> Prepared:
    source = item.decode() if isinstance(item, RawSource) else item
    return Prepared(source.encoding, source.error, parse_source(source, year))


@dataclass
class _Write:
    """An input to store, then what became of it."""

    item: Readable
    replaces: int | None  # the stored document read again (a year hint arrived, or OCR was installed)
    prepared: Prepared | None = None
    stored: Stored | None = None


@dataclass(frozen=True)
class _Copy:
    """An input with the bytes of an earlier input of this ingest that is being stored."""

    place: Found
    original: _Write


@dataclass(frozen=True)
class _Again:
    """An input whose bytes are stored already: its outcome, and where it was found this time."""

    outcome: IngestOutcome
    place: Found
    first_place: bool  # the place the document was stored from (kept with it: no need to look)


@dataclass
class _Batch:
    entries: list[IngestOutcome | _Write | _Copy | _Again]  # one per input, in input order
    writes: dict[str, _Write]  # by sha256
    prepared: Callable[[], list[Prepared]]  # waits for the writes' decoding and parsing


def _batches(items: Iterable[Input], size: int) -> Iterator[list[Input]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _plan(
    engine: Engine, items: list[Input], year: int | None, in_flight: dict[str, _Write], mapper: BatchMapper
) -> _Batch:
    """Decide what to do with each input (one look-up for the batch) and start parsing."""
    stored = find_documents(engine, [item.sha256 for item in items if not isinstance(item, InputProblem)])
    entries: list[IngestOutcome | _Write | _Copy | _Again] = []
    writes: dict[str, _Write] = {}
    for item in items:
        if isinstance(item, InputProblem):
            entries.append(IngestOutcome(item.source, STATUS_FAILED, message=item.message))
        elif (original := writes.get(item.sha256) or in_flight.get(item.sha256)) is not None:
            entries.append(_Copy(item.place, original))
        elif (existing := stored.get(item.sha256)) is not None and not _read_again(existing, year):
            entries.append(_Again(_unchanged(item, existing), item.place, item.source == existing.source))
        else:
            writes[item.sha256] = _Write(item, existing.id if existing is not None else None)
            entries.append(writes[item.sha256])
    return _Batch(entries, writes, mapper.submit([write.item for write in writes.values()]))


def _finish(
    engine: Engine,
    batch: _Batch,
    year: int | None,
    summary: IngestSummary,
    on_outcome: Callable[[IngestOutcome], None] | None,
) -> None:
    """Store the batch's documents, then hand on every input's outcome."""
    writes = list(batch.writes.values())
    for write, prepared in zip(writes, batch.prepared(), strict=True):
        write.prepared = prepared
    results = store_documents(engine, [_document_write(write, year) for write in writes])
    for write, stored in zip(writes, results, strict=True):
        write.stored = stored
    summary.found_again += record_places(engine, list(_places_found_again(batch.entries)))
    for entry in batch.entries:
        outcome = _outcome(entry)
        summary.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)


def _places_found_again(entries: list[IngestOutcome | _Write | _Copy | _Again]) -> Iterator[dict]:
    """Where documents the archive had (or another ingest stored meanwhile) were found this time."""
    for entry in entries:
        if isinstance(entry, _Again) and not entry.first_place:
            yield _place_values(entry.outcome.document_id, entry.place)
        elif isinstance(entry, _Copy):
            yield _place_values(entry.original.stored.document_id, entry.place)
        elif isinstance(entry, _Write) and (entry.replaces is not None or entry.stored.already_stored):
            yield _place_values(entry.stored.document_id, entry.item.place)


def _place_values(document_id: int | None, place: Found) -> dict:
    return {"document_id": document_id, **_place_columns(place)}


def _place_columns(place: Found) -> dict:
    return {"container": place.container, "origin": place.origin, "captured_at": place.captured_at}


def _document_write(write: _Write, year: int | None) -> DocumentWrite:
    prepared = write.prepared
    values = {
        "sha256": write.item.sha256,
        "source": write.item.source,
        "encoding": prepared.encoding,
        "ingested_at": dt.datetime.now(dt.UTC),
        **document_values(prepared.parsed, year),
    }
    return DocumentWrite(values, prepared.parsed, _place_columns(write.item.place), write.replaces)


def _outcome(entry: IngestOutcome | _Write | _Copy | _Again) -> IngestOutcome:
    if isinstance(entry, IngestOutcome):
        return entry
    if isinstance(entry, _Again):
        return entry.outcome
    if isinstance(entry, _Copy):
        original = entry.original
        if original.prepared.source_error is not None:  # unreadable bytes: a failure again, not a skip
            return IngestOutcome(
                entry.place.source, STATUS_FAILED, original.stored.document_id, message=original.prepared.source_error
            )
        return _skipped(entry.place.source, original.stored.document_id)
    stored = entry.stored
    if stored.already_stored:
        return _skipped(entry.item.source, stored.document_id)
    return IngestOutcome(
        source=entry.item.source,
        status=stored.parsed.status,
        document_id=stored.document_id,
        reports=len(stored.parsed.reports),
        problems=len(stored.parsed.problems) + sum(len(report.problems) for report in stored.parsed.reports),
        message=stored.parsed.error,
    )


def _unchanged(item: Readable, existing) -> IngestOutcome:
    """An input whose bytes are stored already and need no new reading: bytes that could not be
    read are a failure again (with the reason stored), not a skip."""
    if existing.status == STATUS_FAILED and existing.unread:
        return IngestOutcome(item.source, STATUS_FAILED, document_id=existing.id, message=existing.error)
    return _skipped(item.source, existing.id)


def _read_again(existing, year: int | None) -> bool:
    """A failed or bulletin-less document is parsed again when a year hint arrives, and a picture
    that failed for want of OCR is read once OCR is installed."""
    if existing.status == STATUS_FAILED and existing.unread and ocr.missing_ocr(existing.error):
        return ocr.ocr_installed()
    return (
        existing.status in (STATUS_FAILED, STATUS_NO_BULLETIN) and existing.year_hint is None and year is not None
    )


def _skipped(source: str, document_id: int) -> IngestOutcome:
    return IngestOutcome(source, SKIPPED, document_id=document_id, message=f"already stored as document {document_id}")
