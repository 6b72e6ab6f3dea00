"""Rows of a report: district counts and channel counts, as the reader finds them.

Areas resolve through the gazetteer within the report's region; a province bulletin's list opens a city
group (哈尔滨市5例,其中道里区2例…;绥化市1例,在北林区) whose areas are that city's, and whose count is the
city's row when it names no area. A national list's areas are provinces. Channel rows take their label
from the phrase as written (隔离管控人员中发现) and their key from channels.channel_key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.parse.channels import channel_key
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.lexer import AREA, COUNT, Token
from archive.parse.model import ChannelCount, DistrictCount, Problem, Reading, Report

# An unknown name has the shape of an area when it ends with a division's suffix.
_AREA_SUFFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:开发区|新区|区|县|市|旗)$")
# 哈尔滨市道外区: a city then one of its areas, the whole name.
_WHOLE_AREA_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:市|州|盟|地区)[\u4e00-\u9fff]{1,8}(?:区|县|市|旗)$")
# Tokens that belong to a channel's label (the rest — counts, nouns, scope words, copulas — do not).
_LABEL_KINDS = frozenset("IHtF")

# An area known to the gazetteer, or a name as written when it is not.
_Place = Area | str


@dataclass
class CityGroup:
    city: Area
    count: int | None
    case_types: tuple[str, ...]
    depth: int
    children: int = 0
    rows: list[tuple[tuple[str, str, str], int]] = field(default_factory=list)  # its areas' rows (key, count)


class RowWriter:
    def __init__(self, report: Report, scope: Area | None, text: str):
        self.report = report
        self.scope = scope
        self.text = text
        self.gaz = gazetteer()
        self.national = report.region_level == "national"
        self.group: CityGroup | None = None
        self.depth = 0  # brackets open at the token being read
        self._districts: dict[tuple[str, str, str], DistrictCount] = {}
        self._channels: dict[tuple[str, str], ChannelCount] = {}

    def finish(self) -> None:
        self.report.districts = list(self._districts.values())
        self.report.channels = list(self._channels.values())

    # --- areas ------------------------------------------------------------------------------
    def area_phrase(self, named: list[Token], count: int | None, statement, reading: Reading) -> bool:
        """An area list item: the name its tokens spell (南岗区, 哈尔滨市道里区, 闵行校区) with its count."""
        if not named:
            return False
        name = self.text[named[0].start : named[-1].end]
        types = self.group.case_types if self.group is not None else statement.types
        return self._area(name, count, types, statement, reading, (named[0].start, named[-1].end))

    def _area(self, name: str, count: int | None, types, statement, reading: Reading, span) -> bool:
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
            self._problem("unknown_area", f"{written.group()} is not a known area of {self._scope_name()}", span)
            city = self.group.city if self.group else self._report_city()
            self._add_counts(city, written.group(), count, statement.types, reading, span)
            return True
        area, _ = hit
        if self.national:
            return self._national_row(area, count, statement, reading)
        if area.is_region and (self.report.region_level == "province" or area.level == "province"):
            self.close_group()
            if count is None:
                count = self._single_total(statement.types)
            self.group = CityGroup(area, count, statement.types, self.depth)
            return True
        city = self.gaz.city_of(area)
        if area.level == "city" and self.report.region_level != "province":
            city = area
        self._add_counts(city, area, count, types, reading, span)
        return True

    def _national_row(self, area: Area, count: int | None, statement, reading: Reading) -> bool:
        """A national list names provinces; a province's own bracket of its cities stays out."""
        province = self.gaz.province_of(area)
        if self.group is not None and (self.depth > self.group.depth or area is not province and province == self.group.city):
            return True  # 北京5例(其中房山区3例…), 天津8例,均在津南区: the province's own breakdown
        self.close_group()
        if count is None:
            count = self._single_total(statement.types)
        self.group = CityGroup(province, count, statement.types, self.depth, children=1)
        if count is not None and statement.types:
            self._add_district(_one_type(statement.types), province, province, count, reading)
        return True

    def _in_named_city(self, name: str) -> tuple[Area, int] | None:
        """An area of the city named nearest before it: in the name (佳木斯市向阳区), else the open group."""
        for city in self._cities_named_in(name):
            rest = name[name.rindex(city.name) + len(city.name) :] if city.name in name else ""
            hit = self.gaz.area_at_end(rest, city) if rest else None
            if hit is not None:
                return hit
        if self.group is not None and self.group.city.level == "city":
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

    def area_total(self, areas: list[Token], statement, case_type: str, count: int) -> bool:
        """其中,哈尔滨市确诊病例5例、无症状感染者98例;大庆市…: a type's count in one area of the breakdown."""
        if self.report.total_of(case_type) is None or self.report.region_level != "province":
            return False
        if areas:
            name = self.text[areas[0].start : areas[-1].end]
            hit = self.gaz.area_at_end(name, self.scope)
            if hit is None or hit[1] != len(name):
                return False
            statement.area_of_totals = hit[0]
        elif statement.area_of_totals is None:
            return False
        area = statement.area_of_totals
        self._add_district(case_type, self.gaz.city_of(area), area, count, None)
        return True

    def _add_counts(self, city: _Place, district: _Place, count: int | None, types, reading, span) -> None:
        group = self.group if self.group is not None and self.group.city == city else None
        if group is not None:
            group.children += 1
            if count is None and group.children == 1:
                count = group.count
        types = group.case_types if group is not None else types
        if not types:  # the part speaks of imported cases only
            return
        if count is not None:
            case_type = _one_type(types)
            self._add_district(case_type, city, district, count, reading)
            if group is not None:
                group.rows.append(((case_type, _name(city), _name(district)), count))
            return
        for case_type in types:
            total = self.report.total_of(case_type)
            if total is None:
                self._problem("uncounted_area", f"{_name(district)}: no stated total to count it against", span)
            else:
                self._add_district(case_type, city, district, total, reading)

    def close_group(self) -> None:
        """The group's own row when it names no area, or names areas for only part of its count
        (信阳市15例(含固始县5例): the city's 15 is the row; a part is no breakdown of the list)."""
        group, self.group = self.group, None
        if group is None or group.count is None or not group.case_types:
            return
        if group.rows and sum(count for _, count in group.rows) < group.count:
            for key, count in group.rows:
                self._districts[key].count -= count
                if self._districts[key].count == 0:
                    del self._districts[key]
        elif group.children:
            return
        self._add_district(_one_type(group.case_types), group.city, group.city, group.count, None)

    def left_bracket(self) -> None:
        """Leaving a bracket closes a group opened inside it."""
        if self.group is not None and self.group.depth > self.depth:
            self.close_group()

    def _single_total(self, types) -> int | None:
        if len(types) != 1:
            return None
        return self.report.total_of(types[0])

    def _report_city(self) -> _Place:
        if self.scope is None:
            return self.report.region
        return self.gaz.city_of(self.scope)

    def _scope_name(self) -> str:
        return self.scope.name if self.scope is not None else self.report.region

    def _add_district(self, case_type: str, city: _Place, district: _Place, count: int, reading: Reading | None) -> None:
        if count == 0:  # 其他16个市州均为0例: an area without new cases is no row
            return
        key = (case_type, _name(city), _name(district))
        if key in self._districts:
            self._districts[key].count += count
        else:
            self._districts[key] = DistrictCount(
                case_type, _name(city), _name(district), count, city_code=_code(city), district_code=_code(district)
            )
        if reading is not None:
            self.report.readings.append(Reading(f"district_count {case_type} {_name(city)} {_name(district)}", count, reading.pattern, reading.tokens))

    # --- channels ---------------------------------------------------------------------------
    def channel_label(self, phrase) -> str:
        """The method phrase as written: the run of label tokens (在, keywords, text, 发现) it ends with,
        without the counts, nouns and lead-ins (其余, 均为, 为) before them."""
        toks = phrase.tokens
        last = max((i for i, t in enumerate(toks) if t.kind in _LABEL_KINDS), default=None)
        if last is None:
            return ""
        first = last
        while first > 0 and toks[first - 1].kind in _LABEL_KINDS:
            first -= 1
        return self.text[toks[first].start : toks[last].end]

    def channel_phrase(self, phrase, count: int | None, statement, reading: Reading) -> bool:
        label = self.channel_label(phrase)
        if not label or self._names_area(label):
            return False
        if count is None and self.group is not None and self.group.count is not None and label.endswith("发现"):
            # (哈尔滨市6例,…,均为隔离管控人员中发现;大庆市3例…): that city's cases only.
            case_type = _one_type(self.group.case_types)
            self.channel(case_type, label, self.group.count, reading)
            self.report.partial.add(("channels", case_type))
            return True
        if count is not None:
            if not statement.types:
                return True  # about imported cases
            self.channel(_one_type(statement.types), label, count, reading)
            return True
        if not label.endswith("发现") and phrase.pattern.name != "channel_of_all":
            return False  # a count-less channel covers its cases when it ends with 发现 or 均为 says so
        for case_type in statement.types:
            total = self.report.total_of(case_type)
            if total is None:
                self._problem("uncounted_channel", f"{label}: no stated total to count it against", (phrase.start, phrase.end))
            else:
                self.channel(case_type, label, total, reading)
        return True

    def _names_area(self, label: str) -> bool:
        return self.gaz.area_at_end(label, self.scope) is not None

    def channel(self, case_type: str, label: str, count: int, reading: Reading | None, key: str | None = None) -> None:
        row = (case_type, label)
        if row in self._channels:
            self._channels[row].count += count
        else:
            self._channels[row] = ChannelCount(case_type, key or channel_key(label), label, count)
        if reading is not None:
            self.report.readings.append(Reading(f"channel_count {case_type} {label}", count, reading.pattern, reading.tokens))

    def conversion(self, count: int, label: str, reading: Reading) -> None:
        """A conversion: part of the confirmed total, also a confirmed channel row (key converted)."""
        if count == self.report.converted:
            # 41例(含2例由无症状感染者转为确诊病例)…其中2例…转归: one conversion, stated twice; the
            # sentence's own breakdown (其中…) names it, rather than the aside to the total.
            if self.depth == 0:
                self._relabel_conversion(label)
            return
        self.report.converted = (self.report.converted or 0) + count
        self.report.readings.append(Reading("converted", count, reading.pattern, reading.tokens))
        self.channel("confirmed", label, count, reading, key="converted")  # a stated conversion's key, whatever its wording

    def _relabel_conversion(self, label: str) -> None:
        for key, row in list(self._channels.items()):
            if row.channel == "converted" and row.case_type == "confirmed" and row.label != label:
                del self._channels[key]
                self.channel("confirmed", label, row.count, None, key="converted")

    def _problem(self, code: str, message: str, span) -> None:
        self.report.problems.append(Problem(code, message, *span))


def _one_type(types) -> str:
    return types[0] if len(types) == 1 else "positive"


def _name(place: _Place) -> str:
    return place if isinstance(place, str) else place.name


def _code(place: _Place) -> str | None:
    return None if isinstance(place, str) else place.code


__all__ = ["RowWriter", "CityGroup", "AREA", "COUNT"]
