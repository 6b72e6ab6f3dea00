"""The read commands on the seed page plus the labelled corpus: every command in every output
format, and the messages and exit codes of filters that cannot apply."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from read_archive import build_read_archive
from shared_paths import needs_shared

from archive.cli import main

pytestmark = needs_shared

READ_COMMANDS = ["reports", "districts", "channels", "notices", "places", "series", "check"]


@pytest.fixture(scope="module")
def db(module_db_url):
    build_read_archive(module_db_url).dispose()
    return module_db_url


def run(db: str, *args):
    return CliRunner().invoke(main, ["--db", db, *map(str, args)])


def out(db: str, *args) -> str:
    result = run(db, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def as_json(db: str, *args) -> list[dict]:
    return json.loads(out(db, *args, "--format", "json"))


def as_csv(db: str, *args) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out(db, *args, "--format", "csv"))))


def as_ndjson(db: str, *args) -> list[dict]:
    return [json.loads(line) for line in out(db, *args, "--format", "ndjson").splitlines()]


def seed_report_id(db: str) -> int:
    [seed] = [r for r in as_json(db, "reports", "--from", "2022-11-30", "--to", "2022-11-30") if r["speaker"]]
    return seed["id"]


SEED_DAY = ("--region", "哈尔滨市", "--from", "2022-11-30", "--to", "2022-11-30")


def test_reports_in_every_format(db):
    period = ("reports", "--region", "哈尔滨市", "--from", "2022-11-29", "--to", "2022-12-01")
    figures = [(r["report_date"], r["local_asymptomatic"]) for r in as_json(db, *period)]
    assert figures == [("2022-11-29", 105), ("2022-11-30", 120), ("2022-11-30", 126), ("2022-11-30", 126), ("2022-12-01", 88)]
    assert [(r["report_date"], r["local_asymptomatic"], r["consistent"]) for r in as_csv(db, *period, "--limit", 2)] == [
        ("2022-11-29", "105", "true"),
        ("2022-11-30", "120", "true"),
    ]
    assert [r["local_asymptomatic"] for r in as_ndjson(db, *period)] == [105, 120, 126, 126, 88]
    table = out(db, *period)
    assert "┃ id ┃ date       ┃ window ┃ region   ┃" in table and "│ 2022-11-29 │ 0–14   │ 哈尔滨市 │" in table


def test_no_headers_leaves_out_the_header_line(db):
    lines = out(db, "reports", *SEED_DAY, "--format", "csv", "--no-headers").splitlines()
    assert len(lines) == 3 and not lines[0].startswith("id,")
    assert "┃" not in out(db, "channels", *SEED_DAY, "--no-headers")


def test_show_the_seed_report(db):
    detail = as_json(db, "show", seed_report_id(db))
    assert (detail["region"], detail["local_asymptomatic"], detail["speaker"]) == ("哈尔滨市", 126, "市卫健委副主任杨超")
    assert [(d["district"], d["count"]) for d in detail["districts"][:2]] == [("香坊区", 38), ("南岗区", 33)]
    assert "│ local_asymptomatic    │ 126 " in out(db, "show", seed_report_id(db))


def test_districts_in_every_format(db):
    assert out(db, "districts", *SEED_DAY, "--limit", 2, "--format", "csv") == (
        "region,report_date,city,district,case_type,count,partial,report_id,city_code,district_code\n"
        f"哈尔滨市,2022-11-30,哈尔滨市,香坊区,asymptomatic,38,true,{seed_report_id(db)},230100,230110\n"
        f"哈尔滨市,2022-11-30,哈尔滨市,南岗区,asymptomatic,33,true,{seed_report_id(db)},230100,230103\n"
    )
    assert [(r["district"], r["count"]) for r in as_json(db, "districts", *SEED_DAY)][-2:] == [("阿城区", 2), ("双城区", 1)]
    assert [r["district"] for r in as_ndjson(db, "districts", "--district", "香坊区", "--region", "哈尔滨市", "--from", "2022-11-28", "--to", "2022-11-30")] == ["香坊区"] * 3
    assert "│ 哈尔滨市 │ 2022-11-30  │ 哈尔滨市 │ 香坊区   │ asymptomatic │ 38    │ true    │" in out(db, "districts", *SEED_DAY)
    confirmed = as_json(db, "districts", "--case-type", "confirmed", "--region", "哈尔滨市", "--from", "2022-11-22", "--to", "2022-11-22")
    assert [(r["district"], r["count"]) for r in confirmed] == [("南岗区", 6), ("道里区", 3), ("香坊区", 2)]


def test_districts_pivot(db):
    pivot = ("districts", "--pivot", "--region", "哈尔滨市", "--from", "2022-11-29", "--to", "2022-11-30", "--limit", 3)
    assert out(db, *pivot, "--format", "csv") == (
        "region,city,district,case_type,total,2022-11-29,2022-11-30\n"
        "哈尔滨市,哈尔滨市,香坊区,asymptomatic,69,31,38\n"
        "哈尔滨市,哈尔滨市,南岗区,asymptomatic,60,27,33\n"
        "哈尔滨市,哈尔滨市,道外区,asymptomatic,38,18,20\n"
    )
    assert as_json(db, *pivot)[0] == {
        "region": "哈尔滨市", "city": "哈尔滨市", "district": "香坊区", "case_type": "asymptomatic",
        "total": 69, "2022-11-29": 31, "2022-11-30": 38,
    }  # fmt: skip
    assert "│ 香坊区   │ asymptomatic │ 69    │ 31         │ 38         │" in out(db, *pivot)
    assert out(db, "districts", "--pivot", "--region", "北京市", "--from", "2022-01-01", "--to", "2022-01-02", "--format", "csv") == (
        "region,city,district,case_type,total\n"
    )


def test_channels_in_every_format(db):
    seed = seed_report_id(db)
    assert out(db, "channels", *SEED_DAY, "--limit", 2, "--format", "csv") == (
        "region,report_date,channel,count,day_total,share,partial,report_id\n"
        f"哈尔滨市,2022-11-30,quarantine,99,126,0.7857142857142857,true,{seed}\n"
        f"哈尔滨市,2022-11-30,community_screening,17,126,0.1349206349206349,true,{seed}\n"
    )
    assert as_json(db, "channels", *SEED_DAY, "--channel", "cross_region") == [
        {"region": "哈尔滨市", "report_date": "2022-11-30", "channel": "cross_region", "count": 1, "day_total": 126,
         "share": 1 / 126, "partial": True, "report_id": seed},
    ]  # fmt: skip
    assert [r["count"] for r in as_ndjson(db, "channels", *SEED_DAY)] == [99, 17, 5, 4, 1]
    assert "│ quarantine          │ 99    │ 126       │ 0.7857 │" in out(db, "channels", *SEED_DAY)


def test_notices_search_in_every_format(db):
    found = as_json(db, "notices", "--search", "口罩")
    assert [(r["report_date"], r["ordinal"], r["score"]) for r in found] == [
        ("2022-11-30", 4, 4), ("2022-12-01", 2, 2), ("2022-11-30", 3, 1),
    ]  # fmt: skip
    assert found[0]["title"] == "认真规范佩戴口罩,降低感染风险"
    assert [(r["ordinal"], r["title"]) for r in as_csv(db, "notices", "--search", "口罩行动")] == [(str(4), "认真规范佩戴口罩,降低感染风险")]
    assert [r["ordinal"] for r in as_ndjson(db, "notices", "--region", "哈尔滨市", "--from", "2022-12-01")] == [1, 2, 3]
    assert "认真规范佩戴口罩,降低感染风险" in out(db, "notices", "--search", "口罩", "--limit", 1)


def test_series_in_every_format(db):
    period = ("series", "--region", "哈尔滨市", "--from", "2022-11-24", "--to", "2022-11-27")
    rows = as_csv(db, *period)
    assert [(r["report_date"], r["missing"], r["partial"], r["window_end_hour"], r["local_asymptomatic"]) for r in rows] == [
        ("2022-11-24", "false", "true", "15", "16"),
        ("2022-11-25", "true", "", "", ""),
        ("2022-11-26", "false", "true", "15", "18"),
        ("2022-11-27", "false", "false", "39", "9"),
    ]
    missing = as_json(db, *period)[1]
    assert missing == {
        "region": "哈尔滨市", "report_date": "2022-11-25", "missing": True, "partial": None,
        "window_start_hour": None, "window_end_hour": None, "local_confirmed": None, "local_asymptomatic": None,
        "local_positive": None, "initial_positive": None, "imported_confirmed": None,
        "imported_asymptomatic": None, "converted": None, "report_id": None,
    }  # fmt: skip
    assert [r["missing"] for r in as_ndjson(db, *period)] == [False, True, False, False]
    table = out(db, *period)
    assert "│ 哈尔滨市 │ 2022-11-25 │ true    │ NULL   │" in table and "│ 2022-11-27 │ false   │ 15–39  │ false   │" in table


def test_check_in_every_format(db):
    findings = as_json(db, "check", *SEED_DAY)
    assert [(f["kind"], len(f["report_ids"])) for f in findings] == [("conflict", 3), ("duplicate", 2)]
    assert findings[0]["report_ids"][0] == seed_report_id(db)
    rows = as_csv(db, "check", "--region", "黑龙江省", "--from", "2022-11-20", "--to", "2022-12-10")
    assert [(r["kind"], r["first_date"], r["last_date"], r["report_ids"], r["detail"]) for r in rows][1:] == [
        ("missing_days", "2022-11-20", "2022-11-25", "", "6 days without a report"),
        ("missing_days", "2022-11-27", "2022-12-07", "", "11 days without a report"),
    ]
    skipped = rows[0]
    assert (skipped["kind"], skipped["region"], skipped["first_date"]) == ("cross_skipped", "哈尔滨市", "2022-11-26")
    assert (skipped["last_date"], skipped["report_ids"], skipped["parent_sentence"]) == ("2022-12-09", "", "")
    [inconsistent] = as_ndjson(db, "check", "--region", "哈尔滨市", "--from", "2022-11-15", "--to", "2022-11-15")
    assert inconsistent["detail"] == "sum_mismatch: asymptomatic areas add up to 12, the stated total is 10"
    table = out(db, "check", *SEED_DAY)
    assert "│ conflict  │ 哈尔滨市 │ 2022-11-30 │ 2022-11-30 │ 0–14   │" in table


def test_export_in_every_format(db, tmp_path):
    written = as_json(db, "export", "--out", tmp_path / "json")
    assert [(w["name"], w["kind"], w["rows"]) for w in written] == [
        ("document", "table", 89), ("provenance", "table", 89), ("report", "table", 76), ("channel_count", "table", 168),
        ("district_count", "table", 288), ("notice", "table", 7), ("place", "table", 2), ("daily_report", "view", 74),
        ("district_series", "view", 288), ("channel_share", "view", 142), ("cross_pair", "view", 6),
        ("cross_check", "view", 3),
    ]  # fmt: skip
    assert {Path(w["csv"]).name for w in written} == {f"{w['name']}.csv" for w in written}
    assert len((tmp_path / "json" / "notice.jsonl").read_text(encoding="utf-8").splitlines()) == 7
    assert as_csv(db, "export", "--out", tmp_path / "csv")[7]["name"] == "daily_report"
    assert len(as_ndjson(db, "export", "--out", tmp_path / "ndjson")) == 12
    assert "│ district_series │ view  │ 288  │" in out(db, "export", "--out", tmp_path / "table")
    daily = list(csv.DictReader((tmp_path / "csv" / "daily_report.csv").open(encoding="utf-8")))
    assert [r["local_asymptomatic"] for r in daily if r["report_date"] == "2022-11-30"] == ["126"]


def test_sql_reads_the_views(db):
    rows = as_json(db, "sql", "SELECT region, report_date, local_asymptomatic FROM daily_report WHERE report_date = '2022-11-30'")
    assert rows == [{"region": "哈尔滨市", "report_date": "2022-11-30", "local_asymptomatic": 126}]
    assert out(db, "sql", "SELECT district, count FROM district_series WHERE report_date = '2022-11-30' ORDER BY count DESC LIMIT 1", "--format", "csv", "--no-headers") == "香坊区,38\n"


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_an_unknown_region_exits_2_with_a_suggestion(db, command):
    result = run(db, command, "--region", "哈尔滨")
    assert result.exit_code == 2
    assert "no region 哈尔滨 in the archive: did you mean 哈尔滨市?" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_date_that_does_not_exist_exits_2(db, command):
    result = run(db, command, "--from", "2022-02-30")
    assert result.exit_code == 2
    assert "Invalid value for '--from': 2022-02-30 is not a date: day is out of range for month" in result.stderr


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_period_ending_before_it_starts_exits_2(db, command):
    result = run(db, command, "--from", "2022-12-05", "--to", "2022-12-01")
    assert result.exit_code == 2
    assert "the period starts on 2022-12-05, after its end on 2022-12-01: give the earlier date first" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["districts", "--district", "香坊"], "no district 香坊 in the archive: did you mean 香坊区?"),
        (["districts", "--case-type", "severe"], "Invalid value for '--case-type': 'severe' is not one of"),
        (["channels", "--channel", "hotel"], "Invalid value for '--channel': 'hotel' is not one of"),
        (["notices", "--search", " "], "nothing to search for: give one or more words, e.g. 口罩"),
        (["reports", "--limit", "0"], "Invalid value for '--limit': 0 is not in the range x>=1"),
        (["reports", "--format", "json", "--no-headers"], "--no-headers applies to --format csv or table, not json"),
        (["export"], "Missing option '--out'"),
    ],
)  # fmt: skip
def test_other_bad_input_exits_2(db, args, message):
    result = run(db, *args)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize("command", [*READ_COMMANDS, "sql"])
def test_an_empty_archive_says_so_and_gives_an_empty_result(db_url, command):
    args = [command, "--format", "csv"] + (["SELECT region FROM report"] if command == "sql" else ["--region", "哈尔滨市"])
    result = run(db_url, *args)
    assert result.exit_code == 0
    assert result.stderr == "no reports yet: run `archive ingest PATH…` to read bulletins into the archive\n"
    assert len(result.stdout.splitlines()) == 1  # the header line only


def test_export_of_an_empty_archive_writes_empty_files(db_url, tmp_path):
    result = run(db_url, "export", "--out", tmp_path, "--format", "json")
    assert result.exit_code == 0 and "no reports yet" in result.stderr
    assert {w["rows"] for w in json.loads(result.stdout)} == {0}
    assert (tmp_path / "report.csv").read_text(encoding="utf-8").startswith("id,document_id,seq,region,")


def test_show_on_an_empty_archive_exits_2(db_url):
    result = run(db_url, "show", 1)
    assert result.exit_code == 2
    assert "no reports yet" in result.stderr and "no report with id 1" in result.stderr
