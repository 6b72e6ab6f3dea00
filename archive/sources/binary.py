"""Recognise files that are not text at all and not in a form the archive reads (forms.py), so
that they fail with a clear reason."""

_MAGIC_NUMBERS = (
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive (only web archives, .warc.gz, are read compressed)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel document (.doc, .xls: save it as .docx)"),
)

# Tab, line feed, carriage return and form feed (page breaks from PDF text dumps).
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
_OTHER_CONTROLS = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROLS)
_SAMPLE_SIZE = 8192
_MAX_CONTROL_SHARE = 0.1


def binary_kind(raw: bytes) -> str | None:
    """A short description of what the bytes are when they are not text, else None."""
    for magic, kind in _MAGIC_NUMBERS:
        if raw.startswith(magic):
            return kind
    if b"\x00" in raw:
        return "binary data (it contains NUL bytes)"
    sample = raw[:_SAMPLE_SIZE]
    controls = len(sample) - len(sample.translate(None, _OTHER_CONTROLS))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        return "binary data (it is full of control characters)"
    return None
