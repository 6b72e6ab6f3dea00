"""The seed page, ingested with the real parser through the CLI, gives exactly issue 2's rows."""

import json
import re
from pathlib import Path

from click.testing import CliRunner
from shared_paths import SEED, needs_shared

from archive.cli import main

pytestmark = needs_shared

NOTICE_TITLES = [
    "请抵返哈人员务必主动报备行程,配合落实防控措施",
    "请市民密切关注疫情动态变化,配合流调排查",
    "按要求参加核酸检测,确保应检尽检",
    "认真规范佩戴口罩,降低感染风险",
]


def sql(db_url: str, statement: str) -> list[dict]:
    result = CliRunner().invoke(main, ["--db", db_url, "sql", "--format", "json", "--", statement])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_seed_page_gives_the_rows_of_issue_2(db_url):
    result = CliRunner().invoke(main, ["--db", db_url, "ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "documents: 1 new, 0 skipped, 0 failed\nreports: 1\nproblems: 0\n"

    assert sql(db_url, "SELECT status, error FROM document") == [{"status": "parsed", "error": None}]

    [report] = sql(
        db_url,
        "SELECT r.*, substr(d.text, r.span_start + 1, r.span_end - r.span_start) AS sentence "
        "FROM report r JOIN document d ON d.id = r.document_id",
    )
    assert {key: report[key] for key in (
        "seq", "region", "region_level", "report_date", "window_start_hour", "window_end_hour",
        "local_confirmed", "local_asymptomatic", "local_positive", "initial_positive",
        "imported_confirmed", "imported_asymptomatic", "converted", "headline", "speaker",
    )} == {
        "seq": 1,
        "region": "哈尔滨市",
        "region_level": "city",
        "report_date": "2022-11-30",
        "window_start_hour": 0,
        "window_end_hour": 14,
        "local_confirmed": None,
        "local_asymptomatic": 126,
        "local_positive": None,
        "initial_positive": None,
        "imported_confirmed": None,
        "imported_asymptomatic": None,
        "converted": None,
        "headline": "哈市新增本土新冠无症状感染者126例",
        "speaker": "市卫健委副主任杨超",
    }  # fmt: skip
    assert bool(report["consistent"]) is True
    assert report["sentence"].startswith("2022年11月30日0—14时,哈尔滨市新增本土新冠病毒无症状感染者126例。")
    assert report["sentence"].endswith("双城区1例。")

    districts = sql(
        db_url, "SELECT case_type, city, district, count FROM district_count ORDER BY count DESC, district"
    )
    assert {row["case_type"] for row in districts} == {"asymptomatic"}
    assert {row["city"] for row in districts} == {"哈尔滨市"}
    assert sorted((row["district"], row["count"]) for row in districts) == sorted([
        ("香坊区", 38), ("南岗区", 33), ("道外区", 20), ("道里区", 11), ("呼兰区", 8),
        ("松北区", 5), ("巴彦县", 5), ("宾县", 3), ("阿城区", 2), ("双城区", 1),
    ])  # fmt: skip

    codes = sql(db_url, "SELECT district, city_code, district_code FROM district_count")
    assert {row["city_code"] for row in codes} == {"230100"}
    assert {row["district"]: row["district_code"] for row in codes} == {
        "香坊区": "230110", "南岗区": "230103", "道外区": "230104", "道里区": "230102", "呼兰区": "230111",
        "松北区": "230109", "巴彦县": "230126", "宾县": "230125", "阿城区": "230112", "双城区": "230113",
    }  # fmt: skip
    assert sql(db_url, "SELECT region_code FROM report") == [{"region_code": "230100"}]

    channels = sql(db_url, "SELECT case_type, channel, label, count FROM channel_count")
    assert sorted((c["case_type"], c["channel"], c["count"]) for c in channels) == sorted([
        ("asymptomatic", "quarantine", 99),
        ("asymptomatic", "community_screening", 17),
        ("asymptomatic", "key_population", 5),
        ("asymptomatic", "close_contact", 4),
        ("asymptomatic", "cross_region", 1),
    ])  # fmt: skip
    labels = {c["channel"]: c["label"] for c in channels}
    assert labels["quarantine"] == "隔离管控人员中发现"
    assert labels["key_population"] == "非闭环管理重点人员筛查发现"

    notices = sql(
        db_url,
        "SELECT n.ordinal, n.title, n.body FROM notice n JOIN report r ON r.id = n.report_id "
        "ORDER BY n.ordinal",
    )
    assert [n["ordinal"] for n in notices] == [1, 2, 3, 4]
    assert [n["title"] for n in notices] == NOTICE_TITLES
    assert notices[0]["body"].startswith(NOTICE_TITLES[0] + "。")
    assert "落实防控措施" in notices[0]["body"] and "\n" not in notices[0]["body"]
    assert "立即离开" in notices[2]["body"]
    assert notices[3]["body"].endswith("KN95口罩。")
    assert not any(n["body"].startswith(("一是", "二是", "三是", "四是")) for n in notices)


def readme_queries() -> list[str]:
    """The queries of the README's section on the seed page (tests/test_places.py runs the place queries)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Three queries on the seed page", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def test_the_readme_queries_work_on_the_seed(db_url):
    assert CliRunner().invoke(main, ["--db", db_url, "ingest", str(SEED)]).exit_code == 0
    districts, channels, sentences = (sql(db_url, query) for query in readme_queries())

    assert (districts[0]["district"], districts[0]["count"], len(districts)) == ("香坊区", 38, 10)
    assert (channels[0]["channel"], channels[0]["count"], float(channels[0]["percent"])) == ("quarantine", 99, 78.6)
    assert sentences[0]["sentence"].endswith("双城区1例。")
