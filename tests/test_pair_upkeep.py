"""The pairs kept in source_pair (revision 0008) equal revision 0006's cross_pair computed from
scratch, and the tallies its cross_check counted: after two ingests at once of overlapping folders,
after reparse with a changed figure, and after deleting documents with SQL from a plain client
(SQLite without foreign keys; psycopg) — on SQLite and PostgreSQL, with 10,000 pages of the
benchmark corpus ingested once per database and reused by every test of the module.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from archive_process import finish, start_together, summary_counts
from sqlalchemy import event, text

from archive.query import check, cross_summary, districts, list_reports, places, series
from archive.report.data import Scope, gather
from archive.store import database_url, open_archive, reparse
from archive.store.pairs import PAIR_COLUMNS

PAGES = 10_000
ROOT = Path(__file__).resolve().parent.parent


def _revision_0006():
    spec = importlib.util.spec_from_file_location("revision_0006", ROOT / "migrations" / "versions" / "0006_cross_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The view of revision 0006: every pair computed from the reports, at every read.
FROM_SCRATCH = _revision_0006().CROSS_PAIR.partition("CREATE VIEW cross_pair AS")[2]
COLUMNS = ", ".join(PAIR_COLUMNS)
KEPT = f"SELECT {COLUMNS} FROM cross_pair"
SCRATCH = f"SELECT {COLUMNS} FROM ({FROM_SCRATCH}) scratch"
SCRATCH_TALLIES = f"""
    SELECT region, parent_region, COUNT(*), SUM(CASE WHEN figure = parent_figure THEN 1 ELSE 0 END)
    FROM ({FROM_SCRATCH}) scratch WHERE same_window GROUP BY region, parent_region
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(folder), "--count", str(PAGES)],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def archive_url(module_db_url, corpus) -> str:
    """The corpus ingested by two processes at once, on two overlapping halves of its folders (each
    folder that holds pages, read without --recursive: the corpus nests a city's districts in it)."""
    open_archive(module_db_url).dispose()
    folders = sorted(Path(root) for root, _, files in os.walk(corpus) if files)
    assert len(folders) >= 4
    overlap = len(folders) // 4
    first, second = folders[: len(folders) // 2 + overlap], folders[len(folders) // 2 - overlap :]
    processes = start_together(
        ["--db", module_db_url, "ingest", *first],
        ["--db", module_db_url, "ingest", *reversed(second)],
    )
    results = [finish(process, timeout=600) for process in processes]
    assert [(code, stderr) for code, _, stderr in results] == [(0, ""), (0, "")]
    new, skipped, failed = (sum(column) for column in zip(*(summary_counts(out) for _, out, _ in results)))
    assert (new, failed) == (PAGES, 0)
    assert skipped > 0  # the folders both took
    return module_db_url


@pytest.fixture
def engine(archive_url):
    engine = open_archive(archive_url)
    yield engine
    engine.dispose()


def rows(engine, sql: str, **values) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), values)]


def assert_kept_pairs_are_computed_from_scratch(engine) -> int:
    """The pairs as the archive's readers see them equal revision 0006's from-scratch computation,
    and so do the tallies an unfiltered check --summary reads; the number of pairs."""
    summary = cross_summary(engine)  # a reader: brings the marked days up to date first
    assert rows(engine, "SELECT count(*) FROM source_pair_stale") == [(0,)]
    assert rows(engine, f"{KEPT} EXCEPT {SCRATCH}") == []
    assert rows(engine, f"{SCRATCH} EXCEPT {KEPT}") == []
    [(kept,)] = rows(engine, "SELECT count(*) FROM cross_pair")
    assert rows(engine, f"SELECT count(*) FROM ({FROM_SCRATCH}) scratch") == [(kept,)]
    tallies = sorted((r["region"], r["compared_with"], r["pairs"], r["agreeing"]) for r in summary)
    assert tallies == sorted(rows(engine, SCRATCH_TALLIES))
    return kept


def test_pairs_after_two_ingests_at_once(engine):
    pairs = assert_kept_pairs_are_computed_from_scratch(engine)
    levels = dict(rows(engine, "SELECT level_pair, count(*) FROM cross_pair GROUP BY level_pair"))
    assert pairs > PAGES and set(levels) == {"district/city", "city/province"}
    disagreeing = rows(engine, "SELECT count(*) FROM cross_check WHERE NOT agree")[0][0]
    assert 0 < disagreeing < pairs / 10  # the corpus misprints a few figures of the lists


def test_pairs_after_reparse_with_a_changed_figure(engine):
    """A city's confirmed figure is changed in its stored text; reparse reads it, and its pairs change."""
    report_id, document_id, figure, start, end = rows(
        engine,
        """SELECT p.report_id, r.document_id, p.figure, r.span_start, r.span_end FROM cross_check p
           JOIN report r ON r.id = p.report_id
           WHERE p.level_pair = 'city/province' AND p.case_type = 'confirmed' AND p.agree AND p.figure > 0
           ORDER BY p.report_id LIMIT 1""",
    )[0]
    [(page,)] = rows(engine, "SELECT text FROM document WHERE id = :id", id=document_id)
    sentence = page[start:end]
    changed = re.sub(rf"确诊病例{figure}例", f"确诊病例{figure + 1}例", sentence, count=1)
    assert changed != sentence
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE document SET text = :text WHERE id = :id"), {"text": page[:start] + changed + page[end:], "id": document_id}
        )
    summary = reparse(engine)
    assert summary.count("changed") == 1
    assert rows(engine, "SELECT local_confirmed FROM report WHERE id = :id", id=report_id) == [(figure + 1,)]
    assert_kept_pairs_are_computed_from_scratch(engine)
    assert rows(
        engine, "SELECT figure, agree FROM cross_check WHERE report_id = :id AND case_type = 'confirmed'", id=report_id
    ) == [(figure + 1, False)]


