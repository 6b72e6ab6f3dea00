"""The gazetteer: today's units, former names, short forms, and words that are never areas."""

from __future__ import annotations

import csv
import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from archive.parse.gazetteer import Gazetteer, gazetteer

ROOT = Path(__file__).resolve().parent.parent


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def _shipped_rows() -> list[dict]:
    with resources.files("archive").joinpath("data/gazetteer.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# --- today's units -------------------------------------------------------------


def test_the_seed_codes_stay(gaz):
    harbin = gaz.region("哈尔滨市")
    assert (harbin.code, harbin.level) == ("230100", "city")
    xiangfang = gaz.area_named("香坊区", harbin)
    assert (xiangfang.code, gaz.city_of(xiangfang).code) == ("230110", "230100")


def test_mohe_is_a_city_since_2018(gaz):
    daxinganling = gaz.region("大兴安岭地区")
    mohe = gaz.area_named("漠河市", daxinganling)
    assert (mohe.code, mohe.name, mohe.level) == ("232701", "漠河市", "county")
    assert gaz.city_of(mohe) == daxinganling
    assert gaz.province_of(mohe).name == "黑龙江省"


@pytest.mark.parametrize(
    ("name", "scope", "code"),
    [
        ("米林市", "林芝市", "540481"),  # 2023
        ("库车市", "阿克苏地区", "652902"),  # 2019
        ("色尼区", "那曲市", "540602"),  # 2017
        ("加格达奇区", "大兴安岭地区", "232761"),
        ("两江新区", "重庆市", "500157"),
        ("西沙区", "三沙市", "460302"),
    ],
)
def test_units_of_recent_years(gaz, name, scope, code):
    assert gaz.area_named(name, gaz.region(scope)).code == code


def test_districts_of_the_bulletins_years_stay_known(gaz):
    """重庆's 江北区 and 渝北区 reported cases in 2022; the current table no longer has them."""
    chongqing = gaz.region("重庆市")
    assert gaz.area_named("江北区", chongqing).code == "500105"
    assert gaz.area_named("渝北区", chongqing).code == "500112"
    assert gaz.area_named("江北区", gaz.region("宁波市")).code == "330205"
    # 杭州市's 江干区 (split in 2021) reported cases in 2020
    assert gaz.area_named("江干区", gaz.region("杭州")).code == "330104"


# --- former names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("former", "scope", "code", "current"),
    [
        ("漠河县", "大兴安岭地区", "232701", "漠河市"),
        ("双城市", "哈尔滨市", "230113", "双城区"),
        ("嫩江县", "黑河市", "231183", "嫩江市"),
        ("米林县", "林芝市", "540481", "米林市"),
        ("库车县", "阿克苏地区", "652902", "库车市"),
        ("沙县", "三明市", "350405", "沙县区"),
        ("郫县", "成都市", "510117", "郫都区"),
        ("梅列区", "三明市", "350404", "三元区"),
        ("港闸区", "南通市", "320613", "崇川区"),
        ("莱城区", "济南市", "370116", "莱芜区"),
        ("那曲县", "那曲市", "540602", "色尼区"),
        ("桥东区", "邢台市", "130502", "襄都区"),  # renamed in 2020, code kept
    ],
)
def test_former_names_resolve_to_todays_unit(gaz, former, scope, code, current):
    area = gaz.area_named(former, gaz.region(scope))
    assert (area.code, area.name) == (code, current)
    assert area.current_code is None
    assert gaz.area_at_end(f"新增病例1例,在{former}", gaz.region(scope)) == (area, len(former))


def test_a_former_name_stays_inside_its_scope(gaz):
    # 桥东区 is still a district of 张家口市; only 邢台市's became 襄都区.
    assert gaz.area_named("桥东区", gaz.region("张家口市")).code == "130702"
    assert gaz.area_named("漠河县", gaz.region("哈尔滨市")) is None


