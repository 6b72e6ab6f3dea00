"""Write the labelled bulletin corpus: tests/corpus/pages/* and tests/corpus/expected.json.

Every page below is written for this corpus (figures invented, wording modelled on the
shapes in ../shared/FORMATS.md); none is copied from a real page. Each page's text is a
literal here, and its expected rows are written out BY HAND next to it (never computed
by running the parser: the corpus is an independent check of it). Sums are noted in
comments so that a reader can check them.

Run it from anywhere:  python tests/corpus/make_corpus.py
It rewrites the page files (encoded as stated: utf-8, utf-8-sig, gb18030 or big5) and
expected.json, and removes page files that are no longer listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the shared writing helpers

from labelled_pages import AS, CF, IP, PO, C, D, R, build_files, page_entry, write_files  # noqa: E402

HRB = "哈尔滨市"

PAGES: list[dict] = []


def page(*args, **kwargs) -> None:
    PAGES.append(page_entry(*args, **kwargs))


# ---------------------------------------------------------------------------------------
# City press-conference bulletins (C1-C5), Harbin
# ---------------------------------------------------------------------------------------

# C1 in the seed's layout: window line, headline repeating the total, dateline, bulletin,
# numbered guidance, then another article.
page("harbin-c1-press", "txt", "utf-8", """


哈尔滨市疫情防控专场新闻发布会

12月1日0—14时

哈市新增本土新冠无症状感染者88例

本报讯(记者 李明远)12月1日,哈尔滨市政府新闻办召开疫情防控专场新闻发布会,市卫健委副主任王立新通报最新疫情。

2022年12月1日0—14时,哈尔滨市新增本土新冠病毒无症状感染者88例。其中,隔离管控人员中发现61例,社区筛查发现15例,非闭环管理重点人员筛查发现7例,密切接触者筛查发现3例,跨区域协查发现2例。香坊区27例、南岗区22例、道外区14例、道里区11例、松北区6例、呼兰区5例、阿城区3例。新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治疗。

当前,我市疫情防控形势依然严峻复杂。请广大市民朋友坚持做好个人防护,非必要不外出、不聚集。

一是请抵返哈人员提前主动报备行程,抵哈后按要求落实核酸检测和健康监测。

二是请市民按要求参加核酸检测,采样时规范佩戴口罩,保持两米间距。

三是出现发热、干咳等症状时,请及时到就近医疗机构发热门诊就诊。

冰城志愿者坚守一线

本报讯(记者 赵晓航)连日来,道里区百余名志愿者冒着严寒在小区门口值守,为居民配送生活物资,已累计服务居民3200余户。
""", [
    # channels 61+15+7+3+2 = 88; areas 27+22+14+11+6+5+3 = 88
    R(HRB, "city", "2022-12-01", (0, 14), la=88, districts=[
        D(AS, HRB, "香坊区", 27), D(AS, HRB, "南岗区", 22), D(AS, HRB, "道外区", 14),
        D(AS, HRB, "道里区", 11), D(AS, HRB, "松北区", 6), D(AS, HRB, "呼兰区", 5),
        D(AS, HRB, "阿城区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 61),
        C(AS, "community_screening", "社区筛查发现", 15),
        C(AS, "key_population", "非闭环管理重点人员筛查发现", 7),
        C(AS, "close_contact", "密切接触者筛查发现", 3),
        C(AS, "cross_region", "跨区域协查发现", 2),
    ]),
], tags=["C1", "noise", "headline-repeat", "dateline"])

# C1 from a page-text dump: words broken across lines (with a blank line between).
page("harbin-c1-broken-lines", "txt", "utf-8", """哈尔滨日报 2022年11月29日 第2版

11月28日0—14时 哈市新增本土新冠无症状感染者64例

2022年11月28日0—14时,哈尔滨市新增本土新冠病毒无症状感染者64例。其中,隔离管控人员中发现45例,社区筛查发现12例,非闭环管理重

点人员筛查发现4例,密切接触者筛查发现3例。道里区18例、南岗区16例、香坊

区13例、道外区9例、平房区5例、双城区3例。新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治

疗。

暖心接力温暖隔离点

本报讯(记者 吴晓琳)入冬以来,香坊区多家企业为隔离点送去棉被、暖水袋等物资,社区网格员逐户上门登记居民需求,并在楼道张贴温馨提

示,提醒居民做好个人防护。
""", [
    # channels 45+12+4+3 = 64; areas 18+16+13+9+5+3 = 64
    R(HRB, "city", "2022-11-28", (0, 14), la=64, districts=[
        D(AS, HRB, "道里区", 18), D(AS, HRB, "南岗区", 16), D(AS, HRB, "香坊区", 13),
        D(AS, HRB, "道外区", 9), D(AS, HRB, "平房区", 5), D(AS, HRB, "双城区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 45),
        C(AS, "community_screening", "社区筛查发现", 12),
        C(AS, "key_population", "非闭环管理重点人员筛查发现", 4),
        C(AS, "close_contact", "密切接触者筛查发现", 3),
    ]),
], tags=["C1", "noise", "broken-lines", "headline-repeat"])

# C1 with full-width digits and full-width punctuation throughout.
page("harbin-c1-fullwidth", "txt", "utf-8", """发布时间：２０２２－１１－２９　２１：０５　来源：哈尔滨新闻网

２０２２年１１月２９日０—１４时，哈尔滨市新增本土新冠病毒无症状感染者１０５例。其中，隔离管控人员中发现７８例，社区筛查发现１６例，非闭环管理重点人员筛查发现６例，密切接触者筛查发现４例，跨区域协查发现１例。香坊区３１例、南岗区２７例、道外区１８例、道里区１５例、松北区７例、呼兰区４例、宾县３例。新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治疗。

责任编辑：张晓萌
""", [
    # channels 78+16+6+4+1 = 105; areas 31+27+18+15+7+4+3 = 105
    R(HRB, "city", "2022-11-29", (0, 14), la=105, districts=[
        D(AS, HRB, "香坊区", 31), D(AS, HRB, "南岗区", 27), D(AS, HRB, "道外区", 18),
        D(AS, HRB, "道里区", 15), D(AS, HRB, "松北区", 7), D(AS, HRB, "呼兰区", 4),
        D(AS, HRB, "宾县", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 78),
        C(AS, "community_screening", "社区筛查发现", 16),
        C(AS, "key_population", "非闭环管理重点人员筛查发现", 6),
        C(AS, "close_contact", "密切接触者筛查发现", 4),
        C(AS, "cross_region", "跨区域协查发现", 1),
    ]),
], tags=["C1", "full-width-digits", "full-width-punctuation"])

# C1, UTF-8 with a byte-order mark, 新冠肺炎 wording, headline repeating the total.
page("harbin-c1-bom", "txt", "utf-8-sig", """哈尔滨市新增本土新冠肺炎无症状感染者73例

2022年12月2日0—14时,哈尔滨市新增本土新冠肺炎无症状感染者73例。其中,隔离管控人员中发现52例,社区筛查发现13例,非闭环管理重点人员筛查发现5例,跨区域协查发现3例。南岗区24例、香坊区20例、道里区12例、道外区9例、松北区5例、巴彦县3例。

请市民朋友继续做好个人防护,外出时规范佩戴口罩。
""", [
    # channels 52+13+5+3 = 73; areas 24+20+12+9+5+3 = 73
    R(HRB, "city", "2022-12-02", (0, 14), la=73, districts=[
        D(AS, HRB, "南岗区", 24), D(AS, HRB, "香坊区", 20), D(AS, HRB, "道里区", 12),
        D(AS, HRB, "道外区", 9), D(AS, HRB, "松北区", 5), D(AS, HRB, "巴彦县", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 52),
        C(AS, "community_screening", "社区筛查发现", 13),
        C(AS, "key_population", "非闭环管理重点人员筛查发现", 5),
        C(AS, "cross_region", "跨区域协查发现", 3),
    ]),
], tags=["C1", "bom", "xinguanfeiyan", "headline-repeat"])

# C1 with a tilde window and a clinic channel.
page("harbin-c1-tilde-clinic", "txt", "utf-8", """疫情通报

本报讯(记者 孙雅婷)11月24日晚,记者从哈尔滨市卫健委获悉最新疫情情况。

2022年11月24日0~15时,哈尔滨市新增本土新冠病毒无症状感染者16例。其中,隔离管控人员中发现11例,社区筛查发现3例,发热门诊发现2例。道里区6例、南岗区5例、平房区3例、木兰县2例。

市卫健委提醒,出现发热等症状的市民请就近到发热门诊就诊,就诊途中全程佩戴口罩。
""", [
    # channels 11+3+2 = 16; areas 6+5+3+2 = 16
    R(HRB, "city", "2022-11-24", (0, 15), la=16, districts=[
        D(AS, HRB, "道里区", 6), D(AS, HRB, "南岗区", 5), D(AS, HRB, "平房区", 3),
        D(AS, HRB, "木兰县", 2),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 11),
        C(AS, "community_screening", "社区筛查发现", 3),
        C(AS, "clinic", "发热门诊发现", 2),
    ]),
], tags=["C1", "window-tilde", "dateline"])

# C1 with channel wordings for many keys of DESIGN.md's table.
page("harbin-c1-channel-keys", "txt", "utf-8", """2022年12月6日0—14时,哈尔滨市新增本土新冠病毒无症状感染者40例。其中,隔离管控人员中发现22例,社会面筛查发现6例,重点人群筛查发现5例,闭环管理重点人员筛查发现3例,落地检发现2例,因症就诊发现2例。道里区14例、南岗区11例、香坊区8例、平房区4例、方正县3例。新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治疗。
""", [
    # channels 22+6+5+3+2+2 = 40; areas 14+11+8+4+3 = 40
    R(HRB, "city", "2022-12-06", (0, 14), la=40, districts=[
        D(AS, HRB, "道里区", 14), D(AS, HRB, "南岗区", 11), D(AS, HRB, "香坊区", 8),
        D(AS, HRB, "平房区", 4), D(AS, HRB, "方正县", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 22),
        C(AS, "community_screening", "社会面筛查发现", 6),
        C(AS, "key_population", "重点人群筛查发现", 5),
        # 重点人员 lies inside 闭环管理重点人员: the longer match wins
        C(AS, "closed_loop", "闭环管理重点人员筛查发现", 3),
        C(AS, "arrival_testing", "落地检发现", 2),
        C(AS, "clinic", "因症就诊发现", 2),
    ]),
], tags=["C1", "channel-keys"])

# C1 over a window that crosses midnight (27日15时至28日15时 -> 15..39).
page("harbin-c1-cross-midnight", "txt", "utf-8", """发布时间:2022-11-28 17:20
2022年11月27日15时至28日15时,哈尔滨市新增本土新冠病毒无症状感染者9例。其中,隔离管控人员中发现7例,社区筛查发现2例。香坊区5例、南岗区4例。
""", [
    R(HRB, "city", "2022-11-27", (15, 39), la=9, districts=[
        D(AS, HRB, "香坊区", 5), D(AS, HRB, "南岗区", 4),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 7),
        C(AS, "community_screening", "社区筛查发现", 2),
    ]),
], tags=["C1", "cross-midnight", "pubdate"])

# C1 with 哈市 and no year in the bulletin: the year comes from the publication line.
page("harbin-c1-hashi-pubdate", "txt", "utf-8", """发布时间:2022-11-15 08:18 来源:哈尔滨日报
11月14日0—24时,哈市新增本土新冠病毒无症状感染者12例。其中,隔离管控人员中发现9例,社区筛查发现3例。道里区5例、南岗区4例、呼兰区3例。
""", [
    R(HRB, "city", "2022-11-14", (0, 24), la=12, districts=[
        D(AS, HRB, "道里区", 5), D(AS, HRB, "南岗区", 4), D(AS, HRB, "呼兰区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 9),
        C(AS, "community_screening", "社区筛查发现", 3),
    ], problems=["year_inferred"]),
], tags=["C1", "short-region", "pubdate"])

# C1 with 我市; the city is named in the title and the dateline.
page("harbin-c1-woshi", "txt", "utf-8", """哈尔滨市疫情防控专场新闻发布会

