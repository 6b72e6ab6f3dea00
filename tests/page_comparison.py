"""Comparing parsed pages with hand-labelled ones (expected.json's shape): the primitives the
labelled sets share (labelled_pages.py) and the real-page comparison (test_real_labelled.py).

A comparison is a list of (field, ok, expected, got) results: the page's status and report
count, then every field of every expected report, matched by position.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from archive.parse import ParsedDocument
from report_shape import COUNT_FIELDS, expected_shape, report_as_expected_shape

PAGE_FIELDS = ("status", "report_count")
REPORT_FIELDS = (
    "region",
    "region_level",
    "report_date",
    "window",
    *COUNT_FIELDS,
    "districts",
    "channels",
    "consistent",
    "problem_codes",
)

Result = tuple[str, bool, object, object]


def got_report(report) -> dict:
    return {
        **report_as_expected_shape(report),
        "consistent": report.consistent,
        "problem_codes": sorted({p.code for p in report.problems}),
    }


def want_report(report: dict) -> dict:
    """The expected fields; ``consistent`` only when the label states it."""
    want = {**expected_shape(report), "problem_codes": sorted(report.get("problem_codes_include", []))}
    if "consistent" in report:
        want["consistent"] = report["consistent"]
    return want


def field_matches(field: str, want, got) -> bool:
    if field == "problem_codes":
        return got is not None and set(want) <= set(got)
    return want == got


def compare_parsed(entry: dict, parsed: ParsedDocument) -> list[Result]:
    """Status, report count and each expected report's fields against the parsed page."""
    results: list[Result] = [("status", parsed.status == entry["status"], entry["status"], parsed.status)]
    wanted, got = entry["reports"], parsed.reports
    results.append(("report_count", len(wanted) == len(got), len(wanted), len(got)))
    for index, want in enumerate(wanted):
        want_shape = want_report(want)
        got_shape = got_report(got[index]) if index < len(got) else None
        for field in REPORT_FIELDS:
            if field not in want_shape:
                continue
            value = "<no report>" if got_shape is None else got_shape[field]
            ok = got_shape is not None and field_matches(field, want_shape[field], value)
            results.append((field, ok, want_shape[field], value))
    return results


def crash_results(entry: dict, crash: str) -> list[Result]:
    """Every field of the page wrong, each showing why (an exception, an undecodable file)."""
    results: list[Result] = [
        ("status", False, entry["status"], crash),
        ("report_count", False, len(entry["reports"]), crash),
    ]
    for want in entry["reports"]:
        results.extend((field, False, value, crash) for field, value in want_report(want).items())
    return results


def page_is_exact(results: Iterable[Result]) -> bool:
    return all(ok for _field, ok, _want, _got in results)


def diff_text(file: str, results: list[Result], error: str | None = None) -> str:
    """The fields of one page that differ, with missing and extra rows for lists."""
    lines = [f"{file}:"]
    if error:
        lines.append(f"  parser error: {error}")
    for field, ok, want, got in results:
        if ok:
            continue
        lines.append(f"  {field}: expected {want!r}")
        lines.append(f"  {' ' * len(field)}       got {got!r}")
        if isinstance(want, list) and isinstance(got, list):
            missing = [row for row in want if row not in got]
            extra = [row for row in got if row not in want]
            if missing:
                lines.append(f"  {' ' * len(field)}   missing {missing!r}")
            if extra:
                lines.append(f"  {' ' * len(field)}     extra {extra!r}")
    return "\n".join(lines)


def accuracy_table(
    results_by_page: dict[str, list[Result]], fields: tuple[str, ...]
) -> tuple[str, dict[str, tuple[int, int]], list[str]]:
    """(per-field table, {field: (correct, total)}, pages with a wrong field)."""
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failing: list[str] = []
    for file, results in results_by_page.items():
        if not page_is_exact(results):
            failing.append(file)
        for field, ok, _want, _got in results:
            total[field] += 1
            correct[field] += ok
    rows = [f"{'field':<22}{'correct':>9}{'total':>8}{'accuracy':>10}"]
    for field in fields:
        if total[field]:
            rows.append(f"{field:<22}{correct[field]:>9}{total[field]:>8}{100 * correct[field] / total[field]:>9.1f}%")
    all_correct, all_total = sum(correct.values()), sum(total.values())
    rows.append(f"{'all fields':<22}{all_correct:>9}{all_total:>8}{100 * all_correct / max(all_total, 1):>9.1f}%")
    pages = len(results_by_page)
    pages_ok = pages - len(failing)
    rows.append(f"{'pages fully right':<22}{pages_ok:>9}{pages:>8}{100 * pages_ok / max(pages, 1):>9.1f}%")
    stats = {field: (correct[field], total[field]) for field in fields}
    return "\n".join(rows), stats, failing


def page_table(results_by_page: dict[str, list[Result]]) -> str:
    """One line per page: fields right out of fields compared, and the names of the wrong ones."""
    rows = [f"{'page':<48}{'right':>7}{'fields':>8}  wrong"]
    for file, results in results_by_page.items():
        right = sum(ok for _f, ok, _w, _g in results)
        wrong = sorted({field for field, ok, _w, _g in results if not ok})
        rows.append(f"{file:<48}{right:>7}{len(results):>8}  {', '.join(wrong) or '-'}")
    return "\n".join(rows)