def test_a_unit_moved_to_another_city_is_found_from_both(gaz):
    """公主岭市 went from 四平市 to 长春市 in 2020."""
    for scope in ("四平市", "长春市"):
        area = gaz.area_named("公主岭市", gaz.region(scope))
        assert (area.code, gaz.city_of(area).name) == ("220184", "长春市")


def test_a_former_region_gives_todays_region(gaz):
    naqu = gaz.region("那曲市")
    assert gaz.region("那曲地区") == gaz.region("那曲") == naqu
    assert gaz.regions_in("那曲地区卫健委") == [(0, naqu)]


# --- short forms of regions ----------------------------------------------------


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("宁夏", "宁夏回族自治区"),
        ("广西", "广西壮族自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("西藏", "西藏自治区"),
        ("香港", "香港特别行政区"),
        ("澳门", "澳门特别行政区"),
        ("黑龙江", "黑龙江省"),
        ("吉林", "吉林省"),  # the province, not 吉林市
        ("海南", "海南省"),  # the province, not 海南藏族自治州
        ("海南州", "海南藏族自治州"),
        ("甘孜州", "甘孜藏族自治州"),
        ("甘孜", "甘孜藏族自治州"),
        ("恩施州", "恩施土家族苗族自治州"),
        ("湘西州", "湘西土家族苗族自治州"),
        ("延边州", "延边朝鲜族自治州"),
        ("黔东南州", "黔东南苗族侗族自治州"),
        ("阿坝州", "阿坝藏族羌族自治州"),
        ("凉山州", "凉山彝族自治州"),
        ("伊犁州", "伊犁哈萨克自治州"),
        ("伊犁", "伊犁哈萨克自治州"),
        ("克州", "克孜勒苏柯尔克孜自治州"),
        ("巴州", "巴音郭楞蒙古自治州"),
        ("博州", "博尔塔拉蒙古自治州"),
        ("锡林郭勒", "锡林郭勒盟"),
        ("大兴安岭", "大兴安岭地区"),
        ("雄安", "雄安新区"),
        ("合肥", "合肥市"),
        ("哈尔滨", "哈尔滨市"),
        ("哈市", "哈尔滨市"),
        ("上海", "上海市"),
    ],
)
def test_region_short_forms(gaz, short, full):
    region = gaz.region(short)
    assert region is not None and region.name == full
    assert gaz.region_at_end(f"据{short}") == (region, len(short))


def test_a_short_form_names_the_region_in_its_province(gaz):
    assert gaz.area_named("合肥", gaz.region("安徽省")).name == "合肥市"
    assert gaz.area_named("合肥", gaz.region("江苏省")) is None


# --- 新疆生产建设兵团 ------------------------------------------------------------


def test_the_bingtuan_is_a_province_level_region_without_code(gaz):
    bingtuan = gaz.region("新疆生产建设兵团")
    assert (bingtuan.code, bingtuan.level, bingtuan.is_region) == (None, "province", True)
    assert gaz.region("兵团") == gaz.region("新疆兵团") == bingtuan
    assert gaz.province_of(bingtuan) == bingtuan
    assert gaz.city_of(bingtuan) == bingtuan
    assert gaz.regions_in("31个省(自治区、直辖市)和新疆生产建设兵团报告") == [(14, bingtuan)]


def test_nothing_else_is_inside_the_bingtuan(gaz):
    """Areas without a code (development zones) are not inside it for sharing its missing code."""
    bingtuan = gaz.region("兵团")
    limin = gaz.area_named("利民开发区", gaz.region("哈尔滨市"))
    assert limin.code is None
    assert not gaz.within(limin, bingtuan)
    assert gaz.area_named("利民开发区", bingtuan) is None
    assert gaz.area_named("哈尔滨", bingtuan) is None


# --- county short forms only inside a scope ------------------------------------


