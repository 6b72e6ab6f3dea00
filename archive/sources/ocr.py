"""Pictures (PNG, JPEG, WebP) and scanned PDF pages read by OCR: RapidOCR on onnxruntime, the
optional extra ``pip install 'bulletin-archive[ocr]'`` (its Chinese models ship inside the wheel,
so it reads offline).

OCR reads what it can prove. A picture is read in tiles, so that a tall one costs no more memory
than a short one; lines are put back together from the boxes found in them, wrapped lines joined
into their paragraphs; a 一 between numbers is a dash (病例1一病例510); a line read with less
confidence than CONFIDENCE_THRESHOLD is left out and said so (a document problem), never a guess
that a figure rests on. A picture larger than MAX_PICTURE_PIXELS is refused before it is decoded.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from archive.sources.decode import DecodeError
from archive.sources.document import Reading
from archive.sources.problems import OCR_LOW_CONFIDENCE, ReadingProblem
from archive.sources.wrapping import Line, paragraphs

if TYPE_CHECKING:
    from PIL.Image import Image

INSTALL_OCR = "pip install 'bulletin-archive[ocr]'"
ENCODING = "ocr"
# The memory ceiling, as the size of a picture: decoded, 25 megapixels take 75 MB beside the
# recognizer's 300 MB, and a bulletin 1,080 pixels wide may be 23,000 tall.
MAX_PICTURE_PIXELS = 25_000_000
CONFIDENCE_THRESHOLD = 0.8
# Tiles: at most this tall, overlapping by more than a line of text, so that every line lies whole
# within the tile that keeps it (the one holding its middle).
_TILE_HEIGHT = 1000
_TILE_OVERLAP = 200
# The detector sees a tile scaled to this longest side (24-pixel glyphs stay legible at 14), which
# bounds its memory whatever the picture.
_DETECTION_SIDE = 640
# A line reaching this share of the text's width is full, and wraps on into the next: lines of
# half-width digits are shorter than lines of characters.
_FULL_LINE_SHARE = 0.7
# Rows further apart than this share of a line's height have a blank line between them.
_PARAGRAPH_GAP = 0.9
# 一 read for a dash: between digits (0一24时), and between a number and a case number (病例1一病例42).
_DASH_MISREAD = re.compile(r"(?<=\d)一(?=\d|(?:确诊|阳性)?病例\d|(?:无症状)?感染者\d)")


def ocr_installed() -> bool:
    """Whether the extra is installed: the recognizer, its runtime, pictures, and PDF pages rendered."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime", "PIL", "pypdfium2"))


def needs_ocr(name: str, what: str) -> DecodeError:
    return DecodeError(
        f"{name} is {what}: reading it needs OCR, which is not installed; {INSTALL_OCR} and ingest it again"
    )


def missing_ocr(error: str | None) -> bool:
    """Whether a stored failure was for want of OCR (read again once it is installed)."""
    return bool(error) and INSTALL_OCR in error


def read_picture(raw: bytes, name: str) -> Reading:
    if not ocr_installed():
        raise needs_ocr(name, "a picture")
    image = open_picture(raw, name)
    text, problems = read_image(image, name)
    if not text:
        raise DecodeError(f"{name} is a picture in which OCR finds no text; if it holds a bulletin, ingest a sharper copy")
    return Reading(text, ENCODING, problems)


