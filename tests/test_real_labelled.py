"""Real pages labelled by hand: how many the parser gets exactly right, per label file.

Every tests/real/*.json (the shape of tests/corpus/expected.json; "file" relative to
../shared/real) lists pages whose expected reports were written by reading the page under
DESIGN.md's rules, never by running the parser. Each page goes the way a user's file goes:
bytes -> archive.sources (decode, web pages reduced to text) -> parse_document with the
page's year hint. The parser is not expected to get every page right yet: each file has a
floor of exactly-right pages, which the lead raises as the parser improves. Run with ``-s``
for the per-field and per-page tables and the fields that differ on every page not exact:

    PYTHONPATH=$PWD python -m pytest tests/test_real_labelled.py -s
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from archive.parse import ParseHints, parse_document
from archive.sources import document_from_bytes
from page_comparison import (
    PAGE_FIELDS,
    REPORT_FIELDS,
    Result,
    accuracy_table,
    compare_parsed,
    crash_results,
    diff_text,
    page_table,
)
from shared_paths import SHARED

REAL = SHARED / "real"
LABELS = sorted((Path(__file__).resolve().parent / "real").glob("*.json"))
FIELDS = (*PAGE_FIELDS, *REPORT_FIELDS)
STATUSES = {"parsed", "no_bulletin"}

# Exactly-right pages each label file must keep: what the parser reaches now (parser 0.3.0, the lexicon
# and token grammar; 0.2.0 reached 127 and 58).
# Raise these as the parser improves; a label file without an entry has a floor of 0 and is
# reported as such. What is not exact is printed by `pytest tests/test_real_labelled.py -s`.
MIN_EXACT = {
    "provinces_2020.json": 139,
    "shanghai_bulletins.json": 58,
}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real (the real pages) is absent")


def _labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def compare_page(label_file: str, page_file: str) -> tuple[list[Result], str | None]:
    """([(field, ok, expected, got), ...], parse error or None) for one labelled page."""
    entry = next(e for e in _labels(Path(label_file))["pages"] if e["file"] == page_file)
    source = document_from_bytes(page_file, (REAL / page_file).read_bytes())
    if source.error:
        return crash_results(entry, f"not decoded: {source.error}"), source.error
    try:
        parsed = parse_document(source.text, ParseHints(year=entry.get("year_hint")))
    except Exception as error:  # noqa: BLE001 - a crash counts as every field wrong, with the reason shown
        crash = f"{type(error).__name__}: {error}"
        return crash_results(entry, crash), crash
    return compare_parsed(entry, parsed), parsed.error


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in LABELS])
def test_labels_are_well_formed(path):
    pages = _labels(path)["pages"]
    files = [entry["file"] for entry in pages]
    assert len(files) == len(set(files)), "a page is labelled twice"
    for entry in pages:
        assert (REAL / entry["file"]).is_file(), entry["file"]
        assert entry["status"] in STATUSES, entry["file"]
        assert bool(entry["reports"]) == (entry["status"] == "parsed"), entry["file"]
        for report in entry["reports"]:
            missing = {"region", "region_level", "report_date", "window", "districts", "channels"} - set(report)
            assert not missing, (entry["file"], missing)


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in LABELS])
def test_exact_pages_reach_the_floor(path):
    pages = _labels(path)["pages"]
    compared = {entry["file"]: compare_page(str(path), entry["file"]) for entry in pages}
    results_by_page = {file: results for file, (results, _error) in compared.items()}
    table, _stats, failing = accuracy_table(results_by_page, FIELDS)
    floor = MIN_EXACT.get(path.name, 0)
    exact = len(pages) - len(failing)
    only_codes = sum(
        {field for field, ok, _w, _g in results if not ok} == {"problem_codes"} for results in results_by_page.values()
    )
    print(f"\n{path.name}: {len(pages)} pages, {exact} exactly right (floor {floor})")
    print(f"  {only_codes} more pages are wrong only in their problem codes")
    if path.name not in MIN_EXACT:
        print(f"  no floor set for {path.name} in MIN_EXACT: add one")
    print(f"\nPer field\n{table}\n\nPer page\n{page_table(results_by_page)}")
    if failing:
        print("\nPages not exactly right:\n" + "\n".join(diff_text(f, *compared[f]) for f in failing))
    assert exact >= floor, f"{path.name}: {exact} pages exactly right, below the floor of {floor}: {failing}"