def test_county_short_forms_inside_a_city(gaz):
    shanghai, harbin = gaz.region("上海"), gaz.region("哈尔滨")
    assert gaz.area_named("浦东", shanghai).name == "浦东新区"
    assert gaz.area_named("黄浦", shanghai).name == "黄浦区"
    assert gaz.area_named("南岗", harbin).code == "230103"
    assert gaz.area_at_end("居住于浦东", shanghai)[0].name == "浦东新区"


def test_county_short_forms_are_never_regions_nor_found_unscoped(gaz):
    assert gaz.region("浦东") is None
    assert gaz.region_at_end("上海浦东") is None
    assert gaz.area_named("浦东", None) is None
    assert gaz.area_at_end("居住于浦东", None) is None
    # a province is too wide: its cities' counties share short forms
    assert gaz.area_named("南岗", gaz.region("黑龙江省")) is None


@pytest.mark.parametrize(
    ("short", "scope", "full"),
    [
        ("长阳县", "宜昌市", "长阳土家族自治县"),
        ("长阳", "宜昌市", "长阳土家族自治县"),
        ("龙胜县", "桂林市", "龙胜各族自治县"),
        ("东乡县", "临夏州", "东乡族自治县"),
        ("鄂温克旗", "呼伦贝尔市", "鄂温克族自治旗"),
        ("塔什库尔干县", "喀什地区", "塔什库尔干塔吉克自治县"),
    ],
)
def test_autonomous_county_short_forms(gaz, short, scope, full):
    assert gaz.area_named(short, gaz.region(scope)).name == full


def test_a_county_short_form_wins_over_its_prefectures_own(gaz):
    dali = gaz.region("大理州")
    assert gaz.area_named("大理", dali).name == "大理市"
    # two counties of 和田地区 are 和田: the short form stays the prefecture's
    hotan = gaz.region("和田地区")
    assert gaz.area_named("和田", hotan) == hotan


def test_a_short_form_does_not_beat_a_full_name(gaz):
    beijing = gaz.region("北京")
    assert gaz.area_named("朝阳", beijing).name == "朝阳区"
    assert gaz.region("朝阳").name == "朝阳市"


# --- words that are never areas -----------------------------------------------


@pytest.mark.parametrize(
    ("word", "levels"),
    [
        ("全国", ("national",)),
        ("全省", ("province",)),
        ("我省", ("province",)),
        ("本省", ("province",)),
        ("全区", ("province", "county")),
        ("我区", ("province", "county")),
        ("全市", ("city", "county")),
        ("本市", ("city", "county")),
        ("全州", ("city",)),
    ],
)
def test_self_references_are_never_areas(gaz, word, levels):
    assert gaz.self_reference(word) == levels
    assert gaz.region(word) is None
    assert gaz.region_at_end(word) is None
    assert gaz.area_named(word, None) is None
    assert gaz.area_named(word, gaz.region("宁夏")) is None
    assert gaz.area_at_end(f"今日{word}", gaz.region("上海")) is None


def test_a_county_named_like_a_self_reference_keeps_its_full_name(gaz):
    guilin = gaz.region("桂林市")
    assert gaz.area_named("全州县", guilin).name == "全州县"
    assert gaz.area_named("全州", guilin) is None


def test_other_words_are_no_self_reference(gaz):
    assert gaz.self_reference("上海") is None
    assert gaz.self_reference("全") is None


# --- the data file -------------------------------------------------------------


def test_every_code_the_data_file_refers_to_is_a_row():
    rows = _shipped_rows()
    codes = [row["code"] for row in rows if row["code"]]
    assert len(codes) == len(set(codes))
    by_code = {row["code"]: row for row in rows if row["code"]}
    for row in rows:
        if row["parent_code"]:
            assert row["parent_code"] in by_code, row
        if row["current_code"]:
            # a former name points straight at a unit of today
            assert by_code[row["current_code"]]["current_code"] == "", row


def test_the_data_file_holds_the_extras():
    """Regenerate archive/data/gazetteer.csv after editing scripts/gazetteer_extras.csv."""
    shipped = {tuple(row.values()) for row in _shipped_rows()}
    extras = _build_script().extra_rows()
    assert len(extras) > 40
    for row in extras:
        assert tuple(row.values()) in shipped, row


