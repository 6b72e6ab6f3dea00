"""What the sources layer hands on: one document read, or a path that gave no file.

A document is its bytes: a file, a zip's member, a web archive's record. Where they were found
(Found) travels with them, so that the archive keeps every place the same bytes turn up.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from archive.sources.decode import DecodeError
from archive.sources.problems import ReadingProblem

STDIN = "-"
# Between a container's path and the name of what it holds, in a document's source:
# bulletins.zip!2022/page.pdf, crawl.warc.gz!https://example.org/a.html
INSIDE = "!"


@dataclass(frozen=True)
class Found:
    """Where a document's bytes were found: the file as the user named it (``container``), and inside
    it the record's URL or the member's name (``origin``, "" for the file itself), with the time a web
    archive captured the record or a browser saved the page (``captured_at``, UTC)."""

    container: str
    origin: str = ""
    captured_at: dt.datetime | None = None

    @property
    def source(self) -> str:
        return f"{self.container}{INSIDE}{self.origin}" if self.origin else self.container


@dataclass(frozen=True)
class Reading:
    """A document's text, how it was read (a codec, or pdf, docx, ocr), and what could not be proved."""

    text: str
    encoding: str
    problems: tuple[ReadingProblem, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    source: str  # where it was found, as Found.source gives it ("-" for stdin)
    raw: bytes  # the bytes read (b"" when the file could not be read)
    sha256: str  # hex SHA-256 of raw
    text: str | None  # decoded text, pages reduced to their visible text; None on error
    encoding: str | None  # "utf-8", "gb18030", "big5", ..., "pdf", "docx", "ocr"; None on error
    error: str | None  # why it cannot be read or decoded, and what to do; None when fine
    found: Found | None = None  # None: the file ``source`` itself
    problems: tuple[ReadingProblem, ...] = ()

    @property
    def place(self) -> Found:
        return self.found or Found(self.source)


@dataclass(frozen=True)
class InputProblem:
    """A path argument that yields no file at all (missing, unlistable folder, broken link)."""

    source: str
    message: str


@dataclass(frozen=True)
class PassedOver:
    """A web archive's record that is no page (a request, metadata, a picture, a redirect): counted
    by ``kind`` (request, metadata, warcinfo, revisit, not a page, not 200 OK), not stored."""

    kind: str


def _display_name(source: str) -> str:
    return "standard input" if source == STDIN else source


@dataclass(frozen=True)
class RawSource:
    """An input read and hashed but not decoded yet, so that bytes already stored are
    recognised by their hash without the cost of decoding them."""

    source: str
    raw: bytes
    sha256: str
    found: Found | None = None
    charset: str | None = None  # declared by what held the bytes (a web archive's HTTP header)

    @property
    def place(self) -> Found:
        return self.found or Found(self.source)

    def decode(self) -> SourceDocument:
        """Read the bytes in their form; failures become a document with ``error`` set."""
        from archive.sources.reading import read_document  # which builds on this module's values

        try:
            reading = read_document(self.raw, _display_name(self.source), self.charset)
        except DecodeError as error:
            return SourceDocument(self.source, self.raw, self.sha256, None, None, str(error), self.found)
        return SourceDocument(
            self.source,
            self.raw,
            self.sha256,
            reading.text,
            reading.encoding,
            None,
            self.found,
            reading.problems,
        )


def raw_source(source: str, raw: bytes, found: Found | None = None, charset: str | None = None) -> RawSource:
    return RawSource(source, raw, hashlib.sha256(raw).hexdigest(), found, charset)


def document_from_bytes(source: str, raw: bytes) -> SourceDocument:
    """Decode bytes read from ``source``; failures become a document with ``error`` set."""
    return raw_source(source, raw).decode()


def unreadable(source: str, message: str, found: Found | None = None) -> SourceDocument:
    """Bytes that could not be read whole: keyed by where they were found, since there are no bytes
    to hash (so that two unreadable files are two failed records, not one)."""
    key = hashlib.sha256(b"unreadable\0" + source.encode("utf-8", "surrogateescape")).hexdigest()
    return SourceDocument(source, b"", key, text=None, encoding=None, error=message, found=found)