def documents_to_delete(engine) -> list[int]:
    """A province's bulletin (the upper report of many pairs) and a district post (lower reports)."""
    return [
        rows(engine, f"""SELECT r.document_id FROM cross_pair p JOIN report r ON r.id = p.{column}
                         WHERE p.level_pair = '{level_pair}' GROUP BY r.document_id
                         ORDER BY count(*) DESC, r.document_id LIMIT 1""")[0][0]
        for column, level_pair in (("parent_report_id", "city/province"), ("report_id", "district/city"))
    ]  # fmt: skip


def test_pairs_after_deleting_documents_with_sql_from_a_plain_client(engine, archive_url):
    before = assert_kept_pairs_are_computed_from_scratch(engine)
    doomed = documents_to_delete(engine)
    reports = [report_id for (report_id,) in rows(engine, f"SELECT id FROM report WHERE document_id IN ({doomed[0]}, {doomed[1]})")]
    url = database_url(archive_url)
    if url.get_backend_name() == "sqlite":  # the sqlite3 module, as the sqlite3 shell: foreign keys off
        connection = sqlite3.connect(url.database)
        assert connection.execute("PRAGMA foreign_keys").fetchone() == (0,)
    else:  # psycopg, as psql
        connection = psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
    with connection:
        for document_id in doomed:
            connection.execute(f"DELETE FROM document WHERE id = {document_id}")
    connection.close()

    after = assert_kept_pairs_are_computed_from_scratch(engine)
    assert after < before
    listed = ", ".join(map(str, reports))
    assert rows(engine, f"SELECT count(*) FROM cross_pair WHERE report_id IN ({listed}) OR parent_report_id IN ({listed})") == [(0,)]
    for table in ("district_count", "channel_count", "notice", "place"):  # nothing of them is left behind
        assert rows(engine, f"SELECT count(*) FROM {table} WHERE report_id IN ({listed})") == [(0,)]
    assert rows(engine, f"SELECT count(*) FROM provenance WHERE document_id IN ({doomed[0]}, {doomed[1]})") == [(0,)]
    assert [finding for finding in check(engine) if set(finding["report_ids"]) & set(reports)] == []


# A pass over a table of the archive (by its name or the alias a view's query gives it: r, d, …), but
# not over a subquery's rows, the tallies or a partial index of the few documents without reports.
_WHOLE_TABLE = {
    "sqlite": re.compile(r"^SCAN (?!\(|anon_|ranked|source_pair_tally\b)\w+\b(?! USING INDEX ix_document_unreported)"),
    "postgresql": re.compile(r"Seq Scan on (?!source_pair_tally\b)\w+"),
}


def whole_table_reads(engine, read) -> list[str]:
    """The lines of the query plans of the statements ``read`` runs (but those that take one row,
    with LIMIT) that read a whole table of the archive. PostgreSQL plans with sequential scans
    turned off: at 10,000 pages its planner rightly prefers them to an index for a few hundred
    rows, so what is checked is that an index leads to the rows (a query no index serves still
    shows its sequential scan)."""
    statements = []

    def record(_connection, _cursor, statement, parameters, _context, executemany):
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")) and "LIMIT" not in statement:
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        read()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    dialect = engine.dialect.name
    with engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()
        if dialect == "postgresql":
            cursor.execute("SET enable_seqscan = off")
        scans = []
        for statement, parameters in statements:
            cursor.execute(("EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN ") + statement, parameters)
            lines = [row[-1] if dialect == "sqlite" else row[0] for row in cursor.fetchall()]
            scans += [line.strip() for line in lines if _WHOLE_TABLE[dialect].search(line.strip())]
        cursor.close()
    assert statements
    return scans


def test_reads_with_a_region_or_a_district_select_through_indexes(engine):
    [(region,)] = rows(engine, "SELECT region FROM report WHERE region_level = 'city' GROUP BY region ORDER BY count(*) DESC, region LIMIT 1")
    [(district,)] = rows(engine, "SELECT district FROM place GROUP BY district ORDER BY count(*) DESC, district LIMIT 1")
    month = {"date_from": "2022-03-01", "date_to": "2022-03-31"}
    reads = {
        "check --region": lambda: list(check(engine, region=region)),
        "check --summary --region": lambda: cross_summary(engine, region=region),
        "check --summary": lambda: cross_summary(engine),
        "reports": lambda: list_reports(engine, region=region, **month),
        "districts": lambda: districts(engine, region=region, **month),
        "series": lambda: series(engine, region=region),
        "places --district": lambda: places(engine, district=district, **month),
        "report --region": lambda: gather(engine, Scope(region=region), dt.datetime.now(dt.UTC)),
    }
    assert {name: whole_table_reads(engine, read) for name, read in reads.items()} == dict.fromkeys(reads, [])
