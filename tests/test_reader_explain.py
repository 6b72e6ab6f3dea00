"""Every figure says how it was read, nothing unread goes unsaid, and the parser version follows the lexicon."""

import json

from click.testing import CliRunner

from archive.cli import main
from archive.parse import PARSER_VERSION, lexicon
from archive.query.check import KINDS as CHECK_KINDS

PAGE = (
    "2022年12月3日0—14时,哈尔滨市新增本土新冠病毒无症状感染者5例。其中,隔离管控人员中发现4例,社区筛查发现1例。"
    "南岗区3例、道里区2例,其中男性3例。"
)


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_explain_gives_each_figure_its_pattern_and_tokens(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")

    result = run("--db", tmp_path / "a.db", "ingest", page, "--dry-run", "--json", "--explain")

    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)[0]["reports"]
    readings = {reading["figure"]: reading for reading in report["readings"]}
    total = readings["local_asymptomatic"]
    assert (total["value"], total["pattern"]) == (5, "totals_noun_first")
    assert [(t["kind"], t["text"]) for t in total["tokens"]] == [
        ("area", "哈尔滨市"),
        ("new", "新增"),
        ("origin:local", "本土"),
        ("noun", "无症状感染者"),
        ("count", "5例"),
    ]
    district = readings["district_count asymptomatic 哈尔滨市 南岗区"]
    assert (district["value"], district["pattern"], [t["text"] for t in district["tokens"]]) == (3, "area_count", ["南岗区", "3例"])
    channel = readings["channel_count asymptomatic 社区筛查发现"]
    assert (channel["value"], channel["pattern"]) == (1, "channel_count_after")
    for reading in report["readings"]:  # the spans index the stored text
        for token in reading["tokens"]:
            assert PAGE[token["start"] : token["end"]] == token["text"]


def test_explain_needs_a_dry_run(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run("--db", tmp_path / "a.db", "ingest", page, "--explain")
    assert result.exit_code == 2
    assert "--dry-run" in result.output


def test_a_count_no_pattern_reads_is_a_finding_of_check(db_url, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert run("--db", db_url, "ingest", page).exit_code == 0

    result = run("--db", db_url, "check", "--format", "json")

    findings = [f for f in json.loads(result.output) if f["kind"] == "unrecognized"]
    assert [(f["region"], f["first_date"], f["sentence"]) for f in findings] == [("哈尔滨市", "2022-12-03", "3例")]
    assert "男性3例" in findings[0]["detail"]
    assert CHECK_KINDS.index("unrecognized") == 1  # listed right after the inconsistent reports


def test_the_parser_version_carries_a_hash_of_the_lexicon_and_the_patterns():
    assert PARSER_VERSION.endswith("+" + lexicon.lexicon_hash())
    names = {item.name for item in lexicon._files()}
    assert {"patterns.tsv", "nouns.tsv", "traps.tsv"} <= names
