"""Pure parsing: normalized text in, plain dataclasses out (no SQL, no files, no click)."""

from archive.parse.model import (
    CASE_TYPES,
    ChannelCount,
    DistrictCount,
    Notice,
    ParsedDocument,
    ParseHints,
    Place,
    Problem,
    Report,
)
from archive.parse.document import PARSER_VERSION, parse_document

__all__ = [
    "CASE_TYPES",
    "ChannelCount",
    "DistrictCount",
    "Notice",
    "PARSER_VERSION",
    "ParseHints",
    "ParsedDocument",
    "Place",
    "Problem",
    "Report",
    "parse_document",
]
