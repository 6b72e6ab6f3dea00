"""Reparse after a parser upgrade: ids kept for unchanged identities, every change listed."""

import dataclasses
import datetime as dt

from sqlalchemy import event, select

from archive.parse import parse_document
from archive.sources import document_from_bytes
from archive.store import ingest, ingestion, reparse
from archive.store.models import DistrictCount, Notice, Report

TWO_DAYS = (
    "2022年12月3日0—14时,哈尔滨市新增本土新冠病毒无症状感染者57例。南岗区50例、香坊区7例。\n"
    "2022年12月4日0—14时,哈尔滨市新增本土新冠病毒无症状感染者12例。道里区12例。\n"
)


def upgraded_parser(text, hints):
    """A 'new parser version': reads 57 as 58 on day 3, drops day 4, finds a day 5."""
    parsed = parse_document(text, hints)
    day3, day4 = parsed.reports
    day3 = dataclasses.replace(day3, local_asymptomatic=58, districts=[dataclasses.replace(day3.districts[0], count=51), day3.districts[1]])
    day5 = dataclasses.replace(day4, report_date=dt.date(2022, 12, 5), seq=2, districts=list(day4.districts))
    return dataclasses.replace(parsed, reports=[day3, day5])


def reports(engine):
    with engine.connect() as connection:
        return {
            row.report_date.isoformat(): (row.id, row.local_asymptomatic)
            for row in connection.execute(select(Report.id, Report.report_date, Report.local_asymptomatic))
        }


def test_reparse_keeps_ids_and_lists_what_changed(engine, monkeypatch):
    ingest(engine, [document_from_bytes("two-days.txt", TWO_DAYS.encode())])
    before = reports(engine)
    assert {day: total for day, (_, total) in before.items()} == {"2022-12-03": 57, "2022-12-04": 12}

    unchanged = reparse(engine)
    assert (unchanged.documents, unchanged.reports, unchanged.changes) == (1, 2, [])
    assert reports(engine) == before

    monkeypatch.setattr(ingestion, "parse_document", upgraded_parser)
    summary = reparse(engine)
    after = reports(engine)
    assert after["2022-12-03"] == (before["2022-12-03"][0], 58)  # same id, new figure
    assert "2022-12-04" not in after and after["2022-12-05"][1] == 12
    assert [(c.what, c.report_id, c.report_date, c.detail) for c in summary.changes] == [
        ("removed", before["2022-12-04"][0], "2022-12-04", ""),
        ("changed", before["2022-12-03"][0], "2022-12-03", "local_asymptomatic 57 → 58"),
        ("added", None, "2022-12-05", ""),
    ]
    with engine.connect() as connection:
        districts = connection.execute(
            select(DistrictCount.district, DistrictCount.count).where(DistrictCount.report_id == before["2022-12-03"][0])
        ).all()
    assert sorted(districts) == [("南岗区", 51), ("香坊区", 7)]

    assert reparse(engine).changes == []  # idempotent


def writes_during(engine, action) -> list[tuple[str, int]]:
    """(statement's first three words, rows) of every INSERT, UPDATE and DELETE that ``action`` runs."""
    writes = []

    def record(connection, cursor, statement, parameters, context, executemany):
        words = " ".join(statement.split()[:3]).upper()
        if words.startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append((words, len(parameters) if executemany else 1))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return writes


def test_reparse_writes_only_what_the_new_parse_changes(engine, monkeypatch):
    page = TWO_DAYS + "一是请主动报备行程。二是请规范佩戴口罩。\n"
    ingest(engine, [document_from_bytes("two-days.txt", page.encode())])

    assert writes_during(engine, lambda: reparse(engine)) == []

    def reworded_notice(text, hints):
        parsed = parse_document(text, hints)
        day3, day4 = parsed.reports
        notices = [dataclasses.replace(day4.notices[0], title="请主动报备")] + day4.notices[1:]
        return dataclasses.replace(parsed, reports=[day3, dataclasses.replace(day4, notices=notices)])

    monkeypatch.setattr(ingestion, "parse_document", reworded_notice)
    summaries = []
    writes = writes_during(engine, lambda: summaries.append(reparse(engine)))

    assert summaries[0].changes == []  # figures, areas and channels are the same
    assert ("UPDATE REPORT SET", 1) in writes  # day 4 only
    assert not any(words.startswith("UPDATE DOCUMENT") for words, _ in writes)  # its text is the same
    with engine.connect() as connection:
        titles = connection.execute(select(Notice.title).order_by(Notice.ordinal)).scalars().all()
    assert titles == ["请主动报备", "请规范佩戴口罩"]
