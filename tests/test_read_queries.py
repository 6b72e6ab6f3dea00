"""The Python read API on the seed page plus the labelled corpus, on SQLite and PostgreSQL."""

import csv
import datetime as dt
import json

import pytest
from read_archive import build_read_archive
from shared_paths import needs_shared

from archive.query import (
    CHANNEL_COLUMNS,
    DISTRICT_COLUMNS,
    FINDING_COLUMNS,
    NOTICE_COLUMNS,
    SERIES_COLUMNS,
    QueryError,
    channels,
    check,
    connect,
    cross_summary,
    districts,
    districts_pivot,
    export,
    list_reports,
    notices,
    series,
)

pytestmark = needs_shared

D = dt.date
SEED_DISTRICTS = [
    ("香坊区", 38), ("南岗区", 33), ("道外区", 20), ("道里区", 11), ("呼兰区", 8),
    ("巴彦县", 5), ("松北区", 5), ("宾县", 3), ("阿城区", 2), ("双城区", 1),
]  # fmt: skip


@pytest.fixture(scope="module")
def archive(module_db_url):
    engine = build_read_archive(module_db_url)
    yield engine
    engine.dispose()


def seed_report_id(engine) -> int:
    """The seed's report: of the three 哈尔滨市 reports of 2022-11-30, the one of the seed page."""
    [row] = [r for r in list_reports(engine, "哈尔滨市", "2022-11-30", "2022-11-30") if r["speaker"]]
    return row["id"]


def test_districts_long_form_of_the_seed_day(archive):
    rows = districts(archive, region="哈尔滨市", date_from="2022-11-30", date_to="2022-11-30")
    assert [(r["district"], r["count"]) for r in rows] == SEED_DISTRICTS
    assert list(rows[0]) == list(DISTRICT_COLUMNS)
    assert rows[0] == {
        "region": "哈尔滨市", "report_date": D(2022, 11, 30), "city": "哈尔滨市", "district": "香坊区",
        "case_type": "asymptomatic", "count": 38, "partial": True, "report_id": seed_report_id(archive),
        "city_code": "230100", "district_code": "230110",
    }  # fmt: skip


def test_districts_filters_by_area_case_type_and_limit(archive):
    rows = districts(archive, region="哈尔滨市", district="香坊区", date_from="2022-11-28", date_to="2022-11-30")
    assert [(r["report_date"], r["count"]) for r in rows] == [(D(2022, 11, 28), 13), (D(2022, 11, 29), 31), (D(2022, 11, 30), 38)]

    confirmed = districts(archive, region="哈尔滨市", case_type="confirmed", date_from="2022-11-22", date_to="2022-11-22")
    assert [(r["district"], r["count"]) for r in confirmed] == [("南岗区", 6), ("道里区", 3), ("香坊区", 2)]

    assert len(districts(archive, region="哈尔滨市", date_from="2022-11-30", limit=4)) == 4


def test_districts_pivot_has_a_column_per_day(archive):
    rows = districts_pivot(archive, region="哈尔滨市", date_from="2022-11-28", date_to="2022-11-30", limit=2)
    assert rows == [
        {"region": "哈尔滨市", "city": "哈尔滨市", "district": "香坊区", "case_type": "asymptomatic", "total": 82,
         "2022-11-28": 13, "2022-11-29": 31, "2022-11-30": 38},
        {"region": "哈尔滨市", "city": "哈尔滨市", "district": "南岗区", "case_type": "asymptomatic", "total": 76,
         "2022-11-28": 16, "2022-11-29": 27, "2022-11-30": 33},
    ]  # fmt: skip


def test_districts_pivot_leaves_days_without_the_area_empty(archive):
    rows = districts_pivot(archive, region="哈尔滨市", date_from="2022-11-29", date_to="2022-11-30")
    shuangcheng = next(r for r in rows if r["district"] == "双城区")
    assert (shuangcheng["2022-11-29"], shuangcheng["2022-11-30"], shuangcheng["total"]) == (None, 1, 1)


