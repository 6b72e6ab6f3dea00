"""The article around a bulletin: its headline, its speaker, its numbered notices.

A page holds several articles; an article starts with a block of title lines
(short lines without sentence punctuation) and runs until the next such block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from archive.parse import lexicon
from archive.parse.dates import FULL_DATE_RE, PUBLICATION_LINE_RE
from archive.parse.lexer import to_int
from archive.parse.model import Notice

_SENTENCE_MARKS = re.compile(r"[。,;!?]")
_LINE_BREAK = re.compile("\n")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MAX_TITLE_LENGTH = 40
# How many prose paragraphs may stand between a headline and its bulletin.
_MAX_PROSE_BEFORE_BULLETIN = 4
_SPEAKER_RE = re.compile(
    r"(?P<speaker>[\u4e00-\u9fff]{0,14}?(?:副?主任|副?局长|副?书记|副?市长|副?省长|发言人|副?处长|副?院长|副?部长|副?主任委员)"
    r"[\u4e00-\u9fff]{2,3}?)(?:作主旨发布|作发布|通报|介绍|发布)"
)
_TITLE_RE = re.compile(r"主任|局长|书记|市长|省长|发言人|处长|院长|部长")
_SPEAKER_REACH = 16  # 14 characters of organisation, 副, and one to spare
_ORDINAL_DIGITS = "一二三四五六七八九十"
_ORDINAL = rf"[{_ORDINAL_DIGITS}]+"
# (The lookahead passes over the characters no marker starts with at one test.)
_NOTICE_MARKER_RE = re.compile(
    rf"(?=[{_ORDINAL_DIGITS}(])(?:^|(?<=[。!;]))(?:(?P<a>{_ORDINAL})是|(?P<b>{_ORDINAL})[、.]|\((?P<c>{_ORDINAL})\))"
)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def is_title(self) -> bool:
        text = self.text
        return (
            bool(text)
            and len(text) <= _MAX_TITLE_LENGTH
            and not _SENTENCE_MARKS.search(text)
            and len(_HAN.findall(text)) >= 4
            and not PUBLICATION_LINE_RE.search(text)
            and not FULL_DATE_RE.search(text)
        )


class PageLines:
    """The page's lines in order, each made when it is first looked at, with a fast look-up of the line
    holding an offset."""

    def __init__(self, text: str):
        self._text = text
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> Line:
        start = self._starts[index]
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._text)
        return Line(start, end, self._text[start:end].strip())

    def index_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def title_block_before(lines: PageLines, offset: int) -> list[Line]:
    """The title lines heading the article that holds ``offset`` (nearest first)."""
    index = lines.index_of(offset) - 1
    prose_seen = 0
    while index >= 0:
        line = lines[index]
        if line.is_title:
            block = []
            while index >= 0 and (lines[index].is_title or not lines[index].text):
                if lines[index].text:
                    block.append(lines[index])
                index -= 1
            return block
        if line.text:
            prose_seen += 1
            if prose_seen > _MAX_PROSE_BEFORE_BULLETIN:
                return []
        index -= 1
    return []


def headline(block: list[Line]) -> str | None:
    """The main title: the one announcing new cases, else the line nearest the text."""
    for line in block:
        if any(word in line.text for word in lexicon.words("new")):
            return line.text
    return block[0].text if block else None


def speaker(text: str, start: int, end: int) -> str | None:
    # Every match holds a title no further than _SPEAKER_REACH from its start, so the search
    # starts near the first title (the same leftmost match, without trying every offset).
    title = _TITLE_RE.search(text, start, end)
    if title is None:
        return None
    match = _SPEAKER_RE.search(text, max(start, title.start() - _SPEAKER_REACH), end)
    return match.group("speaker") if match else None


def article_end(lines: PageLines, offset: int, limit: int) -> int:
    """Where the article holding ``offset`` ends: the next title line, or ``limit``."""
    for index in range(lines.index_of(offset) + 1, len(lines)):
        line = lines[index]
        if line.start >= limit:
            break
        if line.is_title:
            return line.start
    return limit


def notices(lines: PageLines, start: int, end: int) -> list[Notice]:
    """Numbered items (一是…, 一、…, (一)…) of the paragraphs between ``start`` and ``end``.

    Numbering must run 1, 2, 3…; an item ends where the next starts or with its paragraph.
    """
    found: list[Notice] = []
    for index in range(lines.index_of(start), len(lines)):
        line = lines[index]
        if line.end > end:
            break
        if line.start < start or not line.text:
            continue
        markers = [m for m in _NOTICE_MARKER_RE.finditer(line.text)]
        for index, marker in enumerate(markers):
            ordinal = to_int(marker.group("a") or marker.group("b") or marker.group("c"))
            if ordinal != len(found) + 1:
                continue
            item_end = markers[index + 1].start() if index + 1 < len(markers) else len(line.text)
            body = line.text[marker.end() : item_end].strip()
            title = re.split(r"[。!;:]", body, maxsplit=1)[0]
            if title:
                found.append(Notice(ordinal, title, body))
    return found
