"""District counts from per-case lines: how many of a bulletin's new local cases live where.

Shanghai ties every local case to a district by number (病例1—病例924,居住于浦东新区;
病例1,男,29岁,居住于黄浦区…), Beijing by case (确诊病例2:现住朝阳区…). Counted per case
type and district (ranges inclusive), they are the bulletin's area breakdown. When the
bulletin also gives an area list for the type, the two are one breakdown said twice:
the one that adds up to the type's total is kept.
"""

from __future__ import annotations

import re
from collections import Counter

from archive.parse import lexicon
from archive.parse.case_lines import CaseLine
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.model import DistrictCount, Problem, Report

# Words of case details (clinical type, the details heading), not of a residence list.
_DETAILS_RE = re.compile(lexicon.alternation(lexicon.words("detail", "heading", "clinical")))
_DETAILS_REACH = 40


def add_resident_districts(report: Report, text: str, found: list[CaseLine], start: int, scope: Area | None) -> None:
    """District rows of ``report`` from the case lines ``found`` in its section of the page (from ``start``)."""
    if _only_imported(report):
        return  # the per-case paragraphs of imported cases name no residence of theirs here
    lines = [
        line
        for line in found
        # Case details (新增确诊病例主要情况:确诊病例17:普通型,现住…) describe cases already counted.
        if report.total_of(line.case_type) is not None and not _DETAILS_RE.search(text, max(start, line.span_start - _DETAILS_REACH), line.span_end)
    ]
    if not lines:
        return
    gaz = gazetteer()
    counts: Counter = Counter()
    codes: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    without_area: Counter = Counter()
    for line in lines:
        area = _district(gaz, line.district, scope) if line.district else None
        if area is None:
            without_area[line.case_type] += line.cases
            if line.district:
                report.problems.append(
                    Problem("unknown_area", f"{line.district} is not a known area of {report.region}", line.span_start, line.span_end)
                )
            continue
        city = gaz.city_of(area) if scope is None or scope.level == "province" else scope
        key = (line.case_type, city.name, area.name)
        counts[key] += line.cases
        codes[key] = (city.code, area.code)
    by_type: dict[str, list[DistrictCount]] = {}
    for (case_type, city, district), count in counts.items():
        city_code, district_code = codes[(case_type, city, district)]
        by_type.setdefault(case_type, []).append(DistrictCount(case_type, city, district, count, city_code, district_code))
    for case_type, rows in by_type.items():
        listed = [row for row in report.districts if row.case_type == case_type]
        total = report.total_of(case_type)
        if sum(row.count for row in rows) + without_area[case_type] > total:
            continue  # more cases than the day has: not this day's lines
        if listed and (sum(row.count for row in listed) == total or sum(row.count for row in rows) != total):
            continue  # the bulletin's own list stands
        report.districts = [row for row in report.districts if row.case_type != case_type] + rows
        # The lines are the rows' source sentences: the report's span reaches them.
        report.span_end = max(report.span_end, max(line.span_end for line in lines if line.case_type == case_type))
        if without_area[case_type]:
            report.unplaced_cases[case_type] = without_area[case_type]


def _district(gaz, name: str, scope: Area | None) -> Area | None:
    hit = gaz.area_at_end(name, scope)
    return hit[0] if hit and hit[0].level not in ("province",) and hit[0] is not scope else None


def _only_imported(report: Report) -> bool:
    local = (report.local_confirmed, report.local_asymptomatic, report.local_positive)
    imported = (report.imported_confirmed, report.imported_asymptomatic)
    return all(value is None for value in local) and any(value is not None for value in imported)
