"""Figures of one bulletin: totals, areas and channels, clause by clause.

The body is read as a sequence of clauses with a small context: the case types
the current clause speaks of (set by the last total or case noun, reset to the
bulletin's first type at each sentence) and the city group a province bulletin
is listing (哈尔滨市5例,其中道里区2例…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.parse import figures as fg
from archive.parse.channels import channel_key, names_a_channel
from archive.parse.clauses import Clause, Sentence, clauses
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.model import ChannelCount, DistrictCount, Problem, Report
from archive.parse.validate import LOCAL_AND_IMPORTED, take_imported_out

_TOTAL_FIELDS = {
    ("confirmed", False): "local_confirmed",
    ("asymptomatic", False): "local_asymptomatic",
    ("positive", False): "local_positive",
    ("initial_positive", False): "initial_positive",
    ("confirmed", True): "imported_confirmed",
    ("asymptomatic", True): "imported_asymptomatic",
}
# 合肥、阜阳各1例: one count shared by the areas listed before it.
_SHARED_COUNT_RE = re.compile(rf"^(?P<last>.*?)各(?P<shared>{fg.COUNT})$")
# 哈尔滨市道外区: a city then one of its areas, the whole clause.
_WHOLE_AREA_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:市|州|盟|地区)[\u4e00-\u9fff]{1,8}(?:区|县|市|旗)$")
_ALL_OF_THEM_RE = re.compile(r"^(?:均系|均为|系|为)")
_PLACE_RE = re.compile(r"(?:均)?(?:在|位于|为)(?P<name>.+?)(?:病例|患者|报告)?$")
_AREA_SUFFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:开发区|新区|区|县|市|旗)$")
_MAX_IDLE_SENTENCES = 2
_BARE_COUNT_END_RE = re.compile(rf"(?:{fg.NOUN})\d+$")
_NEW_SENTENCE_AFTER_TRAP_RE = re.compile(r"^(?:此外|另外|另)?[,:]?新增")
_COPULA_RE = re.compile(rf"(?:{fg.NOUN})?(?:均为|均系|均是|为|系|是)")


@dataclass
class _CityGroup:
    city: Area
    count: int | None
    case_types: tuple[str, ...]
    clause: Clause
    children: int = 0


@dataclass
class _Remainder:
    case_types: tuple[str, ...]
    label: str
    clause: Clause


class BodyReader:
    def __init__(self, report: Report, scope: Area | None):
        self.report = report
        self.scope = scope
        self.gaz = gazetteer()
        self.lead_types: tuple[str, ...] = ()
        self._lead_totals: list[tuple[str, int]] = []  # local totals the lead sentence states
        self.context: tuple[str, ...] = ()
        self.group: _CityGroup | None = None
        self.remainders: list[_Remainder] = []
        self._districts: dict[tuple[str, str, str], DistrictCount] = {}
        self._channels: dict[tuple[str, str], ChannelCount] = {}
        # Origin (early 2020): local totals written without 本土/境外, and whether any total states one.
        self._unqualified: dict[str, tuple[int, Clause]] = {}
        self._origin_stated = False
        self._sentence_imported = False  # the last total of the current sentence was of imported cases
        self._after_total = False  # the previous clause of this run stated a total (确诊病例151例、无症状…)
        self._total_here = False  # the clause being read states one
        self._area_of_totals: Area | None = None  # the area a breakdown's per-type counts belong to
        self._pending_count: int | None = None  # 其中7例(…)是由…转为确诊病例: a count its clause names later

    # --- the sentence loop -------------------------------------------------
    def read(self, body: list[Sentence]) -> int:
        """Read sentences while they contribute figures; returns the body's end offset."""
        end = body[0].end
        after_trap = False
        idle = 0  # sentences in a row that neither gave a figure nor held one
        for index, sentence in enumerate(body):
            if index and after_trap and not _NEW_SENTENCE_AFTER_TRAP_RE.match(sentence.text):
                # After figures that are no new cases, only a new statement (新增…) or
                # a sentence without any count (全区现无本地疑似病例) belongs to the bulletin.
                idle += 1
                if fg.COUNT_RE.search(sentence.text) or idle > _MAX_IDLE_SENTENCES:
                    break
                continue
            contributed, trapped = self._read_sentence(sentence)
            if index == 0:
                self.lead_types = _lead_types(self._lead_totals)
            if contributed:
                end = sentence.end
                after_trap = False
                idle = 0
            elif trapped:
                after_trap = True
            elif index:
                # A sentence without any count (全区现无本地疑似病例) does not end the bulletin;
                # one with a count the reader does not take, or a run of them, does.
                idle += 1
                if fg.COUNT_RE.search(sentence.text) or idle > _MAX_IDLE_SENTENCES:
                    break
        self._close_group()
        self._settle_origin()
        self.report.districts = list(self._districts.values())
        self.report.channels = list(self._channels.values())
        return end

    def _settle_origin(self) -> None:
        """Early 2020: counts without 本土/境外 are local unless the bulletin names imported ones among them."""
        if not self._unqualified or self._origin_stated:
            return
        imported_named = False
        for case_type, (count, clause) in self._unqualified.items():
            if case_type not in LOCAL_AND_IMPORTED or getattr(self.report, LOCAL_AND_IMPORTED[case_type][1]) is None:
                continue
            imported_named = True
            derived = take_imported_out(self.report, case_type, count, (clause.start, clause.end))
            if derived is not None:
                self.report.problems.append(derived)
        if not imported_named:
            first_clause = next(iter(self._unqualified.values()))[1]
            self._problem(
                "origin_not_stated",
                "the bulletin does not say whether its new cases are local or imported: counted as local",
                first_clause,
            )

    def _read_sentence(self, sentence: Sentence) -> tuple[bool, bool]:
        self.context = self.lead_types
        self._sentence_imported = False
        self._after_total = False
        self._pending_count = None
        self._close_group()
        contributed = trapped = False
        skipping = False
        for clause in _shared_counts(_counts_before_brackets(sentence, clauses(sentence))):
            if skipping:
                skipping = not clause.closes_run
                continue
            if fg.TRAP_RE.search(clause.text):
                trapped = True
                skipping = not clause.closes_run
                continue
            if clause.depth == 0 and self.group is not None and self.group.clause.depth > 0:
                self._close_group()
            self._total_here = False
            contributed |= self._read_clause(clause)
            self._after_total = self._total_here
            if clause.closes_run:
                self._after_total = False
                self._pending_count = None
                self._area_of_totals = None
        return contributed, trapped

    # --- one clause -------------------------------------------------------
    def _read_clause(self, clause: Clause) -> bool:
        return self._read_text(_without_lead_in(clause.text), clause)

    def _read_text(self, text: str, clause: Clause) -> bool:
        if not text:
            return False
        zero = fg.ZERO_RE.search(text)
        if zero:
            # 无新增本地确诊病例新增境外输入确诊病例1例 (spaces of a headline gone): two statements.
            then = text.find("新增", zero.end())
            if then == -1:
                return self._zero_totals(text, clause)
            stated = self._zero_totals(text[:then], clause)
            return self._read_text(text[then:], clause) or stated
        if fg.SUSPECTED_RE.search(text) and not fg.NOUN_RE.search(fg.SUSPECTED_RE.sub("", text)):
            return False  # 新增疑似病例5例: not a case figure, and it ends nothing
        imported_part = fg.IMPORTED_PART_RE.match(text)
        if imported_part:
            return self._imported_part(imported_part, clause)
        all_of = fg.ALL_OF_TYPE_RE.match(text)
        if all_of and len(self.context) == 1:
            total = self.report.total_of(self.context[0])
            case_type = fg.type_of(all_of.group("noun"))
            if total is not None and case_type != self.context[0]:
                self._set_total(case_type, self._sentence_imported, total)
                self.context = (case_type,) if not self._sentence_imported else ()
                return True
        lone = fg.LONE_COUNT_RE.match(text)
        if lone and clause.depth == 0 and self._lead_totals:
            # 其中7例(望奎县5例、呼兰区2例)是由无症状感染者转为确诊病例: the count, then its kind.
            self._pending_count = self._count(lone, clause)
            return True
        if clause.depth > 0 and self._pending_count is not None:
            return True  # the areas of a part already counted by area: the same cases again
        if fg.CONVERSION_RE.search(text):
            return self._conversion(text, clause)
        totals = list(fg.TOTAL_RE.finditer(text)) or fg.reversed_totals(text)
        if totals:
            return self._totals(text, totals, clause)
        if self._channel(text, clause):
            return True
        if self._areas(text, clause):
            return True
        if fg.COUNT_RE.search(text):
            self._problem("unrecognized_figure", f"a figure the parser does not understand: {clause.text}", clause)
        return False

    def _zero_totals(self, text: str, clause: Clause) -> bool:
        if fg.NO_NEWS_RE.search(text):  # 无新增新冠肺炎疫情信息报告: nothing new of any kind
            for case_type in ("confirmed", "asymptomatic"):
                for imported in (False, True):
                    self._set_total(case_type, imported, 0)
            self._origin_stated = True
            return True
        named = fg.SUSPECTED_RE.sub("", text)  # 无新增疑似病例和无症状感染者: the suspected are no case type
        types = tuple(dict.fromkeys(fg.type_of(noun.group()) for noun in fg.NOUN_RE.finditer(named)))
        # 新增境外输入确诊病例2例,无新增疑似病例和无症状感染者: still about the imported cases.
        imported = fg.is_imported(text) or (self._sentence_imported and "本土" not in text and "本地" not in text)
        for case_type in types:
            self._set_total(case_type, imported, 0)
        if types and (imported or fg.ORIGIN_RE.search(text)):
            self._origin_stated = True
        elif types:
            for case_type in types:
                self._unqualified.setdefault(case_type, (0, clause))
        return bool(types)

    def _imported_part(self, match: re.Match, clause: Clause) -> bool:
        """其中境外输入3例 / 均为境外输入: how many of an unqualified total were imported."""
        self._origin_stated = False  # the local share is what remains: _settle_origin derives it
        types = self.context or tuple(self._unqualified)
        for case_type in types:
            if case_type not in self._unqualified:
                continue
            count = fg.to_int(match.group("count")) if match.group("count") else self._unqualified[case_type][0]
            if case_type in LOCAL_AND_IMPORTED and count is not None:
                setattr(self.report, LOCAL_AND_IMPORTED[case_type][1], count)
        return True

    def _totals(self, text: str, totals: list[re.Match], clause: Clause) -> bool:
        types = []
        prefix_start = 0
        imported = False
        for match in totals:
            count = self._count(match, clause)
            # 境外输入确诊病例4例和无症状感染者2例: the qualifier carries over until 本土 is named.
            prefix = text[prefix_start : match.start("noun")]
            imported = fg.is_imported(prefix) or (imported and "本土" not in prefix)
            prefix_start = match.end()
            if count is None:
                continue
            case_type = fg.type_of(match.group("noun"))
            if not imported and self._area_total(prefix, case_type, count, clause):
                continue
            self._set_total(case_type, imported, count)
            self._sentence_imported = imported
            if imported or fg.ORIGIN_RE.search(prefix) or fg.ORIGIN_RE.search(clause.text):
                self._origin_stated = True
            elif case_type not in self._unqualified and getattr(self.report, _TOTAL_FIELDS[(case_type, False)]) == count:
                self._unqualified[case_type] = (count, clause)
            if not imported:
                types.append(case_type)
        # Only imported cases named: what follows describes them, and rows describe local cases.
        # Totals in a row (其中确诊病例151例、无症状感染者347例) are one context: both types.
        parallel = self._after_total and not fg.LEAD_IN_RE.match(clause.text)
        self.context = tuple(dict.fromkeys(self.context + tuple(types))) if parallel and types else tuple(types)
        self._total_here = True
        self._close_group()
        return True

    def _area_total(self, prefix: str, case_type: str, count: int, clause: Clause) -> bool:
        """其中,哈尔滨市确诊病例5例、无症状感染者98例;大庆市…: a type's count in one area of the breakdown."""
        if getattr(self.report, _TOTAL_FIELDS[(case_type, False)]) is None or not self.report.region_level == "province":
            return False
        named = fg.QUALIFIERS_RE.sub("", prefix)
        if named:
            hit = self.gaz.area_at_end(named, self.scope)
            if hit is None or hit[1] != len(named):
                return False
            self._area_of_totals = hit[0]
        elif self._area_of_totals is None:
            return False
        area = self._area_of_totals
        self._add_district(case_type, self.gaz.city_of(area), area, count)
        return True

    def _set_total(self, case_type: str, imported: bool, count: int) -> None:
        name = _TOTAL_FIELDS.get((case_type, imported))
        if name is None:  # imported positives or initial positives: no column for them
            return
        if getattr(self.report, name) is None:
            setattr(self.report, name, count)
        if not imported and not self.lead_types:
            self._lead_totals.append((case_type, count))

    def _conversion(self, text: str, clause: Clause) -> bool:
        match = fg.COUNT_RE.search(text)
        if match is None and self._pending_count is None:
            # 新增本土确诊病例1例,…,系无症状感染者转为确诊病例: the clause speaks of all of them.
            if _ALL_OF_THEM_RE.match(text) and self.report.local_confirmed:
                self._pending_count = self.report.local_confirmed
            else:
                return False
        count = self._count(match, clause) if match else self._take_pending()
        if count is None:
            return False
        if count == self.report.converted:
            # 41例(含2例由无症状感染者转为确诊病例)…其中2例…转归: one conversion, stated twice; the
            # sentence's own breakdown (其中…) names it, rather than the aside to the total.
            if clause.depth == 0:
                self._relabel_conversion(_clean_label(text))
            return True
        label = _clean_label(text)
        self.report.converted = (self.report.converted or 0) + count
        self._add_channel("confirmed", label, count)
        return True

    def _take_pending(self) -> int | None:
        count, self._pending_count = self._pending_count, None
        return count

    def _relabel_conversion(self, label: str) -> None:
        for key, row in list(self._channels.items()):
            if row.channel == "converted" and row.case_type == "confirmed" and row.label != label:
                del self._channels[key]
                self._add_channel("confirmed", label, row.count)

    def _channel(self, text: str, clause: Clause) -> bool:
        remainder = fg.REMAINDER_RE.match(text)
        if remainder:
            label = _clean_label(text[remainder.end() :])
            if not names_a_channel(label):
                return False
            # In the lead sentence 其余 is the rest of every type the lead counts
            # (新增确诊病例11例和无症状感染者64例,3例无症状感染者在…中发现,其余在…).
            in_lead = not self.lead_types and self._lead_totals
            types = tuple(dict.fromkeys(t for t, _ in self._lead_totals if t != "positive")) if in_lead else self.context
            self.remainders.append(_Remainder(types or self.context, label, clause))
            return True
        if fg.COUNT_THEN_NOUN_RE.match(text):
            pairs = list(fg.COUNT_THEN_NOUN_RE.finditer(text))
            label = _clean_label(text[pairs[-1].end() :])
            if not names_a_channel(label):
                return False
            types = []
            for pair in pairs:
                count = self._count(pair, clause)
                case_type = fg.type_of(pair.group("noun"))
                types.append(case_type)
                if count is not None:
                    self._add_channel(case_type, label, count)
            self.context = tuple(types)
            return True
        covering = fg.COVERING_RE.match(text)
        if covering and covering.group("noun"):
            self.context = (fg.type_of(covering.group("noun")),)
        counts = list(fg.COUNT_RE.finditer(text))
        if len(counts) > 1:
            return False
        label = _clean_label(text)
        if not label or not names_a_channel(label) or self._names_area(label):
            return False
        if fg.is_imported(text):
            return True  # how imported cases were found: channel rows describe local cases only
        if not counts and self._pending_count is not None:
            count = self._take_pending()
            case_type = self.context[0] if len(self.context) == 1 else "positive"
            self._add_channel(case_type, label, count)
            self.report.partial.add(("channels", case_type))
            return True
        if not counts and self.group is not None and self.group.count is not None and label.endswith("发现"):
            # (哈尔滨市6例,…,均为隔离管控人员中发现;大庆市3例…): that city's cases only.
            case_type = self.group.case_types[0] if len(self.group.case_types) == 1 else "positive"
            self._add_channel(case_type, label, self.group.count)
            self.report.partial.add(("channels", case_type))
            return True
        if counts:
            count = self._count(counts[0], clause)
            if count is None or not self.context:  # not countable, or about imported cases
                return True
            case_type = self.context[0] if len(self.context) == 1 else "positive"
            self._add_channel(case_type, label, count)
            return True
        if not label.endswith("发现"):
            return False
        for case_type in self.context:
            total = self.report.total_of(case_type)
            if total is None:
                self._problem("uncounted_channel", f"{label}: no stated total to count it against", clause)
            else:
                self._add_channel(case_type, label, total)
        return True

    def _names_area(self, label: str) -> bool:
        return self.gaz.area_at_end(label, self.scope) is not None

    def _areas(self, text: str, clause: Clause) -> bool:
        nouns = list(fg.NOUN_RE.finditer(text))
        if nouns:
            types = tuple(dict.fromkeys(fg.type_of(n.group()) for n in nouns))
            self.context = types
            text = text[nouns[-1].end() :]
        found = False
        position = 0
        for match in fg.COUNT_RE.finditer(text):
            prefix = text[position : match.start()]
            position = match.end()
            count = self._count(match, clause)
            if count is not None and prefix:
                found |= self._area(prefix, count, clause)
        if position == 0:
            place = _PLACE_RE.match(text)
            if place:
                found |= self._area(place.group("name"), None, clause)
            elif clause.depth > 0 and not nouns and self._names_only_an_area(text):
                # 新增确诊病例1例(四平市): the bracket ties the count before it to one area.
                found |= self._area(text, None, clause)
        return found or bool(nouns and not text)

    def _in_named_city(self, name: str) -> tuple[Area, int] | None:
        """An area of the city named nearest before it: in the name (佳木斯市向阳区), else the open group."""
        for city in self._cities_named_in(name):
            rest = name[name.rindex(city.name) + len(city.name) :] if city.name in name else ""
            hit = self.gaz.area_at_end(rest, city) if rest else None
            if hit is not None:
                return hit
        if self.group is not None and isinstance(self.group.city, Area) and self.group.city.level == "city":
            hit = self.gaz.area_at_end(name, self.group.city)
            if hit is not None and hit[0] is not self.group.city:
                return hit
        return None

    def _cities_named_in(self, name: str) -> list[Area]:
        found = []
        for match in self.gaz.region_name_re.finditer(name):
            area = self.gaz.region(match.group())
            if area is not None and area.level == "city" and match.end() < len(name):
                found.append(area)
        return found[::-1]

    def _names_only_an_area(self, text: str) -> bool:
        hit = self.gaz.area_at_end(text, self.scope) or self.gaz.region_at_end(text)
        return hit is not None and hit[1] == len(text) or bool(_WHOLE_AREA_RE.match(text) and self.gaz.area_at_end(text, None))

    def _area(self, name: str, count: int | None, clause: Clause) -> bool:
        hit = self._in_named_city(name)
        if hit is None:
            hit = self.gaz.area_at_end(name, self.scope)
        if hit is None and self.scope is not None and self.scope.level != "province":
            hit = self.gaz.area_at_end(name, self.gaz.province_of(self.scope))
        if hit is None:  # a city written without 市 (长沙3例), inside the report's province
            short = self.gaz.region_at_end(name)
            if short is not None and self.gaz.within(short[0], self.scope and self.gaz.province_of(self.scope)):
                hit = short
        if hit is None:
            written = _AREA_SUFFIX_RE.search(name)
            if written is None:
                return False
            self._problem("unknown_area", f"{written.group()} is not a known area of {self._scope_name()}", clause)
            city = self.group.city if self.group else self._report_city()
            self._add_district_counts(city, written.group(), count, clause)
            return True
        area, _ = hit
        if area.is_region and (self.report.region_level == "province" or area.level == "province"):
            self._close_group()
            if count is None:
                count = self._single_total()
            self.group = _CityGroup(area, count, self.context, clause)
            return True
        city = self.gaz.city_of(area)
        if area.level == "city" and self.report.region_level != "province":
            city = area
        self._add_district_counts(city, area, count, clause)
        return True

    def _add_district_counts(self, city: _Place, district: _Place, count: int | None, clause: Clause) -> None:
        group = self.group if self.group is not None and self.group.city == city else None
        if group is not None:
            group.children += 1
            if count is None and group.children == 1:
                count = group.count
        types = group.case_types if group is not None else self.context
        if not types:  # the clause speaks of imported cases only
            return
        if count is not None:
            case_type = types[0] if len(types) == 1 else "positive"
            self._add_district(case_type, city, district, count)
            return
        for case_type in types:
            total = self.report.total_of(case_type)
            if total is None:
                self._problem("uncounted_area", f"{_name(district)}: no stated total to count it against", clause)
            else:
                self._add_district(case_type, city, district, total)

    def _close_group(self) -> None:
        group, self.group = self.group, None
        if group is not None and group.children == 0 and group.count is not None and group.case_types:
            case_type = group.case_types[0] if len(group.case_types) == 1 else "positive"
            self._add_district(case_type, group.city, group.city, group.count)

    # --- helpers -----------------------------------------------------------
    def _single_total(self) -> int | None:
        if len(self.context) != 1:
            return None
        return self.report.total_of(self.context[0])

    def _report_city(self) -> _Place:
        if self.scope is None:
            return self.report.region
        return self.gaz.city_of(self.scope)

    def _scope_name(self) -> str:
        return self.scope.name if self.scope is not None else self.report.region

    def _count(self, match: re.Match, clause: Clause) -> int | None:
        value = fg.to_int(fg.count_text(match))
        if value is None or value > fg.MAX_COUNT:
            self._problem(
                "implausible_count",
                f"{match.group(0)} is not a plausible count (over {fg.MAX_COUNT:,} or not a number): not stored",
                clause,
            )
            return None
        return value

    def _add_district(self, case_type: str, city: _Place, district: _Place, count: int) -> None:
        if count == 0:  # 其他16个市州均为0例: an area without new cases is no row
            return
        key = (case_type, _name(city), _name(district))
        if key in self._districts:
            self._districts[key].count += count
        else:
            self._districts[key] = DistrictCount(
                case_type, _name(city), _name(district), count, city_code=_code(city), district_code=_code(district)
            )

    def _add_channel(self, case_type: str, label: str, count: int) -> None:
        key = (case_type, label)
        if key in self._channels:
            self._channels[key].count += count
        else:
            self._channels[key] = ChannelCount(case_type, channel_key(label), label, count)

    def _problem(self, code: str, message: str, clause: Clause) -> None:
        self.report.problems.append(Problem(code, message, clause.start, clause.end))


