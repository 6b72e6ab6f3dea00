"""Ingest and reparse: idempotent, batched with per-document isolation, failures recorded."""

import datetime as dt
import hashlib
import json

import pytest
from fake_parse import fake_parse_document
from sqlalchemy import func, select, text

from archive.parse import PARSER_VERSION
from archive.sources import InputProblem, RawSource, SourceDocument, document_from_bytes
from archive.sources.document import raw_source
from archive.store import ingest, ingestion, reparse
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Report
from archive.store.statistics import MIN_DOCUMENTS_ADDED, refresh_statistics

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


def ingest_listing(engine, inputs, **options):
    """Ingest, and list every input's outcome (the summary keeps only the failures)."""
    outcomes = []
    summary = ingest(engine, inputs, on_outcome=outcomes.append, **options)
    return summary, outcomes


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
    _, [first] = ingest_listing(engine, [source(BULLETIN, "a.txt")])
    second, [again] = ingest_listing(engine, [source(BULLETIN, "copy-of-a.txt")])

    assert (second.new, second.skipped, second.failed) == (0, 1, 0)
    assert again.document_id == first.document_id
    assert again.message == f"already stored as document {first.document_id}"
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
    summary, outcomes = ingest_listing(engine, inputs)

    statuses = {outcome.source: outcome.status for outcome in outcomes}
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
    _, first = ingest_listing(engine, inputs)
    assert [(o.source, o.status) for o in first] == [("a.txt", "failed"), ("b.txt", "failed")]
    assert {name: row["status"] for name, row in documents(engine).items()} == {"a.txt": "failed", "b.txt": "failed"}

    again = ingest(engine, inputs)
    assert (again.skipped, again.failed) == (0, 2)
    assert again.failures[0].message == "a.txt cannot be read: permission denied"
    assert count(engine, Document) == 2


def test_a_document_refused_inside_a_batch_is_failed_with_the_reason_and_the_rest_of_the_batch_lands(engine):
    inputs = [source(f"12月{day}日 数字{day + 10}".encode(), f"day-{day}.txt") for day in range(1, 21)]
    inputs[7] = source("12月8日 DUPLICATE".encode(), "refused.txt")  # a district twice: the database refuses it

    summary = ingest(engine, inputs, batch_size=50)

    assert (summary.new, summary.failed, summary.reports) == (19, 1, 19)
    [failure] = summary.failures
    assert failure.source == "refused.txt"
    assert failure.message.startswith("its rows could not be stored:")
    assert "unique" in failure.message.lower()  # the database's own reason
    stored = documents(engine)
    assert len(stored) == 20
    assert (stored["refused.txt"]["status"], stored["refused.txt"]["error"]) == ("failed", failure.message)
    assert {row["status"] for name, row in stored.items() if name != "refused.txt"} == {"parsed"}
    assert count(engine, Report) == 19
    assert count(engine, DistrictCount) == 38


@pytest.mark.parametrize("batch_size", [1, 2, 10])
def test_the_same_bytes_twice_in_one_ingest_are_stored_once(engine, batch_size):
    inputs = [source(BULLETIN, "a.txt"), source("12月5日 数字5".encode(), "b.txt"), source(BULLETIN, "copy-of-a.txt")]

    summary, outcomes = ingest_listing(engine, inputs, batch_size=batch_size)

    assert [(o.source, o.status) for o in outcomes] == [("a.txt", "parsed"), ("b.txt", "parsed"), ("copy-of-a.txt", "skipped")]
    assert outcomes[2].document_id == outcomes[0].document_id
    assert (summary.new, summary.skipped, summary.reports) == (2, 1, 2)
    assert count(engine, Document) == 2


def test_unreadable_bytes_twice_in_one_ingest_fail_twice_and_are_stored_once(engine):
    png = b"\x89PNG\r\n\x1a\n\x00\x00"
    _, outcomes = ingest_listing(engine, [source(png, "a.png"), source(png, "b.png")])

    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert outcomes[1].message == outcomes[0].message
    assert count(engine, Document) == 1


def test_the_summary_keeps_counts_and_only_the_failed_outcomes(engine):
    summary = ingest(engine, [source(BULLETIN), InputProblem("gone.txt", "gone.txt does not exist")])

    assert (summary.new, summary.failed, summary.reports, summary.problems) == (1, 1, 1, 1)
    assert [failure.source for failure in summary.failures] == ["gone.txt"]


def test_bytes_already_stored_are_recognised_without_decoding_them(engine, monkeypatch):
    ingest(engine, [raw_source("a.txt", BULLETIN)])
    monkeypatch.setattr(RawSource, "decode", lambda self: pytest.fail("bytes already stored were decoded"))

    assert ingest(engine, [raw_source("copy-of-a.txt", BULLETIN)]).skipped == 1


def test_a_bulk_ingest_leaves_the_postgresql_planner_statistics_current(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite plans the read queries well without statistics")

    def analyzed() -> bool:  # reltuples is -1 until the first ANALYZE
        with engine.connect() as connection:
            return connection.execute(text("SELECT reltuples FROM pg_class WHERE oid = 'report'::regclass")).scalar() >= 0

    refresh_statistics(engine, MIN_DOCUMENTS_ADDED - 1)
    assert not analyzed()
    refresh_statistics(engine, MIN_DOCUMENTS_ADDED)
    assert analyzed()
