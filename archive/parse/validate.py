"""Check that breakdowns add up to the totals they break down.

Only ``sum_mismatch`` makes a report inconsistent; the other codes describe
how complete or derived the figures are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from archive.parse import lexicon
from archive.parse.channels import channel_key
from archive.parse.model import CASE_TYPES, SUM_MISMATCH, ChannelCount, Problem, Report


@dataclass
class Remainder:
    """其余在…中发现: the rest of each type's cases, found so."""

    case_types: tuple[str, ...]
    label: str
    span: tuple[int, int]


def resolve_remainders(report: Report, remainders: list[Remainder]) -> None:
    """Turn 其余… into channel rows: the total of each type less its other channels."""
    for remainder in remainders:
        for case_type in remainder.case_types:
            total = report.total_of(case_type)
            counted = sum(c.count for c in report.channels if c.case_type == case_type)
            where = remainder.span
            if total is None:
                report.problems.append(
                    Problem("uncounted_channel", f"其余 {remainder.label}: no stated {case_type} total", *where)
                )
                continue
            left = total - counted
            if left < 0:
                report.problems.append(
                    Problem(SUM_MISMATCH, f"{case_type} channels ({counted}) exceed the total {total}", *where)
                )
                continue
            if left == 0:  # the other channels already hold every case of the type
                continue
            report.channels.append(ChannelCount(case_type, channel_key(remainder.label), remainder.label, left))
            report.problems.append(
                Problem("derived_remainder", f"{case_type} {remainder.label} {left} = {total} - {counted}", *where)
            )


# The local count column of a case type and its imported twin (imported positives have no column).
LOCAL_AND_IMPORTED = {
    "confirmed": ("local_confirmed", "imported_confirmed"),
    "asymptomatic": ("local_asymptomatic", "imported_asymptomatic"),
}
# The column of a stated total, by case type and whether it counts imported cases.
TOTAL_FIELDS = {
    **{(case_type, imported): columns[imported] for case_type, columns in LOCAL_AND_IMPORTED.items() for imported in (False, True)},
    ("positive", False): "local_positive",
    ("initial_positive", False): "initial_positive",
}


def take_imported_out(report: Report, case_type: str, new_cases: int, span: tuple[int, int]) -> Problem | None:
    """新增确诊病例5例 of which the bulletin says some were imported: local is the rest.

    Sets the local count and returns its derived_remainder problem; None when no imported count
    of the type is stated or it exceeds the new cases (then nothing is derived)."""
    local, imported = LOCAL_AND_IMPORTED[case_type]
    abroad = getattr(report, imported)
    if abroad is None or abroad > new_cases:
        return None
    setattr(report, local, new_cases - abroad)
    return Problem("derived_remainder", f"{local} {new_cases - abroad} = {new_cases} new cases - {abroad} imported", *span)


# A label naming a conversion (转归, 由无症状感染者转为确诊病例, 转确诊): a breakdown of part of the confirmed.
_CONVERSION_RE = re.compile(lexicon.alternation(lexicon.words("conversion") + lexicon.words("channel_key", "converted")))

# The codes validate() gives: recomputed whenever a report's figures change (merged sections).
VALIDATION_CODES = frozenset({SUM_MISMATCH, "no_total", "partial_breakdown"})


def validate(report: Report) -> None:
    span = (report.span_start, report.span_end)
    problems = report.problems

    def mismatch(message: str) -> None:
        problems.append(Problem(SUM_MISMATCH, message, *span))

    _check_types(report, mismatch)
    for what, rows in (("areas", report.districts), ("channels", report.channels)):
        sums: dict[str, int] = defaultdict(int)
        for row in rows:
            sums[row.case_type] += row.count
        for case_type in CASE_TYPES:
            if case_type not in sums:
                continue
            total = report.total_of(case_type)
            if total is None:
                problems.append(
                    Problem("no_total", f"{what} of {case_type} cases given without a stated total", *span)
                )
                continue
            counted = sums[case_type]
            # A lone conversion count (转为确诊, 转归, 转确诊) covers only part of the confirmed cases.
            only_conversions = what == "channels" and all(
                _CONVERSION_RE.search(r.label) for r in rows if r.case_type == case_type
            )
            # A list of channels may name only some (Shanghai's 其中…在隔离管控中发现 without 其余);
            # areas are listed in full, so fewer cases in them than the total is a mismatch.
            if ((what, case_type) in report.partial or what == "channels") and counted < total:
                problems.append(Problem("partial_breakdown", f"{case_type} {what} cover {counted} of {total} cases", *span))
            elif only_conversions and counted <= total:
                if counted < total:
                    problems.append(
                        Problem("partial_breakdown", f"{counted} of {total} {case_type} cases were converted", *span)
                    )
            elif what == "areas" and counted + report.unplaced_cases.get(case_type, 0) == total != counted:
                problems.append(
                    Problem("partial_breakdown", f"{total - counted} of {total} {case_type} cases have no area given", *span)
                )
            elif counted != total:
                mismatch(f"{case_type} {what} add up to {counted}, the stated total is {total}")
    if report.converted is not None and report.local_confirmed is not None:
        if report.converted > report.local_confirmed:
            mismatch(f"converted {report.converted} exceeds local confirmed {report.local_confirmed}")


def _check_types(report: Report, mismatch) -> None:
    """Type counts against the stated positive total (初筛阳性 may or may not be in it)."""
    if report.local_positive is None:
        return
    parts = [report.local_confirmed, report.local_asymptomatic]
    if None in parts:
        stated = sum(p or 0 for p in parts) + (report.initial_positive or 0)
        if stated > report.local_positive:
            mismatch(f"the types add up to {stated}, more than the stated positives {report.local_positive}")
        return
    base = sum(parts)
    allowed = {base, base + (report.initial_positive or 0)}
    if report.local_positive not in allowed:
        mismatch(f"confirmed + asymptomatic = {base}, the stated positives are {report.local_positive}")
