"""Write the round-2 labelled pages: tests/round2/pages/* and tests/round2/expected.json.

These pages stand in for real bulletins the parser was not built from: shapes named in
../shared/DESIGN.md ("Real bulletins (round 2)") that ../shared/FORMATS.md does not show,
from provinces and cities that are not in ../shared/real. Every page is written for this set
(figures invented, wording modelled on the shapes; nothing is copied from a real page). Each
page's expected rows are written BY HAND next to it, by DESIGN.md's rules, never computed by
running the parser. Sums are noted in comments so that a reader can check them.

Families (the first tag of each page):
  province-2020   province bulletins of 2020 (no 本土/境外 split, city lists, half-day
                  windows, cut-offs, imported cases named inside the total)
  sh-bj-2022      Shanghai and Beijing 2022 press-conference and title shapes
  hlj-more        Harbin / Heilongjiang shapes beyond FORMATS.md
  no-bulletin     pages without any bulletin
Pages tagged ``trap-only`` carry no figure besides their bulletin's zeros and trap figures
(discharges, deaths, suspected, contacts, cumulative, stock): they must give exactly their rows.

Run it from anywhere:  python tests/round2/make_pages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the shared writing helpers

from labelled_pages import AS, CF, PO, C, D, R, build_files, page_entry, write_files  # noqa: E402

PAGES: list[dict] = []


def page(*args, **kwargs) -> None:
    PAGES.append(page_entry(*args, **kwargs))


def cities(case_type: str, **counts: int) -> list[dict]:
    """District rows of a province list that names cities only (district = the city)."""
    return [D(case_type, city, city, count) for city, count in counts.items()]


# ---------------------------------------------------------------------------------------
# Province bulletins of 2020
# ---------------------------------------------------------------------------------------

HUNAN, GUANGDONG, ZHEJIANG, JIANGSU, ANHUI = "湖南省", "广东省", "浙江省", "江苏省", "安徽省"
JILIN, HLJ, NINGXIA, QINGHAI, SHAANXI = "吉林省", "黑龙江省", "宁夏回族自治区", "青海省", "陕西省"
SHANXI, HAINAN, YUNNAN = "山西省", "海南省", "云南省"
NO_ORIGIN = "origin_not_stated"

# City names without 市; no 本土/境外 anywhere; traps after the figures (severe, discharges
# with a city list of their own, cumulative and suspected figures).
page("hunan-2020-cities-without-shi", "txt", "utf-8", """湖南省卫生健康委员会
发布时间:2020-02-06 09:12

2020年2月5日0-24时,湖南省新增新型冠状病毒肺炎确诊病例71例,其中长沙14例、岳阳12例、邵阳9例、常德8例、衡阳7例、株洲6例、益阳5例、娄底4例、永州3例、怀化3例。新增重症病例11例,新增治愈出院病例17例(长沙市6例、株洲市4例、岳阳市7例)。截至2月5日24时,全省累计报告确诊病例772例,尚在医学观察的密切接触者8263人,现有疑似病例112例。
""", [
    # 14+12+9+8+7+6+5+4+3+3 = 71
    R(HUNAN, "province", "2020-02-05", (0, 24), lc=71, districts=[
        *cities(CF, 长沙市=14, 岳阳市=12, 邵阳市=9, 常德市=8, 衡阳市=7, 株洲市=6, 益阳市=5,
                娄底市=4, 永州市=3, 怀化市=3),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "city-list-without-shi", "trap-discharges", "trap-severe", "trap-cumulative",
         "trap-suspected", "trap-contacts"])

# 新增病例 without 确诊, the short name 湖南, a 自治州 written short (湘西州), GB18030, and
# the year from the publication line.
page("hunan-2020-xinzeng-bingli-gb18030", "txt", "gb18030", """湖南卫健委 2020-02-13 08:40

2月12日0时至24时,湖南新增病例20例(长沙市5例、株洲市3例、岳阳市4例、衡阳市2例、郴州市2例、湘西州2例、益阳市1例、永州市1例),新增出院病例46例,无新增死亡病例。累计报告确诊病例1004例。
""", [
    # 5+3+4+2+2+2+1+1 = 20
    R(HUNAN, "province", "2020-02-12", (0, 24), lc=20, districts=[
        *cities(CF, 长沙市=5, 株洲市=3, 岳阳市=4, 衡阳市=2, 郴州市=2, 湘西土家族苗族自治州=2,
                益阳市=1, 永州市=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "xinzeng-bingli", "short-region", "short-prefecture", "gb18030", "pubdate",
         "trap-discharges", "trap-deaths", "trap-cumulative"])

# A、B、C各N例 shared counts; discharges, hospital stock and contacts after.
page("guangdong-2020-shared-counts", "txt", "utf-8", """广东省卫生健康委员会关于新型冠状病毒肺炎疫情情况的通报

2020年2月14日0-24时,广东省新增确诊病例13例,深圳市4例,广州、东莞、佛山各2例,珠海、惠州、肇庆各1例。当日新增出院病例67例。全省累计报告确诊病例1307例,目前在院治疗681例,其中重症43例、危重症29例。累计追踪到密切接触者23165人,尚在医学观察6431人。
""", [
    # 4 + 2*3 + 1*3 = 13
    R(GUANGDONG, "province", "2020-02-14", (0, 24), lc=13, districts=[
        *cities(CF, 深圳市=4, 广州市=2, 东莞市=2, 佛山市=2, 珠海市=1, 惠州市=1, 肇庆市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "shared-counts", "trap-discharges", "trap-severe", "trap-contacts",
         "trap-cumulative"])

# 新增确诊病例为零: an explicit zero; everything else on the page is a trap figure.
page("zhejiang-2020-zero", "txt", "utf-8", """浙江省卫生健康委员会

2020年3月3日0-24时,浙江省新增确诊病例为零。新增出院病例43例,其中杭州市12例、温州市18例、宁波市13例。截至3月3日24时,累计报告确诊病例1215例,累计出院1124例,累计死亡1例。
""", [
    R(ZHEJIANG, "province", "2020-03-03", (0, 24), lc=0, problems=[NO_ORIGIN]),
], tags=["province-2020", "zero", "trap-only", "trap-discharges", "trap-cumulative", "trap-deaths"])

# 其中境外输入N例: imported gets them, local is the remainder.
page("jiangsu-2020-imported-within", "txt", "utf-8", """江苏省卫健委通报

2020年3月24日0—24时,江苏新增新冠肺炎确诊病例4例,其中境外输入3例。新增出院病例2例。截至3月24日24时,全省累计报告境外输入确诊病例11例,累计报告本地确诊病例631例。
""", [
    # 4 - 3 = 1 local
    R(JIANGSU, "province", "2020-03-24", (0, 24), lc=1, ic=3, problems=["derived_remainder"]),
], tags=["province-2020", "imported-within-total", "short-region", "trap-discharges", "trap-cumulative"])

# 境外(英国)输入 with a country inside; 本地 states the origin; the case's home city and its
# arrival date are case details (no district row, not the counting day).
page("anhui-2020-imported-country", "txt", "utf-8", """发布时间:2020-03-20 07:30 来源:安徽省卫生健康委员会

