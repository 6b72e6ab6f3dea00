"""One bulletin in several sections, or printed twice: one report.

Shanghai's bulletins state the day's totals, then a paragraph per kind of case
(local confirmed, local asymptomatic, imported), each opening with the same
window; pages also repeat a bulletin (a summary, then its body). Every figure is
kept once. A breakdown that a later section restates (the opening's 其中143例…转归
and a section's 含143例由…转为确诊病例) is one breakdown: the one that balances.
"""

from __future__ import annotations

from archive.parse.model import FIGURES, Problem, Report
from archive.parse.validate import LOCAL_AND_IMPORTED, VALIDATION_CODES, take_imported_out, validate


def merge_sections(first: Report, later: Report) -> Report:
    """``first`` completed with what ``later`` (same region, day and window) adds.

    A headline that states no window (4月27日上海新增…) gives way to the bulletin that does."""
    if _states_less(first) and not _states_less(later):
        first, later = later, first
    problems = [p for p in first.problems if p.code not in VALIDATION_CODES]
    for name in FIGURES:
        mine, theirs = getattr(first, name), getattr(later, name)
        if mine is None:
            setattr(first, name, theirs)
        elif theirs is not None and theirs != mine:
            problems.append(
                Problem(
                    "restated_differently",
                    f"{name} is {mine} here and {theirs} where the bulletin states it again: the first is kept",
                    later.span_start,
                    later.span_end,
                )
            )
    first.unplaced_cases = {**later.unplaced_cases, **first.unplaced_cases}
    first.partial |= later.partial
    _settle_origin(first, problems)
    first.districts = _one_breakdown(first, first.districts, later.districts)
    first.channels = _one_breakdown(first, first.channels, later.channels)
    known = {(p.code, p.message) for p in problems}
    # What a headline without a window lacks is no problem of the bulletin that states it.
    dropped = VALIDATION_CODES | (_LESS_STATED if _states_less(later) else frozenset())
    problems += [p for p in later.problems if p.code not in dropped and (p.code, p.message) not in known]
    first.problems = problems
    first.span_start = min(first.span_start, later.span_start)
    first.span_end = max(first.span_end, later.span_end)
    first.headline = first.headline or later.headline
    first.speaker = first.speaker or later.speaker
    first.notices = first.notices or later.notices
    validate(first)
    return first


def _settle_origin(report: Report, problems: list[Problem]) -> None:
    """新增确诊病例34例 … (a later paragraph) 新增报告境外输入确诊病例34例: the imported are among them."""
    unstated = next((p for p in problems if p.code == "origin_not_stated"), None)
    if unstated is None:
        return
    for case_type, (local, _imported) in LOCAL_AND_IMPORTED.items():
        new_cases = getattr(report, local)
        derived = None if new_cases is None else take_imported_out(report, case_type, new_cases, (unstated.span_start, unstated.span_end))
        if derived is not None:
            problems.remove(unstated)
            problems.append(derived)
            return


_LESS_STATED = frozenset({"window_not_stated", "year_inferred"})


def _states_less(report: Report) -> bool:
    return any(p.code in _LESS_STATED for p in report.problems)


def _one_breakdown(report: Report, mine: list, theirs: list) -> list:
    """Per case type, the rows of one section: the one whose rows add up to the type's total."""
    merged = []
    for case_type in dict.fromkeys(row.case_type for row in [*mine, *theirs]):
        ours = [row for row in mine if row.case_type == case_type]
        others = [row for row in theirs if row.case_type == case_type]
        if not ours or not others:
            merged += ours or others
            continue
        total = report.total_of(case_type)
        balances = [rows for rows in (ours, others) if sum(row.count for row in rows) == total]
        merged += balances[0] if balances else max(ours, others, key=len)
    return merged
