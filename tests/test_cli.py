"""The command line: exit codes, output formats, messages for people."""

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_parse import fake_parse_document

from archive.cli import main
from archive.store import ingestion
from archive.store.migrate import head_revision


@pytest.fixture(autouse=True)
def known_parser(monkeypatch):
    monkeypatch.setattr(ingestion, "parse_document", fake_parse_document)


@pytest.fixture
def bulletins(tmp_path) -> Path:
    folder = tmp_path / "bulletins"
    folder.mkdir()
    (folder / "a.txt").write_text("12月1日 哈尔滨市 数字20", encoding="utf-8")
    (folder / "b.txt").write_text("12月3日 黑龙江省 数字30", encoding="utf-8")
    return folder


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=input, env=env)


def ingested(db_url, bulletins):
    result = run("--db", db_url, "ingest", bulletins)
    assert result.exit_code == 0, result.output
    return result


def test_ingest_prints_a_summary_and_exits_0(db_url, bulletins):
    result = ingested(db_url, bulletins)
    assert result.stdout == "documents: 2 new, 0 skipped, 0 failed\nreports: 2\nproblems: 2\n"

    again = run("--db", db_url, "ingest", bulletins / "a.txt")
    assert again.exit_code == 0
    assert again.stdout.startswith("documents: 0 new, 1 skipped, 0 failed")


def test_ingest_exits_1_when_some_input_failed(db_url, bulletins):
    (bulletins / "crash.txt").write_text("BOOM", encoding="utf-8")
    result = run("--db", db_url, "ingest", bulletins, bulletins / "missing.txt")

    assert result.exit_code == 1
    assert "documents: 2 new, 0 skipped, 2 failed" in result.stdout
    assert f"failed: {bulletins / 'crash.txt'}: the parser failed: RuntimeError: boom" in result.stderr
    assert f"failed: {bulletins / 'missing.txt'} does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_reparse_parses_stored_documents_again(db_url, bulletins):
    ingested(db_url, bulletins)
    result = run("--db", db_url, "reparse")
    assert result.exit_code == 0
    assert result.stdout == "documents: 2 parsed again, 0 failed\nreports: 2 (0 added, 0 removed, 0 changed)\n"


def test_ingest_json_summary(db_url, bulletins):
    result = run("--db", db_url, "ingest", "--json", bulletins / "a.txt")
    summary = json.loads(result.stdout)
    assert summary["documents"] == {"new": 1, "skipped": 0, "failed": 0, "no_bulletin": 0, "found_again": 0}
    assert summary["records_passed_over"] == {}
    assert (summary["reports"], summary["problems"]) == (1, 1)
    assert summary["inputs"][0]["status"] == "parsed"


def test_ingest_reads_standard_input(db_url):
    result = run("--db", db_url, "ingest", "-", input="12月2日 数字9".encode())
    assert result.exit_code == 0, result.output
    shown = json.loads(run("--db", db_url, "reports", "--format", "json").stdout)
    assert [(r["report_date"], r["local_asymptomatic"]) for r in shown] == [("2022-12-02", 9)]


