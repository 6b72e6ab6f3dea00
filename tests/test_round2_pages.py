"""Round-2 pages: shapes the parser was not built from (tests/round2, labelled by hand).

The pages stand in for real bulletins from other cities and provinces (2020 province
bulletins, Shanghai/Beijing 2022 press-conference shapes, Harbin/Heilongjiang shapes beyond
FORMATS.md). Their expected rows are written by hand in tests/round2/make_pages.py by
DESIGN.md's rules. Unlike tests/corpus, not every page is expected to be right yet: the number
of exactly right pages must not fall below a floor. Run with ``-s`` to see the per-field
accuracy and every page that is not exactly right, with its differing fields:

    python -m pytest tests/test_round2_pages.py -s
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from labelled_pages import LabelledPages

ROUND2_DIR = Path(__file__).resolve().parent / "round2"
ROUND2 = LabelledPages(ROUND2_DIR)
PAGES = ROUND2.pages

# Pages the current parser gets exactly right. The lead raises it as the parser improves.
EXACT_PAGES_FLOOR = 68  # parser 0.3.0; 0.2.0 reached 67

def _params(entries: list[dict]) -> list:
    return [pytest.param(entry, id=entry["file"]) for entry in entries]


NO_BULLETIN = [entry for entry in PAGES if entry["status"] == "no_bulletin"]
TRAP_ONLY = [entry for entry in PAGES if "trap-only" in entry["tags"]]


def test_exact_pages_do_not_fall_below_the_floor():
    table, _stats, failing = ROUND2.accuracy_table()
    exact = len(PAGES) - len(failing)
    print(f"\nRound-2 pages: {len(PAGES)}, per-field accuracy\n{table}")
    if failing:
        print(f"\nPages not exactly right ({len(failing)}):\n" + "\n".join(ROUND2.diff(f) for f in failing))
    assert exact >= EXACT_PAGES_FLOOR, f"{exact} pages exactly right, floor {EXACT_PAGES_FLOOR}"


@pytest.mark.parametrize("entry", _params(NO_BULLETIN))
def test_a_page_without_a_bulletin_gives_no_report(entry):
    file = entry["file"]
    assert ROUND2.field_ok(file, "status") and ROUND2.field_ok(file, "report_count"), ROUND2.diff(file)


@pytest.mark.parametrize("entry", _params(TRAP_ONLY))
def test_trap_figures_give_no_figure(entry):
    """A page whose only figures are traps (besides its bulletin's zeros) gives no report, count
    or row beyond its expected ones."""
    extra = ROUND2.extra_figures(entry["file"])
    assert not extra, f"{extra}\n{ROUND2.diff(entry['file'])}"


def test_the_pages_cover_the_families():
    tags = Counter(tag for entry in PAGES for tag in entry["tags"])
    encodings = Counter(entry["encoding"] for entry in PAGES)
    assert len(PAGES) >= 45
    assert tags["province-2020"] >= 15
    assert tags["sh-bj-2022"] >= 8
    assert tags["hlj-more"] >= 8
    assert len(NO_BULLETIN) >= 5
    assert all(not entry["reports"] for entry in NO_BULLETIN)
    assert tags["traditional"] >= 5
    assert encodings["gb18030"] + encodings["big5"] >= 5
    assert sum(entry["file"].endswith(".html") for entry in PAGES) >= 4
    assert len(TRAP_ONLY) >= 8


def test_files_match_their_generator():
    """expected.json and the page bytes are what make_pages.py writes (regenerate if not)."""
    spec = importlib.util.spec_from_file_location("make_pages", ROUND2_DIR / "make_pages.py")
    make_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_pages)
    built = make_pages.build()
    stale = [path for path, data in built.items() if (ROUND2_DIR / path).read_bytes() != data]
    assert not stale, f"run python tests/round2/make_pages.py; out of date: {stale}"
    on_disk = {f"pages/{p.name}" for p in ROUND2.pages_dir.iterdir() if p.is_file()}
    assert on_disk == {path for path in built if path.startswith("pages/")}
