"""Which form a file's bytes are in, told from the bytes, never from the name alone.

Containers hold documents (a zip's members, a web archive's records); every other form is one
document, read into text by the reader of its form.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

PDF = "pdf"
DOCX = "docx"
MHTML = "mhtml"
PICTURE = "picture"
TEXT = "text"  # plain text or an HTML page: decode.py tells which encoding, html_text.py strips the page
ZIP = "zip"
WARC = "warc"  # plain or gzip-compressed, record by record
CONTAINERS = frozenset({ZIP, WARC})
DESCRIPTIONS = {ZIP: "a zip archive", WARC: "a web archive (WARC)"}
# Containers are opened this many levels deep (a zip in a zip); deeper ones are refused.
MAX_DEPTH = 3

# Readers of PDF look for %PDF- within the first kilobyte, as Acrobat does.
_PDF_WITHIN = 1024
_PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"
# A browser's single-file save: a MIME message whose headers announce multipart/related.
_MIME_HEADERS_END = re.compile(rb"\r?\n\r?\n")
_MIME_VERSION = re.compile(rb"(?im)^mime-version\s*:")
_MULTIPART_RELATED = re.compile(rb"(?im)^content-type\s*:\s*multipart/related")
DOCX_BODY = "word/document.xml"
# What form_of needs of a file's start.
SNIFF_BYTES = 8192


def form_of(head: bytes) -> str:
    """The form of bytes that start with ``head`` (SNIFF_BYTES of them are enough); a zip is
    told from a Word file by form_of_zip, which needs the whole file."""
    if head.startswith(_PICTURE_MAGIC) or _is_webp(head):
        return PICTURE
    if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        return ZIP
    if head.startswith(_WARC_MAGIC) or (head.startswith(_GZIP_MAGIC) and _gunzipped_head(head).startswith(_WARC_MAGIC)):
        return WARC
    if b"%PDF-" in head[:_PDF_WITHIN]:
        return PDF
    if _is_mhtml(head):
        return MHTML
    return TEXT


def form_of_zip(file) -> str:
    """DOCX for a Word file (a zip holding word/document.xml), else ZIP; ``file`` is seekable."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ZIP  # the zip reader says what is wrong with it
    finally:
        file.seek(0)
    return DOCX if DOCX_BODY in names else ZIP


def form_of_bytes(raw: bytes) -> str:
    form = form_of(raw[:SNIFF_BYTES])
    return form_of_zip(io.BytesIO(raw)) if form == ZIP else form


def _is_webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _gunzipped_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 16)
    except zlib.error:
        return b""


def _is_mhtml(head: bytes) -> bool:
    sample = head[:SNIFF_BYTES]
    end = _MIME_HEADERS_END.search(sample)
    headers = sample[: end.start()] if end else sample
    return bool(_MIME_VERSION.search(headers) and _MULTIPART_RELATED.search(headers))
