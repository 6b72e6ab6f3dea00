"""Ingest and reparse: idempotent, one transaction per document, failures recorded."""

import datetime as dt
import hashlib
import json

import pytest
from fake_parse import fake_parse_document
from sqlalchemy import func, select, text

from archive.parse import PARSER_VERSION
from archive.sources import InputProblem, SourceDocument, document_from_bytes
from archive.store import ingest, ingestion, reparse
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Report

BULLETIN = "12月3日0—14时,哈尔滨市新增本土新冠病毒无症状感染者57例。".encode()


@pytest.fixture(autouse=True)
def known_parser(monkeypatch):
    monkeypatch.setattr(ingestion, "parse_document", fake_parse_document)


def source(raw: bytes, name: str = "bulletin.txt"):
    return document_from_bytes(name, raw)


def unreadable_source(name: str) -> SourceDocument:
    raw = b"\x89PNG\r\n\x1a\n\x00\x00"
    error = f"{name} is not text (it looks like an image); give a bulletin's text or page"
    return SourceDocument(name, raw, hashlib.sha256(raw).hexdigest(), None, None, error)


def count(engine, model) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


def documents(engine) -> dict[str, dict]:
    with engine.connect() as connection:
        rows = connection.execute(select(Document).order_by(Document.id)).mappings()
        return {row["source"]: dict(row) for row in rows}


def test_a_document_and_all_its_rows_are_stored(engine):
    summary = ingest(engine, [source(BULLETIN)], year=2022)

    assert (summary.new, summary.skipped, summary.failed, summary.reports, summary.problems) == (1, 0, 0, 1, 1)
    document = documents(engine)["bulletin.txt"]
    assert document["status"] == "parsed"
    assert document["encoding"] == "utf-8"
    assert document["year_hint"] == 2022
    assert document["parser_version"] == PARSER_VERSION
    assert document["published_on"] == dt.date(2022, 12, 3)
    assert document["text"] == BULLETIN.decode()
    age = dt.datetime.now(dt.UTC).replace(tzinfo=None) - document["ingested_at"].replace(tzinfo=None)
    assert dt.timedelta(0) <= age < dt.timedelta(minutes=1)  # stored in UTC
    with engine.connect() as connection:
        report = connection.execute(select(Report)).mappings().one()
        districts = connection.execute(
            select(DistrictCount.district, DistrictCount.count).order_by(DistrictCount.id)
        ).all()
        notices = connection.execute(select(Notice.ordinal, Notice.title).order_by(Notice.ordinal)).all()
    assert report["local_asymptomatic"] == 57
    assert report["local_confirmed"] is None
    assert report["consistent"] is True
    assert json.loads(report["problems"]) == [
        {"code": "partial_breakdown", "message": "a breakdown covers part of its total", "span_start": 0, "span_end": 4}
    ]
    assert districts == [("南岗区", 47), ("香坊区", 10)]
    assert count(engine, ChannelCount) == 1
    assert notices == [(1, "请主动报备"), (2, "戴口罩")]


def test_the_same_bytes_twice_are_skipped(engine):
    first = ingest(engine, [source(BULLETIN, "a.txt")])
    second = ingest(engine, [source(BULLETIN, "copy-of-a.txt")])

    assert (second.new, second.skipped, second.failed) == (0, 1, 0)
    assert second.outcomes[0].document_id == first.outcomes[0].document_id
    assert second.outcomes[0].message == f"already stored as document {first.outcomes[0].document_id}"
    assert count(engine, Document) == 1
    assert count(engine, Report) == 1
    assert count(engine, DistrictCount) == 2


