"""What the sources layer hands on: one decoded input, or a path that gave no file."""

import hashlib
from dataclasses import dataclass

from archive.sources.decode import DecodeError, decode_bytes
from archive.sources.html_text import html_to_text, looks_like_html

STDIN = "-"


@dataclass(frozen=True)
class SourceDocument:
    source: str  # the path as the user gave it, or "-" for stdin
    raw: bytes  # the bytes read (b"" when the file could not be read)
    sha256: str  # hex SHA-256 of raw
    text: str | None  # decoded text, pages reduced to their visible text; None on error
    encoding: str | None  # "utf-8", "utf-8-sig", "gb18030", "big5", ...; None on error
    error: str | None  # why it cannot be read or decoded, and what to do; None when fine


@dataclass(frozen=True)
class InputProblem:
    """A path argument that yields no file at all (missing, unlistable folder, broken link)."""

    source: str
    message: str


def _display_name(source: str) -> str:
    return "standard input" if source == STDIN else source


@dataclass(frozen=True)
class RawSource:
    """An input read and hashed but not decoded yet, so that bytes already stored are
    recognised by their hash without the cost of decoding them."""

    source: str
    raw: bytes
    sha256: str

    def decode(self) -> SourceDocument:
        """Decode the bytes; failures become a document with ``error`` set."""
        try:
            text, encoding = decode_bytes(self.raw, _display_name(self.source))
        except DecodeError as error:
            return SourceDocument(self.source, self.raw, self.sha256, text=None, encoding=None, error=str(error))
        if looks_like_html(text):
            text = html_to_text(text)
        return SourceDocument(self.source, self.raw, self.sha256, text=text, encoding=encoding, error=None)


def raw_source(source: str, raw: bytes) -> RawSource:
    return RawSource(source, raw, hashlib.sha256(raw).hexdigest())


def document_from_bytes(source: str, raw: bytes) -> SourceDocument:
    """Decode bytes read from ``source``; failures become a document with ``error`` set."""
    return raw_source(source, raw).decode()


def unreadable(source: str, message: str) -> SourceDocument:
    """A file whose bytes could not be read: keyed by its path, since there are no bytes to hash
    (so that two unreadable files are two failed records, not one)."""
    key = hashlib.sha256(b"unreadable\0" + source.encode("utf-8", "surrogateescape")).hexdigest()
    return SourceDocument(source, b"", key, text=None, encoding=None, error=message)