def test_ingest_dry_run_json_prints_the_parse_and_writes_nothing(tmp_path, bulletins):
    db = tmp_path / "never.db"
    result = run("--db", db, "ingest", "--dry-run", "--json", "--year", "2022", bulletins / "a.txt")

    assert result.exit_code == 0, result.output
    [document] = json.loads(result.stdout)
    assert document["status"] == "parsed"
    assert document["encoding"] == "utf-8"
    [report] = document["reports"]
    assert (report["region"], report["report_date"], report["local_asymptomatic"]) == ("哈尔滨市", "2022-12-01", 20)
    assert report["sentence"] == "12月1日 哈尔滨市"
    assert report["districts"][0] == {
        "case_type": "asymptomatic", "city": "哈尔滨市", "district": "南岗区", "count": 10, "city_code": None, "district_code": None
    }
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest"], "Missing argument 'PATH...'"),
        (["ingest", "--year", "twenty", "x.txt"], "'twenty' is not a valid integer"),
        (["reports", "--from", "2022/12/01"], "'2022/12/01' is not a date: write it as YYYY-MM-DD"),
        (["reports", "--format", "xml"], "'xml' is not one of"),
        (["show", "abc"], "'abc' is not a valid integer"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run("--db", tmp_path / "a.db", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_reports_formats(db_url, bulletins):
    ingested(db_url, bulletins)

    table = run("--db", db_url, "reports").stdout
    assert "哈尔滨市" in table and "黑龙江省" in table and "0–14" in table and "NULL" in table

    rows = list(csv.DictReader(io.StringIO(run("--db", db_url, "reports", "--format", "csv").stdout)))
    assert [(r["region"], r["report_date"], r["local_asymptomatic"], r["local_confirmed"]) for r in rows] == [
        ("哈尔滨市", "2022-12-01", "20", ""),
        ("黑龙江省", "2022-12-03", "30", ""),
    ]

    as_json = json.loads(run("--db", db_url, "reports", "--format", "json").stdout)
    assert [(r["region"], r["local_confirmed"], r["consistent"]) for r in as_json] == [
        ("哈尔滨市", None, True),
        ("黑龙江省", None, True),
    ]

    ndjson = run("--db", db_url, "reports", "--format", "ndjson").stdout.splitlines()
    assert [json.loads(line)["region"] for line in ndjson] == ["哈尔滨市", "黑龙江省"]


def test_reports_filters(db_url, bulletins):
    ingested(db_url, bulletins)

    def regions(*args):
        return [r["region"] for r in json.loads(run("--db", db_url, "reports", "--format", "json", *args).stdout)]

    assert regions("--region", "黑龙江省") == ["黑龙江省"]
    assert regions("--from", "2022-12-02") == ["黑龙江省"]
    assert regions("--to", "2022-12-01") == ["哈尔滨市"]
    assert regions("--from", "2022-12-04") == []


def test_show_a_report(db_url, bulletins):
    ingested(db_url, bulletins)
    report_id = json.loads(run("--db", db_url, "reports", "--format", "json", "--region", "黑龙江省").stdout)[0]["id"]

    detail = json.loads(run("--db", db_url, "show", report_id, "--format", "json").stdout)
    assert detail["sentence"] == "12月3日 黑龙江省"
    assert [d["district"] for d in detail["districts"]] == ["南岗区", "香坊区"]
    assert [n["ordinal"] for n in detail["notices"]] == [1, 2]

    table = run("--db", db_url, "show", report_id).stdout
    assert "12月3日 黑龙江省" in table and "隔离管控人员中发现" in table and "请主动报备" in table

    sections = run("--db", db_url, "show", report_id, "--format", "csv").stdout
    assert "# districts\ncase_type,city,district,count,city_code,district_code\nasymptomatic,哈尔滨市,南岗区,20,,\n" in sections


def test_show_an_unknown_report_exits_2(db_url):
    result = run("--db", db_url, "show", "999")
    assert result.exit_code == 2
    assert "no report with id 999: `archive reports` lists the reports and their ids" in result.stderr


def test_sql_reads_and_refuses_writes(db_url, bulletins):
    ingested(db_url, bulletins)

    result = run("--db", db_url, "sql", "SELECT region, local_asymptomatic FROM report ORDER BY region", "--format", "json")
    assert json.loads(result.stdout) == [
        {"region": "哈尔滨市", "local_asymptomatic": 20},
        {"region": "黑龙江省", "local_asymptomatic": 30},
    ]

    refused = run("--db", db_url, "sql", "DELETE FROM report")
    assert refused.exit_code == 2
    assert "DELETE statements are refused: `archive sql` only reads" in refused.stderr
    assert len(json.loads(run("--db", db_url, "reports", "--format", "json").stdout)) == 2

    broken = run("--db", db_url, "sql", "SELECT no_such_column FROM report")
    assert broken.exit_code == 2
    assert "no_such_column" in broken.stderr and "Traceback" not in broken.output


def test_sql_stops_a_runaway_query_at_its_timeout(db_url, bulletins):
    ingested(db_url, bulletins)
    runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"

    started = time.perf_counter()
    stopped = subprocess.run(
        [sys.executable, "-c", "from archive.cli import main; main()", "--db", db_url, "sql", "--timeout", "2", runaway],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started

    assert stopped.returncode == 5
    assert stopped.stderr == (
        "Error: the query was stopped after 2 s, the time `archive sql` allows it (--timeout 2); "
        "narrow it (a WHERE, a LIMIT) or allow more time, e.g. --timeout 600\n"
    )
    assert 2 <= elapsed < 3, f"the whole command took {elapsed:.2f} s"
    counted = run("--db", db_url, "sql", "SELECT count(*) AS reports FROM report", "--format", "json")
    assert json.loads(counted.stdout) == [{"reports": 2}]


def test_db_commands(db_url):
    head = head_revision()
    assert run("--db", db_url, "db", "current").stdout.endswith(
        f"revision none (this archive needs {head}: run `archive db upgrade`)\n"
    )
    assert run("--db", db_url, "db", "upgrade").stdout.endswith(f"revision none → {head}\n")
    assert run("--db", db_url, "db", "current").stdout.endswith(f"revision {head} (this archive needs {head}: up to date)\n")
    assert run("--db", db_url, "db", "downgrade", "0002").stdout.endswith(f"revision {head} → 0002\n")
    assert run("--db", db_url, "db", "downgrade", "0001").stdout.endswith("revision 0002 → 0001\n")
    assert run("--db", db_url, "db", "downgrade", "base").stdout.endswith("revision 0001 → none\n")

    unknown = run("--db", db_url, "db", "downgrade", "nope")
    assert unknown.exit_code == 2
    assert "nope" in unknown.stderr and "`archive db current`" in unknown.stderr


def test_a_database_needing_an_upgrade_exits_3(db_url):
    assert run("--db", db_url, "db", "upgrade").exit_code == 0
    assert run("--db", db_url, "db", "downgrade", "0001").exit_code == 0

    result = run("--db", db_url, "reports")
    assert result.exit_code == 3
    assert f"is at revision 0001, this archive needs {head_revision()}: run `archive db upgrade`" in result.stderr


def test_an_unreachable_database_exits_4_without_showing_its_password():
    result = run("--db", "postgresql+psycopg://reader:s3cret@127.0.0.1:1/archive", "reports")
    assert result.exit_code == 4
    assert "postgresql+psycopg://reader:***@127.0.0.1:1/archive" in result.stderr
    assert "s3cret" not in result.output


def test_an_unsupported_database_url_exits_2():
    result = run("--db", "mysql://reader:s3cret@localhost/archive", "reports")
    assert result.exit_code == 2
    assert "the archive works with SQLite and PostgreSQL, not mysql" in result.stderr
    assert "s3cret" not in result.output


def test_the_default_database_is_archive_db_in_the_current_folder(tmp_path, bulletins, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("ingest", bulletins, env={"ARCHIVE_DB": None}).exit_code == 0
    assert (tmp_path / "archive.db").exists()


def test_archive_db_environment_variable(tmp_path, bulletins):
    db = tmp_path / "from-env.db"
    assert run("ingest", bulletins, env={"ARCHIVE_DB": str(db)}).exit_code == 0
    assert db.exists()