本报讯(记者 周丽娜)11月16日,哈尔滨市政府新闻办召开疫情防控专场新闻发布会。

2022年11月16日0—14时,我市新增本土新冠病毒无症状感染者7例。其中,隔离管控人员中发现5例,密切接触者筛查发现2例。香坊区4例、道外区3例。
""", [
    R(HRB, "city", "2022-11-16", (0, 14), la=7, districts=[
        D(AS, HRB, "香坊区", 4), D(AS, HRB, "道外区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 5),
        C(AS, "close_contact", "密切接触者筛查发现", 2),
    ]),
], tags=["C1", "short-region", "dateline"])

# C1 with no year anywhere on the page: expected.json gives year_hint.
page("harbin-c1-year-hint", "txt", "utf-8", """疫情通报

11月13日0—14时,哈尔滨市新增本土新冠病毒无症状感染者6例。其中,隔离管控人员中发现4例,社区筛查发现2例。南岗区3例、道里区2例、松北区1例。
""", [
    R(HRB, "city", "2022-11-13", (0, 14), la=6, districts=[
        D(AS, HRB, "南岗区", 3), D(AS, HRB, "道里区", 2), D(AS, HRB, "松北区", 1),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 4),
        C(AS, "community_screening", "社区筛查发现", 2),
    ]),
], tags=["C1", "year-hint"], year_hint=2022)

# The same bulletin printed twice on one page (headline, body, then the body again).
page("harbin-c1-repeated-text", "txt", "utf-8", """哈尔滨市新增本土新冠病毒无症状感染者25例

2022年12月7日0—14时,哈尔滨市新增本土新冠病毒无症状感染者25例。其中,隔离管控人员中发现19例,社区筛查发现6例。南岗区10例、道里区8例、香坊区7例。

转载原文如下:

2022年12月7日0—14时,哈尔滨市新增本土新冠病毒无症状感染者25例。其中,隔离管控人员中发现19例,社区筛查发现6例。南岗区10例、道里区8例、香坊区7例。
""", [
    # channels 19+6 = 25; areas 10+8+7 = 25
    R(HRB, "city", "2022-12-07", (0, 14), la=25, districts=[
        D(AS, HRB, "南岗区", 10), D(AS, HRB, "道里区", 8), D(AS, HRB, "香坊区", 7),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 19),
        C(AS, "community_screening", "社区筛查发现", 6),
    ]),
], tags=["C1", "repeated-bulletin", "headline-repeat"])

# A bulletin whose area list does not add up (6+3+3 = 12, total 10): sum_mismatch.
page("harbin-c1-sum-mismatch", "txt", "utf-8", """2022年11月15日0—14时,哈尔滨市新增本土新冠病毒无症状感染者10例。其中,隔离管控人员中发现8例,社区筛查发现2例。南岗区6例、道里区3例、香坊区3例。
""", [
    R(HRB, "city", "2022-11-15", (0, 14), la=10, districts=[
        D(AS, HRB, "南岗区", 6), D(AS, HRB, "道里区", 3), D(AS, HRB, "香坊区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 8),
        C(AS, "community_screening", "社区筛查发现", 2),
    ], consistent=False, problems=["sum_mismatch"]),
], tags=["C1", "sum-mismatch"])

# C2 with a dateline and a cumulative sentence after it (not new cases).
page("harbin-c2-noise", "txt", "utf-8", """哈尔滨日报

疫情防控新闻发布会

本报讯(记者 陈思远)11月22日,哈尔滨市召开疫情防控新闻发布会,通报我市最新疫情情况。

2022年11月22日0-15时,哈尔滨市新增本土新冠病毒阳性感染者31例,其中确诊病例11例,南岗区6例、道里区3例、香坊区2例;隔离管控人员中发现8例,社区筛查发现3例。无症状感染者20例,道外区9例、平房区6例、阿城区3例、尚志市2例;隔离管控人员中发现14例,密切接触者筛查发现4例,跨区域协查发现2例。

本轮疫情以来,哈市累计报告本土阳性感染者1024例,分布在全市18个区县(市)。
""", [
    # 11+20 = 31; confirmed areas 6+3+2, channels 8+3; asymptomatic areas 9+6+3+2, channels 14+4+2
    R(HRB, "city", "2022-11-22", (0, 15), lc=11, la=20, lp=31, districts=[
        D(CF, HRB, "南岗区", 6), D(CF, HRB, "道里区", 3), D(CF, HRB, "香坊区", 2),
        D(AS, HRB, "道外区", 9), D(AS, HRB, "平房区", 6), D(AS, HRB, "阿城区", 3),
        D(AS, HRB, "尚志市", 2),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 8),
        C(CF, "community_screening", "社区筛查发现", 3),
        C(AS, "quarantine", "隔离管控人员中发现", 14),
        C(AS, "close_contact", "密切接触者筛查发现", 4),
        C(AS, "cross_region", "跨区域协查发现", 2),
    ]),
], tags=["C2", "noise", "dateline", "trap-cumulative"])

# C2 with 0时至15时, 其中 followed by a colon, spaces around counts, full-width ，；
page("harbin-c2-spaced-colon", "txt", "utf-8", """2022年11月23日0时至15时，哈尔滨市新增本土新冠病毒阳性感染者 19 例，其中：确诊病例 7 例，南岗区 4 例、松北区 3 例；隔离管控人员中发现 5 例，社区筛查发现 2 例。无症状感染者 12 例，道里区 7 例、呼兰区 5 例；隔离管控人员中发现 9 例，密切接触者筛查发现 3 例。
""", [
    # 7+12 = 19; 4+3, 5+2; 7+5, 9+3
    R(HRB, "city", "2022-11-23", (0, 15), lc=7, la=12, lp=19, districts=[
        D(CF, HRB, "南岗区", 4), D(CF, HRB, "松北区", 3),
        D(AS, HRB, "道里区", 7), D(AS, HRB, "呼兰区", 5),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 5),
        C(CF, "community_screening", "社区筛查发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 9),
        C(AS, "close_contact", "密切接触者筛查发现", 3),
    ]),
], tags=["C2", "spaced-counts", "qizhong-colon", "full-width-punctuation", "window-shi-zhi"])

# C2 with 本地 and 新冠肺炎, full-day window.
page("harbin-c2-bendi-feiyan", "txt", "utf-8", """2022年11月10日0-24时,哈尔滨市新增本地新冠肺炎阳性感染者7例,其中确诊病例2例,南岗区2例;社区筛查发现2例。无症状感染者5例,道里区3例、道外区2例;隔离管控人员中发现5例。
""", [
    R(HRB, "city", "2022-11-10", (0, 24), lc=2, la=5, lp=7, districts=[
        D(CF, HRB, "南岗区", 2),
        D(AS, HRB, "道里区", 3), D(AS, HRB, "道外区", 2),
    ], channels=[
        C(CF, "community_screening", "社区筛查发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 5),
    ]),
], tags=["C2", "bendi", "xinguanfeiyan"])

# C2 saved as GB18030.
page("harbin-c2-gb18030", "txt", "gb18030", """冰城疫情防控

2022年11月19日0-15时,哈尔滨市新增本土新冠病毒阳性感染者14例,其中确诊病例3例,道外区2例、松北区1例;隔离管控人员中发现3例。无症状感染者11例,南岗区6例、香坊区3例、依兰县2例;隔离管控人员中发现8例,社区筛查发现2例,跨区域协查发现1例。

相关链接:市民如有疑问,可拨打12345市民热线咨询。
""", [
    # 3+11 = 14; 2+1, 3; 6+3+2, 8+2+1
    R(HRB, "city", "2022-11-19", (0, 15), lc=3, la=11, lp=14, districts=[
        D(CF, HRB, "道外区", 2), D(CF, HRB, "松北区", 1),
        D(AS, HRB, "南岗区", 6), D(AS, HRB, "香坊区", 3), D(AS, HRB, "依兰县", 2),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 3),
        C(AS, "quarantine", "隔离管控人员中发现", 8),
        C(AS, "community_screening", "社区筛查发现", 2),
        C(AS, "cross_region", "跨区域协查发现", 1),
    ]),
], tags=["C2", "gb18030"])

# C3: one area with 在, a channel with no count (covers the whole clause).
page("harbin-c3", "txt", "utf-8", """2022年11月11日0-14时,哈尔滨市新增本土新冠病毒阳性感染者5例,其中确诊病例1例,在香坊区,隔离管控人员中发现。无症状感染者4例,南岗区3例、五常市1例;社区筛查发现2例,跨区域协查发现2例。
""", [
    R(HRB, "city", "2022-11-11", (0, 14), lc=1, la=4, lp=5, districts=[
        D(CF, HRB, "香坊区", 1),
        D(AS, HRB, "南岗区", 3), D(AS, HRB, "五常市", 1),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 1),
        C(AS, "community_screening", "社区筛查发现", 2),
        C(AS, "cross_region", "跨区域协查发现", 2),
    ]),
], tags=["C3"])

# C4: 初筛阳性, a shared area sentence, no year in the bulletin.
page("harbin-c4-initial-positive", "txt", "utf-8", """发布时间:2022-10-31 19:40
10月31日0时至16时,哈尔滨新增本土新冠病毒阳性感染者6例。其中确诊病例2例、无症状感染者1例,初筛阳性3例。确诊病例与无症状感染者均在香坊区,隔离管控人员中发现。初筛阳性人员道里区2例,南岗区1例。
""", [
    # 2+1+3 = 6
    R(HRB, "city", "2022-10-31", (0, 16), lc=2, la=1, lp=6, ip=3, districts=[
        D(CF, HRB, "香坊区", 2), D(AS, HRB, "香坊区", 1),
        D(IP, HRB, "道里区", 2), D(IP, HRB, "南岗区", 1),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 1),
    ], problems=["year_inferred"]),
], tags=["C4", "pubdate", "short-region"])

# C5: "N例在X中发现" not split by type; case-detail lines after it add nothing.
page("harbin-c5-case-details", "txt", "utf-8", """2022年9月7日0时至12时,哈尔滨市新增本土新冠病毒阳性感染者4例,其中新冠病毒肺炎确诊病例1例,在道里区。新增新冠病毒无症状感染者3例,在松北区。2例在区域核酸检测中发现,2例在密切接触者筛查中发现。
新增确诊病例主要情况:
确诊病例21:轻型,现住道里区某小区。
新增无症状感染者主要情况:
无症状感染者35-37:现住松北区某小区,为同一家庭成员。
""", [
    R(HRB, "city", "2022-09-07", (0, 12), lc=1, la=3, lp=4, districts=[
        D(CF, HRB, "道里区", 1), D(AS, HRB, "松北区", 3),
    ], channels=[
        C(PO, "community_screening", "在区域核酸检测中发现", 2),
        C(PO, "close_contact", "在密切接触者筛查中发现", 2),
    ]),
], tags=["C5", "trap-case-details", "xinguanbingdufeiyan"])

# C5 with a method phrase that matches no keyword (key: other).
page("harbin-c5-other-channel", "txt", "utf-8", """2022年9月9日0时至12时,哈尔滨市新增本土新冠病毒阳性感染者2例,其中新冠病毒肺炎确诊病例1例,在南岗区。新增新冠病毒无症状感染者1例,在南岗区。1例在常规核酸检测中发现,1例在密切接触者筛查中发现。
""", [
    R(HRB, "city", "2022-09-09", (0, 12), lc=1, la=1, lp=2, districts=[
        D(CF, HRB, "南岗区", 1), D(AS, HRB, "南岗区", 1),
    ], channels=[
        C(PO, "other", "在常规核酸检测中发现", 1),
        C(PO, "close_contact", "在密切接触者筛查中发现", 1),
    ]),
], tags=["C5", "channel-other"])

# Z in a city bulletin, with a count-less area and channel for the one clause.
page("harbin-zero-city", "txt", "utf-8", """2022年12月5日0—14时,哈尔滨市无新增本土确诊病例,新增本土新冠病毒无症状感染者3例,均在道外区,隔离管控人员中发现。
""", [
    R(HRB, "city", "2022-12-05", (0, 14), lc=0, la=3, districts=[
        D(AS, HRB, "道外区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 3),
    ]),
], tags=["Z", "C3"])

# ---------------------------------------------------------------------------------------
# City bulletins of other cities (same shapes, real area names)
# ---------------------------------------------------------------------------------------

CC = "长春市"
JLS = "吉林市"

# C1 for 长春市: 朝阳区 is resolved within 长春市 (not 北京市).
page("changchun-c1", "txt", "utf-8", """长春日报

