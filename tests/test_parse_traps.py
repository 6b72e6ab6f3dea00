"""Figures that are not new cases, placed right after a real bulletin: only the bulletin's rows come out."""

import pytest

from archive.parse import parse_document

BULLETIN = (
    "2022年11月20日0—24时,黑龙江省新增本土确诊病例3例(哈尔滨市3例,其中南岗区2例、香坊区1例),"
    "隔离管控筛查发现3例;新增本土无症状感染者2例(哈尔滨市2例,均在道里区),隔离管控筛查发现2例。"
)
EXPECTED_DISTRICTS = [
    ("asymptomatic", "哈尔滨市", "道里区", 2),
    ("confirmed", "哈尔滨市", "南岗区", 2),
    ("confirmed", "哈尔滨市", "香坊区", 1),
]

TRAPS = {
    "cumulative": "本次疫情发生以来,全省累计报告本土阳性感染者18例。病例分布在:平房区10例,南岗区5例,阿城区3例。",
    "recoveries": "当日治愈出院本土确诊病例4例(哈尔滨市道外区4例);解除医学观察无症状感染者6例(哈尔滨市松北区6例)。",
    "stock": "截至11月20日24时,全省现有本土确诊病例36例,现有本土无症状感染者15例(哈尔滨市呼兰区15例)。",
    "case-details": "新增确诊病例主要情况:\n确诊病例41-42:普通型,现住香坊区果园小区。\n无症状感染者16:现住南岗区学府路。",
    "phones": "各区疾控中心咨询电话\n道里区疾控中心 51669665\n道外区疾控中心 57672096",
    "risk-areas": "自2022年11月21日12时起,哈尔滨市道里区某小区调整为高风险区。11月22日24时起,香坊区2个小区调整为低风险区。",
    "page-statistics": "1—10月份全市规上工业增加值同比增长1.5%,全市212户规上工业企业实施闭环生产,守护着2768户居民。",
}


@pytest.mark.parametrize("trap", TRAPS.values(), ids=TRAPS.keys())
@pytest.mark.parametrize("joiner", ["", "\n", "\n\n"], ids=["same-paragraph", "next-line", "next-paragraph"])
def test_trap_after_a_bulletin_adds_nothing(trap, joiner):
    [report] = parse_document(BULLETIN + joiner + trap).reports
    assert (report.local_confirmed, report.local_asymptomatic) == (3, 2)
    assert sorted((d.case_type, d.city, d.district, d.count) for d in report.districts) == EXPECTED_DISTRICTS
    assert sorted((c.case_type, c.count) for c in report.channels) == [("asymptomatic", 2), ("confirmed", 3)]
    assert report.consistent, report.problems


@pytest.mark.parametrize("trap", TRAPS.values(), ids=TRAPS.keys())
def test_trap_alone_is_no_bulletin(trap):
    assert parse_document("发布时间:2022-11-21 08:00\n" + trap).status == "no_bulletin"


def test_page_context_names_the_region_of_a_bulletin_that_says_only_we():
    page = "哈尔滨市卫生健康委员会\n发布时间:2022-11-13 08:18\n11月12日0-24时,我市新增本土无症状感染者2例,均在南岗区。"
    [report] = parse_document(page).reports
    assert (report.region, report.report_date.isoformat()) == ("哈尔滨市", "2022-11-12")
    assert [(d.city, d.district, d.count) for d in report.districts] == [("哈尔滨市", "南岗区", 2)]


def test_whole_province_named_by_its_context():
    page = "黑龙江省卫生健康委员会通报\n2022-03-23 08:35 来源:本报\n22日0-24时,全省新增本土确诊病例1例,在哈尔滨市道里区。"
    [report] = parse_document(page).reports
    assert (report.region, report.region_level, report.report_date.isoformat()) == ("黑龙江省", "province", "2022-03-22")
    assert [(d.city, d.district) for d in report.districts] == [("哈尔滨市", "道里区")]


def test_same_area_name_resolves_within_the_reports_region():
    beijing = "2022年11月20日0—15时,北京市新增本土感染者5例,朝阳区5例。"
    changchun = "2022年4月2日0—24时,长春市新增本土确诊病例5例,朝阳区5例。"
    [b] = parse_document(beijing).reports
    [c] = parse_document(changchun).reports
    assert (b.districts[0].city, b.districts[0].district_code) == ("北京市", "110105")
    assert (c.districts[0].city, c.districts[0].district_code) == ("长春市", "220104")


def test_unknown_area_is_kept_as_written_with_a_problem():
    [report] = parse_document("2022年11月20日0—14时,哈尔滨市新增本土无症状感染者2例,梦幻区2例。").reports
    assert [(d.district, d.district_code) for d in report.districts] == [("梦幻区", None)]
    assert "unknown_area" in {p.code for p in report.problems}


def test_renamed_county_resolves_to_todays_district():
    [report] = parse_document("2022年11月20日0—24时,哈尔滨市新增本土确诊病例1例,在双城市。").reports
    assert [(d.district, d.district_code) for d in report.districts] == [("双城区", "230113")]