def test_channels_with_their_share_of_the_day(archive):
    rows = channels(archive, region="哈尔滨市", date_from="2022-11-30", date_to="2022-11-30")
    assert [(r["channel"], r["count"], r["day_total"]) for r in rows] == [
        ("quarantine", 99, 126), ("community_screening", 17, 126), ("key_population", 5, 126),
        ("close_contact", 4, 126), ("cross_region", 1, 126),
    ]  # fmt: skip
    assert rows[0]["share"] == pytest.approx(99 / 126)
    assert list(rows[0]) == list(CHANNEL_COLUMNS)


def test_channels_filter_by_channel(archive):
    rows = channels(archive, channel="converted", region="黑龙江省")
    assert [(r["report_date"], r["count"], r["share"]) for r in rows] == [
        (D(2021, 1, 13), 6, 1.0), (D(2021, 1, 15), 4, 1.0), (D(2021, 1, 21), 9, 1.0),
    ]  # fmt: skip


def test_notices_listed_by_date(archive):
    rows = notices(archive)
    assert [(r["report_date"], r["ordinal"]) for r in rows] == [
        *((D(2022, 11, 30), n) for n in (1, 2, 3, 4)),
        *((D(2022, 12, 1), n) for n in (1, 2, 3)),
    ]
    assert {r["score"] for r in rows} == {None}
    assert list(rows[0]) == list(NOTICE_COLUMNS)
    assert len(notices(archive, date_from="2022-12-01", limit=2)) == 2


def test_a_two_character_search_finds_the_seeds_fourth_notice_first(archive):
    rows = notices(archive, search="口罩")
    assert [(r["report_date"], r["ordinal"], r["score"]) for r in rows] == [
        (D(2022, 11, 30), 4, 4),  # 口罩 once in the title (counted twice with the body) and three times more
        (D(2022, 12, 1), 2, 2),
        (D(2022, 11, 30), 3, 1),
    ]
    assert rows[0]["title"] == "认真规范佩戴口罩,降低感染风险"
    assert rows[0]["body"].endswith("建议您佩戴N95或KN95口罩。")


def test_longer_and_several_word_searches(archive):
    assert [(r["ordinal"], r["score"]) for r in notices(archive, search="口罩行动")] == [(4, 1)]
    both = notices(archive, search="核酸检测 口罩")
    assert [(r["report_date"], r["ordinal"], r["score"]) for r in both] == [
        (D(2022, 12, 1), 2, 4),
        (D(2022, 11, 30), 3, 3),
    ]
    assert notices(archive, search="kn95")[0]["ordinal"] == 4  # Latin letters: case aside
    assert notices(archive, search="100%") == []  # LIKE wildcards are taken literally


def test_series_marks_days_without_a_report_missing(archive):
    rows = series(archive, region="哈尔滨市", date_from="2022-11-24", date_to="2022-11-27")
    assert list(rows[0]) == list(SERIES_COLUMNS)
    shape = [
        (r["report_date"], r["missing"], r["partial"], r["window_start_hour"], r["window_end_hour"], r["local_asymptomatic"])
        for r in rows
    ]
    assert shape == [
        (D(2022, 11, 24), False, True, 0, 15, 16),
        (D(2022, 11, 25), True, None, None, None, None),
        (D(2022, 11, 26), False, True, 0, 15, 18),
        (D(2022, 11, 27), False, False, 15, 39, 9),  # 27日15时至28日15时: a full day
    ]


def test_series_of_every_region_with_a_report_in_the_period(archive):
    rows = series(archive, date_from="2022-12-07", date_to="2022-12-09")
    assert [(r["region"], r["report_date"], r["missing"], r["local_confirmed"], r["local_asymptomatic"]) for r in rows] == [
        ("哈尔滨市", D(2022, 12, 7), False, None, 25),
        ("哈尔滨市", D(2022, 12, 8), False, None, 15),
        ("哈尔滨市", D(2022, 12, 9), False, None, 20),
        ("黑龙江省", D(2022, 12, 7), True, None, None),
        ("黑龙江省", D(2022, 12, 8), False, 0, 4),
        ("黑龙江省", D(2022, 12, 9), False, 0, 5),
    ]


