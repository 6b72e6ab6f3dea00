"""The labelled corpus: every page of tests/corpus/pages gives exactly the rows expected.json states.

The pages and their expected rows are written by hand in tests/corpus/make_corpus.py (never
computed by the parser). Each page goes the way a user's file goes: bytes -> sources
(decode, web pages reduced to their visible text) -> parse_document. Run with ``-s`` to see
the per-field accuracy table:

    python -m pytest tests/test_corpus.py -s
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from archive.parse import ParseHints, parse_document
from archive.sources import decode_bytes, html_to_text
from report_shape import COUNT_FIELDS, expected_shape, report_as_expected_shape

CORPUS = Path(__file__).resolve().parent / "corpus"
PAGES_DIR = CORPUS / "pages"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
PAGES = EXPECTED["pages"]

PAGE_FIELDS = ("decoded", "status", "report_count")
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
FIELDS = PAGE_FIELDS + REPORT_FIELDS


# --- bytes to text, the way the sources layer does it -------------------------------------


def page_text(entry: dict) -> tuple[str, bool]:
    """(text handed to the parser, whether the bytes decoded to what the page's encoding says)."""
    raw = (PAGES_DIR / entry["file"]).read_bytes()
    stated = raw.decode(entry["encoding"]).replace("\r\n", "\n")
    text, _encoding = decode_bytes(raw)
    decoded_right = text == stated
    if entry["file"].endswith(".html"):
        text = html_to_text(text)
    return text, decoded_right


# --- comparison ---------------------------------------------------------------------------


def _got_report(report) -> dict:
    return {
        **report_as_expected_shape(report),
        "consistent": report.consistent,
        "problem_codes": sorted({p.code for p in report.problems}),
    }


def _want_report(report: dict) -> dict:
    return {
        **expected_shape(report),
        "consistent": report["consistent"],
        "problem_codes": sorted(report.get("problem_codes_include", [])),
    }


def _field_matches(field: str, want, got) -> bool:
    if field == "problem_codes":
        return got is not None and set(want) <= set(got)
    return want == got


@functools.cache
def compare_page(file: str) -> tuple[list[tuple[str, bool, object, object]], str | None]:
    """([(field, ok, expected, got), ...], parse error or None) for one page."""
    entry = next(e for e in PAGES if e["file"] == file)
    results: list[tuple[str, bool, object, object]] = []
    try:
        text, decoded_right = page_text(entry)
        parsed = parse_document(text, ParseHints(year=entry.get("year_hint")))
    except Exception as error:  # noqa: BLE001 - a crash counts as every field wrong, with the reason shown
        crash = f"{type(error).__name__}: {error}"
        results.append(("decoded", False, "no exception", crash))
        results.append(("status", False, entry["status"], crash))
        results.append(("report_count", False, len(entry["reports"]), crash))
        for want in entry["reports"]:
            for field in REPORT_FIELDS:
                results.append((field, False, _want_report(want)[field], crash))
        return results, crash

    results.append(("decoded", decoded_right, True, decoded_right))
    results.append(("status", parsed.status == entry["status"], entry["status"], parsed.status))
    wanted, got = entry["reports"], parsed.reports
    results.append(("report_count", len(wanted) == len(got), len(wanted), len(got)))
    for index, want in enumerate(wanted):
        want_shape = _want_report(want)
        got_shape = _got_report(got[index]) if index < len(got) else None
        for field in REPORT_FIELDS:
            value = None if got_shape is None else got_shape[field]
            ok = got_shape is not None and _field_matches(field, want_shape[field], value)
            results.append((f"{field}", ok, want_shape[field], value if got_shape is not None else "<no report>"))
    return results, parsed.error


def _diff(file: str) -> str:
    results, error = compare_page(file)
    lines = [f"{file}:"]
    if error:
        lines.append(f"  parser error: {error}")
    for field, ok, want, got in results:
        if not ok:
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


def accuracy_table() -> tuple[str, dict[str, tuple[int, int]], list[str]]:
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failing: list[str] = []
    for entry in PAGES:
        results, _error = compare_page(entry["file"])
        if not all(ok for _f, ok, _w, _g in results):
            failing.append(entry["file"])
        for field, ok, _want, _got in results:
            total[field] += 1
            correct[field] += ok
    rows = [f"{'field':<22}{'correct':>9}{'total':>8}{'accuracy':>10}"]
    for field in FIELDS:
        if total[field]:
            rows.append(f"{field:<22}{correct[field]:>9}{total[field]:>8}{100 * correct[field] / total[field]:>9.1f}%")
    all_correct, all_total = sum(correct.values()), sum(total.values())
    rows.append(f"{'all fields':<22}{all_correct:>9}{all_total:>8}{100 * all_correct / all_total:>9.1f}%")
    pages_ok = len(PAGES) - len(failing)
    rows.append(f"{'pages fully right':<22}{pages_ok:>9}{len(PAGES):>8}{100 * pages_ok / len(PAGES):>9.1f}%")
    stats = {field: (correct[field], total[field]) for field in FIELDS}
    return "\n".join(rows), stats, failing


# --- tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", [pytest.param(e, id=e["file"]) for e in PAGES])
def test_page_gives_its_expected_rows(entry):
    results, _error = compare_page(entry["file"])
    assert all(ok for _f, ok, _w, _g in results), _diff(entry["file"])


def test_corpus_accuracy_is_100_percent():
    table, stats, failing = accuracy_table()
    print(f"\nCorpus: {len(PAGES)} pages, per-field accuracy\n{table}")
    if failing:
        print("\nPages with a wrong field:\n" + "\n".join(_diff(f) for f in failing))
    wrong = {field: c_t for field, c_t in stats.items() if c_t[1] and c_t[0] != c_t[1]}
    assert not wrong, f"fields below 100%: {wrong}\n{table}\nfailing pages: {failing}"


def test_corpus_has_the_required_mix():
    tags = Counter(tag for entry in PAGES for tag in entry["tags"])
    encodings = Counter(entry["encoding"] for entry in PAGES)
    assert len(PAGES) >= 64
    assert sum(entry["status"] == "no_bulletin" for entry in PAGES) >= 10
    assert all(not entry["reports"] for entry in PAGES if entry["status"] == "no_bulletin")
    assert tags["traditional"] >= 10
    assert sum(entry["file"].endswith(".html") for entry in PAGES) >= 5
    assert encodings["gb18030"] + encodings["big5"] >= 5
    for shape in ("C1", "C2", "C3", "C4", "C5", "P1", "P2", "P3", "O1", "O2", "Z"):
        assert tags[shape] >= 1, shape
    for file in (entry["file"] for entry in PAGES):
        assert (PAGES_DIR / file).is_file(), file


def test_files_match_their_generator():
    """expected.json and the page bytes are what make_corpus.py writes (regenerate if not)."""
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    built = make_corpus.build()
    stale = [path for path, data in built.items() if (CORPUS / path).read_bytes() != data]
    assert not stale, f"run python tests/corpus/make_corpus.py; out of date: {stale}"
    on_disk = {f"pages/{p.name}" for p in PAGES_DIR.iterdir() if p.is_file()}
    assert on_disk == {path for path in built if path.startswith("pages/")}