def test_a_failing_document_is_recorded_and_the_others_still_land(engine):
    unreadable = unreadable_source("broken.bin")
    inputs = [
        source("12月1日 数字5".encode(), "first.txt"),
        unreadable,
        source("BOOM 12月2日".encode(), "crash.txt"),
        InputProblem("missing.txt", "missing.txt does not exist; check the path and try again"),
        source("12月4日 DUPLICATE".encode(), "duplicate.txt"),
        source("12月5日 数字7".encode(), "last.txt"),
    ]
    summary = ingest(engine, inputs)

    statuses = {outcome.source: outcome.status for outcome in summary.outcomes}
    assert statuses == {
        "first.txt": "parsed",
        "broken.bin": "failed",
        "crash.txt": "failed",
        "missing.txt": "failed",
        "duplicate.txt": "failed",
        "last.txt": "parsed",
    }
    assert (summary.new, summary.failed, summary.reports) == (2, 4, 2)
    stored = documents(engine)
    assert set(stored) == {"first.txt", "broken.bin", "crash.txt", "duplicate.txt", "last.txt"}
    assert stored["broken.bin"]["status"] == "failed"
    assert stored["broken.bin"]["error"] == unreadable.error
    assert stored["broken.bin"]["text"] == ""
    assert stored["crash.txt"]["error"] == "the parser failed: RuntimeError: boom"
    assert stored["crash.txt"]["text"] == "BOOM 12月2日"  # kept, so that reparse can retry it
    assert stored["duplicate.txt"]["error"].startswith("its rows could not be stored:")
    with engine.connect() as connection:
        totals = connection.execute(
            select(Report.local_asymptomatic).order_by(Report.report_date)
        ).scalars().all()
    assert totals == [5, 7]


def test_a_bulletin_less_document_is_parsed_again_when_a_year_arrives(engine):
    no_year = source("12月6日 无通报".encode())

    assert ingest(engine, [no_year]).no_bulletin == 1
    assert ingest(engine, [no_year]).skipped == 1

    with_year = ingest(engine, [no_year], year=2022)
    assert (with_year.new, with_year.skipped, with_year.reports) == (1, 0, 1)
    assert documents(engine)["bulletin.txt"]["status"] == "parsed"
    assert documents(engine)["bulletin.txt"]["year_hint"] == 2022
    assert count(engine, Document) == 1

    assert ingest(engine, [no_year], year=2021).skipped == 1  # parsed now: never again


def test_deleting_a_document_deletes_its_rows(engine):
    ingest(engine, [source(BULLETIN)])
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM document"))
    assert [count(engine, model) for model in (Report, DistrictCount, ChannelCount, Notice)] == [0, 0, 0, 0]


def test_reparse_replaces_reports_with_the_current_parsers(engine, monkeypatch):
    ingest(engine, [source("12月3日 数字57".encode()), unreadable_source("binary.bin")])
    ingested_at = documents(engine)["bulletin.txt"]["ingested_at"]
    monkeypatch.setattr(
        ingestion, "parse_document", lambda text, hints: fake_parse_document(text.replace("57", "60"), hints)
    )

    summary = reparse(engine)
    assert (summary.documents, summary.reports, summary.failed) == (1, 1, 0)  # nothing to parse in binary.bin
    again = reparse(engine)
    assert (again.documents, again.reports) == (1, 1)

    with engine.connect() as connection:
        totals = connection.execute(select(Report.local_asymptomatic)).scalars().all()
        districts = connection.execute(select(DistrictCount.count).order_by(DistrictCount.id)).scalars().all()
    assert totals == [60]
    assert districts == [50, 10]
    assert count(engine, Notice) == 2
    assert documents(engine)["bulletin.txt"]["ingested_at"] == ingested_at
    assert documents(engine)["binary.bin"]["status"] == "failed"


def test_unreadable_files_are_each_recorded_and_fail_again_when_ingested_again(engine):
    from archive.sources.document import unreadable

    inputs = [unreadable(name, f"{name} cannot be read: permission denied") for name in ("a.txt", "b.txt")]
    first = ingest(engine, inputs)
    assert [(o.source, o.status) for o in first.outcomes] == [("a.txt", "failed"), ("b.txt", "failed")]
    assert {name: row["status"] for name, row in documents(engine).items()} == {"a.txt": "failed", "b.txt": "failed"}

    again = ingest(engine, inputs)
    assert (again.skipped, again.failed) == (0, 2)
    assert again.outcomes[0].message == "a.txt cannot be read: permission denied"
    assert count(engine, Document) == 2
