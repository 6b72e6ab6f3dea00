"""Per-case lines: case numbers and ranges tied to districts and addresses, and the lines that are not new cases."""

from collections import Counter

import pytest

from archive.parse.case_lines import CaseLine, case_lines
from archive.parse.normalize import normalize_text
from shared_paths import SHARED

SHANGHAI = SHARED / "real" / "shanghai-2022"


def _read(text):
    text = normalize_text(text)
    return text, case_lines(text)


def test_ranges_and_single_numbers_per_district():
    text, lines = _read(
        "病例1—病例40,居住于浦东新区,病例41—病例45,居住于黄浦区,病例46,居住于徐汇区,病例47、病例48,居住于崇明区,"
        "均为本市闭环隔离管控人员。\n无症状感染者1—无症状感染者300,居住于浦东新区,无症状感染者301,居住于金山区。"
    )
    assert [(l.case_type, l.district, l.cases, l.address) for l in lines] == [
        ("confirmed", "浦东新区", 40, None),
        ("confirmed", "黄浦区", 5, None),
        ("confirmed", "徐汇区", 1, None),
        ("confirmed", "崇明区", 2, None),
        ("asymptomatic", "浦东新区", 300, None),
        ("asymptomatic", "金山区", 1, None),
    ]
    assert text[lines[0].span_start : lines[0].span_end] == "病例1—病例40,居住于浦东新区"


def test_one_case_per_line_with_sex_age_and_address():
    text, lines = _read(
        "病例1,男,62岁,居住于虹口区海伦西路7弄,病例2,女,3月龄,居住于闵行区莲花路11号,"
        "病例3,男,40岁,外省市来沪就医人员,病例4,女,25岁,系某快递公司员工,居住地为嘉定区曹安公路99号,"
        "病例5,女,30岁,居住于青浦区朱家角镇湖畔园病例6,男,8岁,居住于徐汇区,均系本市报告本土无症状感染者的密切接触者。"
    )
    assert [(l.district, l.cases, l.address) for l in lines] == [
        ("虹口区", 1, "海伦西路7弄"),
        ("闵行区", 1, "莲花路11号"),
        (None, 1, None),  # a local case with no residence in the city
        ("嘉定区", 1, "曹安公路99号"),
        ("青浦区", 1, "朱家角镇湖畔园"),  # a missing comma before the next case
        ("徐汇区", 1, None),
    ]
    assert {l.case_type for l in lines} == {"confirmed"}


def test_beijing_case_lines():
    text, lines = _read(
        "确诊病例3:现住丰台区东铁营街道花园小区,系社区筛查人员。\n"
        "无症状感染者4、5:现住大兴区黄村镇清源路12号,为居家隔离人员。\n"
        "确诊病例6-8:普通型,现住朝阳区将台乡酒仙桥路甲6号。\n"
        "该病例,女,44岁,居住于通州区永顺镇。"
    )
    assert [(l.case_type, l.district, l.cases, l.address) for l in lines] == [
        ("confirmed", "丰台区", 1, "东铁营街道花园小区"),
        ("asymptomatic", "大兴区", 2, "黄村镇清源路12号"),
        ("confirmed", "朝阳区", 3, "将台乡酒仙桥路甲6号"),
        ("confirmed", "通州区", 1, "永顺镇"),
    ]


def test_traps_give_no_case_lines():
    text, lines = _read(
        "病例1为中国籍,在新加坡工作,自新加坡出发,于2022年3月1日抵达上海浦东国际机场,入关后即被集中隔离观察。\n"
        "病例2、病例3均为外国籍,自东京出发,经上海浦东国际机场入境。\n"
        "新增出院病例2例:病例7,男,33岁,居住于松江区九亭镇。\n"
        "疑似病例1,居住于静安区,已排除。"
    )
    assert lines == []


def test_case_line_values_are_plain():
    [line] = case_lines("病例9,居住于奉贤区南桥镇")
    assert line == CaseLine("confirmed", "奉贤区", 1, "南桥镇", 0, len("病例9,居住于奉贤区南桥镇"))


# Facts read by hand from the real bulletins: the day's stated new local totals
# (confirmed, asymptomatic), and what the case lines give for 浦东新区 on 04-15.
REAL_TOTALS = {
    "20220309": (4, 76),
    "20220317": (57, 203),
    "20220401": (260, 6051),
    "20220415": (3590, 19923),
    "20220513": (194, 1487),
}


@pytest.mark.skipif(not SHANGHAI.is_dir(), reason="../shared/real/shanghai-2022 is absent")
@pytest.mark.parametrize("day", REAL_TOTALS)
def test_real_case_lines_add_up_to_the_days_totals(day):
    text, lines = _read((SHANGHAI / f"number-{day}.txt").read_text(encoding="utf-8"))
    totals = Counter()
    for line in lines:
        totals[line.case_type] += line.cases
        assert line.district is not None, text[line.span_start : line.span_end]
    assert (totals["confirmed"], totals["asymptomatic"]) == REAL_TOTALS[day]


@pytest.mark.skipif(not SHANGHAI.is_dir(), reason="../shared/real/shanghai-2022 is absent")
def test_real_case_ranges_per_district():
    text, lines = _read((SHANGHAI / "number-20220415.txt").read_text(encoding="utf-8"))
    pudong = Counter()
    for line in lines:
        if line.district == "浦东新区":
            pudong[line.case_type] += line.cases
    assert (pudong["confirmed"], pudong["asymptomatic"]) == (1142, 9140)
    assert text[lines[0].span_start : lines[0].span_end] == "病例1—病例924,居住于浦东新区"
    assert lines[0].cases == 924
