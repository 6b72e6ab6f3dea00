"""Sources one level apart checking each other (views cross_pair and cross_check, check kinds
cross_mismatch and cross_skipped, check --summary), on SQLite and PostgreSQL.

Every level pair is tested twice: with pages the parser reads (a district post beside its
city's bulletin, a city and its province, a national list and a province), and with reports
written through the store as parse values, for shapes a page would hide (zeros of complete
lists, same-named districts of different cities). The acceptance test reads the real Shanghai
bulletins and district posts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_paths import SHARED
from sqlalchemy import select, text

from archive.cli import main
from archive.parse import DistrictCount, ParsedDocument, Report
from archive.query import check, cross_summary
from archive.query.filters import SOURCE_SENTENCE
from archive.query.views import cross_check, cross_pair
from archive.sources import document_from_bytes, iter_sources
from archive.store import ingest, open_archive
from archive.store.models import Document
from archive.store.models import Report as StoredReport
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.writer import DocumentWrite, document_values, store_documents

DAY = dt.date(2022, 3, 20)

HARBIN = (
    "2022年3月20日0—24时,哈尔滨市新增本土新冠病毒阳性感染者8例,其中确诊病例5例,道里区2例、五常市2例、宾县1例;"
    "隔离管控人员中发现5例。无症状感染者3例,道外区3例;隔离管控人员中发现3例。\n"
)
HARBIN_ASYMPTOMATIC_ONLY = (
    "2022年3月20日0—24时,哈尔滨市新增本土新冠病毒无症状感染者3例。其中,隔离管控人员中发现3例。道外区3例。\n"
)
HARBIN_BY_AFTERNOON = HARBIN.replace("0—24时", "0—14时")


def heilongjiang(confirmed_list: str, asymptomatic_list: str, confirmed: int = 6, asymptomatic: int = 4) -> str:
    return (
        f"3月20日0-24时,黑龙江省新增新冠肺炎本土确诊病例{confirmed}例({confirmed_list}),集中隔离管控筛查发现"
        f"{confirmed}例;新增本土无症状感染者{asymptomatic}例({asymptomatic_list}),集中隔离管控筛查发现{asymptomatic}例。\n"
    )


AGREEING_PROVINCE = heilongjiang(
    "哈尔滨市5例,其中道里区2例、五常市2例、宾县1例;绥化市1例,在北林区", "哈尔滨市3例,其中道外区3例;牡丹江市1例,在绥芬河市"
)


def ingest_pages(engine, *pages: str) -> dict[str, int]:
    """Each page as a document of its own; the id of each page's (one) report, by page."""
    sources = {f"page-{n}.txt": page for n, page in enumerate(pages)}
    ingest(engine, [document_from_bytes(source, page.encode()) for source, page in sources.items()], year=2022)
    with engine.connect() as connection:
        rows = connection.execute(select(Document.source, StoredReport.id).join(StoredReport))
        return {sources[source]: report_id for source, report_id in rows}


def compared(engine) -> list[tuple]:
    """The cross_check view, its pairs brought up to date as the archive's readers do:
    (region, level_pair, case_type, figure, parent_figure, agree), sorted."""
    bring_pairs_up_to_date(engine)
    with engine.connect() as connection:
        rows = connection.execute(select(cross_check))
        return sorted((r.region, r.level_pair, r.case_type, r.figure, r.parent_figure, r.agree) for r in rows)


def cross_findings(engine, **scope) -> list[dict]:
    return [f for f in check(engine, **scope) if f["kind"].startswith("cross_")]


# --- city and province, read from pages ----------------------------------------------------


def test_a_city_and_its_province_that_agree(engine):
    ingest_pages(engine, HARBIN, AGREEING_PROVINCE)
    assert compared(engine) == [
        ("哈尔滨市", "city/province", "asymptomatic", 3, 3, True),
        ("哈尔滨市", "city/province", "confirmed", 5, 5, True),
    ]
    assert cross_findings(engine) == []
    assert cross_summary(engine) == [
        {"region": "哈尔滨市", "compared_with": "黑龙江省", "pairs": 2, "agreeing": 2, "disagreeing": 0}
    ]


