"""Vocabulary of bulletin figures: counts, case nouns, lead-ins and traps."""

from __future__ import annotations

import re
from functools import lru_cache


_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
COUNT = rf"(?P<count>\d+|[{_CN_DIGITS}]+)例"
COUNT_RE = re.compile(COUNT)
# Largest count the archive accepts as a real figure: beyond it a number is a typo
# or garbage (10^20 例), reported as a problem instead of stored.
MAX_COUNT = 10_000_000

# Longest first, so 无症状感染者 wins over 感染者 and 初筛阳性人员 over 初筛阳性.
_NOUNS = {
    "无症状感染者": "asymptomatic",
    "无症状": "asymptomatic",
    "初筛阳性人员": "initial_positive",
    "初筛阳性者": "initial_positive",
    "初筛阳性": "initial_positive",
    "阳性感染者": "positive",
    "确诊病例": "confirmed",
    "确诊": "confirmed",
    "感染者": "positive",
    "病例": "confirmed",  # early 2020: 新增病例N例, confirmed cases before 确诊 was written out
}
# 病例 alone names confirmed cases only when no other kind is named before it.
_NOT_CONFIRMED_BEFORE = "".join(f"(?<!{word})" for word in ("死亡", "出院", "疑似", "重症", "危重", "治愈", "重型", "住院"))
NOUN = "|".join(
    # …but not a case number (病例1—病例924, 病例3:现住…)
    f"{_NOT_CONFIRMED_BEFORE}病例(?!\\d+(?:[^\\d例]|$))" if noun == "病例" else noun for noun in sorted(_NOUNS, key=len, reverse=True)
)
NOUN_RE = re.compile(NOUN)
# Words that may stand between a count and its noun, or before either: 报告8例新增境外输入性新冠肺炎确诊病例.
_QUALIFIER = (
    r"(?:新增|报告|本土|本地|境外输入性?|输入性?|新型冠状病毒感染的?肺炎|新型冠状病毒肺炎|新冠病毒肺炎|新冠肺炎|新冠病毒|新冠|的)"
)
_QUALIFIERS = rf"{_QUALIFIER}{{0,4}}"
QUALIFIERS_RE = re.compile(rf"^(?:其中)?[,:]?{_QUALIFIERS}|{_QUALIFIERS}$")
# The noun, then its count: 确诊病例5例; 确诊病例788和无症状感染者7084例 (例 left out before the next noun).
TOTAL_RE = re.compile(
    rf"(?P<noun>{NOUN})(?:共|合计)?(?:{COUNT}|(?P<bare>\d+)(?=\(|[和及、]{_QUALIFIERS}(?:{NOUN})))"
)
# The count first: 新增44例本土确诊病例和18例无症状感染者; 报告8例新增境外输入性…确诊病例.
_REVERSED_PAIR = rf"{_QUALIFIERS}{COUNT}{_QUALIFIERS}(?P<noun>{NOUN})"
REVERSED_TOTAL_RE = re.compile(rf"(?:新增|报告(?!的)){_REVERSED_PAIR}")
_REVERSED_NEXT_RE = re.compile(rf"(?:和|及|以及|、){_REVERSED_PAIR}")
COUNT_THEN_NOUN_RE = re.compile(rf"{COUNT}(?:本土|本地)?(?P<noun>{NOUN})")

# 含 and 包括 lead in only before cases (含无症状感染者转确诊2例), not in names (含山县).
LEAD_IN_RE = re.compile(r"^(?:其中|此外|另外|另有|另|同时|以上|上述|(?:含|包括|包含)(?=无症状|确诊|阳性|初筛|本土|既往|此前|\d))[:,]?")
# "以上阳性感染者均为…": a lead-in naming the cases a whole sentence covers.
COVERING_RE = re.compile(rf"^(?:以上|上述)?(?:新增)?(?:本土)?(?P<noun>{NOUN})?(?:均为|均系|均是|均(?=在)|均)")
REMAINDER_RE = re.compile(r"^其余(?:病例|感染者)?(?:均)?")
# Zero wordings: 无新增确诊病例, 无报告新增, 新增确诊病例为零.
_DISEASE = r"(?:新型冠状病毒肺炎|新冠病毒肺炎|新冠肺炎|新冠病毒|本土|本地)"
ZERO_RE = re.compile(rf"无{_DISEASE}*(?:报告)?新增|无境外输入性?(?:确诊)?病例|没有新增|为零|零新增|零报告")
# 无新增新冠肺炎疫情信息报告: no new figure of any kind.
NO_NEWS_RE = re.compile(r"无新增(?:新冠肺炎|新冠病毒|新型冠状病毒肺炎)?疫情信息")
SUSPECTED_RE = re.compile(r"疑似(?:病例|患者)?")
# Words that say where cases came from: a bulletin using one states its origin.
ORIGIN_RE = re.compile(r"本土|本地|境外|输入")
# 其中境外输入3例, 均为境外输入, 境外输入病例2例: the imported part of an unqualified total.
IMPORTED_PART_RE = re.compile(
    rf"^(?:均为|均系|全部为|全部是|都是|为)?(?:来自[^,的]{{1,10}}的)?境外(?:\([^()]*\))?输入性?(?:的)?(?:病例|确诊病例)?(?:{COUNT})?$"
)
# 阳性感染者14例,均为无症状感染者: every case of the total is of one type.
ALL_OF_TYPE_RE = re.compile(rf"^(?:均为|均系|均是|全部为|全部是|全为)(?:本土)?(?P<noun>{NOUN})$")
# A clause that is only a count (其中7例): its kind follows after a bracket.
LONE_COUNT_RE = re.compile(rf"^{COUNT}$")
CONVERSION_RE = re.compile(r"转归|转为确诊|转确诊")

# A clause holding one of these is not about new cases: it and the rest of its
# run (up to the next top-level ";" or the sentence end) are skipped.
TRAP_RE = re.compile(
    r"累计|治愈|出院|病亡|重症|危重|重型|解除医学观察|解除隔离|解除集中隔离|截至|截止|现有|主要情况|以来|分布在|死亡|在院治疗|病例\d+[-—]"
    r"|已追踪|密切接触者\d+[人例]|新增密切接触者|的密切接触者|结果异常|已转至|转运至|转至定点"
)


def reversed_totals(text: str) -> list[re.Match]:
    """Counts written before their nouns after 新增/报告, with the pairs joined to the first by 和、及."""
    first = REVERSED_TOTAL_RE.search(text)
    if first is None:
        return []
    found = [first]
    while (pair := _REVERSED_NEXT_RE.match(text, found[-1].end())) is not None:
        found.append(pair)
    return found


def count_text(match: re.Match) -> str:
    """The digits of a total, whether or not 例 follows them."""
    groups = match.groupdict()
    return groups.get("count") or groups["bare"]


def type_of(noun: str) -> str:
    return _NOUNS[noun]


def to_int(text: str) -> int | None:
    """An Arabic or Chinese numeral as an int; None when it is not a number."""
    if text.isdigit():
        return int(text)
    return _chinese_numeral(text)


@lru_cache(maxsize=4096)  # the same few numerals (一是, 二是, 一例) come back on every page
def _chinese_numeral(text: str) -> int | None:
    import cn2an  # here: importing it takes a tenth of a second that commands which never parse would pay

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if float(value).is_integer() else None


def is_imported(prefix: str) -> bool:
    return "输入" in prefix
