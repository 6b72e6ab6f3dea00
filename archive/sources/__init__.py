"""Sources: read files, folders and stdin; detect the encoding; strip HTML; hash the bytes.

Knows nothing of SQL or of bulletin grammar.
"""

from archive.sources.decode import DecodeError, decode_bytes
from archive.sources.document import (
    InputProblem,
    RawSource,
    SourceDocument,
    document_from_bytes,
)
from archive.sources.html_text import html_to_text
from archive.sources.inputs import iter_sources, read_source

__all__ = [
    "DecodeError",
    "InputProblem",
    "RawSource",
    "SourceDocument",
    "decode_bytes",
    "document_from_bytes",
    "html_to_text",
    "iter_sources",
    "read_source",
]
