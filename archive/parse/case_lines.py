"""Per-case lines of a bulletin body: which cases live in which district, and where.

Shanghai lists its new local cases by number (病例1—病例924,居住于浦东新区;
病例1,男,51岁,居住于虹口区逸仙路288弄), Beijing by case (确诊病例3:现住丰台区方庄芳群园…;
无症状感染者4、5:现住大兴区黄村镇…). The grammar's ``case_line`` phrases give the case numbers;
what follows them — sex and age, up to two short asides, a residence word, the district and the
address — is read here from the same tokens. Turning lines into district counts or places is the
caller's business.

Not case lines: imported cases' paragraphs (病例1为中国籍,…抵达上海浦东国际机场), which name no
residence and give no sex and age after the number, and the details of discharged, dead or released
people (a sentence whose trap words stand before the case number).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from archive.parse import lexicon
from archive.parse.grammar import grammar
from archive.parse.lexer import AREA, NUMBER, TEXT, Token, kind_string, tokens

# A district as written when the gazetteer does not know it: the shortest name ending in 新区, 区 or 县.
_DISTRICT_SHAPE = re.compile(r"[\u4e00-\u9fff]{1,9}?(?:新区|区|县)")
_SUFFIXES = "区县市旗"  # a short form (闵行) followed by more (校区) is read by its shape: 闵行校区
_ADDRESS_ENDS = frozenset(",.;:|()")  # an address runs to the next clause mark or 、 (not 和: 协和路)
# A trap word (出院, 死亡 …) and the tokens after it in its sentence (kinds: up to its . or line break).
_TRAPPED = re.compile(r"T[^.|]*[.|]?")
_MAX_RANGE = 1_000_000
# The patterns that decide where case numbers stand: the case lines, and what may take their tokens first
# (a trap's 出院病例1…, a total's bare count 确诊病例788和…, a noun qualified before it).
_CASE_LINE_PATTERNS = ("zero_before", "trap", "count_trap", "totals_count_first", "totals_noun_first", "totals_carried", "case_line", "noun_mention")  # a lone range bigger than this is a misreading (two numbers glued by a broken line)
_MAX_ASIDE = 24  # characters of an aside


@dataclass(frozen=True)
class CaseLine:
    case_type: str  # confirmed | asymptomatic | positive
    district: str | None  # as written; None when the line names no residence (外省市来沪就医人员)
    cases: int
    address: str | None  # what follows the district (逸仙路288弄); None when only the district is given
    span_start: int
    span_end: int


# Where a page may hold case lines at all: a case noun with a number that is no count (病例1, not
# 确诊病例5例), or 该病例. Pages without one
# (a district post's address lists) are never lexed for them.
_NOUNS = lexicon.alternation(lexicon.words("noun"))
CASE_NUMBER = re.compile(
    f"(?={lexicon.first_characters(lexicon.words('noun') + lexicon.words('this'))})"
    f"(?:(?:{_NOUNS})\\d+(?![\\d例])|(?:{lexicon.alternation(lexicon.words('this'))})(?:{_NOUNS}))"
)


class PageCaseLines:
    """The case lines of a whole page, read once; each bulletin takes those in its part of the page."""

    def __init__(self, text: str):
        self.lines = []
        start = 0
        for match in CASE_NUMBER.finditer(text):  # only the paragraphs that hold a case number are lexed
            if match.start() < start:
                continue
            paragraph_start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            start = len(text) if end == -1 else end
            self.lines += case_lines(text, paragraph_start, start)
        self._starts = [line.span_start for line in self.lines]

    def within(self, start: int, end: int) -> list[CaseLine]:
        return self.lines[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def case_lines(text: str, start: int = 0, end: int | None = None) -> list[CaseLine]:
    """Case mentions in text[start:end] that tie new cases to a residence (or state them with sex and age)."""
    found = list(tokens(text, start, len(text) if end is None else end))
    kinds = kind_string(found)
    reader = _LineReader(text, found, kinds)
    lines = []
    for phrase in grammar(*_CASE_LINE_PATTERNS).phrases(found, kinds):
        if phrase.yields == "case_line":
            line = reader.line(phrase.first, phrase.first + len(phrase.tokens))
            if line is not None:
                lines.append(line)
    return lines


class _LineReader:
    def __init__(self, text: str, found: list[Token], kinds: str):
        self.text = text
        self.found = found
        trapped = [match.span() for match in _TRAPPED.finditer(kinds)]
        self._trapped_starts = [start for start, _ in trapped]
        self._trapped_ends = [end for _, end in trapped]
        self.sexes = frozenset(lexicon.words("detail", "sex"))
        self.ages = lexicon.words("detail", "age")

    def line(self, first: int, after: int) -> CaseLine | None:
        found = self.found
        if self._after_trap(first):  # 出院病例1… / 死亡: the line is no new case's
            return None
        numbers = found[first:after]
        case_type = next(t.value for t in numbers if t.kind == "N")
        cases = _count(numbers)
        if cases is None:
            return None
        position, detail = self._details(after)
        residence = self._residence(position)
        if residence is None:
            if not detail:
                return None  # 病例1为中国籍…: an imported case's paragraph, or a bare mention
            return CaseLine(case_type, None, cases, None, numbers[0].start, found[position - 1].end)
        district, district_end, index = residence
        address_end = self._address_end(index)
        address = self.text[district_end:address_end].strip() or None
        return CaseLine(case_type, district, cases, address, numbers[0].start, max(district_end, address_end))

    def _after_trap(self, index: int) -> bool:
        """Whether a trap word stands before the token at ``index`` in its sentence."""
        stretch = bisect_right(self._trapped_starts, index - 1) - 1
        return stretch >= 0 and index < self._trapped_ends[stretch]

    def _details(self, position: int) -> tuple[int, bool]:
        """Sex and age after the numbers (,男,51岁; ,女,3月龄): the index after them, and whether any."""
        found, detail = self.found, False
        while position + 1 < len(found) and found[position].kind in ",:":
            item = found[position + 1]
            words = self.text[item.start : item.end]
            if item.kind == TEXT and words in self.sexes:
                position += 2
            elif item.kind == NUMBER and position + 2 < len(found) and self._is_age(found[position + 2]):
                position += 3
            else:
                break
            detail = True
        return position, detail

    def _is_age(self, token: Token) -> bool:
        return token.kind == TEXT and self.text.startswith(self.ages, token.start)

    def _residence(self, position: int) -> tuple[str, int, int] | None:
        """(district as written, where it ends, index of its token) after up to two short asides."""
        found = self.found
        for _ in range(3):
            index = position + (position < len(found) and found[position].kind in ",:")
            if index < len(found) and found[index].kind == "A":  # 均居住于
                index += 1
            if index + 1 < len(found) and found[index].kind == "U":
                index += 1 + (found[index + 1].kind == "," and index + 2 < len(found))  # 居住于,嘉定区
                return self._district(found[index], index)
            position = self._aside_end(position)
            if position is None:
                return None
        return None

    def _aside_end(self, position: int) -> int | None:
        """An aside (,系浦东机场安检工作人员; :普通型) that does not start the next case: the index after it."""
        found = self.found
        if position >= len(found) or found[position].kind not in ",:":
            return None
        index = position + 1
        while index < len(found) and found[index].kind not in ",:.;|":
            if found[index].kind == "N" and index + 1 < len(found) and found[index + 1].kind == NUMBER:
                return None  # the next case
            index += 1
        if index == position + 1 or found[index - 1].end - found[position].end > _MAX_ASIDE:
            return None
        return index

    def _district(self, token: Token, index: int) -> tuple[str, int, int] | None:
        if token.kind == AREA and self.text[token.end - 1] in _SUFFIXES:
            return self.text[token.start : token.end], token.end, index
        if token.kind not in (AREA, TEXT):
            return None
        shaped = _DISTRICT_SHAPE.match(self.text, token.start)
        if shaped is None:
            return None
        return shaped.group(), shaped.end(), index

    def _address_end(self, index: int) -> int:
        """Where the address after the district ends: the next clause mark, or the next case."""
        found = self.found
        end = found[index].end
        for position in range(index + 1, len(found)):
            token = found[position]
            if token.kind in _ADDRESS_ENDS or token.kind == "&" and self.text[token.start] == "、":
                break
            if token.kind == "N" and position + 1 < len(found) and found[position + 1].kind == NUMBER:
                break
            end = token.end
        return end


def _count(numbers: list[Token]) -> int | None:
    """How many cases a number list names: 1 for none (该病例), ranges inclusive."""
    total, first, ranged = 0, None, False
    for token in numbers:
        if token.kind == "-":
            ranged = True
        elif token.kind == NUMBER:
            if not isinstance(token.value, int):
                return None
            if ranged and first is not None:
                size = token.value - first + 1
                if not 0 < size <= _MAX_RANGE:
                    return None
                total += size - 1  # its first number is counted already
                first, ranged = None, False
            else:
                total, first = total + 1, token.value
    return total or 1
