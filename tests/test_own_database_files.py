"""The archive's own database files are never inputs: skipped in a folder being walked,
refused when named, on every run (`archive ingest -r .` where archive.db lives)."""

import json
import os

from archive_process import bulletin
from click.testing import CliRunner

from archive.cli import main
from archive.sources import InputProblem, iter_sources
from archive.store import database_files

COMPANIONS = ("", "-wal", "-shm", "-journal")


def ingest_here(folder, *args):
    """`archive ingest …` run from ``folder``, with the default database (archive.db there)."""
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["ingest", "--json", *args])
    finally:
        os.chdir(cwd)


def test_ingest_of_the_archive_folder_skips_the_database_on_every_run(tmp_path):
    (tmp_path / "one.txt").write_text(bulletin(1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(bulletin(2), encoding="utf-8")

    first = ingest_here(tmp_path, "-r", ".")
    again = ingest_here(tmp_path, "-r", ".")

    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["documents"] == {"new": 2, "skipped": 0, "failed": 0, "no_bulletin": 0, "found_again": 0}
    assert (tmp_path / "archive.db").is_file()
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["documents"] == {"new": 0, "skipped": 2, "failed": 0, "no_bulletin": 0, "found_again": 0}
    assert [item["source"] for item in json.loads(again.output)["inputs"]] == ["./one.txt", "./two.txt"]


def test_a_named_database_file_is_refused_with_the_reason(tmp_path):
    (tmp_path / "one.txt").write_text(bulletin(1), encoding="utf-8")
    ingest_here(tmp_path, "one.txt")

    result = ingest_here(tmp_path, "archive.db", "one.txt")

    assert result.exit_code == 1
    summary = json.loads(result.output)
    assert summary["documents"] == {"new": 0, "skipped": 1, "failed": 1, "no_bulletin": 0, "found_again": 0}
    refused = summary["inputs"][0]
    assert refused["source"] == "archive.db"
    assert refused["message"] == (
        "archive.db is a file of the archive's own database (--db), not a bulletin; leave it out"
    )


def test_every_file_of_a_sqlite_archive_is_excluded_from_a_walk(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for suffix in COMPANIONS:
        (folder / "sub" / f"bulletins.sqlite{suffix}").write_bytes(b"SQLite format 3\x00")
    (folder / "sub" / "bulletins.sqlite.txt").write_text(bulletin(3), encoding="utf-8")
    own = database_files(str(folder / "sub" / "bulletins.sqlite"))

    items = list(iter_sources([str(folder)], recursive=True, excluded=own))
    named = list(iter_sources([str(folder / "sub" / "bulletins.sqlite-shm")], excluded=own))

    assert [item.source for item in items] == [str(folder / "sub" / "bulletins.sqlite.txt")]
    assert len(named) == 1 and isinstance(named[0], InputProblem)


def test_a_postgresql_archive_has_no_files_to_exclude():
    assert database_files("postgresql+psycopg://someone@localhost/bulletins") == frozenset()
    assert database_files("sqlite://") == frozenset()
