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
}
NOUN = "|".join(sorted(_NOUNS, key=len, reverse=True))
NOUN_RE = re.compile(NOUN)
TOTAL_RE = re.compile(rf"(?P<noun>{NOUN})(?:共|合计)?{COUNT}")
# 新增1例本土无症状感染者: the count before the noun, only right after 新增.
_QUALIFIERS = r"(?:本土|本地|境外输入性?|输入性?)?(?:新冠病毒肺炎|新型冠状病毒肺炎|新冠肺炎|新冠病毒|新冠)?(?:本土|本地)?"
REVERSED_TOTAL_RE = re.compile(rf"新增{_QUALIFIERS}{COUNT}{_QUALIFIERS}(?P<noun>{NOUN})")
COUNT_THEN_NOUN_RE = re.compile(rf"{COUNT}(?P<noun>{NOUN})")

# 含 and 包括 lead in only before cases (含无症状感染者转确诊2例), not in names (含山县).
LEAD_IN_RE = re.compile(r"^(?:其中|此外|另外|另有|另|同时|以上|上述|(?:含|包括|包含)(?=无症状|确诊|阳性|初筛|本土|\d))[:,]?")
# "以上阳性感染者均为…": a lead-in naming the cases a whole sentence covers.
COVERING_RE = re.compile(rf"^(?:以上|上述)?(?:新增)?(?:本土)?(?P<noun>{NOUN})?(?:均为|均系|均是|均在|均)")
REMAINDER_RE = re.compile(r"^其余(?:病例|感染者)?(?:均)?")
CONVERSION_RE = re.compile(r"转归|转为确诊|转确诊")

# A clause holding one of these is not about new cases: it and the rest of its
# run (up to the next top-level ";" or the sentence end) are skipped.
TRAP_RE = re.compile(
    r"累计|治愈|出院|解除医学观察|解除隔离|解除集中隔离|截至|截止|现有|主要情况|以来|分布在|死亡|在院治疗|病例\d+[-—]"
)


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