def _counts_before_brackets(sentence: Sentence, parts: list[Clause]) -> list[Clause]:
    """确诊病例1292(含…858例)和…: a count whose 例 the bracket displaced reads as N例."""
    out = []
    for clause in parts:
        after = clause.end - sentence.start
        if _BARE_COUNT_END_RE.search(clause.text) and sentence.text[after : after + 1] == "(":
            clause = Clause(clause.text + "例", clause.start, clause.end, clause.depth, clause.closes_run)
        out.append(clause)
    return out


def _shared_counts(parts: list[Clause]) -> list[Clause]:
    """A、B各1例 read as A1例、B1例: each area before 各 takes the count."""
    out = list(parts)
    for index, clause in enumerate(parts):
        shared = _SHARED_COUNT_RE.match(clause.text)
        if shared is None:
            continue
        count = shared.group("shared")
        out[index] = Clause(shared.group("last") + count, clause.start, clause.end, clause.depth, clause.closes_run)
        back = index - 1
        while back >= 0 and not parts[back].closes_run and not fg.COUNT_RE.search(parts[back].text):
            earlier = parts[back]
            out[back] = Clause(earlier.text + count, earlier.start, earlier.end, earlier.depth, earlier.closes_run)
            back -= 1
    return out


def _lead_types(totals: list[tuple[str, int]]) -> tuple[str, ...]:
    """The case type that sentences after the lead speak of unless they name one.

    A stated positive total, or several types with cases, means all positives
    (新增本土确诊病例1例、无症状感染者2例。南岗区3例。); a lone type means that type.
    """
    with_cases = [case_type for case_type, count in totals if count]
    if not totals:
        return ()
    counts = dict(totals)
    typed = {case_type for case_type in with_cases if case_type != "positive"}
    if "positive" in with_cases and len(typed) == 1 and counts[next(iter(typed))] == counts["positive"]:
        # 阳性感染者14例,均为无症状感染者: the positives are all of one type.
        return tuple(typed)
    if "positive" in with_cases or len(set(with_cases)) > 1:
        return ("positive",)
    return (with_cases or [totals[0][0]])[:1]


# An area known to the gazetteer, or a name as written when it is not.
_Place = Area | str


def _name(place: _Place) -> str:
    return place if isinstance(place, str) else place.name


def _code(place: _Place) -> str | None:
    return None if isinstance(place, str) else place.code


def _clean_label(text: str) -> str:
    """The method phrase as written, without counts, case nouns or lead-ins."""
    text = _without_lead_in(text)
    covering = fg.COVERING_RE.match(text)
    if covering and covering.end() > 0:
        text = text[covering.end() :]
    pair = fg.COUNT_THEN_NOUN_RE.match(text)
    if pair:
        text = text[pair.end() :]
    if "例" in text:  # what every count ends with
        text = fg.COUNT_RE.sub("", text)
    copula = _COPULA_RE.match(text)
    if copula:
        text = text[copula.end() :]
    text = text.strip(",:;、 ")
    # 是在集中隔离观察中发现的: the phrase, without the copula's closing 的.
    return text[:-1] if text.endswith("发现的") else text


def _without_lead_in(text: str) -> str:
    lead_in = fg.LEAD_IN_RE.match(text)
    return text[lead_in.end() :] if lead_in else text
