"""Round-2 counting rules on bulletins written here (figures invented), one shape a test."""

from archive.parse import parse_document


def only_report(text: str):
    parsed = parse_document(text)
    assert parsed.status == "parsed", (parsed.error, parsed.problems)
    [report] = parsed.reports
    return report


def rows(report) -> list[tuple]:
    return sorted((d.case_type, d.city, d.district, d.count) for d in report.districts)


def codes(report) -> list[str]:
    return sorted(p.code for p in report.problems)


def test_positives_that_are_all_of_one_type_give_rows_of_that_type():
    report = only_report(
        "发布时间:2022-11-28 10:00\n11月27日0—14时,哈尔滨市新增本土新冠病毒阳性感染者9例,均为无症状感染者。"
        "其中,隔离管控人员中发现7例,社区筛查发现2例。道外区5例、南岗区4例。"
    )
    assert (report.local_positive, report.local_asymptomatic, report.local_confirmed) == (9, 9, None)
    assert rows(report) == [("asymptomatic", "哈尔滨市", "南岗区", 4), ("asymptomatic", "哈尔滨市", "道外区", 5)]
    assert {c.case_type for c in report.channels} == {"asymptomatic"}


def test_early_2020_counts_without_origin_are_local_and_say_so():
    report = only_report(
        "发布时间:2020-02-10 08:00\n2020年2月9日0-24时,湖南省新增新型冠状病毒肺炎确诊病例6例。其中,长沙市4例、湘西州2例。"
        "新增重症病例3例。新增出院病例11例。"
    )
    assert report.local_confirmed == 6 and report.imported_confirmed is None
    assert rows(report) == [("confirmed", "湘西土家族苗族自治州", "湘西土家族苗族自治州", 2), ("confirmed", "长沙市", "长沙市", 4)]
    assert codes(report) == ["origin_not_stated"]


def test_imported_cases_among_an_unqualified_total_leave_the_rest_local():
    report = only_report("发布时间:2020-03-09 09:00\n3月8日0-24时,江苏省新增确诊病例3例,其中境外输入2例。")
    assert (report.local_confirmed, report.imported_confirmed) == (1, 2)
    assert codes(report) == ["derived_remainder", "year_inferred"]


def test_a_shared_count_and_a_lone_bracketed_area():
    shared = only_report("发布时间:2020-02-20 09:00\n2月19日0-24时,安徽省新增确诊病例2例,合肥、蚌埠各1例。")
    assert rows(shared) == [("confirmed", "合肥市", "合肥市", 1), ("confirmed", "蚌埠市", "蚌埠市", 1)]
    bracket = only_report("发布时间:2020-02-20 09:00\n2月19日12-24时,吉林省新增确诊病例1例(通化市)。")
    assert (bracket.window_start_hour, bracket.window_end_hour) == (12, 24)
    assert rows(bracket) == [("confirmed", "通化市", "通化市", 1)]


def test_zero_wordings_and_no_new_information():
    zero = only_report("发布时间:2020-03-02 09:00\n3月1日0-24时,青海省新增确诊病例为零。")
    assert zero.local_confirmed == 0
    nothing = only_report("发布时间:2021-06-02 09:00\n6月1日0-24时,黑龙江省无新增新冠肺炎疫情信息报告。")
    assert (nothing.local_confirmed, nothing.local_asymptomatic, nothing.imported_confirmed, nothing.imported_asymptomatic) == (0, 0, 0, 0)


def test_a_window_to_the_next_day_and_counts_before_their_nouns():
    report = only_report(
        "发布时间:2022-05-06 16:00\n5月5日15时至次日15时,北京新增本土新冠肺炎病毒感染者7例,其中确诊病例4例、无症状感染者3例;"
        "管控人员6例,社区筛查人员1例。"
    )
    assert (report.window_start_hour, report.window_end_hour) == (15, 39)
    assert sorted((c.case_type, c.channel, c.count) for c in report.channels) == [
        ("positive", "community_screening", 1),
        ("positive", "quarantine", 6),
    ]
    reversed_counts = only_report("发布时间:2022-04-28 10:00\n4月27日0时至24时,北京新增27例本土确诊病例和9例无症状感染者。")
    assert (reversed_counts.local_confirmed, reversed_counts.local_asymptomatic) == (27, 9)


def test_the_imported_paragraph_neither_zeroes_local_figures_nor_gives_channels():
    report = only_report(
        "据上海市卫健委通报\n2022年3月3日0—24时,上海新增本土新冠肺炎确诊病例2例和无症状感染者16例。\n"
        "境外输入病例:新增境外输入性新冠肺炎确诊病例4例,无新增疑似病例和无症状感染者。4例境外输入性确诊病例均在入境后隔离观察期间发现。"
    )
    assert (report.local_confirmed, report.local_asymptomatic, report.imported_confirmed, report.imported_asymptomatic) == (2, 16, 4, 0)
    assert report.channels == []


def test_a_province_breakdown_by_city_and_type():
    report = only_report(
        "发布时间:2022-12-03 09:00\n12月2日0-24时,黑龙江省新增本土确诊病例4例、无症状感染者70例。"
        "其中,哈尔滨市确诊病例3例、无症状感染者61例;大庆市确诊病例1例、无症状感染者9例。"
    )
    assert rows(report) == [
        ("asymptomatic", "哈尔滨市", "哈尔滨市", 61),
        ("asymptomatic", "大庆市", "大庆市", 9),
        ("confirmed", "哈尔滨市", "哈尔滨市", 3),
        ("confirmed", "大庆市", "大庆市", 1),
    ]
    assert report.consistent


def test_a_single_case_placed_and_converted_without_a_count():
    report = only_report(
        "发布时间:2022-04-06 08:00\n4月5日0-24时,黑龙江省新增本土确诊病例1例,为哈尔滨市道里区报告,系无症状感染者转为确诊病例。"
    )
    assert rows(report) == [("confirmed", "哈尔滨市", "道里区", 1)]
    assert (report.converted, [(c.channel, c.count) for c in report.channels]) == (1, [("converted", 1)])