2022年4月2日0—24时,长春市新增本土新冠病毒无症状感染者46例。其中,隔离管控人员中发现38例,社区筛查发现8例。朝阳区15例、南关区12例、宽城区9例、绿园区6例、九台区4例。

长春市疫情防控工作领导小组办公室提醒广大市民,继续做好居家防护。
""", [
    # 38+8 = 46; 15+12+9+6+4 = 46
    R(CC, "city", "2022-04-02", (0, 24), la=46, districts=[
        D(AS, CC, "朝阳区", 15), D(AS, CC, "南关区", 12), D(AS, CC, "宽城区", 9),
        D(AS, CC, "绿园区", 6), D(AS, CC, "九台区", 4),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 38),
        C(AS, "community_screening", "社区筛查发现", 8),
    ]),
], tags=["C1", "other-city", "ambiguous-area-name"])

# C2 for 长春市, UTF-8 with BOM.
page("changchun-c2-bom", "txt", "utf-8-sig", """2022年3月28日0-24时,长春市新增本土新冠病毒阳性感染者75例,其中确诊病例30例,朝阳区12例、南关区10例、二道区8例;隔离管控人员中发现26例,社区筛查发现4例。无症状感染者45例,宽城区20例、绿园区15例、双阳区10例;隔离管控人员中发现40例,社区筛查发现5例。
""", [
    # 30+45 = 75; 12+10+8 = 30, 26+4 = 30; 20+15+10 = 45, 40+5 = 45
    R(CC, "city", "2022-03-28", (0, 24), lc=30, la=45, lp=75, districts=[
        D(CF, CC, "朝阳区", 12), D(CF, CC, "南关区", 10), D(CF, CC, "二道区", 8),
        D(AS, CC, "宽城区", 20), D(AS, CC, "绿园区", 15), D(AS, CC, "双阳区", 10),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 26),
        C(CF, "community_screening", "社区筛查发现", 4),
        C(AS, "quarantine", "隔离管控人员中发现", 40),
        C(AS, "community_screening", "社区筛查发现", 5),
    ]),
], tags=["C2", "other-city", "bom"])

# C2 for 吉林市 (a city of 吉林省), GB18030.
page("jilinshi-c2-gb18030", "txt", "gb18030", """江城日报

2022年3月15日0-24时,吉林市新增本土新冠病毒阳性感染者27例,其中确诊病例9例,船营区5例、丰满区4例;隔离管控人员中发现9例。无症状感染者18例,昌邑区10例、龙潭区6例、舒兰市2例;隔离管控人员中发现15例,社区筛查发现3例。
""", [
    # 9+18 = 27; 5+4 = 9, 9; 10+6+2 = 18, 15+3 = 18
    R(JLS, "city", "2022-03-15", (0, 24), lc=9, la=18, lp=27, districts=[
        D(CF, JLS, "船营区", 5), D(CF, JLS, "丰满区", 4),
        D(AS, JLS, "昌邑区", 10), D(AS, JLS, "龙潭区", 6), D(AS, JLS, "舒兰市", 2),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 9),
        C(AS, "quarantine", "隔离管控人员中发现", 15),
        C(AS, "community_screening", "社区筛查发现", 3),
    ]),
], tags=["C2", "other-city", "gb18030"])

# C3 for 齐齐哈尔市.
page("qiqihar-c3", "txt", "utf-8", """2022年10月8日0-24时,齐齐哈尔市新增本土新冠病毒阳性感染者3例,其中确诊病例1例,在龙沙区,密切接触者筛查发现。无症状感染者2例,建华区1例、铁锋区1例;隔离管控人员中发现2例。
""", [
    R("齐齐哈尔市", "city", "2022-10-08", (0, 24), lc=1, la=2, lp=3, districts=[
        D(CF, "齐齐哈尔市", "龙沙区", 1),
        D(AS, "齐齐哈尔市", "建华区", 1), D(AS, "齐齐哈尔市", "铁锋区", 1),
    ], channels=[
        C(CF, "close_contact", "密切接触者筛查发现", 1),
        C(AS, "quarantine", "隔离管控人员中发现", 2),
    ]),
], tags=["C3", "other-city"])

# C1 for 大庆市, GB18030.
page("daqing-c1-gb18030", "txt", "gb18030", """大庆日报 疫情通报

2022年10月12日0时至24时,大庆市新增本土新冠病毒无症状感染者8例。其中,隔离管控人员中发现6例,社区筛查发现2例。萨尔图区3例、让胡路区3例、龙凤区2例。
""", [
    R("大庆市", "city", "2022-10-12", (0, 24), la=8, districts=[
        D(AS, "大庆市", "萨尔图区", 3), D(AS, "大庆市", "让胡路区", 3), D(AS, "大庆市", "龙凤区", 2),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 6),
        C(AS, "community_screening", "社区筛查发现", 2),
    ]),
], tags=["C1", "other-city", "gb18030", "window-shi-zhi"])

# C5 for 牡丹江市: county-level cities as areas.
page("mudanjiang-c5", "txt", "utf-8", """2022年4月9日0时至24时,牡丹江市新增本土新冠病毒阳性感染者3例,其中新冠病毒肺炎确诊病例1例,在绥芬河市。新增新冠病毒无症状感染者2例,在东宁市。1例在区域核酸检测中发现,2例在隔离管控中发现。
""", [
    R("牡丹江市", "city", "2022-04-09", (0, 24), lc=1, la=2, lp=3, districts=[
        D(CF, "牡丹江市", "绥芬河市", 1), D(AS, "牡丹江市", "东宁市", 2),
    ], channels=[
        C(PO, "community_screening", "在区域核酸检测中发现", 1),
        C(PO, "quarantine", "在隔离管控中发现", 2),
    ]),
], tags=["C5", "other-city"])

# C3 for 绥化市 with 均在, saved with Windows line endings.
page("suihua-c3-crlf", "txt", "utf-8", """绥化市卫生健康委员会

2022年10月5日0-24时,绥化市新增本土新冠病毒阳性感染者6例,其中确诊病例2例,均在肇东市,隔离管控人员中发现。无症状感染者4例,安达市3例、北林区1例;隔离管控人员中发现3例,社区筛查发现1例。
""", [
    R("绥化市", "city", "2022-10-05", (0, 24), lc=2, la=4, lp=6, districts=[
        D(CF, "绥化市", "肇东市", 2),
        D(AS, "绥化市", "安达市", 3), D(AS, "绥化市", "北林区", 1),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 3),
        C(AS, "community_screening", "社区筛查发现", 1),
    ]),
], tags=["C3", "other-city", "crlf"], newline="\r\n")

# ---------------------------------------------------------------------------------------
# Province bulletins (P1-P3, Z), 黑龙江省
# ---------------------------------------------------------------------------------------

HLJ = "黑龙江省"

# P1: nested cities per type, channels per type, recoveries and stock after.
page("hlj-p1", "txt", "utf-8", """发布时间:2022-03-24 08:30
黑龙江省卫生健康委员会关于新型冠状病毒肺炎疫情情况的通报

