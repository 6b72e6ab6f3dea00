"""The read side: report lists and details, and SQL that cannot write."""

import datetime as dt

import pytest
from fake_parse import fake_parse_document
from sqlalchemy import create_engine, func, select

from archive.query import QueryError, SqlError, SqlRefused, SqlTimeout, get_report, list_reports, run_sql
from archive.query.sql import execute_read_only
from archive.sources import document_from_bytes
from archive.store import ingest, ingestion
from archive.store.models import Report


@pytest.fixture
def archive(engine, monkeypatch):
    """An archive of three reports: 哈尔滨市 on 1 and 5 December, 黑龙江省 on 3 December."""
    monkeypatch.setattr(ingestion, "parse_document", fake_parse_document)
    texts = ["12月1日 哈尔滨市 数字20", "12月3日 黑龙江省 数字30", "12月5日 哈尔滨市 数字40"]
    ingest(engine, [document_from_bytes(f"{i}.txt", t.encode()) for i, t in enumerate(texts)])
    return engine


def report_count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Report)).scalar_one()


def test_list_reports_by_date_then_region(archive):
    rows = list_reports(archive)
    assert [(r["report_date"], r["region"], r["local_asymptomatic"]) for r in rows] == [
        (dt.date(2022, 12, 1), "哈尔滨市", 20),
        (dt.date(2022, 12, 3), "黑龙江省", 30),
        (dt.date(2022, 12, 5), "哈尔滨市", 40),
    ]
    assert rows[0]["consistent"] is True
    assert "problems" not in rows[0]


def test_list_reports_filters_by_region_and_inclusive_dates(archive):
    assert [r["local_asymptomatic"] for r in list_reports(archive, region="哈尔滨市")] == [20, 40]
    in_range = list_reports(archive, date_from=dt.date(2022, 12, 3), date_to=dt.date(2022, 12, 5))
    assert [r["local_asymptomatic"] for r in in_range] == [30, 40]
    assert list_reports(archive, region="哈尔滨市", date_to=dt.date(2022, 12, 4))[0]["local_asymptomatic"] == 20
    with pytest.raises(QueryError, match="no region 北京市 in the archive: the archive has 哈尔滨市, 黑龙江省"):
        list_reports(archive, region="北京市")


def test_get_report_with_its_rows_and_source_sentence(archive):
    report_id = list_reports(archive, region="黑龙江省")[0]["id"]
    detail = get_report(archive, report_id)

    assert detail["region"] == "黑龙江省"
    assert detail["source"] == "1.txt"
    assert detail["sentence"] == "12月3日 黑龙江省"  # document.text[0:10]
    assert detail["problems"] == [
        {"code": "partial_breakdown", "message": "a breakdown covers part of its total", "span_start": 0, "span_end": 4}
    ]
    assert detail["districts"] == [
        {"case_type": "asymptomatic", "city": "哈尔滨市", "district": "南岗区", "count": 20, "city_code": None, "district_code": None},
        {"case_type": "asymptomatic", "city": "哈尔滨市", "district": "香坊区", "count": 10, "city_code": None, "district_code": None},
    ]
    assert detail["channels"] == [
        {"case_type": "asymptomatic", "channel": "quarantine", "label": "隔离管控人员中发现", "count": 30}
    ]
    assert [(n["ordinal"], n["title"]) for n in detail["notices"]] == [(1, "请主动报备"), (2, "戴口罩")]


def test_get_report_of_an_unknown_id_is_none(archive):
    assert get_report(archive, 999) is None


def test_run_sql_returns_columns_and_rows(archive):
    result = run_sql(
        archive,
        "SELECT region, sum(local_asymptomatic) AS total FROM report "
        "WHERE region LIKE '%市' GROUP BY region ORDER BY region",
    )
    assert result.columns == ["region", "total"]
    assert [(region, int(total)) for region, total in result.rows] == [("哈尔滨市", 60)]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM report",
        "UPDATE report SET local_asymptomatic = 0",
        "INSERT INTO report (id) VALUES (99)",
        "DROP TABLE report",
        "CREATE TABLE x (id INTEGER)",
        "ALTER TABLE report ADD COLUMN x INTEGER",
        "REPLACE INTO report (id) VALUES (1)",
        "ATTACH DATABASE 'other.db' AS other",
        "PRAGMA query_only = OFF",
        "PRAGMA user_version(7)",
        "VACUUM",
        "SELECT 1; DELETE FROM report",
        "WITH gone AS (DELETE FROM report RETURNING id) SELECT * FROM gone",
        "TRUNCATE report",
    ],
)
def test_run_sql_refuses_writes(archive, statement):
    with pytest.raises(SqlRefused) as refused:
        run_sql(archive, statement)
    assert "refused" in str(refused.value)
    assert report_count(archive) == 3


@pytest.mark.parametrize(
    "statement",
    ["DELETE FROM report", "UPDATE report SET local_asymptomatic = 0", "DROP TABLE notice"],
)
def test_the_database_itself_refuses_writes_that_pass_the_text_check(archive, statement):
    with pytest.raises(SqlRefused, match="the database refused to write"):
        execute_read_only(archive, statement)
    assert report_count(archive) == 3


def test_a_hidden_second_statement_never_runs(archive):
    # A dollar-quoted string (PostgreSQL) hides a quote from the text check;
    # the database still runs one statement only, read-only.
    sneaky = "SELECT $$'$$; COMMIT; DELETE FROM report; SELECT '$$'"
    with pytest.raises(SqlError):
        run_sql(archive, sneaky)
    assert report_count(archive) == 3


def test_postgresql_refuses_sequence_writes_hidden_in_a_select(archive):
    if archive.dialect.name != "postgresql":
        pytest.skip("sequences are PostgreSQL's")
    with pytest.raises(SqlRefused, match="read-only transaction"):
        run_sql(archive, "SELECT nextval(pg_get_serial_sequence('report', 'id'))")


RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
# About a second's counting on either database: longer than the short timeouts below.
LONG_COUNT = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 2000000) SELECT count(*) FROM c"


def test_run_sql_stops_a_query_at_its_timeout_and_the_database_stays_usable(archive):
    with pytest.raises(SqlTimeout) as stopped:
        run_sql(archive, RUNAWAY, timeout=0.3)
    assert str(stopped.value) == (
        "the query was stopped after 0.3 s, the time `archive sql` allows it (--timeout 0.3); "
        "narrow it (a WHERE, a LIMIT) or allow more time, e.g. --timeout 600"
    )
    assert run_sql(archive, "SELECT count(*) FROM report").rows == [(3,)]
    assert report_count(archive) == 3


def test_a_timeout_ends_with_its_query_on_an_in_memory_database():
    engine = create_engine("sqlite://")  # one connection, kept: the handler must not stay on it
    try:
        with pytest.raises(SqlTimeout):
            run_sql(engine, LONG_COUNT, timeout=0.05)
        assert run_sql(engine, LONG_COUNT).rows == [(2_000_000,)]
    finally:
        engine.dispose()


def test_run_sql_reports_errors_of_the_statement(archive):
    with pytest.raises(SqlError, match="no_such_table|does not exist"):
        run_sql(archive, "SELECT * FROM no_such_table")
    with pytest.raises(SqlError, match="no SQL statement"):
        run_sql(archive, "  -- nothing\n")
