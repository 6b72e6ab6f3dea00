"""District posts: one district report per block with its stated counts and its places; per-case lines give places.

The real posts (../shared/real/shanghai-2022/address-*.txt) are checked against what this file reads
from their raw lines by itself: the addresses under each block, and the counts of each block sentence.
"""

import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archive.parse import Report, parse_document
from archive.parse.district_posts import with_places
from archive.parse.normalize import normalize_text
from archive.sources import document_from_bytes, html_to_text
from archive.store import ingest, reparse
from archive.store import models
from shared_paths import SHARED

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "district-posts" / "shanghai-2022-04-02.txt"
SHANGHAI = SHARED / "real" / "shanghai-2022"
needs_shanghai = pytest.mark.skipif(not SHANGHAI.is_dir(), reason="../shared/real/shanghai-2022 is absent")


def districts_of(parsed) -> dict:
    return {r.region: r for r in parsed.reports if r.region_level == "district"}


def shape(parsed) -> list[tuple]:
    return [
        (r.region, r.region_level, r.region_code, str(r.report_date), r.window_start_hour, r.window_end_hour,
         r.local_confirmed, r.local_asymptomatic, sorted((p.case_type, p.city, p.district, p.name, p.cases) for p in r.places),
         sorted(p.code for p in r.problems))
        for r in parsed.reports
    ]  # fmt: skip


# --- the shipped example post --------------------------------------------------------------


def test_example_post_gives_one_district_report_per_block():
    parsed = parse_document(EXAMPLE.read_text(encoding="utf-8"))
    city = [r for r in parsed.reports if r.region_level != "district"]
    assert [(r.region, r.local_confirmed, r.local_asymptomatic, r.places) for r in city] == [("上海市", 12, 40, [])]
    districts = districts_of(parsed)
    assert {name: (r.local_confirmed, r.local_asymptomatic) for name, r in districts.items()} == {
        "浦东新区": (6, 21),
        "徐汇区": (0, 7),  # 无新增本土确诊病例
        "闵行区": (6, 8),
        "崇明区": (None, 4),  # states no confirmed count, and lists no address
    }
    pudong = districts["浦东新区"]
    # The address repeated is one place; 图片 and (滑动查看更多↓) are not places; the district
    # written before an address and a trailing 等 are dropped; a line without its comma stays one place.
    assert [p.name for p in pudong.places] == ["青桐路101弄", "晓月村东宅", "望川路88号", "银杏新村", "梧桐路12弄", "临水苑"]
    assert {(p.case_type, p.city, p.district, p.cases) for p in pudong.places} == {("positive", "上海市", "浦东新区", None)}
    assert [p.name for p in districts["徐汇区"].places] == ["云岫路300弄", "松鹤路45号", "竹影村"]
    assert [p.name for p in districts["闵行区"].places] == ["石桥路9弄", "枫林苑", "南塘村"]
    assert districts["崇明区"].places == []
    for report in districts.values():
        assert (report.region_level, str(report.report_date), report.window_start_hour, report.window_end_hour) == (
            "district", "2022-04-02", 0, 24,
        )  # fmt: skip
        assert report.districts == []  # a district report has no district_count row for itself
    assert districts["浦东新区"].region_code == "310115"
    # 4月2日,崇明区…: the year comes from the post's own city sentence.
    assert [p.code for p in districts["崇明区"].problems] == ["year_inferred"]
    text = parsed.text
    assert text[pudong.span_start : pudong.span_end].startswith("2022年4月2日,浦东新区新增6例本土确诊病例")


def test_addresses_under_bare_district_headings_give_reports_without_counts():
    post = (
        "2022年3月30日0—24时,上海市新增本土新冠肺炎确诊病例3例和无症状感染者20例。\n\n各区信息如下:\n\n"
        "黄浦区\n\n望江路12弄,\n\n临川路3号。\n\n已对相关居住地落实终末消毒措施。\n\n"
        "普陀区\n\n普陀区枫桥路7弄,\n\n石门村。\n\n已对相关居住地落实终末消毒措施。\n\n崇明区\n\n无\n\n资料:各区卫健委\n"
    )
    districts = districts_of(parse_document(post))
    assert {name: (r.local_confirmed, r.local_asymptomatic, [p.name for p in r.places]) for name, r in districts.items()} == {
        "黄浦区": (None, None, ["望江路12弄", "临川路3号"]),
        "普陀区": (None, None, ["枫桥路7弄", "石门村"]),
    }
    assert {str(r.report_date) for r in districts.values()} == {"2022-03-30"}


