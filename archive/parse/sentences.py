"""Split normalized text into sentences, keeping their offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。!?\n]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive, including the closing 。 when there is one
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """Sentences of text[start:end], split at 。!? and line ends, one at a time."""
    end = len(text) if end is None else end
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end() if match.group() != "\n" else match.start()
        if text[pos:stop].strip():
            yield Sentence(pos, stop, text[pos:stop])
        pos = match.end()
    if text[pos:end].strip():  # the last sentence, without a closing mark
        yield Sentence(pos, end, text[pos:end])


def sentence_at(text: str, position: int, floor: int = 0) -> Sentence:
    """The sentence that holds ``position``; it starts at ``floor`` at the earliest (the caller knows a
    sentence ends there, and the search back stays short)."""
    start = max(floor, text.rfind("\n", floor, position) + 1, *(text.rfind(mark, floor, position) + 1 for mark in "。!?"))
    end = _SENTENCE_END.search(text, position)
    stop = len(text) if end is None else end.end() if end.group() != "\n" else end.start()
    return Sentence(start, stop, text[start:stop])


def sentence_before(text: str, start: int, floor: int = 0) -> Sentence | None:
    """The last sentence with text before ``start`` (the start of a sentence), at ``floor`` or after it."""
    position = start
    while position > floor:
        previous = sentence_at(text, position - 1, floor)
        if previous.text.strip():
            return previous
        position = previous.start
    return None