3月23日0-24时,黑龙江省新增新冠肺炎本土确诊病例8例(哈尔滨市6例,其中南岗区3例、尚志市2例、双城区1例;绥化市2例,均在北林区),主动就诊发现2例,区域核酸检测发现1例,集中隔离管控筛查发现5例;新增本土无症状感染者5例(哈尔滨市4例,其中道外区3例、宾县1例;黑河市1例,在爱辉区),集中隔离管控筛查发现5例。当日治愈出院境外输入确诊病例1例;解除医学观察本土无症状感染者2例(哈尔滨市道外区2例)。截至3月23日24时,黑龙江省现有境外输入确诊病例4例,全省现有本土确诊病例45例。
""", [
    # confirmed 3+2+1+2 = 8, channels 2+1+5 = 8; asymptomatic 3+1+1 = 5, channels 5
    R(HLJ, "province", "2022-03-23", (0, 24), lc=8, la=5, districts=[
        D(CF, HRB, "南岗区", 3), D(CF, HRB, "尚志市", 2), D(CF, HRB, "双城区", 1),
        D(CF, "绥化市", "北林区", 2),
        D(AS, HRB, "道外区", 3), D(AS, HRB, "宾县", 1), D(AS, "黑河市", "爱辉区", 1),
    ], channels=[
        C(CF, "clinic", "主动就诊发现", 2),
        C(CF, "community_screening", "区域核酸检测发现", 1),
        C(CF, "quarantine", "集中隔离管控筛查发现", 5),
        C(AS, "quarantine", "集中隔离管控筛查发现", 5),
    ], problems=["year_inferred"]),
], tags=["P1", "pubdate", "trap-recoveries", "trap-stock"])

# P1 where one city has no area breakdown (district = the city itself); 其中 with a colon.
page("hlj-p1-city-only", "txt", "utf-8", """发布时间:2022-10-16 08:40
10月15日0-24时,黑龙江省新增新冠肺炎本土确诊病例2例(哈尔滨市2例,其中:道里区1例、南岗区1例),区域核酸检测发现2例;新增本土无症状感染者3例(哈尔滨市2例,均在道里区;佳木斯市1例),集中隔离管控筛查发现3例。
""", [
    R(HLJ, "province", "2022-10-15", (0, 24), lc=2, la=3, districts=[
        D(CF, HRB, "道里区", 1), D(CF, HRB, "南岗区", 1),
        D(AS, HRB, "道里区", 2), D(AS, "佳木斯市", "佳木斯市", 1),
    ], channels=[
        C(CF, "community_screening", "区域核酸检测发现", 2),
        C(AS, "quarantine", "集中隔离管控筛查发现", 3),
    ], problems=["year_inferred"]),
], tags=["P1", "pubdate", "qizhong-colon", "city-only-area"])

# P2: flat list of city-prefixed areas, a development zone, a short city prefix, conversions.
page("hlj-p2-conversions", "txt", "utf-8", """发布时间:2021-01-22 09:05
1月21日0时至24时,黑龙江省新增新冠肺炎本土确诊病例15例(绥化市望奎县6例、哈尔滨市呼兰区5例、哈尔滨市利民开发区3例、绥化海伦市1例),其中无症状感染者转为确诊病例9例。此外,新增新冠病毒本土无症状感染者11例(哈尔滨市呼兰区7例、绥化市望奎县3例、齐齐哈尔市昂昂溪区1例)。
""", [
    # confirmed 6+5+3+1 = 15; asymptomatic 7+3+1 = 11
    R(HLJ, "province", "2021-01-21", (0, 24), lc=15, la=11, conv=9, districts=[
        D(CF, "绥化市", "望奎县", 6), D(CF, HRB, "呼兰区", 5), D(CF, HRB, "利民开发区", 3),
        D(CF, "绥化市", "海伦市", 1),
        D(AS, HRB, "呼兰区", 7), D(AS, "绥化市", "望奎县", 3), D(AS, "齐齐哈尔市", "昂昂溪区", 1),
    ], channels=[
        C(CF, "converted", "无症状感染者转为确诊病例", 9),
    ], problems=["partial_breakdown", "year_inferred"]),
], tags=["P2", "pubdate", "conversions", "development-zone"])

# P2 in GB18030 with a 来源 publication line.
page("hlj-p2-gb18030", "txt", "gb18030", """2021-01-16 08:50 来源:本报
1月15日0时至24时,黑龙江省新增新冠肺炎本土确诊病例6例(绥化市望奎县4例、哈尔滨市呼兰区2例),其中无症状感染者转为确诊病例4例。此外,新增新冠病毒本土无症状感染者13例(绥化市望奎县9例、哈尔滨市呼兰区3例、绥化北林区1例)。
""", [
    # confirmed 4+2 = 6; asymptomatic 9+3+1 = 13
    R(HLJ, "province", "2021-01-15", (0, 24), lc=6, la=13, conv=4, districts=[
        D(CF, "绥化市", "望奎县", 4), D(CF, HRB, "呼兰区", 2),
        D(AS, "绥化市", "望奎县", 9), D(AS, HRB, "呼兰区", 3), D(AS, "绥化市", "北林区", 1),
    ], channels=[
        C(CF, "converted", "无症状感染者转为确诊病例", 4),
    ], problems=["partial_breakdown", "year_inferred"]),
], tags=["P2", "pubdate", "conversions", "gb18030"])

# P3: totals first, breakdown in later sentences, imported cases, day-only date.
page("hlj-p3-imported", "txt", "utf-8", """2022-03-26 08:35 来源:本报
25日0-24时,黑龙江省新增新冠肺炎本土确诊病例7例;新增本土无症状感染者10例;新增境外输入确诊病例2例。新增本土确诊病例均在哈尔滨市,其中尚志市4例、阿城区3例。新增本土无症状感染者中哈尔滨市9例,其中尚志市6例、阿城区3例;牡丹江市东宁市1例。以上阳性感染者均为隔离管控筛查或对风险人员主动排查发现。
""", [
    # confirmed 4+3 = 7; asymptomatic 6+3+1 = 10; the blanket channel covers 7+10 local
    R(HLJ, "province", "2022-03-25", (0, 24), lc=7, la=10, ic=2, districts=[
        D(CF, HRB, "尚志市", 4), D(CF, HRB, "阿城区", 3),
        D(AS, HRB, "尚志市", 6), D(AS, HRB, "阿城区", 3), D(AS, "牡丹江市", "东宁市", 1),
    ], channels=[
        C(PO, "other", "隔离管控筛查或对风险人员主动排查发现", 17),
    ], problems=["year_inferred"]),
], tags=["P3", "pubdate", "imported", "day-only-date"])

# P3 with a blanket channel that names one key.
page("hlj-p3-quarantine", "txt", "utf-8", """发布时间:2022-10-09 08:15
8日0-24时,黑龙江省新增新冠肺炎本土确诊病例3例;新增本土无症状感染者8例。新增本土确诊病例均在齐齐哈尔市,其中龙沙区2例、建华区1例。新增本土无症状感染者中齐齐哈尔市6例,其中龙沙区4例、铁锋区2例;大庆市2例,均在让胡路区。以上阳性感染者均为集中隔离管控筛查发现。
""", [
    # confirmed 2+1 = 3; asymptomatic 4+2+2 = 8; channel 3+8 = 11
    R(HLJ, "province", "2022-10-08", (0, 24), lc=3, la=8, districts=[
        D(CF, "齐齐哈尔市", "龙沙区", 2), D(CF, "齐齐哈尔市", "建华区", 1),
        D(AS, "齐齐哈尔市", "龙沙区", 4), D(AS, "齐齐哈尔市", "铁锋区", 2), D(AS, "大庆市", "让胡路区", 2),
    ], channels=[
        C(PO, "quarantine", "集中隔离管控筛查发现", 11),
    ], problems=["year_inferred"]),
], tags=["P3", "pubdate", "day-only-date"])

# Z: explicit zero in a province bulletin.
page("hlj-zero", "txt", "utf-8", """2022年12月8日0—24时,黑龙江省无新增本土确诊病例,新增本土无症状感染者4例(哈尔滨市3例,均在香坊区;大庆市1例,在让胡路区)。
""", [
    R(HLJ, "province", "2022-12-08", (0, 24), lc=0, la=4, districts=[
        D(AS, HRB, "香坊区", 3), D(AS, "大庆市", "让胡路区", 1),
    ]),
], tags=["Z", "P1"])

# Z for both local types, an imported case, and stock after.
page("hlj-zero-both-imported", "txt", "utf-8", """黑龙江省卫生健康委员会

2022年7月3日0—24时,黑龙江省无新增本土确诊病例和无症状感染者。新增境外输入无症状感染者1例。
截至7月3日24时,全省现有境外输入无症状感染者3例。
""", [
    R(HLJ, "province", "2022-07-03", (0, 24), lc=0, la=0, ia=1),
], tags=["Z", "imported", "trap-stock"])

# Imported cases first, with an area: imported cases never give district rows.
page("hlj-imported-with-area", "txt", "utf-8", """发布时间:2022-04-06 08:30
4月5日0时至24时,黑龙江省新增境外输入确诊病例2例(均在绥芬河市),新增本土确诊病例3例(哈尔滨市3例,均在道外区),新增本土无症状感染者1例(齐齐哈尔市1例,在龙沙区)。
""", [
    R(HLJ, "province", "2022-04-05", (0, 24), lc=3, la=1, ic=2, districts=[
        D(CF, HRB, "道外区", 3), D(AS, "齐齐哈尔市", "龙沙区", 1),
    ], problems=["year_inferred"]),
], tags=["P1", "imported", "pubdate"])

# Two bulletins on one page: the province's full day, then the city's 0-15时.
page("hlj-and-harbin-two-bulletins", "txt", "utf-8", """发布时间:2022-11-27 07:30
黑龙江省卫健委通报
11月26日0—24时,黑龙江省新增本土新冠肺炎确诊病例3例(哈尔滨市3例,其中南岗区2例、道里区1例),新增本土无症状感染者41例(哈尔滨市37例,其中香坊区20例、南岗区17例;绥化市4例,均在肇东市)。

哈尔滨市卫健委通报
11月26日0—15时,哈尔滨市新增本土新冠病毒无症状感染者18例。其中,隔离管控人员中发现15例,社区筛查发现3例。香坊区10例、南岗区8例。
""", [
    # confirmed 2+1 = 3; asymptomatic 20+17+4 = 41
    R(HLJ, "province", "2022-11-26", (0, 24), lc=3, la=41, districts=[
        D(CF, HRB, "南岗区", 2), D(CF, HRB, "道里区", 1),
        D(AS, HRB, "香坊区", 20), D(AS, HRB, "南岗区", 17), D(AS, "绥化市", "肇东市", 4),
    ], problems=["year_inferred"]),
    # 15+3 = 18; 10+8 = 18
    R(HRB, "city", "2022-11-26", (0, 15), la=18, districts=[
        D(AS, HRB, "香坊区", 10), D(AS, HRB, "南岗区", 8),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 15),
        C(AS, "community_screening", "社区筛查发现", 3),
    ], problems=["year_inferred"]),
], tags=["P1", "C1", "two-bulletins", "pubdate"])

# ---------------------------------------------------------------------------------------
# Province bulletins, 吉林省 (its own cities and districts)
# ---------------------------------------------------------------------------------------

JL = "吉林省"

# P1-style nested lists; 朝阳区 and 铁西区 are resolved within their cities.
page("jilin-p1", "txt", "utf-8", """发布时间:2022-03-13 07:50
吉林省卫生健康委员会通报

3月12日0—24时,吉林省新增本土确诊病例56例(长春市41例,其中朝阳区18例、南关区12例、宽城区11例;吉林市15例,其中船营区9例、昌邑区6例),新增本土无症状感染者47例(长春市20例,其中绿园区12例、二道区8例;吉林市25例,其中丰满区15例、龙潭区10例;四平市2例,均在铁西区)。
""", [
    # confirmed 18+12+11 = 41, 9+6 = 15, 41+15 = 56; asymptomatic 12+8 = 20, 15+10 = 25, 20+25+2 = 47
    R(JL, "province", "2022-03-12", (0, 24), lc=56, la=47, districts=[
        D(CF, CC, "朝阳区", 18), D(CF, CC, "南关区", 12), D(CF, CC, "宽城区", 11),
        D(CF, JLS, "船营区", 9), D(CF, JLS, "昌邑区", 6),
        D(AS, CC, "绿园区", 12), D(AS, CC, "二道区", 8),
        D(AS, JLS, "丰满区", 15), D(AS, JLS, "龙潭区", 10),
        D(AS, "四平市", "铁西区", 2),
    ], problems=["year_inferred"]),
], tags=["P1", "jilin", "pubdate", "ambiguous-area-name"])

# P2-style flat list of city-prefixed areas, GB18030.
page("jilin-p2-flat-gb18030", "txt", "gb18030", """吉林省新增本土确诊病例30例