def test_a_city_and_its_province_that_disagree(engine):
    province = heilongjiang(
        "哈尔滨市5例,其中道里区2例、五常市2例、宾县1例;绥化市1例,在北林区", "哈尔滨市2例,其中道外区2例;牡丹江市1例,在绥芬河市",
        asymptomatic=3,
    )
    ids = ingest_pages(engine, HARBIN, province)
    assert compared(engine) == [
        ("哈尔滨市", "city/province", "asymptomatic", 3, 2, False),
        ("哈尔滨市", "city/province", "confirmed", 5, 5, True),
    ]
    [finding] = cross_findings(engine)
    assert finding == {
        "kind": "cross_mismatch",
        "region": "哈尔滨市",
        "first_date": DAY,
        "last_date": DAY,
        "window_start_hour": 0,
        "window_end_hour": 24,
        "report_ids": [ids[HARBIN], ids[province]],
        "detail": (
            f"asymptomatic, city/province: 3 in report {ids[HARBIN]} (哈尔滨市), "
            f"2 for 哈尔滨市 in report {ids[province]} (黑龙江省)"
        ),
        "sentence": HARBIN.strip(),
        "parent_sentence": province.strip(),
    }
    assert cross_summary(engine, region="黑龙江省") == [
        {"region": "哈尔滨市", "compared_with": "黑龙江省", "pairs": 2, "agreeing": 1, "disagreeing": 1}
    ]


def test_a_complete_list_that_leaves_the_city_out_states_zero_for_it(engine):
    # Every confirmed case is in 绥化市 (6 of 6) and every asymptomatic one in 牡丹江市: the
    # province's lists give 哈尔滨市 none, against the city's own 5 and 3.
    province = heilongjiang("绥化市6例,在北林区", "牡丹江市4例,在绥芬河市")
    ids = ingest_pages(engine, HARBIN, province)
    assert compared(engine) == [
        ("哈尔滨市", "city/province", "asymptomatic", 3, 0, False),
        ("哈尔滨市", "city/province", "confirmed", 5, 0, False),
    ]
    details = [f["detail"] for f in cross_findings(engine)]
    assert details == [
        f"{case_type}, city/province: {figure} in report {ids[HARBIN]} (哈尔滨市), 0 for 哈尔滨市 in report "
        f"{ids[province]} (黑龙江省: its {case_type} list accounts for the whole total and does not name 哈尔滨市)"
        for case_type, figure in (("asymptomatic", 3), ("confirmed", 5))
    ]


def test_a_partial_list_says_nothing_of_the_cities_it_leaves_out(engine):
    # 7 confirmed stated, 1 listed: 哈尔滨市's share is not stated, and neither is its asymptomatic one.
    province = heilongjiang("绥化市1例,在北林区", "牡丹江市1例,在绥芬河市", confirmed=7, asymptomatic=4)
    ingest_pages(engine, HARBIN, province)
    assert compared(engine) == []
    assert cross_findings(engine) == []


def test_a_figure_the_city_does_not_state_is_not_compared(engine):
    ingest_pages(engine, HARBIN_ASYMPTOMATIC_ONLY, AGREEING_PROVINCE)  # no confirmed total: NULL
    assert compared(engine) == [("哈尔滨市", "city/province", "asymptomatic", 3, 3, True)]


def test_reports_of_different_windows_are_not_compared_and_check_says_why(engine):
    ingest_pages(engine, HARBIN_BY_AFTERNOON, AGREEING_PROVINCE)
    assert compared(engine) == []
    with engine.connect() as connection:  # cross_pair keeps them, with their windows
        rows = connection.execute(select(cross_pair)).all()
    assert sorted((r.case_type, r.window_end_hour, r.parent_window_end_hour, r.same_window) for r in rows) == [
        ("asymptomatic", 14, 24, False), ("confirmed", 14, 24, False),
    ]  # fmt: skip
    [finding] = cross_findings(engine)
    assert finding == {
        "kind": "cross_skipped", "region": "哈尔滨市", "first_date": DAY, "last_date": DAY,
        "window_start_hour": None, "window_end_hour": None, "report_ids": [],
        "detail": "not compared with 黑龙江省: the windows differ (哈尔滨市 0–14时 against 黑龙江省 0–24时 on 2022-03-20)",
        "sentence": None, "parent_sentence": None,
    }  # fmt: skip