def open_picture(raw: bytes, name: str) -> Image:
    """The picture, its size checked against the ceiling before its pixels are decoded."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(raw))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as error:
        raise DecodeError(f"{name} is not a picture that can be read ({error}); save it again as PNG or JPEG") from error
    check_size(image.size, name)
    return image


def check_size(size: tuple[int, int], name: str) -> None:
    width, height = size
    if width * height > MAX_PICTURE_PIXELS:
        raise DecodeError(
            f"{name} is a picture of {width:,} × {height:,} pixels ({width * height / 1e6:.1f} megapixels), larger "
            f"than OCR reads within its memory ceiling ({MAX_PICTURE_PIXELS / 1e6:.0f} megapixels); "
            "scale it down or cut it into parts and ingest those"
        )


def read_image(image: Image, name: str, page: int | None = None) -> tuple[str, tuple[ReadingProblem, ...]]:
    """The text of a picture (``page`` of a PDF), and the lines left out for want of confidence."""
    try:
        image = image.convert("RGB")
    except (OSError, ValueError, SyntaxError) as error:  # a damaged or cut-off file
        raise DecodeError(f"{name} is a damaged picture ({error}); save it again and ingest it") from error
    boxes = list(_boxes(_engine(), image))
    kept = [box for box in boxes if box.score >= CONFIDENCE_THRESHOLD]
    where = f"page {page}: " if page else ""
    problems = tuple(
        ReadingProblem(
            OCR_LOW_CONFIDENCE,
            f"{where}the text at {box.top:.0f} pixels from the top was read as 「{box.text}」 with confidence "
            f"{box.score:.2f}, below {CONFIDENCE_THRESHOLD}: left out",
        )
        for box in boxes
        if box.score < CONFIDENCE_THRESHOLD
    )
    return _DASH_MISREAD.sub("—", _text(_rows(kept))), problems


@dataclass(frozen=True)
class _Box:
    text: str
    score: float
    top: float
    bottom: float
    left: float
    right: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@functools.cache
def _engine():
    from rapidocr import RapidOCR
    from rapidocr.inference_engine.onnxruntime.main import OrtInferSession

    # onnxruntime plans memory for every input shape it sees and keeps the plans: with text lines of
    # every width, a long ingest would grow without end. Planning costs little time next to OCR.
    session_options = OrtInferSession._init_sess_opts

    def without_memory_patterns(config):
        options = session_options(config)
        options.enable_mem_pattern = False
        return options

    OrtInferSession._init_sess_opts = staticmethod(without_memory_patterns)
    return RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.use_cls": False,  # bulletins are upright
            "Global.text_score": 0.0,  # every line comes back: the threshold is ours, and said
            "Det.limit_side_len": _DETECTION_SIDE,
            "Det.limit_type": "max",
            "Rec.rec_batch_num": 1,  # one line at a time: the memory of one line, not of six
            # One thread a process: ingest --jobs runs processes side by side.
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )


def _boxes(engine, image: Image) -> Iterator[_Box]:
    import numpy

    width, height = image.size
    top = 0
    while True:
        bottom = min(top + _TILE_HEIGHT, height)
        last = bottom >= height
        own_from = top + _TILE_OVERLAP / 2 if top else 0
        own_to = height if last else bottom - _TILE_OVERLAP / 2
        result = engine(numpy.asarray(image.crop((0, top, width, bottom))))
        for points, text, score in zip(result.boxes if result.boxes is not None else (), result.txts or (), result.scores or ()):
            xs, ys = [x for x, _ in points], [y + top for _, y in points]
            box = _Box(text.strip(), float(score), min(ys), max(ys), min(xs), max(xs))
            if box.text and own_from <= box.middle < own_to:
                yield box
        if last:
            return
        top += _TILE_HEIGHT - _TILE_OVERLAP


def _rows(boxes: list[_Box]) -> list[_Box]:
    """Boxes side by side on one line made one; rows top to bottom."""
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda box: (box.middle, box.left)):
        if rows and abs(box.middle - _middle(rows[-1])) < (box.bottom - box.top) / 2:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [_row(sorted(row, key=lambda box: box.left)) for row in rows]


def _middle(row: list[_Box]) -> float:
    return sum(box.middle for box in row) / len(row)


def _row(row: list[_Box]) -> _Box:
    text = row[0].text
    for previous, box in zip(row, row[1:]):
        # a gap wider than a character is a space the page showed (table cells)
        text += (" " if box.left - previous.right > box.bottom - box.top else "") + box.text
    return _Box(
        text,
        min(box.score for box in row),
        min(box.top for box in row),
        max(box.bottom for box in row),
        row[0].left,
        row[-1].right,
    )


def _text(rows: list[_Box]) -> str:
    """Rows into paragraphs: a blank line where rows stand further apart than a line, and wrapped
    rows of one paragraph joined."""
    if not rows:
        return ""
    size = median(row.bottom - row.top for row in rows)
    left, right = min(row.left for row in rows), max(row.right for row in rows)
    full_from = left + _FULL_LINE_SHARE * (right - left)
    blocks: list[list[Line]] = [[]]
    for previous, row in zip([None, *rows], rows):
        if previous is not None and row.top - previous.bottom > _PARAGRAPH_GAP * size:
            blocks.append([])
        blocks[-1].append(Line(row.text, row.left, row.right, row.bottom - row.top))
    return "\n\n".join("\n".join(paragraphs(block, full_from)) for block in blocks)
