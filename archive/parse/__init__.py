"""Pure parsing: normalized text in, plain dataclasses out (no SQL, no files, no click).

Names are imported from their modules on first use (archive.lazy): the plain values of
archive.parse.model do not load the grammar.
"""

from archive.lazy import lazy_exports

_EXPORTS = {
    "archive.parse.model": (
        "CASE_TYPES",
        "PARSER_VERSION",
        "ChannelCount",
        "DistrictCount",
        "Notice",
        "Place",
        "ParsedDocument",
        "ParseHints",
        "Problem",
        "Report",
    ),
    "archive.parse.document": ("parse_document",),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(name for names in _EXPORTS.values() for name in names)
