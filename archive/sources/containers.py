"""Containers opened into the documents they hold: a zip's members, a web archive's pages, and
containers within them (a web archive in a zip) up to forms.MAX_DEPTH levels.

What cannot be read is a failed document that says why, keyed by where it was found; a broken
web archive gives the pages before the break.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from archive.sources import forms, warc, zips
from archive.sources.decode import DecodeError
from archive.sources.document import INSIDE, Found, InputProblem, PassedOver, RawSource, SourceDocument, raw_source, unreadable

Item = RawSource | SourceDocument | InputProblem | PassedOver
# The largest document a container may hold, inflated: zips.MAX_MEMBER_BYTES for a web archive's pages too.
MAX_DOCUMENT_BYTES = zips.MAX_MEMBER_BYTES


def items_in(container: str, file: BinaryIO, form: str, inside: str = "", depth: int = 1) -> Iterator[Item]:
    """The documents of ``file``, a container of ``form`` named ``container`` by the user (``inside``:
    where in that file it lies, for a container within a container)."""
    found_any = False
    opened = _warc_items if form == forms.WARC else _zip_items
    for item in opened(container, file, inside, depth):
        found_any = True
        yield item
    if not found_any:
        where = Found(container, inside).source
        yield InputProblem(where, f"{where} is {forms.DESCRIPTIONS[form]} that holds no files; there is nothing in it to ingest")


def _zip_items(container: str, file: BinaryIO, inside: str, depth: int) -> Iterator[Item]:
    try:
        archive = zips.open_zip(file, Found(container, inside).source)
    except DecodeError as error:
        yield unreadable(Found(container, inside).source, str(error), Found(container, inside))
        return
    with archive:
        for info, name in zips.members(archive):
            found = Found(container, _within(inside, name))
            try:
                zips.check_name(name)
                raw = zips.read_member(archive, info)
            except zips.MemberError as error:
                yield unreadable(found.source, f"{found.source}: {error}", found)
                continue
            form = forms.form_of_bytes(raw)
            if form in forms.CONTAINERS and depth < forms.MAX_DEPTH:
                yield from items_in(container, io.BytesIO(raw), form, found.origin, depth + 1)
            else:
                yield raw_source(found.source, raw, found)


def _warc_items(container: str, file: BinaryIO, inside: str, depth: int) -> Iterator[Item]:
    for record in warc.records(file, MAX_DOCUMENT_BYTES):
        if isinstance(record, PassedOver):
            yield record
        elif isinstance(record, warc.Record):
            found = Found(container, _within(inside, record.url), record.captured_at)
            yield raw_source(found.source, record.payload, found, record.charset)
        else:
            found = Found(container, _within(inside, record.url))
            yield unreadable(found.source, f"{found.source}: {record.reason}", found)


def _within(inside: str, name: str) -> str:
    return f"{inside}{INSIDE}{name}" if inside else name
