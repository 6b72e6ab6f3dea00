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
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
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


def to_simplified(text: str) -> str:
    """Convert traditional script to simplified when the text is written in it."""
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
    previous, after_blank = "", False  # district posts hook: see _list_item_end
    for line in lines:
        stripped = line.strip()
        if not stripped:
            after_blank = True
            if not pending_join and out and out[-1]:
                out.append("")
            continue
        if pending_join:
            out[-1] += _list_item_end(previous, after_blank, stripped) + stripped
        else:
            out.append(stripped)
        current = out[-1]
        pending_join = bool(_PROSE_MARKS.search(current)) and current[-1] not in _LINE_END_PUNCTUATION
        previous, after_blank = stripped, False
    return "\n".join(out).strip("\n")


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = to_simplified(text)
    text = _SPACE_NEAR_CJK.sub("", text)
    return repair_line_breaks(text)


def _list_item_end(previous: str, after_blank: bool, line: str) -> str:
    """"," where an address list's line lacks its comma (妙川路300弄, then a blank line, then
    鹏飞路333弄,), so that joining does not glue two places into one; else ""."""
    ends_item = after_blank and not _PROSE_MARKS.search(previous) and _HAN.match(previous[-1]) and _HAN.match(line)
    return "," if ends_item else ""