2022年3月20日0时至24时,吉林省新增本土确诊病例30例(长春市朝阳区12例、长春市南关区8例、吉林市船营区6例、吉林市丰满区4例),新增本土无症状感染者22例(长春市二道区10例、吉林市昌邑区7例、四平市双辽市5例)。
""", [
    # confirmed 12+8+6+4 = 30; asymptomatic 10+7+5 = 22
    R(JL, "province", "2022-03-20", (0, 24), lc=30, la=22, districts=[
        D(CF, CC, "朝阳区", 12), D(CF, CC, "南关区", 8), D(CF, JLS, "船营区", 6), D(CF, JLS, "丰满区", 4),
        D(AS, CC, "二道区", 10), D(AS, JLS, "昌邑区", 7), D(AS, "四平市", "双辽市", 5),
    ]),
], tags=["P2", "jilin", "gb18030", "headline-repeat"])

# P3-style: totals first, areas in later sentences; day-only date.
page("jilin-p3-later", "txt", "utf-8", """2022-04-03 09:10 来源:本报
2日0-24时,吉林省新增本土确诊病例12例;新增本土无症状感染者20例。新增本土确诊病例均在长春市,其中朝阳区7例、绿园区5例。新增本土无症状感染者中长春市14例,其中宽城区9例、九台区5例;吉林市6例,均在船营区。
""", [
    # confirmed 7+5 = 12; asymptomatic 9+5+6 = 20
    R(JL, "province", "2022-04-02", (0, 24), lc=12, la=20, districts=[
        D(CF, CC, "朝阳区", 7), D(CF, CC, "绿园区", 5),
        D(AS, CC, "宽城区", 9), D(AS, CC, "九台区", 5), D(AS, JLS, "船营区", 6),
    ], problems=["year_inferred"]),
], tags=["P3", "jilin", "pubdate", "day-only-date"])

# ---------------------------------------------------------------------------------------
# 上海市 (O1) and 北京市 (O2)
# ---------------------------------------------------------------------------------------

SH = "上海市"
BJ = "北京市"

# O1: region from the title line; conversions; remainder (其余).
page("shanghai-o1", "txt", "utf-8", """上海市卫生健康委员会 2022-04-09

市卫健委今早通报:2022年4月8日0—24时,新增本土新冠肺炎确诊病例1015例和无症状感染者17077例,其中824例确诊病例为此前无症状感染者转归,164例确诊病例和16983例无症状感染者在隔离管控中发现,其余在相关风险人群排查中发现。
""", [
    # confirmed remainder 1015-824-164 = 27; asymptomatic remainder 17077-16983 = 94
    R(SH, "city", "2022-04-08", (0, 24), lc=1015, la=17077, conv=824, channels=[
        C(CF, "converted", "此前无症状感染者转归", 824),
        C(CF, "quarantine", "在隔离管控中发现", 164),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 27),
        C(AS, "quarantine", "在隔离管控中发现", 16983),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 94),
    ], problems=["derived_remainder"]),
], tags=["O1", "conversions", "remainder"])

# O1 with 本市 (city from the title line) and imported cases of both types.
page("shanghai-o1-benshi-imported", "txt", "utf-8", """上海市卫生健康委员会

2022年4月3日0—24时,本市新增本土新冠肺炎确诊病例425例和无症状感染者8581例,其中138例确诊病例为此前无症状感染者转归,233例确诊病例和8531例无症状感染者在隔离管控中发现,其余在相关风险人群排查中发现。

新增境外输入性新冠肺炎确诊病例4例和无症状感染者2例,均在闭环管控中发现。
""", [
    # confirmed remainder 425-138-233 = 54; asymptomatic remainder 8581-8531 = 50
    R(SH, "city", "2022-04-03", (0, 24), lc=425, la=8581, ic=4, ia=2, conv=138, channels=[
        C(CF, "converted", "此前无症状感染者转归", 138),
        C(CF, "quarantine", "在隔离管控中发现", 233),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 54),
        C(AS, "quarantine", "在隔离管控中发现", 8531),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 50),
    ], problems=["derived_remainder"]),
], tags=["O1", "conversions", "remainder", "imported", "short-region"])

# O1 with full-width digits and punctuation, GB18030.
page("shanghai-o1-fullwidth-gb18030", "txt", "gb18030", """上海市卫生健康委员会　２０２２－０４－１６

２０２２年４月１５日０—２４时，新增本土新冠肺炎确诊病例３５９０例和无症状感染者１９９２３例，其中２２４例确诊病例为此前无症状感染者转归，３２３８例确诊病例和１９４５６例无症状感染者在隔离管控中发现，其余在相关风险人群排查中发现。
""", [
    # confirmed remainder 3590-224-3238 = 128; asymptomatic remainder 19923-19456 = 467
    R(SH, "city", "2022-04-15", (0, 24), lc=3590, la=19923, conv=224, channels=[
        C(CF, "converted", "此前无症状感染者转归", 224),
        C(CF, "quarantine", "在隔离管控中发现", 3238),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 128),
        C(AS, "quarantine", "在隔离管控中发现", 19456),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 467),
    ], problems=["derived_remainder"]),
], tags=["O1", "conversions", "remainder", "full-width-digits", "gb18030"])

# O2: all positives per area, no type split.
page("beijing-o2", "txt", "utf-8", """发布时间:2022-11-22 16:30
北京市新型冠状病毒肺炎疫情防控工作新闻发布会

11月22日0时至15时,北京市新增本土感染者428例,其中确诊病例146例、无症状感染者282例。朝阳区171例、海淀区88例、丰台区102例、昌平区40例、大兴区27例。
""", [
    # 146+282 = 428; 171+88+102+40+27 = 428
    R(BJ, "city", "2022-11-22", (0, 15), lc=146, la=282, lp=428, districts=[
        D(PO, BJ, "朝阳区", 171), D(PO, BJ, "海淀区", 88), D(PO, BJ, "丰台区", 102),
        D(PO, BJ, "昌平区", 40), D(PO, BJ, "大兴区", 27),
    ], problems=["year_inferred"]),
], tags=["O2", "pubdate"])

# O2 with 新冠病毒 wording, UTF-8 with BOM, other article after.
page("beijing-o2-xinguan-bom", "txt", "utf-8-sig", """2022年11月24日0时至15时,北京市新增本土新冠病毒感染者509例,其中确诊病例187例、无症状感染者322例。朝阳区198例、海淀区92例、丰台区134例、大兴区49例、通州区36例。

首都志愿者连续奋战在社区防疫一线

本报讯 连日来,朝阳区各街道组织志愿者为居家人员配送药品和生活物资。
""", [
    # 187+322 = 509; 198+92+134+49+36 = 509
    R(BJ, "city", "2022-11-24", (0, 15), lc=187, la=322, lp=509, districts=[
        D(PO, BJ, "朝阳区", 198), D(PO, BJ, "海淀区", 92), D(PO, BJ, "丰台区", 134),
        D(PO, BJ, "大兴区", 49), D(PO, BJ, "通州区", 36),
    ]),
], tags=["O2", "bom", "noise"])

# ---------------------------------------------------------------------------------------
# Traditional script (written in traditional characters; rows stored in simplified)
# ---------------------------------------------------------------------------------------

page("harbin-c1-trad-big5", "txt", "big5", """哈爾濱新聞網

2022年12月4日0—14時，哈爾濱市新增本土新冠病毒無症狀感染者48例。其中，隔離管控人員中發現35例，社區篩查發現8例，非閉環管理重點人員篩查發現3例，密切接觸者篩查發現2例。南崗區15例、香坊區12例、道裡區9例、道外區7例、松北區5例。新增陽性感染者均已閉環轉運至定點醫療機構進行隔離觀察治療。

請市民朋友配合做好疫情防控工作。
""", [
    # channels 35+8+3+2 = 48; areas 15+12+9+7+5 = 48
    R(HRB, "city", "2022-12-04", (0, 14), la=48, districts=[
        D(AS, HRB, "南岗区", 15), D(AS, HRB, "香坊区", 12), D(AS, HRB, "道里区", 9),
        D(AS, HRB, "道外区", 7), D(AS, HRB, "松北区", 5),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 35),
        C(AS, "community_screening", "社区筛查发现", 8),
        C(AS, "key_population", "非闭环管理重点人员筛查发现", 3),
        C(AS, "close_contact", "密切接触者筛查发现", 2),
    ]),
], tags=["C1", "traditional", "big5"])

page("harbin-c2-trad", "txt", "utf-8", """本報訊(記者 林佳慧)11月20日,哈爾濱市召開疫情防控新聞發佈會。

2022年11月20日0-15時,哈爾濱市新增本土新冠病毒陽性感染者16例,其中確診病例5例,道外區3例、呼蘭區2例;隔離管控人員中發現4例,社區篩查發現1例。無症狀感染者11例,南崗區6例、雙城區3例、賓縣2例;隔離管控人員中發現7例,密切接觸者篩查發現3例,跨區域協查發現1例。
""", [
    # 5+11 = 16; 3+2, 4+1; 6+3+2, 7+3+1
    R(HRB, "city", "2022-11-20", (0, 15), lc=5, la=11, lp=16, districts=[
        D(CF, HRB, "道外区", 3), D(CF, HRB, "呼兰区", 2),
        D(AS, HRB, "南岗区", 6), D(AS, HRB, "双城区", 3), D(AS, HRB, "宾县", 2),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 4),
        C(CF, "community_screening", "社区筛查发现", 1),
        C(AS, "quarantine", "隔离管控人员中发现", 7),
        C(AS, "close_contact", "密切接触者筛查发现", 3),
        C(AS, "cross_region", "跨区域协查发现", 1),
    ]),
], tags=["C2", "traditional", "dateline"])

page("harbin-c3-trad-big5", "txt", "big5", """2022年11月17日0－14時,哈爾濱市新增本土新冠病毒陽性感染者3例,其中確診病例1例,在平房區,社區篩查發現。無症狀感染者2例,道裡區1例、五常市1例;隔離管控人員中發現2例。
""", [
    R(HRB, "city", "2022-11-17", (0, 14), lc=1, la=2, lp=3, districts=[
        D(CF, HRB, "平房区", 1),
        D(AS, HRB, "道里区", 1), D(AS, HRB, "五常市", 1),
    ], channels=[
        C(CF, "community_screening", "社区筛查发现", 1),
        C(AS, "quarantine", "隔离管控人员中发现", 2),
    ]),
], tags=["C3", "traditional", "big5", "window-full-width-dash"])

page("harbin-c4-trad", "txt", "utf-8", """發布時間:2022-10-30 20:10
10月30日0時至16時,哈爾濱新增本土新冠病毒陽性感染者4例。其中確診病例1例、無症狀感染者2例,初篩陽性1例。確診病例與無症狀感染者均在南崗區,隔離管控人員中發現。初篩陽性人員在道外區。
""", [
    # 1+2+1 = 4
    R(HRB, "city", "2022-10-30", (0, 16), lc=1, la=2, lp=4, ip=1, districts=[
        D(CF, HRB, "南岗区", 1), D(AS, HRB, "南岗区", 2), D(IP, HRB, "道外区", 1),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 1),
        C(AS, "quarantine", "隔离管控人员中发现", 2),
    ], problems=["year_inferred"]),
], tags=["C4", "traditional", "pubdate", "short-region"])

page("hlj-p1-trad-big5", "txt", "big5", """發布時間:2022-03-19 08:20
3月18日0-24時,黑龍江省新增新冠肺炎本土確診病例5例(哈爾濱市4例,其中道裡區2例、雙城區2例;綏化市1例,在安達市),主動就診發現1例,區域核酸檢測發現1例,集中隔離管控篩查發現3例;新增本土無症狀感染者3例(哈爾濱市3例,其中道外區2例、賓縣1例),集中隔離管控篩查發現3例。當日治癒出院本土確診病例2例(哈爾濱市道外區2例)。截至3月18日24時,全省現有本土確診病例38例。
""", [
    # confirmed 2+2+1 = 5, channels 1+1+3 = 5; asymptomatic 2+1 = 3, channels 3
    R(HLJ, "province", "2022-03-18", (0, 24), lc=5, la=3, districts=[
        D(CF, HRB, "道里区", 2), D(CF, HRB, "双城区", 2), D(CF, "绥化市", "安达市", 1),
        D(AS, HRB, "道外区", 2), D(AS, HRB, "宾县", 1),
    ], channels=[
        C(CF, "clinic", "主动就诊发现", 1),
        C(CF, "community_screening", "区域核酸检测发现", 1),
        C(CF, "quarantine", "集中隔离管控筛查发现", 3),
        C(AS, "quarantine", "集中隔离管控筛查发现", 3),
    ], problems=["year_inferred"]),
], tags=["P1", "traditional", "big5", "pubdate", "trap-recoveries", "trap-stock"])

page("hlj-p2-trad-year-hint", "txt", "utf-8", """黑龍江省衛生健康委員會通報

