"""A page that states no year fails with advice; ingesting it again with --year parses it."""

import json

from click.testing import CliRunner

from archive.cli import main

NO_YEAR = "10月29日0时至16时,哈尔滨新增本土新冠病毒阳性感染者2例,均在平房区。".encode()


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_no_year_fails_then_year_hint_parses_the_same_bytes(db_url, tmp_path):
    page = tmp_path / "no-year.txt"
    page.write_bytes(NO_YEAR)

    first = run("--db", db_url, "ingest", page)
    assert first.exit_code == 1
    assert "does not state its year and the page gives no date. Ingest it again with --year YYYY." in first.stderr

    second = run("--db", db_url, "ingest", "--year", "2022", page)
    assert second.exit_code == 0, second.output
    rows = json.loads(run("--db", db_url, "sql", "--format", "json", "--",
                          "SELECT d.status, d.year_hint, r.report_date, r.local_positive "
                          "FROM document d JOIN report r ON r.document_id = d.id").stdout)
    assert rows == [{"status": "parsed", "year_hint": 2022, "report_date": "2022-10-29", "local_positive": 2}]

    third = run("--db", db_url, "ingest", "--year", "2022", page)
    assert "0 new, 1 skipped" in third.stdout