def test_a_window_compared_that_day_is_enough(engine):
    ingest_pages(engine, HARBIN_BY_AFTERNOON, HARBIN, AGREEING_PROVINCE)
    assert len(compared(engine)) == 2
    assert cross_findings(engine) == []


def test_check_summary_on_the_command_line(db_url):
    engine = open_archive(db_url)
    try:
        province = heilongjiang(
            "哈尔滨市5例,其中道里区2例、五常市2例、宾县1例;绥化市1例,在北林区", "哈尔滨市2例,其中道外区2例;牡丹江市1例,在绥芬河市",
            asymptomatic=3,
        )
        ingest_pages(engine, HARBIN, province)
    finally:
        engine.dispose()
    result = CliRunner().invoke(main, ["--db", db_url, "check", "--summary", "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines() == [
        "region,compared_with,pairs,agreeing,disagreeing",
        "哈尔滨市,黑龙江省,2,1,1",
    ]


# --- district and city, province and nation: reports written as parse values ---------------


def store_report(engine, name: str, report: Report) -> int:
    """``report`` stored as the one report of a document of its own, whose text is its sentence."""
    text = f"{name}: {report.region} {report.local_confirmed}/{report.local_asymptomatic}"
    report.span_start, report.span_end = 0, len(text)
    parsed = ParsedDocument(text=text, status="parsed", reports=[report])
    values = {
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "source": name,
        "encoding": "utf-8",
        "ingested_at": dt.datetime.now(dt.UTC),
        **document_values(parsed, None),
    }
    [stored] = store_documents(engine, [DocumentWrite(values, parsed, {"container": name, "origin": "", "captured_at": None})])
    with engine.connect() as connection:
        return connection.execute(select(StoredReport.id).where(StoredReport.document_id == stored.document_id)).scalar_one()


def report(region: str, level: str, code: str | None, confirmed=None, asymptomatic=None, rows=(), window=(0, 24)) -> Report:
    return Report(
        seq=1, region=region, region_level=level, region_code=code, report_date=DAY,
        window_start_hour=window[0], window_end_hour=window[1], span_start=0, span_end=0,
        local_confirmed=confirmed, local_asymptomatic=asymptomatic,
        districts=[DistrictCount(case_type, city, district, count) for case_type, city, district, count in rows],
    )  # fmt: skip


SHANGHAI_LISTS = [
    ("confirmed", "上海市", "浦东新区", 5),
    ("asymptomatic", "上海市", "浦东新区", 9),
    ("asymptomatic", "上海市", "金山区", 3),
]


def test_districts_against_their_city_list_and_its_zeros(engine):
    city = store_report(engine, "bulletin", report("上海市", "city", "310000", 5, 12, SHANGHAI_LISTS))
    pudong = store_report(engine, "pudong", report("浦东新区", "district", "310115", 5, 9))
    jinshan = store_report(engine, "jinshan", report("金山区", "district", "310116", 1, 2))
    songjiang = store_report(engine, "songjiang", report("松江区", "district", "310117", 0, None))
    assert compared(engine) == [
        # the city's confirmed list accounts for all 5 cases, none in 金山区 or 松江区
        ("松江区", "district/city", "confirmed", 0, 0, True),
        ("浦东新区", "district/city", "asymptomatic", 9, 9, True),
        ("浦东新区", "district/city", "confirmed", 5, 5, True),
        ("金山区", "district/city", "asymptomatic", 2, 3, False),
        ("金山区", "district/city", "confirmed", 1, 0, False),
    ]
    findings = cross_findings(engine, region="上海市")
    assert [(f["region"], f["report_ids"], f["detail"]) for f in findings] == [
        ("金山区", [jinshan, city], f"asymptomatic, district/city: 2 in report {jinshan} (金山区), 3 for 金山区 in report {city} (上海市)"),
        ("金山区", [jinshan, city], (
            f"confirmed, district/city: 1 in report {jinshan} (金山区), 0 for 金山区 in report {city} "
            "(上海市: its confirmed list accounts for the whole total and does not name 金山区)"
        )),
    ]  # fmt: skip
    assert [f["sentence"] for f in findings] == ["jinshan: 金山区 1/2"] * 2
    assert [f["parent_sentence"] for f in findings] == ["bulletin: 上海市 5/12"] * 2
    assert {(s["region"], s["pairs"], s["agreeing"]) for s in cross_summary(engine)} == {
        ("松江区", 1, 1), ("浦东新区", 2, 2), ("金山区", 2, 0),
    }  # fmt: skip
    assert pudong and songjiang


def test_a_city_that_states_no_cases_of_a_type_gives_each_district_zero(engine):
    # 上海市: 0 asymptomatic, no list; its confirmed total (3) comes without a list: not compared.
    store_report(engine, "bulletin", report("上海市", "city", "310000", 3, 0))
    store_report(engine, "pudong", report("浦东新区", "district", "310115", 3, 2))
    store_report(engine, "jinshan", report("金山区", "district", "310116", 0, 0))
    assert compared(engine) == [
        ("浦东新区", "district/city", "asymptomatic", 2, 0, False),
        ("金山区", "district/city", "asymptomatic", 0, 0, True),
    ]


def test_a_district_is_compared_with_its_own_city_only(engine):
    # 朝阳区 of 北京市 (110105) is not 朝阳区 of 长春市 (220104).
    store_report(engine, "changchun", report("长春市", "city", "220100", 4, None, [("confirmed", "长春市", "朝阳区", 4)]))
    store_report(engine, "beijing", report("北京市", "city", "110000", 2, None, [("confirmed", "北京市", "朝阳区", 2)]))
    store_report(engine, "chaoyang", report("朝阳区", "district", "110105", 2, None))
    assert compared(engine) == [("朝阳区", "district/city", "confirmed", 2, 2, True)]
    assert cross_summary(engine)[0]["compared_with"] == "北京市"


def test_provinces_and_municipalities_against_a_national_list(engine):
    national_rows = [("confirmed", "黑龙江省", "黑龙江省", 12), ("confirmed", "上海市", "上海市", 3), ("confirmed", "吉林省", "吉林省", 8)]
    nation = store_report(engine, "nation", report("全国", "national", None, 23, None, national_rows))
    heilongjiang_report = store_report(engine, "heilongjiang", report("黑龙江省", "province", "230000", 12, 4))
    store_report(engine, "shanghai", report("上海市", "city", "310000", 2, 7))
    store_report(engine, "guangdong", report("广东省", "province", "440000", 0, 1))
    store_report(engine, "harbin", report("哈尔滨市", "city", "230100", 12, None))  # a city, not in national lists
    assert compared(engine) == [
        ("上海市", "province/national", "confirmed", 2, 3, False),
        ("广东省", "province/national", "confirmed", 0, 0, True),
        ("黑龙江省", "province/national", "confirmed", 12, 12, True),
    ]
    assert [(f["region"], f["detail"]) for f in cross_findings(engine, region="全国")] == [
        ("上海市", f"confirmed, province/national: 2 in report {_id(engine, '上海市')} (上海市), 3 for 上海市 in report {nation} (全国)")
    ]
    assert heilongjiang_report

    # Changed and deleted with SQL: the kept pairs follow (a national report marks its whole day).
    with engine.begin() as connection:
        connection.execute(text("UPDATE report SET local_confirmed = 3 WHERE region = '上海市'"))
    assert ("上海市", "province/national", "confirmed", 3, 3, True) in compared(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM document WHERE id = (SELECT document_id FROM report WHERE id = :id)"), {"id": nation})
    assert compared(engine) == []


def test_a_city_named_alone_in_a_partial_province_list_is_compared(engine):
    # 3 of the 9 confirmed cases are listed, all as 哈尔滨市 (no finer area): that is the city's figure.
    store_report(engine, "province", report("黑龙江省", "province", "230000", 9, None, [("confirmed", "哈尔滨市", "哈尔滨市", 3)]))
    store_report(engine, "harbin", report("哈尔滨市", "city", "230100", 3, None))
    store_report(engine, "qiqihar", report("齐齐哈尔市", "city", "230200", 6, None))  # left out of a partial list
    assert compared(engine) == [("哈尔滨市", "city/province", "confirmed", 3, 3, True)]


def _id(engine, region: str) -> int:
    with engine.connect() as connection:
        return connection.execute(select(StoredReport.id).where(StoredReport.region == region)).scalar_one()


# --- pages of the other level pairs: wait for the parser -----------------------------------

SHANGHAI_BULLETIN = (
    "上海发布\n2022年4月15日0—24时,上海市新增本土新冠肺炎确诊病例5例和无症状感染者12例。\n\n"
    "病例1—病例5,居住于浦东新区,在隔离管控中发现。\n\n"
    "无症状感染者1—无症状感染者9,居住于浦东新区,无症状感染者10—无症状感染者12,居住于金山区,在隔离管控中发现。\n"
)
DISTRICT_POST = (
    "上海发布\n市卫健委今早(16日)通报:2022年4月15日0—24时,新增本土新冠肺炎确诊病例5例和无症状感染者12例。"
    "各区信息如下:\n\n浦东新区\n2022年4月15日,浦东新区新增5例本土确诊病例,新增9例本土无症状感染者,分别居住于:\n"
    "张江路100号,\n川沙路8弄。\n\n金山区\n2022年4月15日,金山区无新增本土确诊病例,新增2例本土无症状感染者,分别居住于:\n"
    "蒙山路3号。\n"
)


def test_pages_of_a_district_post_and_its_city_bulletin(engine):
    ingest(engine, [document_from_bytes("bulletin.txt", SHANGHAI_BULLETIN.encode()), document_from_bytes("post.txt", DISTRICT_POST.encode())])
    assert compared(engine) == [
        ("浦东新区", "district/city", "asymptomatic", 9, 9, True),
        ("浦东新区", "district/city", "confirmed", 5, 5, True),
        ("金山区", "district/city", "asymptomatic", 2, 3, False),
        ("金山区", "district/city", "confirmed", 0, 0, True),
    ]
    [finding] = cross_findings(engine)
    assert finding["kind"] == "cross_mismatch" and finding["region"] == "金山区"
    assert "金山区" in finding["sentence"] and "2例" in finding["sentence"]
    assert "居住于金山区" in finding["parent_sentence"]


NATIONAL_BULLETIN = (
    "国家卫健委\n2022年4月15日0—24时,31个省(自治区、直辖市)和新疆生产建设兵团报告新增确诊病例30例。"
    "其中境外输入病例10例(上海5例,广东5例);本土病例20例(黑龙江12例,吉林8例)。\n"
)
PROVINCE_BULLETIN = "黑龙江省卫健委\n2022年4月15日0-24时,黑龙江省新增新冠肺炎本土确诊病例11例(哈尔滨市11例,均在道里区)。\n"


def test_pages_of_a_national_list_and_a_province_bulletin(engine):
    ingest(engine, [document_from_bytes("nation.txt", NATIONAL_BULLETIN.encode()), document_from_bytes("province.txt", PROVINCE_BULLETIN.encode())])
    assert compared(engine) == [("黑龙江省", "province/national", "confirmed", 11, 12, False)]
    [finding] = cross_findings(engine)
    assert finding["region"] == "黑龙江省" and "黑龙江12例" in finding["parent_sentence"]
    assert "11例" in finding["sentence"]


# --- the real Shanghai bulletins and district posts of ../shared/real ----------------------

SHANGHAI_REAL = SHARED / "real" / "shanghai-2022"
DISTRICTS = (
    "浦东新区", "黄浦区", "静安区", "徐汇区", "长宁区", "普陀区", "虹口区", "杨浦区",
    "宝山区", "闵行区", "嘉定区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区",
)  # fmt: skip
# Read from the pages: the posts and the bulletins' case lines disagree on these (post, bulletin).
DISAGREEMENTS = {
    (dt.date(2022, 3, 29), "闵行区", "asymptomatic", 958, 959),
    (dt.date(2022, 3, 29), "松江区", "asymptomatic", 213, 214),
    (dt.date(2022, 4, 20), "嘉定区", "asymptomatic", 567, 559),
    (dt.date(2022, 4, 20), "金山区", "asymptomatic", 1, 9),
}
# Posts without district figures: 03-18 lists addresses only, 04-19 is cut off before its blocks.
POSTS_WITHOUT_FIGURES = {"20220318", "20220419"}
# District blocks that state no confirmed figure (only asymptomatic cases), by post. (奉贤区's blocks of
# 04-25 and 04-26 write their confirmed cases as N例本土新冠病例: confirmed figures, which agree with the
# bulletin.)
NO_CONFIRMED_FIGURE = {
    "20220319": {"松江区", "金山区", "青浦区"}, "20220320": {"崇明区", "松江区", "金山区", "青浦区"},
    "20220321": {"青浦区"}, "20220422": {"金山区"}, "20220423": {"金山区"},
    "20220502": {"金山区"}, "20220511": {"金山区"}, "20220513": {"金山区"},
    "20220514": {"金山区"}, "20220517": {"金山区"},
}  # fmt: skip


def days_with_bulletin_and_post() -> list[str]:
    bulletins = {path.stem.removeprefix("number-") for path in SHANGHAI_REAL.glob("number-*.txt")}
    posts = {path.stem.removeprefix("address-") for path in SHANGHAI_REAL.glob("address-*.txt")}
    return sorted((bulletins & posts) - POSTS_WITHOUT_FIGURES)


@pytest.fixture(scope="module")
def real_archive(module_db_url):
    if not SHANGHAI_REAL.is_dir():
        pytest.skip(f"{SHANGHAI_REAL} (the real Shanghai pages) is absent")
    engine = open_archive(module_db_url)
    ingest(engine, iter_sources([str(SHARED / "real")], recursive=True))
    yield engine
    engine.dispose()


def test_shanghai_posts_and_bulletins_disagree_only_where_the_pages_do(real_archive):
    with real_archive.connect() as connection:
        rows = connection.execute(select(cross_check).where(cross_check.c.parent_region == "上海市")).all()
    assert {(r.report_date, r.region, r.case_type, r.figure, r.parent_figure) for r in rows if not r.agree} == DISAGREEMENTS
    for day in days_with_bulletin_and_post():
        date = dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))
        compared_that_day = {(r.region, r.case_type) for r in rows if r.report_date == date and r.level_pair == "district/city"}
        expected = {(district, "asymptomatic") for district in DISTRICTS} | {
            (district, "confirmed") for district in DISTRICTS if district not in NO_CONFIRMED_FIGURE.get(day, set())
        }
        assert compared_that_day == expected, day