def test_a_list_cut_off_by_the_page_keeps_its_places_with_a_problem():
    post = (
        "2022年4月9日0—24时,上海市新增本土新冠肺炎确诊病例5例和无症状感染者9例。\n各区信息如下:\n"
        "2022年4月9日,杨浦区新增5例本土确诊病例,新增9例本土无症状感染者,分别居住于:\n\n长岭路5弄,\n\n河间路20号,\n\n春"
    )
    [yangpu] = districts_of(parse_document(post)).values()
    assert [p.name for p in yangpu.places] == ["长岭路5弄", "河间路20号", "春"]
    [problem] = yangpu.problems
    assert problem.code == "truncated_list"


def test_a_post_that_ends_before_its_lists_says_so_on_its_report():
    post = "2022年4月19日0—24时,上海市新增本土新冠肺炎确诊病例5例和无症状感染者9例。\n\n各区信息如下:\n"
    [city] = parse_document(post).reports
    assert [p.code for p in city.problems if p.code == "truncated_list"] == ["truncated_list"]


def test_block_wordings():
    post = (
        "2022年5月6日0—24时,上海市新增本土新冠肺炎确诊病例9例和无症状感染者31例。\n各区信息如下:\n"
        "2022年5月6日,静安区新增本土确诊病例2例,新增无症状感染者5例,分别居住于:\n芷江路1号,\n共和新路9弄。\n"
        "2022年5月6日,奉贤无新增本土确诊病例,新增3例本土无症状感染者,分别居住于:\n南桥村。\n"
        "2022年5月6日,金山区无新增本土新冠肺炎确诊病例和本土无症状感染者。\n"
        "2022年5月6日,崇明区新增7例新冠肺炎本土确诊病例,其中5例居住于闭环管理的建筑工地;新增23例无症状感染者,"
        "其中20例居住于闭环管理的建筑工地。其余分别居住于:\n堡镇村,\n新河村。\n"
        "所有病例之前均已落实管控,其涉及的场所已采取封控措施。\n"
    )
    districts = districts_of(parse_document(post))
    assert {name: (r.local_confirmed, r.local_asymptomatic, [p.name for p in r.places]) for name, r in districts.items()} == {
        "静安区": (2, 5, ["芷江路1号", "共和新路9弄"]),
        "奉贤区": (0, 3, ["南桥村"]),
        "金山区": (0, 0, []),
        "崇明区": (7, 23, ["堡镇村", "新河村"]),
    }


# --- the same post as web pages -----------------------------------------------------------


def wechat_page(text: str) -> str:
    """A post as the WeChat editor saves it: a paragraph per line, spans, sections, empty paragraphs, scripts."""
    paragraphs = []
    for line in text.split("\n"):
        if line == "图片":
            paragraphs.append('<p style="text-align:center"><img data-src="https://example.invalid/a.png"></p>')
        elif line.strip():
            paragraphs.append(f'<p style="margin:0 8px"><span style="font-size:15px;color:rgb(62,62,62)">{line}</span></p>')
        else:
            paragraphs.append("<p><br/></p>")
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>本市各区确诊病例、无症状感染者居住地信息</title>'
        "<style>.rich_media_content{visibility:hidden}</style><script>var msg_title = '';</script></head><body>"
        '<div id="js_article" class="rich_media"><div class="rich_media_inner"><section data-role="outer">'
        f'<div class="rich_media_content" id="js_content">{"".join(paragraphs)}</div></section>'
        '<div class="qr_code_pc" style="display:none">微信扫一扫</div></div></div></body></html>'
    )


def commission_page(text: str) -> str:
    """A post as a health commission's site shows it: one block, lines broken by <br>, a menu and a footer."""
    lines = "<br/>\n".join(line for line in text.split("\n") if line.strip())
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>居住地信息</title></head>'
        '<body><div class="nav"><a href="/">首页</a> &gt; <a href="/xwfb/">新闻发布</a></div>'
        f'<div class="Article_content" id="ivs_content"><p>{lines}</p></div>'
        '<div class="footer">主办单位:示例 网站标识码:0000</div></body></html>'
    )


