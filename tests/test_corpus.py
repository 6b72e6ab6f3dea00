"""The labelled corpus: every page of tests/corpus/pages gives exactly the rows expected.json states.

The pages and their expected rows are written by hand in tests/corpus/make_corpus.py (never
computed by the parser). Each page goes the way a user's file goes: bytes -> sources
(decode, web pages reduced to their visible text) -> parse_document. Run with ``-s`` to see
the per-field accuracy table:

    python -m pytest tests/test_corpus.py -s
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from labelled_pages import LabelledPages

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CORPUS = LabelledPages(CORPUS_DIR)
PAGES_DIR = CORPUS.pages_dir
PAGES = CORPUS.pages


# --- tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", [pytest.param(e, id=e["file"]) for e in PAGES])
def test_page_gives_its_expected_rows(entry):
    assert CORPUS.is_exact(entry["file"]), CORPUS.diff(entry["file"])


def test_corpus_accuracy_is_100_percent():
    table, stats, failing = CORPUS.accuracy_table()
    print(f"\nCorpus: {len(PAGES)} pages, per-field accuracy\n{table}")
    if failing:
        print("\nPages with a wrong field:\n" + "\n".join(CORPUS.diff(f) for f in failing))
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
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS_DIR / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    built = make_corpus.build()
    stale = [path for path, data in built.items() if (CORPUS_DIR / path).read_bytes() != data]
    assert not stale, f"run python tests/corpus/make_corpus.py; out of date: {stale}"
    on_disk = {f"pages/{p.name}" for p in PAGES_DIR.iterdir() if p.is_file()}
    assert on_disk == {path for path in built if path.startswith("pages/")}
