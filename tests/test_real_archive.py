"""All of ../shared/real ingested as a user would: every page stored, every region an area, every day plausible.

The pages stay in ../shared/real; what is asserted here are facts about them (how many
Shanghai bulletins, which days they count) and properties every stored row must have.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_paths import SHARED

from archive.cli import main
from archive.parse.gazetteer import gazetteer

REAL = SHARED / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real (the real pages) is absent")

# Days the 92 Shanghai health-commission bulletins count (number-YYYYMMDD.txt: 02-13 to 05-18
# without 02-26, 03-02 and 03-28), read off the file names and checked against each page's window.
SHANGHAI_DAYS = 92
REGION_WORDS = re.compile(r"^(?:全区|全省|全市|本市|本区|本省|我省|我市|我区)$")


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("real") / "archive.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", "-r", str(REAL)])
    assert result.exit_code == 0, result.output
    return db


def sql(db: str, statement: str) -> list[dict]:
    result = CliRunner().invoke(main, ["--db", db, "sql", "--format", "json", "--", statement])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_real_page_is_stored_and_none_failed(real_archive):
    pages = len([path for path in REAL.rglob("*") if path.is_file()])  # README.md included: no bulletin
    statuses = {row["status"]: row["n"] for row in sql(real_archive, "SELECT status, count(*) AS n FROM document GROUP BY status")}
    assert sum(statuses.values()) == pages
    assert "failed" not in statuses


def test_every_region_is_an_area(real_archive):
    gaz = gazetteer()
    rows = sql(real_archive, "SELECT DISTINCT region, region_level, region_code, problems FROM report")
    for row in rows:
        assert not REGION_WORDS.match(row["region"]), row
        assert not re.search(r"[0-9:()（）,，、。]", row["region"]), row
        if row["region_level"] == "national":
            assert row["region"] == "全国"
        elif row["region_code"] is None and gaz.region(row["region"]) is None:
            # An area the gazetteer does not know is kept only with the problem that says so.
            assert "unknown_area" in (row["problems"] or ""), row


def test_no_report_is_dated_outside_the_bulletin_years(real_archive):
    [span] = sql(real_archive, "SELECT min(report_date) AS first, max(report_date) AS last FROM report")
    assert span["first"] >= "2019-12-01" and span["last"] <= "2023-12-31"


def test_each_shanghai_bulletin_gives_one_report_of_its_day(real_archive):
    rows = sql(
        real_archive,
        "SELECT d.source, r.region, r.report_date, r.window_start_hour, r.window_end_hour "
        "FROM report r JOIN document d ON d.id = r.document_id WHERE d.source LIKE '%number-%'",
    )
    assert len(rows) == SHANGHAI_DAYS
    for row in rows:
        day = Path(row["source"]).stem.removeprefix("number-")
        assert (row["region"], row["report_date"].replace("-", ""), row["window_start_hour"], row["window_end_hour"]) == (
            "上海市",
            day,
            0,
            24,
        )


def test_national_items_are_reports_of_the_whole_country(real_archive):
    rows = sql(real_archive, "SELECT DISTINCT region_level, region_code FROM report WHERE region = '全国'")
    assert rows == [{"region_level": "national", "region_code": None}]