3月19日0—24时,安徽省报告新增境外(英国)输入确诊病例1例,无新增本地确诊病例。该病例系合肥市人员,3月17日自英国经上海入境,入境后即实行集中隔离观察。新增治愈出院病例0例。
""", [
    R(ANHUI, "province", "2020-03-19", (0, 24), lc=0, ic=1, problems=["year_inferred"]),
], tags=["province-2020", "imported-country", "bendi", "pubdate", "trap-case-details", "trap-discharges"])

# A lone bracketed city after a count; a discharge sentence with its own city list.
page("jilin-2020-lone-bracket", "txt", "utf-8", """吉林省卫生健康委员会关于新型冠状病毒肺炎疫情情况的通报

2020年2月10日0时至24时,吉林省新增确诊病例1例(四平市)。新增治愈出院病例3例(长春市2例、吉林市1例)。截至2月10日24时,全省累计报告确诊病例81例。
""", [
    R(JILIN, "province", "2020-02-10", (0, 24), lc=1, districts=[D(CF, "四平市", "四平市", 1)],
      problems=[NO_ORIGIN]),
], tags=["province-2020", "lone-bracket-area", "trap-discharges", "trap-cumulative"])

# Half-day window 0时至12时.
page("jilin-2020-half-day-morning", "txt", "utf-8", """发布时间:2020-02-11 14:05

2月11日0时至12时,吉林省新增确诊病例2例(长春市1例、辽源市1例)。截至2月11日12时,全省累计报告确诊病例83例,其中长春市35例、四平市13例、辽源市6例。
""", [
    R(JILIN, "province", "2020-02-11", (0, 12), lc=2, districts=[
        *cities(CF, 长春市=1, 辽源市=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "half-day", "pubdate", "trap-cumulative"])

# Half-day window 12—24时 in a province bulletin.
page("heilongjiang-2020-half-day-evening", "txt", "utf-8", """黑龙江省卫生健康委员会

2020年2月8日12—24时,黑龙江省新增新冠肺炎确诊病例13例(哈尔滨市4例、绥化市3例、双鸭山市2例、大庆市2例、齐齐哈尔市1例、鸡西市1例)。新增死亡病例1例(哈尔滨市)。新增出院病例5例。
""", [
    # 4+3+2+2+1+1 = 13
    R(HLJ, "province", "2020-02-08", (12, 24), lc=13, districts=[
        *cities(CF, 哈尔滨市=4, 绥化市=3, 双鸭山市=2, 大庆市=2, 齐齐哈尔市=1, 鸡西市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "half-day", "trap-deaths", "trap-discharges"])

# The short name 宁夏; cities after 其中 with ","; suspected, contacts and releases after.
page("ningxia-2020-short-name", "txt", "utf-8", """宁夏卫健委通报
2020-02-04 08:10

2月3日0—24时,宁夏新增确诊病例3例,其中银川市2例,吴忠市1例。新增疑似病例4例。累计追踪到密切接触者913人,已解除医学观察122人。
""", [
    R(NINGXIA, "province", "2020-02-03", (0, 24), lc=3, districts=[
        *cities(CF, 银川市=2, 吴忠市=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "short-region", "pubdate", "trap-suspected", "trap-contacts", "trap-released"])

# 无新增确诊病例: a zero; discharges and cumulative figures only besides it.
page("qinghai-2020-none-new", "txt", "utf-8", """青海省卫生健康委员会

2020年2月20日0-24时,青海省无新增确诊病例。新增治愈出院病例3例,累计治愈出院病例9例,现有确诊病例9例。
""", [
    R(QINGHAI, "province", "2020-02-20", (0, 24), lc=0, problems=[NO_ORIGIN]),
], tags=["province-2020", "zero", "trap-only", "trap-discharges", "trap-cumulative", "trap-stock"])

# 20时至20时: a 24-hour window that starts the evening before (20..44).
page("shaanxi-2020-20-to-20", "txt", "utf-8", """陕西省卫生健康委员会

2020年2月9日20时至2月10日20时,陕西省新增确诊病例7例(西安市3例、汉中市2例、安康市1例、咸阳市1例),新增治愈出院病例9例。截至2月10日20时,全省累计报告确诊病例213例。
""", [
    # 3+2+1+1 = 7
    R(SHAANXI, "province", "2020-02-09", (20, 44), lc=7, districts=[
        *cities(CF, 西安市=3, 汉中市=2, 安康市=1, 咸阳市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "window-20-to-20", "trap-discharges", "trap-cumulative"])

# 8时至次日8时 in traditional script; year from the publication line.
page("shanxi-2020-8-to-next-8-trad", "txt", "utf-8", """發布時間:2020-02-08 10:20
山西省衛生健康委員會

2月7日8時至次日8時,山西省新增新冠肺炎確診病例6例,其中太原市2例、大同市2例、晉中市1例、運城市1例。新增治癒出院病例4例。
""", [
    # 2+2+1+1 = 6
    R(SHANXI, "province", "2020-02-07", (8, 32), lc=6, districts=[
        *cities(CF, 太原市=2, 大同市=2, 晋中市=1, 运城市=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "window-8-to-next-8", "traditional", "pubdate", "trap-discharges"])

# A cut-off instead of a window: the count is stored with window_not_stated. The cumulative
# sentence has a city list of its own.
page("hainan-2020-cutoff", "txt", "utf-8", """海南省卫生健康委员会

截至2020年2月13日6时,海南省新增新型冠状病毒肺炎确诊病例2例(三亚市1例、儋州市1例)。全省累计报告确诊病例157例,其中海口市39例、三亚市54例、儋州市15例。
""", [
    R(HAINAN, "province", "2020-02-13", (0, 24), lc=2, districts=[
        *cities(CF, 三亚市=1, 儋州市=1),
    ], problems=[NO_ORIGIN, "window_not_stated"]),
], tags=["province-2020", "cutoff", "trap-cumulative"])

# Traditional script in Big5, 自治州 written short (紅河州), 各1例 over five cities.
page("yunnan-2020-trad-big5", "txt", "big5", """發佈時間:2020-02-07 08:55
雲南省衛生健康委員會

2月6日0—24時,雲南省新增確診病例5例,昆明市、玉溪市、保山市、昭通市、紅河州各1例。新增出院病例2例,無新增死亡病例。
""", [
    R(YUNNAN, "province", "2020-02-06", (0, 24), lc=5, districts=[
        *cities(CF, 昆明市=1, 玉溪市=1, 保山市=1, 昭通市=1, 红河哈尼族彝族自治州=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "shared-counts", "short-prefecture", "traditional", "big5", "pubdate",
         "trap-discharges", "trap-deaths"])

# Full-width punctuation (，：；), a list after a colon, and a death with a bracketed city
# (not a new case).
page("anhui-2020-fullwidth-colon", "txt", "utf-8", """安徽省卫生健康委员会

