"""Per-case lines of a bulletin body: which cases live in which district, and where.

Shanghai lists its new local cases by number (病例1—病例924,居住于浦东新区;
病例1,男,51岁,居住于虹口区逸仙路288弄), Beijing by case (确诊病例3:现住丰台区方庄芳群园…;
无症状感染者4、5:现住大兴区黄村镇…). ``case_lines`` reads those mentions from
normalized text into plain records; turning them into district counts or places is
the caller's business.

Not case lines: imported cases' paragraphs (病例1为中国籍,…抵达上海浦东国际机场), which
name no residence and give no sex and age right after the number, and the case
details of discharged, dead or released people (a sentence that speaks of 出院 before
the case number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NOUN_TYPES = {"确诊病例": "confirmed", "病例": "confirmed", "无症状感染者": "asymptomatic", "阳性感染者": "positive", "感染者": "positive"}
# 疑似病例1, 出院病例1 and the like are not new cases; 感染者 inside 无症状感染者 is not a second noun.
_NOUN = r"(?<!疑似)(?<!出院)(?<!死亡)(?<!重症)(?<!症状)(?<!阳性)(?:本土)?(?P<noun>确诊病例|病例|无症状感染者|阳性感染者|感染者)"
# One number, or a range (病例1—病例924, 确诊病例1-3), or a list (无症状感染者4、5; 病例3589、病例3590).
_RANGE_DASH = r"[—–\-~～至]"
_MEMBER = rf"\d+(?:{_RANGE_DASH}(?:确诊病例|病例|无症状感染者|阳性感染者|感染者)?\d+)?"
_NUMBERS = rf"(?P<numbers>{_MEMBER}(?:[、,和及](?:确诊病例|病例|无症状感染者|阳性感染者|感染者)?{_MEMBER})*)"
# Sex and age (,男,51岁; ,男,3月龄) may stand between the numbers and the residence, and after
# them up to two short clauses (,系浦东机场安检工作人员) that do not start the next case.
_NEXT_CASE = r"(?:确诊病例|病例|无症状感染者|感染者)\d"
_DETAIL = r"(?P<detail>(?:[,:] ?(?:[男女]性?|\d+(?:岁|个月|月龄)))+)?"
_ASIDE = rf"(?:(?<=岁|龄|[男女]|\d)(?:[,:](?!{_NEXT_CASE})[^,。;:\n]{{1,24}}?(?=[,:])){{1,2}})?"
_RESIDES = r"[,:]?(?:均)?(?:现住址为|现住址|现住|现居住于|居住于|居住地为|住址为|家住|住在|住),?"
# A district as written: the shortest name ending in 新区, 区 or 县 (浦东新区, 丰台区, 崇明县).
_DISTRICT = r"(?!于)(?P<district>[\u4e00-\u9fff]{1,9}?(?:新区|区|县))"
# The address runs to the next clause mark, or to the next case when a comma is missing (…后街病例47,).
_ADDRESS = rf"(?P<address>(?:(?!{_NEXT_CASE})[^,。;:、\n])*)"
_CASE_LINE_RE = re.compile(rf"{_NOUN}{_NUMBERS}{_DETAIL}(?:{_ASIDE}{_RESIDES}{_DISTRICT}{_ADDRESS})?")
# 该病例,男,18岁,居住于闵行区东川路800号 (or 该病例,女,56岁,本市户籍): one case named without a number.
_THIS_CASE_RE = re.compile(rf"该(?P<noun>确诊病例|病例|无症状感染者|阳性感染者|感染者){_DETAIL}(?:{_ASIDE}{_RESIDES}{_DISTRICT}{_ADDRESS})?")
_MEMBER_RE = re.compile(rf"(\d+)(?:{_RANGE_DASH}\D*?(\d+))?")
# Words that make a line about people other than new cases.
_NOT_NEW_RE = re.compile(r"出院|治愈|死亡|解除")
# A lone range bigger than this is a misreading (two numbers glued by a broken line).
_MAX_RANGE = 1_000_000


@dataclass(frozen=True)
class CaseLine:
    case_type: str  # confirmed | asymptomatic | positive
    district: str | None  # as written; None when the line names no residence (外省市来沪就医人员)
    cases: int
    address: str | None  # what follows the district (逸仙路288弄); None when only the district is given
    span_start: int
    span_end: int


def case_lines(text: str, start: int = 0, end: int | None = None) -> list[CaseLine]:
    """Case mentions in text[start:end] that tie new cases to a residence (or state them with sex and age)."""
    end = len(text) if end is None else end
    found: list[CaseLine] = []
    for pattern in (_CASE_LINE_RE, _THIS_CASE_RE):
        for match in pattern.finditer(text, start, end):
            line = _case_line(text, match)
            if line is not None:
                found.append(line)
    return sorted(found, key=lambda line: line.span_start)


def _case_line(text: str, match: re.Match) -> CaseLine | None:
    district = match.group("district")
    if district is None and not match.group("detail"):
        return None  # 病例1为中国籍…: an imported case's paragraph, or a bare mention
    if _NOT_NEW_RE.search(text, _sentence_start(text, match.start()), match.start()):
        return None
    cases = _count(match.groupdict().get("numbers"))
    if cases is None:
        return None
    address = (match.group("address") or "").strip() if district else ""
    return CaseLine(
        case_type=_NOUN_TYPES[match.group("noun")],
        district=district,
        cases=cases,
        address=address or None,
        span_start=match.start(),
        span_end=match.end(),
    )


def _count(numbers: str | None) -> int | None:
    """How many cases a number list names: 1 for none (该病例), ranges inclusive."""
    if numbers is None:
        return 1
    total = 0
    for member in _MEMBER_RE.finditer(numbers):
        first, last = int(member.group(1)), member.group(2)
        if last is None:
            total += 1
            continue
        size = int(last) - first + 1
        if not 0 < size <= _MAX_RANGE:
            return None
        total += size
    return total


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind("\n", 0, position), text.rfind("。", 0, position)) + 1
