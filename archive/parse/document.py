"""Entry point of the parser (being written: see archive/parse)."""

from __future__ import annotations

from archive.parse.model import ParsedDocument, ParseHints

PARSER_VERSION = "0.1.0"


def parse_document(text: str, hints: ParseHints | None = None) -> ParsedDocument:
    raise NotImplementedError
