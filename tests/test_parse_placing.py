"""Round-2 placing and dating rules on pages written here: region from the page, counting day
from the window only, line joins that never glue figures, sections merged, unplaced bulletins kept
as document problems."""

from archive.parse import parse_document
from archive.parse.normalize import normalize_text


def only_report(text: str):
    parsed = parse_document(text)
    assert parsed.status == "parsed", parsed.error
    [report] = parsed.reports
    return report


def test_a_time_stamp_and_the_next_line_are_never_glued_into_a_date():
    text = "武汉新增确诊病例,累计确诊\n2020-03-03 08:05:13\n3月2日0-24时,湖北省新增确诊病例5例。"
    assert "08:05:13\n3月2日" in normalize_text(text)
    report = only_report(text)
    assert (report.region, str(report.report_date), report.local_confirmed) == ("湖北省", "2020-03-02", 5)


def test_digits_broken_across_lines_keep_a_separator():
    assert normalize_text("截至12日24时,累计报告13\n3月2日新增") == "截至12日24时,累计报告13 3月2日新增"
    assert normalize_text("主动报备行程,配合落实防控措\n\n施。") == "主动报备行程,配合落实防控措施。"


def test_pinyin_inserted_after_characters_is_dropped():
    assert normalize_text("新增確診病例(bìng lì)2例,隔離場(chǎng)所") == "新增确诊病例2例,隔离场所"


def test_the_publication_note_is_not_the_counting_day():
    report = only_report("市卫健委今早(9日)通报:2022年5月8日0—24时,本市新增本土新冠肺炎确诊病例12例。上海发布")
    assert (report.region, str(report.report_date)) == ("上海市", "2022-05-08")


def test_a_day_outside_the_bulletin_years_is_a_document_problem_not_a_report():
    parsed = parse_document("发布时间:2022-03-01\n5020年2月12日0-24时,吉林省新增确诊病例3例。3月1日0-24时,吉林省新增确诊病例2例。")
    assert [(r.region, str(r.report_date)) for r in parsed.reports] == [("吉林省", "2022-03-01")]
    assert [p.code for p in parsed.problems] == ["undated_bulletin"]


def test_sections_of_one_bulletin_make_one_report():
    text = (
        "据市卫健委通报,2022年4月2日0—24时,新增本土确诊病例30例和无症状感染者400例,其中10例确诊病例为此前无症状感染者转归。\n"
        "2022年4月2日0—24时,新增本土确诊病例30例,含10例由无症状感染者转为确诊病例。\n"
        "病例1—病例20,居住于浦东新区,病例21—病例30,居住于黄浦区。\n"
        "2022年4月2日0—24时,新增本土无症状感染者400例。\n"
        "无症状感染者1—无症状感染者400,居住于徐汇区。\n"
        "2022年4月2日0—24时,通过口岸联防联控机制,报告3例新增境外输入性新冠肺炎确诊病例。\n"
    )
    report = only_report(text)
    assert (report.region, report.local_confirmed, report.local_asymptomatic, report.converted, report.imported_confirmed) == (
        "上海市", 30, 400, 10, 3,
    )  # fmt: skip
    assert sorted((d.case_type, d.district, d.count) for d in report.districts) == [
        ("asymptomatic", "徐汇区", 400),
        ("confirmed", "浦东新区", 20),
        ("confirmed", "黄浦区", 10),
    ]
    assert [(c.channel, c.count) for c in report.channels] == [("converted", 10)]


def test_a_bulletin_the_page_cannot_place_is_kept_as_a_document_problem():
    parsed = parse_document("3月2日0-24时,新增确诊病例2例。\n发布时间:2020-03-03")
    assert (parsed.status, parsed.reports) == ("parsed", [])
    [problem] = parsed.problems
    assert problem.code == "unplaced_bulletin"
    assert parsed.text[problem.span_start : problem.span_end].startswith("3月2日0-24时")


def test_region_words_take_the_region_from_the_title_and_the_level_they_say():
    report = only_report("宁夏新型冠状病毒肺炎疫情通报\n发布时间:2020-02-20\n2月19日0-24时,全区无新增确诊病例。")
    assert (report.region, report.region_level, report.local_confirmed) == ("宁夏回族自治区", "province", 0)


def test_a_page_that_names_no_region_is_placed_by_the_districts_it_lists():
    report = only_report("发布时间:2022-04-06\n4月5日0-24时,本市新增本土无症状感染者5例,均居住于闵行区、浦东新区、黄浦区。")
    assert report.region == "上海市"


def test_national_bulletins_are_reports_of_the_whole_country():
    report = only_report("发布时间:2020-02-22\n2月21日0—24时,31个省(自治区、直辖市)和新疆生产建设兵团报告新增确诊病例397例。")
    assert (report.region, report.region_level, report.region_code, report.local_confirmed) == ("全国", "national", None, 397)


def test_a_same_name_district_is_the_one_of_the_city_named_before_it():
    # 桥西区 and 新华区 are districts of 石家庄市 and of another city of 河北省 each.
    for sentence, district, code in (
        ("2020年1月1日0—24时,张家口市桥西区新增本土确诊病例2例。", "桥西区", "130703"),
        ("2020年1月1日0—24时,沧州市新华区新增本土确诊病例3例。", "新华区", "130902"),
        ("2020年1月1日0—24时,桥西区新增本土确诊病例4例。", "桥西区", "130104"),
    ):
        (report,) = parse_document(sentence).reports
        assert (report.region, report.region_level, report.region_code) == (district, "district", code)
