"""The user's own page (Harbin, 2022-11-30), parsed without a database."""

import pytest

from archive.parse import parse_document
from shared_paths import SEED, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def parsed():
    return parse_document(SEED.read_text(encoding="utf-8"))


def test_one_bulletin_with_its_totals(parsed):
    assert parsed.status == "parsed"
    [report] = parsed.reports
    assert (report.region, report.region_level) == ("哈尔滨市", "city")
    assert report.report_date.isoformat() == "2022-11-30"
    assert (report.window_start_hour, report.window_end_hour) == (0, 14)
    assert report.local_asymptomatic == 126
    assert [
        report.local_confirmed,
        report.local_positive,
        report.initial_positive,
        report.imported_confirmed,
        report.imported_asymptomatic,
        report.converted,
    ] == [None] * 6
    assert report.consistent
    assert report.problems == []
    assert report.headline == "哈市新增本土新冠无症状感染者126例"
    assert report.speaker == "市卫健委副主任杨超"


def test_span_covers_the_bulletin_body(parsed):
    [report] = parsed.reports
    source = parsed.text[report.span_start : report.span_end]
    assert source.startswith("2022年11月30日0—14时,哈尔滨市新增本土新冠病毒无症状感染者126例。")
    assert source.endswith("阿城区2例、双城区1例。")


def test_districts(parsed):
    [report] = parsed.reports
    assert [(d.case_type, d.city, d.district, d.count) for d in report.districts] == [
        ("asymptomatic", "哈尔滨市", name, count)
        for name, count in [
            ("香坊区", 38), ("南岗区", 33), ("道外区", 20), ("道里区", 11), ("呼兰区", 8),
            ("松北区", 5), ("巴彦县", 5), ("宾县", 3), ("阿城区", 2), ("双城区", 1),
        ]
    ]


def test_channels(parsed):
    [report] = parsed.reports
    assert [(c.case_type, c.channel, c.label, c.count) for c in report.channels] == [
        ("asymptomatic", "quarantine", "隔离管控人员中发现", 99),
        ("asymptomatic", "community_screening", "社区筛查发现", 17),
        ("asymptomatic", "key_population", "非闭环管理重点人员筛查发现", 5),
        ("asymptomatic", "close_contact", "密切接触者筛查发现", 4),
        ("asymptomatic", "cross_region", "跨区域协查发现", 1),
    ]


def test_notices_are_the_press_conference_items_only(parsed):
    [report] = parsed.reports
    assert [(n.ordinal, n.title) for n in report.notices] == [
        (1, "请抵返哈人员务必主动报备行程,配合落实防控措施"),
        (2, "请市民密切关注疫情动态变化,配合流调排查"),
        (3, "按要求参加核酸检测,确保应检尽检"),
        (4, "认真规范佩戴口罩,降低感染风险"),
    ]
    first, _, third, fourth = report.notices
    assert first.body.startswith("请抵返哈人员务必主动报备行程,配合落实防控措施。“外防输入”")
    assert "落实防控措施" in first.body and "立即离开" in third.body
    assert fourth.body.endswith("建议您佩戴N95或KN95口罩。")
    assert all(not n.body.startswith(("一是", "二是", "三是", "四是")) for n in report.notices)
    assert "全市工业生产平稳" not in "".join(n.body for n in report.notices)
