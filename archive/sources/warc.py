"""Web archives (WARC and WARC.gz, the format of national libraries' and the Internet Archive's
crawls), read record by record with warcio without holding the archive in memory.

Every HTML or text response is a document, with its URL and the time it was captured; requests,
metadata and other records, and responses that are no page (pictures, scripts, redirects,
errors), are passed over and counted by kind.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from archive.sources.document import PassedOver

TRUNCATED = "the archive ends in the middle of a record of this address (it is truncated)"
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
NOT_A_PAGE = "not a page"
NOT_OK = "not 200 OK"


@dataclass(frozen=True)
class Record:
    """A page the archive captured: its payload, read whole (at most ``limit`` bytes)."""

    url: str
    captured_at: dt.datetime | None
    payload: bytes
    charset: str | None


@dataclass(frozen=True)
class Broken:
    """Where the archive stops making sense: a record cut off, or bytes that are no record.
    Nothing after it can be read."""

    url: str
    reason: str


def records(stream: BinaryIO, limit: int) -> Iterator[Record | PassedOver | Broken]:
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.archiveiterator import ArchiveIterator

    start = stream.tell()
    end = stream.seek(0, io.SEEK_END)  # the iterator's offsets are positions in the stream
    stream.seek(start)
    url = ""
    records = ArchiveIterator(stream)
    try:
        for record in records:
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            kind = _passed_over(record)
            if kind:
                yield PassedOver(kind)
                continue
            payload = record.content_stream().read(limit + 1)
            if len(payload) > limit:
                yield Broken(url, f"its page is larger than {limit:,} bytes, which the archive does not read")
                return
            if record.raw_stream.limit > 0:
                yield Broken(url, TRUNCATED)
                return
            yield Record(url, _captured_at(record), payload, _content_type(record)[1])
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        where = f"after the record of {url}" if url else "at its start"
        yield Broken(url, f"it cannot be read {where}: {error}")
        return
    # A compressed record cut off ends the iteration without a word: bytes are left that made no record.
    if records.offset < end:
        yield Broken(url, TRUNCATED)


def _passed_over(record) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return record.rec_type
    if record.rec_type == "response":
        if record.http_headers is None:  # a DNS lookup, a non-HTTP capture
            return NOT_A_PAGE
        if not record.http_headers.get_statuscode().startswith("2"):
            return NOT_OK
    mime, _ = _content_type(record)
    return None if mime in _PAGE_TYPES else NOT_A_PAGE


def _content_type(record) -> tuple[str, str | None]:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    mime, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, setting = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = setting.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _captured_at(record) -> dt.datetime | None:
    stamp = record.rec_headers.get_header("WARC-Date")
    try:
        captured = dt.datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None
    if captured is not None and captured.tzinfo is None:
        captured = captured.replace(tzinfo=dt.UTC)
    return captured

