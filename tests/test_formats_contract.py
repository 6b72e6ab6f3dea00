"""Every example of ../shared/formats.json gives exactly the rows it states."""

import json

import pytest

from archive.parse import parse_document
from report_shape import expected_shape, report_as_expected_shape
from shared_paths import FORMATS, needs_shared


def _examples():
    if not FORMATS.is_file():
        return [pytest.param(None, id="formats.json-absent")]
    return [pytest.param(e, id=e["id"]) for e in json.loads(FORMATS.read_text(encoding="utf-8"))["examples"]]


@needs_shared
@pytest.mark.parametrize("example", _examples())
def test_example_gives_exactly_its_rows(example):
    parsed = parse_document(example["text"])
    expected = example["reports"]
    assert len(parsed.reports) == len(expected), parsed.error
    if not expected:
        assert parsed.status == "no_bulletin"
    for got, want in zip(parsed.reports, expected):
        assert report_as_expected_shape(got) == expected_shape(want)
        if "consistent" in want:
            assert got.consistent == want["consistent"], got.problems
        codes = {p.code for p in got.problems}
        assert set(want.get("problem_codes_include", [])) <= codes
