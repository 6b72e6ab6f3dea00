"""MHTML (.mhtml, .mht): a browser's single-file save of a page, a MIME message whose parts are the
page and what it shows. The page is its HTML part, in the charset and transfer encoding
(quoted-printable, base64) its part's headers declare; read with the standard library's email.
"""

from __future__ import annotations

import email
import email.policy

from archive.sources.decode import DecodeError, decode_bytes
from archive.sources.document import Reading
from archive.sources.html_text import html_to_text, looks_like_html

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_mhtml(raw: bytes, name: str) -> Reading:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    page = _page_part(message)
    if page is None:
        raise DecodeError(f"{name} is a saved web page (MHTML) without an HTML part; save the page again and ingest it")
    payload = page.get_payload(decode=True) or b""
    text, encoding = decode_bytes(payload, f"the page saved in {name}", page.get_content_charset())
    if page.get_content_type() != "text/plain" or looks_like_html(text):
        text = html_to_text(text)
    return Reading(text, encoding)


def _page_part(message):
    """The part the save was made of (Snapshot-Content-Location names it), else its first page part."""
    parts = [part for part in message.walk() if part.get_content_type() in _PAGE_TYPES]
    location = message.get("Snapshot-Content-Location")
    for part in parts:
        if location and part.get("Content-Location") == location:
            return part
    return parts[0] if parts else None