2020年2月1日0—24时，安徽省新增确诊病例40例：合肥市9例，阜阳市8例，亳州市6例，安庆市5例，蚌埠市4例，六安市3例，马鞍山市3例，宿州市2例。新增重症病例8例；新增死亡病例1例（宿州市）；新增治愈出院病例6例；新增疑似病例52例。
""", [
    # 9+8+6+5+4+3+3+2 = 40
    R(ANHUI, "province", "2020-02-01", (0, 24), lc=40, districts=[
        *cities(CF, 合肥市=9, 阜阳市=8, 亳州市=6, 安庆市=5, 蚌埠市=4, 六安市=3, 马鞍山市=3, 宿州市=2),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "full-width-punctuation", "colon-list", "trap-deaths", "trap-severe",
         "trap-discharges", "trap-suspected"])

# 无报告新增: an explicit zero; the year from the publication line.
page("guangdong-2020-no-report-added", "txt", "utf-8", """发布时间:2020-03-06 08:00
广东省卫生健康委员会

3月5日0-24时,广东省无报告新增确诊病例。新增出院病例54例。截至3月5日24时,全省累计报告确诊病例1351例,累计出院1181例。
""", [
    R(GUANGDONG, "province", "2020-03-05", (0, 24), lc=0, problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "zero", "trap-only", "pubdate", "trap-discharges", "trap-cumulative"])

# 新增确诊病例N例,均为境外输入: imported gets them all, local is 0.
page("zhejiang-2020-all-imported", "txt", "utf-8", """浙江省卫生健康委员会

2020年3月14日0-24时,浙江省新增确诊病例2例,均为境外输入(意大利)。新增出院病例5例。截至3月14日24时,累计报告境外输入确诊病例8例。
""", [
    R(ZHEJIANG, "province", "2020-03-14", (0, 24), lc=0, ic=2),
], tags=["province-2020", "imported-within-total", "imported-country", "trap-discharges", "trap-cumulative"])

# A tilde window (0~24时) and a list after a comma with no 其中.
page("jilin-2020-tilde", "txt", "utf-8", """吉林省卫生健康委员会通报

2020年2月2日0~24时,吉林省新增确诊病例4例,长春市2例、吉林市1例、松原市1例。新增疑似病例6例,新增治愈出院病例1例。
""", [
    R(JILIN, "province", "2020-02-02", (0, 24), lc=4, districts=[
        *cities(CF, 长春市=2, 吉林市=1, 松原市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "window-tilde", "trap-suspected", "trap-discharges"])

# A page-text dump: the bulletin broken across lines in the middle of words and of the list.
page("heilongjiang-2020-broken-lines", "txt", "utf-8", """黑龙江日报 2020年2月5日 第1版

2020年2月4日0-24时,黑龙江省新增新冠肺炎确诊病
例40例,其中哈尔滨市14例、双鸭山市9例、绥化市5
例、齐齐哈尔市4例、大庆市3例、七台河市3例、鸡西市2例。新增出院病例
2例,新增死亡病例1例。

省委书记深入防控一线检查指导工作
""", [
    # 14+9+5+4+3+3+2 = 40
    R(HLJ, "province", "2020-02-04", (0, 24), lc=40, districts=[
        *cities(CF, 哈尔滨市=14, 双鸭山市=9, 绥化市=5, 齐齐哈尔市=4, 大庆市=3, 七台河市=3, 鸡西市=2),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "broken-lines", "trap-discharges", "trap-deaths"])

# 12—24时 in GB18030 for 宁夏, with a bracketed list.
page("ningxia-2020-evening-gb18030", "txt", "gb18030", """宁夏回族自治区卫生健康委员会

2020年1月30日12—24时,宁夏新增确诊病例2例(银川市1例、固原市1例),新增疑似病例1例。密切接触者中已解除医学观察45人。
""", [
    R(NINGXIA, "province", "2020-01-30", (12, 24), lc=2, districts=[
        *cities(CF, 银川市=1, 固原市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "half-day", "short-region", "gb18030", "trap-suspected", "trap-released"])

# 新增病例 with 州 short forms, in a list after ",".
page("yunnan-2020-bingli-prefectures", "txt", "utf-8", """云南省卫生健康委员会