def test_empty_paragraphs_of_a_page_are_blank_lines():
    page = "<html><body><p>青桐路1弄,</p><p><br/></p><p>望川路8号</p><p><br></p><p>银杏新村,</p><p>甲<br>乙</p><p><br></p></body></html>"
    assert html_to_text(page) == "青桐路1弄,\n\n望川路8号\n\n银杏新村,\n甲\n乙"


POST = EXAMPLE.read_text(encoding="utf-8")
# A page that breaks lines with <br> alone has no blank line after 望川路88号 to end that item.
WITH_EVERY_COMMA = POST.replace("望川路88号\n", "望川路88号,\n")


@pytest.mark.parametrize(
    "post, page, encoding",
    [(POST, wechat_page, "utf-8"), (WITH_EVERY_COMMA, commission_page, "gbk")],
    ids=["wechat", "commission"],
)
def test_web_page_versions_give_the_same_reports(post, page, encoding):
    as_text = parse_document(post)
    source = document_from_bytes("post.html", page(post).encode(encoding))
    as_page = parse_document(source.text)
    assert shape(as_page) == shape(as_text)
    assert len(districts_of(as_page)) == 4


# --- places of per-case lines -------------------------------------------------------------


def test_beijing_case_lines_give_places_per_distinct_address():
    page = (
        "北京市卫生健康委员会\n2022年5月3日0时至24时,北京市新增本土确诊病例4例和无症状感染者2例。\n"
        "确诊病例1:现住朝阳区望京街道花家地北里,系社区筛查人员。\n"
        "确诊病例2、3:现住朝阳区望京街道花家地北里,为确诊病例1的同住人员。\n"
        "确诊病例4:现住丰台区卢沟桥乡小屯村,系管控人员。\n"
        "无症状感染者1、2:现住房山区长阳镇碧桂园,为社区筛查人员。\n"
    )
    [report] = parse_document(page).reports
    assert report.region == "北京市"
    assert sorted((p.case_type, p.city, p.district, p.name, p.cases) for p in report.places) == [
        ("asymptomatic", "北京市", "房山区", "长阳镇碧桂园", 2),
        ("confirmed", "北京市", "丰台区", "卢沟桥乡小屯村", 1),
        ("confirmed", "北京市", "朝阳区", "望京街道花家地北里", 3),
    ]


def test_a_district_bulletins_case_lines_give_its_places():
    page = "2022年11月20日0—24时,北京市朝阳区新增本土确诊病例2例。\n确诊病例1、2:现住朝阳区望京街道花家地北里,系社区筛查人员。\n"
    [report] = parse_document(page).reports
    assert (report.region, report.region_level) == ("朝阳区", "district")
    assert [(p.city, p.district, p.name, p.cases) for p in report.places] == [("北京市", "朝阳区", "望京街道花家地北里", 2)]


def test_case_ranges_tied_only_to_districts_give_no_places():
    page = (
        "2022年4月20日0—24时,上海市新增本土新冠肺炎确诊病例7例。\n"
        "病例1—病例5,居住于浦东新区,病例6、病例7,居住于黄浦区,均为本市闭环隔离管控人员。\n"
    )
    [report] = parse_document(page).reports
    assert report.places == []


# --- the real posts -------------------------------------------------------------------------

# Read independently of the parser, from the raw lines of a post.
RAW_BLOCK = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:（[^）]*）)?，(\S{2,5}?)(?:无新增|新增)")
SHANGHAI_DISTRICTS = "浦东新区 黄浦区 静安区 徐汇区 长宁区 普陀区 虹口区 杨浦区 宝山区 闵行区 嘉定区 金山区 松江区 青浦区 奉贤区 崇明区".split()
RAW_DEBRIS = {"（滑动查看更多↓）", "图片"}
LIST_ENDS = ("已对", "目前，已对", "资料：", "编辑：", "所有病例", "上述", "这些")


def raw_district(name: str) -> str:
    return next(district for district in SHANGHAI_DISTRICTS if district.startswith(name))


def raw_blocks(text: str) -> list[tuple[str, str]]:
    """(district, block sentence) of each block sentence of a post."""
    return [(raw_district(m.group(1)), line) for line in text.split("\n") if (m := RAW_BLOCK.match(line.strip()))]


