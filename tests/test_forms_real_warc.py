"""All of ../shared/real written into one web archive (WARC.gz) gives what the pages give as files.

Each page is a text/plain response captured the day after its page's date (the day a Shanghai
file's name counts, a province item's publication day). The same archive ingested again stores
nothing; a second archive holding ten of the pages adds ten places found and no document.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner
from make_forms import web_archive
from shared_paths import SHARED

from archive.cli import main

REAL = SHARED / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real (the real pages) is absent")
PAGE_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")

REPORTS = """
SELECT d.sha256, r.seq, r.region, r.region_level, r.region_code, r.report_date, r.window_start_hour, r.window_end_hour,
       r.local_confirmed, r.local_asymptomatic, r.local_positive, r.initial_positive, r.imported_confirmed,
       r.imported_asymptomatic, r.converted, r.consistent, r.headline, r.span_start, r.span_end
FROM report r JOIN document d ON d.id = r.document_id ORDER BY d.sha256, r.seq
"""
ROWS = {
    "district_count": "case_type, city, district, count",
    "channel_count": "case_type, channel, label, count",
    "notice": "ordinal, title, body",
    "place": "case_type, city, district, name, cases",
}


def pages() -> list:
    """(url, text, capture time) of every real page."""
    found = []
    for path in sorted(REAL.rglob("*.txt")):
        year, month, day = map(int, PAGE_DATE.search(path.name).groups())
        captured = dt.datetime(year, month, day, 8, tzinfo=dt.UTC) + dt.timedelta(days=1)
        found.append((f"https://archive.example.org/real/{path.relative_to(REAL)}", path.read_text(encoding="utf-8"), captured))
    return found


def run(db_url, *args):
    result = CliRunner().invoke(main, ["--db", db_url, *map(str, args)])
    return result


def sql(db_url, statement: str) -> list[dict]:
    result = run(db_url, "sql", "--format", "json", "--", statement)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stored(db_url) -> dict:
    """Every report and every row of the archive, keyed by the document's bytes (sha256) and the report's seq."""
    reports = [{**report, "consistent": bool(report["consistent"])} for report in sql(db_url, REPORTS)]
    everything = {"report": reports}
    for table, columns in ROWS.items():
        everything[table] = sql(
            db_url,
            f"SELECT d.sha256, r.seq, {', '.join('t.' + c for c in columns.split(', '))} FROM {table} t "
            f"JOIN report r ON r.id = t.report_id JOIN document d ON d.id = r.document_id "
            f"ORDER BY d.sha256, r.seq, {', '.join('t.' + c for c in columns.split(', '))}",
        )
    return everything


@pytest.fixture(scope="module")
def web_archives(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc")
    every_page = pages()
    (folder / "real.warc.gz").write_bytes(web_archive(every_page, extras=False))
    (folder / "ten.warc.gz").write_bytes(web_archive(every_page[100:110], extras=False))
    return folder, len(every_page)


@pytest.fixture(scope="module")
def as_files(tmp_path_factory):
    """What the pages give ingested as files (SQLite; test_real_archive.py checks them on their own)."""
    db = str(tmp_path_factory.mktemp("files") / "archive.db")
    result = run(db, "ingest", "-r", REAL)
    assert result.exit_code == 0, result.output
    return stored(db)


def test_the_pages_in_a_web_archive_give_what_the_files_give(db_url, web_archives, as_files):
    folder, count = web_archives

    first = run(db_url, "ingest", folder / "real.warc.gz")

    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"documents: {count} new")
    assert stored(db_url) == as_files
    assert sql(db_url, "SELECT count(*) AS n, count(DISTINCT document_id) AS documents, count(captured_at) AS captured FROM provenance") == [
        {"n": count, "documents": count, "captured": count}
    ]

    passed_over = f"web archive records passed over: {count + 1} ({count} request, 1 warcinfo)\n"
    again = run(db_url, "ingest", folder / "real.warc.gz")
    assert again.stdout == f"documents: 0 new, {count} skipped, 0 failed\n{passed_over}reports: 0\nproblems: 0\n"
    assert sql(db_url, "SELECT count(*) AS n FROM provenance") == [{"n": count}]

    ten = run(db_url, "ingest", folder / "ten.warc.gz")
    assert ten.stdout == (
        "documents: 0 new, 10 skipped, 0 failed\ndocuments stored before, found in a new place: 10\n"
        "web archive records passed over: 11 (10 request, 1 warcinfo)\nreports: 0\nproblems: 0\n"
    )
    assert sql(db_url, "SELECT count(*) AS n FROM provenance") == [{"n": count + 10}]
    assert sql(db_url, "SELECT count(*) AS n FROM document") == [{"n": count}]