2020年2月3日0—24时,云南省新增病例5例,昆明市2例、曲靖市1例、西双版纳州1例、大理州1例。新增重症病例1例。累计确诊病例122例。
""", [
    R(YUNNAN, "province", "2020-02-03", (0, 24), lc=5, districts=[
        *cities(CF, 昆明市=2, 曲靖市=1, 西双版纳傣族自治州=1, 大理白族自治州=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "xinzeng-bingli", "short-prefecture", "trap-severe", "trap-cumulative"])

# A saved GB18030 web page: 其中: list, then discharges by city.
page("hunan-2020-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html>
<head>
<meta charset="gb2312">
<title>湖南省卫生健康委员会 - 疫情通报</title>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a></div>
<h1>2020年2月18日湖南省新型冠状病毒肺炎疫情情况</h1>
<p>&nbsp;&nbsp;2020年2月18日0-24时,湖南省新增新冠肺炎确诊病例4例,其中:长沙市1例、岳阳市1例、邵阳市1例、株洲市1例;新增出院病例52例(长沙市12例、岳阳市10例、邵阳市30例)。</p>
<p>截至2月18日24时,湖南省累计报告确诊病例1008例。</p>
<div class="footer">主办:湖南省卫生健康委员会</div>
</body>
</html>
""", [
    R(HUNAN, "province", "2020-02-18", (0, 24), lc=4, districts=[
        *cities(CF, 长沙市=1, 岳阳市=1, 邵阳市=1, 株洲市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "html", "gb18030", "qizhong-colon", "trap-discharges", "trap-cumulative"])

# A saved web page for 陕西: 本地 and 境外输入 each stated; a city list for the local cases.
page("shaanxi-2020-page-bendi-imported", "html", "utf-8", """<html>
<head><meta charset="utf-8"><title>陕西省卫生健康委员会</title></head>
<body>
<p>发布时间:2020-03-26 09:30</p>
<p>3月25日0—24时,陕西省新增境外输入确诊病例3例(英国2例、西班牙1例),新增本地确诊病例1例(西安市)。无新增疑似病例。</p>
</body>
</html>
""", [
    R(SHAANXI, "province", "2020-03-25", (0, 24), lc=1, ic=3, districts=[D(CF, "西安市", "西安市", 1)],
      problems=["year_inferred"]),
], tags=["province-2020", "html", "bendi", "imported-country", "lone-bracket-area", "pubdate",
         "trap-suspected"])

# The short name 广西; 14—24时; a list after 其中 ending in a shared count.
page("guangxi-2020-short-name-afternoon", "txt", "utf-8", """发布时间:2020-02-10 09:00
广西卫健委

2月9日14—24时,广西新增确诊病例5例,其中南宁市2例,北海市、桂林市、防城港市各1例。新增出院病例3例,新增重症病例1例。
""", [
    # 2 + 1*3 = 5
    R("广西壮族自治区", "province", "2020-02-09", (14, 24), lc=5, districts=[
        *cities(CF, 南宁市=2, 北海市=1, 桂林市=1, 防城港市=1),
    ], problems=[NO_ORIGIN, "year_inferred"]),
], tags=["province-2020", "short-region", "half-day", "shared-counts", "pubdate", "trap-discharges",
         "trap-severe"])

# A full-width hyphen window (0－24时), full-width commas and spaces around the counts.
page("jiangsu-2020-spaced-fullwidth-dash", "txt", "utf-8", """江苏省卫生健康委员会

2020年2月16日0－24时，江苏新增确诊病例 5 例，其中南京市 2 例、苏州市 1 例、徐州市 1 例、淮安市 1 例。新增出院病例 33 例。
""", [
    # 2+1+1+1 = 5
    R(JIANGSU, "province", "2020-02-16", (0, 24), lc=5, districts=[
        *cities(CF, 南京市=2, 苏州市=1, 徐州市=1, 淮安市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "window-full-width-dash", "spaced-counts", "full-width-punctuation",
         "short-region", "trap-discharges"])

# A list after 其中: whose items are separated by ；, cities without 市.
page("zhejiang-2020-semicolon-list", "txt", "utf-8", """浙江省卫生健康委员会

2020年2月11日0—24时，浙江省新增确诊病例6例；其中：温州3例；宁波2例；台州1例。新增出院病例38例；累计报告确诊病例1117例。
""", [
    R(ZHEJIANG, "province", "2020-02-11", (0, 24), lc=6, districts=[
        *cities(CF, 温州市=3, 宁波市=2, 台州市=1),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "semicolon-list", "city-list-without-shi", "full-width-punctuation",
         "qizhong-colon", "trap-discharges", "trap-cumulative"])

# Traditional script in Big5, 0時至24時, a bracketed list.
page("anhui-2020-trad-big5", "txt", "big5", """安徽省衛生健康委員會

2020年2月3日0時至24時,安徽省新增確診病例72例(合肥市18例、蚌埠市15例、阜陽市14例、亳州市13例、安慶市12例)。新增治癒出院病例5例。
""", [
    # 18+15+14+13+12 = 72
    R(ANHUI, "province", "2020-02-03", (0, 24), lc=72, districts=[
        *cities(CF, 合肥市=18, 蚌埠市=15, 阜阳市=14, 亳州市=13, 安庆市=12),
    ], problems=[NO_ORIGIN]),
], tags=["province-2020", "traditional", "big5", "trap-discharges"])

# A cut-off (截至…12时) and a lone bracketed city.
page("shanxi-2020-cutoff-bracket", "txt", "utf-8", """山西省卫生健康委员会

截至2020年2月14日12时,山西省新增确诊病例1例(太原市),累计报告确诊病例128例。
""", [
    R(SHANXI, "province", "2020-02-14", (0, 24), lc=1, districts=[D(CF, "太原市", "太原市", 1)],
      problems=[NO_ORIGIN, "window_not_stated"]),
], tags=["province-2020", "cutoff", "lone-bracket-area", "trap-cumulative"])

# Two half-day bulletins of one province on one page: two reports.
page("jilin-2020-two-half-days", "txt", "utf-8", """吉林省卫生健康委员会

2020年2月12日0时至12时,吉林省新增确诊病例1例(长春市)。

2020年2月12日12时至24时,吉林省新增确诊病例3例(长春市2例、四平市1例)。新增治愈出院病例2例。
""", [
    R(JILIN, "province", "2020-02-12", (0, 12), lc=1, districts=[D(CF, "长春市", "长春市", 1)],
      problems=[NO_ORIGIN]),
    R(JILIN, "province", "2020-02-12", (12, 24), lc=3, districts=[*cities(CF, 长春市=2, 四平市=1)],
      problems=[NO_ORIGIN]),
], tags=["province-2020", "half-day", "two-bulletins", "lone-bracket-area", "trap-discharges"])

# Imported and local each stated with a bracket after the count: a country is not an area.
page("jilin-2020-imported-bracket-country", "txt", "utf-8", """吉林省卫生健康委员会

2020年3月22日 0时—24时,吉林省新增确诊病例2例,其中境外输入1例(英国),本地1例(长春市)。新增治愈出院病例1例。
""", [
    R(JILIN, "province", "2020-03-22", (0, 24), lc=1, ic=1, districts=[D(CF, "长春市", "长春市", 1)]),
], tags=["province-2020", "imported-within-total", "imported-country", "bendi", "lone-bracket-area",
         "spaced-window", "trap-discharges"])

# A bracketed list of cities without 市 (三亚1例、儋州1例).
page("hainan-2020-bracket-without-shi", "txt", "utf-8", """海南省卫生健康委员会

2020年2月20日0时至24时,海南省新增确诊病例2例(三亚1例、儋州1例),新增出院病例12例(海口市7例、三亚市5例)。
""", [
    R(HAINAN, "province", "2020-02-20", (0, 24), lc=2, districts=[*cities(CF, 三亚市=1, 儋州市=1)],
      problems=[NO_ORIGIN]),
], tags=["province-2020", "city-list-without-shi", "trap-discharges"])


# ---------------------------------------------------------------------------------------
# Shanghai and Beijing 2022: press-conference and title shapes
# ---------------------------------------------------------------------------------------

SH, BJ = "上海市", "北京市"

# The second count before its noun (和18例无症状感染者); imported counts after the local ones;
# discharges and cumulative figures after.
page("shanghai-2022-count-before-noun", "txt", "utf-8", """上海发布

市卫健委今早(22日)通报:2022年3月21日0—24时,新增27例本土新冠肺炎确诊病例和53例本土无症状感染者,新增境外输入性新冠肺炎确诊病例6例和无症状感染者2例。

新增治愈出院5例。截至2022年3月21日24时,累计本土确诊614例,治愈出院398例。
""", [
    R(SH, "city", "2022-03-21", (0, 24), lc=27, la=53, ic=6, ia=2),
], tags=["sh-bj-2022", "count-before-noun", "imported-after-local", "source-line", "trap-discharges",
         "trap-cumulative"])

# A headline of space-separated clauses repeating the body's totals: one report.
page("shanghai-2022-space-headline", "txt", "utf-8", """上海4月6日新增本土确诊病例322例 新增本土无症状感染者19660例

市卫健委今早(7日)通报:2022年4月6日0—24时,新增本土新冠肺炎确诊病例322例和无症状感染者19660例,其中311例确诊病例和19385例无症状感染者在隔离管控中发现,其余在相关风险人群排查中发现。新增境外输入性新冠肺炎确诊病例3例。
""", [
    # remainders: 322-311 = 11, 19660-19385 = 275
    R(SH, "city", "2022-04-06", (0, 24), lc=322, la=19660, ic=3, channels=[
        C(CF, "quarantine", "在隔离管控中发现", 311),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 11),
        C(AS, "quarantine", "在隔离管控中发现", 19385),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 275),
    ], problems=["derived_remainder"]),
], tags=["sh-bj-2022", "space-separated", "headline-repeat", "remainder"])

# The only statement is a title-like line of space-separated clauses, with its window in
# brackets on the line above and the year from the publication line.
page("shanghai-2022-space-clauses-only", "txt", "utf-8", """发布时间:2022-04-11 09:05
4月10日(0—24时)上海疫情
新增本土确诊病例914例 新增本土无症状感染者25173例 新增境外输入确诊病例7例
来源:上海发布
""", [
    R(SH, "city", "2022-04-10", (0, 24), lc=914, la=25173, ic=7, problems=["year_inferred"]),
], tags=["sh-bj-2022", "space-separated", "window-in-brackets", "pubdate", "source-line"])

# A deaths sentence with its own window comes before the bulletin; a conversion count.
page("shanghai-2022-deaths-first", "txt", "utf-8", """上海发布 2022-04-23 08:30

2022年4月22日0—24时,上海新增本土死亡12例,平均年龄81岁,最小年龄60岁,最大年龄101岁。死亡病例均合并有严重基础疾病,入院后因基础疾病加重经抢救无效死亡。

市卫健委今早(23日)通报:2022年4月22日0—24时,新增本土新冠肺炎确诊病例2736例和无症状感染者20634例,其中1401例确诊病例为此前无症状感染者转归。
""", [
    R(SH, "city", "2022-04-22", (0, 24), lc=2736, la=20634, conv=1401, channels=[
        C(CF, "converted", "此前无症状感染者转归", 1401),
    ], problems=["partial_breakdown"]),
], tags=["sh-bj-2022", "deaths-first", "trap-deaths", "conversions"])

# 无新增疑似病例和无症状感染者 in the imported paragraph: it states imported asymptomatic 0 and
# leaves the local asymptomatic count (14) alone.
page("shanghai-2022-imported-no-suspected", "txt", "utf-8", """据上海市卫健委通报

2022年3月2日0—24时,上海新增本土新冠肺炎确诊病例3例和无症状感染者14例。

境外输入病例:新增境外输入性新冠肺炎确诊病例5例,无新增疑似病例和无症状感染者。5例境外输入性确诊病例均在入境后隔离观察期间发现。
""", [
    R(SH, "city", "2022-03-02", (0, 24), lc=3, la=14, ic=5, ia=0),
], tags=["sh-bj-2022", "imported-section", "trap-suspected", "source-line"])

# Per-case range lines per district (病例1—病例5,居住于…), in a saved web page.
page("shanghai-2022-case-ranges-page", "html", "utf-8", """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>上海发布</title></head>
<body>
<p>市卫健委今早(16日)通报:2022年3月15日0—24时,新增本土新冠肺炎确诊病例9例和无症状感染者16例。</p>
<p>病例1—病例5,居住于浦东新区。</p>
<p>病例6,女,42岁,居住于闵行区。</p>
<p>病例7—病例9,居住于嘉定区。</p>
<p>新增治愈出院7例,其中浦东新区4例、闵行区3例。</p>
<p>无症状感染者1—无症状感染者10,居住于浦东新区;无症状感染者11—无症状感染者16,居住于徐汇区。</p>
</body></html>
""", [
    # confirmed 5+1+3 = 9; asymptomatic 10+6 = 16
    R(SH, "city", "2022-03-15", (0, 24), lc=9, la=16, districts=[
        D(CF, SH, "浦东新区", 5), D(CF, SH, "闵行区", 1), D(CF, SH, "嘉定区", 3),
        D(AS, SH, "浦东新区", 10), D(AS, SH, "徐汇区", 6),
    ]),
], tags=["sh-bj-2022", "html", "case-ranges", "trap-discharges"])

# Beijing's channel counts (管控人员 / 社区筛查人员) with both types given: typed positive.
page("beijing-2022-channels-typed-positive", "txt", "utf-8", """北京市卫生健康委员会

2022年11月23日0时至15时,北京市新增本土感染者498例,其中确诊病例151例、无症状感染者347例;管控人员426例,社区筛查人员72例。朝阳区200例、海淀区118例、丰台区180例。
""", [
    # 151+347 = 498; 426+72 = 498; 200+118+180 = 498
    R(BJ, "city", "2022-11-23", (0, 15), lc=151, la=347, lp=498, districts=[
        D(PO, BJ, "朝阳区", 200), D(PO, BJ, "海淀区", 118), D(PO, BJ, "丰台区", 180),
    ], channels=[
        C(PO, "quarantine", "管控人员", 426),
        C(PO, "community_screening", "社区筛查人员", 72),
    ]),
], tags=["sh-bj-2022", "beijing-channels"])

# 15时至次日15时 with the short name 北京; the year from the page's date.
page("beijing-2022-15-to-next-15", "txt", "utf-8", """北京市卫健委 2022-11-27 16:40

11月26日15时至次日15时,北京新增本土感染者840例,其中确诊病例262例、无症状感染者578例;管控人员741例、社区筛查人员99例。
""", [
    R(BJ, "city", "2022-11-26", (15, 39), lc=262, la=578, lp=840, channels=[
        C(PO, "quarantine", "管控人员", 741),
        C(PO, "community_screening", "社区筛查人员", 99),
    ], problems=["year_inferred"]),
], tags=["sh-bj-2022", "beijing-channels", "window-15-to-next-15", "short-region", "pubdate"])

# Per-case lines (确诊病例2、3:现住朝阳区…): district rows per type; a 密切接触者 inside a
# case line is a case detail, not a channel.
page("beijing-2022-case-lines", "txt", "utf-8", """北京市卫生健康委员会

2022年5月2日15时至24时,北京新增本土新冠肺炎病毒感染者8例(确诊病例5例、无症状感染者3例),其中管控人员7例、社区筛查人员1例。
确诊病例1:现住朝阳区南磨房乡,为此前已报告感染者的密切接触者。
确诊病例2、3:现住朝阳区潘家园街道,为同一家庭成员。
确诊病例4:现住丰台区方庄地区。
确诊病例5:现住房山区长阳镇。
无症状感染者1、2:现住大兴区西红门镇,为夫妻关系。
无症状感染者3:现住朝阳区双井街道。
""", [
    # confirmed 1+2+1+1 = 5 (朝阳区 3); asymptomatic 2+1 = 3; channels 7+1 = 8
    R(BJ, "city", "2022-05-02", (15, 24), lc=5, la=3, lp=8, districts=[
        D(CF, BJ, "朝阳区", 3), D(CF, BJ, "丰台区", 1), D(CF, BJ, "房山区", 1),
        D(AS, BJ, "大兴区", 2), D(AS, BJ, "朝阳区", 1),
    ], channels=[
        C(PO, "quarantine", "管控人员", 7),
        C(PO, "community_screening", "社区筛查人员", 1),
    ]),
], tags=["sh-bj-2022", "case-lines", "beijing-channels", "trap-case-details"])

# Per-case lines with ranges (确诊病例1—4) over a window that crosses midnight.
page("beijing-2022-case-line-ranges", "txt", "utf-8", """发布时间:2022-04-27 16:10

4月26日15时至27日15时,北京市新增本土新冠肺炎病毒感染者12例,其中确诊病例9例、无症状感染者3例;管控人员10例,社区筛查人员2例。
新增本土病例情况:
确诊病例1—4:现住朝阳区,均为此前已报告感染者的同事。
确诊病例5:现住顺义区。
确诊病例6、7:现住房山区。
确诊病例8、9:现住通州区。
无症状感染者1:现住朝阳区。
无症状感染者2、3:现住海淀区。
""", [
    # confirmed 4+1+2+2 = 9; asymptomatic 1+2 = 3
    R(BJ, "city", "2022-04-26", (15, 39), lc=9, la=3, lp=12, districts=[
        D(CF, BJ, "朝阳区", 4), D(CF, BJ, "顺义区", 1), D(CF, BJ, "房山区", 2), D(CF, BJ, "通州区", 2),
        D(AS, BJ, "朝阳区", 1), D(AS, BJ, "海淀区", 2),
    ], channels=[
        C(PO, "quarantine", "管控人员", 10),
        C(PO, "community_screening", "社区筛查人员", 2),
    ], problems=["year_inferred"]),
], tags=["sh-bj-2022", "case-lines", "beijing-channels", "pubdate"])

# Beijing's channels and areas in traditional script, Big5.
page("beijing-2022-trad-big5", "txt", "big5", """北京市衛生健康委員會

2022年11月27日15時至28日15時,北京市新增本土感染者1020例,其中確診病例310例、無症狀感染者710例;管控人員880例,社區篩查人員140例。朝陽區402例、海澱區208例、豐臺區260例、大興區150例。
""", [
    # 310+710 = 1020; 880+140 = 1020; 402+208+260+150 = 1020
    R(BJ, "city", "2022-11-27", (15, 39), lc=310, la=710, lp=1020, districts=[
        D(PO, BJ, "朝阳区", 402), D(PO, BJ, "海淀区", 208), D(PO, BJ, "丰台区", 260), D(PO, BJ, "大兴区", 150),
    ], channels=[
        C(PO, "quarantine", "管控人员", 880),
        C(PO, "community_screening", "社区筛查人员", 140),
    ]),
], tags=["sh-bj-2022", "beijing-channels", "traditional", "big5"])

# Shanghai in GB18030 with full-width punctuation: count before the noun for both types.
page("shanghai-2022-count-before-noun-gb18030", "txt", "gb18030", """上海发布　２０２２－０３－１９

市卫健委今早（１９日）通报：２０２２年３月１８日０—２４时，新增５７例本土新冠肺炎确诊病例和３６６例本土无症状感染者；新增境外输入性新冠肺炎确诊病例１１例。
""", [
    R(SH, "city", "2022-03-18", (0, 24), lc=57, la=366, ic=11),
], tags=["sh-bj-2022", "count-before-noun", "imported-after-local", "gb18030", "full-width-digits",
         "full-width-punctuation"])

# The count-before-noun shape in traditional script (UTF-8).
page("shanghai-2022-count-before-noun-trad", "txt", "utf-8", """上海發布

市衛健委今早(25日)通報:2022年3月24日0—24時,新增29例本土新冠肺炎確診病例和1580例本土無症狀感染者,新增境外輸入性新冠肺炎確診病例9例和無症狀感染者1例。
""", [
    R(SH, "city", "2022-03-24", (0, 24), lc=29, la=1580, ic=9, ia=1),
], tags=["sh-bj-2022", "count-before-noun", "imported-after-local", "traditional", "source-line"])

# A page-text dump: the count-before-noun sentence broken in the middle of words.
page("shanghai-2022-broken-lines", "txt", "utf-8", """上海发布 2022-03-27

市卫健委今早(27日)通报:2022年3月26日0—24时,新增45例本土新冠肺
炎确诊病例和2631例本土无症状感
染者,新增境外输入性新冠肺炎确诊病例
4例。
""", [
    R(SH, "city", "2022-03-26", (0, 24), lc=45, la=2631, ic=4),
], tags=["sh-bj-2022", "count-before-noun", "broken-lines", "source-line"])

# Per-case lines in a GB18030 web page: numbers that do not start at 1 (无症状感染者4、5).
page("beijing-2022-case-lines-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>北京市卫生健康委员会</title></head>
<body>
<p>发布时间:2022-05-05 16:00</p>
<p>5月4日15时至5月5日15时,北京新增本土新冠肺炎病毒感染者6例,其中确诊病例3例、无症状感染者3例;管控人员5例,社区筛查人员1例。</p>
<p>确诊病例3:现住丰台区右安门街道。</p>
<p>确诊病例4、5:现住朝阳区劲松街道,为母子关系。</p>
<p>无症状感染者4、5:现住大兴区亦庄镇。</p>
<p>无症状感染者6:现住丰台区卢沟桥街道。</p>
</body></html>
""", [
    # confirmed 1+2 = 3; asymptomatic 2+1 = 3; channels 5+1 = 6
    R(BJ, "city", "2022-05-04", (15, 39), lc=3, la=3, lp=6, districts=[
        D(CF, BJ, "丰台区", 1), D(CF, BJ, "朝阳区", 2),
        D(AS, BJ, "大兴区", 2), D(AS, BJ, "丰台区", 1),
    ], channels=[
        C(PO, "quarantine", "管控人员", 5),
        C(PO, "community_screening", "社区筛查人员", 1),
    ], problems=["year_inferred"]),
], tags=["sh-bj-2022", "case-lines", "beijing-channels", "html", "gb18030", "pubdate"])

# Beijing's channel counts when the bulletin gives no type split: positive, against 感染者.
page("beijing-2022-channels-untyped", "txt", "utf-8", """北京市卫生健康委员会

2022年11月16日0时至15时,北京市新增本土感染者75例,其中管控人员70例、社区筛查人员5例。
""", [
    # 70+5 = 75
    R(BJ, "city", "2022-11-16", (0, 15), lp=75, channels=[
        C(PO, "quarantine", "管控人员", 70),
        C(PO, "community_screening", "社区筛查人员", 5),
    ]),
], tags=["sh-bj-2022", "beijing-channels"])


# ---------------------------------------------------------------------------------------
# Harbin / Heilongjiang beyond FORMATS.md
# ---------------------------------------------------------------------------------------

HRB, JMS, HG, MDJ, SH_HLJ = "哈尔滨市", "佳木斯市", "鹤岗市", "牡丹江市", "绥化市"

# 向阳区 twice in one bulletin: after 鹤岗市 it is 鹤岗's, after 佳木斯市 it is 佳木斯's.
page("hlj-xiangyang-two-cities", "txt", "utf-8", """发布时间:2022-10-20 08:20
黑龙江省卫生健康委员会通报

10月19日0-24时,黑龙江省新增本土确诊病例2例(鹤岗市2例,其中向阳区1例、工农区1例),新增本土无症状感染者4例(佳木斯市3例,其中向阳区2例、前进区1例;鹤岗市1例,在东山区)。
""", [
    R(HLJ, "province", "2022-10-19", (0, 24), lc=2, la=4, districts=[
        D(CF, HG, "向阳区", 1), D(CF, HG, "工农区", 1),
        D(AS, JMS, "向阳区", 2), D(AS, JMS, "前进区", 1), D(AS, HG, "东山区", 1),
    ], problems=["year_inferred"]),
], tags=["hlj-more", "same-name-areas", "pubdate"])

# A flat list of city-prefixed areas with 郊区 (a name of four cities) and both 向阳区.
page("hlj-jiamusi-suburb-flat", "txt", "utf-8", """2022年4月12日0—24时,黑龙江省无新增本土确诊病例,新增本土无症状感染者5例(佳木斯市郊区2例、佳木斯市向阳区1例、鹤岗市向阳区1例、双鸭山市尖山区1例)。
""", [
    R(HLJ, "province", "2022-04-12", (0, 24), lc=0, la=5, districts=[
        D(AS, JMS, "郊区", 2), D(AS, JMS, "向阳区", 1), D(AS, HG, "向阳区", 1), D(AS, "双鸭山市", "尖山区", 1),
    ]),
], tags=["hlj-more", "same-name-areas", "zero"])

# The 2021 split: 其中N例(…)是由无症状感染者转为确诊病例,M例(…)是…发现的. The bracketed
# areas of the split restate the main list: they are not added again.
page("hlj-2021-split-converted", "txt", "utf-8", """发布时间:2021-01-26 08:45

1月25日0时至24时,黑龙江省新增本土确诊病例10例(绥化市望奎县6例、哈尔滨市呼兰区4例),其中7例(望奎县5例、呼兰区2例)是由无症状感染者转为确诊病例,3例(望奎县1例、呼兰区2例)是在集中隔离观察中发现的。新增本土无症状感染者12例(绥化市望奎县8例、哈尔滨市呼兰区4例),均是在集中隔离观察中发现的。
""", [
    # confirmed 6+4 = 10 = 7+3; asymptomatic 8+4 = 12
    R(HLJ, "province", "2021-01-25", (0, 24), lc=10, la=12, conv=7, districts=[
        D(CF, SH_HLJ, "望奎县", 6), D(CF, HRB, "呼兰区", 4),
        D(AS, SH_HLJ, "望奎县", 8), D(AS, HRB, "呼兰区", 4),
    ], channels=[
        C(CF, "converted", "由无症状感染者转为确诊病例", 7),
        C(CF, "quarantine", "在集中隔离观察中发现", 3),
        C(AS, "quarantine", "在集中隔离观察中发现", 12),
    ], problems=["year_inferred"]),
], tags=["hlj-more", "split-2021", "conversions", "restated-breakdown", "pubdate"])

# The split the other way round, without brackets, full-width, GB18030.
page("hlj-2021-split-reversed-gb18030", "txt", "gb18030", """黑龙江省卫生健康委员会　２０２１－０１－２９

１月２８日０时至２４时，黑龙江省新增本土确诊病例５例（绥化市望奎县３例、哈尔滨市呼兰区２例），其中３例是在集中隔离观察中发现的，２例是由无症状感染者转为确诊病例。新增本土无症状感染者６例（绥化市望奎县６例）。
""", [
    # confirmed 3+2 = 5 = 3+2
    R(HLJ, "province", "2021-01-28", (0, 24), lc=5, la=6, conv=2, districts=[
        D(CF, SH_HLJ, "望奎县", 3), D(CF, HRB, "呼兰区", 2),
        D(AS, SH_HLJ, "望奎县", 6),
    ], channels=[
        C(CF, "quarantine", "在集中隔离观察中发现", 3),
        C(CF, "converted", "由无症状感染者转为确诊病例", 2),
    ], problems=["year_inferred"]),
], tags=["hlj-more", "split-2021", "conversions", "gb18030", "full-width-digits", "full-width-punctuation",
         "pubdate"])

# 无新增新冠肺炎疫情信息报告: 0 for local and imported confirmed and asymptomatic. The rest of
# the page is discharges (with a city list) and stock.
page("hlj-no-new-information", "txt", "utf-8", """黑龙江省卫生健康委员会

2021年3月5日0—24时,黑龙江省无新增新冠肺炎疫情信息报告。当日治愈出院本土确诊病例6例(哈尔滨市呼兰区4例、绥化市望奎县2例)。截至3月5日24时,全省现有本土确诊病例21例,现有本土无症状感染者3例。
""", [
    R(HLJ, "province", "2021-03-05", (0, 24), lc=0, la=0, ic=0, ia=0),
], tags=["hlj-more", "no-new-information", "trap-only", "trap-discharges", "trap-stock"])

# The same in traditional script, a saved Big5 web page.
page("hlj-no-new-information-trad-page-big5", "html", "big5", """<html>
<head><meta charset="big5"><title>黑龍江省衛生健康委員會</title></head>
<body>
<p>2021年4月2日0—24時,黑龍江省無新增新冠肺炎疫情信息報告。當日解除醫學觀察本土無症狀感染者2例(綏化市望奎縣2例)。</p>
</body>
</html>
""", [
    R(HLJ, "province", "2021-04-02", (0, 24), lc=0, la=0, ic=0, ia=0),
], tags=["hlj-more", "no-new-information", "trap-only", "traditional", "big5", "html", "trap-released"])

# A bracketed area without a count (1例(哈尔滨市道外区)); imported cases with an area in
# brackets give no district row.
page("hlj-bracket-area-no-count", "txt", "utf-8", """2022年5月10日0—24时,黑龙江省新增本土确诊病例1例(哈尔滨市道外区),新增本土无症状感染者2例(哈尔滨市1例,在道外区;牡丹江市1例,在绥芬河市),新增境外输入无症状感染者1例(牡丹江市绥芬河市)。
""", [
    R(HLJ, "province", "2022-05-10", (0, 24), lc=1, la=2, ia=1, districts=[
        D(CF, HRB, "道外区", 1),
        D(AS, HRB, "道外区", 1), D(AS, MDJ, "绥芬河市", 1),
    ]),
], tags=["hlj-more", "bracket-area-no-count", "imported-with-area"])

# A city's 均为…发现 covers that city's subtotal only (6 of 9): a partial breakdown.
page("hlj-city-junwei-subtotal", "txt", "utf-8", """发布时间:2022-10-26 08:10

10月25日0—24时,黑龙江省新增本土确诊病例3例(哈尔滨市3例,均在南岗区),新增本土无症状感染者9例(哈尔滨市6例,其中道里区4例、南岗区2例,均为隔离管控人员中发现;大庆市3例,其中让胡路区2例、萨尔图区1例)。
""", [
    # asymptomatic 4+2+2+1 = 9; the channel covers Harbin's 6
    R(HLJ, "province", "2022-10-25", (0, 24), lc=3, la=9, districts=[
        D(CF, HRB, "南岗区", 3),
        D(AS, HRB, "道里区", 4), D(AS, HRB, "南岗区", 2),
        D(AS, "大庆市", "让胡路区", 2), D(AS, "大庆市", "萨尔图区", 1),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 6),
    ], problems=["partial_breakdown", "year_inferred"]),
], tags=["hlj-more", "city-junwei", "pubdate"])

# Each city with its own 均为…发现: together they cover the whole total; a city without
# areas is its own district row.
page("hlj-city-junwei-each", "txt", "utf-8", """2022年11月2日0—24时,黑龙江省新增本土无症状感染者6例(哈尔滨市4例,均为社区筛查发现;绥化市2例,均在北林区,均为隔离管控人员中发现)。
""", [
    # 4+2 = 6
    R(HLJ, "province", "2022-11-02", (0, 24), la=6, districts=[
        D(AS, HRB, HRB, 4), D(AS, SH_HLJ, "北林区", 2),
    ], channels=[
        C(AS, "community_screening", "社区筛查发现", 4),
        C(AS, "quarantine", "隔离管控人员中发现", 2),
    ]),
], tags=["hlj-more", "city-junwei", "city-only-area"])

# 牡丹江市2例,均在绥芬河市 in traditional script, Big5.
page("hlj-suifenhe-trad-big5", "txt", "big5", """2022年4月8日0—24時,黑龍江省新增本土確診病例5例(牡丹江市2例,均在綏芬河市;哈爾濱市3例,其中道裡區2例、香坊區1例),新增本土無症狀感染者3例(牡丹江市3例,均在綏芬河市)。
""", [
    R(HLJ, "province", "2022-04-08", (0, 24), lc=5, la=3, districts=[
        D(CF, MDJ, "绥芬河市", 2), D(CF, HRB, "道里区", 2), D(CF, HRB, "香坊区", 1),
        D(AS, MDJ, "绥芬河市", 3),
    ]),
], tags=["hlj-more", "junzai-county-city", "traditional", "big5"])

# A Harbin city bulletin: a bracketed area without a count, and a zero for the other type.
page("harbin-bracket-area-zero", "txt", "utf-8", """哈尔滨市卫生健康委员会

2022年10月3日0—24时,哈尔滨市新增本土确诊病例1例(道外区),无新增本土无症状感染者。目前患者病情稳定。当日治愈出院2例。
""", [
    R(HRB, "city", "2022-10-03", (0, 24), lc=1, la=0, districts=[D(CF, HRB, "道外区", 1)]),
], tags=["hlj-more", "bracket-area-no-count", "zero", "trap-discharges"])

# The 2021 split in both types, traditional script.
page("hlj-2021-split-both-types-trad", "txt", "utf-8", """發布時間:2021-01-31 08:30

1月30日0時至24時,黑龍江省新增本土確診病例4例(綏化市望奎縣4例),其中3例是由無症狀感染者轉為確診病例,1例是在集中隔離觀察中發現的。新增本土無症狀感染者7例(綏化市望奎縣5例、哈爾濱市呼蘭區2例),其中5例是在集中隔離觀察中發現的,2例是在社區篩查中發現的。
""", [
    # confirmed 4 = 3+1; asymptomatic 5+2 = 7 = 5+2
    R(HLJ, "province", "2021-01-30", (0, 24), lc=4, la=7, conv=3, districts=[
        D(CF, SH_HLJ, "望奎县", 4),
        D(AS, SH_HLJ, "望奎县", 5), D(AS, HRB, "呼兰区", 2),
    ], channels=[
        C(CF, "converted", "由无症状感染者转为确诊病例", 3),
        C(CF, "quarantine", "在集中隔离观察中发现", 1),
        C(AS, "quarantine", "在集中隔离观察中发现", 5),
        C(AS, "community_screening", "在社区筛查中发现", 2),
    ], problems=["year_inferred"]),
], tags=["hlj-more", "split-2021", "conversions", "traditional", "pubdate"])

# Totals first, areas in later sentences: 向阳区 after 佳木斯市 in the second sentence, with
# 鹤岗市 named earlier in the same bulletin.
page("hlj-xiangyang-later-sentence", "txt", "utf-8", """发布时间:2022-10-23 08:00

10月22日0-24时,黑龙江省新增本土确诊病例1例;新增本土无症状感染者3例。新增本土确诊病例均在鹤岗市,其中工农区1例。新增本土无症状感染者中鹤岗市1例,在南山区;佳木斯市2例,均在向阳区。
""", [
    R(HLJ, "province", "2022-10-22", (0, 24), lc=1, la=3, districts=[
        D(CF, HG, "工农区", 1),
        D(AS, HG, "南山区", 1), D(AS, JMS, "向阳区", 2),
    ], problems=["year_inferred"]),
], tags=["hlj-more", "same-name-areas", "totals-first", "pubdate"])


# ---------------------------------------------------------------------------------------
# Pages without a bulletin
# ---------------------------------------------------------------------------------------

# Cumulative figures only, with a city list.
page("nb-2020-cumulative-only", "txt", "utf-8", """湖南省卫生健康委员会

截至2020年2月25日24时,湖南省累计报告新型冠状病毒肺炎确诊病例1016例,其中长沙市242例、岳阳市156例、邵阳市102例;累计治愈出院793例,累计死亡4例。
""", [], tags=["no-bulletin", "trap-only", "trap-cumulative"])

# A province command post's notice: numbered items, dates, phone numbers, percentages.
page("nb-2020-command-notice", "txt", "utf-8", """浙江省新型冠状病毒肺炎疫情防控工作领导小组关于进一步做好复工复产工作的通告(第12号)

一、自2020年2月10日起,各地有序推进企业复工复产,复工企业员工返岗率原则上不超过50%。
二、返岗人员须提前14天报备行程,抵达后按要求进行健康监测。
三、咨询电话:0571-12320,服务时间8时至20时。
""", [], tags=["no-bulletin", "trap-only", "trap-start-times", "trap-phones"])

# Suspected cases only: no confirmed or asymptomatic figure.
page("nb-2020-suspected-only", "txt", "utf-8", """发布时间:2020-02-20 08:00
青海省卫生健康委员会

2月19日0-24时,青海省新增疑似病例2例,排除疑似病例5例。现有疑似病例3例,正在医学观察的密切接触者94人。
""", [], tags=["no-bulletin", "trap-only", "trap-suspected", "trap-contacts"])

# Deaths only, with their own window.
page("nb-2022-deaths-only", "txt", "utf-8", """上海发布

2022年4月25日0—24时,上海新增本土死亡52例,平均年龄84.5岁,其中男性31例、女性21例。死亡病例均合并有严重基础疾病。
""", [], tags=["no-bulletin", "trap-only", "trap-deaths"])

# Discharges and releases only, traditional script in Big5.
page("nb-2021-discharges-trad-big5", "txt", "big5", """黑龍江省衛生健康委員會

2021年2月12日0—24時,黑龍江省治癒出院本土確診病例9例(綏化市望奎縣7例、哈爾濱市呼蘭區2例),解除醫學觀察本土無症狀感染者4例。
""", [], tags=["no-bulletin", "trap-only", "trap-discharges", "trap-released", "traditional", "big5"])

# A saved GB18030 web page on risk areas and close contacts, with dates and counts of people.
page("nb-2022-risk-points-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>北京市卫生健康委员会</title></head>
<body>
<p>发布时间:2022-05-03 21:00</p>
<p>自5月4日0时起,朝阳区南磨房乡调整为高风险地区。截至5月3日15时,已排查密切接触者1236人,次密切接触者2810人,均已落实管控措施。</p>
</body></html>
""", [], tags=["no-bulletin", "trap-only", "trap-contacts", "trap-risk-area", "html", "gb18030"])

# Window-like hours and counts of people, but no case figure.
page("nb-2020-hotline-hours", "txt", "utf-8", """陕西省卫生健康委员会

2020年2月6日起,全省开通心理援助热线,服务时间为0—24时,已有128名心理咨询师参与接听,累计接听来电2312人次。
""", [], tags=["no-bulletin", "trap-only", "trap-start-times", "trap-page-statistics"])


# ---------------------------------------------------------------------------------------

ABOUT = (
    "Round-2 labelled pages written for this project (figures invented): shapes of DESIGN.md's "
    "'Real bulletins (round 2)' that FORMATS.md does not show. Each page's expected extraction is "
    "written by hand in make_pages.py; fields as in tests/corpus/expected.json (window = [start "
    "hour, end hour]; problem_codes_include lists codes that must be among the report's problems). "
    "Regenerate with: python tests/round2/make_pages.py"
)


def build() -> dict[str, bytes]:
    """Relative path (under tests/round2) -> bytes, for every page and expected.json."""
    return build_files(PAGES, ABOUT)


def main() -> int:
    write_files(HERE, build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
