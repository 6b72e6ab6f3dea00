"""Ten Shanghai daily bulletins of ../shared/real, rendered as pictures (1,080 pixels wide, 24-pixel
glyphs, lines wrapped at 40 characters) and read back by OCR, give the reports their text gives:
the same regions, days and windows, totals and district rows, for at least nine of the ten.

The one a picture may lose: a line wrapped at 40 characters can leave a paragraph's closing 。
alone on the last line, too small a mark for the recognizer to find; the paragraph then runs
into the next one. `pytest tests/test_forms_ocr_shanghai.py -s` prints the pages that differ.
"""

from __future__ import annotations

import pytest
from make_forms import picture, png
from shared_paths import SHARED

from archive.parse import parse_document
from archive.sources import document_from_bytes

SHANGHAI = SHARED / "real" / "shanghai-2022"
DAYS = ("20220214", "20220216", "20220218", "20220429", "20220505", "20220506", "20220510", "20220513", "20220515", "20220517")
MIN_SAME = 9
pytestmark = pytest.mark.skipif(not SHANGHAI.is_dir(), reason="../shared/real (the real pages) is absent")
FIGURES = ("local_confirmed", "local_asymptomatic", "local_positive", "initial_positive", "imported_confirmed", "imported_asymptomatic", "converted")


def reports(text: str) -> list[tuple]:
    return sorted(
        (
            (report.region, report.report_date, report.window_start_hour, report.window_end_hour),
            tuple(getattr(report, figure) for figure in FIGURES),
            sorted((row.case_type, row.city, row.district, row.count) for row in report.districts),
        )
        for report in parse_document(text).reports
    )


def test_pictures_of_shanghai_bulletins_give_the_reports_of_their_text():
    same = []
    for day in DAYS:
        text = (SHANGHAI / f"number-{day}.txt").read_text(encoding="utf-8")
        read = document_from_bytes(f"number-{day}.png", png(picture(text)))
        assert (read.error, read.encoding) == (None, "ocr")
        expected, got = reports(text), reports(read.text)
        assert expected, f"number-{day}.txt gives no report"
        if got == expected:
            same.append(day)
        else:
            print(f"number-{day}: the text gives {expected}\nOCR gives {got}")
    print(f"{len(same)} of {len(DAYS)} pictures give the reports of their text")
    assert len(same) >= MIN_SAME, f"only {same}"
