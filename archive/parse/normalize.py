"""Text normalization: the one place the stored ``document.text`` is shaped.

Every span the parser reports indexes the text this module returns, so all
rewriting (width, script, spacing, broken lines) happens here, before parsing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from archive.parse import lexicon

# A PDF's page break: kept, a line of its own, so that a report's page follows from its span.
PAGE_BREAK = "\f"
# Characters that end a line which is complete in itself; a line ending in
# anything else, in a line of prose, was broken by the page layout.
# (";" is not among them: it separates clauses of one sentence, so a line ending in it was broken.)
_LINE_END_PUNCTUATION = "。!?:…\"'”’」』)]》"
# A line holds prose (not a headline or a dateline) when it contains one of these.
_PROSE_MARKS = re.compile(r"[,。;]")
_HAN_BLOCKS = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
_CJK = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _HAN_BLOCKS)
# Spaces are layout, not content ("57 例", "本报讯 (记者", "0 — 14时" of text copied out of a PDF), except
# between two Latin letters or digits, where they keep words and figures apart (2022-04-16 09:06).
# Each alternative takes a whole run of spaces, so that a run between two digits stays whole. The pattern
# starts with the space itself (what stands before it is looked at behind it): re then skips to the spaces
# instead of trying both alternatives at every character.
_LAYOUT_SPACE = re.compile(
    r"[ \t\u3000](?:(?<![A-Za-z0-9 \t\u3000].)[ \t\u3000]*|(?<=[A-Za-z0-9].)[ \t\u3000]*(?![ \t\u3000A-Za-z0-9]))"
)
# Control and format characters (zero-width spaces, direction marks, stray NULs)
# carry no content and would split words; tab and line end are kept.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_HAN = re.compile(rf"[{_CJK}]")
_FIRST_HAN = chr(_HAN_BLOCKS[0][0])
_NOT_HAN = re.compile(rf"[^{_CJK}]+")
# Pinyin that some sites' script converters insert after a character: 場(chǎng), 時(shí). It starts with
# its "(" (the character is looked at behind it), so that re skips to the brackets.
_PINYIN_ANNOTATION = re.compile(rf"\((?<=[{_CJK}]\()(?:[a-zA-Z\u00e0-\u01dc\u0251\u0261]+[1-5]?)(?: [a-zA-Z\u00e0-\u01dc\u0251\u0261]+[1-5]?)*\)")
# A line that is only a date or a time stamp (2020-03-03 08:05:13, 上海发布 2022-04-16 09:06)
# stands alone: it is never the continuation of a broken sentence.
_LONGEST_STAMP_LINE = 40  # 12 characters before the date, the date, a time
_STAMP_LINE = re.compile(r"^[^,。;]{0,12}?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
# A line ending in a count, and a line that opens a new statement: two items, not one broken sentence.
_OPENS_A_STATEMENT = re.compile(
    "(?:"
    + lexicon.alternation(
        lexicon.words("zero", "zero")
        + lexicon.words("new")
        + lexicon.words("trap", "discharged", "cumulative", "cutoff")
        + lexicon.words("self", "city")
    )
    + r"|\d{4}年|\d{1,2}月\d{1,2}日)"
)
# A break (blank lines too) after a line ending in "," before a line holding sentence punctuation (an
# address list's items, one a line): the loop below would join the two without a joint (none follows a
# ","), and what comes next as after either (both hold punctuation: see _joint). Joined here at once, a
# long list's lines are not looked at one by one. No form feed stands between them: it moves after the line.
_LIST_BREAK = re.compile(r",[^\S\n\f]*\n(?:[^\S\n\f]*\n)*[^\S\n]*(?=[^\n]*[,。;])")
# Characters that join without a separator when a break falls between them: a word split.
_JOINS_TIGHT = re.compile(rf"[{_CJK}]")
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
    rewritten = len(_rewritten_by_t2s().findall(text))
    # OpenCC would change at most the rewritten characters: beyond this many Han characters, fewer than a
    # traditional page has. Those of a prefix (twice that long) mostly tell, without counting the page's.
    enough = rewritten / _TRADITIONAL_SHARE
    if _han_count(text[: 2 * int(enough)]) > enough:
        return text
    han = _han_count(text) or 1
    if rewritten / han < _TRADITIONAL_SHARE:
        return text
    converted = _t2s().convert(text)
    if converted == text:
        return text
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    return converted if changed / han >= _TRADITIONAL_SHARE else text


def _han_count(text: str) -> int:
    return len(_NOT_HAN.sub("", text))  # a string of the Han characters: no list of each one


def repair_line_breaks(text: str) -> str:
    """Join prose lines that a page layout broke in the middle of a sentence.

    A line is joined to the next non-blank line when it contains sentence
    punctuation (so it is prose, not a headline or a dateline) and does not end
    with punctuation that closes a sentence; a date or time-stamp line is never
    joined. The break vanishes between two Chinese characters or next to
    punctuation (a split word); between digits or letters it leaves a space, so
    figures are never glued (…08:05:13 / 3月2日 must not read 33月2日).
    """
    out: list[str] = []
    current: list[str] = []  # the pieces of the line being joined (joined once: no quadratic copying)
    prose = False  # whether the line being joined holds sentence punctuation
    pending_join = False
    previous, after_blank = "", False  # district posts hook: see _joint
    # Page breaks (form feeds, a line of their own) met inside a sentence the page broke: they
    # follow the line once it is joined, so that a report's page is the one its sentence starts on.
    page_breaks: list[str] = []
    for line in _LIST_BREAK.sub(",", text).split("\n"):
        if line == PAGE_BREAK:
            page_breaks.append(line)
            if not pending_join:
                _flush(out, current, page_breaks)
                current, prose = [], False
            continue
        stripped = line.strip()
        if not stripped:
            after_blank = True
            if not pending_join and current:
                _flush(out, current, page_breaks)
                current, prose = [], False
                out.append("")
            continue
        stamp = (
            len(stripped) <= _LONGEST_STAMP_LINE
            and (stripped[-1].isdecimal() or stripped[-1] == "日")  # how a stamp ends: most lines need no match
            and _STAMP_LINE.match(stripped) is not None
        )
        # While a join is pending, the line before (previous) is the last piece of the line being joined.
        if pending_join and previous[-1] == "例" and len(previous) > 1 and previous[-2].isdigit():
            if _OPENS_A_STATEMENT.match(stripped):
                pending_join = False  # a headline's list of figures, one a line: 新增…358例 / 新增…4144例
        if pending_join and not stamp:
            # Only a letter, a digit or a Han character may take a joint: most breaks follow punctuation (,).
            left = previous[-1]
            if (left.isalnum() or left >= _FIRST_HAN) and (joint := _joint(previous, stripped, after_blank)):
                current.append(joint)
        elif current:
            _flush(out, current, page_breaks)
            current, prose = [], False
        current.append(stripped)
        prose = prose or _PROSE_MARKS.search(stripped) is not None
        pending_join = not stamp and prose and stripped[-1] not in _LINE_END_PUNCTUATION
        previous, after_blank = stripped, False
    _flush(out, current, page_breaks)
    return "\n".join(out).strip("\n")


def _flush(out: list[str], current: list[str], page_breaks: list[str]) -> None:
    """The joined line, then the page breaks met while joining it."""
    if current:
        out.append("".join(current))
    out.extend(page_breaks)
    page_breaks.clear()


def _joint(previous: str, line: str, after_blank: bool) -> str:
    """What a broken line's break becomes between its pieces previous and line.

    "," where an address list's line after a blank line lacks its comma (妙川路300弄, then a blank line,
    then 鹏飞路333弄,), so that joining does not glue two places into one; " " between two letters or
    digits; else nothing."""
    left, right = previous[-1], line[0]
    if after_blank and _HAN.match(left) and _HAN.match(right) and not _PROSE_MARKS.search(previous):
        return ","
    if left.isalnum() and right.isalnum() and not (_JOINS_TIGHT.match(left) or _JOINS_TIGHT.match(right)):
        return " "
    return ""


@lru_cache(maxsize=1)
def _compatibility_forms() -> tuple[re.Pattern, dict[str, str]]:
    """The characters of the Basic Multilingual Plane that NFKC changes (full-width forms, ideographic
    space …) with their NFKC: replacing each is the whole text's NFKC, once normalize() has composed
    what a character cannot alone (which is_normalized tells)."""
    table = {}
    for code in range(0x10000):
        if not 0xD800 <= code <= 0xDFFF:
            character = chr(code)
            normal = unicodedata.normalize("NFKC", character)
            if normal != character:
                table[character] = normal
    return re.compile(f"[{re.escape(''.join(table))}]"), table


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), in a fraction of its time on Chinese pages."""
    forms, table = _compatibility_forms()
    # A page holds few such characters, most of them many times (，): each is replaced all at once. (No
    # replacement holds one of them: before the first one found, the text is done.)
    found = forms.search(text)
    while found:
        character = found.group()
        text = text.replace(character, table[character])
        found = forms.search(text, found.start())
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, f"\n{PAGE_BREAK}\n")
    text = nfkc(text)
    text = _INVISIBLE.sub("", text)
    text = _PINYIN_ANNOTATION.sub("", text)
    text = to_simplified(text)
    text = _LAYOUT_SPACE.sub("", text)
    return repair_line_breaks(text)