def raw_addresses(text: str) -> dict[str, set[str]]:
    """The addresses each district's list gives, by district: the lines after a block sentence that
    ends in 居住于 (or after a bare district heading), up to the disinfection sentence."""
    found: dict[str, set[str]] = defaultdict(set)
    district, listing = None, False
    for line in (raw.strip() for raw in text.split("\n")):
        if not line or line in RAW_DEBRIS:
            continue
        if match := RAW_BLOCK.match(line):
            district, listing = raw_district(match.group(1)), bool(re.search(r"居住于[：:，]?$", line))
        elif line in SHANGHAI_DISTRICTS:
            district, listing = line, True
        elif line.startswith(LIST_ENDS):
            listing = False
        elif re.fullmatch(r"(?:分别|其余)?居住于[：，]?", line):
            listing = True
        elif listing and district:
            line = line.split("已对相关居住地")[0]
            for name in re.split(r"[,、;。]", unicodedata.normalize("NFKC", line).replace(" ", "")):
                name = name.removeprefix(district)
                if name not in ("", "无"):
                    found[district].add(name)
    return found


def raw_counts(sentence: str) -> tuple[int | None, int | None]:
    """The (confirmed, asymptomatic) counts a block sentence states; None for one it does not state."""
    sentence = re.split(r"(?:分别|其余)居住于|居住于[：:]", sentence)[0]
    if re.search(r"无新增[^，。]*确诊病例(?:和|、)[^，。\d]*无症状", sentence):
        return 0, 0
    confirmed = re.search(r"(\d+)例?[^\d，。；、]{0,8}确诊|确诊病例(\d+)例", sentence)
    asymptomatic = re.search(r"(\d+)例?[^\d，。；、]{0,8}无症状|无症状感染者(\d+)例", sentence)
    return (
        0 if re.search(r"无新增[^，、\d]*确诊", sentence) else confirmed and int(confirmed.group(1) or confirmed.group(2)),
        0 if re.search(r"无(?:新增)?(?:本土)?无症状", sentence) else asymptomatic and int(asymptomatic.group(1) or asymptomatic.group(2)),
    )


def real_posts() -> list[Path]:
    return sorted(SHANGHAI.glob("address-*.txt")) if SHANGHAI.is_dir() else []


@functools.cache
def parsed_post(path: Path):
    """A real post parsed once for all the tests that read it."""
    return parse_document(path.read_text(encoding="utf-8"))


@needs_shanghai
def test_every_real_post_gives_each_district_its_places():
    compared = 0
    for path in real_posts():
        raw = path.read_text(encoding="utf-8")
        expected = raw_addresses(raw)
        if not expected:
            continue  # the post of 04-19 stops before its lists
        day = path.stem.removeprefix("address-")
        parsed = parsed_post(path)
        assert parsed.status == "parsed", (path.name, parsed.error)
        districts = {(r.region, r.report_date.strftime("%Y%m%d")): r for r in parsed.reports if r.region_level == "district"}
        for district, names in expected.items():
            report = districts[district, day]
            assert {p.name for p in report.places} == names, (path.name, district)
            assert len(report.places) == len(names)
            compared += 1
    assert compared == 924  # the district lists of the 61 posts that have any


@needs_shanghai
def test_no_page_debris_is_a_place():
    debris = re.compile(r"图片|滑动|上海发布|\d{4}-\d{2}-\d{2}|如下|居住地信息|微信|公众号|编辑|资料|消毒|病例|感染者|[,、。;:]|等$")
    names = set()
    for path in real_posts():
        for report in parsed_post(path).reports:
            names |= {p.name for p in report.places}
    assert len(names) > 30_000
    assert sorted(name for name in names if debris.search(name) or name in SHANGHAI_DISTRICTS) == []


def stated_counts_match(parse) -> tuple[int, int]:
    """How many block sentences of the real posts give a district report with exactly their counts."""
    exact = total = 0
    for path in real_posts():
        raw = path.read_text(encoding="utf-8")
        parsed = parse(path)
        districts = {r.region: r for r in parsed.reports if r.region_level == "district"}
        for district, sentence in raw_blocks(raw):
            total += 1
            report = districts.get(district)
            exact += report is not None and (report.local_confirmed, report.local_asymptomatic) == raw_counts(sentence)
    return exact, total