def test_shanghai_disagreements_are_findings_with_both_sentences(real_archive):
    findings = [f for f in check(real_archive, region="上海市") if f["kind"].startswith("cross_")]
    by_region = sorted(DISAGREEMENTS, key=lambda disagreement: (disagreement[1], disagreement[0]))  # as check orders
    assert [(f["kind"], f["first_date"], f["region"]) for f in findings] == [
        ("cross_mismatch", day, district) for day, district, *_ in by_region
    ]
    with real_archive.connect() as connection:
        for finding, (_day, district, _type, post_figure, bulletin_figure) in zip(findings, by_region, strict=True):
            post, bulletin = finding["report_ids"]
            sources = dict(
                connection.execute(
                    select(StoredReport.id, Document.source).join(Document).where(StoredReport.id.in_([post, bulletin]))
                ).all()
            )
            day = finding["first_date"].strftime("%Y%m%d")
            assert (Path(sources[post]).name, Path(sources[bulletin]).name) == (f"address-{day}.txt", f"number-{day}.txt")
            assert f" {post_figure} in report {post} " in finding["detail"]
            assert f" {bulletin_figure} for {district} in report {bulletin} " in finding["detail"]
            assert district in finding["sentence"] and f"{post_figure}例" in finding["sentence"]
            assert finding["parent_sentence"] == _sentence_of(connection, bulletin)


def _sentence_of(connection, report_id: int) -> str:
    return connection.execute(
        select(SOURCE_SENTENCE).select_from(StoredReport).join(Document).where(StoredReport.id == report_id)
    ).scalar_one()
