"""Sources: read files, folders and stdin, and the documents zips and web archives hold; read each
in its form (text or HTML in any encoding, PDF, Word, MHTML, pictures by OCR); hash the bytes.

Knows nothing of SQL or of bulletin grammar. Names are imported from their modules on
first use (archive.lazy).
"""

from archive.lazy import lazy_exports

_EXPORTS = {
    "archive.sources.decode": ("DecodeError", "decode_bytes"),
    "archive.sources.document": (
        "Found",
        "InputProblem",
        "PassedOver",
        "RawSource",
        "SourceDocument",
        "document_from_bytes",
    ),
    "archive.sources.html_text": ("html_to_text",),
    "archive.sources.inputs": ("iter_sources", "read_file"),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