@needs_shanghai
def test_real_posts_as_text_state_their_counts():
    exact, total = stated_counts_match(parsed_post)
    assert total > 900
    assert exact / total >= 0.95, f"{exact} of {total}"


def parsed_page(path: Path):
    """A real post saved as a WeChat page (made here from its text), read by the sources layer and parsed."""
    page = wechat_page(path.read_text(encoding="utf-8")).encode("utf-8")
    return parse_document(document_from_bytes("post.html", page).text)


@needs_shanghai
def test_real_posts_as_web_pages_give_the_same_district_reports():
    pages = {path: parsed_page(path) for path in real_posts()}
    exact, total = stated_counts_match(pages.__getitem__)
    assert total > 900
    assert exact / total >= 0.95, f"{exact} of {total}"
    for path, as_page in pages.items():
        assert shape(as_page) == shape(parsed_post(path)), path.name


@needs_shanghai
def test_real_post_spans_index_the_block_sentence():
    raw = (SHANGHAI / "address-20220415.txt").read_text(encoding="utf-8")
    text = normalize_text(raw)
    reports = with_places(text, [])
    assert len(reports) == 16
    for report in reports:
        sentence = text[report.span_start : report.span_end]
        assert sentence.startswith("2022年4月15日," + report.region) and sentence.endswith("居住于:"), sentence


# --- stored -----------------------------------------------------------------------------------


PLACE = ("city", "district", "name", "case_type", "cases")


def stored_places(engine) -> list[tuple]:
    query = (
        select(models.Report.region, models.Report.region_level, *(models.Place.__table__.c[name] for name in PLACE))
        .join(models.Report, models.Report.id == models.Place.report_id)
        .order_by(models.Report.region, models.Place.name)
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]


def test_ingest_stores_district_reports_and_places_and_reparse_keeps_them(engine):
    ingest(engine, [document_from_bytes(EXAMPLE.name, EXAMPLE.read_bytes())])
    places = stored_places(engine)
    assert len(places) == 12
    assert ("浦东新区", "district", "上海市", "浦东新区", "临水苑", "positive", None) in places
    with engine.connect() as connection:
        levels = dict(connection.execute(select(models.Report.region, models.Report.region_level)).all())
    assert levels == {"上海市": "city", "浦东新区": "district", "徐汇区": "district", "闵行区": "district", "崇明区": "district"}

    summary = reparse(engine)
    assert (summary.documents, summary.reports, summary.changes) == (1, 5, [])
    assert stored_places(engine) == places


@needs_shanghai
def test_real_case_lines_give_the_city_report_its_places():
    """Whatever report the bulletin parser makes of the day, its case lines give it one place per address."""
    text = normalize_text((SHANGHAI / "number-20220310.txt").read_text(encoding="utf-8"))
    city = Report(seq=1, region="上海市", region_level="city", report_date=dt.date(2022, 3, 10),
                  window_start_hour=0, window_end_hour=24, span_start=0, span_end=1)  # fmt: skip
    [report] = with_places(text, [city])
    # 11 confirmed and 64 asymptomatic cases, one of them (外省市来沪就医人员) without a residence here.
    assert sum(p.cases for p in report.places) == 74
    places = {(p.case_type, p.district, p.name): p.cases for p in report.places}
    assert places["confirmed", "虹口区", "逸仙路288弄"] == 2  # 病例1 and 病例2
    assert {p.city for p in report.places} == {"上海市"}


@needs_shanghai
def test_ingesting_the_real_posts_stores_each_districts_places(engine):
    ingest(engine, [document_from_bytes(path.name, path.read_bytes()) for path in real_posts()])
    query = (
        select(models.Report.region, models.Report.report_date, func.count(models.Place.id))
        .join(models.Place, models.Place.report_id == models.Report.id)
        .where(models.Report.region_level == "district")
        .group_by(models.Report.region, models.Report.report_date)
    )
    with engine.connect() as connection:
        stored = {(region, day.strftime("%Y%m%d")): n for region, day, n in connection.execute(query)}
    expected = {
        (district, path.stem.removeprefix("address-")): len(names)
        for path in real_posts()
        for district, names in raw_addresses(path.read_text(encoding="utf-8")).items()
    }
    assert len(expected) == 924
    assert stored == expected
