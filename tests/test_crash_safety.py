"""An ingest killed with SIGKILL in the middle leaves a sound database, and running it again completes it."""

import signal
import time

from archive_process import (
    ROWS_PER_BULLETIN,
    duplicate_reports,
    expected_counts,
    finish,
    query,
    start_archive,
    statuses,
    summary_counts,
    table_counts,
    write_bulletins,
)

from archive.store import open_archive

FILES = 5000


def wait_for_documents(db: str, process, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not query(db, "SELECT count(*) FROM document")[0][0]:
        assert process.poll() is None, f"the ingest ended before it could be killed: {process.communicate()}"
        assert time.monotonic() < deadline, "no document was stored in time"
        time.sleep(0.02)


def half_written_documents(db: str) -> list[int]:
    """Documents stored without all their rows.

    Every bulletin written here gives exactly one report, two district rows and one channel row
    (ROWS_PER_BULLETIN), so a document with any other number of them was cut off mid-write.
    """
    documents = [row[0] for row in query(db, "SELECT id FROM document")]
    rows = {}
    for table in ROWS_PER_BULLETIN:
        join = "" if table == "report" else f" JOIN {table} c ON c.report_id = r.id"
        rows[table] = dict(query(db, f"SELECT r.document_id, count(*) FROM report r{join} GROUP BY r.document_id"))
    return [
        document
        for document in documents
        if any(rows[table].get(document, 0) != count for table, count in ROWS_PER_BULLETIN.items())
    ]


def test_an_ingest_killed_midway_leaves_a_sound_database_and_completes_when_run_again(db_url, tmp_path):
    open_archive(db_url).dispose()  # migrated first, so that the kill lands among the documents
    folder = tmp_path / "bulletins"
    write_bulletins(folder, range(FILES))

    process = start_archive("--db", db_url, "ingest", folder)
    wait_for_documents(db_url, process)
    process.send_signal(signal.SIGKILL)
    process.communicate()

    assert process.returncode == -signal.SIGKILL
    stored = query(db_url, "SELECT count(*) FROM document")[0][0]
    assert 0 < stored < FILES, stored
    if not db_url.startswith("postgresql"):
        assert query(db_url, "PRAGMA integrity_check") == [("ok",)]
        assert query(db_url, "PRAGMA foreign_key_check") == []
    assert half_written_documents(db_url) == []
    assert table_counts(db_url) == expected_counts(stored)  # and so no row without its document

    code, stdout, stderr = finish(start_archive("--db", db_url, "ingest", folder))

    assert (code, stderr) == (0, "")
    assert summary_counts(stdout) == (FILES - stored, stored, 0)
    assert table_counts(db_url) == expected_counts(FILES)
    assert statuses(db_url) == {"parsed": FILES}
    assert duplicate_reports(db_url) == []
    assert half_written_documents(db_url) == []
