"""Two `archive` processes at once on one database: each document is stored once and nothing fails."""

from archive_process import (
    duplicate_reports,
    expected_counts,
    finish,
    query,
    start_together,
    statuses,
    summary_counts,
    table_counts,
    write_bulletins,
)

from archive.store import head_revision, open_archive


def test_two_ingests_of_overlapping_inputs_store_each_document_once(db_url, tmp_path):
    open_archive(db_url).dispose()  # created first: creating it in a race is the next test's subject
    common = write_bulletins(tmp_path / "common", range(800))
    write_bulletins(tmp_path / "first", range(800, 1000))
    write_bulletins(tmp_path / "second", range(1000, 1200))

    # The second takes the common files in reverse order, so the two meet in the middle.
    processes = start_together(
        ["--db", db_url, "ingest", tmp_path / "common", tmp_path / "first"],
        ["--db", db_url, "ingest", *reversed(common), tmp_path / "second"],
    )

    results = [finish(process) for process in processes]
    assert [(code, stderr) for code, _, stderr in results] == [(0, ""), (0, "")]
    counts = [summary_counts(stdout) for _, stdout, _ in results]
    assert [sum(column) for column in zip(*counts)] == [1200, 800, 0]  # new, skipped, failed
    assert table_counts(db_url) == expected_counts(1200)
    assert statuses(db_url) == {"parsed": 1200}
    assert duplicate_reports(db_url) == []


def test_processes_opening_a_brand_new_database_together_all_create_it(db_url, tmp_path):
    paths = write_bulletins(tmp_path / "bulletins", range(3))

    processes = start_together(*(["--db", db_url, "ingest", path] for path in paths))

    results = [finish(process) for process in processes]
    assert [(code, stderr) for code, _, stderr in results] == [(0, "")] * 3
    assert query(db_url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert table_counts(db_url) == expected_counts(3)