def test_the_seed_wins_the_day_it_disagrees_about(archive):
    [day] = series(archive, region="哈尔滨市", date_from="2022-11-30", date_to="2022-11-30")
    assert (day["local_asymptomatic"], day["report_id"]) == (126, seed_report_id(archive))


def test_check_finds_conflicts_and_duplicates(archive):
    conflict, duplicate = check(archive, region="哈尔滨市", date_from="2022-11-30", date_to="2022-11-30")
    seed = seed_report_id(archive)
    by_figure = {r["local_asymptomatic"]: r for r in list_reports(archive, "哈尔滨市", "2022-11-30", "2022-11-30")}
    assert list(conflict) == list(FINDING_COLUMNS)
    assert {k: conflict[k] for k in ("kind", "region", "first_date", "last_date", "window_start_hour", "window_end_hour")} == {
        "kind": "conflict", "region": "哈尔滨市", "first_date": D(2022, 11, 30), "last_date": D(2022, 11, 30),
        "window_start_hour": 0, "window_end_hour": 14,
    }  # fmt: skip
    assert conflict["report_ids"][0] == seed and len(conflict["report_ids"]) == 3
    assert conflict["report_ids"][2] == by_figure[120]["id"]
    assert conflict["detail"].startswith(f"local_asymptomatic: 126 in report {seed} (document ")
    assert conflict["detail"].endswith(f"120 in report {by_figure[120]['id']} (document {by_figure[120]['document_id']}); report {seed} is preferred")

    assert duplicate["kind"] == "duplicate" and duplicate["report_ids"][0] == seed and len(duplicate["report_ids"]) == 2
    assert duplicate["detail"].endswith(f"; report {seed} is preferred")


def test_check_finds_inconsistent_reports_with_their_sentence(archive):
    [finding] = check(archive, region="哈尔滨市", date_from="2022-11-15", date_to="2022-11-15")
    assert finding["kind"] == "inconsistent"
    assert finding["detail"] == "sum_mismatch: asymptomatic areas add up to 12, the stated total is 10"
    assert finding["sentence"] == (
        "2022年11月15日0—14时,哈尔滨市新增本土新冠病毒无症状感染者10例。其中,隔离管控人员中发现8例,"
        "社区筛查发现2例。南岗区6例、道里区3例、香坊区3例。"
    )


def test_check_finds_runs_of_missing_days(archive):
    findings = check(archive, region="黑龙江省", date_from="2022-11-20", date_to="2022-12-10")
    assert [(f["kind"], f["first_date"], f["last_date"], f["detail"]) for f in findings if f["kind"] == "missing_days"] == [
        ("missing_days", D(2022, 11, 20), D(2022, 11, 25), "6 days without a report"),
        ("missing_days", D(2022, 11, 27), D(2022, 12, 7), "11 days without a report"),
    ]
    kinds = [f["kind"] for f in check(archive)]
    assert kinds == sorted(kinds, key=["inconsistent", "conflict", "duplicate", "cross_mismatch", "cross_skipped", "missing_days"].index)
    assert (kinds.count("inconsistent"), kinds.count("conflict"), kinds.count("duplicate")) == (1, 1, 1)


def test_check_compares_cities_with_their_provinces(archive):
    # The 黑龙江省 bulletins are full days; 哈尔滨市's of those days are not, so they are not compared.
    findings = check(archive, region="黑龙江省", date_from="2022-11-20", date_to="2022-12-10")
    assert [(f["kind"], f["region"], f["first_date"], f["last_date"], f["detail"]) for f in findings if f["kind"] != "missing_days"] == [
        ("cross_skipped", "哈尔滨市", D(2022, 11, 26), D(2022, 12, 9), (
            "not compared with 黑龙江省: the windows differ (哈尔滨市 0–14时 against 黑龙江省 0–24时 on 2 days; "
            "哈尔滨市 0–15时 against 黑龙江省 0–24时 on 2022-11-26)"
        )),
    ]  # fmt: skip
    # The corpus's invented 齐齐哈尔市 page and 黑龙江省 page of 2022-10-08 disagree on both types.
    mismatches = [f for f in check(archive, region="齐齐哈尔市") if f["kind"] == "cross_mismatch"]
    assert [f["detail"].split(":")[0] for f in mismatches] == ["asymptomatic, city/province", "confirmed, city/province"]
    assert all(f["first_date"] == D(2022, 10, 8) and f["parent_sentence"].startswith("8日0-24时,黑龙江省") for f in mismatches)
    assert cross_summary(archive, region="吉林省") == [
        {"region": "长春市", "compared_with": "吉林省", "pairs": 1, "agreeing": 0, "disagreeing": 1}
    ]


