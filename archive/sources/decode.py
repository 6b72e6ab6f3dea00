"""Bytes to text: UTF-8 first, then GB18030 or Big5, whichever reads as Chinese."""

import codecs
from typing import NamedTuple

from archive.sources.binary import binary_kind
from archive.sources.hanzi import chinese_score, reads_as_chinese
from archive.sources.html_text import codec_for_label, declared_charset

# Tried in this order; on equal scores the earlier one wins (Big5-HKSCS is a superset
# of Big5 that also covers Hong Kong characters).
_EAST_ASIAN_CODECS = ("gb18030", "big5", "big5hkscs")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LONGEST_UTF8_SEQUENCE = 4


class DecodeError(ValueError):
    """The bytes cannot be read as a text bulletin; the message says why and what to do."""


class _Decoded(NamedTuple):
    text: str
    encoding: str


def decode_bytes(raw: bytes, name: str = "the input", charset: str | None = None) -> tuple[str, str]:
    """(text, encoding) with line endings normalised to \\n; ``name`` is used in error messages.
    ``charset`` is what held the bytes declared of them (an HTTP header, a MIME part's header)."""
    decoded = _decode(raw, name, charset)
    return _normalise_line_endings(decoded.text), decoded.encoding


def _decode(raw: bytes, name: str, charset: str | None) -> _Decoded:
    if not raw:
        raise DecodeError(f"{name} is empty: there is no bulletin in it; remove it or save the bulletin's text into it")
    # A byte-order mark is the strongest statement of an encoding (it also precedes any
    # meta charset); UTF-16 is checked before the NUL-byte test it would fail.
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            decoded = _strict(raw, encoding)
            if decoded:
                return decoded
    kind = binary_kind(raw)
    if kind:
        raise DecodeError(f"{name} is {kind}, not a text bulletin; ingest the bulletin as a text or HTML file, in UTF-8 if you can")
    # As browsers do: what the bytes' container declares, then the page's own meta charset.
    declared = (codec_for_label(charset) if charset else None) or declared_charset(raw)
    from_meta = _strict(raw, declared) if declared else None
    if from_meta and (from_meta.text.isascii() or reads_as_chinese(from_meta.text)):
        return from_meta
    detected = _detect(raw)
    # A meta charset that decodes without error but does not read as Chinese (latin-1
    # declared on a GBK page) gives way to a detected encoding that does.
    if from_meta and (detected is None or not reads_as_chinese(detected.text)):
        return from_meta
    if detected is None:
        raise DecodeError(f"cannot decode {name} as UTF-8, GB18030 or Big5; convert it to UTF-8 and ingest again")
    return detected


def _detect(raw: bytes) -> _Decoded | None:
    utf8 = _strict(raw, "utf-8") or _truncated_utf8(raw)
    if utf8:
        return utf8
    candidates = [decoded for codec in _EAST_ASIAN_CODECS if (decoded := _strict(raw, codec))]
    best = max(candidates, key=lambda candidate: chinese_score(candidate.text), default=None)
    if best and reads_as_chinese(best.text):
        return best
    # Generic detection misreads short Chinese texts, so it is only asked about what
    # does not read as Chinese in any of the encodings above (Shift-JIS, Latin-1, ...).
    guess = _guess_other_encoding(raw)
    if guess and (best is None or chinese_score(guess.text) > chinese_score(best.text)):
        return guess
    return best


def _strict(raw: bytes, encoding: str) -> _Decoded | None:
    try:
        return _Decoded(raw.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _truncated_utf8(raw: bytes) -> _Decoded | None:
    """UTF-8 text whose last character was cut off (an interrupted save or copy).

    The broken tail becomes U+FFFD (and a BOM is dropped). The intact part must contain multi-byte
    characters, so that ASCII followed by one GBK character is not taken for UTF-8.
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        cut_at_end = error.reason == "unexpected end of data" and len(raw) - error.start < _LONGEST_UTF8_SEQUENCE
        if cut_at_end and not raw[: error.start].isascii():
            return _Decoded(raw.decode("utf-8-sig", errors="replace"), "utf-8")
    return None


def _guess_other_encoding(raw: bytes) -> _Decoded | None:
    from charset_normalizer import from_bytes  # seldom needed, and slow to load

    match = from_bytes(raw).best()
    if match is None:
        return None
    return _Decoded(str(match), match.encoding)


def _normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