1月13日0時至24時,黑龍江省新增新冠肺炎本土確診病例9例(綏化市望奎縣5例、哈爾濱市呼蘭區3例、綏化市北林區1例),其中無症狀感染者轉為確診病例6例。此外,新增新冠病毒本土無症狀感染者7例(綏化市望奎縣4例、哈爾濱市呼蘭區2例、哈爾濱市利民開發區1例)。
""", [
    # confirmed 5+3+1 = 9; asymptomatic 4+2+1 = 7
    R(HLJ, "province", "2021-01-13", (0, 24), lc=9, la=7, conv=6, districts=[
        D(CF, "绥化市", "望奎县", 5), D(CF, HRB, "呼兰区", 3), D(CF, "绥化市", "北林区", 1),
        D(AS, "绥化市", "望奎县", 4), D(AS, HRB, "呼兰区", 2), D(AS, HRB, "利民开发区", 1),
    ], channels=[
        C(CF, "converted", "无症状感染者转为确诊病例", 6),
    ], problems=["partial_breakdown"]),
], tags=["P2", "traditional", "conversions", "development-zone", "year-hint"], year_hint=2021)

page("jilin-p1-trad-big5", "txt", "big5", """2022年3月14日0—24時,吉林省新增本土確診病例38例(長春市26例,其中朝陽區14例、寬城區7例、綠園區5例;吉林市12例,其中船營區8例、豐滿區4例),新增本土無症狀感染者29例(長春市11例,其中南關區6例、二道區5例;吉林市18例,其中昌邑區10例、龍潭區8例)。
""", [
    # confirmed 14+7+5 = 26, 8+4 = 12, 38; asymptomatic 6+5 = 11, 10+8 = 18, 29
    R(JL, "province", "2022-03-14", (0, 24), lc=38, la=29, districts=[
        D(CF, CC, "朝阳区", 14), D(CF, CC, "宽城区", 7), D(CF, CC, "绿园区", 5),
        D(CF, JLS, "船营区", 8), D(CF, JLS, "丰满区", 4),
        D(AS, CC, "南关区", 6), D(AS, CC, "二道区", 5),
        D(AS, JLS, "昌邑区", 10), D(AS, JLS, "龙潭区", 8),
    ]),
], tags=["P1", "jilin", "traditional", "big5", "ambiguous-area-name"])

page("beijing-o2-trad", "txt", "utf-8", """發布時間:2022-11-25 16:20
11月25日0時至15時,北京市新增本土感染者455例,其中確診病例160例、無症狀感染者295例。朝陽區180例、海淀區97例、豐台區118例、昌平區35例、通州區25例。
""", [
    # 160+295 = 455; 180+97+118+35+25 = 455
    R(BJ, "city", "2022-11-25", (0, 15), lc=160, la=295, lp=455, districts=[
        D(PO, BJ, "朝阳区", 180), D(PO, BJ, "海淀区", 97), D(PO, BJ, "丰台区", 118),
        D(PO, BJ, "昌平区", 35), D(PO, BJ, "通州区", 25),
    ], problems=["year_inferred"]),
], tags=["O2", "traditional", "pubdate"])

page("shanghai-o1-trad-bom", "txt", "utf-8-sig", """上海市衛生健康委員會 2022-04-11

2022年4月10日0—24時,新增本土新冠肺炎確診病例914例和無症狀感染者25173例,其中359例確診病例為此前無症狀感染者轉歸,526例確診病例和24856例無症狀感染者在隔離管控中發現,其餘在相關風險人群排查中發現。
""", [
    # confirmed remainder 914-359-526 = 29; asymptomatic remainder 25173-24856 = 317
    R(SH, "city", "2022-04-10", (0, 24), lc=914, la=25173, conv=359, channels=[
        C(CF, "converted", "此前无症状感染者转归", 359),
        C(CF, "quarantine", "在隔离管控中发现", 526),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 29),
        C(AS, "quarantine", "在隔离管控中发现", 24856),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 317),
    ], problems=["derived_remainder"]),
], tags=["O1", "traditional", "bom", "conversions", "remainder"])

page("hlj-zero-trad-big5", "txt", "big5", """2022年12月9日0－24時,黑龍江省無新增本土確診病例,新增本土無症狀感染者5例(哈爾濱市4例,均在南崗區;牡丹江市1例,在陽明區)。
""", [
    R(HLJ, "province", "2022-12-09", (0, 24), lc=0, la=5, districts=[
        D(AS, HRB, "南岗区", 4), D(AS, "牡丹江市", "阳明区", 1),
    ]),
], tags=["Z", "traditional", "big5", "window-full-width-dash"])

# ---------------------------------------------------------------------------------------
# Saved web pages
# ---------------------------------------------------------------------------------------

page("shanghai-o1-page", "html", "utf-8", """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>上海市卫生健康委员会</title>
<style>
body { font-family: "Microsoft YaHei", sans-serif; margin: 0 auto; width: 1000px; }
.nav li { display: inline-block; padding: 0 12px; }
.article p { text-indent: 2em; line-height: 2; }
</style>
<script>
var _stat = _stat || [];
(function () { var s = document.createElement("script"); s.src = "/static/stat.js?v=20220421"; document.head.appendChild(s); })();
</script>
</head>
<body>
<nav class="nav">
<ul>
<li><a href="/">首页</a></li>
<li><a href="/xwfb/">新闻发布</a></li>
<li><a href="/tzgg/">通知公告</a></li>
<li><a href="/yqtb/">疫情通报</a></li>
</ul>
</nav>
<div class="article">
<h1>上海2022年4月20日新增本土新冠肺炎确诊病例2634例 新增本土无症状感染者15861例</h1>
<div class="info">发布时间:2022-04-21 07:30 来源:上海市卫生健康委员会</div>
<p>市卫健委今早通报:2022年4月20日0—24时,新增本土新冠肺炎确诊病例2634例和无症状感染者15861例,其中1234例确诊病例为此前无症状感染者转归,1309例确诊病例和15615例无症状感染者在隔离管控中发现,其余在相关风险人群排查中发现。</p>
<p>市卫健委提醒广大市民,继续做好个人防护,配合做好核酸筛查。</p>
</div>
<footer>主办:上海市卫生健康委员会</footer>
</body>
</html>
""", [
    # confirmed remainder 2634-1234-1309 = 91; asymptomatic remainder 15861-15615 = 246
    R(SH, "city", "2022-04-20", (0, 24), lc=2634, la=15861, conv=1234, channels=[
        C(CF, "converted", "此前无症状感染者转归", 1234),
        C(CF, "quarantine", "在隔离管控中发现", 1309),
        C(CF, "risk_screening", "在相关风险人群排查中发现", 91),
        C(AS, "quarantine", "在隔离管控中发现", 15615),
        C(AS, "risk_screening", "在相关风险人群排查中发现", 246),
    ], problems=["derived_remainder"]),
], tags=["O1", "html", "conversions", "remainder", "headline-repeat"])

page("beijing-o2-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html>
<head>
<meta charset="gb18030">
<title>北京市新增本土感染者612例</title>
<style>
.menu a { color: #333; margin-right: 20px; }
#content p { font-size: 16px; }
</style>
<script type="text/javascript">
window.pageConfig = { channel: 17, id: 48213, size: 612 };
</script>
</head>
<body>
<nav class="menu"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/xwzx/">新闻中心</a><a href="/yqfk/">疫情防控</a></nav>
<div id="content">
<div class="source">发布时间:2022-11-26 16:05 来源:北京市卫生健康委员会</div>
<p>11月26日0时至15时,北京市新增本土感染者612例,其中确诊病例201例、无症状感染者411例。朝阳区226例、海淀区115例、丰台区158例、昌平区63例、西城区50例。</p>
<p>相关区域已开展流调溯源和风险人员管控工作。</p>
</div>
</body>
</html>
""", [
    # 201+411 = 612; 226+115+158+63+50 = 612
    R(BJ, "city", "2022-11-26", (0, 15), lc=201, la=411, lp=612, districts=[
        D(PO, BJ, "朝阳区", 226), D(PO, BJ, "海淀区", 115), D(PO, BJ, "丰台区", 158),
        D(PO, BJ, "昌平区", 63), D(PO, BJ, "西城区", 50),
    ], problems=["year_inferred"]),
], tags=["O2", "html", "gb18030", "pubdate", "headline-repeat"])

page("harbin-c1-trad-page-big5", "html", "big5", """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>哈爾濱市疫情通報</title>
<style type="text/css">
body { background: #fff; }
nav ul { list-style: none; }
</style>
<script>
function share() { return false; }
</script>
</head>
<body>
<nav><ul><li><a href="/">首頁</a></li><li><a href="/news/">新聞</a></li><li><a href="/health/">健康</a></li></ul></nav>
<h2>哈爾濱市疫情通報</h2>
<p>2022年11月12日0-24時,哈爾濱市新增本土新冠病毒無症狀感染者22例。其中,隔離管控人員中發現17例,社區篩查發現5例。香坊區10例、南崗區8例、延壽縣4例。</p>
<p>請廣大市民配合做好疫情防控工作。</p>
</body>
</html>
""", [
    # 17+5 = 22; 10+8+4 = 22
    R(HRB, "city", "2022-11-12", (0, 24), la=22, districts=[
        D(AS, HRB, "香坊区", 10), D(AS, HRB, "南岗区", 8), D(AS, HRB, "延寿县", 4),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 17),
        C(AS, "community_screening", "社区筛查发现", 5),
    ]),
], tags=["C1", "html", "traditional", "big5"])