def test_export_writes_every_table_and_view(archive, tmp_path):
    written = export(archive, tmp_path / "out")
    counts = {w["name"]: (w["kind"], w["rows"]) for w in written}
    assert counts == {
        "document": ("table", 89), "report": ("table", 76), "district_count": ("table", 288),
        "channel_count": ("table", 168), "notice": ("table", 7), "place": ("table", 2), "provenance": ("table", 89),
        "daily_report": ("view", 74), "district_series": ("view", 288), "channel_share": ("view", 142), "cross_pair": ("view", 6),
        "cross_check": ("view", 3),
    }  # fmt: skip
    with open(tmp_path / "out" / "district_series.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    xiangfang = next(r for r in rows if r["report_date"] == "2022-11-30" and r["district"] == "香坊区")
    assert (xiangfang["count"], xiangfang["partial"], xiangfang["district_code"]) == ("38", "true", "230110")
    lines = (tmp_path / "out" / "notice.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[3])["title"] == "认真规范佩戴口罩,降低感染风险"
    reports = [json.loads(line) for line in (tmp_path / "out" / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["consistent"] for r in reports} == {True, False}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda e: districts(e, region="哈尔滨"), "no region 哈尔滨 in the archive: did you mean 哈尔滨市?"),
        (lambda e: districts(e, district="香坊"), "no district 香坊 in the archive: did you mean 香坊区?"),
        (lambda e: series(e, region="广州市"), "no region 广州市 in the archive: the archive has 上海市, 北京市"),
        (lambda e: channels(e, date_from="2022-02-30"), "2022-02-30 is not a date: day is out of range for month"),
        (lambda e: notices(e, date_to="30.11.2022"), "'30.11.2022' is not a date: write it as YYYY-MM-DD"),
        (lambda e: check(e, date_from="2022-12-05", date_to="2022-12-01"),
         "the period starts on 2022-12-05, after its end on 2022-12-01: give the earlier date first"),
        (lambda e: districts(e, case_type="severe"), "'severe' is not a case type: choose one of confirmed,"),
        (lambda e: channels(e, channel="hotel"), "'hotel' is not a channel: choose one of quarantine,"),
        (lambda e: list_reports(e, limit=0), "a limit of 0 would show nothing"),
        (lambda e: notices(e, search="  "), "nothing to search for"),
    ],
)  # fmt: skip
def test_filters_that_cannot_apply_say_why(archive, call, message):
    with pytest.raises(QueryError) as refused:
        call(archive)
    assert message in str(refused.value)


def test_connect_opens_an_existing_archive_and_refuses_a_missing_file(archive, module_db_url, tmp_path):
    engine = connect(module_db_url)
    try:
        assert len(list_reports(engine, region="长春市")) == 2
    finally:
        engine.dispose()
    with pytest.raises(FileNotFoundError, match="no archive at .*nowhere.db: check the path"):
        connect(str(tmp_path / "nowhere.db"))
    assert not (tmp_path / "nowhere.db").exists()


def test_an_empty_archive_gives_empty_results_not_errors(engine):
    assert districts(engine, region="哈尔滨市") == []
    assert districts_pivot(engine) == []
    assert channels(engine, region="哈尔滨市") == []
    assert notices(engine, search="口罩") == []
    assert series(engine, region="哈尔滨市") == []
    assert list(check(engine)) == []
    assert list_reports(engine, region="哈尔滨市") == []
