"""One document's bytes into text, by the reader of its form (told from the bytes, forms.py)."""

from __future__ import annotations

from archive.sources import forms
from archive.sources.decode import DecodeError, decode_bytes
from archive.sources.document import Reading
from archive.sources.html_text import html_to_text, looks_like_html


def read_document(raw: bytes, name: str, charset: str | None = None) -> Reading:
    """The document's text; DecodeError says why it cannot be read and what to do.
    ``charset`` is what held the bytes declared of them (a web archive's HTTP header)."""
    form = forms.form_of_bytes(raw)
    if form == forms.PDF:
        from archive.sources.pdf import read_pdf

        return read_pdf(raw, name)
    if form == forms.DOCX:
        from archive.sources.docx import read_docx

        return read_docx(raw, name)
    if form == forms.MHTML:
        from archive.sources.mhtml import read_mhtml

        return read_mhtml(raw, name)
    if form == forms.PICTURE:
        from archive.sources.ocr import read_picture

        return read_picture(raw, name)
    if form in forms.CONTAINERS:
        # Containers are opened where inputs are listed (containers.py); one held this deep is not.
        raise DecodeError(
            f"{name} is {forms.DESCRIPTIONS[form]} held inside archives {forms.MAX_DEPTH} deep, which are not opened; "
            "unpack it and ingest its files"
        )
    text, encoding = decode_bytes(raw, name, charset)
    return Reading(html_to_text(text) if looks_like_html(text) else text, encoding)
