"""PDF: the text layer read by pdfminer.six's layout analysis, column by column, an article's
lines in order; pages without a text layer but with a picture (scans) read by OCR.

A PDF is one document. Its pages are joined by form feeds, so that a report's page follows from
its span. pdfminer finds the lines of a page; page_layout.py puts them in reading order and
joins the lines the layout wrapped.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from archive.sources import ocr
from archive.sources.decode import DecodeError
from archive.sources.document import Reading
from archive.sources.problems import ReadingProblem
from archive.sources.page_layout import TextLine, page_paragraphs

if TYPE_CHECKING:
    from pdfminer.layout import LTPage

ENCODING = "pdf"
ENCODING_WITH_OCR = "pdf+ocr"  # some pages had no text layer and were read by OCR
PAGE_BREAK = "\f"
# pdfminer says on stderr what it repairs in a damaged file; what cannot be read is said in our reasons.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
# Scanned pages are rendered at the resolution of their pictures, within these bounds (pixels a point).
_SCALES = (1.0, 4.0)


def read_pdf(raw: bytes, name: str) -> Reading:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages: list[str] = []
    problems: list[ReadingProblem] = []
    scanned = []
    try:
        for number, page in enumerate(_layout(raw), start=1):
            text = _page_text(page)
            if not text and _has_picture(page):
                scanned.append(number)
                text = _scanned_page_text(raw, number, page, name, problems)
            pages.append(text)
    except PDFPasswordIncorrect as error:
        raise DecodeError(
            f"{name} is a PDF protected by a password; open it with its password, save a copy without one "
            "and ingest that"
        ) from error
    except PDFEncryptionError as error:
        raise DecodeError(f"{name} is an encrypted PDF that cannot be opened ({error}); save a copy without encryption and ingest that") from error
    except RecursionError as error:
        raise DecodeError(f"{name} is a PDF whose objects are nested too deeply to read; it is damaged or hostile") from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError) as error:
        raise DecodeError(f"{name} is a damaged PDF ({type(error).__name__}: {error}); save or print it as a new PDF and ingest that") from error
    if not any(page.strip() for page in pages):
        where = "on its only page" if len(pages) == 1 else f"on any of its {len(pages):,} pages"
        raise DecodeError(f"{name} is a PDF with no text {where}; if it holds a bulletin, ingest its pages as pictures")
    return Reading(PAGE_BREAK.join(pages), ENCODING_WITH_OCR if scanned else ENCODING, tuple(problems))


def _layout(raw: bytes) -> Iterator[LTPage]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    return extract_pages(io.BytesIO(raw), laparams=LAParams())


def _page_text(page: LTPage) -> str:
    """A page's paragraphs in reading order (page_layout.py), a blank line between them."""
    lines = [
        TextLine(text, line.x0, line.x1, page.height - line.y1, page.height - line.y0)
        for line in _text_lines(page)
        if (text := line.get_text().strip())
    ]
    return "\n\n".join(page_paragraphs(lines, page.width))


def _text_lines(page: LTPage) -> Iterator:
    from pdfminer.layout import LTTextLine

    return _elements(page, LTTextLine)


def _pictures(page: LTPage) -> Iterator:
    from pdfminer.layout import LTImage

    return _elements(page, LTImage)


def _has_picture(page: LTPage) -> bool:
    return next(_pictures(page), None) is not None


def _elements(container, kind: type) -> Iterator:
    """The elements of a kind in a layout, however deep in its boxes and figures."""
    from pdfminer.layout import LTContainer

    for element in container:
        if isinstance(element, kind):
            yield element
        elif isinstance(element, LTContainer):
            yield from _elements(element, kind)


def _scanned_page_text(raw: bytes, number: int, page: LTPage, name: str, problems: list[ReadingProblem]) -> str:
    where = f"{name} page {number}"
    if not ocr.ocr_installed():
        raise ocr.needs_ocr(name, f"a PDF whose page {number} is a scan without a text layer")
    import pypdfium2

    scale = min(max(_picture_resolution(page), _SCALES[0]), _SCALES[1])
    width, height = page.width * scale, page.height * scale
    ocr.check_size((round(width), round(height)), where)
    document = pypdfium2.PdfDocument(raw)
    try:
        image = document[number - 1].render(scale=scale, grayscale=True).to_pil()
    finally:
        document.close()
    text, page_problems = ocr.read_image(image, where, number)
    problems.extend(page_problems)
    return text


def _picture_resolution(page: LTPage) -> float:
    """Pixels a point of the page's sharpest picture, so that rendering keeps the scan's detail."""
    return max(
        (picture.srcsize[0] / picture.width for picture in _pictures(page) if picture.width and picture.srcsize[0]),
        default=_SCALES[0],
    )