# The navigation holds a link titled like another day's bulletin: navigation is not text.
page("harbin-c2-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html>
<head>
<meta charset="gb18030">
<title>哈尔滨新闻网 - 疫情通报</title>
<style>
.breadcrumb { font-size: 12px; }
.related li { line-height: 24px; }
</style>
<script>
var article = { id: 90312, tags: ["疫情", "哈尔滨"] };
</script>
</head>
<body>
<nav class="related">
<ul>
<li><a href="/2022-11/20/90301.html">11月20日0-15时哈尔滨市新增本土新冠病毒阳性感染者16例</a></li>
<li><a href="/2022-11/19/90288.html">哈尔滨市发布第78号公告</a></li>
</ul>
</nav>
<div class="content">
<p>发布时间:2022-11-21 18:30</p>
<p>2022年11月21日0-15时,哈尔滨市新增本土新冠病毒阳性感染者12例,其中确诊病例4例,南岗区3例、道外区1例;隔离管控人员中发现4例。无症状感染者8例,香坊区5例、呼兰区3例;隔离管控人员中发现6例,社区筛查发现2例。</p>
<p>新增阳性感染者均已闭环转运至定点医疗机构进行隔离观察治疗。</p>
</div>
</body>
</html>
""", [
    # 4+8 = 12; 3+1 = 4, 4; 5+3 = 8, 6+2 = 8
    R(HRB, "city", "2022-11-21", (0, 15), lc=4, la=8, lp=12, districts=[
        D(CF, HRB, "南岗区", 3), D(CF, HRB, "道外区", 1),
        D(AS, HRB, "香坊区", 5), D(AS, HRB, "呼兰区", 3),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 4),
        C(AS, "quarantine", "隔离管控人员中发现", 6),
        C(AS, "community_screening", "社区筛查发现", 2),
    ]),
], tags=["C2", "html", "gb18030", "nav-trap"])

page("hlj-p1-page", "html", "utf-8", """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>黑龙江省卫生健康委员会</title>
<style>
header, nav, footer { background: #0b5ea8; color: #fff; }
</style>
<script src="/js/jquery.min.js"></script>
<script>
$(function () { $(".menu").show(); });
</script>
</head>
<body>
<header>黑龙江省卫生健康委员会</header>
<nav class="menu"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/yqfk/">疫情防控</a> <a href="/hdjl/">互动交流</a></nav>
<article>
<h3>黑龙江省卫生健康委员会关于新型冠状病毒肺炎疫情情况的通报</h3>
<p>发布时间:2022-04-13 08:00</p>
<p>4月12日0-24时,黑龙江省新增新冠肺炎本土确诊病例4例(哈尔滨市3例,其中南岗区2例、香坊区1例;牡丹江市1例,在绥芬河市),主动就诊发现1例,集中隔离管控筛查发现3例;新增本土无症状感染者6例(哈尔滨市4例,其中道里区4例;牡丹江市2例,在东宁市),区域核酸检测发现2例,集中隔离管控筛查发现4例。</p>
<p>当日治愈出院本土确诊病例3例(哈尔滨市道外区3例)。</p>
</article>
<footer>黑ICP备00000000号</footer>
</body>
</html>
""", [
    # confirmed 2+1+1 = 4, channels 1+3 = 4; asymptomatic 4+2 = 6, channels 2+4 = 6
    R(HLJ, "province", "2022-04-12", (0, 24), lc=4, la=6, districts=[
        D(CF, HRB, "南岗区", 2), D(CF, HRB, "香坊区", 1), D(CF, "牡丹江市", "绥芬河市", 1),
        D(AS, HRB, "道里区", 4), D(AS, "牡丹江市", "东宁市", 2),
    ], channels=[
        C(CF, "clinic", "主动就诊发现", 1),
        C(CF, "quarantine", "集中隔离管控筛查发现", 3),
        C(AS, "community_screening", "区域核酸检测发现", 2),
        C(AS, "quarantine", "集中隔离管控筛查发现", 4),
    ], problems=["year_inferred"]),
], tags=["P1", "html", "pubdate", "trap-recoveries"])

page("jilin-p3-page-gbk", "html", "gb18030", """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>吉林省卫生健康委员会关于全省新冠肺炎疫情情况的通报</title>
<style>td { padding: 4px; }</style>
<script language="javascript">var pv = 3021;</script>
</head>
<body>
<nav id="menu"><a href="/">网站首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/wsbs/">网上办事</a></nav>
<div class="main">
<p>发布时间:2022-04-08 09:00</p>
<p>7日0-24时,吉林省新增本土确诊病例9例;新增本土无症状感染者13例;新增境外输入无症状感染者1例。新增本土确诊病例均在长春市,其中朝阳区5例、南关区4例。新增本土无症状感染者中长春市10例,其中宽城区6例、绿园区4例;吉林市3例,均在船营区。</p>
</div>
</body>
</html>
""", [
    # confirmed 5+4 = 9; asymptomatic 6+4+3 = 13
    R(JL, "province", "2022-04-07", (0, 24), lc=9, la=13, ia=1, districts=[
        D(CF, CC, "朝阳区", 5), D(CF, CC, "南关区", 4),
        D(AS, CC, "宽城区", 6), D(AS, CC, "绿园区", 4), D(AS, JLS, "船营区", 3),
    ], problems=["year_inferred"]),
], tags=["P3", "jilin", "html", "gb18030", "imported", "pubdate", "day-only-date"])

# ---------------------------------------------------------------------------------------
# Pages with no bulletin: figures that are not new cases
# ---------------------------------------------------------------------------------------

page("nb-cumulative", "txt", "utf-8", """发布时间:2022-10-20 10:12
平房区疫情防控情况通报

本次疫情发生以来,哈市累计报告本土新冠病毒阳性感染者26例,其中:平房区关联病例17例,外地返哈关联病例9例。病例分布在:平房区14例,南岗区7例,香坊区5例。

目前,相关区域已全部完成核酸检测,请居民继续配合做好防控工作。
""", [], tags=["no_bulletin", "trap-cumulative"])

page("nb-recoveries", "txt", "utf-8", """又一批患者治愈出院

本报讯(记者 刘佳怡)12月9日,记者从黑龙江省卫健委获悉,当日治愈出院本土确诊病例7例(哈尔滨市道外区4例、南岗区3例);解除医学观察本土无症状感染者12例(哈尔滨市香坊区8例、道里区4例)。

出院患者将继续在家进行健康监测,社区医生定期随访。
""", [], tags=["no_bulletin", "trap-recoveries", "dateline"])

page("nb-stock-gb18030", "txt", "gb18030", """发布时间:2022-12-11 08:00

截至12月10日24时,全省现有本土确诊病例52例,现有本土无症状感染者130例,现有境外输入确诊病例3例。全省累计报告本土确诊病例2216例,累计治愈出院2161例。
""", [], tags=["no_bulletin", "trap-stock", "trap-cumulative", "gb18030"])

page("nb-case-details", "txt", "utf-8", """新增确诊病例主要情况:
确诊病例63-64:轻型,系夫妻关系,现住道外区某小区,11月12日在隔离管控中核酸检测结果异常。
新增无症状感染者主要情况:
无症状感染者28-30:现住松北区某小区,系确诊病例63的密切接触者,均已转运至定点医疗机构。
""", [], tags=["no_bulletin", "trap-case-details"])

page("nb-phones", "txt", "utf-8", """哈尔滨市各区县(市)疾控中心咨询电话
道里区疾控中心 84610372
道外区疾控中心 57193384
南岗区疾控中心 82308815
香坊区疾控中心 55617209
松北区疾控中心 88107741
平房区疾控中心 86508236
""", [], tags=["no_bulletin", "trap-phones"])

page("nb-risk-areas", "txt", "utf-8", """关于调整部分区域风险等级的通告

自2022年11月25日12时起,哈尔滨市南岗区某小区5号楼、道外区某市场调整为高风险区。11月24日24时起,香坊区3个小区调整为低风险区。

以上区域居民请严格落实相应防控措施。
""", [], tags=["no_bulletin", "trap-risk-area"])

page("nb-industry-statement", "txt", "utf-8", """重点企业闭环生产 全市工业运行平稳

本报讯(记者 马晓东)11月28日,在哈尔滨市政府新闻办召开的新闻发布会上,市工信局负责人介绍了全市工业企业生产情况。

一是工业生产总体平稳。1—10月份全市规上工业增加值同比增长2.3%,目前全市186户规上工业企业实施闭环生产,确保重点企业不停产。

二是保障重点物资供应。梳理形成重点产业链企业“白名单”,为38户企业协调发放跨省运输通行证。

三是强化冷链企业督导。对全市冷链食品加工企业开展线上督导,连续坚守5天5夜完成排查。
""", [], tags=["no_bulletin", "trap-page-statistics", "trap-enumeration"])

# A headline alone (no counting window, no bulletin sentence): not a bulletin.
page("nb-headline-only", "txt", "utf-8", """哈尔滨日报 2022年12月3日 第1版

哈市新增本土新冠无症状感染者35例
(详见第2版)

冰城供热企业全力保障居民温暖过冬

本报讯(记者 高志强)入冬以来,全市供热企业加强设备巡检,目前全市供热面积达3.2亿平方米,累计受理居民诉求1860件。
""", [], tags=["no_bulletin", "headline-only"])

page("nb-cumulative-trad-big5", "txt", "big5", """本次疫情發生以來,哈市累計報告本土新冠病毒陽性感染者31例,其中:平房區關聯病例20例,外地返哈關聯病例11例。病例分佈在:平房區16例,南崗區9例,道裡區6例。當日治癒出院本土確診病例2例(哈爾濱市道外區2例)。
""", [], tags=["no_bulletin", "traditional", "big5", "trap-cumulative", "trap-recoveries"])

page("nb-risk-areas-page-gb18030", "html", "gb18030", """<!DOCTYPE html>
<html>
<head>
<meta charset="gb18030">
<title>关于调整风险区域的通告</title>
<style>.notice { padding: 20px; }</style>
<script>var notice = { level: 3, area: "香坊区" };</script>
</head>
<body>
<nav><a href="/">首页</a> <a href="/tzgg/">通知公告</a> <a href="/yqfk/">疫情防控</a></nav>
<div class="notice">
<p>发布时间:2022-11-23 10:00</p>
<p>自2022年11月23日12时起,哈尔滨市香坊区某小区2号楼、南岗区某大厦调整为高风险区。自11月23日12时起,道里区某小区调整为中风险区。11月22日24时起,松北区2个小区调整为低风险区。</p>
</div>
</body>
</html>
""", [], tags=["no_bulletin", "html", "gb18030", "trap-risk-area"])

page("nb-sampling-points", "txt", "utf-8", """全市便民核酸采样点信息

目前全市共设置便民核酸采样点1263个,其中道里区186个、南岗区214个、香坊区197个。11月26日全市共采样562.3万人次,采样点平均等候时间约15分钟。

采样点开放时间为每日8时至20时。
""", [], tags=["no_bulletin", "trap-page-statistics"])

page("nb-vaccination-gb18030", "txt", "gb18030", """发布时间:2022-11-21 09:30

截至11月20日,全市累计接种新冠病毒疫苗1523.6万剂次,其中60岁以上老年人接种312.4万剂次。11月20日0—24时,全市接种新冠病毒疫苗1.2万剂次。
""", [], tags=["no_bulletin", "trap-page-statistics", "trap-cumulative", "gb18030"])

page("nb-seeking-people", "txt", "utf-8", """紧急寻人

11月29日9时至11时曾到过南岗区某超市的人员,以及11月30日14时至16时曾乘坐某路公交车的人员,请立即向所在社区报备并配合开展核酸检测。

咨询电话:南岗区疾控中心 82308815
""", [], tags=["no_bulletin", "trap-phones", "trap-start-times"])

page("nb-stock-trad", "txt", "utf-8", """截至12月12日24時,全省現有本土確診病例47例,現有本土無症狀感染者96例。當日解除醫學觀察本土無症狀感染者15例(哈爾濱市香坊區9例、南崗區6例)。
""", [], tags=["no_bulletin", "traditional", "trap-stock", "trap-recoveries"])

# ---------------------------------------------------------------------------------------
# Harder, still documented, variations
# ---------------------------------------------------------------------------------------

# The same channel wording for two cities of a province bulletin: one row, counts summed
# (DESIGN.md, channel_count). A count-less channel covers its city's cases.
page("hlj-p1-channels-per-city", "txt", "utf-8", """发布时间:2022-04-02 08:30
4月1日0-24时,黑龙江省新增新冠肺炎本土确诊病例7例(哈尔滨市5例,其中道里区3例、南岗区2例,集中隔离管控筛查发现4例、区域核酸检测发现1例;绥化市2例,均在北林区,集中隔离管控筛查发现2例);新增本土无症状感染者2例(哈尔滨市2例,均在道里区,集中隔离管控筛查发现)。
""", [
    # confirmed areas 3+2+2 = 7, channels (4+2)+1 = 7; asymptomatic 2, channel 2
    R(HLJ, "province", "2022-04-01", (0, 24), lc=7, la=2, districts=[
        D(CF, HRB, "道里区", 3), D(CF, HRB, "南岗区", 2), D(CF, "绥化市", "北林区", 2),
        D(AS, HRB, "道里区", 2),
    ], channels=[
        C(CF, "quarantine", "集中隔离管控筛查发现", 6),
        C(CF, "community_screening", "区域核酸检测发现", 1),
        C(AS, "quarantine", "集中隔离管控筛查发现", 2),
    ], problems=["year_inferred"]),
], tags=["P1", "pubdate", "channel-summed"])

# 昨日 with the date in brackets and no counting window: full day + window_not_stated.
page("harbin-c1-zuori-window-not-stated", "txt", "utf-8", """发布时间:2022-11-09 08:05 来源:哈尔滨日报

昨日(11月8日),哈尔滨市新增本土新冠病毒无症状感染者5例。其中,隔离管控人员中发现3例,社区筛查发现2例。道里区3例、南岗区2例。
""", [
    R(HRB, "city", "2022-11-08", (0, 24), la=5, districts=[
        D(AS, HRB, "道里区", 3), D(AS, HRB, "南岗区", 2),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 3),
        C(AS, "community_screening", "社区筛查发现", 2),
    ], problems=["window_not_stated", "year_inferred"]),
], tags=["C1", "window-not-stated", "pubdate"])

# 全省 as the issuing region, named by the title.
page("hlj-quansheng", "txt", "utf-8", """黑龙江省卫生健康委员会关于新冠肺炎疫情情况的通报

2022年12月10日0—24时,全省新增本土确诊病例3例(哈尔滨市3例,其中南岗区2例、香坊区1例),新增本土无症状感染者9例(哈尔滨市9例,其中南岗区5例、道里区4例)。
""", [
    # confirmed 2+1 = 3; asymptomatic 5+4 = 9
    R(HLJ, "province", "2022-12-10", (0, 24), lc=3, la=9, districts=[
        D(CF, HRB, "南岗区", 2), D(CF, HRB, "香坊区", 1),
        D(AS, HRB, "南岗区", 5), D(AS, HRB, "道里区", 4),
    ]),
], tags=["P1", "short-region"])

# The year from a "时间:" line.
page("harbin-shijian-line", "txt", "utf-8", """时间:2022年11月07日 10:15 来源:哈尔滨日报

11月6日0-24时,哈市新增本土新冠病毒无症状感染者3例,均在松北区,隔离管控人员中发现。
""", [
    R(HRB, "city", "2022-11-06", (0, 24), la=3, districts=[
        D(AS, HRB, "松北区", 3),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 3),
    ], problems=["year_inferred"]),
], tags=["C3", "pubdate", "short-region"])

# A newswire dateline gives the month of a day-only bulletin; year_hint gives the year.
page("hlj-dateline-month-year-hint", "txt", "utf-8", """新华社哈尔滨3月23日电 记者从黑龙江省卫健委获悉,22日0-24时,黑龙江省新增新冠肺炎本土确诊病例4例(哈尔滨市4例,其中阿城区3例、道外区1例),新增本土无症状感染者6例(哈尔滨市6例,其中阿城区4例、香坊区2例)。
""", [
    # confirmed 3+1 = 4; asymptomatic 4+2 = 6
    R(HLJ, "province", "2022-03-22", (0, 24), lc=4, la=6, districts=[
        D(CF, HRB, "阿城区", 3), D(CF, HRB, "道外区", 1),
        D(AS, HRB, "阿城区", 4), D(AS, HRB, "香坊区", 2),
    ]),
], tags=["P1", "dateline", "day-only-date", "year-hint"], year_hint=2022)

# The year from a dated title line.
page("harbin-title-date", "txt", "utf-8", """2022年11月7日哈尔滨市疫情通报

11月7日0-24时,哈尔滨市新增本土新冠病毒无症状感染者4例。其中,隔离管控人员中发现4例。道里区2例、南岗区2例。
""", [
    R(HRB, "city", "2022-11-07", (0, 24), la=4, districts=[
        D(AS, HRB, "道里区", 2), D(AS, HRB, "南岗区", 2),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 4),
    ], problems=["year_inferred"]),
], tags=["C1", "title-date"])

# Commas between areas, a semicolon between channels, 其中 without colon or comma.
page("harbin-c1-commas", "txt", "utf-8", """2022年12月8日0-14时,哈尔滨市新增本土新冠病毒无症状感染者15例,其中隔离管控人员中发现12例;社区筛查发现3例。道里区6例,南岗区5例,香坊区4例。
""", [
    # 12+3 = 15; 6+5+4 = 15
    R(HRB, "city", "2022-12-08", (0, 14), la=15, districts=[
        D(AS, HRB, "道里区", 6), D(AS, HRB, "南岗区", 5), D(AS, HRB, "香坊区", 4),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 12),
        C(AS, "community_screening", "社区筛查发现", 3),
    ]),
], tags=["C1", "comma-separated-areas"])

# A saved page with HTML entities (&mdash; &nbsp;) in the bulletin.
page("harbin-c2-page-entities", "html", "utf-8", """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>哈尔滨市卫生健康委员会</title>
<style>p { margin: 8px 0; }</style>
<script>document.addEventListener("DOMContentLoaded", function () { console.log("ready"); });</script>
</head>
<body>
<nav><a href="/">首页</a>&nbsp;|&nbsp;<a href="/yqfk/">疫情防控</a></nav>
<p>发布时间:2022-12-11 19:02</p>
<p>&nbsp;&nbsp;2022年12月11日0&mdash;14时,哈尔滨市新增本土新冠病毒阳性感染者10例,其中确诊病例2例,南岗区2例;隔离管控人员中发现2例。无症状感染者8例,道里区5例、香坊区3例;隔离管控人员中发现6例,社区筛查发现2例。</p>
</body>
</html>
""", [
    # 2+8 = 10; 2, 2; 5+3 = 8, 6+2 = 8
    R(HRB, "city", "2022-12-11", (0, 14), lc=2, la=8, lp=10, districts=[
        D(CF, HRB, "南岗区", 2),
        D(AS, HRB, "道里区", 5), D(AS, HRB, "香坊区", 3),
    ], channels=[
        C(CF, "quarantine", "隔离管控人员中发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 6),
        C(AS, "community_screening", "社区筛查发现", 2),
    ]),
], tags=["C2", "html", "html-entities"])

# Traditional with 無癥狀 and 發佈時間, Big5.
page("harbin-c2-trad-zhengzhuang-big5", "txt", "big5", """發佈時間:2022-11-09 19:45
11月9日0-15時,哈爾濱市新增本土新冠病毒陽性感染者9例,其中確診病例2例,香坊區2例;密切接觸者篩查發現2例。無癥狀感染者7例,道外區4例、松北區3例;隔離管控人員中發現5例,跨區域協查發現2例。
""", [
    # 2+7 = 9; 2, 2; 4+3 = 7, 5+2 = 7
    R(HRB, "city", "2022-11-09", (0, 15), lc=2, la=7, lp=9, districts=[
        D(CF, HRB, "香坊区", 2),
        D(AS, HRB, "道外区", 4), D(AS, HRB, "松北区", 3),
    ], channels=[
        C(CF, "close_contact", "密切接触者筛查发现", 2),
        C(AS, "quarantine", "隔离管控人员中发现", 5),
        C(AS, "cross_region", "跨区域协查发现", 2),
    ], problems=["year_inferred"]),
], tags=["C2", "traditional", "big5", "pubdate"])

# Words broken across lines inside the head sentence and a channel phrase.
page("harbin-c1-broken-head", "txt", "utf-8", """2022年12月9日0—14时,哈尔滨市新增本土新冠病毒无症状感

染者20例。其中,隔离管控人员中发现16例,社区筛

查发现4例。道外区11例、道里区9例。
""", [
    # 16+4 = 20; 11+9 = 20
    R(HRB, "city", "2022-12-09", (0, 14), la=20, districts=[
        D(AS, HRB, "道外区", 11), D(AS, HRB, "道里区", 9),
    ], channels=[
        C(AS, "quarantine", "隔离管控人员中发现", 16),
        C(AS, "community_screening", "社区筛查发现", 4),
    ]),
], tags=["C1", "broken-lines"])


# ---------------------------------------------------------------------------------------


ABOUT = (
    "Labelled corpus written for this project (figures invented). Each page's expected "
    "extraction is written by hand in make_corpus.py; fields as in ../shared/formats.json "
    "(window = [start hour, end hour]; problem_codes_include lists codes that must be "
    "among the report's problems). Regenerate with: python tests/corpus/make_corpus.py"
)


def build() -> dict[str, bytes]:
    """Relative path (under tests/corpus) -> bytes, for every page and expected.json."""
    return build_files(PAGES, ABOUT)


def main() -> int:
    write_files(HERE, build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