def test_the_data_file_size():
    rows = _shipped_rows()
    current = [row for row in rows if not row["current_code"]]
    # 22 provinces, 5 autonomous regions, 台湾, 香港, 澳门 and the bingtuan (municipalities are cities)
    assert len([row for row in current if row["level"] == "province"]) == 31
    assert len(current) > 3200
    assert len(rows) - len(current) > 100


# --- the build script, on small invented tables -------------------------------

_CURRENT = """adcode,name
110000000000,北京市
110100000000,北京市
110105000000,朝阳区
230000000000,黑龙江省
230100000000,哈尔滨市
230113000000,双城区
230400000000,鹤岗市
230403000000,工农区
230404000000,新名区
232700000000,大兴安岭地区
232701000000,漠河市
420000000000,湖北省
429004000000,仙桃市
710000000000,台湾省
710100000000,台北市
990000000000,苏鲁交界
"""

_FORMER = """adcode,name
110000000000,北京市
110100000000,市辖区
110105000000,朝阳区
230000000000,黑龙江省
230100000000,哈尔滨市
230182000000,双城市
230400000000,鹤岗市
230403000000,工农区
230404000000,旧名区
230500000000,旧地区
230501000000,旧县
232700000000,大兴安岭地区
232723000000,漠河县
420000000000,湖北省
429000000000,省直辖县级行政区划
429004000000,仙桃市
"""


def test_build_keeps_todays_units_and_drops_placeholders():
    build = _build_script()
    rows = build.build(_CURRENT, _FORMER, [])
    today = {row["code"]: (row["name"], row["level"], row["parent_code"]) for row in rows if not row["current_code"]}
    assert today == {
        "110000": ("北京市", "city", ""),
        "110105": ("朝阳区", "county", "110000"),
        "230000": ("黑龙江省", "province", ""),
        "230100": ("哈尔滨市", "city", "230000"),
        "230113": ("双城区", "county", "230100"),
        "230400": ("鹤岗市", "city", "230000"),
        "230403": ("工农区", "county", "230400"),
        "230404": ("新名区", "county", "230400"),
        "232700": ("大兴安岭地区", "city", "230000"),
        "232701": ("漠河市", "county", "232700"),
        "420000": ("湖北省", "province", ""),
        "429004": ("仙桃市", "county", "420000"),
        "710000": ("台湾省", "province", ""),
    }


def test_build_derives_former_names_with_plain_successors():
    build = _build_script()
    rows = build.build(_CURRENT, _FORMER, [])
    former = {row["name"]: (row["code"], row["parent_code"], row["current_code"]) for row in rows if row["current_code"]}
    assert former == {
        "漠河县": ("232723", "232700", "232701"),  # same stem, new suffix
        "双城市": ("230182", "230100", "230113"),
        "旧名区": ("", "230400", "230404"),  # renamed, code kept
    }


def test_build_takes_what_the_extras_explain():
    build = _build_script()
    extras = [
        {"code": "230501", "name": "旧县", "level": "county", "parent_code": "230400", "current_code": "230403"},
        {"code": "", "name": "新疆生产建设兵团", "level": "province", "parent_code": "", "current_code": ""},
    ]
    rows = build.build(_CURRENT, _FORMER, extras)
    assert rows[-2:] == extras


def test_build_refuses_codes_that_name_no_row():
    build = _build_script()
    extras = [{"code": "230599", "name": "某区", "level": "county", "parent_code": "230500", "current_code": ""}]
    with pytest.raises(SystemExit, match="某区 → 230500"):
        build.build(_CURRENT, _FORMER, extras)
    twice = [{"code": "230113", "name": "双城区", "level": "county", "parent_code": "230100", "current_code": ""}]
    with pytest.raises(SystemExit, match="codes given twice: 230113"):
        build.build(_CURRENT, _FORMER, twice)
