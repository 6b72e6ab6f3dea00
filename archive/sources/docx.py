"""Word files (.docx): paragraphs and tables in document order, read from the file's XML with the
standard library (a .docx is a zip of XML parts).

A table reads like text: a row is a line of its cells; a table of areas and counts (香坊区 | 38)
reads like the list a bulletin writes (香坊区38例、南岗区33例。), which is how the parser knows it.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from archive.sources.decode import DecodeError
from archive.sources.document import Reading
from archive.sources.forms import DOCX_BODY

ENCODING = "docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The main part is XML a few megabytes long at most; past this it is not a letter but a bomb.
MAX_BODY_BYTES = 64 * 1024 * 1024
_COUNT = re.compile(r"(\d+)\s*例?")
_AREA = re.compile(r"[\u4e00-\u9fff]{2,}")
# A table's total row is not an area: it stays a line of its own after the list.
_TOTAL = re.compile(r"[合总小]计")


def read_docx(raw: bytes, name: str) -> Reading:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo(DOCX_BODY)
            if info.file_size > MAX_BODY_BYTES:
                raise DecodeError(f"{name} is a Word file whose text part inflates to {info.file_size:,} bytes, past {MAX_BODY_BYTES:,}: it was not read")
            with archive.open(info) as part:
                body = part.read(MAX_BODY_BYTES + 1)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError) as error:
        raise DecodeError(f"{name} is a damaged Word file ({error}); open it in Word, save it again and ingest that") from error
    if len(body) > MAX_BODY_BYTES:
        raise DecodeError(f"{name} is a Word file whose text part inflates past {MAX_BODY_BYTES:,} bytes: it was not read")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise DecodeError(f"{name} is a damaged Word file ({error}); open it in Word, save it again and ingest that") from error
    document_body = root.find(f"{_W}body")
    blocks = [] if document_body is None else [_block_text(element) for element in document_body]
    return Reading("\n".join(block for block in blocks if block is not None), ENCODING)


def _block_text(element) -> str | None:
    if element.tag == f"{_W}p":
        return _paragraph_text(element)
    if element.tag == f"{_W}tbl":
        return _table_text(element)
    return None


def _paragraph_text(paragraph) -> str:
    pieces = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            pieces.append(node.text or "")
        elif node.tag == f"{_W}tab":
            pieces.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            pieces.append("\n")
    return "".join(pieces)


def _table_text(table) -> str:
    rows = [
        ["\n".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.findall(f"{_W}tc")]
        for row in table.findall(f"{_W}tr")
    ]
    heading = rows[:1] if rows and not _area_and_count(rows[0]) else []
    body = rows[len(heading) :]
    totals = [row for row in body if row and _TOTAL.fullmatch(row[0])]
    areas = [row for row in body if row not in totals]
    if not areas or not all(map(_area_and_count, areas)):
        return _lines(rows)
    listed = "、".join(f"{area}{_COUNT.fullmatch(count).group(1)}例" for area, count in areas) + "。"
    return "\n".join(filter(None, (_lines(heading), listed, _lines(totals))))


def _lines(rows: list[list[str]]) -> str:
    return "\n".join(" ".join(cell for cell in row if cell) for row in rows)


def _area_and_count(row: list[str]) -> bool:
    return len(row) == 2 and bool(_AREA.fullmatch(row[0])) and bool(_COUNT.fullmatch(row[1]))
