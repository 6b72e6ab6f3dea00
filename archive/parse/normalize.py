"""Text normalization: the one place the stored ``document.text`` is shaped.

Every span the parser reports indexes the text this module returns, so all
rewriting (width, script, spacing, broken lines) happens here, before parsing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that end a line which is complete in itself; a line ending in
# anything else, in a line of prose, was broken by the page layout.
# (";" is not among them: it separates clauses of one sentence, so a line ending in it was broken.)
_LINE_END_PUNCTUATION = "。!?:…\"'”’」』)]》"
# A line holds prose (not a headline or a dateline) when it contains one of these.
_PROSE_MARKS = re.compile(r"[,。;]")
_HAN_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
_CJK = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _HAN_BLOCKS)
# Spaces touching a Chinese character are layout, not content ("57 例", "本报讯 (记者").
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}\(\)])[ \t\u3000]+|[ \t\u3000]+(?=[{_CJK}\(\)])")
# Control and format characters (zero-width spaces, direction marks, stray NULs)
# carry no content and would split words; tab and line end are kept.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_HAN = re.compile(rf"[{_CJK}]")
# Below this share of changed Han characters a page is simplified text that
# merely contains a character OpenCC would rewrite (乾安县 → 干安县).
_TRADITIONAL_SHARE = 0.02


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _rewritten_by_t2s() -> re.Pattern:
    """The Han characters that OpenCC's t2s rewrites on their own, found once per process by
    converting them all (a few hundredths of a second): a page holding none of them is left
    as it is without asking OpenCC, whose conversion took two fifths of normalization's time."""
    characters = [chr(code) for low, high in _HAN_BLOCKS for code in range(low, high + 1)]
    converted = _t2s().convert("\n".join(characters)).split("\n")
    rewritten = (character for character, new in zip(characters, converted, strict=True) if new != character)
    return re.compile(f"[{''.join(rewritten)}]")


def to_simplified(text: str) -> str:
    """Convert traditional script to simplified when the text is written in it."""
    if not _rewritten_by_t2s().search(text):
        return text
    converted = _t2s().convert(text)
    if converted == text:
        return text
    han = len(_HAN.findall(text)) or 1
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    return converted if changed / han >= _TRADITIONAL_SHARE else text


def repair_line_breaks(text: str) -> str:
    """Join prose lines that a page layout broke in the middle of a sentence.

    A line is joined to the next non-blank line when it contains sentence
    punctuation (so it is prose, not a headline or a dateline) and does not end
    with punctuation that closes a sentence.
    """
    lines = text.split("\n")
    out: list[str] = []
    pending_join = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if not pending_join and out and out[-1]:
                out.append("")
            continue
        if pending_join:
            out[-1] += stripped
        else:
            out.append(stripped)
        current = out[-1]
        pending_join = bool(_PROSE_MARKS.search(current)) and current[-1] not in _LINE_END_PUNCTUATION
    return "\n".join(out).strip("\n")


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = to_simplified(text)
    text = _SPACE_NEAR_CJK.sub("", text)
    return repair_line_breaks(text)
